import type { SetupErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const SET_ASIDE = 'Defaults are in use; the old file was kept as {{target}}.'

/** Webhooks, devices, the settings file and the health probe. */
export const setupEn: Record<SetupErrorCode, ErrorTemplate> = {
  'post-url-empty': { lead: 'Enter the public URL Tagora should post to.' },
  'post-url-not-a-url': {
    lead: 'This is not a URL. Enter a full address such as https://fleet.example.com/tagora/events.',
  },
  'post-url-not-https': { lead: 'The URL must start with https:// — Tagora only posts to https.' },
  'post-url-no-host': { lead: 'The URL has no host name.' },
  'post-url-localhost': {
    lead: 'localhost is this computer: Tagora cannot reach it. Use the public URL of your tunnel or proxy.',
  },
  'post-url-private-ip': {
    lead: 'This is a private, loopback or link-local address that Tagora cannot reach. Use a public URL.',
  },
  'unknown-webhook': { lead: 'Fleet Monitor has no webhook {{webhookId}}.' },
  'webhook-not-in-tagora': {
    lead: 'Tagora does not know this webhook (it may have been removed in Tagora’s panel).',
  },
  'webhook-reply-unreadable': {
    lead: 'Tagora may have created this webhook, but its reply to {{call}} could not be read ({{detail}}), so Fleet Monitor kept nothing.',
    advice: 'Look in Tagora’s panel: if the webhook is listed there, remove it before registering again.',
  },
  'missing-organization': {
    lead: 'The session does not say which organization it belongs to, and no device lists one yet.',
    advice: 'Sync devices first, or enter it under Advanced.',
  },
  'missing-user': {
    lead: 'The session token does not say which user is signed in.',
    advice: 'Enter the user id under Advanced.',
  },
  'unreadable-devices': {
    lead: 'Tagora returned an unreadable page of devices at offset {{offset}} ({{detail}}).',
  },
  'settings-unreadable': {
    lead: 'Your settings file could not be used because it could not be read ({{detail}}).',
    advice: SET_ASIDE,
  },
  'settings-not-json': {
    lead: 'Your settings file could not be used because it is not valid JSON.',
    advice: SET_ASIDE,
  },
  'settings-bad-shape': {
    lead: 'Your settings file could not be used because it has an unexpected shape ({{detail}}).',
    advice: SET_ASIDE,
  },
  'probe-unreachable': { lead: '{{network}}' },
  'probe-timeout': { lead: 'no answer within {{seconds}} s' },
}
