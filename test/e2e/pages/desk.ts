import type { Locator, Page } from '@playwright/test'
import { AlertsPanel } from './alerts-panel'
import { AppNotice } from './app-notice'
import { AssetDetail } from './asset-detail'
import { ConnectionsDialog } from './connections-dialog'
import { DeviceList } from './device-list'
import { FleetSetup } from './fleet-setup'
import { Header } from './header'
import { HealthPanel } from './health-panel'
import { LoginScreen } from './login-screen'
import { MapView } from './map-view'
import { ReplayBar } from './replay-bar'

/**
 * One Fleet Monitor window as a dispatcher sees it, each screen and panel a page object. Screens are
 * built on each access, so they follow the window when a test moves the desk to a new one.
 */
export class Desk {
  constructor(protected current: Page) {}

  get page(): Page {
    return this.current
  }

  get header(): Header {
    return new Header(this.current)
  }

  get login(): LoginScreen {
    return new LoginScreen(this.current)
  }

  get devices(): DeviceList {
    return new DeviceList(this.current)
  }

  get map(): MapView {
    return new MapView(this.current)
  }

  /** The selected vehicle's panel. */
  get asset(): AssetDetail {
    return new AssetDetail(this.current)
  }

  get setup(): FleetSetup {
    return new FleetSetup(this.current)
  }

  get health(): HealthPanel {
    return new HealthPanel(this.current)
  }

  get connections(): ConnectionsDialog {
    return new ConnectionsDialog(this.current)
  }

  get replay(): ReplayBar {
    return new ReplayBar(this.current)
  }

  get alerts(): AlertsPanel {
    return new AlertsPanel(this.current)
  }

  get notice(): AppNotice {
    return new AppNotice(this.current)
  }

  /** Over the map: data-kind old or none when deliveries stop, no-webhook when none can come. */
  get dataAgeBanner(): Locator {
    return this.current.getByTestId('data-age-banner')
  }

  /** The banner's way to the fix: "Register one in Fleet setup" when the desk has no webhook. */
  async openSetupFromBanner(): Promise<void> {
    await this.dataAgeBanner.getByTestId('data-age-open-setup').click()
  }

  /** The pop-out window's map-only screen. */
  get mapOnly(): Locator {
    return this.current.getByTestId('map-only')
  }

  /** The document element: lang and data-theme. */
  get document(): Locator {
    return this.current.locator('html')
  }

  /** The `view` the window was opened for ('map' for the pop-out), from its URL. */
  view(): string | null {
    return new URL(this.current.url()).searchParams.get('view')
  }

  /** Pops the map out into its own window and returns that window as a desk. */
  async popOutMap(): Promise<Desk> {
    const [popup] = await Promise.all([this.current.context().waitForEvent('page'), this.map.popOut()])
    await popup.waitForLoadState()
    return new Desk(popup)
  }

  /** From now on every sound the page plays is recorded (its volume), not heard: see playedSounds(). */
  async recordSounds(): Promise<void> {
    await this.current.evaluate(`(() => {
      const played = []
      HTMLMediaElement.prototype.play = function () {
        played.push(this.volume)
        return Promise.resolve()
      }
      globalThis.playedSounds = played
    })()`)
  }

  /** The volume of each sound played since recordSounds(). */
  async playedSounds(): Promise<number[]> {
    return this.current.evaluate<number[]>('globalThis.playedSounds')
  }

  /** The page believes it is hidden (another window in front, minimized), as a background tab does. */
  async sendToBackground(): Promise<void> {
    await this.current.evaluate(`(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
      document.dispatchEvent(new Event('visibilitychange'))
    })()`)
  }

  /** Answers yes to every confirm() (removing a connection asks first). */
  acceptDialogs(): void {
    this.current.on('dialog', (dialog) => void dialog.accept())
  }

  /** The window's inner size, as a dispatcher dragging its edge or docking it to half a screen. */
  async resize(width: number, height: number): Promise<void> {
    await this.current.setViewportSize({ width, height })
  }

  async pressEscape(): Promise<void> {
    await this.current.keyboard.press('Escape')
  }

  /** Lets live batches land (trails grow, the map settles) before a screenshot. */
  async pause(ms: number): Promise<void> {
    await this.current.waitForTimeout(ms)
  }

  async screenshot(path: string): Promise<void> {
    await this.current.screenshot({ path })
  }

  async closeWindow(): Promise<void> {
    await this.current.close()
  }
}
