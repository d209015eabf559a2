import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionConfig } from '../../shared/schemas/connections'
import { ConnectionsService } from '../../core/connections/connections-service'
import { silentLogger } from '../../core/logging/logger'
import { FakeClock } from '../fakes/fake-clock'
import { connectionConfig } from '../support/connection-kit'
import type { NugiosFake } from '../fakes/fake-nugios'
import { NUGIOS_TEST_PATHS, startNugiosFake } from '../fakes/fake-nugios'
import { MemorySecretStore } from '../fakes/fake-secret-store'

let fake: NugiosFake
const services: ConnectionsService[] = []
afterEach(async () => {
  for (const service of services.splice(0)) service.dispose()
  await fake.close()
})

function serviceOver(configs: ConnectionConfig[], secretStore: MemorySecretStore): ConnectionsService {
  const service = new ConnectionsService({
    configs: { list: () => configs, write: () => Promise.resolve() },
    secretStore,
    clock: new FakeClock(),
    logger: silentLogger,
  })
  services.push(service)
  return service
}

describe('connections at start-up', () => {
  it('signs in every connection whose secret is stored, and says which need attention', async () => {
    fake = await startNugiosFake({ login: 'desk', password: 'right' })
    const nugios = (id: string) =>
      connectionConfig({
        id,
        name: id,
        scheme: 'nugios',
        baseUrl: fake.url,
        login: 'desk',
        overrides: { paths: { ...NUGIOS_TEST_PATHS } },
      })
    const configs = [nugios('good'), nugios('wrong'), nugios('no-secret')]
    const store = new MemorySecretStore()
    // A previous run saved the secrets (the no-secret one never got one).
    const before = serviceOver(configs, store)
    await before.save(configs[0]!, 'right')
    await before.save(configs[1]!, 'stale-password')

    const after = serviceOver(configs, store)
    await after.connectAll()
    const byId = new Map((await after.list()).map((entry) => [entry.config.id, entry.status]))
    expect(byId.get('good')).toMatchObject({ phase: 'connected', secretStorage: 'keychain' })
    expect(byId.get('wrong')).toMatchObject({
      phase: 'needs-attention',
      lastProblem: { error: { code: 'invalid-credentials' } },
    })
    expect(byId.get('no-secret')).toMatchObject({ phase: 'idle', secretStorage: 'missing' })
    expect(fake.requests.filter((r) => r.path === NUGIOS_TEST_PATHS.login)).toHaveLength(2)
  })
})
