import type { AppErrorCode, ValidationCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Input the shared schemas refuse (their zod messages are these codes). */
export const validationEn: Record<ValidationCode, ErrorTemplate> = {
  // zod's own words for a check that names no code: a low-level detail, kept as is.
  'invalid-input': { lead: '{{detail}}' },
  'path-override': { lead: 'A path override starts with / (leave it empty for the default)' },
  'leaves-server': {
    lead: 'A path override is a path on the base URL’s server: one / at the start, no // or \\, no spaces',
  },
  'needs-https': {
    lead: 'Use an https:// address (plain http:// only for this computer: localhost, 127.0.0.1, ::1)',
  },
  'insecure-url': {
    lead: 'This address uses plain http:// to another computer, so Fleet Monitor does not send passwords, tokens or keys to it. Change it to https://.',
  },
  lifetime: { lead: 'The token lifetime is a whole number of seconds' },
  'name-connection': { lead: 'Give the connection a name' },
  'name-webhook': { lead: 'Give the webhook a name.' },
  'enter-base-url': { lead: 'Enter the full base URL, e.g. https://…' },
  'enter-app-id': { lead: 'Enter the App ID' },
  'enter-login': { lead: 'Enter the login' },
  'enter-org-domain': { lead: 'Enter the organization domain' },
  'enter-username': { lead: 'Enter the username' },
  'enter-client-id': { lead: 'Enter the OAuth client id' },
  'enter-secret': { lead: 'Enter the secret' },
  'secret-with-scheme': {
    lead: 'Remove the word in front ("Bearer ", "Basic " or "agora token="): paste the key or token alone, the app adds that word itself',
  },
  'secret-whitespace': { lead: 'A key or token has no spaces or line breaks; paste it again.' },
  'enter-phone': {
    lead: 'Enter the phone number in international format with its country code, e.g. +5215512345678',
  },
  'call-reference-short': { lead: 'The call reference must have at least 8 characters' },
  'call-reference-long': { lead: 'The call reference must have at most 20 characters' },
  'room-fields-without-room': {
    lead: 'A phone number or call reference goes with a room: tick "Create a room" or clear them',
  },
  'enter-agent-login': {
    lead: 'Enter the agent login: an agent that exists in 8x8’s Video Interaction directory',
  },
  'enter-login-path': {
    lead: 'Enter the login path: Nugios’ document leaves its request URL blank, so ask Nugios for it',
  },
  'enter-refresh-path': {
    lead: 'Enter the refresh path: Nugios’ document leaves its request URL blank, so ask Nugios for it',
  },
  'http-method': { lead: 'A method is GET, POST or PUT' },
  'get-with-body': {
    lead: 'The login sends the username and password in its body, so its method cannot be GET',
  },
  'oauth-scope': {
    lead: 'A scope is one or more words separated by single spaces, without " or \\ (or empty: no scope is sent)',
  },
  'webhook-id': { lead: 'An id is digits or a uuid (letters, digits and dashes).' },
  'enter-email': { lead: 'Enter a valid email address' },
  'enter-password': { lead: 'Enter your password' },
  'enter-api-url': { lead: 'Enter a full URL, e.g. https://…' },
  'enter-relay-url': { lead: 'Enter the relay’s address, e.g. https://relay.example.com' },
  'relay-url': {
    lead: 'The relay’s address starts with https:// or wss:// (plain http:// or ws:// only for this computer)',
  },
  'enter-relay-key': { lead: 'Enter the desk key the relay’s operator gave you' },
  'relay-key-format': {
    lead: 'This is not a desk key: a key reads name.secret, exactly as the relay printed it',
  },
}

/** The app itself and its transports. */
export const appEn: Record<AppErrorCode, ErrorTemplate> = {
  internal: { lead: 'Something went wrong inside Fleet Monitor.', advice: 'Details are in the log.' },
  // An error nothing classified: its own words are all there is.
  unexpected: { lead: '{{detail}}' },
  'unknown-call': { lead: 'Unknown call {{call}}' },
  transport: { lead: '{{call}} failed: {{detail}}' },
  'host-disconnected': { lead: 'The Fleet Monitor host refused or closed the connection.' },
  'signed-in': { lead: 'Sign out before changing the API URL.' },
  'demo-failed': { lead: 'The demo could not start: {{detail}}' },
  'no-demo': { lead: 'This host offers no demo.' },
}
