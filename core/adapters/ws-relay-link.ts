import type { LookupAddress, LookupOptions } from 'node:dns'
import { isIP } from 'node:net'
import WebSocket from 'ws'
import type { RawData } from 'ws'
import { RELAY_RESUME_HEADER } from '../../shared/domain/relay-wire'
import type { ConnectRelay } from '../ports/relay-link'

/** `--resolve HOST:PORT:ADDRESS`: reach a relay at ADDRESS before DNS points at it (TLS still checks HOST). */
export type ResolveAddress = (hostname: string, port: number) => string | undefined

/** A snapshot of 50,000 fixes is a few MB; a frame far past that is not the relay's. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024
const HANDSHAKE_TIMEOUT_MS = 10_000
/**
 * The relay pings every 15 s and sends frames in between: this long without either is a relay gone
 * without a word (a network cut, a host down), and the desk reconnects rather than waits forever.
 */
const SILENCE_MS = 45_000

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/** The desk's side of the relay link over the `ws` client (the only importer of ws in core). */
export function createWsRelayLink(
  options: { resolve?: ResolveAddress | undefined; silenceMs?: number } = {},
): ConnectRelay {
  const silenceMs = options.silenceMs ?? SILENCE_MS
  return (target, events) => {
    let ended = false
    let opened = false
    const end = (report: () => void): void => {
      if (ended) return
      ended = true
      report()
    }
    const url = new URL(target.url)
    const port = Number(url.port) || (url.protocol === 'wss:' ? 443 : 80)
    const address = options.resolve?.(url.hostname.replace(/^\[|\]$/g, ''), port)
    const ws = new WebSocket(target.url, {
      headers: {
        authorization: `Bearer ${target.key}`,
        ...(target.resumeAfter !== null && { [RELAY_RESUME_HEADER]: String(target.resumeAfter) }),
      },
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      maxPayload: MAX_FRAME_BYTES,
      perMessageDeflate: false,
      followRedirects: false,
      ...(address !== undefined && { lookup: fixedLookup(address) }),
    })
    let silence: ReturnType<typeof setTimeout> | undefined
    const heard = (): void => {
      clearTimeout(silence)
      silence = setTimeout(() => ws.terminate(), silenceMs)
      silence.unref()
    }
    ws.on('open', () => {
      opened = true
      heard()
      events.opened()
    })
    ws.on('ping', heard)
    ws.on('message', (data: RawData, isBinary: boolean) => {
      heard()
      if (!ended) events.message(isBinary ? '' : textOf(data))
    })
    ws.on('unexpected-response', (request, response) => {
      end(() => events.refused(response.statusCode ?? 0))
      response.resume()
      request.destroy()
    })
    ws.on('error', (error: NodeJS.ErrnoException) => {
      if (!opened) end(() => events.failed(error.code ?? 'other'))
    })
    ws.on('close', (code: number, reason: Buffer) => {
      clearTimeout(silence)
      end(() => (opened ? events.closed(code, reason.toString('utf8')) : events.failed('other')))
    })
    return {
      close() {
        ended = true
        clearTimeout(silence)
        ws.terminate()
      },
    }
  }
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}

/** A lookup that answers one address (an IP: parseResolveRule checks it) for every name: the connection goes there, named as the URL says. */
function fixedLookup(address: string) {
  const family = isIP(address) === 6 ? 6 : 4
  return (_hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    if (lookupOptions.all) callback(null, [{ address, family }])
    else callback(null, address, family)
  }
}
