import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as KeytarModule from '@github/keytar'
import { KEYCHAIN_ANSWER_MS, KeytarSecretStore } from './keytar-secret-store'

type Keytar = typeof KeytarModule

/** keytar whose first read waits for `answer()`, like a keyring that shows an unlock prompt. */
function promptingKeytar() {
  const answers: Array<(ok: boolean) => void> = []
  const secrets = new Map<string, string>()
  const keytar = {
    findCredentials: () =>
      new Promise((resolve, reject) =>
        answers.push((ok) => (ok ? resolve([]) : reject(new Error('the user dismissed the prompt')))),
      ),
    getPassword: (_service: string, account: string) => Promise.resolve(secrets.get(account) ?? null),
    setPassword: (_service: string, account: string, secret: string) =>
      Promise.resolve(void secrets.set(account, secret)),
    deletePassword: (_service: string, account: string) => Promise.resolve(secrets.delete(account)),
  } as unknown as Keytar
  return { keytar, answer: (ok: boolean) => answers.shift()?.(ok), asked: () => answers.length }
}

describe('KeytarSecretStore probe', () => {
  afterEach(() => vi.useRealTimers())

  it('gives a person time to answer an unlock prompt (well past the old 3 s)', async () => {
    vi.useFakeTimers()
    const fake = promptingKeytar()
    const store = new KeytarSecretStore('Fleet Monitor test', { load: () => fake.keytar })
    const availability = store.availability()
    await vi.advanceTimersByTimeAsync(30_000)
    fake.answer(true)
    expect(await availability).toEqual({ available: true })
    await store.set('a', 'renew-1')
    expect(await store.get('a')).toBe('renew-1')
  })

  it('gives up only after KEYCHAIN_ANSWER_MS', async () => {
    vi.useFakeTimers()
    const fake = promptingKeytar()
    const store = new KeytarSecretStore('Fleet Monitor test', { load: () => fake.keytar })
    const availability = store.availability()
    await vi.advanceTimersByTimeAsync(KEYCHAIN_ANSWER_MS)
    const answer = await availability
    expect(answer.available).toBe(false)
    if (!answer.available) expect(answer.reason).toMatch(/keychain/i)
  })

  it('does not hold a failure against the rest of the run: the next call asks again', async () => {
    const fake = promptingKeytar()
    const store = new KeytarSecretStore('Fleet Monitor test', { load: () => fake.keytar })
    const first = store.availability()
    fake.answer(false)
    expect((await first).available).toBe(false)
    const second = store.availability()
    fake.answer(true)
    expect(await second).toEqual({ available: true })
  })

  it('shares one probe between callers, so a person sees one prompt', async () => {
    const fake = promptingKeytar()
    const store = new KeytarSecretStore('Fleet Monitor test', { load: () => fake.keytar })
    const both = Promise.all([store.availability(), store.availability()])
    expect(fake.asked()).toBe(1)
    fake.answer(true)
    expect(await both).toEqual([{ available: true }, { available: true }])
  })
})
