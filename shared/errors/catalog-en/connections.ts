import type { ConnectionErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Vendor connections and their token engines (core/connections, core/tokens). */
export const connectionsEn: Record<ConnectionErrorCode, ErrorTemplate> = {
  'password-expired': {
    lead: '{{service}} says the password of "{{name}}" has expired.',
    advice: 'Change it in {{service}}, then enter the new one in this connection.',
  },
  'parent-expired': {
    lead: 'The organization token (orgauth) for "{{name}}" expired and could not be renewed, so no environment token could be derived.',
  },
  'missing-secret': {
    lead: 'No secret is stored for "{{name}}".',
    advice: 'Edit the connection and enter it again.',
  },
  'secret-required': { lead: 'Enter the {{secret}} for "{{name}}": none is stored for it yet.' },
  'secret-required-again': {
    lead: 'Enter the {{secret}} for "{{name}}" again: the stored one is never sent to another server or scheme.',
  },
  'no-token': { lead: '"{{name}}" has no token.', advice: 'Test the connection to sign in again.' },
  'refused-before': {
    lead: 'The server already refused this refresh token, so it is not sent again.',
    advice: 'Sign in again.',
  },
  'no-refresh-token': { lead: 'There is no refresh token to renew with.', advice: 'Sign in again.' },
  'agora-uid-required': {
    lead: 'AccessToken authentication needs the Signaling user ID the token was generated for.',
  },
  'not-video-connection': { lead: '"{{name}}" is not an 8x8 Video Interaction connection.' },
  'connection-gone': { lead: 'That connection no longer exists.' },
  'room-token-missing': {
    lead: '8x8 answered without "{{field}}", so the room may not exist.',
    advice: 'Try again or check the connection.',
  },
  'missing-field': {
    lead: '{{call}} answered without the expected field "{{field}}".',
    advice: 'If this server names it differently, set it in the connection’s field overrides.',
  },
  'agent-login-required': {
    lead: '"{{name}}" has no agent login, so the Agent Portal cannot sign anyone in.',
    advice: 'Edit the connection and enter the login of an agent in 8x8’s Video Interaction directory.',
  },
  'path-not-set': {
    lead: 'The {{field}} path of "{{name}}" is not set: {{service}}’s document leaves that request URL blank.',
    advice: 'Edit the connection and enter the path {{service}} gave you.',
  },
  'video-portal-unavailable': { lead: 'This host cannot open the 8x8 Agent Portal.' },
  'video-portal-origin': {
    lead: 'The Agent Portal at {{target}} may not open in the app: camera and microphone are granted only to https://video-agent.8x8.com.',
    advice: 'Set the connection’s base URL to https://video-agent.8x8.com.',
  },
  'video-link-used': {
    lead: 'This Agent Portal link was already used or has expired: each one opens the portal once, within a minute.',
    advice: 'Press "Video call" again in Fleet Monitor.',
  },
}
