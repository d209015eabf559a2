import { useTranslation } from 'react-i18next'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useAppStore } from '../../store'
import { REPLAY_SPEEDS } from '../../store/replay-slice'
import type { ReplaySpeed, ReplayTarget } from '../../store/replay-slice'
import { ReplayExports } from './ReplayExports'
import { ReplayRangePicker } from './ReplayRangePicker'
import { scrubReplay, setReplaySpeed, setReplayTarget, toggleReplayPlaying } from './replay-actions'
import './replay.css'

/** The timeline under the map: who and which range, play/pause, speed, the scrubber, exports. */
export function ReplayBar() {
  const { t } = useTranslation()
  const language = useLanguage()
  const replay = useAppStore((s) => s.replay)
  const selectedName = useAppStore((s) => {
    const id = s.selectedAssetId
    return id === null ? null : (s.devices.find((d) => d.assetId === id)?.deviceName ?? id)
  })
  const listed = useAppStore((s) => s.devices.length)
  if (!replay) return null
  const single = replay.mode === 'tracks' && replay.tracks.length === 1 ? replay.tracks[0] : undefined
  const empty =
    replay.mode === 'tracks' && !replay.loading && replay.tracks.every((track) => track.t.length === 0)

  return (
    <div
      className="replay-bar"
      data-testid="replay-bar"
      data-mode={replay.mode}
      data-loading={replay.loading}
    >
      <div className="replay-row">
        <label className="replay-field">
          <span>{t('history.replay.target')}</span>
          <select
            data-testid="replay-target"
            value={replay.target}
            onChange={(e) => void setReplayTarget(e.target.value as ReplayTarget)}
          >
            <option value="selected" disabled={selectedName === null}>
              {selectedName === null
                ? t('history.replay.targets.selectedNone')
                : t('history.replay.targets.selected', { name: selectedName })}
            </option>
            <option value="list">{t('history.replay.targets.list', { count: listed })}</option>
            <option value="fleet">{t('history.replay.targets.fleet')}</option>
          </select>
        </label>
        <ReplayRangePicker replay={replay} />
        {single && <ReplayExports track={single} />}
      </div>
      <div className="replay-row">
        <button
          type="button"
          className="replay-play"
          data-testid="replay-play"
          data-playing={replay.playing}
          aria-pressed={replay.playing}
          aria-label={t(replay.playing ? 'history.replay.pause' : 'history.replay.play')}
          title={t(replay.playing ? 'history.replay.pause' : 'history.replay.play')}
          disabled={replay.loading}
          onClick={toggleReplayPlaying}
        >
          {replay.playing ? '❚❚' : '▶'}
        </button>
        <select
          className="replay-speed"
          data-testid="replay-speed"
          aria-label={t('history.replay.speed')}
          value={replay.speed}
          onChange={(e) => setReplaySpeed(Number(e.target.value) as ReplaySpeed)}
        >
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              ×{speed}
            </option>
          ))}
        </select>
        <input
          type="range"
          className="replay-scrubber"
          data-testid="replay-scrubber"
          aria-label={t('history.replay.time')}
          min={replay.from}
          max={replay.to}
          step={1000}
          value={replay.playhead}
          onChange={(e) => scrubReplay(Number(e.target.value))}
        />
        <span className="replay-ends">
          {formatFixTime(replay.from, language)} – {formatFixTime(replay.to, language)}
        </span>
      </div>
      {(replay.loading || replay.error || replay.truncated || empty || replay.mode === 'fleet') && (
        <p className={`replay-note${replay.error ? ' replay-error' : ''}`} role="status">
          {replay.loading
            ? t('history.replay.loading')
            : (replay.error ??
              (empty
                ? t('history.replay.empty')
                : replay.truncated
                  ? t('history.replay.truncated')
                  : t('history.replay.fleetFrames')))}
        </p>
      )}
    </div>
  )
}
