import { useTranslation } from 'react-i18next'
import type { VideoPortalResult } from '../../../../shared/domain/connections'
import { formatFixTime, formatRemaining } from '../../lib/format'
import { useLanguage } from '../../lib/i18n'
import { useNow } from '../../lib/use-now'

/**
 * After "Video call": where the portal opened, who gets the link (8x8's SMS, or the desk itself), and the
 * room's 15 minutes counting down to the second.
 */
export function VideoRoomStatus({ result, tabOpened }: { result: VideoPortalResult; tabOpened: boolean }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { room, portal } = result
  const now = useNow(1000, room !== null)
  const left = room ? room.validUntil - now : 0
  return (
    <div className="video-room" data-testid="video-room" data-valid-until={room?.validUntil ?? ''}>
      {portal.opened === 'window' && <p>{t('video.openedWindow')}</p>}
      {portal.opened === 'tab' &&
        (tabOpened ? (
          <p>{t('video.openedTab')}</p>
        ) : (
          <p data-testid="video-portal-blocked">
            {t('video.blocked')}{' '}
            <a href={portal.path} target="_blank" rel="noopener noreferrer" data-testid="video-portal-link">
              {t('video.openPortal')}
            </a>
          </p>
        ))}
      {room === null ? (
        <p>{t('video.signedIn', { agent: result.agentLogin })}</p>
      ) : (
        <>
          <p>
            {room.phoneNumber ? t('video.sms', { phone: room.phoneNumber }) : t('video.noSms')}
            {room.callReference && ` ${t('video.referenceShown', { reference: room.callReference })}`}
          </p>
          <p data-testid="video-room-countdown" data-left-ms={Math.max(0, left)} role="timer">
            {left > 0
              ? t('video.countdown', {
                  left: formatRemaining(left),
                  time: formatFixTime(room.validUntil, language, now),
                })
              : t('video.expired')}
          </p>
        </>
      )}
    </div>
  )
}
