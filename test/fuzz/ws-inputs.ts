import fc from 'fast-check'
import { callContract } from '../../shared/ipc/contract'
import { decodeMessage, encodeMessage } from '../../shared/ipc/wire-codec'
import { encodeFrame, upgradeRequest } from '../support/raw-websocket'

/** WebSocket inputs: raw upgrades and frames over net sockets, and contract messages over `ws`. */

const bytes = (maxLength: number): fc.Arbitrary<Buffer> =>
  fc.uint8Array({ maxLength }).map((array) => Buffer.from(array))

const chance = (yes: number, no: number): fc.Arbitrary<boolean> =>
  fc.oneof({ weight: yes, arbitrary: fc.constant(true) }, { weight: no, arbitrary: fc.constant(false) })

const snapshotCall = JSON.stringify({ t: 'call', id: 1, name: 'app:get-snapshot' })

/** One frame of any shape: opcodes 0-15, RSV bits, unmasked, lying or huge lengths. */
const anyFrame: fc.Arbitrary<Buffer> = fc
  .record({
    opcode: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(0x0, 0x1, 0x2, 0x8, 0x9, 0xa) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 }) },
    ),
    fin: chance(4, 1),
    rsv: fc.oneof(
      { weight: 5, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }) },
    ),
    mask: chance(6, 1),
    payload: bytes(200),
    lie: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1024 * 1024 + 1, max: Number.MAX_SAFE_INTEGER }) },
    ),
  })
  .map((f) =>
    encodeFrame({
      opcode: f.opcode,
      fin: f.fin,
      rsv: f.rsv,
      mask: f.mask,
      payload: f.payload,
      declaredLength: f.lie,
    }),
  )

const closeFrame: fc.Arbitrary<Buffer> = fc
  .oneof(
    fc.integer({ min: 0, max: 65535 }).map((code) => Buffer.from([code >> 8, code & 255])),
    fc.constant(Buffer.from([3])),
    fc.constant(Buffer.from([0x03, 0xe8, 0xff, 0xfe])),
    bytes(125),
  )
  .map((payload) => encodeFrame({ opcode: 0x8, payload }))

const wellFormed: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constant(encodeFrame({ opcode: 0x1, payload: Buffer.from(snapshotCall) })),
  fc
    .jsonValue({ maxDepth: 3 })
    .map((v) => encodeFrame({ opcode: 0x1, payload: Buffer.from(JSON.stringify(v) ?? 'null') })),
  bytes(200).map((payload) => encodeFrame({ opcode: 0x2, payload })),
  bytes(125).map((payload) => encodeFrame({ opcode: 0x9, payload })),
  bytes(125).map((payload) => encodeFrame({ opcode: 0xa, payload })),
)

/** Fragments in orders a client must not send: continuation first, control frames split, text inside text. */
const fragments: fc.Arbitrary<Buffer[]> = fc.constantFrom(
  [encodeFrame({ opcode: 0x0, payload: Buffer.from('orphan') })],
  [
    encodeFrame({ opcode: 0x1, fin: false, payload: Buffer.from('{"t":') }),
    encodeFrame({ opcode: 0x0, payload: Buffer.from('"call","id":1,"name":"x"}') }),
  ],
  [
    encodeFrame({ opcode: 0x1, fin: false, payload: Buffer.from('a') }),
    encodeFrame({ opcode: 0x1, payload: Buffer.from('b') }),
  ],
  [
    encodeFrame({ opcode: 0x9, fin: false, payload: Buffer.from('p') }),
    encodeFrame({ opcode: 0x0, payload: Buffer.from('q') }),
  ],
  [
    encodeFrame({ opcode: 0x2, fin: false, payload: Buffer.alloc(10) }),
    encodeFrame({ opcode: 0x9, payload: Buffer.from('mid') }),
    encodeFrame({ opcode: 0x0, payload: Buffer.alloc(10) }),
  ],
  [encodeFrame({ opcode: 0x1, payload: Buffer.from([0xc3, 0x28]) })],
  [encodeFrame({ opcode: 0x9, payload: Buffer.alloc(126) })],
)

/** What follows a handshake on one raw connection. */
export const frameSequence: fc.Arbitrary<Buffer[]> = fc.oneof(
  { weight: 4, arbitrary: fc.array(anyFrame, { minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fc.array(wellFormed, { minLength: 1, maxLength: 4 }) },
  { weight: 2, arbitrary: fragments },
  { weight: 1, arbitrary: closeFrame.map((f) => [f]) },
  { weight: 2, arbitrary: bytes(300).map((b) => [b]) },
)

/** An upgrade request: mostly a browser's, each part sometimes wrong (Host, secret, Origin, key, version). */
export function upgradeArbitrary(
  port: number,
  secret: string,
): fc.Arbitrary<{ request: Buffer; mayOpen: boolean }> {
  const good = `127.0.0.1:${port}`
  const pick = <T>(usual: T, others: readonly T[]): fc.Arbitrary<T> =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(usual) },
      { weight: 1, arbitrary: fc.constantFrom(...others) },
    )
  return fc
    .record({
      path: pick(`/contract?secret=${secret}`, [
        '/contract',
        '/contract?secret=',
        `/contract?secret=${secret.slice(0, -1)}`,
        `/contract?secret=${secret}x`,
        `/contract?secret=${secret}&secret=x`,
        `/contract%?secret=${secret}`,
        `/Contract?secret=${secret}`,
        `/?secret=${secret}`,
        `*`,
        `http://${good}/contract?secret=${secret}`,
        `/contract?secret=${'s'.repeat(3000)}`,
      ]),
      host: pick<string | null>(good, [
        `localhost:${port}`,
        'evil.example',
        `evil.example:${port}`,
        null,
        `${good}:1`,
      ]),
      doubleHost: chance(1, 12),
      origin: pick<string | null>(`http://${good}`, [
        `http://localhost:${port}`,
        'https://evil.example',
        'null',
        null,
        `http://${good}.evil.example`,
      ]),
      upgrade: pick<string | null>('websocket', ['WebSocket', 'h2c', '', null]),
      connection: pick<string | null>('Upgrade', ['keep-alive, Upgrade', 'close', null]),
      key: pick<string | null>('AAAAAAAAAAAAAAAAAAAAAA==', ['short', '', '!!!!!!!!!!!!!!!!!!!!!!==', null]),
      version: pick<string | null>('13', ['8', '14', 'x', null]),
      extensions: pick<string | null>(null, [
        'permessage-deflate; client_max_window_bits',
        'garbage;;;',
        'x-webkit-deflate-frame',
      ]),
      protocol: pick<string | null>(null, ['fleet', ',,,', 'a b']),
    })
    .map((r) => {
      const headers: Record<string, string | null> = {
        Host: r.host,
        Origin: r.origin,
        Upgrade: r.upgrade,
        Connection: r.connection,
        'Sec-WebSocket-Key': r.key,
        'Sec-WebSocket-Version': r.version,
        'Sec-WebSocket-Extensions': r.extensions,
        'Sec-WebSocket-Protocol': r.protocol,
      }
      if (r.doubleHost) headers.host = 'evil.example'
      // Only the secret, over a loopback Host, from this host's page, may ever open a socket.
      const [pathname, query = ''] = r.path.split('?')
      const mayOpen =
        pathname === '/contract' &&
        new URLSearchParams(query).get('secret') === secret &&
        (r.host === good || r.host === `localhost:${port}`) &&
        !r.doubleHost &&
        (r.origin === `http://${good}` || r.origin === `http://localhost:${port}`)
      return { request: upgradeRequest(port, { path: r.path, headers }), mayOpen }
    })
}

/** Calls that only read state: sent with any input. Every other call is sent only with an input its schema refuses. */
export const READ_ONLY_CALLS = [
  'app:get-snapshot',
  'telemetry:get-trail',
  'telemetry:get-asset',
  'listener:recent-events',
  'window:pop-out-map',
]

export type WsMessage =
  | { kind: 'call'; name: unknown; input: unknown; binary: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'binary'; bytes: Buffer }
  | { kind: 'oversized' }

const callName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...Object.keys(callContract)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'app:get-snapshot ',
      'APP:GET-SNAPSHOT',
      '',
      'session:',
      ':',
    ),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), fc.constant([])) },
)

const callInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      { assetId: '' },
      { assetId: 'FUZZ-OK-1' },
      { assetId: 'x'.repeat(10_000) },
      { assetId: 5 },
      { port: -1 },
      { port: 70000, enabled: 'yes' },
      { url: 'javascript:alert(1)' },
      { apiUrl: 'file:///etc/passwd' },
      { email: 'not-an-email', password: '', remember: 'no' },
      { id: '' },
      { webhookId: '../../x' },
      { config: { kind: 'nope' } },
      JSON.parse('{"__proto__":{"polluted":true},"assetId":"p"}') as unknown,
    ),
  },
)

/** The input as the host will see it after the wire (undefined fields dropped, typed arrays kept). */
function afterWire(input: unknown): unknown {
  return (decodeMessage(encodeMessage({ input })) as { input?: unknown }).input
}

/** A call the host would run for real only if it reads state: nothing here may sign out, save or start the demo. */
export function isHarmless(name: unknown, input: unknown): boolean {
  if (typeof name !== 'string' || !Object.hasOwn(callContract, name)) return true
  if (READ_ONLY_CALLS.includes(name)) return true
  return !callContract[name as keyof typeof callContract].input.safeParse(afterWire(input)).success
}

export const wsMessage: fc.Arbitrary<WsMessage> = fc.oneof(
  {
    weight: 60,
    arbitrary: fc
      .record({ name: callName, input: callInput, binary: chance(1, 3) })
      .filter((m) => isHarmless(m.name, m.input))
      .map((m) => ({ kind: 'call' as const, ...m })),
  },
  {
    weight: 6,
    arbitrary: fc
      .oneof(
        fc.string({ maxLength: 100 }),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
        fc.constantFrom(
          '{"t":"call","id":"1","name":"app:get-snapshot"}',
          '{"t":"result","id":1}',
          '{"t":"call"}',
          '[]',
          'null',
        ),
      )
      .map((text) => ({ kind: 'text' as const, text })),
  },
  {
    weight: 6,
    arbitrary: fc
      .oneof(
        bytes(300),
        // A binary frame whose typed-array references lie about offsets, lengths and types.
        fc
          .record({
            ta: fc.constantFrom('Float64Array', 'Uint8Array', 'Nope', 'constructor', '__proto__'),
            offset: fc.integer({ min: -8, max: 1 << 20 }),
            length: fc.integer({ min: -1, max: 1 << 24 }),
          })
          .map(({ ta, offset, length }) => {
            const header = Buffer.from(
              JSON.stringify({
                t: 'call',
                id: 1,
                name: 'telemetry:get-asset',
                input: { assetId: { $ta: ta, offset, length } },
              }),
            )
            const frame = Buffer.alloc(8 + header.length + 16)
            frame.writeUInt32LE(header.length, 0)
            header.copy(frame, 4)
            return frame
          }),
      )
      .map((b) => ({ kind: 'binary' as const, bytes: b })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'oversized' as const }) },
)
