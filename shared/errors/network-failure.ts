/**
 * Why a request failed before any response, as stable keys: main puts the key in an error's facts and
 * the catalog says it (`words.ts` in each shared/errors/catalog-<language>).
 */
export const NETWORK_FAILURES = [
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  // Fetch refuses ports browsers consider unsafe (9, 6000, …) before connecting.
  'bad-port',
  'other',
] as const

export type NetworkFailure = (typeof NETWORK_FAILURES)[number]

export function isNetworkFailure(code: string): code is NetworkFailure {
  return (NETWORK_FAILURES as readonly string[]).includes(code)
}
