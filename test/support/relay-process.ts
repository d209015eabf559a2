import { spawn } from 'node:child_process'
import type { Simulator } from '../../tools/simulator/simulator'
import { startNodeProcess } from './node-process'
import type { NodeProcess } from './node-process'
import type { RelayBalancer } from './relay-balancer'
import { TUNNEL_HOST } from './tunnel-stand-in'

export interface RelayProcess extends NodeProcess {
  url: string
  port: number
}

const READY_LINE = /^Fleet relay is listening at (\S+)$/m

/** Starts the built relay (`out/main/relay.js`) as an operator would, on a free port. */
export async function startRelayProcess(options: {
  nats: string
  publicUrl: string
  node: string
  env: Record<string, string>
}): Promise<RelayProcess> {
  const args = [
    '--nats',
    options.nats,
    '--public-url',
    options.publicUrl,
    '--port',
    '0',
    '--node',
    options.node,
  ]
  const { process: relay, ready: url } = await startNodeProcess(['out/main/relay.js', ...args], {
    env: options.env,
    readyLine: READY_LINE,
    name: 'relay',
  })
  return { ...relay, url, port: Number(new URL(url).port) }
}

/**
 * A relay node signed in to the simulator as Tagora, whose public URL is the balancer's (TUNNEL_HOST,
 * the fixture certificate's name): the simulator must resolve that name and trust its CA.
 */
export function startRelayBehind(
  balancer: RelayBalancer,
  options: { nats: string; sim: Simulator; node: string },
): Promise<RelayProcess> {
  const { sim } = options
  return startRelayProcess({
    nats: options.nats,
    publicUrl: `https://${TUNNEL_HOST}:${balancer.port}/tagora/events`,
    node: options.node,
    env: {
      TAGORA_API_URL: sim.apiBaseUrl,
      TAGORA_EMAIL: sim.credentials.email,
      TAGORA_PASSWORD: sim.credentials.password,
    },
  })
}

/** `relay --nats URL keys …`: resolves with what it printed and its exit code. */
export function runRelayKeys(
  nats: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['out/main/relay.js', '--nats', nats, 'keys', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The key `keys add` printed: its last line. */
export async function addDeskKey(nats: string, name: string): Promise<string> {
  const result = await runRelayKeys(nats, ['add', name])
  const key = result.stdout.trim().split('\n').at(-1) ?? ''
  if (result.code !== 0 || !key.startsWith(`${name}.`)) throw new Error(`keys add failed:\n${result.stderr}`)
  return key
}
