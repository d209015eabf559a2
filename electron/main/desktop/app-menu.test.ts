import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../../shared/domain/app-command'
import { APP_COMMANDS } from '../../../shared/domain/app-command'
import { appMenuTemplate } from './app-menu'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

describe('appMenuTemplate', () => {
  it('offers every app command, each sending itself to the renderer', () => {
    const sent: AppCommand[] = []
    const all = items(appMenuTemplate((c) => sent.push(c), false, false))
    for (const item of all) item.click?.(undefined as never, undefined, undefined as never)
    expect([...sent].sort()).toEqual([...APP_COMMANDS].sort())
  })

  it('gives accelerators without stealing Escape, and adds the macOS app menu only on macOS', () => {
    const all = items(appMenuTemplate(() => undefined, false, false))
    const accelerators = all.map((i) => i.accelerator).filter(Boolean)
    expect(accelerators).toContain('CmdOrCtrl+F')
    expect(accelerators).not.toContain('Escape')
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(appMenuTemplate(() => undefined, true, false)[0]).toEqual({ role: 'appMenu' })
    expect(appMenuTemplate(() => undefined, false, false)[0]?.role).not.toBe('appMenu')
  })

  it('offers Reload and DevTools in a development run only, never in the packaged app', () => {
    const debugRoles = ['reload', 'forceReload', 'toggleDevTools']
    for (const isMac of [false, true]) {
      const packaged = items(appMenuTemplate(() => undefined, isMac, false)).map((i) => i.role)
      expect(packaged.filter((role) => debugRoles.includes(role ?? ''))).toEqual([])
      const dev = items(appMenuTemplate(() => undefined, isMac, true)).map((i) => i.role)
      expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    }
  })
})
