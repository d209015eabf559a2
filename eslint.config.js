// Flat config: type-aware rules everywhere, plus the layering rules that keep process boundaries honest
// (VS Code style: enforced on folder names, not by convention).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noElectron = {
  name: 'electron',
  message:
    'Only electron/main (outside services/simulator) and electron/preload may import electron (design rule 2).',
}
const noNativeAdapters = [
  {
    name: '@github/keytar',
    message: 'Services receive a SecretStore port; adapters live in electron/main/adapters.',
  },
  {
    name: 'keytar',
    message: 'Services receive a SecretStore port; adapters live in electron/main/adapters.',
  },
]

// The renderer's rooms. A later config block replaces an earlier one's options for the same rule, so
// each group of renderer files gets ONE no-restricted-imports entry listing every boundary it keeps.
const rendererNoNode = {
  group: ['**/electron/**', 'node:*'],
  message: 'The renderer talks to main only through the DesktopApi contract.',
}
const rendererNoTransport = {
  regex: '^(\\./|(\\.\\./)+)(lib/)?(call|desktop-api|web-desktop-api)$|/shared/ipc/desktop-api$',
  message:
    'Only renderer/src/lib/api.ts touches the transport: call its named functions from an action file.',
}
const rendererNoApi = {
  regex: '(^|/)lib/api$|^\\./api$',
  message:
    'Components do not call the API: use (or add) a function in an action file (*-actions.ts, app/actions.ts).',
}
const storeNoFeatures = {
  regex: '(^|/)features(/|$)',
  message: 'The store does not import from features: move what it needs into store/, lib/ or shared/.',
}
const rendererImports = (...patterns) => ({
  'no-restricted-imports': ['error', { paths: [noElectron], patterns: [rendererNoNode, ...patterns] }],
})
/** The API module and the transport it wraps. */
const rendererTransport = [
  'renderer/src/lib/api.ts',
  'renderer/src/lib/call.ts',
  'renderer/src/lib/desktop-api.ts',
  'renderer/src/lib/web-desktop-api.ts',
]
/** Action files feed the store from the API; the bridge and the selection poller do so outside React. */
const rendererApiCallers = [
  'renderer/src/**/*-actions.ts',
  'renderer/src/app/actions.ts',
  'renderer/src/app/bridge.ts',
  'renderer/src/app/selection-poller.ts',
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports(rendererNoTransport, rendererNoApi),
    },
  },
  { files: rendererTransport, rules: rendererImports(rendererNoApi) },
  { files: rendererApiCallers, rules: rendererImports(rendererNoTransport) },
  {
    files: ['renderer/src/store/**/*.ts'],
    rules: rendererImports(rendererNoTransport, rendererNoApi, storeNoFeatures),
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ compiles under both programs: no Node, no DOM.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/main/simulator/**/*.ts', 'electron/web-host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron, ...noNativeAdapters] }],
    },
  },
  {
    // ipcMain is touched by exactly one module: the typed handle/send wrappers.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/ipc-bridge.ts', 'electron/main/services/**', 'electron/main/simulator/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Use the typed handle/send wrappers in electron/main/ipc/ipc-bridge.ts.',
            },
          ],
        },
      ],
    },
  },
)
