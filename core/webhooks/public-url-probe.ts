import http from 'node:http'
import https from 'node:https'
import type { PublicUrlTestOutcome, PublicUrlTestResult } from '../../shared/domain/public-url-test'
import type { ProbeRegistry } from '../listener/probe-registry'
import { PROBE_HEADER } from '../listener/probe-registry'
import type { Clock } from '../ports/clock'

const PROBE_TIMEOUT_MS = 10_000
const MAX_ANSWER_BYTES = 4096

/** Where a public host is reached instead of through DNS (`--resolve host:port:address`, like curl's). */
export type ResolveOverride = (hostname: string, port: number) => string | undefined

export interface ProbeDeps {
  probes: ProbeRegistry
  clock: Clock
  /** The listener as it is now: its local port (null when not listening) and path. */
  listener(): { port: number | null; path: string }
  resolve?: ResolveOverride
  /** Certificates to trust instead of the system's (tests; a desk uses NODE_EXTRA_CA_CERTS). */
  ca?: string | Buffer
  timeoutMs?: number
}

type Answer = { status: number; body: string } | { error: NodeJS.ErrnoException }

/**
 * Sends one probe to a webhook's public postUrl, as Tagora would reach it, and says whether it came
 * back to this listener. The probe carries a one-time nonce (probe-registry.ts), no secret and no
 * telemetry; it goes only to the URL the user registered.
 */
export async function probePublicUrl(
  webhook: { webhookId: string; postUrl: string },
  deps: ProbeDeps,
): Promise<PublicUrlTestResult> {
  const url = new URL(webhook.postUrl)
  const { nonce, answer } = deps.probes.create(deps.clock.now())
  const started = performance.now()
  const reply = await send(url, nonce, deps)
  const ms = Math.round(performance.now() - started)
  const arrival = deps.probes.settle(nonce)
  const listener = deps.listener()
  const base = {
    webhookId: webhook.webhookId,
    postUrl: webhook.postUrl,
    host: url.host,
    listenerPort: listener.port,
    listenerPath: listener.path,
    at: deps.clock.now(),
  }
  const fail = (outcome: PublicUrlTestOutcome, extra: Partial<PublicUrlTestResult> = {}) => ({
    ...base,
    state: 'failed' as const,
    outcome,
    ms: 'error' in reply ? null : ms,
    ...('error' in reply ? { detail: reply.error.code ?? reply.error.message } : { status: reply.status }),
    ...extra,
  })
  if ('error' in reply) return fail(networkOutcome(reply.error))
  if (arrival?.kind === 'refused')
    return fail('listener-refused', { reason: arrival.reason, path: arrival.path })
  if (reply.status === 200 && answeredBy(reply.body, answer)) {
    return { ...base, state: 'reached', outcome: 'reached', ms, status: reply.status }
  }
  if (reply.status === 502 || reply.status === 503 || reply.status === 504) return fail('tunnel-error')
  return fail('other-server')
}

function send(url: URL, nonce: string, deps: ProbeDeps): Promise<Answer> {
  return new Promise((resolve) => {
    const isHttps = url.protocol === 'https:'
    const port = Number(url.port) || (isHttps ? 443 : 80)
    const hostname = url.hostname.replace(/^\[|\]$/g, '')
    const address = deps.resolve?.(hostname, port)
    const body = '{}'
    const request = (isHttps ? https : http).request({
      method: 'POST',
      protocol: url.protocol,
      host: address ?? hostname,
      port,
      path: `${url.pathname}${url.search}`,
      // The certificate is checked against the public name even when --resolve picks the address.
      servername: hostname,
      agent: false,
      ...(deps.ca !== undefined && { ca: deps.ca }),
      headers: {
        Host: url.host,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'User-Agent': 'Fleet Monitor public URL test',
        [PROBE_HEADER]: nonce,
      },
    })
    request.setTimeout(deps.timeoutMs ?? PROBE_TIMEOUT_MS, () =>
      request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    )
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error }))
    request.on('response', (response) => {
      const chunks: Buffer[] = []
      let size = 0
      response.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk)
      })
      response.on('error', (error: NodeJS.ErrnoException) => resolve({ error }))
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      )
    })
    request.end(body)
  })
}

function answeredBy(body: string, answer: string): boolean {
  try {
    return (JSON.parse(body) as { probe?: unknown }).probe === answer
  } catch {
    return false
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA'])
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
])

/** A network failure in the dispatcher's terms: the name, the secure connection, or no answer. */
export function networkOutcome(error: NodeJS.ErrnoException): PublicUrlTestOutcome {
  const code = error.code ?? ''
  if (DNS_CODES.has(code)) return 'name-not-found'
  if (TLS_CODES.has(code) || code === 'EPROTO' || /^ERR_(TLS|SSL)_/.test(code) || /^ERR_OSSL/.test(code))
    return 'tls-failed'
  if (code === 'ETIMEDOUT') return 'timed-out'
  return 'no-connection'
}
