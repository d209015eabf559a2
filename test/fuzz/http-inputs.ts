import fc from 'fast-check'

/**
 * Raw HTTP/1.x requests, well-formed to hopeless: weird methods and targets, broken versions, spoofed
 * or doubled Hosts, lying lengths, chunked garbage, huge headers. Built as bytes (latin1 text plus
 * binary bodies) because Node's own client would refuse to send most of them.
 */
export interface HttpTarget {
  port: number
  /** The path the server really serves (`/` or the listener's path). */
  path: string
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1')

/** Any byte except CR and LF, as a latin1 character. */
const byteChar = fc
  .integer({ min: 0, max: 255 })
  .filter((b) => b !== 10 && b !== 13)
  .map((b) => String.fromCharCode(b))
const lineText = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(byteChar, { maxLength }).map((chars) => chars.join(''))

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'PUT',
      'DELETE',
      'OPTIONS',
      'TRACE',
      'CONNECT',
      'PATCH',
      'PRI',
      'get',
      'M-SEARCH',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('', 'G ET', 'X'.repeat(300), 'GET\t', 'POST\0') },
  { weight: 1, arbitrary: lineText(12) },
)

const percentJunk = fc.constantFrom(
  '%',
  '%%',
  '%zz',
  '%0',
  '%00',
  '%ff',
  '%c0%af',
  '%E0%A4%A',
  '%2e%2e%2f',
  '%252e',
  '%u2215',
  '..%2f',
  '%0d%0a',
)

function targetArbitrary(t: HttpTarget): fc.Arbitrary<string> {
  const segment = fc.oneof(
    fc.constantFrom('', '.', '..', 'index.html', 'assets', 'contract', 'tagora', 'events', 'etc', 'passwd'),
    percentJunk,
    fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((s) => s.replace(/[\s]/g, '')),
  )
  const path = fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`)
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(t.path) },
    { weight: 4, arbitrary: path },
    {
      weight: 2,
      arbitrary: fc.tuple(path, fc.string({ maxLength: 40 })).map(([p, q]) => `${p}?${encodeURI(q)}`),
    },
    { weight: 2, arbitrary: fc.tuple(fc.constant(t.path), percentJunk).map(([p, junk]) => `${p}${junk}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '*',
        '%',
        '/%',
        `http://127.0.0.1:${t.port}${t.path}`,
        `http://evil.example${t.path}`,
        `127.0.0.1:${t.port}`,
        `//evil.example${t.path}`,
        '/../../../../etc/passwd',
        '/\\..\\..\\etc\\passwd',
        '/contract?secret=',
        '',
      ),
    },
    // Overlong: around the 2 KiB limit and far past it.
    { weight: 1, arbitrary: fc.integer({ min: 1_900, max: 12_000 }).map((n) => `/${'a'.repeat(n)}`) },
    // Non-ASCII bytes straight on the wire (latin1 characters become single raw bytes).
    { weight: 1, arbitrary: lineText(40).map((s) => `/${s.replace(/ /g, '')}`) },
  )
}

const version = fc.oneof(
  { weight: 8, arbitrary: fc.constant('HTTP/1.1') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'HTTP/1.0',
      'HTTP/2.0',
      'HTTP/0.9',
      'http/1.1',
      'HTTP/1.12',
      'HTTP/9.9',
      '',
      'HTTP/1.1 x',
    ),
  },
)

function hostHeaders(t: HttpTarget): fc.Arbitrary<string[]> {
  const good = `127.0.0.1:${t.port}`
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<string[]>([`Host: ${good}`]) },
    { weight: 1, arbitrary: fc.constant<string[]>([`Host: localhost:${t.port}`]) },
    {
      weight: 3,
      arbitrary: fc
        .constantFrom(
          'evil.example',
          `evil.example:${t.port}`,
          '127.0.0.1',
          `127.0.0.1:${t.port + 1}`,
          `[::1]:${t.port}`,
          `${good}.evil.example`,
          `${good} `,
          '',
          `fuzz.example.net`,
          `0x7f000001:${t.port}`,
        )
        .map((h) => [`Host: ${h}`]),
    },
    { weight: 1, arbitrary: fc.constant<string[]>([`Host: ${good}`, 'Host: evil.example']) },
    { weight: 1, arbitrary: fc.constant<string[]>([]) },
  )
}

const otherHeader = fc.oneof(
  fc.constantFrom(
    'Content-Length: 0',
    'Content-Length: -1',
    'Content-Length: 99999999999999999999',
    'Content-Length: 5',
    'Content-Length: abc',
    'Content-Length: 10, 20',
    'Transfer-Encoding: chunked',
    'Transfer-Encoding: gzip, chunked',
    'Transfer-Encoding: xchunked',
    'Transfer-Encoding: identity',
    'Content-Type: application/json',
    'Content-Type: application/json; charset=latin1',
    'Content-Type: text/plain',
    'Connection: keep-alive',
    'Connection: close',
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Upgrade: h2c',
    'Expect: 100-continue',
    'X-Tagora-Signature: ed25519=' + 'A'.repeat(86),
    'X-Forwarded-Host: evil.example',
    ' folded-continuation',
    'Bad Name: x',
    ': empty-name',
    'X-Nul: a\0b',
  ),
  fc
    .tuple(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }), lineText(60))
    .map(([name, value]) => `${name.replace(/[\s:]/g, '') || 'X'}: ${value}`),
  // Huge values: past Node's 16 KiB header limit some of the time.
  fc.integer({ min: 1_000, max: 24_000 }).map((n) => `X-Big: ${'b'.repeat(n)}`),
)

const body = fc.oneof(
  { weight: 4, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 600 }).map((bytes) => Buffer.from(bytes)) },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.tuple(fc.constantFrom('0', '5', 'ff', 'zz', '-1', 'FFFFFFFFFFFFFFFFFF', '3;ext=1'), lineText(8)),
        {
          maxLength: 4,
        },
      )
      .map((chunks) => latin1(chunks.map(([size, data]) => `${size}\r\n${data}\r\n`).join('') + '0\r\n\r\n')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 300_000 }).map((n) => Buffer.alloc(n, 0x7b)) },
)

/** true `yes` times in `yes + no`. */
const weighted = (yes: number, no: number): fc.Arbitrary<boolean> =>
  fc.oneof({ weight: yes, arbitrary: fc.constant(true) }, { weight: no, arbitrary: fc.constant(false) })

interface Parts {
  method: string
  target: string
  version: string
  hosts: string[]
  headers: string[]
  eol: string
  complete: boolean
  body: Buffer
  /** A second request pipelined behind the first on the same connection. */
  pipelined: boolean
}

type PartArbitraries = { [K in keyof Parts]: fc.Arbitrary<Parts[K]> }

/** Each part as a real client sends it. */
function goodParts(t: HttpTarget): PartArbitraries {
  return {
    method: fc.constantFrom('GET', 'HEAD', 'POST'),
    target: fc.constantFrom(
      t.path,
      '/',
      '/index.html',
      '/favicon.ico',
      '/assets/missing.js',
      '/contract',
      `${t.path}?a=1`,
    ),
    version: fc.constant('HTTP/1.1'),
    hosts: fc.constantFrom([`Host: 127.0.0.1:${t.port}`], [`Host: localhost:${t.port}`]),
    headers: fc.subarray([
      'Accept: */*',
      'User-Agent: fleet-fuzz',
      'Content-Type: application/json',
      'Accept-Language: es-MX',
    ]),
    eol: fc.constant('\r\n'),
    complete: fc.constant(true),
    body: fc.constantFrom(Buffer.alloc(0), Buffer.from('{"assetId":"FUZZ-EVIL-0","lat":1,"lng":2}')),
    pipelined: fc.constant(false),
  }
}

/** Each part drawn from everything, broken forms included. */
function anyParts(t: HttpTarget): PartArbitraries {
  return {
    method,
    target: targetArbitrary(t),
    version,
    hosts: hostHeaders(t),
    headers: fc.array(otherHeader, { maxLength: 6 }),
    eol: fc.constantFrom('\r\n', '\r\n', '\r\n', '\n', '\r'),
    complete: weighted(8, 2),
    body,
    pipelined: weighted(1, 4),
  }
}

function assemble(t: HttpTarget, r: Parts): Buffer {
  const lines = [`${r.method} ${r.target}${r.version ? ` ${r.version}` : ''}`, ...r.hosts, ...r.headers]
  // A body travels with its length unless a generated header already says something about it.
  const framed = r.headers.some((h) => /^(content-length|transfer-encoding):/i.test(h))
  if (!framed && r.body.length > 0) lines.push(`Content-Length: ${r.body.length}`)
  const head = latin1(lines.join(r.eol) + r.eol + (r.complete ? r.eol : ''))
  const second = r.pipelined ? latin1(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n\r\n`) : Buffer.alloc(0)
  return Buffer.concat([head, r.complete ? r.body : Buffer.alloc(0), second])
}

/**
 * One raw request. Two thirds are a real client's request with exactly one part drawn from
 * everything (so each broken part meets handlers that are otherwise reached); the rest break any
 * number of parts at once, combinations no client would make.
 */
export function rawHttpRequest(t: HttpTarget): fc.Arbitrary<Buffer> {
  const good = goodParts(t)
  const any = anyParts(t)
  const names = Object.keys(good) as (keyof Parts)[]
  const oneBroken = fc.constantFrom(...names).chain((broken) => fc.record({ ...good, [broken]: any[broken] }))
  return fc
    .oneof({ weight: 2, arbitrary: oneBroken }, { weight: 1, arbitrary: fc.record(any) })
    .map((parts) => assemble(t, parts))
}
