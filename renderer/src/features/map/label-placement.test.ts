import { describe, expect, it } from 'vitest'
import { placeLabels } from './label-placement'

const box = (x: number, y: number, width = 80) => ({ x, y, width, height: 12 })

describe('placeLabels', () => {
  it('keeps labels that do not touch', () => {
    expect(placeLabels([box(0, 0), box(0, 20), box(100, 0)])).toEqual([true, true, true])
  })

  it('drops a label that would cover one kept before it, whoever comes first wins', () => {
    // Two vehicles side by side on a street: "Unidad 002 GDL" and "Unidad 038 GDL" would overprint.
    expect(placeLabels([box(0, 0), box(30, 3)])).toEqual([true, false])
    expect(placeLabels([box(30, 3), box(0, 0)])).toEqual([true, false])
  })

  it('judges each label against the kept ones only', () => {
    // The middle one clashes with the first and is dropped, so the third (clear of the first) stays.
    expect(placeLabels([box(0, 0), box(60, 0), box(120, 0)])).toEqual([true, false, true])
  })
})
