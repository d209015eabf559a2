import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/domain/errors'
import type { AppErrorInfo } from '../../../shared/domain/errors'
import { describe as describeError } from '../../../shared/errors/describe'
import { codeText, errorText, issueText, problemText, tokenProblemText } from './error-text'
import { I18N_OPTIONS } from './i18n'

const inUse: AppErrorInfo = { code: 'port-in-use', facts: { target: '127.0.0.1', port: 8787 } }

describe('error text, through the app’s i18next', () => {
  beforeAll(async () => {
    await i18next.init({ ...I18N_OPTIONS, lng: 'en' })
  })

  it('says an error as describe() does, in the language the user chose', async () => {
    await i18next.changeLanguage('en')
    expect(problemText(inUse)).toBe(describeError(inUse, 'en'))
    await i18next.changeLanguage('es-MX')
    expect(problemText(inUse)).toBe(
      'Otro programa ya usa el puerto 8787. ' +
        'Elige otro puerto en Configurar flota → Receptor local, o cierra el otro programa.',
    )
    expect(problemText(null)).toBeNull()
  })

  it('says a thrown AppError from its facts, and anything else in its own words', async () => {
    await i18next.changeLanguage('es-MX')
    expect(errorText(new AppError(inUse))).toBe(describeError(inUse, 'es-MX'))
    expect(errorText(new Error('socket hang'))).toBe('Error inesperado: socket hang')
  })

  it("says a shared schema's refusal and the renderer's own checks from their codes", async () => {
    await i18next.changeLanguage('es-MX')
    expect(issueText([{ message: 'call-reference-long' }])).toBe(
      'La referencia de llamada debe tener como máximo 20 caracteres',
    )
    await i18next.changeLanguage('en')
    expect(codeText('name-webhook')).toBe('Give the webhook a name.')
  })

  it('says a token problem with how the engine gave up', async () => {
    await i18next.changeLanguage('en')
    const error: AppErrorInfo = { code: 'invalid-credentials', facts: { service: 'Nugios' } }
    expect(tokenProblemText({ ending: 'rejected-twice', error })).toBe(
      'The server refused the token twice in a row: Nugios did not accept these credentials. Check them and try again.',
    )
    expect(tokenProblemText(null)).toBeNull()
  })
})
