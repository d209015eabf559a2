import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ID, PRODUCT_NAME } from '../../electron/main/app-identity'

const ROOT = join(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)

interface BuilderConfig {
  appId?: string
  productName?: string
  /** electron-builder's loader turns the list into `[{ filter: [...] }]`. */
  files?: Array<{ filter?: string[] }>
  asarUnpack?: string[]
  linux?: { target?: string[] }
  win?: { target?: string }
  mac?: { target?: string }
  publish?: { provider?: string }
  electronFuses?: Record<string, boolean>
}

/** Globs matched with the minimatch app-builder-lib itself uses (fileMatcher.js: `dot: true`). */
const { minimatch } = createRequire(require.resolve('app-builder-lib'))('minimatch') as {
  minimatch: (path: string, glob: string, options: { dot: boolean }) => boolean
}
const matchesGlob = (path: string, glob: string): boolean => minimatch(path, glob, { dot: true })

/** electron-builder's own loader and validator (app-builder-lib), as `electron-builder` runs them. */
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>
  validateConfiguration(config: BuilderConfig, debug: { isEnabled: boolean; add(): void }): Promise<void>
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder’s schema, loaded as electron-builder loads it', async () => {
    const config = await builderConfig.getConfig(ROOT, null, null)
    await expect(
      builderConfig.validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined()
    // The validator is real: a misplaced option fails it.
    await expect(
      builderConfig.validateConfiguration({ ...config, title: 'x' } as BuilderConfig, {
        isEnabled: false,
        add: () => undefined,
      }),
    ).rejects.toThrow(/unknown property 'title'/)
    expect(config).toMatchObject({
      appId: APP_ID,
      productName: PRODUCT_NAME,
      linux: { target: ['AppImage', 'deb'] },
      win: { target: 'nsis' },
      mac: { target: 'dmg' },
      publish: { provider: 'github' },
      electronFuses: { runAsNode: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true },
    })
  })

  it('unpacks keytar’s native module now and better-sqlite3’s when it lands', async () => {
    const { asarUnpack = [] } = await builderConfig.getConfig(ROOT, null, null)
    const unpacked = (path: string) => asarUnpack.some((glob) => matchesGlob(path, glob))
    for (const path of [
      'node_modules/@github/keytar/build/Release/keytar.node',
      'node_modules/@github/keytar/lib/keytar.js',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/lib/database.js',
    ])
      expect(unpacked(path), path).toBe(true)
    expect(unpacked('out/main/index.js')).toBe(false)
  })

  it('ships what electron-vite builds, starting at package.json’s main, with an icon of at least 512 px', async () => {
    const files =
      (await builderConfig.getConfig(ROOT, null, null)).files?.flatMap((f) => f.filter ?? []) ?? []
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }
    for (const path of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html'])
      expect(
        files.some((glob) => matchesGlob(path, glob)),
        path,
      ).toBe(true)
    const icon = readFileSync(join(ROOT, 'build/icon.png'))
    expect(icon.subarray(1, 4).toString()).toBe('PNG')
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
    expect(existsSync(join(ROOT, 'node_modules/electron-updater/package.json'))).toBe(true)
  })
})
