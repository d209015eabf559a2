import { describe, expect, it } from 'vitest'
import { TagoraApiError } from '../tagora/tagora-api-error'
import { makeAccessToken } from '../../test/fakes/fake-jwt'
import { createLogger } from './logger'
import { REDACTED, redact, redactText } from './redact'

const ACCESS = makeAccessToken(Date.UTC(2025, 0, 1), 3600, { email: 'dispatch@example.com', userId: 7 })
const RENEW = 'rt_Q2hhbmdlIG1lIG5vdCwgSSBhbSBhIHNlY3JldA'

function capture() {
  const lines: string[] = []
  const logger = createLogger('test', { minLevel: 'debug', write: (line) => lines.push(line) })
  return { logger, lines, text: () => lines.join('\n') }
}

describe('the main-process logger', () => {
  it('never writes an access token, a renewToken or an Authorization header', () => {
    const { logger, lines, text } = capture()
    logger.info(`renewed with ${ACCESS}`, {
      headers: { Authorization: `Bearer ${ACCESS}`, 'content-type': 'application/json' },
      response: { data: { accessToken: ACCESS, renewToken: RENEW, expiresIn: 3600 }, requestId: 'r-1' },
      body: JSON.stringify({ renewToken: RENEW }),
      url: `https://api.test/auth/renew?renewToken=${RENEW}`,
      nested: [{ deeper: { note: `token in text: ${ACCESS}` } }],
      password: 'correct horse',
    })
    logger.warn(`request failed: Authorization: Bearer ${RENEW}`)
    logger.debug('headers object', { sent: new Headers({ authorization: `Bearer ${ACCESS}` }) })
    expect(lines).toHaveLength(3)
    expect(text()).not.toContain(ACCESS)
    expect(text()).not.toContain(RENEW)
    expect(text()).not.toContain('correct horse')
    expect(text()).not.toMatch(/eyJ[\w-]*\.[\w-]+/)
    const first = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>
    expect(first).toMatchObject({
      level: 'info',
      scope: 'test',
      message: `renewed with ${REDACTED}`,
      headers: { Authorization: REDACTED, 'content-type': 'application/json' },
      response: { data: { accessToken: REDACTED, renewToken: REDACTED, expiresIn: 3600 }, requestId: 'r-1' },
      password: REDACTED,
    })
  })

  it('keeps what support needs from a Tagora error, minus any token in it', () => {
    const { logger, lines } = capture()
    const error = new TagoraApiError({
      code: 'unauthorized',
      serverMessage: `refused renewToken=${RENEW} for good`,
      call: 'POST /auth/renew',
      url: 'https://api.test/integration/v1/auth/renew',
      status: 401,
      requestId: 'a1b2c3d4',
    })
    logger.error('renewal failed', { error })
    const entry = JSON.parse(lines[0] ?? '{}') as { error: Record<string, unknown> }
    expect(entry.error).toMatchObject({
      message: `Tagora rejected the session for POST /auth/renew: refused renewToken=${REDACTED} for good. Sign in again. (request a1b2c3d4)`,
      call: 'POST /auth/renew',
      status: 401,
      requestId: 'a1b2c3d4',
    })
    expect(lines[0]).not.toContain(RENEW)
  })

  it('drops lines below the minimum level and survives odd fields', () => {
    const lines: string[] = []
    const logger = createLogger('test', { minLevel: 'warn', write: (line) => lines.push(line) })
    logger.info('quiet')
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    logger.warn('odd', { loop, big: 10n })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ message: 'odd', fields: '[unserializable]' })
  })
})

describe('redact', () => {
  it('redacts secret fields by name, JWT-shaped strings anywhere, and Bearer credentials', () => {
    const shared = { note: 'same object twice is not a cycle' }
    expect(
      redact({
        access_token: 'opaque',
        refreshToken: 'opaque',
        list: [ACCESS, 'plain'],
        a: shared,
        b: shared,
      }),
    ).toEqual({
      access_token: REDACTED,
      refreshToken: REDACTED,
      list: [REDACTED, 'plain'],
      a: shared,
      b: shared,
    })
    expect(redactText('Authorization: Bearer abc.def')).toBe(`Authorization: Bearer ${REDACTED}`)
    expect(redactText('{"renewToken":"rt_x1","expiresIn":60}')).toBe(
      `{"renewToken":"${REDACTED}","expiresIn":60}`,
    )
    expect(redactText('renewToken is unknown or revoked')).toBe('renewToken is unknown or revoked')
  })

  it('redacts a token carried in a URL’s query (8x8’s Agent Portal link)', () => {
    const url = 'https://video-agent.8x8.com/?user=agent.one&token=opaque-AUTH&mode=embedded'
    const redacted = redactText(`could not load ${url}`)
    expect(redacted).not.toContain('opaque-AUTH')
    expect(redacted).toContain(`user=agent.one&token=${REDACTED}&mode=embedded`)
  })

  it('redacts HTTP Basic credentials in text and in header objects', () => {
    const basic = Buffer.from('client-7:s3cr3t-value').toString('base64')
    expect(redactText(`sent Authorization: Basic ${basic}`)).toBe(`sent Authorization: Basic ${REDACTED}`)
    expect(redactText(`{"authorization":"basic ${basic}"}`)).toBe(`{"authorization":"basic ${REDACTED}"}`)
    expect(redact({ headers: { Authorization: `Basic ${basic}` } })).toEqual({
      headers: { Authorization: REDACTED },
    })
  })

  it.each([
    ['a query string', 'GET https://v.test/token?client_id=c7&client_secret=S3CRET&x=1', 'x=1'],
    ['a form body', 'grant_type=client_credentials&client_secret=S3CRET&scope=org', 'scope=org'],
    ['a bare secret= pair', 'retrying with secret=S3CRET after 5 s', 'after 5 s'],
    ['a JSON body', '{"client_secret": "S3CRET", "client_id": "c7"}', '"client_id": "c7"'],
    ['a header dump', 'x-api-key: S3CRET\naccept: application/json', 'accept: application/json'],
    ['a capitalized header', 'X-API-Key=S3CRET; region=mx', 'region=mx'],
    ['an api_key parameter', '/v1/items?api_key=S3CRET&page=2', 'page=2'],
  ])('redacts the secret in %s and keeps the rest', (_label, text, kept) => {
    const redacted = redactText(text)
    expect(redacted).not.toContain('S3CRET')
    expect(redacted).toContain(REDACTED)
    expect(redacted).toContain(kept)
  })

  it('redacts x-api-key, client-secret and secret fields of objects by name', () => {
    expect(
      redact({
        headers: { 'x-api-key': 'k1', 'X-Api-Key': 'k2', accept: 'application/json' },
        form: { 'client-secret': 's1', secret: 's2', client_id: 'c7' },
      }),
    ).toEqual({
      headers: { 'x-api-key': REDACTED, 'X-Api-Key': REDACTED, accept: 'application/json' },
      form: { 'client-secret': REDACTED, secret: REDACTED, client_id: 'c7' },
    })
  })

  it('never throws: a getter that throws becomes [unreadable], the rest is kept', () => {
    const hostile = {
      ok: 'kept',
      get broken(): string {
        throw new Error('boom')
      },
    }
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap')
        },
      },
    )
    expect(redact({ hostile, proxy, note: 'x-api-key: abc' })).toEqual({
      hostile: '[unreadable]',
      proxy: '[unreadable]',
      note: `x-api-key: ${REDACTED}`,
    })
  })

  it('stays fast on large text (linear patterns)', () => {
    const big =
      'secret=' + 'a'.repeat(200_000) + ' Basic ' + 'b'.repeat(200_000) + ' x-api-key:'.repeat(20_000)
    const started = performance.now()
    const redacted = redactText(big)
    expect(performance.now() - started).toBeLessThan(500)
    expect(redacted).not.toContain('aaaa')
    expect(redacted).not.toContain('bbbb')
  })
})
