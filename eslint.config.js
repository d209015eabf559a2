// Flat config: type-aware rules everywhere, plus the layering rule that keeps process boundaries honest
// (VS Code style: enforced on folder names, not by convention; the allow-list is scripts/lint/layers.mjs).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { layeringPlugin } from './scripts/lint/layering-rule.mjs'

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
    rules: reactHooks.configs.recommended.rules,
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
