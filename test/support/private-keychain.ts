import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Keychain {
  env: Record<string, string>
  stop(): void
}

/** A private D-Bus session with an unlocked gnome-keyring; the developer's own keyring is never touched. */
export async function startPrivateKeychain(): Promise<Keychain> {
  const scratch = mkdtempSync(join(tmpdir(), 'fleet-keyring-'))
  const runtime = join(scratch, 'run')
  mkdirSync(runtime, { mode: 0o700 })
  const script =
    'echo -n e2e-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null; ' +
    'echo "BUS=$DBUS_SESSION_BUS_ADDRESS"; exec sleep infinity'
  const child = spawn('dbus-run-session', ['--', 'bash', '-c', script], {
    env: { ...process.env, HOME: scratch, XDG_DATA_HOME: join(scratch, 'data'), XDG_RUNTIME_DIR: runtime },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no keyring session:\n${output}`)), 15_000)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^BUS=(\S+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('error', reject)
  })
  return {
    env: { DBUS_SESSION_BUS_ADDRESS: address },
    // The whole group: dbus-run-session, its bus and the keyring daemon started inside it.
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
    },
  }
}
