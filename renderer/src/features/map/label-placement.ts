/** A label's box on screen: left, vertical centre, width and height in CSS pixels. */
export interface LabelBox {
  x: number
  y: number
  width: number
  height: number
}

/** Space kept between two labels so neighbouring names stay readable. */
const GAP_PX = 2

/**
 * Which labels to draw: greedily, in the given order, each one that overlaps no label kept before it.
 * Callers put the label that matters most (the selected vehicle) first. Up to a few hundred labels,
 * so comparing with every kept one is cheaper than building an index.
 */
export function placeLabels(boxes: readonly LabelBox[]): boolean[] {
  const kept: LabelBox[] = []
  return boxes.map((box) => {
    const clash = kept.some(
      (other) =>
        box.x < other.x + other.width + GAP_PX &&
        other.x < box.x + box.width + GAP_PX &&
        Math.abs(box.y - other.y) < (box.height + other.height) / 2 + GAP_PX,
    )
    if (!clash) kept.push(box)
    return !clash
  })
}
