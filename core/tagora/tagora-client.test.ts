import { describe, expect, it } from 'vitest'
import { silentLogger } from '../logging/logger'
import { FakeClock, flushPromises } from '../../test/fakes/fake-clock'
import { connectionRefused, createFakeFetch, envelope } from '../../test/fakes/fake-fetch'
import type { FakeReply } from '../../test/fakes/fake-fetch'
import { makeAccessToken } from '../../test/fakes/fake-jwt'
import { TagoraApiError } from './tagora-api-error'
import { createTagoraClient } from './tagora-client'

const BASE = 'https://api.test/integration/v1'
const DATE = 'Wed, 15 Jan 2025 10:00:00 GMT'

function clientFor(reply: FakeReply | (() => FakeReply), clock = new FakeClock()) {
  const fake = createFakeFetch(typeof reply === 'function' ? reply : () => reply)
  const client = createTagoraClient({
    baseUrl: `${BASE}/`,
    fetchImpl: fake.fetch,
    logger: silentLogger,
    clock,
  })
  return { client, requests: fake.requests, clock }
}

async function failure(promise: Promise<unknown>): Promise<TagoraApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TagoraApiError)
  return error as TagoraApiError
}

const device = {
  deviceId: 17,
  serial: 'GT06-001',
  deviceName: 'Vehicle 01',
  assetId: 'uuid-a',
  organizationId: 42,
  status: 'active',
  createdAt: '2025-01-15T10:00:00Z',
}

describe('createTagoraClient: successful calls', () => {
  it('logs in and returns data, requestId and the server Date', async () => {
    const accessToken = makeAccessToken(Date.parse(DATE), 3600)
    const data = { accessToken, renewToken: 'r1', tokenType: 'Bearer', expiresIn: 3600 }
    const { client, requests } = clientFor({ body: envelope(data), headers: { Date: DATE } })
    const result = await client.login({ email: 'a@b.c', password: 'pw' })
    expect(result).toEqual({ data, requestId: 'a1b2c3d4', serverDate: Date.parse(DATE) })
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/auth/login`,
      body: { email: 'a@b.c', password: 'pw' },
      headers: { 'Content-Type': 'application/json' },
    })
    expect(requests[0]?.headers.Authorization).toBeUndefined()
  })

  it('accepts a renew without tokenType and returns serverDate null without a Date header', async () => {
    const { client, requests } = clientFor({
      body: envelope({ accessToken: 'x.y.z', renewToken: 'r2', expiresIn: '60' }),
    })
    const result = await client.renew('r1')
    expect(result.data).toEqual({ accessToken: 'x.y.z', renewToken: 'r2', expiresIn: 60 })
    expect(result.serverDate).toBeNull()
    expect(requests[0]?.body).toEqual({ renewToken: 'r1' })
  })

  it('lists devices with query and Bearer token, normalising numeric ids to strings', async () => {
    const { client, requests } = clientFor({ body: envelope([device]) })
    const result = await client.listDevices('tok', { limit: 100, offset: 200, status: 'active' })
    expect(result.data).toEqual([{ ...device, deviceId: '17', organizationId: '42' }])
    expect(requests[0]?.url).toBe(`${BASE}/devices?limit=100&offset=200&status=active`)
    expect(requests[0]?.headers.Authorization).toBe('Bearer tok')
  })

  it('lists the readable devices of a page, with the rows left out and the page as received', async () => {
    const rows = [device, { ...device, assetId: null }, null]
    const { client } = clientFor({ body: envelope(rows) })
    const result = await client.listDevices('tok', { limit: 3, offset: 0 })
    expect(result.data).toEqual([{ ...device, deviceId: '17', organizationId: '42' }])
    expect(result.rows).toEqual(rows)
    expect(result.skipped).toEqual([
      { position: 1, field: 'assetId', problem: 'missing' },
      { position: 2, problem: 'not-an-object' },
    ])
  })

  it('registers a webhook, sending ids with the type given', async () => {
    const data = {
      webhookId: 9,
      publicKey: 'PEM',
      keyAlgorithm: 'ed25519',
      isActive: true,
      postUrl: 'https://x/y',
    }
    const { client, requests } = clientFor({ status: 201, body: envelope(data) })
    const input = { organizationId: 42, userId: 'u-7', postUrl: 'https://x/y', name: 'Prod' }
    const result = await client.registerWebhook('tok', input)
    expect(result.data.webhookId).toBe('9')
    expect(requests[0]?.body).toEqual(input)
  })

  const base = { webhookId: 'w-1', publicKey: 'PEM' }
  it.each([
    [
      'without isActive, keyAlgorithm and postUrl',
      base,
      { isActive: null, keyAlgorithm: null, postUrl: null },
    ],
    [
      'with nulls',
      { ...base, publicKey: null, isActive: null, keyAlgorithm: null, postUrl: null },
      { publicKey: null, isActive: null, keyAlgorithm: null, postUrl: null },
    ],
    ['with isActive as text', { ...base, isActive: 'false' }, { isActive: false }],
    ['with isActive as a number', { ...base, isActive: 1 }, { isActive: true }],
    ['with an unreadable isActive', { ...base, isActive: 'maybe' }, { isActive: null }],
    ['with a blank keyAlgorithm', { ...base, keyAlgorithm: ' ' }, { keyAlgorithm: null }],
  ])('keeps a 201 %s (no list endpoint could recover the webhook)', async (_label, body, expected) => {
    const { client } = clientFor({ status: 201, body: envelope(body) })
    const result = await client.registerWebhook('tok', {
      organizationId: 1,
      userId: 1,
      postUrl: 'u',
      name: 'n',
    })
    expect(result.data).toMatchObject({ webhookId: 'w-1', ...expected })
  })

  it('refuses a 201 without a webhookId', async () => {
    const { client } = clientFor({ status: 201, body: envelope({ publicKey: 'PEM', isActive: true }) })
    const error = await failure(
      client.registerWebhook('tok', { organizationId: 1, userId: 1, postUrl: 'u', name: 'n' }),
    )
    expect(error.code).toBe('bad-response')
    expect(error.message).toMatch(/webhookId/)
  })

  it('reads a webhook scope with mixed id types', async () => {
    const data = {
      webhookId: 'w1',
      organizationId: 42,
      serials: ['GT06-001', 2],
      assetIds: ['uuid-a', 5],
      items: [{ deviceId: 1, serial: 'GT06-001', assetId: 'uuid-a' }],
    }
    const { client, requests } = clientFor({ body: envelope(data) })
    const result = await client.getWebhookScope('tok', 'w 1')
    expect(result.data).toEqual({
      webhookId: 'w1',
      organizationId: '42',
      serials: ['GT06-001', '2'],
      assetIds: ['uuid-a', '5'],
      items: [{ deviceId: '1', serial: 'GT06-001', assetId: 'uuid-a' }],
    })
    expect(requests[0]?.url).toBe(`${BASE}/webhook/w%201/scope`)
  })
})

describe('createTagoraClient: error bodies', () => {
  const cases: Array<[string, FakeReply, string | undefined]> = [
    [
      '{error:{code,message}}',
      {
        status: 400,
        body: { error: { code: 'bad_url', message: 'postUrl must be https' }, requestId: 'r-1' },
      },
      'postUrl must be https',
    ],
    [
      '{message}',
      { status: 400, body: { message: 'name is required', requestId: 'r-1' } },
      'name is required',
    ],
    ['{error:"..."}', { status: 400, body: { error: 'Bad things', requestId: 'r-1' } }, 'Bad things'],
    ['empty', { status: 400, text: '' }, undefined],
    ['HTML', { status: 400, text: '<html><body><h1>400 Bad Request</h1></body></html>' }, undefined],
    ['broken JSON', { status: 400, text: '{"error": {"mess' }, undefined],
    ['plain text', { status: 400, text: 'nope' }, 'nope'],
    ['JSON null', { status: 400, text: 'null' }, undefined],
  ]
  it.each(cases)('reads %s without crashing', async (_name, reply, serverMessage) => {
    const { client } = clientFor(reply)
    const error = await failure(
      client.registerWebhook('tok', { organizationId: 1, userId: 1, postUrl: 'u', name: 'n' }),
    )
    expect(error.code).toBe('validation')
    expect(error.status).toBe(400)
    expect(error.call).toBe('POST /webhook')
    expect(error.url).toBe(`${BASE}/webhook`)
    expect(error.serverMessage).toBe(serverMessage)
    if (serverMessage) expect(error.message).toContain(serverMessage)
    if (error.requestId) expect(error.message).toMatch(/\(request r-1\)$/)
    expect(error.message).not.toContain('<')
  })

  it('takes the request id from the X-Request-Id header when the body has none', async () => {
    const { client } = clientFor({ status: 500, text: '<h1>oops</h1>', headers: { 'X-Request-Id': 'hdr-9' } })
    const error = await failure(client.listDevices('tok', { limit: 1, offset: 0 }))
    expect(error).toMatchObject({ code: 'server-error', requestId: 'hdr-9', status: 500 })
    expect(error.message).toBe(
      'Tagora had a server error (HTTP 500) on GET /devices. Try again later. (request hdr-9)',
    )
    expect(error.toInfo()).toEqual({
      code: 'server-error',
      status: 500,
      requestId: 'hdr-9',
      facts: { service: 'Tagora', call: 'GET /devices' },
    })
  })

  const statuses: Array<[number, string, string]> = [
    [401, 'unauthorized', 'GET /devices'],
    [403, 'forbidden', 'GET /devices'],
    [404, 'not-found', 'GET /devices'],
    [422, 'validation', 'GET /devices'],
    [429, 'rate-limited', 'GET /devices'],
    [502, 'server-error', 'GET /devices'],
    [418, 'http-error', 'GET /devices'],
  ]
  it.each(statuses)('maps HTTP %i to %s', async (status, code) => {
    const { client } = clientFor({
      status,
      body: { error: { code: 'x', message: 'Server says no' }, requestId: 'q1' },
    })
    const error = await failure(client.listDevices('tok', { limit: 1, offset: 0 }))
    expect(error.code).toBe(code)
    expect(error.message).toContain('Server says no')
    expect(error.message).toMatch(/\(request q1\)$/)
  })

  it('maps a login 401 to invalid-credentials with an actionable message', async () => {
    const { client } = clientFor({
      status: 401,
      body: {
        error: { code: 'invalid_credentials', message: 'Invalid credentials.' },
        requestId: 'a1b2c3d4',
      },
    })
    const error = await failure(client.login({ email: 'a@b.c', password: 'x' }))
    expect(error.code).toBe('invalid-credentials')
    expect(error.message).toBe(
      'Tagora did not accept this email and password: Invalid credentials. Check them and try again. (request a1b2c3d4)',
    )
    expect(error.call).toBe('POST /auth/login')
  })
})

describe('createTagoraClient: transport failures', () => {
  it('names the URL when the API is unreachable', async () => {
    const { client } = clientFor({ networkError: connectionRefused() })
    const error = await failure(client.login({ email: 'a', password: 'b' }))
    expect(error.code).toBe('api-unreachable')
    expect(error.message).toMatch(
      /^Cannot reach the Tagora API at https:\/\/api\.test\/integration\/v1: connection refused\./,
    )
    expect(error.status).toBeUndefined()
  })

  it('explains an unknown host and an invalid base URL', async () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND api.test'), { code: 'ENOTFOUND' })
    const { client } = clientFor({ networkError: new TypeError('fetch failed', { cause }) })
    expect((await failure(client.renew('r'))).message).toContain('host not found')
    const bad = createTagoraClient({
      baseUrl: 'not a url',
      logger: silentLogger,
      fetchImpl: createFakeFetch(() => ({})).fetch,
    })
    expect((await failure(bad.renew('r'))).code).toBe('api-unreachable')
  })

  it('times out after timeoutMs on the injected clock', async () => {
    const { client, clock } = clientFor('hang')
    const pending = failure(client.listDevices('tok', { limit: 1, offset: 0 }))
    await flushPromises()
    clock.advance(14_999)
    await flushPromises()
    clock.advance(1)
    const error = await pending
    expect(error.code).toBe('timeout')
    expect(error.message).toContain('did not answer GET /devices within 15 s')
    expect(error.message).toContain(BASE)
    expect(clock.pendingCount()).toBe(0)
  })

  it('turns an external abort into an AbortError, not a TagoraApiError', async () => {
    const { client } = clientFor('hang')
    const controller = new AbortController()
    const pending = client.listDevices('tok', { limit: 1, offset: 0, signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })
})

describe('createTagoraClient: 2xx bodies that fail the schema', () => {
  const cases: Array<[string, FakeReply]> = [
    ['data not an array', { body: envelope({ devices: [] }) }],
    ['no envelope', { body: [device] }],
    ['HTML from a proxy', { text: '<html>login portal</html>' }],
    ['an empty body', { text: '' }],
  ]
  it.each(cases)('reports %s as bad-response', async (_name, reply) => {
    const { client } = clientFor(reply)
    const error = await failure(client.listDevices('tok', { limit: 1, offset: 0 }))
    expect(error.code).toBe('bad-response')
    expect(error.status).toBe(200)
    expect(error.message).toContain('GET /devices')
  })

  it('keeps the request id of a bad response', async () => {
    const { client } = clientFor({ body: envelope({ accessToken: 5 }, 'bad-1') })
    const error = await failure(client.login({ email: 'a', password: 'b' }))
    expect(error.requestId).toBe('bad-1')
    expect(error.message).toContain('accessToken')
    expect(error.message).toMatch(/\(request bad-1\)$/)
  })
})
