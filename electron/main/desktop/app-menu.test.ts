import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../../shared/domain/app-command'
import { APP_COMMANDS, APP_COMMAND_ACCELERATORS } from '../../../shared/domain/app-command'
import { sayIn } from '../locales/main-strings'
import type { AppMenuOptions } from './app-menu'
import { appMenuTemplate } from './app-menu'

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])])
}

function menu(overrides: Partial<AppMenuOptions> = {}): MenuItemConstructorOptions[] {
  return appMenuTemplate({
    send: () => undefined,
    isMac: false,
    devTools: false,
    say: sayIn('en'),
    openLogFolder: () => undefined,
    autoUpdate: { enabled: false, set: () => undefined },
    ...overrides,
  })
}

describe('appMenuTemplate', () => {
  it('offers every app command, each sending itself to the renderer', () => {
    const sent: AppCommand[] = []
    const commands = items(menu({ send: (c) => sent.push(c) })).filter((i) => !i.role && !i.type && i.click)
    for (const item of commands) item.click?.(undefined as never, undefined, undefined as never)
    expect(sent.filter((c) => APP_COMMANDS.includes(c)).sort()).toEqual([...APP_COMMANDS].sort())
  })

  it('gives accelerators without stealing Escape, and adds the macOS app menu only on macOS', () => {
    const accelerators = items(menu())
      .map((i) => i.accelerator)
      .filter(Boolean)
    expect(accelerators.sort()).toEqual(Object.values(APP_COMMAND_ACCELERATORS).sort())
    expect(accelerators).not.toContain('Escape')
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(items(menu({ isMac: true })).map((i) => i.role)).toContain('hideOthers')
    expect(items(menu()).map((i) => i.role)).not.toContain('hideOthers')
  })

  it('offers Reload and DevTools in a development run only, never in the packaged app', () => {
    const debugRoles = ['reload', 'forceReload', 'toggleDevTools']
    for (const isMac of [false, true]) {
      const packaged = items(menu({ isMac })).map((i) => i.role)
      expect(packaged.filter((role) => debugRoles.includes(role ?? ''))).toEqual([])
      const dev = items(menu({ isMac, devTools: true })).map((i) => i.role)
      expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']))
    }
  })

  it('labels every item in the desk’s language, role items too (Electron would say them in English)', () => {
    for (const isMac of [false, true]) {
      const english = items(menu({ isMac, devTools: true })).filter((i) => i.type !== 'separator')
      const spanish = items(menu({ isMac, devTools: true, say: sayIn('es-MX') })).filter(
        (i) => i.type !== 'separator',
      )
      expect(spanish.filter((i) => !i.label)).toEqual([])
      // Same menu, other words: only the product name may read the same in both.
      const same = spanish.filter((item, at) => item.label === english[at]?.label).map((i) => i.label)
      expect(same).toEqual(isMac ? ['Fleet Monitor'] : [])
    }
  })

  it('opens the log folder and flips the update setting from the Help menu', () => {
    let opened = 0
    const set: boolean[] = []
    const all = items(
      menu({ openLogFolder: () => (opened += 1), autoUpdate: { enabled: true, set: (on) => set.push(on) } }),
    )
    all.find((i) => i.label === 'Open log folder')?.click?.(undefined as never, undefined, undefined as never)
    const toggle = all.find((i) => i.type === 'checkbox')
    expect(toggle?.checked).toBe(true)
    toggle?.click?.({ checked: false } as never, undefined, undefined as never)
    expect({ opened, set }).toEqual({ opened: 1, set: [false] })
  })
})
