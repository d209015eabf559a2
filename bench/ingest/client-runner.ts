import { fork } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import type { ClientJob, ClientMessage } from './client-protocol'

type Done = Extract<ClientMessage, { t: 'done' }>

/** A forked sender with its bodies already signed; `go()` starts the POSTs and resolves when all are answered. */
export interface PreparedClient {
  go(): Promise<Done>
}

export async function prepareClient(job: ClientJob): Promise<PreparedClient> {
  const child: ChildProcess = fork(new URL('./client-process.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = (): Promise<ClientMessage> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`bench client exited with ${code}`))
      child.once('exit', onExit)
      child.once('message', (message: ClientMessage) => {
        child.off('exit', onExit)
        resolve(message)
      })
    })
  const ready = next()
  child.send({ t: 'job', job })
  await ready
  return {
    async go() {
      const done = next()
      child.send({ t: 'go' })
      const message = await done
      if (message.t !== 'done') throw new Error(`bench client answered ${message.t}`)
      return message
    },
  }
}
