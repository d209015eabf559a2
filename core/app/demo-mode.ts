import type { DemoServer, StartDemoServer } from '../ports/demo-server'
import type { Logger } from '../logging/logger'
import { AppError } from '../../shared/domain/errors'

/** "Try the demo": the server the host starts for it (the bundled simulator), and its lifetime. */
export class DemoMode {
  private simulator: DemoServer | null = null

  constructor(
    private readonly logger: Logger,
    /** Absent where a host offers no demo: "Try the demo" then says so. */
    private readonly startServer: StartDemoServer | undefined,
  ) {}

  async start(): Promise<DemoServer> {
    if (this.simulator) return this.simulator
    if (!this.startServer) throw new AppError({ code: 'no-demo' })
    try {
      this.simulator = await this.startServer()
    } catch (error) {
      this.logger.error('the demo simulator did not start', { error })
      throw new AppError({ code: 'demo-failed', facts: { detail: (error as Error).message } })
    }
    this.logger.info('demo simulator started', { url: this.simulator.apiBaseUrl })
    return this.simulator
  }

  get running(): DemoServer | null {
    return this.simulator
  }

  async stop(): Promise<void> {
    const simulator = this.simulator
    this.simulator = null
    await simulator?.close()
  }
}
