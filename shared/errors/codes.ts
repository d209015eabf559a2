import type { PostUrlProblem } from './vocabulary'

// Every error code the app produces, by area. The catalog's templates are `Record`s over these unions
// (catalog-en/, catalog-es-mx/), so a code without English or Spanish words does not compile.

/** A request to Tagora or to a vendor failed: no answer, or an HTTP status that says why. */
export type HttpErrorCode =
  | 'api-unreachable'
  | 'unreachable'
  | 'timeout'
  | 'invalid-credentials'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'server-error'
  | 'http-error'
  | 'bad-response'

/** Vendor connections and their token engines (core/connections, core/tokens). */
export type ConnectionErrorCode =
  | 'password-expired'
  | 'parent-expired'
  | 'missing-secret'
  | 'secret-required'
  | 'secret-required-again'
  | 'no-token'
  | 'refused-before'
  | 'no-refresh-token'
  | 'agora-uid-required'
  | 'not-video-connection'
  | 'connection-gone'
  | 'room-token-missing'
  | 'missing-field'
  | 'agent-login-required'
  | 'path-not-set'
  | 'video-portal-unavailable'
  | 'video-portal-origin'
  | 'video-link-used'

/** The Tagora session, "keep me signed in" and the keychain. */
export type SessionErrorCode =
  'signed-out' | 'keychain-unavailable' | 'keychain-failed' | 'keychain-save-failed'

/** The local webhook listener, and the demo that needs it. */
export type ListenerErrorCode =
  'port-in-use' | 'port-denied' | 'address-unavailable' | 'listener-failed' | 'listener-unavailable'

/** Webhooks, devices, the settings file and the health probe. */
export type SetupErrorCode =
  | `post-url-${PostUrlProblem}`
  | 'unknown-webhook'
  | 'webhook-not-in-tagora'
  | 'webhook-reply-unreadable'
  | 'missing-organization'
  | 'missing-user'
  | 'unreadable-devices'
  | 'settings-unreadable'
  | 'settings-not-json'
  | 'settings-bad-shape'
  | 'probe-unreachable'
  | 'probe-timeout'

/** The history database: the file, its worker, and calls that need it (core/history). */
export type HistoryErrorCode =
  | 'history-damaged'
  | 'history-unavailable'
  | 'history-newer'
  | 'history-failed'
  | 'history-off'
  | 'history-range'

/** Input the shared zod schemas refuse: the schemas' messages are these codes (shared/errors/zod-issue.ts). */
export type ValidationCode =
  | 'invalid-input'
  | 'path-override'
  | 'leaves-server'
  | 'needs-https'
  | 'insecure-url'
  | 'lifetime'
  | 'name-connection'
  | 'name-webhook'
  | 'enter-base-url'
  | 'enter-app-id'
  | 'enter-login'
  | 'enter-org-domain'
  | 'enter-username'
  | 'enter-client-id'
  | 'enter-secret'
  | 'secret-with-scheme'
  | 'secret-whitespace'
  | 'enter-phone'
  | 'call-reference-short'
  | 'call-reference-long'
  | 'room-fields-without-room'
  | 'enter-agent-login'
  | 'enter-login-path'
  | 'enter-refresh-path'
  | 'http-method'
  | 'get-with-body'
  | 'oauth-scope'
  | 'webhook-id'
  | 'enter-email'
  | 'enter-password'
  | 'enter-api-url'
  | 'enter-relay-url'
  | 'relay-url'
  | 'enter-relay-key'
  | 'relay-key-format'

/** A desk's link to the Fleet Relay (core/feeds): what the desk's Feed status says. */
export type FeedErrorCode =
  | 'relay-key-refused'
  | 'relay-unreachable'
  | 'relay-unavailable'
  | 'relay-refused-status'
  | 'relay-dropped'
  | 'relay-too-slow'
  | 'relay-bad-message'
  | 'relay-from-command-line'

/** The relay host (relay/): its command line and what its operator reads in the log. */
export type RelayErrorCode =
  | 'nats-unavailable'
  | 'relay-needs-credentials'
  | 'relay-needs-public-url'
  | 'relay-path-taken'
  | 'relay-usage'
  | 'relay-bad-port'
  | 'relay-key-name'
  | 'relay-key-exists'
  | 'relay-key-unknown'
  | 'relay-sign-in-failed'
  | 'relay-webhook-failed'

/** The app itself and its transports. */
export type AppErrorCode =
  | 'internal'
  | 'unexpected'
  | 'unknown-call'
  | 'transport'
  | 'host-disconnected'
  | 'signed-in'
  | 'demo-failed'
  | 'no-demo'

export type ErrorCode =
  | HttpErrorCode
  | ConnectionErrorCode
  | SessionErrorCode
  | ListenerErrorCode
  | SetupErrorCode
  | FeedErrorCode
  | RelayErrorCode
  | HistoryErrorCode
  | ValidationCode
  | AppErrorCode
