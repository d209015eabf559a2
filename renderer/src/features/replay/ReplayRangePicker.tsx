import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorInfoText } from '../../lib/error-text'
import type { ReplayRange, ReplayState } from '../../store/replay-slice'
import { setReplayRange } from './replay-actions'
import { fromLocalInput, toLocalInput } from './replay-range'

const RANGES: ReplayRange[] = ['last-10-min', 'last-hour', 'shift', 'yesterday', 'custom']

/** The range select; 'custom' shows its two ends, applied once both are set and in order. */
export function ReplayRangePicker({ replay }: { replay: ReplayState }) {
  const { t } = useTranslation()
  const [custom, setCustom] = useState(() => ({
    from: toLocalInput(replay.from),
    to: toLocalInput(replay.to),
  }))
  const [wrong, setWrong] = useState(false)

  function applyCustom(next: { from: string; to: string }): void {
    setCustom(next)
    const from = fromLocalInput(next.from)
    const to = fromLocalInput(next.to)
    const valid = from !== null && to !== null && to > from
    setWrong(!valid)
    if (valid) void setReplayRange('custom', { from, to })
  }

  return (
    <>
      <label className="replay-field">
        <span>{t('history.replay.range')}</span>
        <select
          data-testid="replay-range"
          value={replay.range}
          onChange={(e) => {
            const range = e.target.value as ReplayRange
            if (range === 'custom') applyCustom(custom)
            else void setReplayRange(range)
          }}
        >
          {RANGES.map((range) => (
            <option key={range} value={range}>
              {t(`history.replay.ranges.${range}`)}
            </option>
          ))}
        </select>
      </label>
      {replay.range === 'custom' && (
        <>
          <label className="replay-field">
            <span>{t('history.replay.from')}</span>
            <input
              type="datetime-local"
              data-testid="replay-from"
              value={custom.from}
              aria-invalid={wrong}
              onChange={(e) => applyCustom({ ...custom, from: e.target.value })}
            />
          </label>
          <label className="replay-field">
            <span>{t('history.replay.to')}</span>
            <input
              type="datetime-local"
              data-testid="replay-to"
              value={custom.to}
              aria-invalid={wrong}
              onChange={(e) => applyCustom({ ...custom, to: e.target.value })}
            />
          </label>
          {wrong && (
            <span className="replay-error" role="alert">
              {errorInfoText({ code: 'history-range' })}
            </span>
          )}
        </>
      )}
    </>
  )
}
