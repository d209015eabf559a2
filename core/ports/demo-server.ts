/** A Tagora stand-in the demo signs in to: the bundled simulator, started by the host. */
export interface DemoServer {
  /** e.g. http://127.0.0.1:54321/integration/v1 */
  apiBaseUrl: string
  credentials: { email: string; password: string }
  close(): Promise<void>
}

/**
 * Starts the demo's server. A port so core never imports the simulator (a tool, not the app):
 * each host passes `startDemoServer` from tools/simulator/demo-server.ts.
 */
export type StartDemoServer = () => Promise<DemoServer>
