import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import type { FeedState } from '../../shared/domain/feed'
import type { AssetDetail } from '../../shared/domain/telemetry'
import { fixStream } from '../../relay/nats/names'
import { ContractClient } from './contract-client'
import { startWebHostProcess } from './web-host-process'
import type { WebHostProcess } from './web-host-process'
import { TUNNEL_HOST } from './tunnel-stand-in'
import { join } from 'node:path'
import WebSocket from 'ws'
import { RELAY_FEED_PATH } from '../../shared/domain/relay-wire'

/** A desk (browser host) that follows the relay behind the balancer, and the contract to read it by. */
export interface RelayDesk {
  host: WebHostProcess
  client: ContractClient
  feed(): Promise<FeedState>
  asset(assetId: string): Promise<AssetDetail | null>
  stop(): Promise<void>
}

const CA_FILE = join(import.meta.dirname, '..', 'fixtures', 'tunnel', 'ca.pem')

/**
 * Starts a desk as a dispatcher would on the command line: --relay-url with the balancer's public
 * name (wss, its certificate trusted through NODE_EXTRA_CA_CERTS, the name resolved with --resolve).
 */
export async function startRelayDesk(balancerPort: number, key: string): Promise<RelayDesk> {
  const host = await startWebHostProcess({
    args: [
      '--relay-url',
      `https://${TUNNEL_HOST}:${balancerPort}`,
      '--relay-key',
      key,
      '--resolve',
      `${TUNNEL_HOST}:${balancerPort}:127.0.0.1`,
    ],
    env: { NODE_EXTRA_CA_CERTS: CA_FILE },
  })
  const client = await ContractClient.open(host.origin, host.secret)
  return {
    host,
    client,
    feed: async () => (await client.request('app:get-snapshot')).feed,
    asset: (assetId) => client.request('telemetry:get-asset', { assetId }),
    async stop() {
      client.close()
      await host.stop()
    },
  }
}

/** The organization's stream as JetStream counts it: the truth every desk must match. */
export async function streamLastSequence(natsUrl: string, organizationId: string): Promise<number> {
  const nc = await connect({ servers: natsUrl })
  try {
    const jsm = await jetstreamManager(nc)
    return (await jsm.streams.info(fixStream(organizationId))).state.last_seq
  } finally {
    await nc.close()
  }
}

/** GET /health of one relay node. */
export async function relayHealth(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/health`)
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

/** What a relay answers a desk's upgrade with this key: 101 when it opens the feed, else the HTTP status. */
export function upgradeStatus(relayUrl: string, key: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${relayUrl.replace(/^http/, 'ws')}${RELAY_FEED_PATH}`, {
      headers: { authorization: `Bearer ${key}` },
    })
    ws.once('open', () => {
      ws.terminate()
      resolve(101)
    })
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      ws.terminate()
    })
    ws.once('error', () => resolve(0))
  })
}
