import { describe, expect, it } from 'vitest'
import { formatAge, formatHeading, formatRemaining } from './format'
import { pickLanguage } from './language'

describe('formatAge', () => {
  it('formats seconds, minutes, hours and days in English', () => {
    expect(formatAge(400, 'en')).toBe('just now')
    expect(formatAge(12_300, 'en')).toBe('12 s ago')
    expect(formatAge(5 * 60_000 + 10, 'en')).toBe('5 min ago')
    expect(formatAge(3 * 3_600_000, 'en')).toBe('3 h ago')
    expect(formatAge(49 * 3_600_000, 'en')).toBe('2 d ago')
  })

  it('formats in Mexican Spanish', () => {
    expect(formatAge(0, 'es-MX')).toBe('ahora')
    expect(formatAge(12_000, 'es-MX')).toBe('hace 12 s')
    expect(formatAge(60_000, 'es-MX')).toBe('hace 1 min')
    expect(formatAge(7_200_000, 'es-MX')).toBe('hace 2 h')
  })

  it('treats clock skew and garbage as now', () => {
    expect(formatAge(-5000, 'en')).toBe('just now')
    expect(formatAge(Number.NaN, 'es-MX')).toBe('ahora')
  })
})

describe('other formatters', () => {
  it('formats remaining token time', () => {
    expect(formatRemaining(65_000)).toBe('1:05')
    expect(formatRemaining(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 05 min')
    expect(formatRemaining(-1)).toBe('0:00')
    expect(formatRemaining(2_591_968_000)).toBe('29 d 23 h')
    expect(formatRemaining(47 * 3_600_000)).toBe('47 h 00 min')
  })

  it('names compass points per language', () => {
    expect(formatHeading(270, 'en')).toBe('270° W')
    expect(formatHeading(-90, 'es-MX')).toBe('270° O')
    expect(formatHeading(null, 'en')).toBe('—')
  })

  it('picks the language from navigator.language', () => {
    expect(pickLanguage('es-ES')).toBe('es-MX')
    expect(pickLanguage('es')).toBe('es-MX')
    expect(pickLanguage('en-US')).toBe('en')
    expect(pickLanguage('fr')).toBe('en')
    expect(pickLanguage(undefined)).toBe('en')
  })
})
