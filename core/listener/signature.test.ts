import { describe, expect, it } from 'vitest'
import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto'
import { decodeSignature, verifySignature } from './signature'

const pair = generateKeyPairSync('ed25519')
const other = generateKeyPairSync('ed25519')
const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
// Keys arrive as PEM from POST /webhook; the app turns each into a KeyObject once.
const publicKey = createPublicKey(pair.publicKey.export({ type: 'spki', format: 'pem' }))
const otherKey = createPublicKey(other.publicKey.export({ type: 'spki', format: 'pem' }))

const body = Buffer.from('{"assetId":"a","lat":19.4,"lng":-99.1}')
const signature = sign(null, body, pair.privateKey)

describe('decodeSignature', () => {
  it.each([
    ['base64', signature.toString('base64')],
    ['base64 unpadded', signature.toString('base64').replace(/=+$/, '')],
    ['base64url', signature.toString('base64url')],
    ['hex', signature.toString('hex')],
    ['HEX', signature.toString('hex').toUpperCase()],
    ['prefixed base64', 'ed25519=' + signature.toString('base64')],
    ['prefixed hex with spaces', ' ed25519=' + signature.toString('hex') + ' '],
  ])('decodes %s', (_name, header) => {
    expect(decodeSignature(header)?.equals(signature)).toBe(true)
  })

  it.each([
    ['empty', ''],
    ['prefix only', 'ed25519='],
    ['short', signature.subarray(0, 63).toString('base64')],
    ['long', Buffer.concat([signature, Buffer.from([0])]).toString('base64')],
    ['63-byte hex', signature.subarray(0, 63).toString('hex')],
    ['junk characters', signature.toString('base64').slice(0, 80) + '!!!!!!=='],
    ['other scheme', 'sha256=' + signature.toString('hex')],
  ])('rejects %s', (_name, header) => {
    expect(decodeSignature(header)).toBeNull()
  })
})

describe('verifySignature', () => {
  const header = 'ed25519=' + signature.toString('base64')

  it('accepts a real signature under any active key', async () => {
    expect(await verifySignature(body, header, [publicKey])).toBe(true)
    expect(await verifySignature(body, signature.toString('hex'), [otherKey, publicKey])).toBe(true)
  })

  it('rejects a missing header, another key, a tampered or truncated body', async () => {
    expect(await verifySignature(body, undefined, [publicKey])).toBe(false)
    expect(await verifySignature(body, header, [])).toBe(false)
    expect(await verifySignature(body, header, [otherKey])).toBe(false)
    const tampered = Buffer.from(body)
    tampered[tampered.length - 2] = 0x32
    expect(await verifySignature(tampered, header, [publicKey])).toBe(false)
    expect(await verifySignature(body.subarray(0, body.length - 1), header, [publicKey])).toBe(false)
  })

  it('skips keys of another algorithm instead of throwing', async () => {
    expect(await verifySignature(body, header, [rsa.publicKey, publicKey])).toBe(true)
    expect(await verifySignature(body, header, [rsa.publicKey])).toBe(false)
  })

  it('checks many bodies at once, each against its own signature', async () => {
    const bodies = Array.from({ length: 64 }, (_, i) => Buffer.from(`{"assetId":"a${i}"}`))
    const headers = bodies.map((b, i) => sign(null, i % 2 ? b : body, pair.privateKey).toString('base64'))
    const results = await Promise.all(bodies.map((b, i) => verifySignature(b, headers[i], [publicKey])))
    expect(results).toEqual(bodies.map((_, i) => i % 2 === 1))
  })
})
