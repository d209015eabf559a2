import type { DeviceSkipSummary } from '../../../../shared/domain/device'

export interface SkippedText {
  /** i18n key and count of the headline ("3 devices skipped (malformed)"). */
  count: number
  /** The first skipped row, 1-based as a person counts. */
  row: number
  /** i18n key of the first row's reason, and the field it names. */
  reasonKey: `devices.skipReason.${'missing' | 'wrong-type' | 'not-an-object'}`
  field: string
}

/** What the sync status says about rows the last sync left out; null when none were. */
export function skippedText(skipped: DeviceSkipSummary | undefined): SkippedText | null {
  if (!skipped || skipped.count <= 0) return null
  const { first } = skipped
  return {
    count: skipped.count,
    row: first.position + 1,
    reasonKey: `devices.skipReason.${first.problem}`,
    field: first.field ?? '',
  }
}
