import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { ConnectionsDialog } from './ConnectionsDialog'

/** Header button for the Connections dialog; red when a connection needs attention. */
export function ConnectionsButton() {
  const { t } = useTranslation()
  const open = useAppStore((s) => s.connectionsOpen)
  const setOpen = useAppStore((s) => s.setConnectionsOpen)
  const problem = useAppStore((s) => s.connections.some((c) => c.status.phase === 'needs-attention'))
  const close = useCallback(() => setOpen(false), [setOpen])
  return (
    <>
      <button
        type="button"
        className={`header-button${problem ? ' header-button-problem' : ''}`}
        data-testid="open-connections"
        onClick={() => setOpen(true)}
      >
        {t('connections.open')}
      </button>
      {open && <ConnectionsDialog onClose={close} />}
    </>
  )
}
