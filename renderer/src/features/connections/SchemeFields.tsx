import { useTranslation } from 'react-i18next'
import { REQUIRED_PATHS } from '../../../../shared/schemas/connections'
import type { SchemeId } from '../../../../shared/schemas/connections'
import { nugiosTimezoneMinutes, utcOffsetLabel } from '../../../../shared/domain/nugios-timezone'
import { useNow } from '../../lib/use-now'
import { overrideKey, SCHEME_FIELDS } from './connection-form-model'
import type { FormFields } from './connection-form-model'

type Set = (key: string, value: string) => void

/** A labelled text box of the form, `connection-<key>` to tests. */
function TextField(props: {
  formKey: string
  label: string
  fields: FormFields
  set: Set
  placeholder?: string
  hint?: string
}) {
  const { formKey, label, fields, set } = props
  const hintId = props.hint ? `connection-${formKey}-hint` : undefined
  return (
    <label>
      <span>{label}</span>
      <input
        data-testid={`connection-${formKey.replace(':', '-')}`}
        value={fields[formKey] ?? ''}
        placeholder={props.placeholder}
        aria-describedby={hintId}
        spellCheck={false}
        onChange={(e) => set(formKey, e.target.value)}
      />
      {props.hint && (
        <small className="connection-field-hint" id={hintId} data-testid={hintId}>
          {props.hint}
        </small>
      )}
    </label>
  )
}

/** The fields one scheme asks for besides name, base URL and secret (each says what its document leaves open). */
export function SchemeFields({ scheme, fields, set }: { scheme: SchemeId; fields: FormFields; set: Set }) {
  const { t } = useTranslation()
  return (
    <>
      {SCHEME_FIELDS[scheme].map((key) => {
        if (key === 'tokenType')
          return (
            <label key={key}>
              <span>{t('connections.tokenType')}</span>
              <select
                data-testid="connection-tokenType"
                value={fields.tokenType ?? 'access-token2'}
                onChange={(e) => set('tokenType', e.target.value)}
              >
                <option value="access-token2">{t('connections.tokenTypes.access-token2')}</option>
                <option value="access-token">{t('connections.tokenTypes.access-token')}</option>
              </select>
            </label>
          )
        if (key === 'timezone') return <TimezoneField key={key} fields={fields} set={set} />
        const hint =
          key === 'agentLogin'
            ? t('connections.agentLoginHint')
            : key === 'scope'
              ? t('connections.scopeHint')
              : undefined
        return (
          <TextField
            key={key}
            formKey={key}
            label={t(`connections.${key}`)}
            fields={fields}
            set={set}
            hint={hint}
          />
        )
      })}
      <RequiredPaths scheme={scheme} fields={fields} set={set} />
    </>
  )
}

/** Paths the document leaves blank (Nugios' two request URLs): asked here, with an example as placeholder only. */
function RequiredPaths({ scheme, fields, set }: { scheme: SchemeId; fields: FormFields; set: Set }) {
  const { t } = useTranslation()
  const required = Object.entries(REQUIRED_PATHS[scheme] ?? {})
  if (required.length === 0) return null
  return (
    <fieldset className="connection-required-paths" data-testid="connection-required-paths">
      <p className="connection-field-hint">{t('connections.requiredPaths.intro')}</p>
      {required.map(([key, { example }]) => (
        <TextField
          key={key}
          formKey={overrideKey.path(key)}
          label={t(`connections.requiredPaths.${key === 'login' ? 'login' : 'refresh'}`)}
          placeholder={t('connections.requiredPaths.example', { example })}
          fields={fields}
          set={set}
        />
      ))}
    </fieldset>
  )
}

/** Nugios' X-nugios-timezone: the value this desk will send now, with the sign convention beside it. */
function TimezoneField({ fields, set }: { fields: FormFields; set: Set }) {
  const { t } = useTranslation()
  // Re-read each minute: a daylight-saving change moves the value the desk sends.
  const now = useNow(60_000)
  const typed = (fields.timezone ?? '').trim()
  const configured = typed === '' || !/^-?\d+$/.test(typed) ? null : Number(typed)
  const minutes = nugiosTimezoneMinutes(configured, new Date(now))
  return (
    <TextField
      formKey="timezone"
      label={t('connections.timezone')}
      fields={fields}
      set={set}
      hint={t('connections.timezoneSent', { minutes, offset: utcOffsetLabel(minutes) })}
    />
  )
}
