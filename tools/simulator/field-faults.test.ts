import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator } from './simulator'
import { call, login } from '../../test/support/simulator-kit'
import type { Envelope } from '../../test/support/simulator-kit'
import type { FaultState, Simulator } from './types'

const POST_URL = 'https://fleet.example.com/tagora/events'

let sim: Simulator
let token: string
let organizationId: string
let userId: string

beforeAll(async () => {
  sim = await startSimulator({ vehicles: 0, devices: 12, autoTick: false, seed: 5 })
  token = (await login(sim)).accessToken
  const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    organizationId: string
    userId: string
  }
  ;({ organizationId, userId } = claims)
})
afterAll(() => sim.close())
beforeEach(() => sim.faults.reset())

async function register(): Promise<Record<string, unknown>> {
  const res = await call(sim, 'POST', '/webhook', {
    token,
    body: { organizationId, userId, postUrl: POST_URL, name: 'faults' },
  })
  expect(res.status).toBe(201)
  return (res.body as Envelope<Record<string, unknown>>).data
}

async function page(offset: number, limit = 4): Promise<unknown[]> {
  const res = await call(sim, 'GET', `/devices?limit=${limit}&offset=${offset}`, { token })
  expect(res.status).toBe(200)
  return (res.body as Envelope<unknown[]>).data
}

describe('webhook reply faults', () => {
  it('answers the documented 201 by default', async () => {
    expect(Object.keys(await register()).sort()).toEqual(
      ['isActive', 'keyAlgorithm', 'postUrl', 'publicKey', 'webhookId'].sort(),
    )
  })

  it('leaves fields out of the 201 or changes them, and still creates the webhook', async () => {
    sim.faults.setWebhookReply({ omit: ['isActive', 'keyAlgorithm'], values: { postUrl: null } })
    const reply = await register()
    expect(reply).not.toHaveProperty('isActive')
    expect(reply).not.toHaveProperty('keyAlgorithm')
    expect(reply.postUrl).toBeNull()
    const created = sim.fleet.webhooks().find((hook) => hook.webhookId === reply.webhookId)
    expect(created).toMatchObject({ isActive: true, postUrl: POST_URL })
    sim.faults.setWebhookReply(null)
    expect(Object.keys(await register())).toHaveLength(5)
  })

  it('creates webhooks inactive on request, and says so in the 201', async () => {
    sim.faults.setWebhooksCreatedInactive(true)
    const reply = await register()
    expect(reply.isActive).toBe(false)
    expect(sim.fleet.webhooks().find((hook) => hook.webhookId === reply.webhookId)?.isActive).toBe(false)
  })

  it('takes the same switches over /__sim/faults, and refuses unknown fields', async () => {
    const res = await call(sim, 'POST', '/__sim/faults', {
      body: {
        webhookReply: { omit: ['keyAlgorithm'], values: { isActive: 'false' } },
        webhooksCreatedInactive: true,
      },
    })
    expect(res.status).toBe(200)
    const state = (res.body as Envelope<FaultState>).data
    expect(state.webhookReply).toEqual({ omit: ['keyAlgorithm'], values: { isActive: 'false' } })
    expect(state.webhooksCreatedInactive).toBe(true)
    const reply = await register()
    expect(reply).not.toHaveProperty('keyAlgorithm')
    expect(reply.isActive).toBe('false')
    const bad = await call(sim, 'POST', '/__sim/faults', { body: { webhookReply: { omit: ['secret'] } } })
    expect(bad.status).toBe(400)
    const cleared = await call(sim, 'POST', '/__sim/faults', { body: { webhookReply: null } })
    expect((cleared.body as Envelope<FaultState>).data.webhookReply).toEqual({ omit: [], values: {} })
  })

  it('does not let a caller change the fault state through what state() returned', () => {
    sim.faults.setWebhookReply({ omit: ['isActive'] })
    sim.faults.state().webhookReply.omit.push('publicKey')
    expect(sim.faults.state().webhookReply.omit).toEqual(['isActive'])
  })
})

describe('device page faults', () => {
  it("'bad-row' breaks the page's first row only, keeping the page's length", async () => {
    const good = await page(4)
    sim.faults.setDevicesMalformedAt(4, 'bad-row')
    const bent = await page(4)
    expect(bent).toHaveLength(good.length)
    expect(bent[0]).not.toHaveProperty('assetId')
    expect(bent[0]).toMatchObject({ serial: null, deviceName: 404 })
    expect(bent.slice(1)).toEqual(good.slice(1))
    expect(await page(0)).toHaveLength(4)
  })

  it("'null-fields' sends null in every field but assetId", async () => {
    const [good] = await page(0)
    sim.faults.setDevicesMalformedAt(0, 'null-fields')
    const [bent] = await page(0)
    expect(bent).toEqual({
      deviceId: null,
      serial: null,
      deviceName: null,
      assetId: (good as { assetId: string }).assetId,
      organizationId: null,
      status: null,
      createdAt: null,
    })
  })
})
