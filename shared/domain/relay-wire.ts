import { z } from 'zod'

// What a Fleet Relay node says to a desk over its WebSocket (JSON text frames). The relay writes these
// types; the desk parses every frame with the schemas below, where it enters (design rule 6).

/** The desks' WebSocket, on the relay's one port beside Tagora's postUrl path. */
export const RELAY_FEED_PATH = '/feed'
/** The relay's health, for load balancers: 200 when it can take deliveries, else 503. */
export const RELAY_HEALTH_PATH = '/health'
/** A reconnecting desk names the last stream sequence it applied; without it, a snapshot comes first. */
export const RELAY_RESUME_HEADER = 'x-fleet-resume-after'

/** WebSocket close codes the relay uses, so a desk knows whether to retry and from where. */
export const RELAY_CLOSE = {
  /** The desk's key was revoked while connected: do not retry with it. */
  revoked: 4001,
  /** The desk fell too far behind: reconnect and resume from its last sequence. */
  tooSlow: 4008,
  /** The relay lost its stream (NATS down, stream gone): reconnect later. */
  unavailable: 4503,
} as const

/** One position report, as the relay's parser normalized it (core's TelemetryEvent, JSON-safe). */
export const relayFixSchema = z.object({
  assetId: z.string().min(1).max(512),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  speed: z.number().nullable(),
  heading: z.number().nullable(),
  altitude: z.number().nullable(),
  fixTime: z.number(),
  receivedAt: z.number(),
  timeMissing: z.boolean(),
  futureFix: z.boolean(),
  extra: z.record(z.string(), z.unknown()),
})

const sequence = z.number().int().nonnegative()
const sequencedFix = z.object({ seq: sequence, fix: relayFixSchema })

export const relayMessageSchema = z.discriminatedUnion('t', [
  /** First frame: whose fleet this is, and whether the desk resumes or gets a snapshot first. */
  z.object({
    t: z.literal('hello'),
    organizationId: z.string(),
    node: z.string(),
    resumed: z.boolean(),
  }),
  /**
   * Part of the latest fix per asset, from the KV bucket (a desk that starts or lost its place); each
   * with the stream sequence it was stored under. Not in sequence order: the resume point comes last.
   */
  z.object({ t: z.literal('snapshot'), items: z.array(sequencedFix) }),
  /** The snapshot is whole: the stream follows from the sequence after `seq`. */
  z.object({ t: z.literal('snapshot-end'), seq: sequence }),
  /** Stream messages in order, each with its sequence: what a reconnect resumes after. */
  z.object({ t: z.literal('fixes'), items: z.array(sequencedFix) }),
])

export type RelayFix = z.infer<typeof relayFixSchema>
export type RelayMessage = z.infer<typeof relayMessageSchema>
