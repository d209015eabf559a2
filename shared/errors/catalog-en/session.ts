import type { ListenerErrorCode, SessionErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** The Tagora session and the keychain behind "keep me signed in" (core/session). */
export const sessionEn: Record<SessionErrorCode, ErrorTemplate> = {
  'signed-out': { lead: 'You are signed out of Tagora.', advice: 'Sign in again.' },
  'keychain-unavailable': { lead: 'No system keychain is available ({{detail}}).' },
  'keychain-failed': { lead: 'The keychain could not be opened: {{detail}}' },
  'keychain-save-failed': { lead: 'The keychain refused to save the sign-in: {{detail}}' },
}

/** The local webhook listener (core/listener/listen-error.ts), and the demo that needs it. */
export const listenerEn: Record<ListenerErrorCode, ErrorTemplate> = {
  'port-in-use': {
    lead: 'Port {{port}} is already in use by another program.',
    advice: 'Choose another port in Fleet setup → Local listener, or stop the other program.',
  },
  'port-denied': {
    lead: 'This computer does not allow the app to listen on port {{port}}.',
    advice: 'Choose a port above 1024 in Fleet setup → Local listener.',
  },
  'address-unavailable': {
    lead: 'The address {{target}} does not belong to this computer.',
    advice: 'Use 127.0.0.1 in Fleet setup → Local listener.',
  },
  'listener-failed': {
    lead: 'The listener could not start on {{target}}:{{port}} ({{detail}}).',
    advice: 'Check Fleet setup → Local listener.',
  },
  'listener-unavailable': { lead: 'The demo needs the local listener, which is not running.' },
}
