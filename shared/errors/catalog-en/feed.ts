import type { FeedErrorCode, RelayErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const FEED = 'Fleet setup → Feed'

/** A desk's link to the Fleet Relay (core/feeds), as its Feed status says it. */
export const feedEn: Record<FeedErrorCode, ErrorTemplate> = {
  'relay-key-refused': {
    lead: 'The relay refused this desk key: it is unknown or was revoked.',
    advice: `Ask the relay’s operator for a new key and enter it in ${FEED}.`,
  },
  'relay-unreachable': {
    lead: 'The relay at {{target}} could not be reached: {{network}}.',
    advice: 'This desk keeps trying; check the relay’s address if it does not connect.',
  },
  'relay-unavailable': {
    lead: 'The relay at {{target}} is running but cannot reach its NATS server.',
    advice: 'This desk keeps trying; tell the relay’s operator.',
  },
  'relay-refused-status': {
    lead: 'The relay at {{target}} answered HTTP {{status}} instead of opening the feed.',
    advice: `Check the relay’s address in ${FEED}.`,
  },
  'relay-dropped': {
    lead: 'The connection to the relay closed ({{detail}}).',
    advice: 'Reconnecting: the desk resumes where it stopped, so nothing is missed.',
  },
  'relay-too-slow': {
    lead: 'The relay cut this desk’s feed because the desk fell behind.',
    advice: 'Reconnecting from the last position received.',
  },
  'relay-bad-message': {
    lead: 'The relay sent a message this desk cannot read ({{detail}}).',
    advice: 'The relay may run another version of Fleet Monitor; this desk keeps trying.',
  },
  'relay-from-command-line': {
    lead: 'This run follows the relay given on the command line.',
    advice: `Start the app without --relay-url (or FLEET_RELAY_URL) to choose the feed in ${FEED}.`,
  },
}

/** The relay host (relay/): its command line, and what its operator reads in its log. */
export const relayEn: Record<RelayErrorCode, ErrorTemplate> = {
  'nats-unavailable': {
    lead: 'NATS at {{target}} is not reachable ({{detail}}).',
    advice:
      'Check that nats-server runs there with JetStream (-js). Meanwhile deliveries are answered 503, so Tagora sends them again, and desks wait for the feed.',
  },
  'relay-needs-credentials': {
    lead: 'The relay signs in to Tagora with TAGORA_EMAIL and TAGORA_PASSWORD (or TAGORA_PASSWORD_FILE); one is missing.',
  },
  'relay-needs-public-url': {
    lead: '--public-url is required: the https address Tagora posts to, through the reverse proxy.',
  },
  'relay-path-taken': {
    lead: 'The path {{detail}} is the relay’s own (/feed, /health).',
    advice: 'Choose another path for --public-url, e.g. /tagora/events.',
  },
  'relay-usage': {
    lead: '“{{detail}}” is not understood.',
    advice:
      'Usage: relay --public-url URL [--port P] [--bind ADDRESS] [--nats URL], or relay [--nats URL] keys add|revoke|list [NAME].',
  },
  'relay-bad-port': { lead: '{{name}} needs a port number from 0 to 65535, got “{{detail}}”.' },
  'relay-key-name': {
    lead: 'A desk key’s name is 1 to 64 letters, digits, - or _, got “{{name}}”.',
  },
  'relay-key-exists': {
    lead: 'A desk key named {{name}} exists already.',
    advice: 'Revoke it first, or choose another name.',
  },
  'relay-key-unknown': { lead: 'There is no desk key named {{name}}.' },
  'relay-sign-in-failed': { lead: 'The relay could not sign in to Tagora.' },
  'relay-webhook-failed': { lead: 'The relay could not register its webhook for {{target}}.' },
}
