// `npm start`: the Electron app where an Electron runtime is installed, else the browser host.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const args = process.argv.slice(2)
/** The electron package exports the binary's path, and throws when the binary was never downloaded. */
function findElectron() {
  try {
    return createRequire(import.meta.url)('electron')
  } catch {
    return null
  }
}
const electronPath = findElectron()

const [command, commandArgs] = electronPath
  ? [electronPath, ['.', ...args]]
  : [process.execPath, ['out/main/web-host.js', ...args]]
if (!electronPath) console.log('No Electron runtime is installed here; starting the browser host instead.')
const child = spawn(command, commandArgs, { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
