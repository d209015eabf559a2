import type { Track } from '../../../../shared/domain/history'
import { csvCell, csvNumber, csvText, csvTime } from './csv-cells'

/** Who the track belongs to, as the files name it. */
export interface TrackOwner {
  name: string
  serial: string
  assetId: string
}

export type TrackFormat = 'csv' | 'gpx' | 'kml'

/** Each fix with its time (UTC), position, speed and heading. */
export function trackCsv(track: Track, owner: TrackOwner): string {
  const lines = ['time_utc,name,serial,assetId,lat,lng,speed_kmh,heading_deg']
  const who = [csvCell(owner.name), csvCell(owner.serial), csvCell(owner.assetId)].join(',')
  for (let i = 0; i < track.t.length; i++) {
    lines.push(
      [
        csvTime(track.t[i]),
        who,
        csvNumber(track.lat[i], 7),
        csvNumber(track.lng[i], 7),
        csvNumber(track.speed[i], 1),
        csvNumber(track.heading[i], 1),
      ].join(','),
    )
  }
  return csvText(lines)
}

/** Text and attribute content for XML: the five characters XML reserves, escaped. */
export function xmlText(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  )
}

/**
 * GPX 1.1: one track, each point with its time; speed (m/s) and course in Garmin's TrackPointExtension,
 * which GPS tools read (GPX 1.1 itself has no speed).
 */
export function trackGpx(track: Track, owner: TrackOwner): string {
  const points: string[] = []
  for (let i = 0; i < track.t.length; i++) {
    const speed = track.speed[i]!
    const heading = track.heading[i]!
    const extensions = [
      Number.isFinite(speed) ? `<gpxtpx:speed>${(speed / 3.6).toFixed(2)}</gpxtpx:speed>` : '',
      Number.isFinite(heading) ? `<gpxtpx:course>${heading.toFixed(1)}</gpxtpx:course>` : '',
    ].join('')
    points.push(
      `      <trkpt lat="${track.lat[i]!.toFixed(7)}" lon="${track.lng[i]!.toFixed(7)}"><time>${csvTime(track.t[i])}</time>` +
        (extensions
          ? `<extensions><gpxtpx:TrackPointExtension>${extensions}</gpxtpx:TrackPointExtension></extensions>`
          : '') +
        '</trkpt>',
    )
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Fleet Monitor" xmlns="http://www.topografix.com/GPX/1/1"',
    '     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2">',
    '  <trk>',
    `    <name>${xmlText(owner.name)}</name>`,
    `    <desc>${xmlText(`${owner.serial} · ${owner.assetId}`)}</desc>`,
    '    <trkseg>',
    ...points,
    '    </trkseg>',
    '  </trk>',
    '</gpx>',
    '',
  ].join('\n')
}

/** KML 2.2: the track as a gx:Track, each coordinate with its time (Google Earth's time slider plays it). */
export function trackKml(track: Track, owner: TrackOwner): string {
  const when: string[] = []
  const coords: string[] = []
  for (let i = 0; i < track.t.length; i++) {
    when.push(`        <when>${csvTime(track.t[i])}</when>`)
    coords.push(`        <gx:coord>${track.lng[i]!.toFixed(7)} ${track.lat[i]!.toFixed(7)} 0</gx:coord>`)
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">',
    '  <Document>',
    `    <name>${xmlText(owner.name)}</name>`,
    '    <Placemark>',
    `      <name>${xmlText(owner.name)}</name>`,
    `      <description>${xmlText(`${owner.serial} · ${owner.assetId}`)}</description>`,
    '      <gx:Track>',
    ...when,
    ...coords,
    '      </gx:Track>',
    '    </Placemark>',
    '  </Document>',
    '</kml>',
    '',
  ].join('\n')
}

/** The file's text and its MIME type. */
export function trackFile(
  format: TrackFormat,
  track: Track,
  owner: TrackOwner,
): { text: string; type: string } {
  switch (format) {
    case 'csv':
      return { text: trackCsv(track, owner), type: 'text/csv' }
    case 'gpx':
      return { text: trackGpx(track, owner), type: 'application/gpx+xml' }
    case 'kml':
      return { text: trackKml(track, owner), type: 'application/vnd.google-earth.kml+xml' }
  }
}
