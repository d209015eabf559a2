/** Fills `{appid}`, `{orgdomain}`, `{envdomain}` (any config field, case-insensitive) into a path. */
export function fillPath(template: string, config: object): string {
  const fields = new Map(
    Object.entries(config as Record<string, unknown>).map(([key, value]) => [key.toLowerCase(), value]),
  )
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = fields.get(name.toLowerCase())
    return typeof value === 'string' && value !== '' ? encodeURIComponent(value) : whole
  })
}
