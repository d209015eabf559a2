/** The extra telemetry fields as received, flattened to short strings. */
export function ExtraFields({ extra }: { extra: Record<string, unknown> }) {
  const entries = Object.entries(extra).slice(0, 12)
  if (entries.length === 0) return null
  return (
    <dl className="asset-detail-extra">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd title={show(value)}>{show(value)}</dd>
        </div>
      ))}
    </dl>
  )
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'object') return JSON.stringify(value)
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return '—'
}
