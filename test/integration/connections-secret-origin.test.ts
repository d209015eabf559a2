import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectionAccount } from '../../core/connections/connection-secrets'
import { connectionConfig, createConnectionKit } from '../support/connection-kit'
import type { EightByEightFake } from '../fakes/fake-eight-by-eight'
import { startEightByEightFake } from '../fakes/fake-eight-by-eight'
import type { TavioFake } from '../fakes/fake-tavio'
import { startTavioFake } from '../fakes/fake-tavio'

// Issue 13 point 6: a stored secret never follows an edit to another server (scheme, host or port of
// the base URL) or scheme. Two fakes on loopback, on different ports, are two servers.

const KEY_A = 'eght-key-of-server-a'
const KEY_B = 'eght-key-of-server-b'

let kit: ReturnType<typeof createConnectionKit>
const closers: Array<() => Promise<void>> = []
beforeEach(() => {
  kit = createConnectionKit()
})
afterEach(async () => {
  kit.service.dispose()
  for (const close of closers.splice(0)) await close()
})

async function eight(apiKey: string): Promise<EightByEightFake> {
  const fake = await startEightByEightFake({ apiKey, now: () => kit.clock.now() })
  closers.push(() => fake.close())
  return fake
}

/** Requests a fake received that carried this API key. */
const carrying = (fake: EightByEightFake, key: string) =>
  fake.requests.filter((r) => r.headers.authorization === `Bearer ${key}`).length

const video = (baseUrl: string, name = 'Video desk') =>
  connectionConfig({ id: 'v8', name, scheme: '8x8-video', baseUrl })

describe('an edit that moves a connection to another server', () => {
  it('without the secret is refused (enter it again) and changes nothing: Test still goes to the old server', async () => {
    const a = await eight(KEY_A)
    const b = await eight(KEY_B)
    await kit.service.save(video(a.url), KEY_A)
    await kit.service.test('v8')
    expect(carrying(a, KEY_A)).toBe(1)

    await expect(kit.service.save(video(b.url), undefined)).rejects.toMatchObject({
      code: 'secret-required-again',
      facts: { name: 'Video desk', secret: 'api-key' },
      message: expect.stringMatching(/Enter the API key for "Video desk" again/) as unknown,
    })
    expect(kit.configs().map((c) => c.baseUrl)).toEqual([a.url])
    expect(await kit.secretStore.get(connectionAccount('v8', 'api-key'))).toBe(KEY_A)

    await kit.service.test('v8')
    expect(carrying(a, KEY_A)).toBe(2)
    expect(b.requests).toHaveLength(0)
  })

  it('with a new secret: the new server gets only the new one, and the old one is forgotten', async () => {
    const a = await eight(KEY_A)
    const b = await eight(KEY_B)
    await kit.service.save(video(a.url), KEY_A)
    await kit.service.test('v8')
    const [entry] = await kit.service.save(video(b.url), KEY_B)
    expect(entry?.status).toMatchObject({ phase: 'idle', secretStorage: 'keychain' })
    const result = await kit.service.test('v8')
    expect(result.status.phase).toBe('connected')
    expect(carrying(b, KEY_B)).toBe(1)
    expect(carrying(b, KEY_A)).toBe(0)
    expect(carrying(a, KEY_A)).toBe(1)
    expect(await kit.secretStore.get(connectionAccount('v8', 'api-key'))).toBe(KEY_B)
  })

  it('forgets every secret kept for the connection, whatever its kind (one left by an older scheme)', async () => {
    const a = await eight(KEY_A)
    const b = await eight(KEY_B)
    await kit.secretStore.set(connectionAccount('v8', 'password'), 'left-behind')
    await kit.service.save(video(a.url), KEY_A)
    await kit.service.save(video(b.url), KEY_B)
    expect(await kit.secretStore.get(connectionAccount('v8', 'password'))).toBeNull()
  })

  it('an edit on the same server (another path, another name) keeps the stored secret', async () => {
    const a = await eight(KEY_A)
    await kit.service.save(video(a.url), KEY_A)
    await kit.service.save(video(`${a.url}/`, 'Video desk 2'), undefined)
    await kit.service.test('v8')
    expect(carrying(a, KEY_A)).toBe(1)
  })

  it('a change of scheme without the secret is refused too', async () => {
    const a = await eight(KEY_A)
    await kit.service.save(video(a.url), KEY_A)
    const agora = connectionConfig({
      id: 'v8',
      name: 'Video desk',
      scheme: 'agora',
      baseUrl: a.url,
      appId: 'x',
    })
    await expect(kit.service.save(agora, undefined)).rejects.toMatchObject({ code: 'secret-required-again' })
    expect(kit.configs()[0]?.scheme).toBe('8x8-video')
  })
})

describe('a Tavio connection with a derived envauth', () => {
  const PASSWORD = 'tavio-pass'

  async function tavio(): Promise<TavioFake> {
    // Both servers would accept the same password: only the rule keeps it from the second.
    const fake = await startTavioFake({
      orgDomain: 'acme',
      username: 'ops@acme.test',
      password: PASSWORD,
      envDomain: 'fleet-prod',
      clientId: 'client-1',
      clientSecret: 'client-secret-1',
      now: () => kit.clock.now(),
    })
    closers.push(() => fake.close())
    return fake
  }
  const config = (baseUrl: string) =>
    connectionConfig({
      id: 'tav',
      name: 'Tavio',
      scheme: 'tavio',
      baseUrl,
      orgDomain: 'acme',
      username: 'ops@acme.test',
      envDomain: 'fleet-prod',
    })
  const logins = (fake: TavioFake) =>
    fake.requests.filter((r) => (r.body as { password?: string } | null)?.password === PASSWORD).length

  it('asks for the password again; neither the orgauth login nor the envauth reaches the new server', async () => {
    const a = await tavio()
    const b = await tavio()
    await kit.service.save(config(a.url), PASSWORD)
    await kit.service.test('tav')
    expect(logins(a)).toBe(1)
    expect(a.requests.some((r) => r.path.endsWith('/environments/fleet-prod/connect'))).toBe(true)

    await expect(kit.service.save(config(b.url), undefined)).rejects.toMatchObject({
      code: 'secret-required-again',
    })
    await kit.service.test('tav')
    expect(logins(a)).toBe(2)
    expect(b.requests).toHaveLength(0)

    await kit.service.save(config(b.url), PASSWORD)
    await kit.service.test('tav')
    expect(logins(b)).toBe(1)
  })
})
