import { describe, expect, it } from 'vitest'
import { webhookKeyProblem } from './webhook'

const usable = { publicKeyPem: '-----BEGIN PUBLIC KEY-----\n…', keyAlgorithm: 'ed25519' }

describe('webhookKeyProblem', () => {
  it('lets an ed25519 key verify when Tagora says active or says nothing', () => {
    expect(webhookKeyProblem(usable)).toBeNull()
    expect(webhookKeyProblem({ ...usable, isActive: true })).toBeNull()
    expect(webhookKeyProblem({ ...usable, keyAlgorithm: ' ED25519 ' })).toBeNull()
  })

  it('names why a key is not used, the missing key first', () => {
    expect(webhookKeyProblem({ ...usable, isActive: false })).toBe('inactive')
    expect(webhookKeyProblem({ ...usable, keyAlgorithm: 'rsa' })).toBe('unsupported-algorithm')
    expect(webhookKeyProblem({ ...usable, keyAlgorithm: 'rsa', isActive: false })).toBe(
      'unsupported-algorithm',
    )
    expect(webhookKeyProblem({ ...usable, publicKeyPem: ' ', keyAlgorithm: 'rsa' })).toBe('no-key')
  })
})
