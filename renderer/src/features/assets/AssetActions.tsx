import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppStore } from '../../store'
import { formatCoordinates, openStreetMapUrl } from './map-links'

interface Props {
  lat: number | null
  lng: number | null
}

/** Follow, trail, copy coordinates and open in a map application: the panel's buttons. */
export function AssetActions({ lat, lng }: Props) {
  const { t } = useTranslation()
  const following = useAppStore((s) => s.following)
  const showTrail = useAppStore((s) => s.showTrail)
  const setFollowing = useAppStore((s) => s.setFollowing)
  const setShowTrail = useAppStore((s) => s.setShowTrail)
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null)
  const hasFix = lat !== null && lng !== null

  function copy(): void {
    if (!hasFix) return
    navigator.clipboard.writeText(formatCoordinates(lat, lng)).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    )
    setTimeout(() => setCopied(null), 2000)
  }

  return (
    <div className="asset-actions">
      <button
        type="button"
        className={`asset-action${following ? ' active' : ''}`}
        aria-pressed={following}
        data-testid="asset-follow"
        disabled={!hasFix}
        onClick={() => setFollowing(!following)}
      >
        {t('detail.follow')}
      </button>
      <button
        type="button"
        className={`asset-action${showTrail ? ' active' : ''}`}
        aria-pressed={showTrail}
        data-testid="asset-trail"
        onClick={() => setShowTrail(!showTrail)}
      >
        {t('detail.showTrail')}
      </button>
      <button
        type="button"
        className="asset-action"
        data-testid="asset-copy"
        disabled={!hasFix}
        onClick={copy}
      >
        {copied === 'ok'
          ? t('detail.copied')
          : copied === 'failed'
            ? t('detail.copyFailed')
            : t('detail.copy')}
      </button>
      {hasFix && (
        // Electron denies the new window and hands the URL to the system browser; a browser opens a tab.
        <a
          className="asset-action"
          data-testid="asset-open-map"
          href={openStreetMapUrl(lat, lng)}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('detail.openMap')}
        </a>
      )}
    </div>
  )
}
