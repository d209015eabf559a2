// Import cycles between folders: a cycle means two rooms are one room in disguise. Run by `npm run lint`
// (`node scripts/lint/folder-cycles.mjs`); prints each tangle with its edges and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LAYERS } from './layers.mjs'

const ROOT = resolve(import.meta.dirname, '..', '..')
const SOURCES = ['core', 'shared', 'electron', 'web-host', 'tools', 'renderer/src']
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]/g

/** The folder a file counts in: its layer's room, or for the renderer its top folder (each feature apart). */
export function roomOf(file) {
  const parts = file.split('/')
  if (parts[0] === 'renderer') {
    if (parts[2] === 'features' && parts.length > 4) return parts.slice(0, 4).join('/')
    return parts.length > 3 ? parts.slice(0, 3).join('/') : 'renderer/src'
  }
  let best = null
  for (const { room } of LAYERS) {
    const folder = room.includes('.') ? dirname(room) : room
    if ((file === folder || file.startsWith(folder + '/')) && (!best || folder.length > best.length))
      best = folder
  }
  return best ?? dirname(file)
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) yield* sourceFiles(path)
    // Tests may wire a room to the rooms that use it (layers.mjs): only shipped code counts here.
    else if (/\.tsx?$/.test(entry.name) && !/\.test(-d)?\.tsx?$/.test(entry.name)) yield path
  }
}

/** room → rooms it imports, from every shipped source file. */
export function folderGraph() {
  const graph = new Map()
  for (const top of SOURCES) {
    for (const file of sourceFiles(top)) {
      const from = roomOf(file)
      const edges = graph.get(from) ?? new Set()
      graph.set(from, edges)
      for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(IMPORT)) {
        const resolved = resolve(ROOT, dirname(file), match[1])
        // `from '../store'` names a folder's index: count it in that folder, not its parent.
        const isFolder = existsSync(resolved) && statSync(resolved).isDirectory()
        const target = relative(ROOT, isFolder ? join(resolved, 'index') : resolved)
          .split(sep)
          .join('/')
        const to = roomOf(target)
        if (to !== from) edges.add(to)
      }
    }
  }
  return graph
}

/**
 * The groups of rooms that import each other round in a circle (strongly connected components of more
 * than one room, Tarjan's algorithm): each group is one cycle or several tangled together.
 */
export function findCycles(graph) {
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const groups = []
  let counter = 0
  const visit = (node) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next)
        low.set(node, Math.min(low.get(node), low.get(next)))
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)))
    }
    if (low.get(node) !== index.get(node)) return
    const group = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      group.push(member)
    } while (member !== node)
    if (group.length > 1) groups.push(group.sort())
  }
  for (const node of graph.keys()) if (!index.has(node)) visit(node)
  return groups
}

/** The imports inside one group, as "from → to" lines: the edges to cut. */
export function edgesWithin(graph, group) {
  const members = new Set(group)
  return group.flatMap((from) =>
    [...(graph.get(from) ?? [])].filter((to) => members.has(to)).map((to) => `${from} → ${to}`),
  )
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const graph = folderGraph()
  const groups = findCycles(graph)
  for (const group of groups) {
    console.error(`folders that import each other in a cycle: ${group.join(', ')}`)
    for (const edge of edgesWithin(graph, group)) console.error(`  ${edge}`)
  }
  process.exit(groups.length > 0 ? 1 : 0)
}
