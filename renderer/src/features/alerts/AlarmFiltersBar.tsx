import { useTranslation } from 'react-i18next'
import { ALARM_KINDS, ALARM_STATES } from '../../../../shared/domain/alarms'
import type { AlarmFilters } from './alarm-filter'

/** State, kind and vehicle filters of the inbox. */
export function AlarmFiltersBar({
  filters,
  onChange,
}: {
  filters: AlarmFilters
  onChange: (filters: AlarmFilters) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="alarm-filters">
      <label>
        <span>{t('alarms.filter.state')}</span>
        <select
          data-testid="alarm-filter-state"
          value={filters.state}
          onChange={(e) => onChange({ ...filters, state: e.target.value as AlarmFilters['state'] })}
        >
          <option value="open">{t('alarms.filter.open')}</option>
          {ALARM_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`alarms.state.${state}`)}
            </option>
          ))}
          <option value="all">{t('alarms.filter.all')}</option>
        </select>
      </label>
      <label>
        <span>{t('alarms.filter.kind')}</span>
        <select
          data-testid="alarm-filter-kind"
          value={filters.kind}
          onChange={(e) => onChange({ ...filters, kind: e.target.value as AlarmFilters['kind'] })}
        >
          <option value="all">{t('alarms.filter.all')}</option>
          {ALARM_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`alerts.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="alarm-filter-vehicle">
        <span>{t('alarms.filter.vehicle')}</span>
        <input
          type="search"
          data-testid="alarm-filter-vehicle"
          placeholder={t('alarms.filter.vehicleHint')}
          value={filters.vehicle}
          onChange={(e) => onChange({ ...filters, vehicle: e.target.value })}
        />
      </label>
    </div>
  )
}
