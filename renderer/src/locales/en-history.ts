/** English strings of the shift's memory: history health, replay, exports (spread into `en`). */
export const enHistory = {
  history: {
    health: {
      title: 'History database',
      state: {
        off: 'Not recorded in this host',
        opening: 'Opening…',
        ready: 'Recording',
        memory: 'In memory only (this run)',
        error: 'Stopped',
      },
      size: 'Size on disk',
      mib: '{{size}} MiB',
      fixes: 'Positions stored',
      oldest: 'Oldest position',
      rate: 'Writes',
      dropped: 'Positions dropped',
      lastError: 'Last error',
      keepDays: 'Keep',
      days: 'days',
      maxSize: 'At most',
    },
  },
}
