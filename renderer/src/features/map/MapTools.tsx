import { useTranslation } from 'react-i18next'
import { isMapOnlyWindow } from '../../lib/window-view'
import { openMapWindow, setBasemap } from './map-actions'
import { openReplay } from '../replay/replay-actions'
import { useAppStore } from '../../store'
import { selectMapSettings } from '../../store/selectors'

const BASEMAPS = ['auto', 'online', 'offline'] as const

/** The map's toolbar: fit all, follow, clustering, motion, basemap and theme. */
export function MapTools() {
  const { t } = useTranslation()
  const selected = useAppStore((s) => s.selectedAssetId !== null)
  const following = useAppStore((s) => s.following)
  const clustering = useAppStore((s) => s.clustering)
  const motion = useAppStore((s) => s.motion)
  const theme = useAppStore((s) => s.theme)
  const basemap = useAppStore(selectMapSettings)?.basemap ?? 'auto'
  const replaying = useAppStore((s) => s.replay !== null)
  const store = useAppStore.getState

  return (
    <div className="map-tools" role="toolbar" aria-label={t('map.tools')} data-testid="map-tools">
      <button
        type="button"
        className="map-tool"
        data-testid="map-fit-all"
        title={t('map.fitAllHint')}
        onClick={() => store().requestFitAll()}
      >
        {t('map.fitAll')}
      </button>
      <ToggleTool
        testId="map-follow"
        pressed={following}
        disabled={!selected}
        title={t('map.followHint')}
        label={t('map.follow')}
        onToggle={() => store().setFollowing(!following)}
      />
      <ToggleTool
        testId="map-clustering"
        pressed={clustering}
        label={t('map.clusters')}
        onToggle={() => store().setClustering(!clustering)}
      />
      <ToggleTool
        testId="map-motion"
        pressed={motion}
        title={t('map.motionHint')}
        label={t('map.motion')}
        onToggle={() => store().setMotion(!motion)}
      />
      <button
        type="button"
        className={`map-tool${replaying ? ' active' : ''}`}
        data-testid="replay-open"
        aria-pressed={replaying}
        title={t('history.replay.openHint')}
        onClick={() => void (replaying ? undefined : openReplay())}
      >
        {t('history.replay.open')}
      </button>
      <select
        className="map-tool"
        data-testid="map-basemap"
        aria-label={t('map.basemap')}
        value={basemap}
        onChange={(e) => void setBasemap(e.target.value as (typeof BASEMAPS)[number])}
      >
        {BASEMAPS.map((b) => (
          <option key={b} value={b}>
            {t(`map.basemaps.${b}`)}
          </option>
        ))}
      </select>
      {!isMapOnlyWindow() && (
        <button
          type="button"
          className="map-tool"
          data-testid="map-pop-out"
          title={t('map.popOutHint')}
          onClick={openMapWindow}
        >
          {t('map.popOut')}
        </button>
      )}
      <button
        type="button"
        className="map-tool"
        data-testid="theme-toggle"
        data-theme={theme}
        onClick={() => store().setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {t(theme === 'dark' ? 'map.lightTheme' : 'map.darkTheme')}
      </button>
    </div>
  )
}

interface ToggleToolProps {
  testId: string
  pressed: boolean
  label: string
  title?: string
  disabled?: boolean
  onToggle: () => void
}

/** A tool that is on or off: highlighted and aria-pressed while on. */
function ToggleTool({ testId, pressed, label, title, disabled, onToggle }: ToggleToolProps) {
  return (
    <button
      type="button"
      className={`map-tool${pressed ? ' active' : ''}`}
      data-testid={testId}
      aria-pressed={pressed}
      disabled={disabled}
      title={title}
      onClick={onToggle}
    >
      {label}
    </button>
  )
}
