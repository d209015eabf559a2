import type { AlarmBurst } from './alert-grouper'

export interface Notifier {
  /** Shows one desktop notification; `onClick` runs when the user clicks it. */
  show(title: string, body: string, tag: string, onClick: () => void): void
}

/**
 * The HTML Notification API: in Electron's renderer it produces a native OS notification (the same
 * one Electron's main-process Notification shows), in the browser host the browser's own. Without
 * permission it stays silent; the alert list still has every entry.
 */
export const webNotifier: Notifier = {
  show(title, body, tag, onClick) {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    const notification = new Notification(title, { body, tag })
    notification.onclick = () => {
      window.focus()
      onClick()
      notification.close()
    }
  },
}

/** Asks once, from a click, so the browser accepts the request. */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  return Notification.requestPermission()
}

export function notificationTag(entry: AlarmBurst): string {
  return `fleet-alert-${entry.kind}-${entry.id}`
}
