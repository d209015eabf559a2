import { AppError } from '../../shared/domain/errors'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { describe } from '../../shared/errors/describe'
import { problemOf } from '../../core/errors/problem-of'
import type { Logger } from '../../core/logging/logger'
import type { TagoraSession } from '../../core/session/tagora-session'

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000]

export interface RelayCredentials {
  apiUrl: string
  email: string
  /** From the environment (or a secrets file): held in memory, never logged or written anywhere. */
  password: string
}

/**
 * Keeps the relay signed in to Tagora. The session itself renews like a desk's (core/session); when it
 * ends anyway (renewals ran out), the relay signs in again with its credentials, since no one is there
 * to do it. Deliveries keep flowing meanwhile: verifying them needs the webhook's key, not a token.
 */
export class RelaySignIn {
  private stopped = false
  private signingIn: Promise<void> | null = null

  constructor(
    private readonly session: TagoraSession,
    private readonly credentials: RelayCredentials,
    private readonly logger: Logger,
  ) {}

  /** Signs in, retrying what may pass by itself; refused credentials are final (AppError). */
  async signIn(): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await this.session.signIn({ ...this.credentials, remember: false })
        this.logger.info('signed in to Tagora', { email: this.credentials.email })
        return
      } catch (error) {
        const problem = problemOf(error)
        if (isRefusal(problem))
          throw new AppError({ code: 'relay-sign-in-failed', facts: { cause: problem } })
        const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!
        this.logger.warn('Tagora sign-in failed; trying again', {
          problem: describe(problem, 'en'),
          inMs: delay,
        })
        await new Promise((resolve) => setTimeout(resolve, delay))
      }
    }
  }

  /** Signs in again whenever the session ends; returns the stop function. */
  keepSignedIn(): () => void {
    const off = this.session.onChange((state) => {
      if (state.phase !== 'signed-out' || this.stopped || this.signingIn) return
      this.logger.warn('the Tagora session ended; signing in again', {
        reason: state.signedOut?.code ?? null,
      })
      this.signingIn = this.signIn()
        .catch((error: unknown) =>
          this.logger.error('the relay cannot sign in to Tagora any more', {
            problem: describe(problemOf(error), 'en'),
          }),
        )
        .finally(() => (this.signingIn = null))
    })
    return () => {
      this.stopped = true
      off()
    }
  }
}

function isRefusal(problem: AppErrorInfo): boolean {
  return problem.code === 'invalid-credentials' || problem.code === 'forbidden'
}
