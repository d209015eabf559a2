import type { FormEvent } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListenerSettings } from '../../../../shared/schemas/settings'
import { useAppStore } from '../../store'
import { ListenerDetails } from './ListenerDetails'
import { applyListenerSettings } from './setup-actions'
import { AppError } from '../../../../shared/domain/errors'
import { errorText } from '../../lib/error-text'
import { suggestedPort } from './listener-port'

const DEFAULTS: ListenerSettings = {
  enabled: true,
  port: 8787,
  path: '/tagora/events',
  bindAddress: '127.0.0.1',
}

/** Enable, port, path and bind address (all interfaces only after an explicit, warned choice). */
export function ListenerSection() {
  const { t } = useTranslation()
  const saved = useAppStore((s) => s.settings?.listener) ?? DEFAULTS
  const onRelay = useAppStore((s) => s.feed?.kind === 'relay')
  const [draft, setDraft] = useState<ListenerSettings>(saved)
  const [port, setPort] = useState(String(saved.port))
  const [confirmAll, setConfirmAll] = useState(saved.bindAddress === '0.0.0.0')
  const [busy, setBusy] = useState(false)
  // The cause, not its text: the message follows a language switch made after the failure.
  const [error, setError] = useState<unknown>(null)

  const wantsAll = draft.bindAddress === '0.0.0.0'
  const suggestion = suggestedPort(error instanceof AppError ? error : null)
  function submit(event: FormEvent): void {
    event.preventDefault()
    const portNumber = Number(port)
    setBusy(true)
    setError(null)
    applyListenerSettings({ ...draft, port: portNumber })
      .catch((cause: unknown) => setError(cause))
      .finally(() => setBusy(false))
  }

  return (
    <section className="setup-section" data-testid="setup-listener">
      <h3>{t('setup.listener.title')}</h3>
      {onRelay && <p className="setup-muted">{t('setup.feed.listenerOff')}</p>}
      <ListenerDetails />
      <form className="setup-form" onSubmit={submit} noValidate>
        <label className="setup-check">
          <input
            type="checkbox"
            data-testid="listener-enabled"
            checked={draft.enabled}
            onChange={(e) => setDraft({ ...draft, enabled: e.target.checked })}
          />
          <span>{t('setup.listener.enabled')}</span>
        </label>
        <div className="setup-row">
          <label>
            <span>{t('setup.listener.port')}</span>
            <input
              data-testid="listener-port"
              type="number"
              min={0}
              max={65535}
              value={port}
              onChange={(e) => setPort(e.target.value)}
            />
          </label>
          <label>
            <span>{t('setup.listener.path')}</span>
            <input
              data-testid="listener-path"
              value={draft.path}
              onChange={(e) => setDraft({ ...draft, path: e.target.value })}
            />
          </label>
        </div>
        <fieldset className="setup-bind">
          <legend>{t('setup.listener.bind')}</legend>
          <label className="setup-check">
            <input
              type="radio"
              name="listener-bind"
              data-testid="listener-bind-loopback"
              checked={!wantsAll}
              onChange={() => setDraft({ ...draft, bindAddress: '127.0.0.1' })}
            />
            <span>{t('setup.listener.loopback')}</span>
          </label>
          <label className="setup-check">
            <input
              type="radio"
              name="listener-bind"
              data-testid="listener-bind-all"
              checked={wantsAll}
              onChange={() => {
                setConfirmAll(false)
                setDraft({ ...draft, bindAddress: '0.0.0.0' })
              }}
            />
            <span>{t('setup.listener.all')}</span>
          </label>
          {wantsAll && (
            <div className="setup-warning" role="alert">
              <p>{t('setup.listener.allWarning')}</p>
              <label className="setup-check">
                <input
                  type="checkbox"
                  data-testid="listener-bind-confirm"
                  checked={confirmAll}
                  onChange={(e) => setConfirmAll(e.target.checked)}
                />
                <span>{t('setup.listener.allConfirm')}</span>
              </label>
            </div>
          )}
        </fieldset>
        {error !== null && (
          <div className="setup-error" data-testid="listener-settings-error" role="alert">
            {errorText(error)}
            {suggestion !== null && ` ${t('setup.listener.portHint', { port: suggestion })}`}
          </div>
        )}
        <button
          type="submit"
          className="button-primary"
          data-testid="listener-save"
          disabled={busy || (wantsAll && !confirmAll)}
        >
          {busy ? t('setup.listener.saving') : t('setup.listener.save')}
        </button>
      </form>
    </section>
  )
}
