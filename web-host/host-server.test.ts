import { mkdtempSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { silentLogger } from '../core/logging/logger'
import { plainGet, rawRequest } from '../test/support/raw-http'
import { HTTP_LIMITS, createHostServer } from './host-server'
import type { GuardedHandler, HttpLimits } from './host-server'
import { loopbackHosts } from './request-guards'
import { createStaticHandler } from './static-files'

let server: Server | null = null
let port = 0

afterEach(async () => {
  const current = server
  server = null
  if (!current) return
  await new Promise<void>((resolve) => {
    current.close(() => resolve())
    current.closeAllConnections()
  })
})

/** The host's server over a scratch renderer folder, plus two paths whose handler fails. */
async function start(limits: Partial<HttpLimits> = {}): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'fleet-host-server-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
  const serveStatic = createStaticHandler(root, () => "default-src 'none'")
  const handle: GuardedHandler = (req, res, pathname) => {
    if (pathname === '/throw') throw new Error('handler threw')
    if (pathname === '/reject') return Promise.reject(new Error('handler rejected'))
    return serveStatic(req, res, pathname)
  }
  let hosts: string[] = []
  const started = createHostServer({ allowedHosts: () => hosts, handle, logger: silentLogger, limits })
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve))
  port = (started.address() as AddressInfo).port
  hosts = loopbackHosts(port)
  server = started
}

const get = (target: string, host = `127.0.0.1:${port}`): Buffer =>
  Buffer.from(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 'latin1')

async function stillServes(): Promise<void> {
  expect((await rawRequest(port, plainGet(port))).status).toBe(200)
}

describe('the browser host HTTP server', () => {
  it('answers malformed and overlong targets with 400 and keeps serving (GET /% used to end the process)', async () => {
    await start()
    for (const target of ['/%', '/%zz', '/a%00', '*', 'http://127.0.0.1/', `/${'x'.repeat(2100)}`]) {
      expect((await rawRequest(port, get(target))).status, target).toBe(400)
    }
    await stillServes()
  })

  it('refuses a spoofed, missing or doubled Host with 421 (DNS rebinding)', async () => {
    await start()
    expect((await rawRequest(port, get('/', `rebind.example:${port}`))).status).toBe(421)
    expect((await rawRequest(port, get('/', 'localhost:1'))).status).toBe(421)
    const doubled = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: evil.example\r\n\r\n`
    expect((await rawRequest(port, Buffer.from(doubled))).status).toBe(421)
    // HTTP/1.0 may omit Host; this host still wants to know which name the page used.
    expect((await rawRequest(port, Buffer.from('GET / HTTP/1.0\r\n\r\n'))).status).toBe(421)
    expect((await rawRequest(port, get('/', `localhost:${port}`))).status).toBe(200)
  })

  it('turns a handler that throws or rejects into a 500 for that request only', async () => {
    await start()
    expect((await rawRequest(port, get('/throw'))).status).toBe(500)
    expect((await rawRequest(port, get('/reject'))).status).toBe(500)
    await stillServes()
  })

  it('answers requests the parser cannot read with 400, and oversized headers with 431', async () => {
    await start()
    expect((await rawRequest(port, Buffer.from('NOT A REQUEST\r\n\r\n'))).status).toBe(400)
    const smuggle = `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n`
    expect((await rawRequest(port, Buffer.from(smuggle))).status).toBe(400)
    const badName = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nBad Name: x\r\n\r\n`
    expect((await rawRequest(port, Buffer.from(badName))).status).toBe(400)
    const huge = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`
    expect((await rawRequest(port, Buffer.from(huge))).status).toBe(431)
    await stillServes()
  })

  it('caps open connections: the one past the limit is dropped, and the host serves again once they close', async () => {
    await start()
    const idle: Socket[] = []
    for (let i = 0; i < HTTP_LIMITS.maxConnections; i++) {
      const socket = connect({ host: '127.0.0.1', port })
      await new Promise((resolve) => socket.once('connect', resolve))
      idle.push(socket)
    }
    // Node counts a connection once its 'connection' event ran: give the last ones a turn.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const over = await rawRequest(port, plainGet(port), { timeoutMs: 1_000 })
    expect(over).toMatchObject({ status: null, outcome: 'closed' })
    for (const socket of idle) socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await stillServes()
  })

  it('answers headers that never finish with 408 once the header deadline passes (slowloris)', async () => {
    await start({ headersTimeoutMs: 300, requestTimeoutMs: 600 })
    const started = Date.now()
    const slow = Buffer.from(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: a`)
    const reply = await rawRequest(port, slow, { endAfterMs: null, timeoutMs: 5_000 })
    expect(reply.status).toBe(408)
    expect(Date.now() - started).toBeLessThan(3_000)
    await stillServes()
  })

  it('closes an idle keep-alive connection, and a socket that never sends anything', async () => {
    await start({ keepAliveTimeoutMs: 200, idleSocketTimeoutMs: 400 })
    let started = Date.now()
    const kept = await rawRequest(port, get('/'), { endAfterMs: null, readToClose: true, timeoutMs: 5_000 })
    expect(kept.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(2_000) // closed by the host, not by our 5 s deadline
    started = Date.now()
    const silent = await rawRequest(port, Buffer.alloc(0), { endAfterMs: null, timeoutMs: 5_000 })
    expect(silent).toMatchObject({ status: null, outcome: 'closed' })
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
