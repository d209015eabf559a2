import { describe, expect, it } from 'vitest'
import type { ConnectionConfig } from '../../../../shared/schemas/connections'
import { fieldsOf, hasOverrides, toConfig } from './connection-form-model'

const nugios = (overrides: Partial<ConnectionConfig['overrides']> = {}): ConnectionConfig => ({
  id: 'n1',
  scheme: 'nugios',
  name: 'Nugios desk',
  baseUrl: 'https://nugios.example',
  login: 'desk',
  timezoneOffsetMinutes: null,
  overrides: { paths: {}, fields: {}, lifetimeSeconds: null, ...overrides },
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
        overrides: { paths: { login: '/v2/login' }, fields: { accessToken: 'token' }, lifetimeSeconds: 900 },
      },
    })
  })

  it('round-trips a saved connection and opens the section only when something is overridden', () => {
    const saved = nugios({ paths: { refresh: '/api/refresh' }, lifetimeSeconds: 60 })
    const fields = fieldsOf(saved)
    expect(fields['path:refresh']).toBe('/api/refresh')
    expect(fields.lifetimeSeconds).toBe('60')
    expect(hasOverrides(fields)).toBe(true)
    expect(hasOverrides(fieldsOf(nugios()))).toBe(false)
    expect(toConfig('n1', 'nugios', fields, saved)).toMatchObject({ ok: true, config: saved })
  })

  it('keeps keys the form does not show (a hand-edited settings file)', () => {
    const saved = nugios({ paths: { logout: '/api/auth/logout' } })
    const built = toConfig('n1', 'nugios', fieldsOf(saved), saved)
    expect(built.ok && built.config.overrides.paths).toEqual({ logout: '/api/auth/logout' })
  })

  it.each([
    [{ 'path:login': 'api/login' }, 'A path override starts with /'],
    [{ lifetimeSeconds: 'soon' }, 'The token lifetime is a whole number of seconds'],
    [{ lifetimeSeconds: '-5' }, 'The token lifetime is a whole number of seconds'],
    [{ lifetimeSeconds: '1.5' }, 'The token lifetime is a whole number of seconds'],
  ])('refuses %o with a clear message', (extra, message) => {
    const built = toConfig('n1', 'nugios', { ...fieldsOf(nugios()), ...extra }, nugios())
    expect(built.ok).toBe(false)
    if (!built.ok) expect(built.message).toContain(message)
  })
})
