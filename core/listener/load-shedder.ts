import type { Socket } from 'node:net'

export interface LoadLimits {
  /** Open connections at most (default 256). */
  maxConnections: number
  /** Request bodies being read at once (default 64). */
  maxBodiesInFlight: number
  /** Work younger than this is never cut short to make room (default 250 ms). */
  graceMs: number
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxConnections: 256, maxBodiesInFlight: 64, graceMs: 250 }

interface SocketEntry {
  openedAt: number
  /** A request on it has its headers in and is not answered yet. */
  active: boolean
  /** It has carried at least one request (an idle keep-alive socket, not a slow one). */
  served: boolean
}

interface BodyEntry {
  startedAt: number
  evict(): void
}

/**
 * Caps what the listener holds for clients, so a flood of slow or half-sent requests cannot starve
 * real deliveries. Through a tunnel every client has the tunnel's address, so per-client limits
 * mean nothing; instead, at a cap the oldest idle or slow work makes room for the new: Tagora's
 * deliveries arrive whole in milliseconds, a slow-drip attacker's requests wait, so they are the
 * ones cut. Only when everything held is younger than the grace period is the newcomer refused.
 * Real time, not the injected Clock: these decisions guard real sockets.
 */
export class LoadShedder {
  private readonly sockets = new Map<Socket, SocketEntry>()
  private readonly bodies = new Set<BodyEntry>()

  constructor(
    private readonly limits: LoadLimits,
    /** Called when a client's pending request is cut to make room (counted as 'overloaded'). */
    private readonly onShed: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new connection: admitted, making room by closing the oldest idle or header-waiting socket. */
  admit(socket: Socket): void {
    if (this.sockets.size >= this.limits.maxConnections && !this.closeOldestWaiting()) {
      socket.destroy()
      this.onShed()
      return
    }
    this.sockets.set(socket, { openedAt: this.now(), active: false, served: false })
    socket.once('close', () => this.sockets.delete(socket))
  }

  /** Headers are in: the socket is working until `requestDone`. */
  requestStarted(socket: Socket): void {
    const entry = this.sockets.get(socket)
    if (entry) entry.active = true
  }

  requestDone(socket: Socket): void {
    const entry = this.sockets.get(socket)
    if (!entry) return
    entry.active = false
    entry.served = true
    // An idle keep-alive socket ages from its last answer, not from when it opened.
    entry.openedAt = this.now()
  }

  /**
   * The socket left HTTP (a WebSocket upgrade): whoever took it holds it under its own cap, and a
   * long-lived socket must not be cut here as idle.
   */
  release(socket: Socket): void {
    this.sockets.delete(socket)
  }

  /**
   * A body is about to be read. Returns the release function, or null when the newcomer must be
   * refused; at the cap the oldest body still being read past the grace period is evicted instead.
   */
  startBody(evict: () => void): (() => void) | null {
    if (this.bodies.size >= this.limits.maxBodiesInFlight) {
      const oldest = this.bodies.values().next().value
      if (!oldest || this.now() - oldest.startedAt < this.limits.graceMs) return null
      this.bodies.delete(oldest)
      oldest.evict()
    }
    const entry: BodyEntry = { startedAt: this.now(), evict }
    this.bodies.add(entry)
    return () => this.bodies.delete(entry)
  }

  get connections(): number {
    return this.sockets.size
  }

  private closeOldestWaiting(): boolean {
    const now = this.now()
    for (const [socket, entry] of this.sockets) {
      if (entry.active || now - entry.openedAt < this.limits.graceMs) continue
      this.sockets.delete(socket)
      socket.destroy()
      // An idle keep-alive socket closing is routine; one still waiting for its headers was cut.
      if (!entry.served) this.onShed()
      return true
    }
    return false
  }
}
