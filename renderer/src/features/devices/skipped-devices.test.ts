import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { en } from '../../locales/en'
import { esMX } from '../../locales/es-mx'
import { skippedText } from './skipped-devices'

async function say(lng: 'en' | 'es-MX', skipped: Parameters<typeof skippedText>[0]): Promise<string> {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { en: { translation: en }, 'es-MX': { translation: esMX } },
    lng,
    interpolation: { escapeValue: false },
  })
  const text = skippedText(skipped)
  if (!text) return ''
  const reason = i18n.t(text.reasonKey, { field: text.field })
  return `${i18n.t('devices.skipped', { count: text.count })} | ${i18n.t('devices.skippedHint', { row: text.row, reason })}`
}

describe('skippedText', () => {
  it('says nothing when the last sync read every row', () => {
    expect(skippedText(undefined)).toBeNull()
    expect(skippedText({ count: 0, first: { position: 0, problem: 'missing' } })).toBeNull()
  })

  it('counts rows as a person does, from 1', () => {
    expect(skippedText({ count: 2, first: { position: 4, field: 'assetId', problem: 'missing' } })).toEqual({
      count: 2,
      row: 5,
      reasonKey: 'devices.skipReason.missing',
      field: 'assetId',
    })
  })

  it('says it in English and Mexican Spanish, with plurals', async () => {
    const one = { count: 1, first: { position: 0, field: 'assetId', problem: 'missing' as const } }
    const three = { count: 3, first: { position: 9, problem: 'not-an-object' as const } }
    expect(await say('en', one)).toBe(
      '1 device skipped (malformed) | Tagora listed rows this app cannot place on the map; the other devices are shown. First: row 1, no assetId.',
    )
    expect(await say('en', three)).toMatch(
      /^3 devices skipped \(malformed\) \|.*row 10, not a device record\.$/,
    )
    expect(await say('es-MX', one)).toBe(
      '1 dispositivo omitido (mal formado) | Tagora envió filas que esta app no puede ubicar en el mapa; los demás dispositivos sí se muestran. Primera: fila 1, sin assetId.',
    )
    expect(await say('es-MX', three)).toMatch(
      /^3 dispositivos omitidos \(mal formados\) \|.*fila 10, no es un registro/,
    )
  })
})
