import type { Device } from '../../shared/domain/device'

/** Routes that `failNext` can target; 'any' matches every /integration/v1 call. */
export type FaultRoute = 'login' | 'renew' | 'devices' | 'webhook' | 'scope' | 'any'

export interface FailNextFault {
  route: FaultRoute
  /** Usually 429 or 5xx; any 4xx/5xx is accepted. */
  status: number
  /** How many matching calls fail before the route recovers. */
  count: number
}

/**
 * How a devices page breaks when `devicesMalformedAt` matches its offset: every row of a wrong shape,
 * a body that is not JSON, one row without assetId (and a null serial, a number for a name) among good
 * ones, or one row with null in every field but assetId (what a vendor's nullable columns look like).
 */
export type MalformedKind = 'wrong-shape' | 'invalid-json' | 'bad-row' | 'null-fields'

/** The fields of POST /webhook's 201 that a fault can leave out or replace. */
export type WebhookReplyField = 'webhookId' | 'publicKey' | 'keyAlgorithm' | 'isActive' | 'postUrl'

/** How the 201 of POST /webhook differs from the documented one (the webhook itself is created as usual). */
export interface WebhookReplyFault {
  /** Fields left out of the reply. */
  omit: WebhookReplyField[]
  /** Fields sent with this value instead of the true one (null, another algorithm, "false" as text…). */
  values: Partial<Record<WebhookReplyField, string | number | boolean | null>>
}

/** Every fault switch at once: what GET /__sim/faults returns and POST /__sim/faults merges. */
export interface FaultState {
  latencyMs: number
  failNext: FailNextFault[]
  rejectRenewals: boolean
  clockSkewMs: number
  badSignatures: boolean
  devicesMalformedAt: number | null
  devicesMalformedKind: MalformedKind
  accessTokenTtlSec: number
  webhookReply: WebhookReplyFault
  /** New webhooks are created inactive (the 201 says isActive:false and nothing is delivered to them). */
  webhooksCreatedInactive: boolean
}

export type SignatureEncoding = 'base64' | 'base64url' | 'hex'

export interface SimUserInput {
  email: string
  password: string
  /** Defaults to a seeded uuid. Numbers are kept as numbers in the JWT claims (the docs show both). */
  userId?: string | number
  /** Users with the same organizationId share an organization; defaults to the first org's id. */
  organizationId?: string | number
}

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number
  host?: string
  /** Moving vehicles, spread round-robin over the cities and organizations. */
  vehicles?: number
  /** Total devices (>= vehicles); the extra ones are listed but never report. */
  devices?: number
  /** Interval between position reports of each moving vehicle. */
  tickMs?: number
  /** False leaves ticking to `tick()`: tests advance the fleet deterministically. */
  autoTick?: boolean
  accessTokenTtlSec?: number
  renewTokenTtlSec?: number
  /** Only demo mode sets this: it lets webhooks use http:// and loopback/private hosts. */
  allowLoopbackWebhooks?: boolean
  maxEventsPerPost?: number
  /** Seeds ids, device names and motion so runs are reproducible. */
  seed?: number
  users?: SimUserInput[]
  signatureEncoding?: SignatureEncoding
  /** Prefix signatures with `ed25519=`. */
  signaturePrefix?: boolean
  /** Per-POST timeout of telemetry deliveries. */
  deliveryTimeoutMs?: number
  /**
   * Stands in for the internet between Tagora and a desk's public URL: the address a public host is
   * reached at (instead of DNS), and the CA its certificate is signed by. Tests use it to deliver
   * through a local tunnel stand-in, as Tagora reaches a real one.
   */
  network?: DeliveryNetwork
  /** Base wall clock (epoch ms), injectable for expiry tests; clockSkewMs is added on top. */
  now?: () => number
}

export interface DeliveryNetwork {
  resolve?: (hostname: string) => string | undefined
  ca?: string | Buffer
}

export interface SimWebhook {
  webhookId: string
  organizationId: string
  userId: string
  name: string
  postUrl: string
  publicKey: string
  isActive: boolean
  createdAt: string
  /** null = every device of the organization. */
  scopeAssetIds: string[] | null
}

export interface TickResult {
  /** Events produced (moving, reporting vehicles). */
  events: number
  /** Events accepted with a 2xx by webhooks. */
  delivered: number
  /** POSTs that failed (network error, timeout, non-2xx). */
  failedPosts: number
}

/** Switches that make the simulator misbehave on purpose. */
export interface SimFaults {
  /** Delays every /integration/v1 response. */
  setLatency(ms: number): void
  /** The next `count` calls of `route` answer `status`. Queues per route. */
  failNext(fault: FailNextFault): void
  /** /auth/renew answers 401 invalid_token while on. */
  setRejectRenewals(on: boolean): void
  /** Shifts the server clock: Date header, token iat/exp and expiry checks. */
  setClockSkew(ms: number): void
  /** Signs telemetry with a key that matches no webhook. */
  setBadSignatures(on: boolean): void
  /** GET /devices at exactly this offset returns a malformed page; null turns it off. */
  setDevicesMalformedAt(offset: number | null, kind?: MalformedKind): void
  /** Lifetime of access tokens issued from now on. */
  setAccessTokenTtl(sec: number): void
  /** Makes POST /webhook's 201 leave out or change fields; null restores the documented reply. */
  setWebhookReply(fault: Partial<WebhookReplyFault> | null): void
  /** Creates the next webhooks inactive (until turned off). */
  setWebhooksCreatedInactive(on: boolean): void
  /** Merges a partial state (what POST /__sim/faults does). */
  apply(patch: Partial<FaultState>): void
  reset(): void
  state(): FaultState
}

export interface FleetControls {
  /** The vehicle stops reporting, so consumers see it go stale. */
  stopVehicle(assetId: string): boolean
  resumeVehicle(assetId: string): boolean
  /** Suspends every position report (and motion) until resume(). */
  pause(): void
  resume(): void
  devices(): Device[]
  webhooks(): SimWebhook[]
  /** Restricts a webhook's scope to these assets; null restores "every device of the org". */
  setWebhookScope(webhookId: string, assetIds: string[] | null): boolean
  setWebhookActive(webhookId: string, active: boolean): boolean
  /** Revokes every renew-token family (of one user when email is given). Returns families revoked. */
  revokeRenewTokens(email?: string): number
  /** Adds devices to an organization (default: the first); returns them. Scope follows live. */
  addDevices(count: number, organizationId?: string): Device[]
  removeDevice(deviceId: string): boolean
  setDeviceStatus(deviceId: string, status: 'active' | 'inactive'): boolean
  /** Moves every vehicle one tickMs step and delivers; waits for a running tick first. */
  tick(): Promise<TickResult>
  readonly deliveredEvents: number
  readonly failedDeliveries: number
  /** Timer ticks dropped because the previous tick's deliveries were still running. */
  readonly skippedTicks: number
}

export interface MintTokenOptions {
  email?: string
  scope?: string
  ttlSec?: number
}

export interface Simulator {
  /** Origin, e.g. http://127.0.0.1:54321 */
  url: string
  /** `${url}/integration/v1` */
  apiBaseUrl: string
  /** The first user's credentials. */
  credentials: { email: string; password: string }
  faults: SimFaults
  fleet: FleetControls
  /** Same as fleet.tick(). */
  tick(): Promise<TickResult>
  /** Signs an access token directly (tests: wrong scope, already expired with ttlSec <= 0). */
  mintAccessToken(options?: MintTokenOptions): string
  close(): Promise<void>
}
