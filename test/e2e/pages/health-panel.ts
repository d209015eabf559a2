import type { Locator, Page } from '@playwright/test'

/** The Health panel: session, listener, API reachability, connections and the raw-event inspector. */
export class HealthPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('open-health').click()
  }

  /** Escape closes it, like every modal panel of the app. */
  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape')
  }

  get root(): Locator {
    return this.page.getByTestId('health-panel')
  }

  /** The session card's state line when it shows `phase`. */
  sessionState(phase: string): Locator {
    return this.root.getByTestId('health-session').locator(`dd[data-state="${phase}"]`)
  }

  /** The history database card: data-state ready, memory, error…; its stored-positions count. */
  get history(): Locator {
    return this.root.getByTestId('health-history')
  }

  get historyFixes(): Locator {
    return this.root.getByTestId('health-history-fixes')
  }

  /** "Last position received …" by whichever feed the desk follows, or "No position received yet." */
  get dataAge(): Locator {
    return this.page.getByTestId('health-data-age')
  }

  get tokenExpiry(): Locator {
    return this.root.getByTestId('health-token-expiry')
  }

  /** data-reachable after the probe. */
  get api(): Locator {
    return this.root.getByTestId('health-api')
  }

  get apiLatency(): Locator {
    return this.root.getByTestId('health-latency')
  }

  async acceptedCount(): Promise<number> {
    return Number(await this.root.getByTestId('health-accepted').textContent())
  }

  /** Deliveries per second. */
  get rate(): Locator {
    return this.root.getByTestId('health-rate')
  }

  /** The refused-deliveries table's row for one reason. */
  rejectedFor(reason: string): Locator {
    return this.root.locator(`[data-testid="health-rejected"] tr[data-reason="${reason}"]`)
  }

  /** Every row of the refused-deliveries table. */
  get rejectedReasons(): Locator {
    return this.root.getByTestId('health-rejected').locator('tr[data-reason]')
  }

  /** The raw-event inspector: signed bodies only, never a refused one. */
  get rawEvents(): Locator {
    return this.root.getByTestId('raw-events')
  }

  /** "accepted N · rejected M" of the first accepted body in the inspector. */
  get firstAcceptedCounts(): Locator {
    return this.root
      .locator('[data-testid="raw-event"][data-accepted="true"]')
      .first()
      .getByTestId('raw-event-counts')
  }

  /** The X-Forwarded-* headers a tunnel added to the first body shown. */
  get firstForwardedHeaders(): Locator {
    return this.root.getByTestId('raw-event-forwarded').first()
  }

  /** The connections card. */
  get connections(): Locator {
    return this.page.getByTestId('health-connections')
  }

  get connectionEntries(): Locator {
    return this.connections.getByTestId('health-connection')
  }
}
