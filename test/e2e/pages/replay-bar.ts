import type { Download, Locator, Page } from '@playwright/test'

/** Replay: the map tool that opens it, the timeline under the map, and the banner over it. */
export class ReplayBar {
  constructor(private readonly page: Page) {}

  /** Opens replay (the selected vehicle's last hour, or the whole fleet's). */
  async open(): Promise<void> {
    await this.page.getByTestId('replay-open').click()
  }

  get bar(): Locator {
    return this.page.getByTestId('replay-bar')
  }

  /** data-time: the replayed moment (epoch ms). */
  get banner(): Locator {
    return this.page.getByTestId('replay-banner')
  }

  async replayedTime(): Promise<number> {
    return Number(await this.banner.getAttribute('data-time'))
  }

  async chooseTarget(target: 'selected' | 'list' | 'fleet'): Promise<void> {
    await this.page.getByTestId('replay-target').selectOption(target)
  }

  async chooseRange(range: 'last-10-min' | 'last-hour' | 'shift' | 'yesterday' | 'custom'): Promise<void> {
    await this.page.getByTestId('replay-range').selectOption(range)
  }

  async chooseSpeed(speed: 1 | 10 | 60 | 300): Promise<void> {
    await this.page.getByTestId('replay-speed').selectOption(String(speed))
  }

  /** Play/pause (data-playing). */
  get playButton(): Locator {
    return this.page.getByTestId('replay-play')
  }

  get scrubber(): Locator {
    return this.page.getByTestId('replay-scrubber')
  }

  /** Drags the scrubber to `fraction` of the range (0 = its start, 1 = its end), as a pointer does. */
  async scrubTo(fraction: number): Promise<void> {
    const box = await this.scrubber.boundingBox()
    if (!box) throw new Error('the scrubber is not on screen')
    await this.page.mouse.click(box.x + 6 + (box.width - 12) * fraction, box.y + box.height / 2)
  }

  async rangeBounds(): Promise<{ from: number; to: number }> {
    return {
      from: Number(await this.scrubber.getAttribute('min')),
      to: Number(await this.scrubber.getAttribute('max')),
    }
  }

  /** "Back to live", in the banner. */
  get exitButton(): Locator {
    return this.page.getByTestId('replay-exit')
  }

  async exit(): Promise<void> {
    await this.exitButton.click()
  }

  /** Downloads the replayed vehicle's track in one format. */
  async exportTrack(format: 'csv' | 'gpx' | 'kml'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`[data-testid="history-export"][data-format="${format}"]`).click(),
    ])
    return download
  }
}
