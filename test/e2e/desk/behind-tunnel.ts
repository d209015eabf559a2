import { join } from 'node:path'
import type { SimulatorOptions } from '../../../tools/simulator/simulator'
import { TUNNEL_CA, TUNNEL_HOST } from '../../support/tunnel-stand-in'
import type { TunnelStandIn } from '../../support/tunnel-stand-in'
import type { DeskOptions } from './open-desk'

/**
 * A desk on the field's route: the simulator (as Tagora) posts to https://desk3.example.net, which
 * the tunnel stand-in answers; the desk reaches that name through --resolve and trusts the stand-in's
 * CA through NODE_EXTRA_CA_CERTS, as a workstation would through DNS and its system certificates.
 * The tunnel ends with the desk.
 */
export function behindTunnel(tunnel: TunnelStandIn, simulator: SimulatorOptions): DeskOptions {
  return {
    simulator: {
      ...simulator,
      network: { resolve: (host) => (host === TUNNEL_HOST ? '127.0.0.1' : undefined), ca: TUNNEL_CA },
    },
    args: ['--resolve', `${TUNNEL_HOST}:${tunnel.port}:127.0.0.1`],
    env: { NODE_EXTRA_CA_CERTS: join(import.meta.dirname, '..', '..', 'fixtures', 'tunnel', 'ca.pem') },
    alsoClose: [tunnel],
  }
}
