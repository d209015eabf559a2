import { describe, expect, it } from 'vitest'
import { recordFromReply } from './registration-reply'

const sent = {
  name: 'Dispatch desk',
  postUrl: 'https://fleet.example.com/tagora/events',
  apiUrl: 'https://api.test/integration/v1',
  createdAt: '2025-01-15T10:00:00.000Z',
}
const full = {
  webhookId: 'w-1',
  publicKey: 'PEM',
  keyAlgorithm: 'ed25519',
  isActive: true,
  postUrl: 'https://fleet.example.com/tagora/events',
}

describe('recordFromReply', () => {
  it('keeps a full reply as Tagora said it, with nothing marked unstated', () => {
    expect(recordFromReply(full, sent)).toEqual({
      webhookId: 'w-1',
      name: 'Dispatch desk',
      postUrl: full.postUrl,
      publicKeyPem: 'PEM',
      keyAlgorithm: 'ed25519',
      isActive: true,
      createdAt: sent.createdAt,
      apiUrl: sent.apiUrl,
    })
  })

  it('fills the gaps as the document allows and says which were assumed', () => {
    const record = recordFromReply(
      { webhookId: 'w-2', publicKey: 'PEM', keyAlgorithm: null, isActive: null, postUrl: null },
      sent,
    )
    expect(record).toMatchObject({ keyAlgorithm: 'ed25519', postUrl: sent.postUrl, publicKeyPem: 'PEM' })
    expect(record).not.toHaveProperty('isActive')
    expect(record.unstated).toEqual(['postUrl', 'keyAlgorithm', 'isActive'])
  })

  it('keeps what Tagora said even when it makes the key unusable', () => {
    const inactive = recordFromReply({ ...full, isActive: false }, sent)
    expect(inactive).toMatchObject({ isActive: false })
    expect(inactive).not.toHaveProperty('unstated')
    expect(recordFromReply({ ...full, keyAlgorithm: 'rsa-sha256' }, sent).keyAlgorithm).toBe('rsa-sha256')
    const keyless = recordFromReply({ ...full, publicKey: null }, sent)
    expect(keyless).toMatchObject({ publicKeyPem: '', unstated: ['publicKey'] })
  })

  it("keeps Tagora's postUrl when it differs from the one sent", () => {
    const record = recordFromReply({ ...full, postUrl: 'https://fleet.example.com/other' }, sent)
    expect(record.postUrl).toBe('https://fleet.example.com/other')
  })
})
