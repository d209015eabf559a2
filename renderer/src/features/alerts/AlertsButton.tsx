import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { AlarmInboxPanel } from './AlarmInboxPanel'
import './alerts.css'

/** The header's bell: how many alarms nobody has acknowledged yet, and the inbox when opened. */
export function AlertsButton() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const unread = useAppStore((s) => s.alarmCounts.new)

  return (
    <div className="alerts">
      <button
        type="button"
        className="alerts-button"
        data-testid="alerts-toggle"
        data-unread={unread}
        aria-expanded={open}
        aria-label={t('alarms.open', { count: unread })}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="alerts-bell">
          <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0Z" />
        </svg>
        {unread > 0 && <span className="alerts-badge">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && <AlarmInboxPanel onClose={() => setOpen(false)} />}
    </div>
  )
}
