import { describe, expect, it } from 'vitest'
import { parseHostOptions } from './cli-options'

const KEY = `desk-1.${'a'.repeat(43)}`
const env = { FLEET_DATA_DIR: '/tmp/x' }

describe('host options: following a relay from the command line', () => {
  it('reads --relay-url and --relay-key, or FLEET_RELAY_URL and FLEET_RELAY_KEY', () => {
    const flags = parseHostOptions(['--relay-url', 'https://relay.example.com', '--relay-key', KEY], env)
    expect(flags.relay).toEqual({ url: 'https://relay.example.com', key: KEY })
    const vars = parseHostOptions([], {
      ...env,
      FLEET_RELAY_URL: 'http://127.0.0.1:8080',
      FLEET_RELAY_KEY: KEY,
    })
    expect(vars.relay).toEqual({ url: 'http://127.0.0.1:8080', key: KEY })
    expect(parseHostOptions([], env).relay).toBeUndefined()
  })

  it.each([
    [['--relay-url', 'https://relay.example.com'], /go together/],
    [['--relay-url', 'http://relay.example.com', '--relay-key', KEY], /https:\/\/ or wss:\/\//],
    [['--relay-url', 'https://relay.example.com', '--relay-key', 'not-a-key'], /not a desk key/],
  ])('refuses %j with a sentence that says why', (argv, message) => {
    expect(() => parseHostOptions(argv, env)).toThrow(message)
  })
})
