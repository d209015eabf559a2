import { rawRequest } from '../support/raw-http'
import { encodeFrame, rawWebSocketSession, upgradeRequest } from '../support/raw-websocket'
import { FamilyTally } from './fuzz-pool'
import type { FuzzTarget } from './fuzz-target'

/**
 * The inputs issue 13 found ending the browser host, and its other rules, each sent once to the
 * running host with the exact answer it must give, before the generated ones.
 */
export async function sendKnownCases(target: FuzzTarget): Promise<FamilyTally> {
  const tally = new FamilyTally()
  const web = target.webPort
  const good = `127.0.0.1:${web}`
  const get = (path: string, host = good): Buffer =>
    Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`)
  const http: [string, number, Buffer, number][] = [
    ['GET /% (used to end the process)', web, get('/%'), 400],
    ['an overlong URL', web, get(`/${'a'.repeat(3_000)}`), 400],
    ['an absolute-form target', web, get(`http://${good}/`), 400],
    ['a spoofed Host (DNS rebinding)', web, get('/', `rebind.example:${web}`), 421],
    [
      'two Host headers',
      web,
      Buffer.from(`GET / HTTP/1.1\r\nHost: ${good}\r\nHost: evil.example\r\n\r\n`),
      421,
    ],
    ['the page', web, get('/'), 200],
  ]
  for (const [what, port, request, expected] of http) {
    const reply = await rawRequest(port, request, { endAfterMs: null })
    tally.count(`${what}: ${reply.status ?? reply.outcome}`)
    if (reply.status !== expected)
      tally.violate(`${what}: expected ${expected}, got ${reply.status ?? reply.outcome}`)
  }
  const withSecret = `/contract?secret=${target.secret}`
  const sockets: [string, Buffer, Buffer[], number, number | null][] = [
    [
      'an upgrade with a spoofed Host',
      upgradeRequest(web, { path: withSecret, headers: { Host: 'evil.example' } }),
      [],
      421,
      null,
    ],
    ['an upgrade without the secret', upgradeRequest(web, { path: '/contract' }), [], 401, null],
    [
      'a frame over 1 MiB (used to end the process)',
      upgradeRequest(web, { path: withSecret }),
      [encodeFrame({ opcode: 0x2, payload: Buffer.alloc(2 * 1024 * 1024) })],
      101,
      1009,
    ],
    ['a bad opcode', upgradeRequest(web, { path: withSecret }), [encodeFrame({ opcode: 0x5 })], 101, 1002],
  ]
  for (const [what, upgrade, frames, status, closeCode] of sockets) {
    const result = await rawWebSocketSession(web, upgrade, frames, 3_000)
    tally.count(`${what}: ${result.status ?? result.outcome}/${result.closeCode ?? '-'}`)
    if (result.status !== status || result.closeCode !== closeCode)
      tally.violate(
        `${what}: expected ${status}/${closeCode ?? '-'}, got ${result.status}/${result.closeCode ?? '-'}`,
      )
  }
  return tally
}
