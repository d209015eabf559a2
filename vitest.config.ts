import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'test/keychain/**/*.test.ts',
      'core/**/*.test.ts',
      'electron/**/*.test.ts',
      'web-host/**/*.test.ts',
      'relay/**/*.test.ts',
      'tools/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'test/integration/**/*.test.ts',
      'test/architecture/**/*.test.ts',
      'bench/*.test.ts',
    ],
    typecheck: { enabled: true, include: ['shared/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
    testTimeout: 20_000,
    pool: 'forks',
  },
})
