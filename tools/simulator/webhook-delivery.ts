import { generateKeyPairSync, sign } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { TelemetryEvent } from './fleet'
import type { DeliveryNetwork, SignatureEncoding } from './types'

export interface DeliveryOptions {
  maxEventsPerPost: number
  timeoutMs: number
  encoding: SignatureEncoding
  prefix: boolean
  network?: DeliveryNetwork
}

export interface DeliveryResult {
  delivered: number
  failedPosts: number
}

export interface Deliverer {
  /** POSTs events in chunks; never rejects, failures are counted. */
  deliver(
    postUrl: string,
    key: KeyObject,
    events: TelemetryEvent[],
    badSignature: boolean,
  ): Promise<DeliveryResult>
  close(): void
}

/** Signature header value: ed25519 over the exact body bytes, encoded as configured. */
export function signBody(body: Buffer, key: KeyObject, encoding: SignatureEncoding, prefix: boolean): string {
  const signature = sign(null, body, key).toString(encoding)
  return prefix ? `ed25519=${signature}` : signature
}

/** How a write to a socket the server had already closed fails. */
const STALE_SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE'])

export function createDeliverer(options: DeliveryOptions): Deliverer {
  // Keep-alive: a tick sends many POSTs to the same listener; reconnecting each time would dominate.
  const agentOptions = { keepAlive: true, maxSockets: 8 }
  const httpAgent = new http.Agent(agentOptions)
  const network = options.network ?? {}
  const httpsAgent = new https.Agent({ ...agentOptions, ...(network.ca !== undefined && { ca: network.ca }) })
  // Fault "badSignatures": a valid ed25519 signature, but by a key no webhook published.
  const wrongKey = generateKeyPairSync('ed25519').privateKey

  // A pooled socket the server closed while idle (its keep-alive timeout, often 5 s, met our next
  // POST on the wire) fails with ECONNRESET before the server read a byte. Clients are expected to
  // resend on another socket (Node's http docs, `request.reusedSocket`); a vendor that counted it as
  // a failed delivery would lose a fix for nothing. Each retry drops one stale socket from the pool,
  // so at most one per pooled socket, then a fresh connection.
  const post = async (url: URL, body: Buffer, signature: string): Promise<boolean> => {
    for (let attempt = 0; attempt <= agentOptions.maxSockets; attempt++) {
      const outcome = await postOnce(url, body, signature)
      if (outcome !== 'stale-socket') return outcome
    }
    return false
  }

  const postOnce = (url: URL, body: Buffer, signature: string): Promise<boolean | 'stale-socket'> =>
    new Promise((resolve) => {
      const isHttps = url.protocol === 'https:'
      const address = network.resolve?.(url.hostname)
      const request = (isHttps ? https : http).request(url, {
        method: 'POST',
        // Reached at another address, still named (Host, TLS name) as the URL says: like DNS would.
        ...(address !== undefined && { host: address, hostname: address, servername: url.hostname }),
        agent: isHttps ? httpsAgent : httpAgent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': body.length,
          'X-Tagora-Signature': signature,
          'User-Agent': 'tagora-simulator',
          Host: url.host,
        },
      })
      request.setTimeout(options.timeoutMs, () => request.destroy(new Error('delivery timed out')))
      request.on('error', (error: NodeJS.ErrnoException) =>
        resolve(request.reusedSocket && STALE_SOCKET_CODES.has(error.code ?? '') ? 'stale-socket' : false),
      )
      request.on('response', (response) => {
        // Drain so the socket returns to the keep-alive pool.
        response.resume()
        response.on('end', () =>
          resolve((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300),
        )
        // After 'end' this is a no-op; without 'end' the response was cut short.
        response.on('close', () => resolve(false))
      })
      request.end(body)
    })

  return {
    async deliver(postUrl, key, events, badSignature) {
      let url: URL
      try {
        url = new URL(postUrl)
      } catch {
        return { delivered: 0, failedPosts: 1 }
      }
      const chunks: TelemetryEvent[][] = []
      for (let i = 0; i < events.length; i += options.maxEventsPerPost) {
        chunks.push(events.slice(i, i + options.maxEventsPerPost))
      }
      const outcomes = await Promise.all(
        chunks.map(async (chunk) => {
          const body = Buffer.from(JSON.stringify({ events: chunk }))
          const signature = signBody(body, badSignature ? wrongKey : key, options.encoding, options.prefix)
          return { ok: await post(url, body, signature), size: chunk.length }
        }),
      )
      return outcomes.reduce<DeliveryResult>(
        (acc, o) =>
          o.ok ? { ...acc, delivered: acc.delivered + o.size } : { ...acc, failedPosts: acc.failedPosts + 1 },
        { delivered: 0, failedPosts: 0 },
      )
    },
    close() {
      httpAgent.destroy()
      httpsAgent.destroy()
    },
  }
}
