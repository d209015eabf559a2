import { createWsRelayLink } from '../../core/adapters/ws-relay-link'
import { RelayFeed } from '../../core/feeds/relay-feed'
import { silentLogger } from '../../core/logging/logger'
import { systemClock } from '../../core/ports/clock'

// Desks in a process of their own, each the real desk path (ws adapter, frame parsing with zod,
// resume by sequence). Latency is Date.now() at arrival minus the fix's own time, which the
// simulator stamps as it builds the POST: "Tagora posts → a desk has it".

export type DeskClientsMessage =
  { t: 'start'; url: string; key: string; count: number } | { t: 'measure' } | { t: 'poll' } | { t: 'report' }

export type DeskClientsReply =
  | { t: 'status'; connected: number }
  | { t: 'poll'; lastSequences: (number | null)[] }
  | { t: 'report'; latencies: number[]; received: number[]; lastSequences: (number | null)[] }

const feeds: RelayFeed[] = []
let measuring = false
const latencies: number[] = []

process.on('message', (message: DeskClientsMessage) => {
  if (message.t === 'start') {
    for (let i = 0; i < message.count; i++) {
      const feed: RelayFeed = new RelayFeed({
        connect: createWsRelayLink(),
        clock: systemClock,
        logger: silentLogger,
        onFixes: (events) => {
          if (!measuring) return
          const now = Date.now()
          for (const event of events) latencies.push(now - event.fixTime)
        },
        onChange: () => {
          const connected = feeds.filter((f) => f.status().state === 'connected').length
          process.send?.({ t: 'status', connected } satisfies DeskClientsReply)
        },
      })
      feeds.push(feed)
      feed.follow(message.url, message.key)
    }
  } else if (message.t === 'measure') {
    measuring = true
  } else if (message.t === 'poll') {
    process.send?.({
      t: 'poll',
      lastSequences: feeds.map((feed) => feed.status().lastSequence),
    } satisfies DeskClientsReply)
  } else {
    measuring = false
    const reply: DeskClientsReply = {
      t: 'report',
      latencies,
      received: feeds.map((feed) => feed.status().received),
      lastSequences: feeds.map((feed) => feed.status().lastSequence),
    }
    process.send?.(reply)
    for (const feed of feeds) feed.stop()
    setTimeout(() => process.exit(0), 100)
  }
})
