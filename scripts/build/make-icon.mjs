// Draws build/icon.png (1024×1024), the app icon electron-builder turns into .icns, .ico and the Linux
// icons: the favicon's navigation arrow (renderer/index.html) on the window's dark background.
// Run `node scripts/build/make-icon.mjs` after changing the drawing; the PNG is committed.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 1024
const SAMPLES = 4
const BACKGROUND = [15, 23, 42]
const ARROW = [8, 145, 178]
// The favicon's path on a 24-unit grid: M12 2 20 21 12 16.5 4 21Z.
const POLYGON = [
  [12, 2],
  [20, 21],
  [12, 16.5],
  [4, 21],
].map(([x, y]) => [((x - 12) * 0.8 + 12) / 24, ((y - 11.5) * 0.8 + 12) / 24])

function insideArrow(x, y) {
  let inside = false
  for (let i = 0, j = POLYGON.length - 1; i < POLYGON.length; j = i++) {
    const [xi, yi] = POLYGON[i]
    const [xj, yj] = POLYGON[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Inside the rounded square the background fills (corner radius 18% of the side). */
function insideTile(x, y) {
  const r = 0.18
  const cx = Math.min(Math.max(x, r), 1 - r)
  const cy = Math.min(Math.max(y, r), 1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

const rows = []
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4)
  for (let px = 0; px < SIZE; px++) {
    let tile = 0
    let arrow = 0
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const x = (px + (sx + 0.5) / SAMPLES) / SIZE
        const y = (py + (sy + 0.5) / SAMPLES) / SIZE
        if (insideTile(x, y)) tile++
        if (insideArrow(x, y)) arrow++
      }
    }
    const n = SAMPLES * SAMPLES
    const mix = arrow / Math.max(tile, 1)
    const at = 1 + px * 4
    for (let c = 0; c < 3; c++) row[at + c] = Math.round(BACKGROUND[c] * (1 - mix) + ARROW[c] * mix)
    row[at + 3] = Math.round((tile / n) * 255)
  }
  rows.push(row)
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

function crc32(buffer) {
  let crc = 0xffffffff
  for (const byte of buffer) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return crc ^ 0xffffffff
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('../../build/icon.png', import.meta.url), png)
