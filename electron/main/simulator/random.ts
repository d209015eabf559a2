/** Seeded randomness so a given seed always builds the same fleet (ids, names, motion). */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform in [min, max). */
  range(min: number, max: number): number
  /** Integer in [0, maxExclusive). */
  int(maxExclusive: number): number
  /** RFC 4122 version-4 shaped uuid drawn from this stream. */
  uuid(): string
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** mulberry32: tiny, fast and good enough for simulation (not for secrets). */
export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  const next = (): number => nextUint32() / 4294967296
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (maxExclusive) => Math.floor(next() * maxExclusive),
    uuid() {
      const bytes: number[] = []
      for (let i = 0; i < 4; i++) {
        const word = nextUint32()
        bytes.push(word >>> 24, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff)
      }
      bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
      bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
      const h = bytes.map((b) => HEX[b] ?? '00')
      return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h
        .slice(8, 10)
        .join('')}-${h.slice(10).join('')}`
    },
  }
}

/** Derives an independent stream so adding devices does not reshuffle vehicle motion. */
export function deriveSeed(seed: number, stream: string): number {
  let h = seed >>> 0 || 0x9e3779b9
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0
  return h
}
