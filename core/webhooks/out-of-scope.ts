import type { Device } from '../../shared/domain/device'
import type { ScopeDevice } from '../../shared/domain/webhook'

/**
 * Known devices that no fetched scope carries. With no scope known yet nothing is flagged: "outside
 * every scope" means nothing until at least one scope has been read.
 */
export function outOfScopeAssetIds(
  devices: readonly Device[],
  scopes: readonly (readonly ScopeDevice[])[],
): string[] | null {
  if (scopes.length === 0) return null
  const covered = new Set<string>()
  for (const items of scopes) for (const item of items) covered.add(item.assetId)
  const outside: string[] = []
  for (const device of devices) if (!covered.has(device.assetId)) outside.push(device.assetId)
  return outside
}
