/**
 * Clusters stamped from small cached bitmaps, one per look (radius, live or not, label, pixel ratio).
 * In software rendering `fillText` shapes its text on every call: a few hundred cluster labels drawn
 * each frame while panning the 50k overview made 10–50 of 240 frames long, against 3–10 with the
 * text cached (bench/map/profile-scene.ts, zoom 10, same run of the machine).
 */
const MAX_SPRITES = 512
/** Half the white ring's width, so the ring is not cut at the bitmap's edge. */
const RING_PAD = 2

/** What a sprite needs of a canvas: the page's, or a stand-in in tests. */
export interface SpriteCanvas {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D | null
}

export class ClusterSprites {
  private readonly cache = new Map<string, SpriteCanvas>()

  constructor(private readonly createCanvas: () => SpriteCanvas = () => document.createElement('canvas')) {}

  /**
   * Stamps a cluster centred on (x, y). `ratio` is the layer's transform, its device pixel ratio: the
   * bitmap is painted at it, so a stamp is a copy.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    x: number,
    y: number,
    r: number,
    label: string,
    live: boolean,
    ratio: number,
  ): void {
    const radius = Math.round(r * 2) / 2
    const key = `${radius}|${live ? 1 : 0}|${ratio}|${label}`
    let sprite = this.cache.get(key)
    if (!sprite) {
      // Labels are abbreviated counts, so few looks recur; a bound keeps a pathological fleet in check.
      if (this.cache.size >= MAX_SPRITES) this.cache.clear()
      sprite = paintCluster(this.createCanvas(), radius, label, live, ratio)
      this.cache.set(key, sprite)
    }
    const size = sprite.width / ratio
    ctx.drawImage(sprite as CanvasImageSource, Math.round(x - size / 2), Math.round(y - size / 2), size, size)
  }
}

function paintCluster(
  canvas: SpriteCanvas,
  radius: number,
  label: string,
  live: boolean,
  ratio: number,
): SpriteCanvas {
  const size = Math.ceil((radius + RING_PAD) * 2)
  canvas.width = Math.ceil(size * ratio)
  canvas.height = canvas.width
  const ctx = canvas.getContext('2d')
  if (!ctx) return canvas
  ctx.scale(ratio, ratio)
  drawCluster(ctx, size / 2, size / 2, radius, label, live)
  return canvas
}

/** A cluster as the dispatcher sees it: a disc (teal if any vehicle in it is live), a white ring, its count. */
function drawCluster(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  label: string,
  live: boolean,
): void {
  ctx.beginPath()
  ctx.arc(x, y, r, 0, Math.PI * 2)
  ctx.fillStyle = live ? 'rgba(14, 116, 144, 0.85)' : 'rgba(100, 116, 139, 0.85)'
  ctx.fill()
  ctx.lineWidth = 3
  ctx.strokeStyle = 'rgba(255,255,255,0.85)'
  ctx.stroke()
  ctx.fillStyle = '#fff'
  ctx.font = '600 12px system-ui, sans-serif'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillText(label, x, y)
}
