import { useTranslation } from 'react-i18next'
import type { DeviceSkipSummary } from '../../../../shared/domain/device'
import { skippedText } from './skipped-devices'

/** "N devices skipped (malformed)", with the first row's reason: the rest of the list is still good. */
export function SkippedDevices({
  skipped,
  className,
}: {
  skipped: DeviceSkipSummary | undefined
  className: string
}) {
  const { t } = useTranslation()
  const text = skippedText(skipped)
  if (!text) return null
  const reason = t(text.reasonKey, { field: text.field })
  return (
    <div className={className} data-testid="sync-skipped" data-count={text.count} role="status">
      <span>{t('devices.skipped', { count: text.count })}</span>
      <span className="sync-skipped-reason">{t('devices.skippedHint', { row: text.row, reason })}</span>
    </div>
  )
}
