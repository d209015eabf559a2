/** A request as the fake fetch saw it. */
export interface RecordedRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

/** What the fake answers: a response, a network error to throw, or 'hang' (until the signal aborts). */
export type FakeReply =
  | { status?: number; body?: unknown; text?: string; headers?: Record<string, string> }
  | { networkError: Error }
  | 'hang'

/**
 * A stand-in for global fetch, for tests: every call is recorded and answered by `handler`. JSON bodies
 * go in `body`; raw text (HTML, empty, broken JSON) in `text`.
 */
export function createFakeFetch(handler: (request: RecordedRequest) => FakeReply): {
  fetch: typeof fetch
  requests: RecordedRequest[]
} {
  const requests: RecordedRequest[] = []
  const fakeFetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request: RecordedRequest = {
      method: init?.method ?? 'GET',
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }
    requests.push(request)
    const reply = handler(request)
    if (reply === 'hang') return hangUntilAborted(init?.signal ?? undefined)
    if ('networkError' in reply) return Promise.reject(reply.networkError)
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body))
    return Promise.resolve(new Response(text, { status: reply.status ?? 200, headers: reply.headers ?? {} }))
  }
  return { fetch: fakeFetch, requests }
}

function hangUntilAborted(signal: AbortSignal | undefined): Promise<Response> {
  return new Promise((_resolve, reject) => {
    signal?.addEventListener(
      'abort',
      () => reject(new DOMException('This operation was aborted', 'AbortError')),
      {
        once: true,
      },
    )
  })
}

/** The documented envelope. */
export function envelope(data: unknown, requestId = 'a1b2c3d4'): { data: unknown; requestId: string } {
  return { data, requestId }
}

/** What undici throws when nothing listens on the port: a TypeError whose cause carries the code. */
export function connectionRefused(address = '127.0.0.1:9'): Error {
  const cause = Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' })
  return new TypeError('fetch failed', { cause })
}
