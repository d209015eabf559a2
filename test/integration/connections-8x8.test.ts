import { afterEach, describe, expect, it } from 'vitest'
import { saveConnectionInputSchema, withoutSchemeWord } from '../../shared/schemas/connection-secret'
import { videoPortalInputSchema } from '../../shared/schemas/video-portal'
import type { VideoPortalInput } from '../../shared/schemas/video-portal'
import { connectionConfig, createConnectionKit, recordingPortalOpener } from '../support/connection-kit'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import { problemWords } from '../support/problem-words'

const KEY = 'eght-key-123'
let portal = recordingPortalOpener()
let kit = createConnectionKit({ videoPortal: portal.opener })
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  kit.service.dispose()
  portal = recordingPortalOpener()
  kit = createConnectionKit({ videoPortal: portal.opener })
  for (const close of closers.splice(0)) await close()
})

async function eight(): Promise<EightByEightFake> {
  const fake = await startEightByEightFake({ apiKey: KEY, agents: ['agent.one'], now: () => kit.clock.now() })
  closers.push(() => fake.close())
  return fake
}

const config = (url: string, agentLogin = 'agent.one') =>
  connectionConfig({ id: 'v8', name: '8x8', scheme: '8x8-video', baseUrl: url, agentLogin })

const call = (input: Partial<VideoPortalInput> = {}): VideoPortalInput =>
  videoPortalInputSchema.parse({ connectionId: 'v8', createRoom: true, ...input })

/** Loads the portal URL the host was given, as its window or tab would. */
async function visit(url: string | undefined): Promise<number> {
  return (await fetch(url ?? 'about:blank')).status
}

describe('8x8 Video Interaction against its fake', () => {
  it('presents Bearer <API key>; the test asks for an agent token with an empty body and shows the answer, token hidden', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    const result = await kit.service.test('v8')
    expect(result.checked).toBe('POST /api/v1/tokens → 200')
    expect(result.status).toMatchObject({ phase: 'connected', renewal: 'none' })
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      body: null,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    })
    expect(result.answer).toEqual({
      status: 200,
      itemCount: null,
      listField: null,
      items: ['{"auth_token":"•••"}'],
    })
    expect(JSON.stringify(result)).not.toContain(fake.issued[0]?.token)
  })

  it('Video call with a room: the documented body, then the Agent Portal signed in as the agent with that token', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    const sentAt = kit.clock.now()
    const result = await kit.service.openVideoPortal(
      call({ phoneNumber: '+5215512345678', callReference: 'FM-TRK-0042' }),
    )
    expect(fake.requests[0]?.body).toEqual({
      create_room: true,
      phone_number: '+5215512345678',
      call_reference: 'FM-TRK-0042',
    })
    const token = fake.issued[0]?.token ?? ''
    expect(portal.opened).toEqual([`${fake.url}/?user=agent.one&token=${token}`])
    expect(result).toEqual({
      connectionId: 'v8',
      agentLogin: 'agent.one',
      room: {
        phoneNumber: '+5215512345678',
        callReference: 'FM-TRK-0042',
        createdAt: sentAt,
        validUntil: sentAt + 15 * 60_000,
      },
      portal: { opened: 'window' },
    })
    // The portal lets the agent in; 8x8 texts the link to the phone then, as the document says.
    expect(await visit(portal.opened[0])).toBe(200)
    expect(fake.portalVisits).toEqual([{ user: 'agent.one', token, mode: null, signedIn: true }])
    expect(fake.sms).toEqual([{ to: '+5215512345678', callReference: 'FM-TRK-0042' }])
  })

  it('phone and call reference are optional: without a phone no SMS goes out (the desk sends the link)', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    const result = await kit.service.openVideoPortal(call())
    expect(fake.requests[0]?.body).toEqual({ create_room: true })
    expect(result.room).toMatchObject({ phoneNumber: null, callReference: null })
    expect(await visit(portal.opened[0])).toBe(200)
    expect(fake.rooms).toEqual([{}])
    expect(fake.sms).toEqual([])
  })

  it('agent sign-in only sends the empty body: a token, no room, the same portal', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    const result = await kit.service.openVideoPortal(call({ createRoom: false }))
    expect(fake.requests[0]).toMatchObject({ method: 'POST', body: null })
    expect(fake.rooms).toEqual([])
    expect(result.room).toBeNull()
    expect(await visit(portal.opened[0])).toBe(200)
    expect(fake.portalVisits[0]?.signedIn).toBe(true)
  })

  it('a portal in the app’s own window asks for mode=embedded (no left menu, no top bar)', async () => {
    const fake = await eight()
    portal = recordingPortalOpener(true)
    kit = createConnectionKit({ videoPortal: portal.opener })
    await kit.service.save(config(fake.url), KEY)
    await kit.service.openVideoPortal(call({ createRoom: false }))
    expect(new URL(portal.opened[0] ?? '').searchParams.get('mode')).toBe('embedded')
    expect(await visit(portal.opened[0])).toBe(200)
  })

  it('refuses before anything is sent: no agent login, a host that will not open that origin, a room-less phone', async () => {
    const fake = await eight()
    kit.setConfigs([config(fake.url, '')])
    await kit.secretStore.set('connection|v8|api-key', KEY)
    await expect(kit.service.openVideoPortal(call())).rejects.toMatchObject({ code: 'agent-login-required' })
    expect(
      saveConnectionInputSchema.safeParse({ config: config(fake.url, ''), secret: KEY }).error?.issues[0]
        ?.message,
    ).toBe('enter-agent-login')

    kit.service.dispose()
    kit = createConnectionKit({
      videoPortal: { ...portal.opener, refusal: () => 'video-portal-origin' },
    })
    await kit.service.save(config(fake.url), KEY)
    await expect(kit.service.openVideoPortal(call())).rejects.toMatchObject({
      code: 'video-portal-origin',
      facts: { target: new URL(fake.url).origin },
    })
    expect(fake.requests).toHaveLength(0)
    expect(portal.opened).toEqual([])

    const parse = (input: object) =>
      videoPortalInputSchema.safeParse({ connectionId: 'v8', createRoom: true, ...input }).error?.issues[0]
        ?.message
    expect(parse({ createRoom: false, phoneNumber: '+5215512345678' })).toBe('room-fields-without-room')
    expect(parse({ callReference: '1234567' })).toBe('call-reference-short')
    expect(parse({ callReference: 'x'.repeat(21) })).toBe('call-reference-long')
    expect(parse({ phoneNumber: '5512345678' })).toBe('enter-phone')
    expect(parse({ phoneNumber: '', callReference: '' })).toBeUndefined()
  })

  it('the agent token goes to the portal opener only: not to the result, the logs or a pushed status', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    const result = await kit.service.openVideoPortal(call())
    const token = fake.issued[0]?.token ?? 'missing'
    expect(portal.opened[0]).toContain(token)
    expect(JSON.stringify(result)).not.toContain(token)
    expect(kit.logs.join('\n')).not.toContain(token)
    expect(JSON.stringify(kit.pushed)).not.toContain(token)
  })

  it('a room older than 15 minutes no longer lets the agent in (the fake holds to the document)', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), KEY)
    await kit.service.openVideoPortal(call())
    kit.clock.advance(15 * 60_000 + 1)
    expect(await visit(portal.opened[0])).toBe(410)
  })

  it('a wrong key, a key pasted with "Bearer " (and its fix), an answer without auth_token are reported', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), 'someone-elses-key')
    await expect(kit.service.test('v8')).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('Invalid API key')
    const pasted = saveConnectionInputSchema.safeParse({ config: config(fake.url), secret: `Bearer ${KEY}` })
    expect(pasted.error?.issues[0]).toMatchObject({ path: ['secret'], message: 'secret-with-scheme' })
    expect(withoutSchemeWord(`Bearer ${KEY}`)).toBe(KEY)
    await kit.service.save(config(fake.url), KEY)
    fake.eightFaults.emptyAnswer = true
    await expect(kit.service.openVideoPortal(call())).rejects.toMatchObject({ code: 'room-token-missing' })
    expect(portal.opened).toEqual([])
  })

  it('the fake refuses what the document does not allow: no JSON Content-Type, an unknown field, a non-boolean create_room', async () => {
    const fake = await eight()
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${fake.url}/api/v1/tokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': contentType },
        body,
      }).then((r) => r.status)
    expect(await post('', 'text/plain')).toBe(415)
    expect(await post('{"create_room":true,"room_name":"x"}')).toBe(400)
    expect(await post('{"create_room":"yes"}')).toBe(400)
    expect(await post('{"create_room":true}')).toBe(200)
    expect(fake.rooms).toEqual([{}])
  })
})
