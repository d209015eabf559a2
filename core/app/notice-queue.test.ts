import { describe, expect, it } from 'vitest'
import type { AppErrorInfo } from '../../shared/domain/errors'
import { NoticeQueue } from './notice-queue'

describe('NoticeQueue', () => {
  it('shows the oldest notice until it is dismissed, then the next, then nothing', () => {
    const shown: (AppErrorInfo | null)[] = []
    const queue = new NoticeQueue((notice) => shown.push(notice))
    const first: AppErrorInfo = { code: 'settings-not-json' }
    const second: AppErrorInfo = { code: 'history-damaged' }
    queue.add(first)
    queue.add(second)
    expect(shown).toEqual([first])
    expect(queue.current()).toEqual(first)
    queue.dismiss()
    expect(queue.current()).toEqual(second)
    queue.dismiss()
    expect(queue.current()).toBeNull()
    expect(shown).toEqual([first, second, null])
  })
})
