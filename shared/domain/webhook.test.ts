import { describe, expect, it } from 'vitest'
import { checkPostUrl, tunnelCommands, typedWebhookId, WEBHOOK_ID_PATTERN } from './webhook'

describe('checkPostUrl (the API rule, applied before sending)', () => {
  it.each([
    'https://fleet.example.com/tagora/events',
    'https://203.0.113.7/hook',
    'https://abc123.trycloudflare.com/tagora/events',
    'https://[2001:db8::1]/hook',
  ])('accepts the public https URL %s', (url) => {
    expect(checkPostUrl(url)).toMatchObject({ ok: true })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['fleet.example.com/hook', 'not-a-url'],
    ['not a url', 'not-a-url'],
    ['ftp://fleet.example.com/hook', 'not-a-url'],
    ['http://fleet.example.com/hook', 'not-https'],
    ['https://localhost:8787/tagora/events', 'localhost'],
    ['https://desk.localhost/hook', 'localhost'],
    ['https://127.0.0.1/hook', 'private-ip'],
    ['https://10.1.2.3/hook', 'private-ip'],
    ['https://172.16.0.9/hook', 'private-ip'],
    ['https://192.168.0.10/hook', 'private-ip'],
    ['https://169.254.1.1/hook', 'private-ip'],
    ['https://0.0.0.0/hook', 'private-ip'],
    ['https://[::1]/hook', 'private-ip'],
    ['https://[fe80::1]/hook', 'private-ip'],
    ['https://[fd00::5]/hook', 'private-ip'],
    ['https://[::ffff:192.168.1.1]/hook', 'private-ip'],
  ])('refuses %j as %s', (url, problem) => {
    expect(checkPostUrl(url)).toEqual({ ok: false, problem })
  })
})

describe('tunnelCommands', () => {
  it('points both examples at the listener port on loopback', () => {
    expect(tunnelCommands(8787)).toEqual({
      cloudflared: 'cloudflared tunnel --url http://127.0.0.1:8787',
      ngrok: 'ngrok http 8787',
    })
  })
})

describe('typedWebhookId', () => {
  it('sends digits as a number and anything else as the string it is', () => {
    expect(typedWebhookId(' 42 ')).toBe(42)
    expect(typedWebhookId('org-norte')).toBe('org-norte')
    expect(typedWebhookId('5f0c7a52-9c1e-4d1a-8b0e-2f6f0d1b7c3a')).toBe(
      '5f0c7a52-9c1e-4d1a-8b0e-2f6f0d1b7c3a',
    )
    // Longer than a safe integer: kept as text rather than rounded.
    expect(typedWebhookId('12345678901234567890')).toBe('12345678901234567890')
  })

  it('accepts digits and uuids only', () => {
    expect(WEBHOOK_ID_PATTERN.test('42')).toBe(true)
    expect(WEBHOOK_ID_PATTERN.test('5f0c7a52-9c1e-4d1a-8b0e-2f6f0d1b7c3a')).toBe(true)
    expect(WEBHOOK_ID_PATTERN.test('42; DROP')).toBe(false)
    expect(WEBHOOK_ID_PATTERN.test('')).toBe(false)
  })
})
