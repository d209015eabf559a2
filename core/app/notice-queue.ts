import type { AppErrorInfo } from '../../shared/domain/errors'

/**
 * Problems the user must hear about once (a corrupt settings file, a history file moved aside), oldest
 * first: the renderer shows the current one until it is dismissed, then the next.
 */
export class NoticeQueue {
  private notices: AppErrorInfo[] = []

  constructor(private readonly show: (notice: AppErrorInfo | null) => void) {}

  current(): AppErrorInfo | null {
    return this.notices[0] ?? null
  }

  add(notice: AppErrorInfo): void {
    this.notices = [...this.notices, notice]
    if (this.notices.length === 1) this.show(notice)
  }

  dismiss(): void {
    this.notices = this.notices.slice(1)
    this.show(this.current())
  }
}
