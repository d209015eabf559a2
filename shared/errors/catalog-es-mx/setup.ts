import type { SetupErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const SET_ASIDE = 'Se usan los valores predeterminados; el archivo anterior se guardó como {{target}}.'

/** Webhooks, dispositivos, el archivo de configuración y la prueba de la API. */
export const setupEsMX: Record<SetupErrorCode, ErrorTemplate> = {
  'post-url-empty': { lead: 'Escribe la URL pública a la que Tagora debe enviar.' },
  'post-url-not-a-url': {
    lead: 'Esto no es una URL. Escribe una dirección completa como https://flota.ejemplo.com/tagora/events.',
  },
  'post-url-not-https': { lead: 'La URL debe empezar con https:// — Tagora solo envía a https.' },
  'post-url-no-host': { lead: 'La URL no tiene nombre de host.' },
  'post-url-localhost': {
    lead: 'localhost es esta computadora: Tagora no puede llegar a ella. Usa la URL pública de tu túnel o proxy.',
  },
  'post-url-private-ip': {
    lead: 'Es una dirección privada, de loopback o de enlace local a la que Tagora no puede llegar. Usa una URL pública.',
  },
  'unknown-webhook': { lead: 'Fleet Monitor no tiene el webhook {{webhookId}}.' },
  'webhook-not-in-tagora': {
    lead: 'Tagora no conoce este webhook (quizá se eliminó en el panel de Tagora).',
  },
  'webhook-reply-unreadable': {
    lead: 'Es posible que Tagora haya creado este webhook, pero su respuesta a {{call}} no se pudo leer ({{detail}}), así que Fleet Monitor no guardó nada.',
    advice: 'Revisa el panel de Tagora: si el webhook aparece ahí, elimínalo antes de registrarlo de nuevo.',
  },
  'missing-organization': {
    lead: 'La sesión no indica a qué organización pertenece y ningún dispositivo la indica todavía.',
    advice: 'Sincroniza los dispositivos primero o escríbela en Avanzado.',
  },
  'missing-user': {
    lead: 'El token de la sesión no indica qué usuario inició sesión.',
    advice: 'Escribe el id de usuario en Avanzado.',
  },
  'unreadable-devices': {
    lead: 'Tagora devolvió una página de dispositivos ilegible en la posición {{offset}} ({{detail}}).',
  },
  'settings-unreadable': {
    lead: 'No se pudo leer tu archivo de configuración ({{detail}}).',
    advice: SET_ASIDE,
  },
  'settings-not-json': { lead: 'Tu archivo de configuración no es JSON válido.', advice: SET_ASIDE },
  'settings-bad-shape': {
    lead: 'Tu archivo de configuración tiene una forma inesperada ({{detail}}).',
    advice: SET_ASIDE,
  },
  'probe-unreachable': { lead: '{{network}}' },
  'probe-timeout': { lead: 'no respondió en {{seconds}} s' },
}
