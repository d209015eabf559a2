import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { DEVICE_FILTERS, DEVICE_SORTS } from '../../store/devices-slice'
import type { DeviceFilter, DeviceSort } from '../../store/devices-slice'

interface Props {
  counts: Record<DeviceFilter, number>
}

/** Status chips with their counts, and the sort order. */
export function DeviceFilters({ counts }: Props) {
  const { t } = useTranslation()
  const filter = useAppStore((s) => s.deviceFilter)
  const sort = useAppStore((s) => s.deviceSort)
  const setFilter = useAppStore((s) => s.setDeviceFilter)
  const setSort = useAppStore((s) => s.setDeviceSort)
  const scopeKnown = useAppStore((s) => s.outOfScopeAssetIds !== null)
  const shown = DEVICE_FILTERS.filter((f) => f !== 'out-of-scope' || scopeKnown || filter === f)
  return (
    <div className="device-filters">
      <div className="device-chips" role="radiogroup" aria-label={t('devices.filterLabel')}>
        {shown.map((f) => (
          <button
            key={f}
            type="button"
            role="radio"
            aria-checked={filter === f}
            className={`device-chip chip-${f}${filter === f ? ' active' : ''}`}
            data-testid={`status-filter-${f}`}
            data-count={counts[f]}
            onClick={() => setFilter(f)}
          >
            {t(`devices.filter.${f}`)} <span className="device-chip-count">{counts[f]}</span>
          </button>
        ))}
      </div>
      <label className="device-sort">
        <span>{t('devices.sortLabel')}</span>
        <select
          data-testid="device-sort"
          value={sort}
          onChange={(e) => setSort(e.target.value as DeviceSort)}
        >
          {DEVICE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`devices.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
