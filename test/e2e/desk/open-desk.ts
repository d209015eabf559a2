import type { BrowserContext, Page, Response } from '@playwright/test'
import { startSimulator } from '../../../tools/simulator/simulator'
import type { Simulator, SimulatorOptions } from '../../../tools/simulator/simulator'
import { launchChromium } from '../../support/chromium'
import { startWebHostProcess } from '../../support/web-host-process'
import type { WebHostProcess } from '../../support/web-host-process'
import { Desk } from '../pages/desk'

/** Something a test started that ends with its desk: a vendor fake, a tunnel stand-in, a busy port. */
export interface Closable {
  close(): unknown
}

export interface DeskOptions {
  /** Starts a simulator with these options first and signs the desk's API (TAGORA_API_URL) to it. */
  simulator?: SimulatorOptions
  /** TAGORA_API_URL when the test runs its own server (a recording proxy, an unreachable port). */
  apiUrl?: string
  /** Browser host arguments after the free ports (`--demo`, `--resolve …`, `--listener-port N`). */
  args?: string[]
  env?: Record<string, string>
  /** A data folder prepared by the test (a settings file); by default a fresh one. */
  dataDir?: string
  /** Called with every window before it loads the app (to record its contract frames). */
  onPage?: (page: Page) => void
  /** false: the test loads the app itself with visit(), to read the response. Default true. */
  visit?: boolean
  /** Ended after the browser and the host, in this order. */
  alsoClose?: Closable[]
}

/**
 * A test's dispatch desk: the browser host (with a simulator when asked) and Debian's Chromium
 * showing it. Everything it started ends with close(): browser, host, the test's extras, simulator.
 */
export class RunningDesk extends Desk {
  private constructor(
    page: Page,
    readonly context: BrowserContext,
    private hostProcess: WebHostProcess,
    private readonly simulator: Simulator | undefined,
    private readonly options: DeskOptions,
  ) {
    super(page)
  }

  static async open(options: DeskOptions = {}): Promise<RunningDesk> {
    const simulator = options.simulator ? await startSimulator(options.simulator) : undefined
    let host: WebHostProcess | undefined
    try {
      host = await startHost(options, simulator)
      const context = await launchChromium()
      const desk = new RunningDesk(await context.newPage(), context, host, simulator, options)
      options.onPage?.(desk.page)
      if (options.visit !== false) await desk.visit()
      return desk
    } catch (error) {
      await host?.stop()
      for (const extra of options.alsoClose ?? []) await extra.close()
      await simulator?.close()
      throw error
    }
  }

  get host(): WebHostProcess {
    return this.hostProcess
  }

  /** The simulator this desk started (options.simulator); a test that asked for none gets an error. */
  get sim(): Simulator {
    if (!this.simulator) throw new Error('this desk started no simulator: pass options.simulator')
    return this.simulator
  }

  /** Loads the app (with the per-launch secret in the URL's fragment), as a user opening the printed URL. */
  visit(): Promise<Response | null> {
    return this.current.goto(this.hostProcess.url)
  }

  /** Closes the window, stops the host, starts it again on the same data folder, and opens a new window. */
  async restartHost(): Promise<void> {
    await this.current.close()
    await this.hostProcess.stop()
    this.hostProcess = await startHost({ ...this.options, dataDir: this.hostProcess.dataDir }, this.simulator)
    this.current = await this.context.newPage()
    this.options.onPage?.(this.current)
    await this.visit()
  }

  async close(): Promise<void> {
    await this.context.close()
    await this.hostProcess.stop()
    for (const extra of this.options.alsoClose ?? []) await extra.close()
    await this.simulator?.close()
  }
}

function startHost(options: DeskOptions, simulator: Simulator | undefined): Promise<WebHostProcess> {
  const apiUrl = simulator?.apiBaseUrl ?? options.apiUrl
  return startWebHostProcess({
    ...(options.args && { args: options.args }),
    ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
    env: { ...options.env, ...(apiUrl !== undefined && { TAGORA_API_URL: apiUrl }) },
  })
}

/** Opens a desk; whoever opens one closes it (the test fixture for a test, afterAll for a whole file). */
export function openDesk(options: DeskOptions = {}): Promise<RunningDesk> {
  return RunningDesk.open(options)
}
