import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FeedKind } from '../../../../shared/domain/feed'
import { errorText } from '../../lib/error-text'
import { useAppStore } from '../../store'
import { FeedStatus } from './FeedStatus'
import { applyFeed } from './setup-actions'

/**
 * Fleet setup → Feed: this desk's own listener (the default), or a Fleet Relay with its desk key.
 * Save tries the relay first: a refused key or a relay that does not answer says so and changes nothing.
 */
export function FeedSection() {
  const { t } = useTranslation()
  const feed = useAppStore((s) => s.feed)
  const [kind, setKind] = useState<FeedKind>(feed?.kind ?? 'listener')
  const [relayUrl, setRelayUrl] = useState(feed?.relayUrl ?? '')
  const [relayKey, setRelayKey] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const locked = feed?.fromCommandLine ?? false

  function submit(event: FormEvent): void {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const key = relayKey.trim()
    const input = kind === 'listener' ? { kind } : { kind, relayUrl, ...(key !== '' && { relayKey: key }) }
    applyFeed(input)
      .then(() => setRelayKey(''))
      .catch((cause: unknown) => setError(cause))
      .finally(() => setBusy(false))
  }

  return (
    <section className="setup-section" data-testid="setup-feed">
      <h3>{t('setup.feed.title')}</h3>
      <p className="setup-muted">{t('setup.feed.why')}</p>
      {locked && <p className="setup-warning">{t('setup.feed.commandLine')}</p>}
      <form className="setup-form" onSubmit={submit} noValidate>
        <fieldset className="setup-bind" disabled={locked}>
          <legend>{t('setup.feed.source')}</legend>
          {(['listener', 'relay'] as const).map((option) => (
            <label className="setup-check" key={option}>
              <input
                type="radio"
                name="feed-source"
                data-testid="feed-source"
                data-kind={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              <span>{t(`setup.feed.kind.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        {kind === 'relay' && (
          <div className="setup-row">
            <label>
              <span>{t('setup.feed.url')}</span>
              <input
                data-testid="feed-relay-url"
                value={relayUrl}
                placeholder="https://relay.example.com"
                disabled={locked}
                onChange={(e) => setRelayUrl(e.target.value)}
              />
            </label>
            <label>
              <span>{t('setup.feed.key')}</span>
              <input
                data-testid="feed-relay-key"
                type="password"
                autoComplete="off"
                value={relayKey}
                placeholder="name.secret"
                disabled={locked}
                onChange={(e) => setRelayKey(e.target.value)}
              />
            </label>
          </div>
        )}
        {kind === 'relay' && (
          <p className="setup-muted">
            {feed?.keyKeptIn ? t(`setup.feed.keyKept.${feed.keyKeptIn}`) : t('setup.feed.keyHint')}
          </p>
        )}
        {error !== null && (
          <div className="setup-error" data-testid="feed-error" role="alert">
            {errorText(error)}
          </div>
        )}
        <button type="submit" className="button-primary" data-testid="feed-save" disabled={busy || locked}>
          {busy ? t(kind === 'relay' ? 'setup.feed.checking' : 'setup.feed.saving') : t('setup.feed.save')}
        </button>
      </form>
      {feed?.kind === 'relay' && <FeedStatus feed={feed} />}
    </section>
  )
}
