import type { ApiProbe } from '../../shared/domain/health'
import type { Clock } from '../ports/clock'
import { networkFacts } from '../tagora/failure-mapping'

export interface ProbeOptions {
  clock: Clock
  timeoutMs?: number
  fetch?: typeof fetch
}

/**
 * One GET to the API base URL, without credentials: a 404 or 401 still proves the server is up and
 * measures the round trip, which is all the health panel asks. No token is ever sent here.
 */
export async function probeApi(url: string, options: ProbeOptions): Promise<ApiProbe> {
  const started = options.clock.now()
  const doFetch = options.fetch ?? fetch
  try {
    const response = await doFetch(url, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    })
    // The body is not needed; cancel it so the connection is released at once.
    await response.body?.cancel()
    const latencyMs = options.clock.now() - started
    return { url, reachable: true, status: response.status, latencyMs, problem: null, checkedAt: started }
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError'
    const seconds = (options.timeoutMs ?? 5000) / 1000
    const unreachable = { url, reachable: false, status: null, latencyMs: null, checkedAt: started }
    if (timedOut) return { ...unreachable, problem: { code: 'probe-timeout', facts: { seconds } } }
    return { ...unreachable, problem: { code: 'probe-unreachable', facts: networkFacts(error) } }
  }
}
