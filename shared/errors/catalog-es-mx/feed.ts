import type { FeedErrorCode, RelayErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const FEED = 'Configurar flota → Fuente'

/** El enlace de un escritorio con el Fleet Relay (core/feeds), como lo dice su estado de Fuente. */
export const feedEsMX: Record<FeedErrorCode, ErrorTemplate> = {
  'relay-key-refused': {
    lead: 'El relay rechazó esta clave de escritorio: no la conoce o fue revocada.',
    advice: `Pide una clave nueva a quien opera el relay y escríbela en ${FEED}.`,
  },
  'relay-unreachable': {
    lead: 'No se pudo llegar al relay en {{target}}: {{network}}.',
    advice: 'Este escritorio sigue intentando; revisa la dirección del relay si no se conecta.',
  },
  'relay-unavailable': {
    lead: 'El relay en {{target}} está funcionando pero no llega a su servidor NATS.',
    advice: 'Este escritorio sigue intentando; avisa a quien opera el relay.',
  },
  'relay-refused-status': {
    lead: 'El relay en {{target}} respondió HTTP {{status}} en lugar de abrir la fuente.',
    advice: `Revisa la dirección del relay en ${FEED}.`,
  },
  'relay-dropped': {
    lead: 'Se cerró la conexión con el relay ({{detail}}).',
    advice: 'Reconectando: el escritorio sigue donde se quedó, así que no se pierde nada.',
  },
  'relay-too-slow': {
    lead: 'El relay cortó la fuente de este escritorio porque el escritorio se quedó atrás.',
    advice: 'Reconectando desde la última posición recibida.',
  },
  'relay-bad-message': {
    lead: 'El relay envió un mensaje que este escritorio no puede leer ({{detail}}).',
    advice: 'Puede que el relay use otra versión de Fleet Monitor; este escritorio sigue intentando.',
  },
  'relay-from-command-line': {
    lead: 'Esta ejecución sigue al relay indicado en la línea de comandos.',
    advice: `Inicia la app sin --relay-url (ni FLEET_RELAY_URL) para elegir la fuente en ${FEED}.`,
  },
}

/** El host del relay (relay/): su línea de comandos, y lo que lee en su registro quien lo opera. */
export const relayEsMX: Record<RelayErrorCode, ErrorTemplate> = {
  'nats-unavailable': {
    lead: 'No se puede llegar a NATS en {{target}} ({{detail}}).',
    advice:
      'Revisa que nats-server funcione ahí con JetStream (-js). Mientras tanto las entregas se responden con 503, así que Tagora las envía de nuevo, y los escritorios esperan la fuente.',
  },
  'relay-needs-credentials': {
    lead: 'El relay inicia sesión en Tagora con TAGORA_EMAIL y TAGORA_PASSWORD (o TAGORA_PASSWORD_FILE); falta uno.',
  },
  'relay-needs-public-url': {
    lead: '--public-url es obligatorio: la dirección https a la que Tagora envía, a través del proxy inverso.',
  },
  'relay-path-taken': {
    lead: 'La ruta {{detail}} es del propio relay (/feed, /health).',
    advice: 'Elige otra ruta para --public-url, p. ej. /tagora/events.',
  },
  'relay-usage': {
    lead: 'No se entiende «{{detail}}».',
    advice:
      'Uso: relay --public-url URL [--port P] [--bind DIRECCIÓN] [--nats URL], o relay [--nats URL] keys add|revoke|list [NOMBRE].',
  },
  'relay-bad-port': { lead: '{{name}} necesita un número de puerto de 0 a 65535, llegó «{{detail}}».' },
  'relay-key-name': {
    lead: 'El nombre de una clave de escritorio tiene de 1 a 64 letras, dígitos, - o _, llegó «{{name}}».',
  },
  'relay-key-exists': {
    lead: 'Ya existe una clave de escritorio llamada {{name}}.',
    advice: 'Revócala primero, o elige otro nombre.',
  },
  'relay-key-unknown': { lead: 'No hay una clave de escritorio llamada {{name}}.' },
  'relay-sign-in-failed': { lead: 'El relay no pudo iniciar sesión en Tagora.' },
  'relay-webhook-failed': { lead: 'El relay no pudo registrar su webhook para {{target}}.' },
}
