import { verify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

const SIGNATURE_BYTES = 64
const PREFIX = /^ed25519=/i
const HEX = /^[0-9a-fA-F]{128}$/
// 64 bytes are 86 base64 characters plus '==' padding; either alphabet, padding optional.
const BASE64 = /^[A-Za-z0-9+/_-]{86}(?:==)?$/

/**
 * Decodes an X-Tagora-Signature value: base64, base64url or hex, with or without an `ed25519=`
 * prefix. Returns null for anything that is not exactly one 64-byte ed25519 signature.
 */
export function decodeSignature(header: string): Buffer | null {
  const value = header.trim().replace(PREFIX, '').trim()
  // Hex first: 128 hex digits are also valid base64 characters, but would decode to 96 bytes.
  if (HEX.test(value)) return Buffer.from(value, 'hex')
  if (!BASE64.test(value)) return null
  // Node's base64 decoder reads the URL-safe alphabet too, and skips characters it does not know;
  // the pattern above already ruled those out.
  const bytes = Buffer.from(value, 'base64')
  return bytes.length === SIGNATURE_BYTES ? bytes : null
}

/**
 * True when `header` is a valid ed25519 signature of the exact raw body under any of `keys` (several
 * webhooks may be active; KeyObjects are built once from the PEM, not per request), checked on
 * libuv's thread pool (crypto.verify with a callback). The listener's own default checks in batches
 * on a worker thread (signature-worker.ts) and falls back to this.
 */
export async function verifySignature(
  rawBody: Buffer,
  header: string | undefined,
  keys: readonly KeyObject[],
): Promise<boolean> {
  if (header === undefined) return false
  const signature = decodeSignature(header)
  return signature ? verifyDecoded(rawBody, signature, keys) : false
}

/** verifySignature for a signature already decoded from its header. */
export async function verifyDecoded(
  rawBody: Buffer,
  signature: Buffer,
  keys: readonly KeyObject[],
): Promise<boolean> {
  for (const key of keys) if (await verifyInPool(rawBody, key, signature)) return true
  return false
}

function verifyInPool(rawBody: Buffer, key: KeyObject, signature: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      verify(null, rawBody, key, signature, (error, valid) => resolve(!error && valid))
    } catch {
      // A key of another type (not ed25519) cannot verify this signature; try the next one.
      resolve(false)
    }
  })
}
