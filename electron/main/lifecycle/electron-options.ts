import { HostOptionError, parseHostOptions } from '../../../core/host/cli-options'
import type { HostOptions } from '../../../core/host/cli-options'

export type ElectronOptionsReading =
  { ok: true; options: HostOptions } | { ok: false; error: HostOptionError }

/**
 * The app's own flags out of Electron's whole argv. Electron and Chromium leave their switches in
 * it (--no-sandbox, --ozone-platform=…, Playwright's --inspect=0 and --remote-debugging-port=0,
 * Squirrel's --squirrel-firstrun), and the app path in a development run: those are skipped, never
 * a reason to end the process. `--port N` is the listener port here (the Electron app serves no page).
 */
export function readElectronOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ElectronOptionsReading {
  try {
    const options = parseHostOptions(argv.slice(1), env, { unknown: 'ignore' })
    const listenerPort = options.listenerPort ?? (options.portGiven ? options.port : undefined)
    return { ok: true, options: { ...options, listenerPort } }
  } catch (error) {
    if (error instanceof HostOptionError) return { ok: false, error }
    throw error
  }
}
