import { describe, expect, it } from 'vitest'
import { parseHostOptions } from '../host/cli-options'
import { commandLineOverrides } from './command-line-overrides'

/** A desk key as `relay keys add` prints it: name, a dot, 32 random bytes in base64url. */
const KEY = `desk3.${'a'.repeat(43)}`

describe('commandLineOverrides', () => {
  it('carries the API URL, the listener port, the relay and the --resolve rules of this run', () => {
    const options = parseHostOptions(
      [
        '--listener-port',
        '9001',
        '--resolve',
        'desk3.example.net:443:127.0.0.1',
        '--relay-url',
        'https://relay.example.net',
        '--relay-key',
        KEY,
      ],
      { TAGORA_API_URL: 'https://api.example.net' },
    )
    const overrides = commandLineOverrides(options)
    expect(overrides.apiUrlOverride).toBe('https://api.example.net')
    expect(overrides.listenerPortOverride).toBe(9001)
    expect(overrides.relayOverride).toEqual({ url: 'https://relay.example.net', key: KEY })
    expect(typeof overrides.resolveOverride).toBe('function')
  })

  it('overrides nothing when the command line says nothing', () => {
    const overrides = commandLineOverrides(parseHostOptions([], {}))
    expect(overrides).toEqual({
      apiUrlOverride: undefined,
      listenerPortOverride: undefined,
      relayOverride: undefined,
    })
    expect('resolveOverride' in overrides).toBe(false)
  })
})
