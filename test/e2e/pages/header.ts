import type { Locator, Page } from '@playwright/test'

/** The top bar: who is signed in, whether the listener runs, the language, sign-out. */
export class Header {
  constructor(private readonly page: Page) {}

  /** The session badge: data-state is the session's phase, data-expires-at the token's expiry (epoch ms). */
  get session(): Locator {
    return this.page.getByTestId('session-status')
  }

  async sessionExpiresAt(): Promise<number> {
    return Number(await this.session.getAttribute('data-expires-at'))
  }

  /** The listener badge: data-state listening or error, data-url where Tagora's deliveries land. */
  get listener(): Locator {
    return this.page.getByTestId('listener-status')
  }

  /** True when the listener badge's words run out of its box (over the bell beside it). */
  async listenerOverflows(): Promise<boolean> {
    return this.listener.evaluate(
      (badge: { scrollWidth: number; clientWidth: number }) => badge.scrollWidth > badge.clientWidth,
    )
  }

  async listenerUrl(): Promise<string> {
    return (await this.listener.getAttribute('data-url')) ?? ''
  }

  /** Shown instead of the listener badge while the desk follows a relay: data-state is the link's. */
  get relay(): Locator {
    return this.page.getByTestId('relay-status')
  }

  /** Shown while renewal retries run. */
  get renewalBanner(): Locator {
    return this.page.getByTestId('renewal-banner')
  }

  async switchLanguage(language: 'en' | 'es-MX'): Promise<void> {
    await this.page.getByTestId(`language-${language}`).click()
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click()
  }
}
