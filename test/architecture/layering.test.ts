import { describe, expect, it } from 'vitest'
import { findCycles, folderGraph } from '../../scripts/lint/folder-cycles.mjs'
import { refusal } from '../../scripts/lint/layering-rule.mjs'
import { LAYERS } from '../../scripts/lint/layers.mjs'

describe('the layering allow-list (scripts/lint/layers.mjs)', () => {
  it('keeps Electron in the Electron host, servers in their hosts, and Node out of shared and the renderer', () => {
    expect(refusal('core/app/fleet-app.ts', 'electron')).toMatch(/may not import the package electron/)
    expect(refusal('core/listener/x.ts', 'ws')).toMatch(/may not import the package ws/)
    expect(refusal('core/connections/x.ts', '@github/keytar')).toMatch(/keytar/)
    expect(refusal('core/adapters/keytar-secret-store.ts', '@github/keytar')).toBeNull()
    expect(refusal('electron/main/index.ts', 'electron')).toBeNull()
    expect(refusal('web-host/contract-socket.ts', 'ws')).toBeNull()
    expect(refusal('shared/domain/x.ts', 'node:crypto')).toMatch(/Node's node:crypto/)
    expect(refusal('renderer/src/lib/x.ts', 'fs')).toMatch(/Node's fs/)
    expect(refusal('renderer/src/lib/x.ts', 'leaflet')).toBeNull()
  })

  it('lets each room import only the rooms its line names', () => {
    expect(refusal('core/tokens/token-engine.ts', '../session/tagora-session')).toMatch(
      /core\/tokens may not import core\/session\/tagora-session/,
    )
    expect(refusal('core/session/tagora-session.ts', '../tokens/token-engine')).toBeNull()
    expect(refusal('core/listener/x.ts', '../../electron/main/index')).toMatch(/may not import electron/)
    expect(refusal('renderer/src/lib/x.ts', '../../../core/app/fleet-app')).toMatch(/may not import core/)
    expect(refusal('shared/ipc/contract.ts', '../../core/app/call-handlers')).toMatch(/may not import core/)
    expect(refusal('core/app/demo-mode.ts', '../../tools/simulator/simulator')).toMatch(
      /may not import tools/,
    )
    expect(refusal('web-host/start-web-host.ts', '../tools/simulator/demo-server')).toBeNull()
  })

  it('gives a test its fakes and its neighbours, never a room of another host', () => {
    expect(refusal('core/listener/x.test.ts', '../../test/support/listener-kit')).toBeNull()
    expect(refusal('core/webhooks/x.test.ts', '../settings/settings-store')).toBeNull()
    expect(refusal('core/webhooks/x.test.ts', 'vitest')).toBeNull()
    expect(refusal('core/webhooks/x.test.ts', '../../web-host/index')).toMatch(/may not import web-host/)
  })

  it('refuses a file in no room, so a new folder is a decision', () => {
    expect(refusal('gadgets/x.ts', 'zod')).toMatch(/in no room/)
  })

  it("core's rooms form a one-way graph: no two of them may import each other", () => {
    const core = LAYERS.filter((layer) => layer.room.startsWith('core/') && layer.room !== 'core/app')
    const graph = new Map(
      core.map((layer) => [
        layer.room,
        new Set(layer.imports.filter((room) => room.startsWith('core/') && room !== 'core/app')),
      ]),
    )
    expect(findCycles(graph)).toEqual([])
  })
})

describe('folder cycles (scripts/lint/folder-cycles.mjs)', () => {
  it('finds a tangle and names its rooms', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ])
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']])
  })

  it('reads the real tree: no folder imports a folder that imports it back', () => {
    expect(findCycles(folderGraph())).toEqual([])
  })
})
