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
      // Four 32-bit words as hex, with the version/variant nibbles forced: 100k ids in a few ms.
      const hex = (n: number): string => n.toString(16).padStart(8, '0')
      const a = hex(nextUint32())
      const b = hex(((nextUint32() & 0xffff0fff) | 0x00004000) >>> 0)
      const c = hex(((nextUint32() & 0x3fffffff) | 0x80000000) >>> 0)
      const d = hex(nextUint32())
      return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`
    },
  }
}

/** Derives an independent stream so adding devices does not reshuffle vehicle motion. */
export function deriveSeed(seed: number, stream: string): number {
  let h = seed >>> 0 || 0x9e3779b9
  for (let i = 0; i < stream.length; i++) h = Math.imul(h ^ stream.charCodeAt(i), 0x01000193) >>> 0
  return h
}
