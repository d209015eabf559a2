import { beforeEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../../test/fakes/fake-clock'
import { FakeRelayLink, relayFix } from '../../test/fakes/fake-relay-link'
import { silentLogger } from '../logging/logger'
import type { TelemetryEvent } from '../telemetry/telemetry-event'
import { RelayFeed } from './relay-feed'

const KEY = `desk-1.${'k'.repeat(43)}`

describe('RelayFeed', () => {
  let clock: FakeClock
  let link: FakeRelayLink
  let applied: TelemetryEvent[]
  let feed: RelayFeed

  beforeEach(() => {
    clock = new FakeClock()
    link = new FakeRelayLink()
    applied = []
    feed = new RelayFeed({
      connect: link.connect,
      clock,
      logger: silentLogger,
      onFixes: (events) => applied.push(...events),
      onChange: () => undefined,
      random: () => 0.5,
    })
  })

  it('connects with the key to the feed path and starts from a snapshot', () => {
    feed.follow('https://relay.example.com/fleet/', KEY)
    expect(link.last.target).toEqual({
      url: 'wss://relay.example.com/fleet/feed',
      key: KEY,
      resumeAfter: null,
    })
    expect(feed.status().state).toBe('connecting')
    link.last.accept('org-7')
    link.last.send({ t: 'snapshot', items: [{ seq: 3, fix: relayFix('a', 100) }] })
    link.last.send({ t: 'snapshot-end', seq: 4 })
    expect(feed.status()).toMatchObject({
      state: 'connected',
      organizationId: 'org-7',
      lastSequence: 4,
      received: 1,
    })
    expect(applied.map((event) => event.assetId)).toEqual(['a'])
  })

  it('says when the last fix arrived: a hello or an empty snapshot is no position', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.accept()
    link.last.send({ t: 'snapshot-end', seq: 0 })
    expect(feed.status().lastFixAt).toBeNull()
    clock.advance(5000)
    link.last.send({ t: 'fixes', items: [{ seq: 1, fix: relayFix('a', 1) }] })
    expect(feed.status().lastFixAt).toBe(clock.now())
    const at = clock.now()
    clock.advance(60_000)
    link.last.send({ t: 'fixes', items: [] })
    expect(feed.status().lastFixAt).toBe(at)
  })

  it('resumes after the last sequence it applied when the connection drops', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.accept()
    link.last.send({ t: 'snapshot-end', seq: 0 })
    link.last.send({ t: 'fixes', items: [1, 2, 3].map((seq) => ({ seq, fix: relayFix('a', seq) })) })
    link.last.events.closed(1006, '')
    expect(feed.status()).toMatchObject({ state: 'reconnecting', problem: { code: 'relay-dropped' } })
    clock.advance(250)
    expect(link.connections).toHaveLength(2)
    expect(link.last.target.resumeAfter).toBe(3)
    link.last.accept()
    // A node that sends what the desk had already: skipped, not applied twice.
    link.last.send({ t: 'fixes', items: [3, 4].map((seq) => ({ seq, fix: relayFix('a', seq) })) })
    expect(applied.map((event) => event.fixTime)).toEqual([1, 2, 3, 4])
    expect(feed.status()).toMatchObject({ state: 'connected', lastSequence: 4, problem: null })
  })

  it('stops at a refused key and does not try it again', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.events.refused(401)
    expect(feed.status()).toMatchObject({ state: 'refused', problem: { code: 'relay-key-refused' } })
    clock.advance(60_000)
    expect(link.connections).toHaveLength(1)
  })

  it('treats a revocation while connected as a refusal', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.accept()
    link.last.events.closed(4001, 'key revoked')
    expect(feed.status().state).toBe('refused')
    clock.advance(60_000)
    expect(link.connections).toHaveLength(1)
  })

  it('keeps trying a relay that cannot reach NATS or does not answer, waiting longer each time', () => {
    feed.follow('https://relay.example.com', KEY)
    link.last.events.refused(503)
    expect(feed.status()).toMatchObject({
      state: 'reconnecting',
      problem: { code: 'relay-unavailable', status: 503, facts: { target: 'https://relay.example.com' } },
    })
    clock.advance(250)
    link.last.events.failed('ECONNREFUSED')
    expect(feed.status().problem).toMatchObject({
      code: 'relay-unreachable',
      facts: { network: 'ECONNREFUSED' },
    })
    clock.advance(499)
    expect(link.connections).toHaveLength(2)
    clock.advance(1)
    expect(link.connections).toHaveLength(3)
  })

  it('drops a connection that sends something unreadable, and retries', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.accept()
    link.last.send({ t: 'fixes', items: [{ seq: 1, fix: { assetId: 'a' } }] })
    expect(link.connections[0]?.closedByDesk).toBe(true)
    expect(feed.status().problem?.code).toBe('relay-bad-message')
    expect(applied).toEqual([])
  })

  it('starts over from a snapshot after resync (the store was cleared)', () => {
    feed.follow('http://127.0.0.1:8080', KEY)
    link.last.accept()
    link.last.send({ t: 'snapshot-end', seq: 12 })
    feed.resync()
    expect(link.last.target.resumeAfter).toBeNull()
  })
})
