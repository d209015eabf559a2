import { describe, expect, it } from 'vitest'
import type { Track } from '../../../../shared/domain/history'
import { trackCsv, trackFile, trackGpx, trackKml, xmlText } from './track-files'

const T0 = Date.UTC(2026, 10, 25, 9, 30, 0)
const track: Track = {
  assetId: 'a1',
  t: Float64Array.from([T0, T0 + 1000]),
  lat: Float64Array.from([19.4326077, 19.4327]),
  lng: Float64Array.from([-99.1332081, -99.1333]),
  speed: Float32Array.from([36, Number.NaN]),
  heading: Float32Array.from([90, Number.NaN]),
}
const owner = { name: 'Grúa <Norte> & "Sur"', serial: 'GT06-000004', assetId: 'a1' }

describe('track exports', () => {
  it('CSV: one line per fix with its UTC time', () => {
    const lines = trackCsv(track, owner).trim().split('\r\n')
    expect(lines).toEqual([
      'time_utc,name,serial,assetId,lat,lng,speed_kmh,heading_deg',
      '2026-11-25T09:30:00.000Z,"Grúa <Norte> & ""Sur""",GT06-000004,a1,19.4326077,-99.1332081,36.0,90.0',
      '2026-11-25T09:30:01.000Z,"Grúa <Norte> & ""Sur""",GT06-000004,a1,19.4327000,-99.1333000,,',
    ])
  })

  it('GPX 1.1: points with times, speed in m/s and course where known, names escaped', () => {
    const gpx = trackGpx(track, owner)
    expect(gpx).toContain('<name>Grúa &lt;Norte&gt; &amp; &quot;Sur&quot;</name>')
    expect(gpx).toContain(
      '<trkpt lat="19.4326077" lon="-99.1332081"><time>2026-11-25T09:30:00.000Z</time><extensions><gpxtpx:TrackPointExtension><gpxtpx:speed>10.00</gpxtpx:speed><gpxtpx:course>90.0</gpxtpx:course></gpxtpx:TrackPointExtension></extensions></trkpt>',
    )
    expect(gpx).toContain(
      '<trkpt lat="19.4327000" lon="-99.1333000"><time>2026-11-25T09:30:01.000Z</time></trkpt>',
    )
    expect(gpx.match(/<trkpt /g)).toHaveLength(2)
  })

  it('KML: a gx:Track with a time for every coordinate (lon lat alt)', () => {
    const kml = trackKml(track, owner)
    expect(kml.match(/<when>/g)).toHaveLength(2)
    expect(kml).toContain('<gx:coord>-99.1332081 19.4326077 0</gx:coord>')
    expect(kml).toContain('<when>2026-11-25T09:30:01.000Z</when>')
  })

  it('names the MIME type of each format, and escapes the five XML characters', () => {
    expect(['csv', 'gpx', 'kml'].map((f) => trackFile(f as 'csv', track, owner).type)).toEqual([
      'text/csv',
      'application/gpx+xml',
      'application/vnd.google-earth.kml+xml',
    ])
    expect(xmlText(`<a href='x'>&"</a>`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;')
  })
})
