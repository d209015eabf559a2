import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Device } from '../../../../shared/domain/device'
import type { AssetStatus } from '../../../../shared/domain/telemetry'
import { formatSpeed } from '../../lib/format'
import type { Language } from '../../lib/language'

interface Props {
  device: Device
  status: AssetStatus
  speed: number | null
  selected: boolean
  top: number
  language: Language
  onSelect: (assetId: string) => void
}

/** Memoised: a telemetry batch re-renders only the visible rows whose status or speed changed. */
export const DeviceRow = memo(function DeviceRow({
  device,
  status,
  speed,
  selected,
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
      onClick={() => onSelect(device.assetId)}
    >
      <span className={`status-dot status-${status}`} title={t(`status.${status}`)} />
      <span className="device-row-text">
        <span className="device-row-name">{device.deviceName || device.assetId}</span>
        <span className="device-row-serial">{device.serial}</span>
      </span>
      <span className="device-row-speed">{speed === null ? '' : formatSpeed(speed, language)}</span>
    </div>
  )
})
