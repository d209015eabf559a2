import type { Language } from './language'

interface AgeWords {
  now: string
  past: (value: number, unit: 's' | 'min' | 'h' | 'd') => string
}

// Kept out of i18next so the formatter stays pure and testable without a running i18n instance.
const AGE_WORDS: Record<Language, AgeWords> = {
  en: { now: 'just now', past: (v, u) => `${v} ${u} ago` },
  'es-MX': { now: 'ahora', past: (v, u) => `hace ${v} ${u}` },
}

/** "12 s ago" / "hace 12 s". Negative ages (clock skew) read as "just now". */
export function formatAge(ageMs: number, language: Language): string {
  const words = AGE_WORDS[language]
  const seconds = Math.floor(ageMs / 1000)
  if (!Number.isFinite(seconds) || seconds < 1) return words.now
  if (seconds < 60) return words.past(seconds, 's')
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return words.past(minutes, 'min')
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return words.past(hours, 'h')
  return words.past(Math.floor(hours / 24), 'd')
}

/** Remaining time as "14:05" (min:s), "2 h 05 min", or "29 d 23 h" past two days (30-day tokens). */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  if (h >= 48) return `${Math.floor(h / 24)} d ${h % 24} h`
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  return `${m}:${String(s).padStart(2, '0')}`
}

/** 24-hour local time; the date is added when the fix is not from today. */
export function formatFixTime(epochMs: number, language: Language, now = Date.now()): string {
  const date = new Date(epochMs)
  const sameDay = new Date(now).toDateString() === date.toDateString()
  return new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { year: 'numeric', month: '2-digit', day: '2-digit' }),
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(date)
}

export function formatSpeed(kmh: number | null, language: Language): string {
  if (kmh === null || !Number.isFinite(kmh)) return '—'
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(kmh)} km/h`
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const

/** "135° SE"; Spanish uses O for west. */
export function formatHeading(deg: number | null, language: Language): string {
  if (deg === null || !Number.isFinite(deg)) return '—'
  const norm = ((deg % 360) + 360) % 360
  const point = COMPASS[Math.round(norm / 45) % 8] ?? 'N'
  const label = language === 'es-MX' ? point.replace('W', 'O') : point
  return `${Math.round(norm)}° ${label}`
}
