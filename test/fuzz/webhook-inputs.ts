import { generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import fc from 'fast-check'

/**
 * Signed and unsigned webhook POSTs. Authentic inputs (signed over these exact bytes with the key the
 * host holds) may be accepted; every other kind must be refused, and the run checks that none of
 * their events reached the store.
 */
export type WebhookKind =
  | 'valid'
  | 'replay'
  | 'signed-hostile'
  | 'missing'
  | 'empty'
  | 'garbage'
  | 'truncated'
  | 'mutated-body'
  | 'wrong-key'
  | 'other-body'

export const AUTHENTIC_KINDS: ReadonlySet<WebhookKind> = new Set(['valid', 'replay', 'signed-hostile'])

export interface Fix {
  assetId: string
  lat: number
  lng: number
  fixTime: number
}

export interface WebhookInput {
  kind: WebhookKind
  body: Buffer
  /** The X-Tagora-Signature value; null sends none. */
  signature: string | null
  /** For 'valid' and 'replay': the fixes the body carries, which the store must then hold. */
  fixes?: Fix[]
  /** Shared by a valid body and its replays: whether the listener has answered the original yet. */
  original?: { answered: boolean }
}

/** Assets whose positions the run checks at the end; tampered bodies are built from theirs. */
export const OK_ASSETS = Array.from({ length: 8 }, (_, i) => `FUZZ-OK-${i}`)
const EVIL_ASSETS = Array.from({ length: 4 }, (_, i) => `FUZZ-EVIL-${i}`)
const SIGNED_ASSETS = Array.from({ length: 8 }, (_, i) => `FUZZ-SIGNED-${i}`)

type Encoding = 'base64' | 'base64url' | 'hex'

export function signatureOf(
  body: Buffer,
  key: KeyObject,
  encoding: Encoding = 'base64',
  prefix = false,
): string {
  return `${prefix ? 'ed25519=' : ''}${sign(null, body, key).toString(encoding)}`
}

/** Produces webhook inputs of every kind; authentic bodies are unique and their times only grow. */
export class WebhookInputs {
  private readonly otherKey = generateKeyPairSync('ed25519').privateKey
  private readonly lastTime = new Map<string, number>()
  private serial = 0
  private lastValid: WebhookInput | null = null

  constructor(
    private readonly key: KeyObject,
    private readonly random: () => number,
  ) {}

  next(kind: WebhookKind): WebhookInput {
    switch (kind) {
      case 'valid':
        return (this.lastValid = this.valid())
      case 'replay':
        return this.lastValid ? { ...this.lastValid, kind: 'replay' } : this.next('valid')
      case 'signed-hostile': {
        const body = this.hostileBody()
        return { kind, body, signature: this.sign(body) }
      }
      case 'missing':
        return { kind, body: this.unsignedBody(), signature: null }
      case 'empty':
        return { kind, body: this.unsignedBody(), signature: this.pick(['', ' ', 'ed25519=']) }
      case 'garbage':
        return { kind, body: this.unsignedBody(), signature: this.garbageSignature() }
      case 'truncated': {
        const body = this.candidateBody()
        // Padding is optional, so cutting only '=' would leave a valid signature: cut into the value.
        const signature = this.sign(body).replace(/=+$/, '')
        return { kind, body, signature: signature.slice(0, 1 + this.int(signature.length - 1)) }
      }
      case 'mutated-body': {
        const body = this.candidateBody()
        return { kind, body: this.mutate(body), signature: this.sign(body) }
      }
      case 'wrong-key': {
        const body = this.candidateBody()
        return {
          kind,
          body,
          signature: signatureOf(body, this.otherKey, this.encoding(), this.random() < 0.5),
        }
      }
      case 'other-body':
        return { kind, body: this.candidateBody(), signature: this.sign(this.candidateBody()) }
    }
  }

  /** A fresh, correctly signed body of one to three fixes, in one of the shapes Tagora may send. */
  private valid(): WebhookInput {
    const count = 1 + this.int(3)
    const assets = [...OK_ASSETS].sort(() => this.random() - 0.5).slice(0, count)
    const fixes = assets.map((assetId) => this.fix(assetId))
    const events = fixes.map((f) => ({
      assetId: f.assetId,
      lat: f.lat,
      lng: f.lng,
      speed: Math.round(this.random() * 900) / 10,
      heading: this.int(360),
      timestamp: new Date(f.fixTime).toISOString(),
      seq: ++this.serial,
    }))
    const shape = this.int(4)
    const payload =
      shape === 0 && events.length === 1
        ? events[0]
        : shape === 1
          ? { events }
          : shape === 2
            ? { data: events }
            : events
    const body = Buffer.from(JSON.stringify(payload))
    return { kind: 'valid', body, signature: this.sign(body), fixes, original: { answered: false } }
  }

  private fix(assetId: string): Fix {
    const fixTime = Math.max(Date.now(), (this.lastTime.get(assetId) ?? 0) + 1)
    this.lastTime.set(assetId, fixTime)
    const lat = Math.round((19 + this.random()) * 1e5) / 1e5
    const lng = Math.round((-99.5 + this.random()) * 1e5) / 1e5
    return { assetId, lat, lng, fixTime }
  }

  /** A body that would move a checked vehicle (or add an evil one) if its signature were not checked. */
  private candidateBody(): Buffer {
    const assetId = this.pick(this.random() < 0.7 ? OK_ASSETS : EVIL_ASSETS)
    // A time ahead of every authentic fix: applied, it would become the latest and show in the check.
    const event = {
      assetId,
      lat: Math.round((20 + this.random()) * 1e5) / 1e5,
      lng: Math.round((-100 + this.random()) * 1e5) / 1e5,
      timestamp: new Date(Date.now() + 60_000).toISOString(),
      seq: ++this.serial,
    }
    return Buffer.from(JSON.stringify(this.random() < 0.5 ? event : [event]))
  }

  private unsignedBody(): Buffer {
    if (this.random() < 0.8) return this.candidateBody()
    const [value] = fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 1, seed: this.int(2 ** 30) })
    return Buffer.from(JSON.stringify(value) ?? 'null')
  }

  /** Authentic bytes a parser must survive: junk JSON, deep nesting, odd shapes, non-JSON. */
  private hostileBody(): Buffer {
    const assetId = this.pick(SIGNED_ASSETS)
    const bodies: (() => string)[] = [
      () =>
        JSON.stringify(
          fc.sample(fc.jsonValue({ maxDepth: 5 }), { numRuns: 1, seed: this.int(2 ** 30) })[0] ?? null,
        ),
      () => '['.repeat(1 + this.int(5_000)) + ']'.repeat(this.int(5_000)),
      () =>
        `{"assetId":"${assetId}","lat":${this.pick(['1e400', '-1e400', '91', '"19.4"', 'null', '[]'])},"lng":-99}`,
      () => `{"__proto__":{"assetId":"${assetId}"},"constructor":{"prototype":{"lat":1}}}`,
      () =>
        JSON.stringify({
          events: Array.from({ length: this.int(2_000) }, () => ({
            assetId: this.pick(SIGNED_ASSETS),
            lat: 'x',
          })),
        }),
      () =>
        JSON.stringify({
          assetId,
          lat: 19.4,
          lng: -99.1,
          timestamp: this.pick(['yesterday', '', 'NaN', '9999-12-31T00:00:00Z', '0']),
        }),
      () => `\uFEFF{"assetId":"${assetId}","lat":19.5,"lng":-99.2}`,
      () =>
        Buffer.from(
          fc.sample(fc.uint8Array({ maxLength: 300 }), { numRuns: 1, seed: this.int(2 ** 30) })[0] ?? [],
        ).toString('latin1'),
      () =>
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":null,"geometry":{"type":"Point","coordinates":["a",1,2,3]}}]}',
    ]
    return Buffer.from(this.pick(bodies)(), 'utf8')
  }

  private garbageSignature(): string {
    const options: (() => string)[] = [
      () => Buffer.from(Array.from({ length: 64 }, () => this.int(256))).toString(this.encoding()),
      () => 'ed25519=' + Buffer.from(Array.from({ length: 64 }, () => this.int(256))).toString('base64'),
      () => 'A'.repeat(this.int(400)),
      () => Buffer.from(Array.from({ length: this.int(200) }, () => this.int(256))).toString('base64'),
      () => '0'.repeat(128),
      () => '=='.repeat(44),
      () => String.fromCharCode(...Array.from({ length: 1 + this.int(40) }, () => 33 + this.int(94))),
    ]
    return this.pick(options)()
  }

  /** A change to the bytes that keeps them different from the signed ones. */
  private mutate(body: Buffer): Buffer {
    const out = Buffer.from(body)
    const at = this.int(out.length)
    const mutations: (() => Buffer)[] = [
      () => ((out[at] = out[at]! ^ (1 << this.int(8))), out),
      () => Buffer.concat([out.subarray(0, at), Buffer.from([this.int(256)]), out.subarray(at)]),
      () => Buffer.concat([out.subarray(0, at), out.subarray(at + 1)]),
      () => Buffer.concat([out, Buffer.from(this.pick([' ', '\n', '\r\n', '\0']))]),
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), out]),
      () =>
        Buffer.from(
          out.toString('latin1').replace(/"lat":(-?\d)/, (_m, d: string) => `"lat":${(Number(d) + 1) % 10}`),
          'latin1',
        ),
      () => Buffer.from(out.toString('latin1').replace('FUZZ-', 'fuzz-'), 'latin1'),
    ]
    const mutated = this.pick(mutations)()
    return mutated.equals(body) ? Buffer.concat([body, Buffer.from(' ')]) : mutated
  }

  private sign(body: Buffer): string {
    return signatureOf(body, this.key, this.encoding(), this.random() < 0.3)
  }

  private encoding(): Encoding {
    return this.pick<Encoding>(['base64', 'base64url', 'hex'])
  }

  private int(below: number): number {
    return Math.floor(this.random() * Math.max(below, 0))
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!
  }
}
