import { describe, expect, expectTypeOf, it } from 'vitest'
import { ERROR_CATALOG, isErrorCode } from './catalog'
import type { ErrorCode } from './codes'
import { FACT_NAMES } from './facts'
import type { ErrorFacts } from './facts'
import type { ErrorTemplate } from './template'

const PLACEHOLDER = /\{\{(\w+)\}\}/g

function placeholders(template: ErrorTemplate): string[] {
  const text = `${template.lead} ${template.advice ?? ''}`
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort()
}

const codes = Object.keys(ERROR_CATALOG.en.code) as ErrorCode[]

describe('the error catalog', () => {
  it('gives every code English and es-MX words (the Records make a missing one a compile error)', () => {
    expectTypeOf(ERROR_CATALOG.en.code).toEqualTypeOf<Record<ErrorCode, ErrorTemplate>>()
    expectTypeOf(ERROR_CATALOG['es-MX'].code).toEqualTypeOf<Record<ErrorCode, ErrorTemplate>>()
    expect(Object.keys(ERROR_CATALOG['es-MX'].code).sort()).toEqual([...codes].sort())
    for (const code of codes) expect(ERROR_CATALOG['es-MX'].code[code].lead, code).not.toBe('')
  })

  it('lists every fact a template may name (a new fact must be listed before it is used)', () => {
    expectTypeOf<(typeof FACT_NAMES)[number]>().toEqualTypeOf<Exclude<keyof ErrorFacts, 'cause'> | 'status'>()
  })

  it.each(codes)('%s: its templates use only facts that exist, the same ones in both languages', (code) => {
    const en = ERROR_CATALOG.en.code[code]
    const es = ERROR_CATALOG['es-MX'].code[code]
    const known: readonly string[] = FACT_NAMES
    for (const name of placeholders(en)) expect(known, `${code} uses {{${name}}}`).toContain(name)
    expect(placeholders(es)).toEqual(placeholders(en))
    // Both or neither: i18next falls back to English for an advice only one language has.
    expect(es.advice === undefined).toBe(en.advice === undefined)
  })

  it('joins the parts of an error with the same placeholders in both languages', () => {
    const frame = (lang: 'en' | 'es-MX') =>
      Object.fromEntries(
        Object.entries<string>(ERROR_CATALOG[lang].frame).map(([key, text]) => [
          key,
          placeholders({ lead: text }),
        ]),
      )
    expect(frame('es-MX')).toEqual(frame('en'))
  })

  it('knows its own codes and nothing else', () => {
    expect(isErrorCode('port-in-use')).toBe(true)
    expect(isErrorCode('enter-email')).toBe(true)
    expect(isErrorCode('Enter a valid email address')).toBe(false)
    expect(isErrorCode('toString')).toBe(false)
  })
})
