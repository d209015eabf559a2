import type { FormEvent } from 'react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VideoPortalResult } from '../../../../shared/domain/connections'
import { callReferenceFor, videoPortalInputSchema } from '../../../../shared/schemas/video-portal'
import { useAppStore } from '../../store'
import { loadConnections, openVideoPortal, reserveTab } from './connections-actions'
import { readDriverPhone, writeDriverPhone } from './driver-phone'
import { VideoRoomStatus } from './VideoRoomStatus'
import './connections.css'
import { errorText, issueText } from '../../lib/error-text'

interface VideoConnection {
  id: string
  name: string
  agentLogin: string
}

/** "Video call" in the asset panel: 8x8's Agent Portal, with a room for the driver; shown once an 8x8 connection exists. */
export function VideoCallDriver({ assetId }: { assetId: string }) {
  const connections = useAppStore((s) => s.connections)
  const eight: VideoConnection[] = connections.flatMap(({ config }) =>
    config.scheme === '8x8-video'
      ? [{ id: config.id, name: config.name, agentLogin: config.agentLogin }]
      : [],
  )
  useEffect(() => {
    loadConnections().catch(() => undefined)
  }, [])
  if (eight.length === 0) return null
  return <VideoCallForm key={assetId} assetId={assetId} connections={eight} />
}

function VideoCallForm({ assetId, connections }: { assetId: string; connections: VideoConnection[] }) {
  const { t } = useTranslation()
  const host = useAppStore((s) => s.host)
  const [connectionId, setConnectionId] = useState(connections[0]?.id ?? '')
  const [createRoom, setCreateRoom] = useState(true)
  const [phone, setPhone] = useState(() => readDriverPhone(assetId))
  const [reference, setReference] = useState(() => callReferenceFor(assetId))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [opened, setOpened] = useState<{ result: VideoPortalResult; tabOpened: boolean } | null>(null)
  const agent = connections.find((c) => c.id === connectionId)?.agentLogin ?? ''

  function submit(event: FormEvent): void {
    event.preventDefault()
    const input = videoPortalInputSchema.safeParse({
      connectionId,
      createRoom,
      phoneNumber: createRoom ? phone : '',
      callReference: createRoom ? reference : '',
    })
    if (!input.success) return setError(issueText(input.error.issues))
    if (input.data.phoneNumber !== '') writeDriverPhone(assetId, input.data.phoneNumber)
    // The browser host's tab must open inside this click; Electron's portal is a window main opens.
    const tab = host === 'web' ? reserveTab() : null
    setBusy(true)
    setError(null)
    setOpened(null)
    openVideoPortal(input.data, tab)
      .then(setOpened)
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  return (
    <form className="video-call" data-testid="video-call" onSubmit={submit} noValidate>
      <strong>{t('video.title')}</strong>
      {connections.length > 1 && (
        <label>
          <span>{t('video.connection')}</span>
          <select value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            {connections.map(({ id, name }) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <p className="video-agent" data-testid="video-agent-login">
        {t('video.agent', { agent: agent || '—' })}
      </p>
      <label className="video-create-room">
        <input
          type="checkbox"
          data-testid="video-create-room"
          checked={createRoom}
          onChange={(e) => setCreateRoom(e.target.checked)}
        />
        <span>{t('video.createRoom')}</span>
      </label>
      {createRoom ? (
        <>
          <label>
            <span>{t('video.phone')}</span>
            <input
              data-testid="video-phone"
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          </label>
          {phone.trim() === '' && <p className="connection-field-hint">{t('video.phoneNone')}</p>}
          <label>
            <span>{t('video.reference')}</span>
            <input
              data-testid="video-reference"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          </label>
        </>
      ) : (
        <p className="connection-field-hint">{t('video.signInOnly')}</p>
      )}
      <button type="submit" className="button-primary" data-testid="video-open-portal" disabled={busy}>
        {busy ? t('video.calling') : t('video.call')}
      </button>
      {error && (
        <p className="connection-error" data-testid="video-error" role="alert">
          {error}
        </p>
      )}
      {opened && <VideoRoomStatus result={opened.result} tabOpened={opened.tabOpened} />}
    </form>
  )
}
