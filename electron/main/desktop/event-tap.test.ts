import { describe, expect, it } from 'vitest'
import { eventTap } from './event-tap'

describe('eventTap', () => {
  it('passes on only the event it watches and never holds batches back', () => {
    const seen: unknown[] = []
    const tap = eventTap('app:command', (command) => seen.push(command))
    tap.send('app:command', 'fit-all')
    tap.send('devices:list', [])
    expect(seen).toEqual(['fit-all'])
    expect(tap.isBackedUp()).toBe(false)
  })
})
