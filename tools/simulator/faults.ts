import { z } from 'zod'
import type {
  FailNextFault,
  FaultRoute,
  FaultState,
  MalformedKind,
  SimFaults,
  WebhookReplyFault,
} from './types'

const routeSchema = z.enum(['login', 'renew', 'devices', 'webhook', 'scope', 'any'])
const failNextSchema = z.object({
  route: routeSchema,
  status: z.number().int().min(400).max(599),
  count: z.number().int().min(0).default(1),
})
const replyFieldSchema = z.enum(['webhookId', 'publicKey', 'keyAlgorithm', 'isActive', 'postUrl'])
const webhookReplySchema = z
  .object({
    omit: z.array(replyFieldSchema),
    values: z.partialRecord(replyFieldSchema, z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .partial()
  .strict()

/** Body of POST /__sim/faults: any subset of the switches; `failNext` may be one fault or a list. */
export const faultPatchSchema = z
  .object({
    reset: z.boolean(),
    latencyMs: z.number().min(0).max(120_000),
    failNext: z.union([failNextSchema, z.array(failNextSchema)]),
    rejectRenewals: z.boolean(),
    clockSkewMs: z.number(),
    badSignatures: z.boolean(),
    devicesMalformedAt: z.number().int().min(0).nullable(),
    devicesMalformedKind: z.enum(['wrong-shape', 'invalid-json', 'bad-row', 'null-fields']),
    accessTokenTtlSec: z.number().int(),
    webhookReply: webhookReplySchema.nullable(),
    webhooksCreatedInactive: z.boolean(),
  })
  .partial()
  .strict()

export type FaultPatch = z.infer<typeof faultPatchSchema>

export interface FaultController extends SimFaults {
  /** Consumes one queued failure for `route` (or 'any'), if there is one. */
  takeFailure(route: Exclude<FaultRoute, 'any'>): FailNextFault | null
  /** The server clock: base clock plus skew. */
  now(): number
  applyPatch(patch: FaultPatch): void
}

function initialState(accessTokenTtlSec: number): FaultState {
  return {
    latencyMs: 0,
    failNext: [],
    rejectRenewals: false,
    clockSkewMs: 0,
    badSignatures: false,
    devicesMalformedAt: null,
    devicesMalformedKind: 'wrong-shape',
    accessTokenTtlSec,
    webhookReply: documentedReply(),
    webhooksCreatedInactive: false,
  }
}

function documentedReply(): WebhookReplyFault {
  return { omit: [], values: {} }
}

/** A reply fault with both parts filled in; null (or nothing) is the documented reply. */
function replyFault(fault: Partial<WebhookReplyFault> | null | undefined): WebhookReplyFault {
  return { omit: [...(fault?.omit ?? [])], values: { ...fault?.values } }
}

function copyState(state: FaultState): FaultState {
  return {
    ...state,
    failNext: state.failNext.map((f) => ({ ...f })),
    webhookReply: replyFault(state.webhookReply),
  }
}

export function createFaults(defaultTtlSec: number, baseNow: () => number): FaultController {
  let state = initialState(defaultTtlSec)

  const controller: FaultController = {
    setLatency: (ms) => void (state.latencyMs = Math.max(0, ms)),
    failNext(fault) {
      if (fault.count > 0) state.failNext.push({ ...fault })
    },
    setRejectRenewals: (on) => void (state.rejectRenewals = on),
    setClockSkew: (ms) => void (state.clockSkewMs = ms),
    setBadSignatures: (on) => void (state.badSignatures = on),
    setDevicesMalformedAt(offset: number | null, kind: MalformedKind = 'wrong-shape') {
      state.devicesMalformedAt = offset
      state.devicesMalformedKind = kind
    },
    setAccessTokenTtl: (sec) => void (state.accessTokenTtlSec = sec),
    setWebhookReply: (fault) => void (state.webhookReply = replyFault(fault)),
    setWebhooksCreatedInactive: (on) => void (state.webhooksCreatedInactive = on),
    apply(patch) {
      state = copyState({ ...state, ...patch })
    },
    reset: () => void (state = initialState(defaultTtlSec)),
    state: () => copyState(state),
    takeFailure(route) {
      const index = state.failNext.findIndex((f) => f.route === route || f.route === 'any')
      const fault = state.failNext[index]
      if (!fault) return null
      fault.count -= 1
      if (fault.count <= 0) state.failNext.splice(index, 1)
      return { ...fault }
    },
    now: () => baseNow() + state.clockSkewMs,
    applyPatch(patch) {
      const { reset, failNext, webhookReply, ...rest } = patch
      if (reset) controller.reset()
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
      controller.apply(defined)
      if (webhookReply !== undefined) controller.setWebhookReply(webhookReply)
      if (failNext !== undefined) {
        state.failNext = (Array.isArray(failNext) ? failNext : [failNext]).filter((f) => f.count > 0)
      }
    },
  }
  return controller
}
