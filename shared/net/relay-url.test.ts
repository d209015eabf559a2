import { describe, expect, it } from 'vitest'
import { isRelayUrl, relaySocketUrl } from './relay-url'

describe('relay addresses', () => {
  it.each([
    ['https://relay.example.com', 'wss://relay.example.com/feed'],
    ['https://relay.example.com/fleet/', 'wss://relay.example.com/fleet/feed'],
    ['wss://relay.example.com:8443', 'wss://relay.example.com:8443/feed'],
    ['http://127.0.0.1:8080', 'ws://127.0.0.1:8080/feed'],
    ['ws://localhost:8080', 'ws://localhost:8080/feed'],
  ])('takes %s and reaches its feed at %s', (url, socket) => {
    expect(isRelayUrl(url)).toBe(true)
    expect(relaySocketUrl(url, '/feed')).toBe(socket)
  })

  it.each([
    'http://relay.example.com',
    'ws://10.0.0.5:8080',
    'ftp://relay.example.com',
    'https://relay.example.com/?key=x',
    'relay.example.com',
    '',
  ])('refuses %s: a desk key goes only where a password may', (url) => {
    expect(isRelayUrl(url)).toBe(false)
    expect(relaySocketUrl(url, '/feed')).toBeNull()
  })
})
