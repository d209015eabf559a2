import { useTranslation } from 'react-i18next'
import type { Track } from '../../../../shared/domain/history'
import { useAppStore } from '../../store'
import { exportFileName } from '../export/csv-cells'
import { downloadText } from '../export/download-text'
import { trackFile } from '../export/track-files'
import type { TrackFormat } from '../export/track-files'

const FORMATS: TrackFormat[] = ['csv', 'gpx', 'kml']

/** One vehicle's replayed track for the range, as CSV, GPX or KML, with the time of every fix. */
export function ReplayExports({ track }: { track: Track }) {
  const { t } = useTranslation()
  const device = useAppStore((s) => s.devices.find((d) => d.assetId === track.assetId))
  const owner = {
    name: device?.deviceName || track.assetId,
    serial: device?.serial ?? '',
    assetId: track.assetId,
  }
  function save(format: TrackFormat): void {
    const { text, type } = trackFile(format, track, owner)
    const base = `track-${(device?.serial || track.assetId).replace(/[^\w-]+/g, '_')}`
    downloadText(exportFileName(new Date(track.t[0] ?? 0), base, format), text, type)
  }
  return (
    <span className="replay-exports" role="group" aria-label={t('history.replay.export')}>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="map-tool"
          data-testid="history-export"
          data-format={format}
          disabled={track.t.length === 0}
          title={t('history.replay.export')}
          onClick={() => save(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
    </span>
  )
}
