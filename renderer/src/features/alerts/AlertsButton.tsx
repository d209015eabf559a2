import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { AlertsPanel } from './AlertsPanel'
import './alerts.css'

/** The header's bell: unread count, and the alert list when opened. */
export function AlertsButton() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const unread = useAppStore((s) => s.unreadAlerts)
  const markRead = useAppStore((s) => s.markAlertsRead)

  function toggle(): void {
    setOpen(!open)
    markRead()
  }

  return (
    <div className="alerts">
      <button
        type="button"
        className="alerts-button"
        data-testid="alerts-toggle"
        data-unread={unread}
        aria-expanded={open}
        aria-label={t('alerts.open', { count: unread })}
        onClick={toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" className="alerts-bell">
          <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0Z" />
        </svg>
        {unread > 0 && <span className="alerts-badge">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <AlertsPanel
          onClose={() => {
            setOpen(false)
            markRead()
          }}
        />
      )}
    </div>
  )
}
