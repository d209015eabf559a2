// A process that installs the guards and then fails the ways a host can: the guards test runs it
// as a child and checks it is still alive at the end and logged each failure.
import { EventEmitter } from 'node:events'
import { installProcessGuards } from '../../core/host/process-guards'
import { createLogger } from '../../core/logging/logger'

installProcessGuards(createLogger('guards-child'))
void Promise.reject(new Error('a stray rejection with Bearer abc.def.ghi'))
setTimeout(() => {
  throw new Error('a throw from a timer')
}, 10)
// What a socket without an 'error' listener does on a reset.
setTimeout(
  () => new EventEmitter().emit('error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
  20,
)
setTimeout(() => process.stdout.write('still alive\n'), 100)
