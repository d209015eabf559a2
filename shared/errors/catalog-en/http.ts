import type { HttpErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Requests to Tagora and to vendors (core/tagora/failure-mapping.ts, core/tokens/http.ts). */
export const httpEn: Record<HttpErrorCode, ErrorTemplate> = {
  'api-unreachable': {
    lead: 'Cannot reach the Tagora API at {{target}}: {{network}}.',
    advice: 'Check the API address and your network connection.',
  },
  unreachable: {
    lead: '{{call}} could not reach {{target}}: {{network}}.',
    advice: 'Check the connection’s base URL and your network connection.',
  },
  timeout: {
    lead: '{{service}} at {{target}} did not answer {{call}} within {{seconds}} s.',
    advice: 'Check your network connection or try again later.',
  },
  'invalid-credentials': {
    lead: '{{service}} did not accept {{credentials}}.',
    advice: 'Check them and try again.',
  },
  unauthorized: { lead: '{{service}} rejected the session for {{call}}.', advice: 'Sign in again.' },
  forbidden: { lead: '{{service}} does not allow this account to use {{call}}.' },
  'not-found': { lead: '{{service}} found nothing at {{call}}.', advice: 'Check the configured address.' },
  validation: { lead: '{{service}} rejected the request {{call}}.', advice: 'Check the values sent.' },
  'rate-limited': { lead: '{{service}} is limiting requests.', advice: 'Wait a moment and try again.' },
  'server-error': {
    lead: '{{service}} had a server error (HTTP {{status}}) on {{call}}.',
    advice: 'Try again later.',
  },
  'http-error': { lead: '{{service}} answered {{call}} with HTTP {{status}}.' },
  'bad-response': {
    lead: '{{service}} answered {{call}} with a response this app cannot read ({{detail}}).',
    advice: 'Check that the API address points at the Tagora Integration API.',
  },
}
