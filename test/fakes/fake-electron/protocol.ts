/**
 * What the fake `electron` in the child process reports to the test, and the commands it takes.
 * Plain JSON over the child's IPC channel (child_process.fork).
 */
export type Report =
  | { kind: 'set-path'; name: string; value: string }
  | { kind: 'lock'; userData: string; granted: boolean }
  | { kind: 'remove-switch'; name: string }
  | { kind: 'app-user-model-id'; id: string }
  | { kind: 'window-created'; id: number; title: string; preload: string; sandbox: boolean; show: boolean }
  | { kind: 'window-loaded'; id: number; url: string }
  | { kind: 'window-shown'; id: number }
  | { kind: 'window-hidden'; id: number }
  | { kind: 'window-closed'; id: number }
  | { kind: 'permission-handlers'; installed: string[] }
  | { kind: 'menu'; labels: string[] }
  | { kind: 'tray'; tooltip: string; menu: string[] }
  | { kind: 'tray-destroyed' }
  | { kind: 'dialog'; type: 'message-box' | 'error-box'; title: string; message: string; detail: string }
  | { kind: 'open-path'; path: string }
  | { kind: 'keychain-asked' }
  | { kind: 'exit'; code: number }
  | { kind: 'reply'; id: number; value: unknown }

export type Command =
  | { cmd: 'quit' }
  | { cmd: 'close-window'; windowId: number }
  | { cmd: 'activate' }
  | { cmd: 'keychain-answer'; ok: boolean }
  | { cmd: 'ask-permission'; id: number; permission: string; url: string }
  | { cmd: 'invoke'; id: number; windowId: number; channel: string; input: unknown }

/** Environment the test sets for the child (all optional). */
export const FAKE_ENV = {
  /** Electron's appData: where a userData nobody moved would go (a temp folder, never the real one). */
  appData: 'FAKE_ELECTRON_APPDATA',
  locale: 'FAKE_ELECTRON_LOCALE',
  packaged: 'FAKE_ELECTRON_PACKAGED',
  platform: 'FAKE_ELECTRON_PLATFORM',
  /** 'ready' (default), 'prompt' (the first read waits for a keychain-answer command), 'none'. */
  keychain: 'FAKE_KEYCHAIN',
} as const
