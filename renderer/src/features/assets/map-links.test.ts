import { describe, expect, it } from 'vitest'
import { formatCoordinates, openStreetMapUrl } from './map-links'

describe('map links', () => {
  it('formats coordinates to five decimals (about a metre)', () => {
    expect(formatCoordinates(19.4326, -99.133208)).toBe('19.43260, -99.13321')
  })

  it('builds an OpenStreetMap link with a marker at the position', () => {
    const url = new URL(openStreetMapUrl(25.6866, -100.3161))
    expect(url.origin).toBe('https://www.openstreetmap.org')
    expect(url.searchParams.get('mlat')).toBe('25.686600')
    expect(url.searchParams.get('mlon')).toBe('-100.316100')
    expect(url.hash).toBe('#map=17/25.686600/-100.316100')
  })
})
