import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { devPagePolicy } from './scripts/build/dev-page-policy'

// Main also bundles the browser host, the Fleet Relay and the standalone simulator: they share core/ and must run
// under plain Node from the same build (design rule 3).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          'web-host': resolve(import.meta.dirname, 'web-host/index.ts'),
          relay: resolve(import.meta.dirname, 'relay/index.ts'),
          simulator: resolve(import.meta.dirname, 'tools/simulator/run-simulator.ts'),
          // The history database's thread (issue 15): both hosts start it from beside their entry.
          'history-worker': resolve(import.meta.dirname, 'core/history/history-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be CommonJS: Electron cannot sandbox an ESM preload.
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') } },
    },
    // devPagePolicy: the dev server's inline React refresh preamble, admitted by its hash (dev only).
    plugins: [react(), devPagePolicy()],
  },
})
