import { useTranslation } from 'react-i18next'
import type { SecretKind } from '../../../../shared/schemas/connections'
import {
  BARE_SECRET_KINDS,
  schemeWordOf,
  withoutSchemeWord,
} from '../../../../shared/schemas/connection-secret'

/**
 * The secret box (write-only: never shown back). A bare API key or token pasted with its scheme word
 * ("Bearer …") gets a one-click fix; a password or client secret is taken as typed, whatever it holds.
 */
export function SecretInput(props: {
  kind: SecretKind
  value: string
  onChange: (value: string) => void
  canKeep: boolean
  describedBy: string | undefined
}) {
  const { t } = useTranslation()
  const { kind, value, onChange } = props
  const word = BARE_SECRET_KINDS.includes(kind) ? schemeWordOf(value) : null
  return (
    <>
      <label>
        <span>{t(`connections.secret.${kind}`)}</span>
        <input
          data-testid="connection-secret"
          type="password"
          autoComplete="off"
          value={value}
          placeholder={props.canKeep ? t('connections.secretKeep') : ''}
          aria-describedby={props.describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {word !== null && (
        <button
          type="button"
          className="button-secondary connection-secret-fix"
          data-testid="connection-secret-fix"
          onClick={() => onChange(withoutSchemeWord(value))}
        >
          {t('connections.secretFix', { word: word.trim() })}
        </button>
      )}
    </>
  )
}
