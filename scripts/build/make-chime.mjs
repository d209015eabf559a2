// Writes the alarm chime the desk plays for new alarms (renderer/src/features/alerts/alarm-chime.wav):
// two falling bell tones, half a second, 16-bit mono PCM at 22,050 Hz (about 20 KB, above Vite's 4 KB
// inlining limit, so it ships as a file the page policy's 'self' allows). Run: node scripts/build/make-chime.mjs
import { writeFileSync } from 'node:fs'

const RATE = 22_050
const TONES = [
  { hz: 987.77, start: 0, length: 0.28 }, // B5
  { hz: 783.99, start: 0.16, length: 0.34 }, // G5
]
const seconds = Math.max(...TONES.map((t) => t.start + t.length))
const samples = new Float64Array(Math.ceil(seconds * RATE))
for (const tone of TONES) {
  const from = Math.round(tone.start * RATE)
  const count = Math.round(tone.length * RATE)
  for (let i = 0; i < count; i++) {
    const t = i / RATE
    // A struck bell: fast attack, exponential decay, a quiet octave above for brightness.
    const envelope = Math.min(1, t / 0.004) * Math.exp(-t * 9)
    const wave = Math.sin(2 * Math.PI * tone.hz * t) + 0.3 * Math.sin(4 * Math.PI * tone.hz * t)
    samples[from + i] += 0.42 * envelope * wave
  }
}
const data = Buffer.alloc(samples.length * 2)
samples.forEach((v, i) => data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, v)) * 32767), i * 2))
const header = Buffer.alloc(44)
header.write('RIFF', 0)
header.writeUInt32LE(36 + data.length, 4)
header.write('WAVEfmt ', 8)
header.writeUInt32LE(16, 16) // PCM header size
header.writeUInt16LE(1, 20) // PCM
header.writeUInt16LE(1, 22) // mono
header.writeUInt32LE(RATE, 24)
header.writeUInt32LE(RATE * 2, 28) // bytes per second
header.writeUInt16LE(2, 32) // bytes per frame
header.writeUInt16LE(16, 34) // bits per sample
header.write('data', 36)
header.writeUInt32LE(data.length, 40)
const out = new URL('../../renderer/src/features/alerts/alarm-chime.wav', import.meta.url)
writeFileSync(out, Buffer.concat([header, data]))
console.log(`wrote ${out.pathname}: ${44 + data.length} bytes, ${seconds.toFixed(2)} s`)
