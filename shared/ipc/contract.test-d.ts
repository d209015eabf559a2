import { describe, expectTypeOf, it } from 'vitest'
import type { AppErrorInfo, CallOutcome } from '../domain/errors'
import type { SessionState } from '../domain/session'
import type { TelemetryBatch, TrailPoint } from '../domain/telemetry'
import type { CALL_CHANNELS, EVENT_CHANNELS } from './channels'
import type { AppSnapshot, CallInput, CallName, CallResult, EventName, EventPayload } from './contract'
import type { DesktopApi } from './desktop-api'

describe('the contract', () => {
  it('lists every call and every event at runtime, and nothing else', () => {
    expectTypeOf<(typeof CALL_CHANNELS)[number]>().toEqualTypeOf<CallName>()
    expectTypeOf<(typeof EVENT_CHANNELS)[number]>().toEqualTypeOf<EventName>()
  })

  it('pins call arguments and results', () => {
    expectTypeOf<CallInput<'session:sign-in'>>().toEqualTypeOf<{
      email: string
      password: string
      remember: boolean
    }>()
    expectTypeOf<CallResult<'session:sign-in'>>().toEqualTypeOf<SessionState>()
    expectTypeOf<CallInput<'app:get-snapshot'>>().toEqualTypeOf<void>()
    expectTypeOf<CallResult<'app:get-snapshot'>>().toEqualTypeOf<AppSnapshot>()
    expectTypeOf<CallInput<'telemetry:get-trail'>>().toEqualTypeOf<{ assetId: string }>()
    expectTypeOf<CallResult<'telemetry:get-trail'>>().toEqualTypeOf<TrailPoint[]>()
  })

  it('pins event payloads: telemetry travels as typed-array batches', () => {
    expectTypeOf<EventPayload<'telemetry:batch'>>().toEqualTypeOf<TelemetryBatch>()
    expectTypeOf<TelemetryBatch['lat']>().toEqualTypeOf<Float64Array>()
    expectTypeOf<EventPayload<'session:state'>>().toEqualTypeOf<SessionState>()
  })

  it('never lets a token field into the renderer-visible session state', () => {
    expectTypeOf<SessionState>().not.toHaveProperty('accessToken')
    expectTypeOf<SessionState>().not.toHaveProperty('renewToken')
  })

  it('makes DesktopApi calls resolve to an outcome carrying typed errors', () => {
    const api = {} as DesktopApi
    expectTypeOf(api.call('session:sign-out', undefined)).resolves.toEqualTypeOf<CallOutcome<SessionState>>()
    // @ts-expect-error: a call's argument must match its schema
    void api.call('session:sign-in', { email: 'a@b.c' })
    expectTypeOf<Extract<CallOutcome<SessionState>, { ok: false }>['error']>().toEqualTypeOf<AppErrorInfo>()
  })
})
