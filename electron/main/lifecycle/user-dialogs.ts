import { dialog, shell } from 'electron'
import type { HostOptionError } from '../../../core/host/cli-options'
import { redactText } from '../../../core/logging/redact'
import type { Say } from '../locales/main-strings'

/**
 * A start that failed, told to the person at the desk (not only to a log nobody opens): what failed,
 * where, and the system's own words; one button opens the log folder. Resolves when answered.
 */
export async function showStartFailure(
  say: Say,
  facts: { dataDir: string; logDir: string; error: unknown },
): Promise<void> {
  const reason = redactText(facts.error instanceof Error ? facts.error.message : String(facts.error))
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: say('dialog.startFailed.title'),
    message: say('dialog.startFailed.message'),
    detail: say('dialog.startFailed.detail', { folder: facts.dataDir, reason }),
    buttons: [say('dialog.quit'), say('dialog.openLogFolder')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  })
  if (response === 1) await shell.openPath(facts.logDir)
}

/** A mistake in the app's own command-line flags (Chromium's are not ours to judge). */
export function showBadOption(say: Say, error: HostOptionError): void {
  dialog.showErrorBox(
    say('dialog.badOption.title'),
    say(`dialog.badOption.${error.problem}`, { option: error.option, value: error.value }),
  )
}

/** The preload is missing or failed: the window could never reach the app, so say it instead. */
export function showBrokenInstall(say: Say): void {
  dialog.showErrorBox(say('dialog.brokenInstall.title'), say('dialog.brokenInstall.message'))
}
