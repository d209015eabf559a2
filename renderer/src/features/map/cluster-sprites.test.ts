import { describe, expect, it } from 'vitest'
import { ClusterSprites } from './cluster-sprites'
import type { SpriteCanvas } from './cluster-sprites'

/** A 2D context that records stamps. */
function target() {
  const stamps: { sprite: unknown; x: number; y: number; w: number; h: number }[] = []
  const ctx = {
    drawImage: (sprite: unknown, x: number, y: number, w: number, h: number) =>
      stamps.push({ sprite, x, y, w, h }),
  } as unknown as CanvasRenderingContext2D
  return { ctx, stamps }
}

function spriteFactory() {
  const made: SpriteCanvas[] = []
  const create = (): SpriteCanvas => {
    const canvas: SpriteCanvas = { width: 0, height: 0, getContext: () => null }
    made.push(canvas)
    return canvas
  }
  return { create, made }
}

describe('ClusterSprites', () => {
  it('paints each look once and stamps it centred on whole pixels', () => {
    const { create, made } = spriteFactory()
    const sprites = new ClusterSprites(create)
    const { ctx, stamps } = target()
    sprites.draw(ctx, 100.4, 50.6, 20, '30', true, 1)
    sprites.draw(ctx, 300, 80, 20.1, '30', true, 1)
    expect(made).toHaveLength(1)
    expect(made[0]!.width).toBe(44)
    expect(stamps[0]).toMatchObject({ sprite: made[0], x: 78, y: 29, w: 44, h: 44 })
    expect(stamps[1]!.sprite).toBe(made[0])
  })

  it('keeps apart what looks different: the label, live or not, the radius, the pixel ratio', () => {
    const { create, made } = spriteFactory()
    const sprites = new ClusterSprites(create)
    sprites.draw(target().ctx, 0, 0, 20, '30', true, 1)
    sprites.draw(target().ctx, 0, 0, 20, '31', true, 1)
    sprites.draw(target().ctx, 0, 0, 20, '30', false, 1)
    sprites.draw(target().ctx, 0, 0, 25, '30', true, 1)
    const sharp = target()
    sprites.draw(sharp.ctx, 0, 0, 20, '30', true, 2)
    expect(made).toHaveLength(5)
    // Painted at twice the pixels, stamped at the same size in CSS pixels.
    expect(made[4]!.width).toBe(88)
    expect(sharp.stamps[0]).toMatchObject({ w: 44, h: 44 })
  })
})
