import type { SessionState } from '../../shared/domain/session'

/**
 * Whose history this is: the API and the organization, so a staging server's vehicles never show in
 * production's replay and the demo never mixes with a real org. The demo's simulator listens on a new
 * port every run, so the demo is one scope of its own whatever its URL. Null while signed out.
 */
export function historyScopeOf(session: SessionState): string | null {
  if (session.phase !== 'signed-in' && session.phase !== 'renewing') return null
  const api = session.demo ? 'demo' : normalizedApiUrl(session.apiUrl)
  return `${api} ${session.organizationId ?? ''}`
}

/** Scheme, host and path as the server sees them: case and a trailing slash do not make a new history. */
export function normalizedApiUrl(apiUrl: string): string {
  try {
    const url = new URL(apiUrl)
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
  } catch {
    return apiUrl.trim()
  }
}
