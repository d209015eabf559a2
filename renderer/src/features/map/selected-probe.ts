import type { TelemetryColumns } from '../../store/telemetry-columns'
import { isDrawable } from '../../store/telemetry-columns'
import type { DrawnPositions } from './asset-draw'
import type { Viewport } from './mercator'
import { toScreenX, toScreenY } from './mercator'

/**
 * The selected vehicle's drawn point and its last fix, in container pixels, on the canvas's dataset
 * (`data-selected-drawn`, `data-selected-fix`): what end-to-end tests compare to see a glide. Two
 * attribute writes per frame; no style or layout depends on them.
 */
export function exposeSelected(
  canvas: HTMLCanvasElement,
  cols: TelemetryColumns,
  at: DrawnPositions,
  selectedId: string | null,
  view: Viewport,
): void {
  const slot = selectedId === null ? undefined : cols.slotByAssetId.get(selectedId)
  if (slot === undefined || !isDrawable(cols, slot)) {
    delete canvas.dataset.selectedDrawn
    delete canvas.dataset.selectedFix
    return
  }
  const px = (x: number, y: number) => `${x.toFixed(2)},${y.toFixed(2)}`
  canvas.dataset.selectedDrawn = px(
    (at.x[slot] ?? 0) * view.scale - view.originX,
    (at.y[slot] ?? 0) * view.scale - view.originY,
  )
  canvas.dataset.selectedFix = px(toScreenX(view, cols.lng[slot] ?? 0), toScreenY(view, cols.lat[slot] ?? 0))
}
