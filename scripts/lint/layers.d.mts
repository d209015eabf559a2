export interface Layer {
  room: string
  imports: string[]
  packages?: string[]
  node: boolean
}
export const LAYERS: Layer[]
export const TEST_EXTRAS: { imports: string[]; packages: string[]; node: boolean }
export const UNLAYERED: string[]
