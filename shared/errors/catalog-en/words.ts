import type { ErrorResources } from '../template'

/** The words facts are said with, and how an error's parts are joined, in English. */
export const wordsEn: Omit<ErrorResources, 'code'> = {
  network: {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'name lookup failed (are you offline?)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
    UND_ERR_SOCKET: 'connection closed unexpectedly',
    CERT_HAS_EXPIRED: 'its TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
    ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate does not match the host name',
    'bad-port': 'that port is blocked for web requests; use another port',
    other: 'the request failed before any response',
  },
  ending: {
    'renewal-refused': 'The server refused to renew the token',
    'renewal-failed': 'The token could not be renewed after three retries',
    'rejected-twice': 'The server refused the token twice in a row',
  },
  secret: { password: 'password', 'api-key': 'API key', token: 'token', 'client-secret': 'client secret' },
  credentials: {
    'email-password': 'this email and password',
    'login-password': 'the login and password',
    'username-password': 'the username and password',
    'client-id-secret': 'the OAuth client id and secret',
    'key-token': 'this key or token',
    any: 'these credentials',
  },
  frame: {
    said: '{{lead}}: {{said}}.',
    cause: '{{lead}}: {{cause}}',
    advice: '{{text}} {{advice}}',
    requestId: '{{text}} (request {{id}})',
    ending: '{{ending}}: {{error}}',
    theServer: 'The server',
  },
}
