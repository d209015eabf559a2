import { describe, expect, it } from 'vitest'
import { VALIDATION_MESSAGES } from '../../../shared/domain/validation-messages'
import { esMXErrors } from '../locales/es-mx-errors'
import { composeErrorText, composeTokenProblem } from './error-text'

const unreachable = {
  code: 'api-unreachable',
  message: 'Cannot reach the Tagora API at http://127.0.0.1:9: connection refused. Check the API address.',
  params: {
    service: 'Tagora',
    call: 'POST /auth/login',
    target: 'http://127.0.0.1:9',
    network: 'ECONNREFUSED',
  },
}

describe('composeErrorText', () => {
  it('shows the English message as main wrote it', () => {
    expect(composeErrorText(unreachable, undefined)).toBe(unreachable.message)
  })

  it('says a network failure in Spanish, naming the address and the reason', () => {
    expect(composeErrorText(unreachable, esMXErrors)).toBe(
      'No se puede conectar con la API de Tagora en http://127.0.0.1:9: conexión rechazada. ' +
        'Revisa la dirección de la API y tu conexión de red.',
    )
  })

  it("quotes the server's own words untranslated and keeps the request id", () => {
    const text = composeErrorText(
      {
        code: 'invalid-credentials',
        message: 'Tagora did not accept this email and password: Invalid credentials. (request r-1)',
        requestId: 'r-1',
        params: { service: 'Tagora', call: 'POST /auth/login', serverMessage: 'Invalid credentials.' },
      },
      esMXErrors,
    )
    expect(text).toBe(
      'Tagora no aceptó estas credenciales. El servidor respondió: "Invalid credentials". ' +
        'Revísalas e inténtalo de nuevo. (solicitud r-1)',
    )
  })

  it('uses the status and, without a named service, "the server"', () => {
    const text = composeErrorText(
      {
        code: 'server-error',
        message: 'POST /x failed (HTTP 503)',
        status: 503,
        params: { call: 'POST /x' },
      },
      esMXErrors,
    )
    expect(text).toBe('El servidor tuvo un error del servidor (HTTP 503) en POST /x. Inténtalo más tarde.')
  })

  it('keeps the English sentence when a template needs a fact the error lacks', () => {
    const error = { code: 'timeout', message: 'No answer within 15 s.', params: { call: 'GET /x' } }
    expect(composeErrorText(error, esMXErrors)).toBe(error.message)
  })

  it('keeps the English sentence for codes without params or without a template', () => {
    expect(composeErrorText({ code: 'internal', message: 'Something went wrong' }, esMXErrors)).toBe(
      'Something went wrong',
    )
    expect(composeErrorText({ code: 'other', message: 'Odd', params: { call: 'x' } }, esMXErrors)).toBe('Odd')
  })

  it('translates every sentence the shared schemas use, and leaves unknown ones alone', () => {
    for (const [key, english] of Object.entries(VALIDATION_MESSAGES)) {
      const spanish = composeErrorText({ code: 'validation', message: english }, esMXErrors)
      expect(spanish, key).not.toBe(english)
      expect(spanish, key).toBe(esMXErrors.validation[key as keyof typeof VALIDATION_MESSAGES])
    }
    expect(composeErrorText({ code: 'validation', message: 'Too big' }, esMXErrors)).toBe('Too big')
  })

  it('falls back to the generic network words for a key it does not know', () => {
    const text = composeErrorText(
      { ...unreachable, params: { ...unreachable.params, network: 'EWEIRD' } },
      esMXErrors,
    )
    expect(text).toContain('la solicitud falló antes de recibir respuesta')
  })

  it('says a listener that cannot bind in Spanish, keeping the OS detail as written', () => {
    const params = { target: '127.0.0.1', port: 8787 }
    const inUse = { code: 'port-in-use', message: 'Port 8787 is already in use by another program.', params }
    expect(composeErrorText(inUse, esMXErrors)).toBe(
      'Otro programa ya usa el puerto 8787. ' +
        'Elige otro puerto en Configurar flota → Receptor local, o cierra el otro programa.',
    )
    const odd = {
      code: 'listener-failed',
      message: 'The listener could not start',
      params: { ...params, detail: 'socket hang' },
    }
    expect(composeErrorText(odd, esMXErrors)).toBe(
      'El receptor no pudo iniciar en 127.0.0.1:8787. Detalle: "socket hang". Revisa Configurar flota → Receptor local.',
    )
  })
})

describe('composeTokenProblem', () => {
  const refused = {
    code: 'unauthorized',
    message: 'Nugios refused the session for POST /auth/refresh.',
    params: { service: 'Nugios', call: 'POST /auth/refresh' },
  }
  const english = `The server refused to renew the token: ${refused.message}`

  it("keeps main's English sentence when no translation is chosen", () => {
    expect(composeTokenProblem({ ending: 'renewal-refused', error: refused }, english, undefined)).toBe(
      english,
    )
  })

  it('says why the engine gave up, then the error, in Spanish', () => {
    expect(composeTokenProblem({ ending: 'renewal-refused', error: refused }, english, esMXErrors)).toBe(
      'El servidor rechazó renovar el token: Nugios rechazó la sesión para POST /auth/refresh. Inicia sesión de nuevo.',
    )
  })

  it('says a failure the engine still retries without an ending, and nothing when there is no problem', () => {
    expect(composeTokenProblem({ ending: null, error: refused }, refused.message, esMXErrors)).toBe(
      'Nugios rechazó la sesión para POST /auth/refresh. Inicia sesión de nuevo.',
    )
    expect(composeTokenProblem(null, null, esMXErrors)).toBeNull()
  })
})
