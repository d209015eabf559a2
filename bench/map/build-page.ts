import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'

/** Builds the bench page into a fresh temp folder and returns that folder. */
export async function buildBenchPage(): Promise<string> {
  const outDir = join(mkdtempSync(join(tmpdir(), 'fleet-bench-page-')), 'dist')
  await build({
    configFile: join(import.meta.dirname, 'vite.config.ts'),
    build: { outDir },
  })
  return outDir
}
