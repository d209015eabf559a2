import type { KeyObject } from 'node:crypto'
import { signBody } from '../../tools/simulator/webhook-delivery'

/**
 * Bench events are numbered k = 0, 1, 2…: event k belongs to asset `k % assets` and carries fix
 * round `floor(k / assets)`, so (assetId, fixTime) is unique per k and maps back to k without a table.
 */
export interface KeySpace {
  assets: number
  /** Epoch ms of round 0; one round is one second later than the previous. */
  baseTime: number
}

const ID_PREFIX = 'bench-'
const CENTER = { lat: 19.4326, lng: -99.1332 }

/** The simulator's event shape (tools/simulator/fleet.ts), so the parser does its usual work. */
export function benchEvent(k: number, space: KeySpace): Record<string, unknown> {
  const asset = k % space.assets
  const round = Math.floor(k / space.assets)
  return {
    assetId: `${ID_PREFIX}${asset}`,
    deviceId: `dev-${asset}`,
    serial: `SN${asset}`,
    // R2 low-discrepancy sequence: any fleet size covers the 1.0° × 0.6° metro area evenly.
    lat: CENTER.lat + (fraction(asset * 0.7548776662) - 0.5) * 0.6 + round * 0.00001,
    lng: CENTER.lng + (fraction(asset * 0.569840291) - 0.5) * 1.0,
    speed: 30 + (asset % 50),
    heading: (asset * 37 + round * 5) % 360,
    timestamp: new Date(space.baseTime + round * 1000).toISOString(),
    ignition: true,
    odometerKm: 1000 + round,
  }
}

function fraction(x: number): number {
  return x - Math.floor(x)
}

/** Inverse of benchEvent's key: the event number, or -1 for an id this bench never sent. */
export function eventIndex(assetId: string, fixTime: number, space: KeySpace): number {
  if (!assetId.startsWith(ID_PREFIX)) return -1
  const asset = Number(assetId.slice(ID_PREFIX.length))
  const round = (fixTime - space.baseTime) / 1000
  if (!Number.isInteger(asset) || !Number.isInteger(round) || round < 0) return -1
  return round * space.assets + asset
}

export interface SignedPost {
  body: Buffer
  signature: string
}

/** Post p holds events [p·perPost, (p+1)·perPost), wrapped as the simulator wraps them. */
export function signedPost(p: number, perPost: number, space: KeySpace, key: KeyObject): SignedPost {
  const events = []
  for (let k = p * perPost; k < (p + 1) * perPost; k++) events.push(benchEvent(k, space))
  const body = Buffer.from(JSON.stringify({ events }))
  return { body, signature: signBody(body, key, 'base64', true) }
}
