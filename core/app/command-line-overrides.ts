import type { HostOptions } from '../host/cli-options'
import { resolveOverrideOf } from '../webhooks/resolve-override'
import type { FleetAppOptions } from './fleet-app'

type CommandLineOverrides = Pick<
  FleetAppOptions,
  'apiUrlOverride' | 'listenerPortOverride' | 'resolveOverride' | 'relayOverride'
>

/** What the command line overrides for this run only (never written to settings), the same in every host. */
export function commandLineOverrides(options: HostOptions): CommandLineOverrides {
  return {
    apiUrlOverride: options.apiUrl,
    listenerPortOverride: options.listenerPort,
    ...(options.resolve.length > 0 && { resolveOverride: resolveOverrideOf(options.resolve) }),
    relayOverride: options.relay,
  }
}
