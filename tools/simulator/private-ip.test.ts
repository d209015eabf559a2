import { describe, expect, it } from 'vitest'
import { isPrivateOrLoopbackHost } from './private-ip'

describe('isPrivateOrLoopbackHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'api.localhost',
    'localhost.',
    '10.0.0.1',
    '10.255.255.255',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.10',
    '127.0.0.1',
    '127.8.9.10',
    '169.254.169.254',
    '0.0.0.0',
    '::1',
    '[::1]',
    '::',
    '0:0:0:0:0:0:0:1',
    'fc00::1',
    'fd12:3456:789a::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '[::ffff:c0a8:101]',
  ])('rejects %s', (host) => {
    expect(isPrivateOrLoopbackHost(host)).toBe(true)
  })

  it.each([
    'example.com',
    'integration.tagora.com.mx',
    '8.8.8.8',
    '172.15.0.1',
    '172.32.0.1',
    '192.169.0.1',
    '169.255.0.1',
    '11.0.0.1',
    '2001:db8::1',
    '[2606:4700::1111]',
    'fec0::1',
    '::ffff:8.8.8.8',
    '10.0.0.1.nip.io',
    'localhost.example.com',
    '',
    '256.1.1.1',
  ])('accepts %s', (host) => {
    expect(isPrivateOrLoopbackHost(host)).toBe(false)
  })

  it('agrees with how URL normalizes exotic IPv4 spellings', () => {
    for (const raw of ['https://0x7f.1/', 'https://2130706433/', 'https://017700000001/']) {
      expect(isPrivateOrLoopbackHost(new URL(raw).hostname)).toBe(true)
    }
  })
})
