import { defineConfig } from 'vite'

// Bench-only page: the app's real canvas layer and telemetry store, with no React around them.
// The output folder is chosen by the caller (a temp dir), so nothing lands in the checkout.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: { emptyOutDir: true, sourcemap: false, reportCompressedSize: false },
})
