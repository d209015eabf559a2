import { describe, expect, it } from 'vitest'
import { SECTIONS, selectSections } from './bench-sections'

describe('selectSections', () => {
  it('runs every section by default', () => {
    expect([...selectSections([], {})]).toEqual([...SECTIONS])
  })

  it('takes the flag before the environment', () => {
    expect([...selectSections(['--sections=map'], { BENCH_SECTIONS: 'ingest' })]).toEqual(['map'])
    expect([...selectSections([], { BENCH_SECTIONS: 'map, e2e' })]).toEqual(['map', 'e2e'])
  })

  it('refuses an unknown name and says which ones exist', () => {
    expect(() => selectSections(['--sections=maps'], {})).toThrow(
      'unknown bench section(s) maps: choose from ingest, history, memory, map, e2e',
    )
  })
})
