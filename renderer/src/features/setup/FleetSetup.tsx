import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { SettingsNotice } from './SettingsNotice'
import { SetupDrawer } from './SetupDrawer'
import { useRefreshOnReconnect } from './use-refresh-on-reconnect'
import './setup.css'

/** Header entry point: the "Fleet setup" button, its drawer, and the start-up notice. */
export function FleetSetup() {
  const { t } = useTranslation()
  const open = useAppStore((s) => s.setupOpen)
  const setOpen = useAppStore((s) => s.setSetupOpen)
  const close = useCallback(() => setOpen(false), [setOpen])
  useRefreshOnReconnect()
  return (
    <>
      <button type="button" className="header-button" data-testid="open-setup" onClick={() => setOpen(true)}>
        {t('setup.open')}
      </button>
      {open && <SetupDrawer onClose={close} />}
      <SettingsNotice />
    </>
  )
}
