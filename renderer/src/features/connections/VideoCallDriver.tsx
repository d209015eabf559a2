import type { FormEvent } from 'react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VideoRoomResult } from '../../../../shared/domain/connections'
import { callReferenceFor, videoRoomInputSchema } from '../../../../shared/schemas/connections'
import { formatFixTime } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'
import { useAppStore } from '../../store'
import { createVideoRoom, loadConnections } from './connections-actions'
import { readDriverPhone, writeDriverPhone } from './driver-phone'
import './connections.css'
import { errorText, issueText } from '../../lib/error-text'

/** "Video call driver": an 8x8 room for the driver's phone, shown only when an 8x8 connection exists. */
export function VideoCallDriver({ assetId }: { assetId: string }) {
  const connections = useAppStore((s) => s.connections)
  const eight = connections.filter((c) => c.config.scheme === '8x8-video')
  useEffect(() => {
    loadConnections().catch(() => undefined)
  }, [])
  if (eight.length === 0) return null
  return (
    <VideoCallForm
      key={assetId}
      assetId={assetId}
      connectionIds={eight.map((c) => [c.config.id, c.config.name])}
    />
  )
}

function VideoCallForm({
  assetId,
  connectionIds,
}: {
  assetId: string
  connectionIds: Array<[string, string]>
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const now = useNow(1000)
  const [connectionId, setConnectionId] = useState(connectionIds[0]?.[0] ?? '')
  const [phone, setPhone] = useState(() => readDriverPhone(assetId))
  const [reference, setReference] = useState(() => callReferenceFor(assetId))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [room, setRoom] = useState<VideoRoomResult | null>(null)

  function submit(event: FormEvent): void {
    event.preventDefault()
    const input = videoRoomInputSchema.safeParse({
      connectionId,
      phoneNumber: phone,
      callReference: reference,
    })
    if (!input.success) return setError(issueText(input.error.issues))
    writeDriverPhone(assetId, input.data.phoneNumber)
    setBusy(true)
    setError(null)
    setRoom(null)
    createVideoRoom(input.data)
      .then(setRoom)
      .catch((cause: unknown) => setError(errorText(cause)))
      .finally(() => setBusy(false))
  }

  const minutesLeft = room ? Math.ceil((room.validUntil - now) / 60_000) : 0
  return (
    <form className="video-call" data-testid="video-call" onSubmit={submit} noValidate>
      <strong>{t('video.title')}</strong>
      {connectionIds.length > 1 && (
        <label>
          <span>{t('video.connection')}</span>
          <select value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
            {connectionIds.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span>{t('video.phone')}</span>
        <input
          data-testid="video-phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
        />
      </label>
      <label>
        <span>{t('video.reference')}</span>
        <input
          data-testid="video-reference"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </label>
      <button type="submit" className="button-primary" data-testid="video-call-driver" disabled={busy}>
        {busy ? t('video.calling') : t('video.call')}
      </button>
      {error && (
        <p className="connection-error" data-testid="video-error" role="alert">
          {error}
        </p>
      )}
      {room && (
        <p data-testid="video-room" data-valid-until={room.validUntil}>
          {t('video.created', { phone: room.phoneNumber, reference: room.callReference })}{' '}
          {minutesLeft > 0
            ? t('video.validUntil', {
                time: formatFixTime(room.validUntil, language, now),
                minutes: minutesLeft,
              })
            : t('video.expired')}
        </p>
      )}
    </form>
  )
}
