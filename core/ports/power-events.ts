/** Sleep/resume notifications: Electron's powerMonitor, or a time-jump detector in the browser host. */
export interface PowerEvents {
  /** Calls fn after the computer resumes; returns the unsubscribe function. */
  onResume(fn: () => void): () => void
}

export const noPowerEvents: PowerEvents = { onResume: () => () => undefined }
