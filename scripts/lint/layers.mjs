// Which room may import which: an allow-list, as VS Code's code-layering rule does it. Each entry names
// a folder (or one file) and everything its code may import besides itself: folders of this repository,
// npm packages, and whether Node's built-in modules are allowed. A file belongs to the longest entry
// that contains it.
// Anything not listed is refused by scripts/lint/layering-rule.mjs; a new room or a new dependency is one
// line here, and the line is the design decision.

const NODE = true
const NO_NODE = false

/** @typedef {{ room: string, imports: string[], packages?: string[], node: boolean }} Layer */

/** @type {Layer[]} */
export const LAYERS = [
  // shared/ compiles under both programs: no Node, no DOM, no app code.
  { room: 'shared/net', imports: [], node: NO_NODE },
  { room: 'shared/geo', imports: [], node: NO_NODE },
  // The error catalog and the keyed words its facts carry: the bottom of shared/, so it imports none of it.
  { room: 'shared/errors', imports: [], packages: ['zod', 'i18next'], node: NO_NODE },
  {
    room: 'shared/schemas',
    imports: ['shared/errors', 'shared/net'],
    packages: ['zod'],
    node: NO_NODE,
  },
  {
    room: 'shared/domain',
    imports: ['shared/schemas', 'shared/errors', 'shared/net'],
    packages: ['zod'],
    node: NO_NODE,
  },
  { room: 'shared/ipc', imports: ['shared'], packages: ['zod'], node: NO_NODE },

  // core/: the app for every host. Plain Node; never Electron, a server library, the DOM or the hosts.
  // Its rooms form a one-way graph, so no cycle can form between them.
  { room: 'core/ports', imports: ['shared'], node: NODE },
  { room: 'core/logging', imports: ['shared'], node: NODE },
  { room: 'core/errors', imports: ['shared'], packages: ['zod'], node: NODE },
  {
    room: 'core/settings',
    imports: ['core/logging', 'core/errors', 'shared'],
    packages: ['zod'],
    node: NODE,
  },
  {
    room: 'core/tagora',
    imports: ['core/logging', 'core/ports', 'core/errors', 'shared'],
    packages: ['zod'],
    node: NODE,
  },
  {
    room: 'core/tokens',
    imports: ['core/tagora', 'core/logging', 'core/ports', 'core/errors', 'shared'],
    packages: ['zod'],
    node: NODE,
  },
  {
    room: 'core/session',
    imports: ['core/tokens', 'core/tagora', 'core/logging', 'core/ports', 'core/errors', 'shared'],
    node: NODE,
  },
  {
    room: 'core/connections',
    imports: ['core/tokens', 'core/logging', 'core/ports', 'core/errors', 'shared'],
    packages: ['zod'],
    node: NODE,
  },
  { room: 'core/telemetry', imports: ['core/logging', 'core/ports', 'shared'], node: NODE },
  {
    room: 'core/listener',
    imports: ['core/telemetry', 'core/logging', 'core/ports', 'core/errors', 'shared'],
    node: NODE,
  },
  {
    room: 'core/devices',
    imports: ['core/session', 'core/tagora', 'core/logging', 'core/ports', 'core/errors', 'shared'],
    node: NODE,
  },
  {
    room: 'core/webhooks',
    imports: [
      'core/devices',
      'core/listener',
      'core/session',
      'core/tagora',
      'core/logging',
      'core/ports',
      'core/errors',
      'shared',
    ],
    node: NODE,
  },
  // A desk's link to a Fleet Relay: fixes in, the same telemetry events the listener makes.
  { room: 'core/feeds', imports: ['core/telemetry', 'core/logging', 'core/ports', 'shared'], node: NODE },
  { room: 'core/health', imports: ['core/tagora', 'core/ports', 'core/errors', 'shared'], node: NODE },
  // The alarm engine and inbox: detection on the telemetry store's statuses, states per alarm.
  {
    room: 'core/alarms',
    imports: ['core/telemetry/telemetry-store', 'core/ports', 'shared'],
    node: NODE,
  },
  // The shift's memory: the history database in its worker thread, and the main thread's side of it.
  // Its worker is its thread's composition root, so it alone names the driver (the adapter file).
  {
    room: 'core/history',
    imports: [
      'core/adapters/better-sqlite3-database',
      'core/telemetry/telemetry-event',
      'core/logging',
      'core/ports',
      'core/errors',
      'shared',
    ],
    node: NODE,
  },
  { room: 'core/app', imports: ['core', 'shared'], packages: ['zod'], node: NODE },
  // What every host shares around the app: its command line and its policy for uncaught failures.
  {
    room: 'core/host',
    imports: ['core/webhooks/resolve-override', 'core/logging', 'core/errors', 'shared'],
    node: NODE,
  },
  // Technology behind core's ports, for every Node host: the only place keytar and better-sqlite3 may
  // be imported.
  {
    room: 'core/adapters',
    imports: ['core/ports', 'core/logging', 'shared'],
    packages: ['@github/keytar', 'better-sqlite3'],
    node: NODE,
  },
  // The desk's side of the relay link: the only place core touches a WebSocket library.
  { room: 'core/adapters/ws-relay-link', imports: ['core/ports', 'shared'], packages: ['ws'], node: NODE },

  // Hosts: each builds core's app and carries the contract over its own transport.
  { room: 'electron/preload', imports: ['shared/ipc'], packages: ['electron'], node: NO_NODE },
  {
    room: 'electron',
    imports: ['core', 'shared', 'tools/simulator/demo-server'],
    // electron-updater: loaded lazily, only by an installed app whose user turned updates on.
    packages: ['electron', 'electron-updater', 'zod'],
    node: NODE,
  },
  {
    room: 'web-host',
    imports: ['core', 'shared', 'tools/simulator/demo-server'],
    packages: ['ws', 'zod'],
    node: NODE,
  },

  // The Fleet Relay: a headless host of the same core, with NATS JetStream behind it. The only room
  // that may import the NATS clients; core sees none of it.
  {
    room: 'relay',
    imports: ['core', 'shared'],
    packages: ['@nats-io/transport-node', '@nats-io/jetstream', '@nats-io/kv', 'ws', 'zod'],
    node: NODE,
  },

  // Tools: the Tagora simulator (also the demo's server) stands apart from the app it imitates.
  { room: 'tools/simulator', imports: ['core/ports/demo-server', 'shared'], packages: ['zod'], node: NODE },

  // The renderer talks to main only through the contract: no Node, no core, no host.
  {
    room: 'renderer',
    imports: ['renderer', 'shared'],
    packages: [
      'react',
      'react-dom',
      'react-i18next',
      'i18next',
      'zustand',
      'leaflet',
      'supercluster',
      'topojson-client',
      'topojson-specification',
      'world-atlas',
      'geojson',
    ],
    node: NO_NODE,
  },
]

/**
 * What a test beside production code may add to its room's list: the fakes and kits of test/, the
 * simulator, and the real neighbours of its own part of the tree (a test is not shipped: it may wire a
 * room to the rooms that use it).
 */
export const TEST_EXTRAS = {
  imports: ['test', 'tools/simulator'],
  packages: ['vitest', 'fast-check'],
  node: NODE,
}

/** Tests, benchmarks, scripts and build configuration are not layered: they drive the app from outside. */
export const UNLAYERED = [
  'test',
  'bench',
  'scripts',
  'electron.vite.config.ts',
  'playwright.config.ts',
  'vitest.config.ts',
]
