import { afterEach, describe, expect, it } from 'vitest'
import { saveConnectionInputSchema, videoRoomInputSchema } from '../../shared/schemas/connections'
import type { AgoraFake } from '../fakes/fake-agora'
import { startAgoraFake } from '../fakes/fake-agora'
import { connectionConfig, createConnectionKit } from '../support/connection-kit'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import { problemWords } from '../support/problem-words'

let kit = createConnectionKit()
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  kit.service.dispose()
  kit = createConnectionKit()
  for (const close of closers.splice(0)) await close()
})

async function agora(): Promise<AgoraFake> {
  const fake = await startAgoraFake({
    appId: 'app123',
    token2: '007eJxTtoken2',
    token: '006token1',
    uid: 'dispatcher-1',
    now: () => kit.clock.now(),
  })
  closers.push(() => fake.close())
  return fake
}

async function eight(): Promise<EightByEightFake> {
  const fake = await startEightByEightFake({ apiKey: 'eght-key-123', now: () => kit.clock.now() })
  closers.push(() => fake.close())
  return fake
}

describe('Agora REST against its fake', () => {
  it('AccessToken2: Authorization: agora token=…, tested on the user-events endpoint of the App ID', async () => {
    const fake = await agora()
    await kit.service.save(
      connectionConfig({ id: 'ag', name: 'Agora', scheme: 'agora', baseUrl: fake.url, appId: 'app123' }),
      '007eJxTtoken2',
    )
    const result = await kit.service.test('ag')
    expect(result.checked).toBe('GET /dev/v2/project/app123/rtm/vendor/user_events → 200')
    expect(result.status).toMatchObject({
      phase: 'connected',
      renewal: 'none',
      lifetimeSource: 'none',
      nextRenewalAt: null,
    })
    expect(fake.requests[0]?.headers.authorization).toBe('agora token=007eJxTtoken2')
  })

  it('AccessToken: x-agora-token + x-agora-uid; a configured lifetime is shown but never renewed', async () => {
    const fake = await agora()
    const config = connectionConfig({
      id: 'ag',
      name: 'Agora',
      scheme: 'agora',
      baseUrl: fake.url,
      appId: 'app123',
      tokenType: 'access-token',
      uid: 'dispatcher-1',
      overrides: { lifetimeSeconds: 86_400 },
    })
    await kit.service.save(config, '006token1')
    const result = await kit.service.test('ag')
    expect(result).toMatchObject({
      lifetimeSeconds: 86_400,
      status: { lifetimeSource: 'configured', nextRenewalAt: null },
    })
    expect(fake.requests[0]?.headers).toMatchObject({
      'x-agora-token': '006token1',
      'x-agora-uid': 'dispatcher-1',
    })
    expect(fake.requests[0]?.headers.authorization).toBeUndefined()
  })

  it('a token for the wrong scheme or a revoked one is refused and asks for a new token; sign out drops it', async () => {
    const fake = await agora()
    await kit.service.save(
      connectionConfig({ id: 'ag', name: 'Agora', scheme: 'agora', baseUrl: fake.url, appId: 'app123' }),
      '006token1',
    )
    await expect(kit.service.test('ag')).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect((await kit.service.list())[0]?.status).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'invalid-credentials' } },
    })
    await kit.service.save(
      connectionConfig({ id: 'ag', name: 'Agora', scheme: 'agora', baseUrl: fake.url, appId: 'app123' }),
      '007eJxTtoken2',
    )
    await kit.service.test('ag')
    fake.agoraFaults.revoked = true
    await expect(kit.service.test('ag')).rejects.toMatchObject({ code: 'invalid-credentials' })
    kit.service.engine('ag').signOut()
    expect(kit.service.engine('ag').status().phase).toBe('signed-out')
  })

  it('AccessToken without the user ID is refused before sending', async () => {
    const fake = await agora()
    await kit.service.save(
      connectionConfig({
        id: 'ag',
        name: 'Agora',
        scheme: 'agora',
        baseUrl: fake.url,
        appId: 'app123',
        tokenType: 'access-token',
      }),
      '006token1',
    )
    await expect(kit.service.test('ag')).rejects.toMatchObject({ code: 'agora-uid-required' })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('8x8 Video Interaction against its fake', () => {
  const config = (url: string) =>
    connectionConfig({ id: 'v8', name: '8x8', scheme: '8x8-video', baseUrl: url })

  it('presents Bearer <API key>; the test asks for an agent token with an empty body', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), 'eght-key-123')
    const result = await kit.service.test('v8')
    expect(result.checked).toBe('POST /api/v1/tokens → 200')
    expect(result.status).toMatchObject({ phase: 'connected', renewal: 'none' })
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      body: null,
      headers: { authorization: 'Bearer eght-key-123' },
    })
    kit.service.engine('v8').signOut()
    expect(kit.service.engine('v8').status()).toMatchObject({ phase: 'signed-out', expiresAt: null })
  })

  it('creates a room with phone number and call reference, valid 15 minutes', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), 'eght-key-123')
    const room = await kit.service.createVideoRoom({
      connectionId: 'v8',
      phoneNumber: '+5215512345678',
      callReference: 'FM-TRK-0042',
    })
    expect(room.validUntil - room.createdAt).toBe(15 * 60_000)
    expect(fake.rooms).toEqual([{ phone_number: '+5215512345678', call_reference: 'FM-TRK-0042' }])
    expect(fake.requests[0]?.body).toEqual({
      create_room: true,
      phone_number: '+5215512345678',
      call_reference: 'FM-TRK-0042',
    })
    expect(JSON.stringify(room)).not.toContain('eyJ') // the agent token stays in main
  })

  it('validates call_reference (7 or 21 characters) and the phone number (no country code) before sending', () => {
    const base = { connectionId: 'v8', phoneNumber: '+5215512345678', callReference: 'FM-00042' }
    expect(videoRoomInputSchema.safeParse(base).success).toBe(true)
    expect(
      videoRoomInputSchema.safeParse({ ...base, callReference: '1234567' }).error?.issues[0]?.message,
    ).toBe('call-reference-short')
    expect(
      videoRoomInputSchema.safeParse({ ...base, callReference: 'x'.repeat(21) }).error?.issues[0]?.message,
    ).toBe('call-reference-long')
    expect(
      videoRoomInputSchema.safeParse({ ...base, phoneNumber: '5512345678' }).error?.issues[0]?.message,
    ).toBe('enter-phone')
  })

  it('a wrong key, a key pasted with its scheme, and an answer without auth_token are reported', async () => {
    const fake = await eight()
    await kit.service.save(config(fake.url), 'someone-elses-key')
    await expect(kit.service.test('v8')).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect(problemWords((await kit.service.list())[0]?.status.lastProblem)).toContain('Invalid API key')
    const pasted = saveConnectionInputSchema.safeParse({
      config: config(fake.url),
      secret: 'Bearer eght-key-123',
    })
    expect(pasted.error?.issues[0]?.message).toBe('secret-with-scheme')
    await kit.service.save(config(fake.url), 'eght-key-123')
    fake.eightFaults.emptyAnswer = true
    await expect(
      kit.service.createVideoRoom({
        connectionId: 'v8',
        phoneNumber: '+5215512345678',
        callReference: 'FM-00042',
      }),
    ).rejects.toMatchObject({ code: 'room-token-missing' })
  })
})
