import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Device } from '../../../../shared/domain/device'
import type { AssetStatus } from '../../../../shared/domain/telemetry'
import { formatAge, formatFixTime, formatSpeed } from '../../lib/format'
import type { Language } from '../../lib/language'

interface Props {
  device: Device
  status: AssetStatus
  speed: number | null
  /** Epoch ms of the latest fix (a restored one after a restart), or null. */
  fixTime: number | null
  /** For the age of a stale or offline vehicle's last position. */
  now: number
  selected: boolean
  /** No active webhook carries this device: its positions can never arrive. */
  outOfScope: boolean
  top: number
  language: Language
  onSelect: (assetId: string) => void
}

/** Memoised: a telemetry batch re-renders only the visible rows whose status or speed changed. */
export const DeviceRow = memo(function DeviceRow({
  device,
  status,
  speed,
  fixTime,
  now,
  selected,
  outOfScope,
  top,
  language,
  onSelect,
}: Props) {
  const { t } = useTranslation()
  return (
    <div
      className={`device-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      role="option"
      aria-selected={selected}
      data-testid="device-row"
      data-asset-id={device.assetId}
      data-serial={device.serial}
      data-status={status}
      data-speed={speed ?? ''}
      data-fix-time={fixTime ?? ''}
      data-out-of-scope={outOfScope}
      onClick={() => onSelect(device.assetId)}
    >
      <span className={`status-dot status-${status}`} title={t(`status.${status}`)} />
      <span className="device-row-text">
        <span className="device-row-name">{device.deviceName || device.assetId}</span>
        <span className="device-row-serial">{device.serial}</span>
      </span>
      {outOfScope && (
        <span className="device-row-badge" title={t('devices.outOfScopeHint')}>
          {t('devices.outOfScope')}
        </span>
      )}
      {(status === 'stale' || status === 'offline') && fixTime !== null ? (
        // Not moving as far as we know: how old the last position is says more than its speed.
        <span
          className="device-row-speed device-row-age"
          data-testid="device-row-age"
          title={t('devices.lastPositionAt', { time: formatFixTime(fixTime, language, now) })}
        >
          {formatAge(now - fixTime, language)}
        </span>
      ) : (
        <span className="device-row-speed">{speed === null ? '' : formatSpeed(speed, language)}</span>
      )}
    </div>
  )
})
