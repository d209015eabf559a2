import type { Locator, Page } from '@playwright/test'
import { ApiUrlField } from './api-url-field'

export interface Credentials {
  email: string
  password: string
}

/** The signed-out screen: the sign-in form, "Try the demo", and why the last session ended. */
export class LoginScreen {
  constructor(private readonly page: Page) {}

  get email(): Locator {
    return this.page.getByTestId('login-email')
  }

  /** WCAG contrast of what is typed in the email field against the field (4.5 or more is readable). */
  async emailContrast(): Promise<number> {
    const [text, field] = await this.email.evaluate((input: { ownerDocument: { defaultView: unknown } }) => {
      const view = input.ownerDocument.defaultView as {
        getComputedStyle(element: unknown): { color: string; backgroundColor: string }
      }
      const style = view.getComputedStyle(input)
      return [style.color, style.backgroundColor]
    })
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
        const c = Number(part) / 255
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
    }
    const [light, dark] = [luminance(text), luminance(field)].sort((a, b) => b - a)
    return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
  }

  get password(): Locator {
    return this.page.getByTestId('login-password')
  }

  /** "Keep me signed in" (disabled where no keychain is available). */
  get remember(): Locator {
    return this.page.getByTestId('login-remember')
  }

  get submitButton(): Locator {
    return this.page.getByTestId('login-submit')
  }

  get error(): Locator {
    return this.page.getByTestId('login-error')
  }

  /** "You were signed out because …": data-code says which ending. */
  get signedOutReason(): Locator {
    return this.page.getByTestId('signed-out-reason')
  }

  /** What the server said behind the sign-out (its message and request id). */
  get signedOutDetail(): Locator {
    return this.page.getByTestId('signed-out-detail')
  }

  get apiUrl(): ApiUrlField {
    return new ApiUrlField(this.page)
  }

  /** Types the email and password, ticks "keep me signed in" when asked, and presses Sign in. */
  async signIn(credentials: Credentials, options: { remember?: boolean } = {}): Promise<void> {
    await this.email.fill(credentials.email)
    await this.password.fill(credentials.password)
    if (options.remember) await this.remember.check()
    await this.submit()
  }

  /** The email is still in the form (the last one used): only the password is typed again. */
  async signInAgain(password: string): Promise<void> {
    await this.password.fill(password)
    await this.submit()
  }

  async submit(): Promise<void> {
    await this.submitButton.click()
  }

  async startDemo(): Promise<void> {
    await this.page.getByTestId('demo-start').click()
  }
}
