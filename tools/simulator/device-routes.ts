import type { RouteRequest, SimContext } from './context'
import { authenticate } from './context'
import type { Device } from '../../shared/domain/device'
import type { DeviceStatus } from './device-registry'

export const MAX_LIMIT = 10_000
const DEFAULT_LIMIT = 100

type Query =
  { ok: true; limit: number; offset: number; status?: DeviceStatus } | { ok: false; message: string }

function parseQuery(params: URLSearchParams): Query {
  const int = (name: string, fallback: number): number | null => {
    const raw = params.get(name)
    if (raw === null || raw === '') return fallback
    return /^\d+$/.test(raw) ? Number(raw) : null
  }
  const limit = int('limit', DEFAULT_LIMIT)
  const offset = int('offset', 0)
  if (limit === null || limit < 1) return { ok: false, message: 'limit must be a positive integer' }
  if (limit > MAX_LIMIT) return { ok: false, message: `limit must be at most ${MAX_LIMIT}` }
  if (offset === null) return { ok: false, message: 'offset must be a non-negative integer' }
  const status = params.get('status')
  if (status === null || status === '') return { ok: true, limit, offset }
  if (status !== 'active' && status !== 'inactive') {
    return { ok: false, message: 'status must be "active" or "inactive"' }
  }
  return { ok: true, limit, offset, status }
}

/** GET /devices?limit&offset&status, scoped to the token's organization. */
export function handleDevices(ctx: SimContext, r: RouteRequest): void {
  const claims = authenticate(ctx, r)
  if (!claims) return
  const query = parseQuery(r.url.searchParams)
  if (!query.ok) return r.reply.error(400, 'invalid_request', query.message)
  const list = ctx.devices.forOrg(String(claims.organizationId), query.status)
  const page = list.slice(query.offset, query.offset + query.limit)
  const faults = ctx.faults.state()
  if (faults.devicesMalformedAt === query.offset) {
    if (faults.devicesMalformedKind === 'invalid-json') {
      return r.reply.raw(200, `{"data":[${page[0]?.json ?? '{'},{"deviceId":`)
    }
    if (faults.devicesMalformedKind === 'wrong-shape') {
      // Right envelope, wrong rows: what a schema check on the client must catch.
      const broken = page.map((d) => ({ deviceId: 12345, serial: null, deviceName: d.device.deviceName }))
      return r.reply.data(200, broken)
    }
    // One row differs, the rest are as documented: the page keeps its length, so paging is unchanged.
    const [first, ...rest] = page.map((d) => d.device)
    const odd = first && oddRow(first, faults.devicesMalformedKind)
    return r.reply.data(200, odd ? [odd, ...rest] : rest)
  }
  // Rows are pre-serialized: a 10,000-device page is a string join, not 10,000 stringify calls.
  r.reply.raw(200, `{"data":[${page.map((d) => d.json).join(',')}],"requestId":"${r.reply.requestId}"}`)
}

/** 'bad-row': no assetId, a null serial and a number for a name; 'null-fields': null in all but assetId. */
function oddRow(device: Device, kind: 'bad-row' | 'null-fields'): Record<string, unknown> {
  if (kind === 'bad-row') {
    const { assetId: _assetId, ...rest } = device
    return { ...rest, serial: null, deviceName: 404 }
  }
  const nulls = ['deviceId', 'serial', 'deviceName', 'organizationId', 'status', 'createdAt']
  return { ...device, ...Object.fromEntries(nulls.map((field) => [field, null])) }
}
