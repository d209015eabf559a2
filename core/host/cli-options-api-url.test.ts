import { describe, expect, it } from 'vitest'
import { parseHostOptions } from './cli-options'

const withApi = (url: string) => parseHostOptions([], { TAGORA_API_URL: url, FLEET_DATA_DIR: '/tmp/x' })

describe('TAGORA_API_URL follows the one address rule (shared/net/secure-url.ts)', () => {
  it('takes https anywhere and plain http to this computer (the simulator)', () => {
    expect(withApi('https://tagora.example.com/integration/v1').apiUrl).toBe(
      'https://tagora.example.com/integration/v1',
    )
    expect(withApi('http://127.0.0.1:4010/integration/v1').apiUrl).toBe(
      'http://127.0.0.1:4010/integration/v1',
    )
    expect(withApi('http://localhost:4010/v1').apiUrl).toBe('http://localhost:4010/v1')
  })

  it('refuses plain http to another computer, naming the variable and never echoing credentials', () => {
    expect(() => withApi('http://user:pa55word@tagora.example.com/v1')).toThrow(
      /TAGORA_API_URL must be an https:\/\/ address .* got http:\/\/tagora\.example\.com$/,
    )
    expect(() => withApi('http://user:pa55word@tagora.example.com/v1')).not.toThrow(/pa55word/)
    expect(() => withApi('nonsense')).toThrow(/got something that is not a URL/)
  })
})
