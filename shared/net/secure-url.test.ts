import { describe, expect, it } from 'vitest'
import { savableConnectionConfigSchema } from '../schemas/connections'
import { saveConnectionInputSchema } from '../schemas/connection-secret'
import { apiUrlInputSchema, settingsSchema } from '../schemas/settings'
import { isSecureUrl, isServerPath, originOf, sameOrigin } from './secure-url'

describe('isSecureUrl: https anywhere, plain http only to this computer', () => {
  it.each([
    'https://integration.tagora.com.mx/integration/v1',
    'https://203.0.113.7:8443/api',
    'http://127.0.0.1:4010/integration/v1',
    'http://127.8.9.10/',
    'http://localhost:8080',
    'http://LOCALHOST/x',
    'http://[::1]:9000/',
    'http://[::ffff:127.0.0.1]/',
    'http://127.1/', // WHATWG reads this as 127.0.0.1
    'http://2130706433/', // and this too
  ])('allows %s', (url) => expect(isSecureUrl(url)).toBe(true))

  it.each([
    'http://integration.tagora.com.mx/integration/v1',
    'http://192.168.1.20/api',
    'http://10.0.0.5/',
    'http://0.0.0.0:8080/',
    'http://[::ffff:10.0.0.1]/',
    'http://localhost.example.com/',
    'http://app.localhost/',
    'http://127.0.0.1.evil.example/',
    'ftp://127.0.0.1/',
    'file:///etc/passwd',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isSecureUrl(url)).toBe(false))
})

describe('origins', () => {
  it('compares scheme, host and port only', () => {
    expect(sameOrigin('https://v.example.com/a', 'https://V.example.com:443/b?c')).toBe(true)
    expect(sameOrigin('https://v.example.com', 'https://v.example.com:8443')).toBe(false)
    expect(sameOrigin('https://v.example.com', 'http://v.example.com')).toBe(false)
    expect(sameOrigin('https://v.example.com', 'https://w.example.com')).toBe(false)
    expect(sameOrigin('https://v.example.com', 'https://user@v.example.com/x')).toBe(true)
    expect(sameOrigin('nonsense', 'nonsense')).toBe(false)
    expect(originOf('http://127.0.0.1:4010/x')).toBe('http://127.0.0.1:4010')
  })

  it.each([
    ['/v1/{orgdomain}/auth/login', true],
    ['/api/v1/tokens?x=1', true],
    ['/@evil.example.com', true], // a path on the same server
    ['//evil.example.com/steal', false],
    ['/\\evil.example.com', false],
    ['/a\\b', false],
    ['/a b', false],
    ['/a\nb', false],
    ['https://evil.example.com/', false],
    ['relative', false],
  ])('isServerPath(%j) is %s', (path, ok) => expect(isServerPath(path)).toBe(ok))
})

describe('the schemas apply the one rule', () => {
  const config = {
    id: 'c1',
    name: 'Video',
    scheme: '8x8-video' as const,
    baseUrl: 'https://video-agent.8x8.com',
    agentLogin: 'agent-1',
  }

  it('refuses a connection saved with plain http to another computer, with the shared code', () => {
    const result = saveConnectionInputSchema.safeParse({
      config: { ...config, baseUrl: 'http://video-agent.8x8.com' },
      secret: 'k',
    })
    expect(result.error?.issues[0]).toMatchObject({ path: ['config', 'baseUrl'], message: 'needs-https' })
    expect(
      saveConnectionInputSchema.safeParse({ config: { ...config, baseUrl: 'http://127.0.0.1:4000' } })
        .success,
    ).toBe(true)
  })

  it('refuses a path override that names another server', () => {
    const result = savableConnectionConfigSchema.safeParse({
      ...config,
      overrides: { paths: { tokens: '//evil.example.com/api/v1/tokens' } },
    })
    expect(result.error?.issues[0]).toMatchObject({
      path: ['overrides', 'paths', 'tokens'],
      message: 'leaves-server',
    })
  })

  it('refuses a plain-http API URL to another computer; allows https and loopback', () => {
    expect(apiUrlInputSchema.safeParse('http://tagora.example.com/v1').error?.issues[0]?.message).toBe(
      'needs-https',
    )
    expect(apiUrlInputSchema.safeParse('not a url').error?.issues[0]?.message).toBe('enter-api-url')
    expect(apiUrlInputSchema.safeParse('https://tagora.example.com/v1').success).toBe(true)
    expect(apiUrlInputSchema.safeParse('http://127.0.0.1:4010/integration/v1').success).toBe(true)
  })

  it('still reads a settings file with such addresses (the engine refuses to send credentials there)', () => {
    const parsed = settingsSchema.safeParse({
      apiUrl: 'http://tagora.example.com/v1',
      connections: [{ ...config, baseUrl: 'http://video.example.com' }],
    })
    expect(parsed.success).toBe(true)
  })
})
