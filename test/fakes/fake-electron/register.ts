// Loaded with `--import` before the built main bundle (test/support/electron-main-kit.ts): maps
// `electron` to the fake, puts a fake keytar in require's cache (keytar is loaded with require), and
// plays another platform when the test asks.
import Module, { createRequire, register } from 'node:module'
import { pathToFileURL } from 'node:url'
import { createFakeKeytar } from './fake-keytar'
import { FAKE_ENV } from './protocol'

const platform = process.env[FAKE_ENV.platform]
if (platform) Object.defineProperty(process, 'platform', { value: platform })

const require = createRequire(import.meta.url)
const keytarPath = require.resolve('@github/keytar')
const keytar = new Module(keytarPath)
keytar.exports = createFakeKeytar()
keytar.loaded = true
require.cache[keytarPath] = keytar

register(pathToFileURL(require.resolve('./resolve-hook.mjs')), {
  data: { electronUrl: pathToFileURL(require.resolve('./electron.ts')).href },
})
