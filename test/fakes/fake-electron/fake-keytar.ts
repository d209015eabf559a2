import { onCommand, report } from './control'
import { FAKE_ENV } from './protocol'

/**
 * @github/keytar for the child: never the desk's real keychain. FAKE_KEYCHAIN=prompt makes the first
 * read wait for the test's keychain-answer (a locked keyring showing its unlock prompt); 'none'
 * behaves like a machine without a Secret Service.
 */
export function createFakeKeytar() {
  const mode = process.env[FAKE_ENV.keychain] ?? 'ready'
  const secrets = new Map<string, string>()
  const waiting: Array<(ok: boolean) => void> = []
  onCommand((command) => {
    if (command.cmd === 'keychain-answer') waiting.splice(0).forEach((answer) => answer(command.ok))
  })
  return {
    findCredentials(): Promise<unknown[]> {
      report({ kind: 'keychain-asked' })
      if (mode === 'none') return Promise.reject(new Error('no Secret Service on this bus'))
      if (mode !== 'prompt') return Promise.resolve([])
      return new Promise((resolve, reject) =>
        waiting.push((ok) => (ok ? resolve([]) : reject(new Error('the prompt was dismissed')))),
      )
    },
    getPassword: (_service: string, account: string) => Promise.resolve(secrets.get(account) ?? null),
    setPassword: (_service: string, account: string, secret: string) =>
      Promise.resolve(void secrets.set(account, secret)),
    deletePassword: (_service: string, account: string) => Promise.resolve(secrets.delete(account)),
  }
}
