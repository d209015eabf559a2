import { describe, expect, it } from 'vitest'
import type { ConnectionEntry, ConnectionTestResult } from '../../../shared/domain/connections'
import { createAppStore } from './index'

const status = (id: string): ConnectionEntry['status'] => ({
  id,
  name: id,
  scheme: '8x8-video',
  phase: 'connected',
  expiresAt: null,
  nextRenewalAt: null,
  refreshExpiresAt: null,
  lifetimeSource: 'none',
  renewal: 'none',
  lastRenewedAt: null,
  lastProblem: null,
  secretStorage: 'keychain',
  parentPhase: null,
  renewalRetry: null,
})
const entry = (id: string): ConnectionEntry => ({
  config: {
    id,
    name: id,
    scheme: '8x8-video',
    baseUrl: 'https://x.test',
    agentLogin: 'agent.one',
    overrides: { paths: {}, fields: {}, methods: {}, bodyFields: {}, lifetimeSeconds: null },
  },
  status: status(id),
})
const result = (id: string): ConnectionTestResult => ({
  status: status(id),
  lifetimeSeconds: null,
  checked: 'POST /api/v1/tokens → 200',
  answer: null,
})

describe('connection test results in the store', () => {
  it('outlive a re-listing, go with a removed connection, and can be cleared', () => {
    const store = createAppStore()
    store.getState().setConnections([entry('a'), entry('b')])
    store.getState().setConnectionTest('a', result('a'))
    store.getState().setConnectionTest('b', result('b'))
    store.getState().setConnections([entry('a'), entry('b')])
    expect(Object.keys(store.getState().connectionTests)).toEqual(['a', 'b'])
    store.getState().setConnections([entry('a')])
    expect(Object.keys(store.getState().connectionTests)).toEqual(['a'])
    store.getState().setConnectionTest('a', null)
    expect(store.getState().connectionTests).toEqual({})
  })
})
