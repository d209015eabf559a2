import { describe, expect, it } from 'vitest'
import type { ConnectionConfig } from '../../../../shared/schemas/connections'
import { describe as describeError } from '../../../../shared/errors/describe'
import { fieldsOf, hasOverrides, keepsStoredSecret, toConfig } from './connection-form-model'

const nugios = (overrides: Partial<ConnectionConfig['overrides']> = {}): ConnectionConfig => ({
  id: 'n1',
  scheme: 'nugios',
  name: 'Nugios desk',
  baseUrl: 'https://nugios.example',
  login: 'desk',
  timezoneOffsetMinutes: null,
  overrides: {
    paths: { login: '/n/login', refresh: '/n/refresh' },
    fields: {},
    methods: {},
    bodyFields: {},
    lifetimeSeconds: null,
    ...overrides,
  },
})

describe('the advanced overrides of the connection form', () => {
  it('turns filled boxes into overrides and leaves empty ones on the default', () => {
    const fields = {
      ...fieldsOf(nugios()),
      'path:login': ' /v2/login ',
      'field:accessToken': 'token',
      lifetimeSeconds: '900',
    }
    const built = toConfig('n1', 'nugios', fields, nugios())
    expect(built).toMatchObject({
      ok: true,
      config: {
        overrides: {
          paths: { login: '/v2/login', refresh: '/n/refresh' },
          fields: { accessToken: 'token' },
          lifetimeSeconds: 900,
        },
      },
    })
  })

  it('round-trips a saved connection and opens the section only when something is overridden', () => {
    const saved = nugios({ paths: { login: '/a', refresh: '/api/refresh' }, lifetimeSeconds: 60 })
    const fields = fieldsOf(saved)
    expect(fields['path:refresh']).toBe('/api/refresh')
    expect(fields.lifetimeSeconds).toBe('60')
    expect(hasOverrides(fields, 'nugios')).toBe(true)
    // Nugios' login and refresh paths are asked in the form itself: they do not open Advanced.
    expect(hasOverrides(fieldsOf(nugios()), 'nugios')).toBe(false)
    expect(toConfig('n1', 'nugios', fields, saved)).toMatchObject({ ok: true, config: saved })
  })

  it('keeps keys the form does not show (a hand-edited settings file)', () => {
    const saved = nugios({ paths: { login: '/a', refresh: '/b', logout: '/api/auth/logout' } })
    const built = toConfig('n1', 'nugios', fieldsOf(saved), saved)
    expect(built.ok && built.config.overrides.paths).toEqual({
      login: '/a',
      refresh: '/b',
      logout: '/api/auth/logout',
    })
  })

  it.each([
    [{ 'path:login': 'api/login' }, 'path-override'],
    [{ lifetimeSeconds: 'soon' }, 'lifetime'],
    [{ lifetimeSeconds: '-5' }, 'lifetime'],
    [{ lifetimeSeconds: '1.5' }, 'lifetime'],
  ] as const)('refuses %o with a clear code', (extra, code) => {
    const built = toConfig('n1', 'nugios', { ...fieldsOf(nugios()), ...extra }, nugios())
    expect(built).toEqual({ ok: false, error: { code } })
  })
})

describe('where the stored secret may go', () => {
  it('is kept only by an edit on the same server (scheme, host and port) and scheme', () => {
    const saved = nugios()
    expect(keepsStoredSecret(saved, 'nugios', 'https://nugios.example/api/')).toBe(true)
    expect(keepsStoredSecret(saved, 'nugios', ' https://NUGIOS.example:443 ')).toBe(true)
    expect(keepsStoredSecret(saved, 'nugios', 'https://other.example')).toBe(false)
    expect(keepsStoredSecret(saved, 'nugios', 'https://nugios.example:8443')).toBe(false)
    expect(keepsStoredSecret(saved, 'nugios', 'http://nugios.example')).toBe(false)
    expect(keepsStoredSecret(saved, 'nugios', 'half typed')).toBe(false)
    expect(keepsStoredSecret(saved, 'tavio', saved.baseUrl)).toBe(false)
    expect(keepsStoredSecret(null, 'nugios', saved.baseUrl)).toBe(false)
  })

  it.each([
    [{ baseUrl: 'http://nugios.example' }, 'needs-https', 'Usa una dirección https://'],
    [{ 'path:login': '//evil.example/api/login' }, 'leaves-server', 'Una ruta personalizada es una ruta'],
  ] as const)('refuses %o before sending, in both languages', (extra, code, spanish) => {
    const built = toConfig('n1', 'nugios', { ...fieldsOf(nugios()), ...extra }, nugios())
    expect(built).toEqual({ ok: false, error: { code } })
    expect(describeError({ code }, 'es-MX')).toMatch(new RegExp(`^${spanish}`))
  })

  it('takes plain http to this computer (the simulator and test fakes)', () => {
    const built = toConfig('n1', 'nugios', { ...fieldsOf(nugios()), baseUrl: 'http://127.0.0.1:4000' }, null)
    expect(built.ok).toBe(true)
  })

  it('says the engine’s refusal of a stored plain-http address in Spanish (its code alone)', () => {
    expect(describeError({ code: 'insecure-url' }, 'es-MX')).toMatch(
      /^Esta dirección usa http:\/\/ sin cifrar hacia otro equipo/,
    )
  })
})

describe('what each scheme asks for that its document leaves to the user', () => {
  it('Nugios: both request paths, refused empty (no default stands in)', () => {
    const fields = { ...fieldsOf(nugios()), 'path:login': '', 'path:refresh': '' }
    expect(toConfig('n1', 'nugios', fields, null)).toEqual({ ok: false, error: { code: 'enter-login-path' } })
    expect(describeError({ code: 'enter-login-path' }, 'es-MX')).toMatch(
      /^Escribe la ruta de inicio de sesión/,
    )
  })

  it('8x8: the agent login; Tavio admin: a scope that may be empty', () => {
    const video = { name: 'V', baseUrl: 'https://video-agent.8x8.com', agentLogin: '' }
    expect(toConfig('v', '8x8-video', video, null)).toEqual({
      ok: false,
      error: { code: 'enter-agent-login' },
    })
    expect(toConfig('v', '8x8-video', { ...video, agentLogin: 'agent.one' }, null)).toMatchObject({
      ok: true,
      config: { agentLogin: 'agent.one' },
    })
    const admin = { name: 'T', baseUrl: 'https://t.example', orgDomain: 'acme', clientId: 'c', scope: '' }
    expect(toConfig('t', 'tavio-orgadmin', admin, null)).toMatchObject({ ok: true, config: { scope: '' } })
  })

  it('Tavio: methods and login body names round-trip; a GET login is refused', () => {
    const tavio = {
      name: 'T',
      baseUrl: 'https://t.example',
      orgDomain: 'acme',
      username: 'u',
      envDomain: '',
      'method:renew': 'PUT',
      'body:username': 'email',
    }
    const built = toConfig('t', 'tavio', tavio, null)
    expect(built).toMatchObject({
      ok: true,
      config: { overrides: { methods: { renew: 'PUT' }, bodyFields: { username: 'email' } } },
    })
    if (built.ok)
      expect(fieldsOf(built.config)).toMatchObject({ 'method:renew': 'PUT', 'body:username': 'email' })
    expect(toConfig('t', 'tavio', { ...tavio, 'method:login': 'GET' }, null)).toEqual({
      ok: false,
      error: { code: 'get-with-body' },
    })
  })
})
