import { useTranslation } from 'react-i18next'

interface Props {
  checked: boolean
  available: boolean
  reason: string | null
  disabled: boolean
  onChange: (checked: boolean) => void
}

/** "Keep me signed in": offered only when main has a keychain to keep the renew token in. */
export function RememberCheckbox({ checked, available, reason, disabled, onChange }: Props) {
  const { t } = useTranslation()
  const why = reason ? t('auth.rememberUnavailable', { reason }) : t('auth.rememberUnavailableGeneric')
  return (
    <div className="remember">
      <label
        className={`remember-label${available ? '' : ' unavailable'}`}
        title={available ? undefined : why}
      >
        <input
          type="checkbox"
          data-testid="login-remember"
          checked={checked}
          disabled={disabled || !available}
          onChange={(e) => onChange(e.target.checked)}
        />
        {t('auth.remember')}
      </label>
      {!available && <p className="remember-why">{why}</p>}
    </div>
  )
}
