/** The shape of a V8 .cpuprofile (what `node --cpu-prof` and the inspector's Profiler.stop give). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]
  samples: number[]
  startTime: number
  endTime: number
}

export interface SelfTimeRow {
  /** Function name and where it is (the file without `prefix`, or node:… for Node's own). */
  fn: string
  /** Share of the samples in which the thread was busy (not waiting in the event loop). */
  percentOfBusy: number
}

/**
 * Self time per function, as a share of the samples where the thread was busy: what the listener's
 * thread (or the bench page's main thread) spends its time on. `prefix` is cut from each script's
 * URL (the repository's file:// root, the page's origin). Samples are wall-clock: on a shared machine a
 * function that wakes another thread (a crypto job, a socket write) also collects the time the
 * thread waited to run again, so read it beside the CPU µs/POST the bench measures.
 */
export function selfTime(
  profile: CpuProfile,
  prefix: string,
  top = 20,
): { busy: number; rows: SelfTimeRow[] } {
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
  const totals = new Map<string, number>()
  let busy = 0
  for (const id of profile.samples) {
    const frame = frames.get(id)
    if (!frame || frame.functionName === '(idle)') continue
    busy++
    const file = frame.url.replace(prefix, '')
    const fn = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`
    totals.set(fn, (totals.get(fn) ?? 0) + 1)
  }
  const rows = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, count]) => ({ fn, percentOfBusy: Math.round((1000 * count) / Math.max(busy, 1)) / 10 }))
  return { busy: busy / Math.max(profile.samples.length, 1), rows }
}
