import type { CallName, EventName } from './contract'

/**
 * The channel names as plain runtime lists, free of zod, so the sandboxed preload can import them
 * without bundling schemas. A type test pins them to the contract's keys.
 */
export const CALL_CHANNELS = [
  'app:get-snapshot',
  'app:dismiss-notice',
  'session:sign-in',
  'session:start-demo',
  'session:sign-out',
  'devices:refresh',
  'telemetry:get-trail',
  'telemetry:get-asset',
  'settings:set-api-url',
  'settings:set-listener',
  'settings:set-map',
  'settings:set-telemetry',
  'settings:set-device-sync',
  'settings:set-feed',
  'webhooks:register',
  'webhooks:refresh-scopes',
  'webhooks:get-scope',
  'webhooks:test-public',
  'health:probe-api',
  'listener:recent-events',
  'window:pop-out-map',
  'history:range',
  'history:tracks',
  'history:fleet-at',
  'history:health',
  'settings:set-history',
  'alarms:list',
  'alarms:acknowledge',
  'settings:set-alarms',
  'connections:list',
  'connections:save',
  'connections:remove',
  'connections:test',
  'connections:open-video-portal',
] as const satisfies readonly CallName[]

export const EVENT_CHANNELS = [
  'session:state',
  'devices:list',
  'devices:list-part',
  'devices:sync-state',
  'listener:state',
  'feed:state',
  'settings:changed',
  'webhooks:state',
  'connections:status',
  'telemetry:batch',
  'app:command',
  'app:notice',
  'alarms:changed',
] as const satisfies readonly EventName[]
