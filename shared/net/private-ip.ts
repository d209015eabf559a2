// Pure on purpose (no Node imports): the simulator checks postUrl with it the way the Tagora API does,
// and the app checks the webhook form with it (main and renderer) before sending.

/** Parses strict dotted-quad IPv4 ("10.0.0.1"); null for anything else. */
function parseIPv4(host: string): number[] | null {
  const parts = host.split('.')
  if (parts.length !== 4) return null
  const octets: number[] = []
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null
    const value = Number(part)
    if (value > 255) return null
    octets.push(value)
  }
  return octets
}

function isPrivateIPv4([a = -1, b = -1]: number[]): boolean {
  return (
    a === 0 || // 0.0.0.0/8 "this network": connecting to 0.0.0.0 reaches the local machine
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  )
}

/** Parses IPv6 (with :: and an embedded dotted IPv4 tail) into 8 hextets; null if not IPv6. */
function parseIPv6(host: string): number[] | null {
  let text = host
  const zone = text.indexOf('%')
  if (zone !== -1) text = text.slice(0, zone)
  if (!text.includes(':')) return null
  const lastColon = text.lastIndexOf(':')
  const maybeV4 = text.slice(lastColon + 1)
  if (maybeV4.includes('.')) {
    // Rewrite the dotted tail as two hex groups so one parser handles both spellings.
    const v4 = parseIPv4(maybeV4)
    if (!v4) return null
    const [a = 0, b = 0, c = 0, d = 0] = v4
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const halves = text.split('::')
  if (halves.length > 2) return null
  const toGroups = (s: string): number[] | null => {
    if (s === '') return []
    const groups: number[] = []
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null
      groups.push(parseInt(g, 16))
    }
    return groups
  }
  const head = toGroups(halves[0] ?? '')
  const rest = halves.length === 2 ? toGroups(halves[1] ?? '') : []
  if (!head || !rest) return null
  const explicit = head.length + rest.length
  if (halves.length === 2) {
    if (explicit > 7) return null
    return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest]
  }
  return explicit === 8 ? head : null
}

function isPrivateIPv6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0
  if (firstFiveZero && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d) reaches the IPv4 address, so judge that address.
  if (firstFiveZero && g5 === 0xffff) return isPrivateIPv4([g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff])
  if ((g0 & 0xfe00) === 0xfc00) return true // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return true // fe80::/10 link-local
  return false
}

/**
 * True when `host` (a URL hostname; IPv6 may keep its brackets) is `localhost` or a bare IP literal in
 * a private, loopback, link-local or unspecified range. Ordinary DNS names return false: like the
 * Tagora API, this checks the URL's shape and never resolves names.
 */
export function isPrivateOrLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase()
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1)
  if (h.endsWith('.')) h = h.slice(0, -1)
  if (h === '') return false
  if (h === 'localhost' || h.endsWith('.localhost')) return true
  const v4 = parseIPv4(h)
  if (v4) return isPrivateIPv4(v4)
  const v6 = parseIPv6(h)
  return v6 ? isPrivateIPv6(v6) : false
}
