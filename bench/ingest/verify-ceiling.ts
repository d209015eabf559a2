import { generateKeyPairSync, verify } from 'node:crypto'
import { decodeSignature } from '../../core/listener/signature'
import { monoMs } from '../lib/stats'
import { signedPost } from './bench-events'

/**
 * node:crypto ed25519 verifications per second on this thread alone, for a body the size of one POST
 * of `eventsPerPost` events: the ceiling no single-threaded listener can pass.
 */
export function verifyCeiling(eventsPerPost: number, durationMs = 1000): number {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  const post = signedPost(0, eventsPerPost, { assets: 10_000, baseTime: Date.now() }, privateKey)
  const signature = decodeSignature(post.signature)
  if (!signature) throw new Error('bench signature did not decode')
  for (let i = 0; i < 200; i++) verify(null, post.body, publicKey, signature)
  let count = 0
  const start = monoMs()
  let now = start
  while (now - start < durationMs) {
    for (let i = 0; i < 100; i++) {
      if (!verify(null, post.body, publicKey, signature)) throw new Error('bench signature did not verify')
    }
    count += 100
    now = monoMs()
  }
  return Math.round(count / ((now - start) / 1000))
}
