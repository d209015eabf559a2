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
          <TimeField
            label={t('history.replay.from')}
            testId="replay-from"
            value={custom.from}
            wrong={wrong}
            onChange={(from) => applyCustom({ ...custom, from })}
          />
          <TimeField
            label={t('history.replay.to')}
            testId="replay-to"
            value={custom.to}
            wrong={wrong}
            onChange={(to) => applyCustom({ ...custom, to })}
          />
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

/** One end of a custom range, in local time. */
function TimeField(props: {
  label: string
  testId: string
  value: string
  wrong: boolean
  onChange: (value: string) => void
}) {
  return (
    <label className="replay-field">
      <span>{props.label}</span>
      <input
        type="datetime-local"
        data-testid={props.testId}
        value={props.value}
        aria-invalid={props.wrong}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}
