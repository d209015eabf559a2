import { describe, expect, it } from 'vitest'
import {
  saveConnectionInputSchema,
  schemeWordOf,
  secretSchemaFor,
  withoutSchemeWord,
} from './connection-secret'

const nugios = {
  id: 'n1',
  scheme: 'nugios',
  name: 'Nugios',
  baseUrl: 'https://nugios.example',
  login: 'desk',
  overrides: { paths: { login: '/a/login', refresh: '/a/refresh' } },
}
const video = {
  id: 'v1',
  scheme: '8x8-video',
  name: 'Video',
  baseUrl: 'https://video-agent.8x8.com',
  agentLogin: 'a',
}

describe('what a secret may hold', () => {
  it.each([
    'Bearer of good news',
    'two  spaces and a tab\tinside',
    ' leading and trailing ',
    'Basic instinct',
    'agora token=not really',
    'ñandú-contraseña-🔑',
  ])('a password or client secret is sent as typed: %j', (secret) => {
    expect(secretSchemaFor('password').safeParse(secret).success).toBe(true)
    expect(secretSchemaFor('client-secret').safeParse(secret).success).toBe(true)
    expect(saveConnectionInputSchema.safeParse({ config: nugios, secret }).success).toBe(true)
  })

  it.each([
    ['Bearer abc123', 'Bearer ', 'abc123'],
    ['  bearer   abc123', '  bearer   ', 'abc123'],
    ['Authorization: Bearer abc123', 'Authorization: Bearer ', 'abc123'],
    ['Basic abc123', 'Basic ', 'abc123'],
    ['agora token=007abc', 'agora token=', '007abc'],
  ])('a bare key pasted as %j is refused, with the word to drop and the fix', (pasted, word, fixed) => {
    expect(schemeWordOf(pasted)).toBe(word)
    expect(withoutSchemeWord(pasted)).toBe(fixed)
    expect(secretSchemaFor('api-key').safeParse(pasted).error?.issues[0]?.message).toBe('secret-with-scheme')
    expect(secretSchemaFor('token').safeParse(pasted).error?.issues[0]?.message).toBe('secret-with-scheme')
    expect(
      saveConnectionInputSchema.safeParse({ config: video, secret: pasted }).error?.issues[0],
    ).toMatchObject({
      path: ['secret'],
      message: 'secret-with-scheme',
    })
    expect(secretSchemaFor('api-key').safeParse(fixed).success).toBe(true)
  })

  it('a bare key may start with the letters of a scheme word, but holds no whitespace', () => {
    expect(secretSchemaFor('api-key').safeParse('tokenABC').success).toBe(true)
    expect(secretSchemaFor('api-key').safeParse('BearerXYZ').success).toBe(true)
    expect(secretSchemaFor('api-key').safeParse('abc def').error?.issues[0]?.message).toBe(
      'secret-whitespace',
    )
    expect(secretSchemaFor('password').safeParse('').error?.issues[0]?.message).toBe('enter-secret')
  })
})
