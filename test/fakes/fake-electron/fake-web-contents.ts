import { EventEmitter } from 'node:events'

/** webContents of a fake window: the URL it shows and what main sends it. */
export class FakeWebContents extends EventEmitter {
  url = ''
  destroyed = false
  readonly sent: string[] = []

  constructor(readonly id: number) {
    super()
  }

  send(channel: string): void {
    this.sent.push(channel)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  getURL(): string {
    return this.url
  }

  setWindowOpenHandler(): void {}
}
