import type { Device, DeviceSkip, DeviceSkipSummary } from '../../shared/domain/device'
import { AppError } from '../../shared/domain/errors'

/** The API's documented ceiling for `limit`. */
export const MAX_PAGE_SIZE = 10_000

/** One page as the client read it: the usable devices, the rows left out, and the rows as received. */
export interface DevicePageRead {
  devices: Device[]
  /** Positions within this page. */
  skipped: readonly DeviceSkip[]
  rows: readonly unknown[]
}

export interface FetchAllOptions {
  pageSize?: number
  signal?: AbortSignal
  /** Called after each page with the number of distinct devices so far. */
  onProgress?(fetched: number): void
}

export interface FetchAllResult {
  devices: Device[]
  /** Rows left out over every page; undefined when none were. */
  skipped?: DeviceSkipSummary
}

/** A list this app cannot use: the caller keeps its previous list. */
export class MalformedDevicePageError extends AppError {
  constructor(offset: number, detail: string) {
    super({ code: 'unreadable-devices', facts: { service: 'Tagora', call: 'GET /devices', offset, detail } })
    this.name = 'MalformedDevicePageError'
  }
}

/**
 * Reads every page of GET /devices until an empty page. Devices that move between pages while paging
 * (the list shifted under us) are de-duplicated by deviceId, the later copy winning. Rows the client
 * could not read are left out and counted; the offset still moves by the page's full length, or the
 * next page would start inside this one. A list where not one row could be read is an error, not an
 * empty fleet: that is a changed format, and the previous list is worth more than nothing.
 */
export async function fetchAllDevices(
  fetchPage: (limit: number, offset: number) => Promise<DevicePageRead>,
  options: FetchAllOptions = {},
): Promise<FetchAllResult> {
  const pageSize = normalisePageSize(options.pageSize)
  const byId = new Map<string, Device>()
  let skipped: DeviceSkipSummary | undefined
  let previousRows: readonly unknown[] = []
  let offset = 0
  for (;;) {
    options.signal?.throwIfAborted()
    const page = await fetchPage(pageSize, offset)
    options.signal?.throwIfAborted()
    const sizeBefore = byId.size
    for (const device of page.devices) byId.set(device.deviceId, device)
    skipped = addSkips(skipped, page.skipped, offset)
    options.onProgress?.(byId.size)
    // Only an empty page ends the list: a server may cap pages below the `limit` asked for, so a short
    // page is not proof of the end. The extra request is cheap next to a silently truncated fleet.
    if (page.rows.length === 0) break
    // A page with nothing new means the server ignores offset: stop instead of looping forever. A page
    // of unreadable rows only has nothing new when it is the same rows again.
    if (byId.size === sizeBefore && (page.devices.length > 0 || sameRows(page.rows, previousRows))) {
      throw new MalformedDevicePageError(offset, 'the same devices again; the server may be ignoring offset')
    }
    previousRows = page.rows
    offset += page.rows.length
  }
  if (byId.size === 0 && skipped) {
    throw new MalformedDevicePageError(
      skipped.first.position,
      `none of the ${skipped.count} devices listed could be read: ${describeSkip(skipped.first)}`,
    )
  }
  return { devices: [...byId.values()], ...(skipped && { skipped }) }
}

function addSkips(
  summary: DeviceSkipSummary | undefined,
  skips: readonly DeviceSkip[],
  offset: number,
): DeviceSkipSummary | undefined {
  const [first] = skips
  if (!first) return summary
  return {
    count: (summary?.count ?? 0) + skips.length,
    first: summary?.first ?? { ...first, position: offset + first.position },
  }
}

/** Compared only when a page gave nothing new, so the cost of stringifying is rare. */
function sameRows(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b)
}

/** One skipped row in words, for logs and the unreadable-devices detail (a low-level detail, kept as is). */
export function describeSkip(skip: DeviceSkip): string {
  const where = `row ${skip.position + 1}`
  if (skip.problem === 'not-an-object') return `${where} is not an object`
  return `${where}: ${skip.field ?? 'a field'} ${skip.problem === 'missing' ? 'is missing' : 'has the wrong type'}`
}

function normalisePageSize(size: number | undefined): number {
  if (size === undefined) return MAX_PAGE_SIZE
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`pageSize must be a positive integer, got ${size}`)
  return Math.min(size, MAX_PAGE_SIZE)
}

/** True for the error an aborted signal throws (DOMException or any Error named AbortError). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
