import { describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../core/adapters/keytar-secret-store'

// Runs against a real Secret Service (gnome-keyring under dbus-run-session: scripts/with-keychain.sh).
const real = process.env.FLEET_REAL_KEYCHAIN === '1'

describe.runIf(real)('KeytarSecretStore against a real keychain', () => {
  it('stores, reads back, replaces and deletes a secret', async () => {
    const store = new KeytarSecretStore('Fleet Monitor test')
    expect(await store.availability()).toEqual({ available: true })
    const account = `https://api.example/integration/v1|dispatch-${Date.now()}@example.com`
    expect(await store.get(account)).toBeNull()
    await store.set(account, 'renew-1')
    expect(await store.get(account)).toBe('renew-1')
    await store.set(account, 'renew-2')
    expect(await new KeytarSecretStore('Fleet Monitor test').get(account)).toBe('renew-2')
    await store.delete(account)
    expect(await store.get(account)).toBeNull()
  })
})

describe.runIf(!real)('KeytarSecretStore without a Secret Service', () => {
  it('reports itself unavailable with a reason instead of failing later', async () => {
    const availability = await new KeytarSecretStore('Fleet Monitor test').availability()
    expect(availability.available).toBe(false)
    // The OS's own words: the session says them as the detail of 'keychain-unavailable'.
    if (!availability.available) expect(availability.reason.trim()).not.toBe('')
  })
})
