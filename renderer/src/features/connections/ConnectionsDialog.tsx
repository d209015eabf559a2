import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionConfig } from '../../../../shared/schemas/connections'
import { useAppStore } from '../../store'
import { ConnectionForm } from './ConnectionForm'
import { ConnectionRow } from './ConnectionRow'
import { loadConnections } from './connections-actions'
import './connections.css'
import { Modal } from '../../lib/Modal'
import { errorText } from '../../lib/error-text'

/** Settings → Connections: add, edit, remove and test connections of any scheme. */
export function ConnectionsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const connections = useAppStore((s) => s.connections)
  const [editing, setEditing] = useState<ConnectionConfig | 'new' | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    loadConnections().catch((cause: unknown) => setError(errorText(cause)))
  }, [])

  return (
    <Modal
      placement="dialog"
      className="connections-dialog"
      label={t('connections.title')}
      testId="connections-dialog"
      onClose={onClose}
    >
      <header className="connections-head">
        <h2>{t('connections.title')}</h2>
        <button type="button" className="button-secondary" data-testid="connections-close" onClick={onClose}>
          {t('connections.close')}
        </button>
      </header>
      <p className="connections-intro">{t('connections.intro')}</p>
      {error && <p className="connection-error">{error}</p>}
      {editing !== null ? (
        <ConnectionForm editing={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
      ) : (
        <>
          {connections.length === 0 && <p>{t('connections.empty')}</p>}
          <ul className="connection-list">
            {connections.map((entry) => (
              <ConnectionRow key={entry.config.id} entry={entry} onEdit={() => setEditing(entry.config)} />
            ))}
          </ul>
          <button
            type="button"
            className="button-primary"
            data-testid="connection-add"
            onClick={() => setEditing('new')}
          >
            {t('connections.add')}
          </button>
        </>
      )}
    </Modal>
  )
}
