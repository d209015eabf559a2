/** Which rows of a fixed-row-height list to render for the current scroll position. */
export interface VirtualWindow {
  /** First row to render (inclusive). */
  start: number
  /** Last row to render (exclusive). */
  end: number
  /** Top of row `start`, in px from the top of the list. */
  offsetTop: number
  /** Height of the whole list, so the scrollbar is right. */
  totalHeight: number
}

export interface WindowInput {
  scrollTop: number
  viewportHeight: number
  rowHeight: number
  rowCount: number
  /** Extra rows either side, so fast scrolling does not flash blank space. */
  overscan: number
}

export function computeWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan,
}: WindowInput): VirtualWindow {
  const totalHeight = rowCount * rowHeight
  if (rowCount === 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight: 0 }
  // A list that shrank under a scrolled viewport (search) must still show its last rows.
  const maxScroll = Math.max(0, totalHeight - viewportHeight)
  const top = Math.min(Math.max(0, scrollTop), maxScroll)
  const first = Math.floor(top / rowHeight)
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight)
  const start = Math.max(0, first - overscan)
  const end = Math.min(rowCount, Math.max(last + overscan, start))
  return { start, end, offsetTop: start * rowHeight, totalHeight }
}

/** The scrollTop that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const rowTop = index * rowHeight
  const rowBottom = rowTop + rowHeight
  if (rowTop < scrollTop) return rowTop
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight)
  return null
}
