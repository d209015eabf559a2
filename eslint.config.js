// Flat config: type-aware rules everywhere, plus the layering rule that keeps process boundaries honest
// (VS Code style: enforced on folder names, not by convention; the allow-list is scripts/lint/layers.mjs).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { layeringPlugin } from './scripts/lint/layering-rule.mjs'

// Boundaries inside the renderer, finer than the layering allow-list's folders (which already keep
// Node, electron and core out of it). A later config block replaces an earlier one's options for the
// same rule, so each group of renderer files gets ONE no-restricted-imports entry listing every boundary.
const rendererNoTransport = {
  regex: '^(\\./|(\\.\\./)+)(lib/)?(call|desktop-api|web-desktop-api)$|/shared/ipc/desktop-api$',
  message:
    'Only renderer/src/lib/api.ts touches the transport: call its named functions from an action file.',
}
const rendererNoApi = {
  regex: '(^|/)lib/api$|^\\./api$',
  message:
    'Components do not call the API: use (or add) a function in the action file of their feature (*-actions.ts).',
}
const storeNoFeatures = {
  regex: '(^|/)features(/|$)',
  message: 'The store does not import from features: move what it needs into store/, lib/ or shared/.',
}
const rendererImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
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
    // End-to-end specs read as a dispatcher's steps; which test id finds what is the page objects' business.
    files: ['test/e2e/**/*.spec.ts', 'test/electron/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='getByTestId']",
          message: 'Find it through a page object in test/e2e/pages.',
        },
        {
          selector: 'Literal[value=/data-testid/], TemplateElement[value.raw=/data-testid/]',
          message: 'Find it through a page object in test/e2e/pages.',
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...rendererImports(rendererNoTransport, rendererNoApi),
      'no-restricted-syntax': [
        'error',
        {
          // They follow the browser's locale, not the desk's language: "12:12:26 AM" on a Spanish screen.
          selector: 'CallExpression[callee.property.name=/^toLocale(Date|Time)?String$/]',
          message: 'Say times with formatFixTime (renderer/src/lib/format.ts) in the desk’s language.',
        },
      ],
    },
  },
  { files: rendererTransport, rules: rendererImports(rendererNoApi) },
  { files: rendererApiCallers, rules: rendererImports(rendererNoTransport) },
  {
    files: ['renderer/src/store/**/*.ts'],
    rules: rendererImports(rendererNoTransport, rendererNoApi, storeNoFeatures),
  },
  {
    // Each room imports only what scripts/lint/layers.mjs allows it (VS Code's code-layering, as an allow-list).
    files: ['**/*.{ts,tsx}'],
    plugins: { layering: layeringPlugin },
    rules: { 'layering/allowed-imports': 'error' },
  },
  {
    // ipcMain is touched by exactly one module: the typed handle/send wrappers.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/ipc-bridge.ts'],
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
