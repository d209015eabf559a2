import { describe as group, expect, it } from 'vitest'
import type { AppErrorInfo } from './facts'
import { describe, describeTokenProblem, translator } from './describe'

const unreachable: AppErrorInfo = {
  code: 'api-unreachable',
  facts: {
    service: 'Tagora',
    call: 'POST /auth/login',
    target: 'http://127.0.0.1:9',
    network: 'ECONNREFUSED',
  },
}

const refusedLogin: AppErrorInfo = {
  code: 'invalid-credentials',
  status: 401,
  requestId: 'r-1',
  facts: {
    service: 'Tagora',
    call: 'POST /auth/login',
    credentials: 'email-password',
    serverMessage: 'Invalid credentials.',
  },
}

group('describe', () => {
  it('names the address and the network failure, in both languages', () => {
    expect(describe(unreachable, 'en')).toBe(
      'Cannot reach the Tagora API at http://127.0.0.1:9: connection refused. ' +
        'Check the API address and your network connection.',
    )
    expect(describe(unreachable, 'es-MX')).toBe(
      'No se puede conectar con la API de Tagora en http://127.0.0.1:9: conexión rechazada. ' +
        'Revisa la dirección de la API y tu conexión de red.',
    )
  })

  it("quotes the server's own words untranslated, then the advice and the request id", () => {
    expect(describe(refusedLogin, 'en')).toBe(
      'Tagora did not accept this email and password: Invalid credentials. Check them and try again. (request r-1)',
    )
    expect(describe(refusedLogin, 'es-MX')).toBe(
      'Tagora no aceptó este correo y contraseña. El servidor respondió: "Invalid credentials". ' +
        'Revísalos e inténtalo de nuevo. (solicitud r-1)',
    )
  })

  it('uses the status and, without a named service, "the server"', () => {
    const info: AppErrorInfo = { code: 'server-error', status: 503, facts: { call: 'POST /x' } }
    expect(describe(info, 'en')).toBe('The server had a server error (HTTP 503) on POST /x. Try again later.')
    expect(describe(info, 'es-MX')).toBe(
      'El servidor tuvo un error del servidor (HTTP 503) en POST /x. Inténtalo más tarde.',
    )
  })

  it('keeps a low-level detail as it is: an OS error, an unknown network failure, zod’s own words', () => {
    const odd: AppErrorInfo = {
      code: 'listener-failed',
      facts: { target: '127.0.0.1', port: 8787, detail: 'socket hang' },
    }
    expect(describe(odd, 'en')).toBe(
      'The listener could not start on 127.0.0.1:8787 (socket hang). Check Fleet setup → Local listener.',
    )
    expect(describe(odd, 'es-MX')).toBe(
      'El receptor no pudo iniciar en 127.0.0.1:8787 (socket hang). Revisa Configurar flota → Receptor local.',
    )
    const weird = { ...unreachable, facts: { ...unreachable.facts, network: 'other', detail: 'EWEIRD' } }
    expect(describe(weird as AppErrorInfo, 'es-MX')).toContain('en http://127.0.0.1:9: EWEIRD.')
    expect(describe({ code: 'invalid-input', facts: { detail: 'Too big' } }, 'en')).toBe('Too big')
  })

  it('says a code without facts: a validation code, an internal failure', () => {
    expect(describe({ code: 'call-reference-long' }, 'es-MX')).toBe(
      'La referencia de llamada debe tener como máximo 20 caracteres',
    )
    expect(describe({ code: 'internal' }, 'en')).toBe(
      'Something went wrong inside Fleet Monitor. Details are in the log.',
    )
  })

  it('says the error that caused this one after it', () => {
    const info: AppErrorInfo = {
      code: 'listener-unavailable',
      facts: { cause: { code: 'port-in-use', facts: { target: '127.0.0.1', port: 8787 } } },
    }
    expect(describe(info, 'en')).toBe(
      'The demo needs the local listener, which is not running: Port 8787 is already in use by another ' +
        'program. Choose another port in Fleet setup → Local listener, or stop the other program.',
    )
    expect(describe(info, 'es-MX')).toMatch(
      /^La demo necesita el receptor local, que no está funcionando: Otro/,
    )
  })

  it('says keyed facts in words: which secret a connection needs', () => {
    const info: AppErrorInfo = { code: 'secret-required', facts: { name: 'Video desk', secret: 'api-key' } }
    expect(describe(info, 'en')).toBe('Enter the API key for "Video desk": none is stored for it yet.')
    expect(describe(info, 'es-MX')).toBe(
      'Escribe la clave de API de "Video desk": todavía no hay nada guardado.',
    )
  })
})

group('describeTokenProblem', () => {
  const refused: AppErrorInfo = {
    code: 'unauthorized',
    facts: { service: 'Nugios', call: 'POST /auth/refresh' },
  }

  it('says why the engine gave up, then the error', () => {
    const problem = { ending: 'renewal-refused' as const, error: refused }
    expect(describeTokenProblem(translator('en'), problem)).toBe(
      'The server refused to renew the token: Nugios rejected the session for POST /auth/refresh. Sign in again.',
    )
    expect(describeTokenProblem(translator('es-MX'), problem)).toBe(
      'El servidor rechazó renovar el token: Nugios rechazó la sesión para POST /auth/refresh. Inicia sesión de nuevo.',
    )
  })

  it('says a failure the engine still retries without an ending', () => {
    expect(describeTokenProblem(translator('es-MX'), { ending: null, error: refused })).toBe(
      'Nugios rechazó la sesión para POST /auth/refresh. Inicia sesión de nuevo.',
    )
  })
})
