import type { Locator, Page } from '@playwright/test'

/** The live map: one canvas for every vehicle, its tools, and the pointer's coordinates. */
export class MapView {
  constructor(private readonly page: Page) {}

  /** data-asset-count: vehicles drawn; data-selected-asset-id; data-following; data-mode live or replay. */
  get root(): Locator {
    return this.page.getByTestId('map')
  }

  /** Points in each piece of the selected vehicle's trail: it breaks where the vehicle jumped. */
  async trailPieces(): Promise<number[]> {
    const pieces = (await this.root.getAttribute('data-trail-pieces')) ?? ''
    return pieces === '' ? [] : pieces.split(',').map(Number)
  }

  async assetCount(): Promise<number> {
    return Number(await this.root.getAttribute('data-asset-count'))
  }

  /** DOM markers that are not the offline basemap's place and street labels: vehicles must never be one. */
  get vehicleMarkers(): Locator {
    return this.page.locator('.leaflet-marker-icon:not(.city-label):not(.street-label)')
  }

  /** The one canvas all vehicles are drawn on. */
  get assetCanvases(): Locator {
    return this.page.locator('canvas.asset-canvas')
  }

  /** The map's tool bar (fit all, follow, clusters, motion, replay, basemap, pop out, theme). */
  get tools(): Locator {
    return this.page.getByTestId('map-tools')
  }

  /** The follow tool (aria-pressed while the map keeps the selected vehicle centred). */
  get followButton(): Locator {
    return this.page.getByTestId('map-follow')
  }

  get fitAllButton(): Locator {
    return this.page.getByTestId('map-fit-all')
  }

  get popOutButton(): Locator {
    return this.page.getByTestId('map-pop-out')
  }

  /** One zoom level in, with the map's own + control. */
  async zoomIn(): Promise<void> {
    await this.page.locator('.leaflet-control-zoom-in').click()
  }

  /** One zoom level out with the map's own − control, after its animation; false at the widest zoom. */
  async zoomOut(): Promise<boolean> {
    if (!(await this.canZoomOut())) return false
    await this.page.locator('.leaflet-control-zoom-out').click()
    await this.page.waitForTimeout(350)
    return true
  }

  /** False at the widest zoom, where Leaflet disables its − control. */
  async canZoomOut(): Promise<boolean> {
    const classes = await this.page.locator('.leaflet-control-zoom-out').getAttribute('class')
    return !(classes ?? '').includes('leaflet-disabled')
  }

  /** Clicks the map at a fraction of its width and height. */
  async clickAt(fx: number, fy: number): Promise<void> {
    const box = await this.box()
    await this.page.mouse.click(box.x + box.width * fx, box.y + box.height * fy)
  }

  /** Whether the clusters' worker is running in the page (it builds the zoomed-out overview). */
  clusterWorkerRunning(): boolean {
    return this.page.workers().some((worker) => worker.url().includes('cluster-worker'))
  }

  async popOut(): Promise<void> {
    await this.popOutButton.click()
  }

  /** The pointer's latitude, longitude; gone while the pointer is off the map. */
  get cursorReadout(): Locator {
    return this.page.getByTestId('map-cursor')
  }

  async cursorLongitude(): Promise<number> {
    return Number(((await this.cursorReadout.textContent()) ?? '').split(', ')[1])
  }

  /** Drags the map by (dx, dy) pixels from a third of the way in, as a hand on the mouse would. */
  async drag(dx: number, dy: number): Promise<void> {
    const box = await this.box()
    const from = { x: box.x + box.width / 3, y: box.y + box.height / 3 }
    await this.page.mouse.move(from.x, from.y)
    await this.page.mouse.down()
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 6 })
    await this.page.mouse.up()
  }

  /** Rests the pointer at a fraction of the map's width and height. */
  async pointAt(fx: number, fy: number): Promise<void> {
    const box = await this.box()
    await this.page.mouse.move(box.x + box.width * fx, box.y + box.height * fy)
  }

  async pointOutside(): Promise<void> {
    const box = await this.box()
    await this.page.mouse.move(box.x - 20, box.y + 10)
  }

  /** Pans east with the keyboard (focus on the map, arrow keys) while the pointer stays where it is. */
  async panEastWithKeyboard(presses: number): Promise<void> {
    await this.root.focus()
    for (let i = 0; i < presses; i++) await this.page.keyboard.press('ArrowRight')
  }

  /** The motion tool (aria-pressed while vehicles glide between their reports). */
  get motionButton(): Locator {
    return this.page.getByTestId('map-motion')
  }

  async setMotion(on: boolean): Promise<void> {
    if ((await this.motionButton.getAttribute('aria-pressed')) !== String(on)) await this.motionButton.click()
  }

  /** Where the selected vehicle is drawn now, in map pixels; null with none selected in view. */
  async selectedDrawnPoint(): Promise<Point | null> {
    return point(await this.assetCanvases.getAttribute('data-selected-drawn'))
  }

  /** Where the selected vehicle's last fix is, in map pixels (it may be drawn short of it while gliding). */
  async selectedFixPoint(): Promise<Point | null> {
    return point(await this.assetCanvases.getAttribute('data-selected-fix'))
  }

  /** data-theme: the theme the toggle shows now. */
  get themeToggle(): Locator {
    return this.page.getByTestId('theme-toggle')
  }

  async toggleTheme(): Promise<void> {
    await this.themeToggle.click()
  }

  async useTheme(theme: 'light' | 'dark'): Promise<void> {
    if ((await this.themeToggle.getAttribute('data-theme')) !== theme) await this.toggleTheme()
  }

  private async box(): Promise<{ x: number; y: number; width: number; height: number }> {
    const box = await this.root.boundingBox()
    if (!box) throw new Error('map has no box')
    return box
  }
}

export interface Point {
  x: number
  y: number
}

function point(attribute: string | null): Point | null {
  if (!attribute) return null
  const [x = Number.NaN, y = Number.NaN] = attribute.split(',').map(Number)
  return { x, y }
}
