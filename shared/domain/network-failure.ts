/**
 * Why a request failed before any response, as stable keys with their English words. Main writes the
 * words into its messages and the key into the error's params; the renderer translates the key.
 */
export const NETWORK_REASONS = {
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
  // Fetch refuses ports browsers consider unsafe (9, 6000, …) before connecting.
  'bad-port': 'that port is blocked for web requests; use another port',
  other: 'the request failed before any response',
} as const

export type NetworkFailure = keyof typeof NETWORK_REASONS
