import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { WebhookView } from '../../../../shared/domain/webhook'
import { en } from '../../locales/en'
import { esMX } from '../../locales/es-mx'
import { webhookNotes } from './webhook-notes'

const view: WebhookView = {
  webhookId: 'w-1',
  name: 'Dispatch desk',
  postUrl: 'https://fleet.example.com/tagora/events',
  publicKeyPem: 'PEM',
  keyAlgorithm: 'ed25519',
  createdAt: '2025-01-15T10:00:00.000Z',
  isActive: true,
  keyProblem: null,
  unstated: [],
  demo: false,
  scope: { phase: 'never', deviceCount: 0, fetchedAt: null, problem: null, requestId: null, notFound: false },
}

async function translator(lng: 'en' | 'es-MX') {
  const i18n = i18next.createInstance()
  await i18n.init({
    resources: { en: { translation: en }, 'es-MX': { translation: esMX } },
    lng,
    interpolation: { escapeValue: false },
  })
  return i18n.t.bind(i18n)
}

describe('webhookNotes', () => {
  it('says nothing about a webhook whose key verifies and whose reply was complete', () => {
    expect(webhookNotes(view)).toEqual({ keyProblem: null, inactive: false, unstated: [] })
  })

  it('badges and explains a webhook Tagora says is inactive', () => {
    expect(webhookNotes({ ...view, isActive: false, keyProblem: 'inactive' })).toEqual({
      keyProblem: 'inactive',
      inactive: true,
      unstated: [],
    })
  })

  it('keeps the inactive badge when the key has a worse problem, and lists the assumed fields', () => {
    const notes = webhookNotes({
      ...view,
      isActive: false,
      keyAlgorithm: 'rsa',
      keyProblem: 'unsupported-algorithm',
      unstated: ['postUrl', 'keyAlgorithm', 'unknownField'],
    })
    expect(notes).toEqual({
      keyProblem: 'unsupported-algorithm',
      inactive: true,
      unstated: ['keyAlgorithm', 'postUrl'],
    })
  })

  it('does not repeat a missing key as an unstated field', () => {
    const notes = webhookNotes({
      ...view,
      publicKeyPem: '',
      keyProblem: 'no-key',
      unstated: ['publicKey', 'isActive'],
    })
    expect(notes.unstated).toEqual(['isActive'])
  })

  it('words the inactive webhook in English and Mexican Spanish', async () => {
    expect((await translator('en'))('setup.webhooks.keyProblem.inactive')).toMatch(
      /^Tagora says this webhook is not active: deliveries signed with its key are refused\./,
    )
    expect((await translator('es-MX'))('setup.webhooks.keyProblem.inactive')).toMatch(
      /^Tagora indica que este webhook no está activo: se rechazan los envíos firmados con su llave\./,
    )
    const es = await translator('es-MX')
    expect(es('setup.webhooks.keyProblem.unsupported-algorithm', { algorithm: 'rsa' })).toContain('para rsa')
    for (const field of ['keyAlgorithm', 'isActive', 'postUrl', 'publicKey']) {
      expect(es(`setup.webhooks.unstatedField.${field}`)).not.toContain('setup.')
    }
  })
})
