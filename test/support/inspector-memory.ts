import WebSocket from 'ws'

/** What V8 holds after a full collection: the heap in use and the memory outside it (Buffers). */
export interface HeapAfterGc {
  heapUsed: number
  external: number
}

const INSPECTOR_LINE = /Debugger listening on (ws:\/\/\S+)/

/**
 * Reads a child's heap through the inspector it was started with (`--inspect=127.0.0.1:0`), after
 * asking V8 for a full collection first. RSS says how much the process has not yet given back to
 * the system, which depends on when V8 and malloc feel like it; the heap after a forced collection
 * says what the process really keeps, so a leak check on it does not hang on timing.
 */
export class InspectorMemory {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { id?: number; result?: unknown }
      if (message.id === undefined) return
      this.pending.get(message.id)?.resolve(message.result)
      this.pending.delete(message.id)
    })
    ws.on('error', () => undefined)
    // A host that died takes its inspector with it: whoever waits learns it instead of hanging.
    ws.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('the host inspector closed'))
      this.pending.clear()
    })
  }

  /** Connects to the inspector whose address the child printed in `output`. */
  static async open(output: string): Promise<InspectorMemory> {
    const match = INSPECTOR_LINE.exec(output)
    if (!match?.[1]) throw new Error('the host did not start its inspector (--inspect=127.0.0.1:0)')
    const ws = new WebSocket(match[1])
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return new InspectorMemory(ws)
  }

  async heapAfterGc(): Promise<HeapAfterGc> {
    await this.send('HeapProfiler.collectGarbage')
    const result = (await this.send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } }
    const usage = JSON.parse(result.result.value) as HeapAfterGc
    return { heapUsed: usage.heapUsed, external: usage.external }
  }

  close(): void {
    this.ws.close()
  }

  private send(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      if (this.ws.readyState !== WebSocket.OPEN) return reject(new Error('the host inspector is closed'))
      this.pending.set(id, { resolve, reject })
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }
}
