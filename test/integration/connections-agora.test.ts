import { afterEach, describe, expect, it } from 'vitest'
import type { AgoraFake } from '../fakes/fake-agora'
import { startAgoraFake } from '../fakes/fake-agora'
import { connectionConfig, createConnectionKit } from '../support/connection-kit'

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

describe('Agora REST against its fake', () => {
  it('AccessToken2: Authorization: agora token=…, tested on the user-events endpoint of the App ID', async () => {
    const fake = await agora()
    await kit.service.save(
      connectionConfig({ id: 'ag', name: 'Agora', scheme: 'agora', baseUrl: fake.url, appId: 'app123' }),
      '007eJxTtoken2',
    )
    const result = await kit.service.test('ag')
    expect(result.checked).toBe('GET /dev/v2/project/app123/rtm/vendor/user_events → 200')
    // What the call returned is shown, not only "OK": the events list and how many it held.
    expect(result.answer).toEqual({ status: 200, itemCount: 0, listField: 'events', items: [] })
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
