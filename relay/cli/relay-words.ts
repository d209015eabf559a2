import type { ErrorLanguage } from '../../shared/errors/catalog'

/** The operator's language, as the shell says it (LC_ALL, LC_MESSAGES, LANG): Spanish or English. */
export function operatorLanguage(env: NodeJS.ProcessEnv): ErrorLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return locale.toLowerCase().startsWith('es') ? 'es-MX' : 'en'
}

/** What the keys command says besides errors (those come from the catalog, shared/errors). */
export const RELAY_WORDS: Record<
  ErrorLanguage,
  { keyAdded(name: string): string; keyRevoked(name: string): string; noKeys: string }
> = {
  en: {
    keyAdded: (name) => `Desk key for ${name} (shown once; give it to that desk only):`,
    keyRevoked: (name) => `Desk key ${name} revoked: every relay node refuses it now.`,
    noKeys: 'No desk keys yet: add one with keys add NAME.',
  },
  'es-MX': {
    keyAdded: (name) =>
      `Clave de escritorio para ${name} (se muestra una sola vez; dásela solo a ese escritorio):`,
    keyRevoked: (name) =>
      `Clave de escritorio ${name} revocada: todos los nodos del relay la rechazan desde ahora.`,
    noKeys: 'Aún no hay claves de escritorio: agrega una con keys add NOMBRE.',
  },
}
