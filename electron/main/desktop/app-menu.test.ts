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
    const all = items(appMenuTemplate((c) => sent.push(c), false))
    for (const item of all) item.click?.(undefined as never, undefined, undefined as never)
    expect([...sent].sort()).toEqual([...APP_COMMANDS].sort())
  })

  it('gives accelerators without stealing Escape, and adds the macOS app menu only on macOS', () => {
    const all = items(appMenuTemplate(() => undefined, false))
    const accelerators = all.map((i) => i.accelerator).filter(Boolean)
    expect(accelerators).toContain('CmdOrCtrl+F')
    expect(accelerators).not.toContain('Escape')
    expect(new Set(accelerators).size).toBe(accelerators.length)
    expect(appMenuTemplate(() => undefined, true)[0]).toEqual({ role: 'appMenu' })
    expect(appMenuTemplate(() => undefined, false)[0]?.role).not.toBe('appMenu')
  })
})
