import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FleetApp } from '../../core/app/fleet-app'
import { AppError } from '../../shared/domain/errors'
import { FakeRelayLink, relayFix } from '../fakes/fake-relay-link'
import { startTestApp } from '../support/app-kit'
import type { TestApp } from '../support/app-kit'

const RELAY = 'https://relay.example.com'
const KEY = `desk-1.${'s'.repeat(43)}`

/** Lets the relay's answer to a connection arrive once the desk has opened it. */
async function answer(link: FakeRelayLink, reply: (link: FakeRelayLink) => void): Promise<void> {
  while (link.connections.length === 0) await new Promise((resolve) => setImmediate(resolve))
  reply(link)
}

describe('Fleet setup → Feed', () => {
  let desk: TestApp
  let app: FleetApp
  let link: FakeRelayLink

  beforeEach(async () => {
    link = new FakeRelayLink()
    desk = await startTestApp({ apiUrl: 'http://127.0.0.1:9/integration/v1', connectRelay: link.connect })
    app = desk.app
  })

  afterEach(() => desk.close())

  it('starts on the desk’s own listener', () => {
    expect(app.snapshot().feed).toMatchObject({ kind: 'listener', state: 'off', fromCommandLine: false })
    expect(app.telemetry.listenerState().state).toBe('listening')
  })

  it('switches to a relay once it accepted the key: listener off, key in the keychain only', async () => {
    const saving = app.handlers['settings:set-feed']({ kind: 'relay', relayUrl: RELAY, relayKey: KEY })
    await answer(link, (l) => l.last.accept('org-9'))
    const state = await saving
    expect(state).toMatchObject({
      kind: 'relay',
      state: 'connected',
      organizationId: 'org-9',
      keyKeptIn: 'keychain',
    })
    expect(app.telemetry.listenerState().state).toBe('off')
    expect(app.settings.get().feed).toEqual({ kind: 'relay', relayUrl: RELAY })
    expect(desk.secrets.writes).toEqual([
      { account: 'relay-desk-key|wss://relay.example.com/feed', secret: KEY },
    ])
    const file = await readFile(join(desk.dataDir, 'settings.json'), 'utf8')
    expect(file).not.toContain(KEY.split('.')[1])
    link.last.send({ t: 'snapshot-end', seq: 0 })
    link.last.send({ t: 'fixes', items: [{ seq: 1, fix: relayFix('truck-1', Date.now()) }] })
    expect(app.telemetry.telemetry.detail('truck-1')?.lat).toBeCloseTo(19.43)
  })

  it('refuses a key the relay refused, and changes nothing', async () => {
    const saving = app.handlers['settings:set-feed']({ kind: 'relay', relayUrl: RELAY, relayKey: KEY })
    await answer(link, (l) => l.last.events.refused(401))
    await expect(saving).rejects.toMatchObject({ code: 'relay-key-refused' })
    expect(app.settings.get().feed.kind).toBe('listener')
    expect(app.telemetry.listenerState().state).toBe('listening')
    expect(desk.secrets.writes).toEqual([])
    expect(link.last.closedByDesk).toBe(true)
  })

  it('refuses a relay that cannot reach NATS, and changes nothing', async () => {
    const saving = app.handlers['settings:set-feed']({ kind: 'relay', relayUrl: RELAY, relayKey: KEY })
    await answer(link, (l) => l.last.events.refused(503))
    const error = await saving.catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'relay-unavailable', status: 503 })
    expect(app.snapshot().feed.kind).toBe('listener')
  })

  it('asks for the key when none is kept for that relay', async () => {
    await expect(app.handlers['settings:set-feed']({ kind: 'relay', relayUrl: RELAY })).rejects.toMatchObject(
      {
        code: 'enter-relay-key',
      },
    )
    expect(link.connections).toHaveLength(0)
  })

  it('reuses the kept key, and goes back to the listener when asked', async () => {
    const first = app.handlers['settings:set-feed']({ kind: 'relay', relayUrl: RELAY, relayKey: KEY })
    await answer(link, (l) => l.last.accept())
    await first
    await app.handlers['settings:set-feed']({ kind: 'listener' })
    expect(app.telemetry.listenerState().state).toBe('listening')
    expect(link.last.closedByDesk).toBe(true)
    const again = app.handlers['settings:set-feed']({ kind: 'relay' })
    while (link.connections.length < 2) await new Promise((resolve) => setImmediate(resolve))
    expect(link.last.target.key).toBe(KEY)
    link.last.accept()
    expect(await again).toMatchObject({ kind: 'relay', state: 'connected' })
  })
})
