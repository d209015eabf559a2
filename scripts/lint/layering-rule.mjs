// ESLint rule `layering/allowed-imports`: every import must be on its room's allow-list (layers.mjs).
import { builtinModules } from 'node:module'
import { dirname, relative, resolve, sep } from 'node:path'
import { LAYERS, TEST_EXTRAS, UNLAYERED } from './layers.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')
const BUILTINS = new Set(builtinModules)

function toPosix(path) {
  return path.split(sep).join('/')
}

/** True when `path` is `prefix` itself or lies inside it (a file prefix may omit its extension). */
function within(path, prefix) {
  return path === prefix || path.startsWith(prefix + '/') || path.replace(/\.(tsx?|mjs|js)$/, '') === prefix
}

function layerOf(file) {
  let best
  for (const layer of LAYERS) {
    if (within(file, layer.room) && (!best || layer.room.length > best.room.length)) best = layer
  }
  return best
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function isTest(file) {
  return /\.test(-d)?\.tsx?$/.test(file)
}

/** Why `specifier` may not be imported from `file`, or null when it may. */
export function refusal(file, specifier) {
  if (UNLAYERED.some((room) => within(file, room))) return null
  const layer = layerOf(file)
  if (!layer) return `${file} is in no room of scripts/lint/layers.mjs: add its room there`
  const test = isTest(file)
  const own = [layer.room, ...layer.imports]
  const imports = test ? [...own, ...TEST_EXTRAS.imports, layer.room.split('/')[0]] : own
  const packages = test ? [...(layer.packages ?? []), ...TEST_EXTRAS.packages] : (layer.packages ?? [])
  const node = layer.node || test
  if (specifier.startsWith('.')) {
    const target = toPosix(relative(ROOT, resolve(ROOT, dirname(file), specifier)))
    if (imports.some((allowed) => within(target, allowed))) return null
    return `${layer.room} may not import ${target} (allowed: ${imports.join(', ') || 'nothing of this repository'})`
  }
  const bare = specifier.replace(/^node:/, '')
  if (specifier.startsWith('node:') || BUILTINS.has(packageName(bare))) {
    return node ? null : `${layer.room} may not use Node's ${specifier}: it runs where Node does not`
  }
  const name = packageName(specifier)
  if (packages.includes(name)) return null
  return `${layer.room} may not import the package ${name} (allowed: ${packages.join(', ') || 'none'})`
}

export const layeringPlugin = {
  rules: {
    'allowed-imports': {
      meta: {
        type: 'problem',
        docs: { description: 'Each room imports only what scripts/lint/layers.mjs allows it' },
        schema: [],
      },
      create(context) {
        const file = toPosix(relative(ROOT, context.filename))
        const check = (node) => {
          const source = node.source
          if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return
          const why = refusal(file, source.value)
          if (why) context.report({ node: source, message: why })
        }
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        }
      },
    },
  },
}
