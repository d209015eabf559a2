import { describe, expect, it } from 'vitest'
import { changeOf } from './change-of'
import { listenerSettingsSchema, mapSettingsSchema } from './settings'

describe('changeOf', () => {
  it('keeps only the fields a change names (partial() would fill in every default)', () => {
    expect(listenerSettingsSchema.partial().parse({ path: '/hooks' })).toHaveProperty('port', 8787)
    expect(changeOf(listenerSettingsSchema).parse({ path: '/hooks' })).toEqual({ path: '/hooks' })
    expect(changeOf(mapSettingsSchema).parse({})).toEqual({})
  })

  it('still checks each named field', () => {
    expect(changeOf(listenerSettingsSchema).safeParse({ port: 70000 }).success).toBe(false)
    expect(changeOf(listenerSettingsSchema).safeParse({ path: 'no-slash' }).success).toBe(false)
  })
})
