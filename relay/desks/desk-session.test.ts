import { describe, expect, it } from 'vitest'
import { silentLogger } from '../../core/logging/logger'
import { RELAY_CLOSE } from '../../shared/domain/relay-wire'
import { fixesFrame, streamItem } from '../nats/feed-frames'
import type { FeedItem } from '../nats/feed-frames'
import type { TailBatch } from '../nats/stream-tail'
import { DEFAULT_DESK_LIMITS, DeskSession } from './desk-session'
import type { DeskSocket } from './desk-session'
import type { FeedSource, PageFn } from './feed-source'

/** The organization's stream and bucket in memory, and a tail the test broadcasts by hand. */
class FakeSource implements FeedSource {
  readonly organizationId = 'org-1'
  stream: FeedItem[] = []
  latest = new Map<string, FeedItem>()
  first = 1
  broadcastUpTo = 0
  /** Runs inside each catch-up page, to broadcast while the desk is catching up. */
  duringPage: () => void = () => undefined
  private readonly subscribers = new Set<(batch: TailBatch) => void>()

  readonly tail = {
    lastBroadcast: () => this.broadcastUpTo,
    subscribe: (fn: (batch: TailBatch) => void) => {
      this.subscribers.add(fn)
      return () => this.subscribers.delete(fn)
    },
  }

  publish(asset: string): FeedItem {
    const seq = (this.stream.at(-1)?.seq ?? this.first - 1) + 1
    const item = streamItem(seq, `fleet.org-1.fix.${asset}`, `{"assetId":"${asset}","seq":${seq}}`)
    this.stream.push(item)
    this.latest.set(asset, item)
    return item
  }

  broadcast(): void {
    const items = this.stream.filter((item) => item.seq > this.broadcastUpTo)
    if (items.length === 0) return
    this.broadcastUpTo = items.at(-1)!.seq
    const batch = { items, lastSeq: this.broadcastUpTo, frame: fixesFrame(items) }
    for (const fn of this.subscribers) fn(batch)
  }

  bounds() {
    return Promise.resolve({ first: this.first, last: this.stream.at(-1)?.seq ?? this.first - 1 })
  }

  async readLatest(page: PageFn): Promise<void> {
    await page([...this.latest.values()])
  }

  async readAfter(after: number, page: PageFn): Promise<void> {
    const items = this.stream.filter((item) => item.seq > after)
    for (let i = 0; i < items.length; i += 2) {
      this.duringPage()
      if (!(await page(items.slice(i, i + 2)))) return
    }
  }
}

class RecordingSocket implements DeskSocket {
  readonly frames: { t: string; items?: { seq: number }[]; seq?: number; resumed?: boolean }[] = []
  closed: { code: number; reason: string } | null = null
  bufferedAmount = 0
  send(text: string): void {
    this.frames.push(JSON.parse(text) as RecordingSocket['frames'][number])
  }
  close(code: number, reason: string): void {
    this.closed = { code, reason }
  }
  /** Every stream sequence sent, in order (snapshot items excluded). */
  streamed(): number[] {
    return this.frames.filter((f) => f.t === 'fixes').flatMap((f) => f.items!.map((item) => item.seq))
  }
}

function session(source: FakeSource, resumeAfter: number | null, socket = new RecordingSocket()) {
  const options = {
    name: 'desk-1',
    node: 'n1',
    resumeAfter,
    limits: DEFAULT_DESK_LIMITS,
    logger: silentLogger,
  }
  return { socket, desk: new DeskSession(socket, source, options) }
}

describe('a desk session', () => {
  it('gives a new desk the latest fixes, then the stream after them, then the tail', async () => {
    const source = new FakeSource()
    for (const asset of ['a', 'b', 'a', 'c']) source.publish(asset)
    source.broadcast()
    const { socket, desk } = session(source, null)
    await desk.start()
    expect(socket.frames[0]).toMatchObject({ t: 'hello', resumed: false })
    const snapshot = socket.frames.find((f) => f.t === 'snapshot')
    expect(snapshot?.items?.map((item) => item.seq).sort()).toEqual([2, 3, 4])
    expect(socket.frames.find((f) => f.t === 'snapshot-end')).toMatchObject({ seq: 4 })
    source.publish('d')
    source.broadcast()
    expect(socket.streamed()).toEqual([5])
  })

  it('resumes a desk from its place, catching up while the tail moves on, without a gap or a repeat', async () => {
    const source = new FakeSource()
    for (let i = 0; i < 10; i++) source.publish(`a${i}`)
    source.broadcast()
    let extra = 0
    // The tail broadcasts while the desk reads the stream: it must join exactly where it has caught up.
    source.duringPage = () => {
      if (extra++ < 3) {
        source.publish(`late${extra}`)
        source.broadcast()
      }
    }
    const { socket, desk } = session(source, 4)
    await desk.start()
    expect(socket.frames[0]).toMatchObject({ t: 'hello', resumed: true })
    source.publish('after')
    source.broadcast()
    expect(socket.streamed()).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
  })

  it('skips the stream copy of a fix the snapshot already gave', async () => {
    const source = new FakeSource()
    source.publish('a')
    source.broadcast()
    // Stored after the snapshot's sequence was read, but before the bucket was: in both.
    const bounds = source.bounds.bind(source)
    source.bounds = async () => {
      const read = await bounds()
      source.publish('b')
      return read
    }
    const { socket, desk } = session(source, null)
    await desk.start()
    expect(socket.frames.find((f) => f.t === 'snapshot-end')).toMatchObject({ seq: 1 })
    source.broadcast()
    expect(socket.streamed()).toEqual([])
    source.publish('c')
    source.broadcast()
    expect(socket.streamed()).toEqual([3])
  })

  it.each([
    ['its place expired from the stream', 2, 10],
    ['its place is past the stream’s end (another deployment)', 99, 1],
  ])('starts a desk over from a snapshot when %s', async (_, resumeAfter, first) => {
    const source = new FakeSource()
    source.first = first
    for (let i = 0; i < 5; i++) source.publish(`a${i}`)
    source.broadcast()
    const { socket, desk } = session(source, resumeAfter)
    await desk.start()
    expect(socket.frames[0]).toMatchObject({ t: 'hello', resumed: false })
    expect(socket.frames.some((f) => f.t === 'snapshot-end')).toBe(true)
  })

  it('cuts a live desk that fell too far behind; it resumes on its own', async () => {
    const source = new FakeSource()
    const { socket, desk } = session(source, 0)
    await desk.start()
    socket.bufferedAmount = DEFAULT_DESK_LIMITS.maxBufferedBytes + 1
    source.publish('a')
    source.broadcast()
    expect(socket.closed).toEqual({ code: RELAY_CLOSE.tooSlow, reason: 'too slow' })
  })

  it('closes with "unavailable" when the stream cannot be read (NATS down): the desk retries', async () => {
    const source = new FakeSource()
    source.bounds = () => Promise.reject(new Error('no responders'))
    const { socket, desk } = session(source, 3)
    await desk.start()
    expect(socket.closed?.code).toBe(RELAY_CLOSE.unavailable)
  })
})
