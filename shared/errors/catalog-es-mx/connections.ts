import type { ConnectionErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Conexiones con proveedores y sus tokens. */
export const connectionsEsMX: Record<ConnectionErrorCode, ErrorTemplate> = {
  'password-expired': {
    lead: '{{service}} indica que la contraseña de "{{name}}" expiró.',
    advice: 'Cámbiala en {{service}} y luego escribe la nueva en esta conexión.',
  },
  'parent-expired': {
    lead: 'El token de organización (orgauth) de "{{name}}" expiró y no se pudo renovar, así que no se pudo obtener el token del entorno.',
  },
  'missing-secret': {
    lead: 'No hay un secreto guardado para "{{name}}".',
    advice: 'Edita la conexión y escríbelo de nuevo.',
  },
  'secret-required': { lead: 'Escribe {{secret}} de "{{name}}": todavía no hay nada guardado.' },
  'secret-required-again': {
    lead: 'Escribe de nuevo {{secret}} de "{{name}}": lo guardado nunca se envía a otro servidor ni a otro esquema.',
  },
  'no-token': {
    lead: '"{{name}}" no tiene token.',
    advice: 'Prueba la conexión para iniciar sesión de nuevo.',
  },
  'refused-before': {
    lead: 'El servidor ya rechazó este token de renovación, así que no se envía de nuevo.',
    advice: 'Inicia sesión de nuevo.',
  },
  'no-refresh-token': {
    lead: 'No hay un token de renovación con el cual renovar.',
    advice: 'Inicia sesión de nuevo.',
  },
  'agora-uid-required': {
    lead: 'La autenticación AccessToken necesita el ID de usuario de Signaling para el que se generó el token.',
  },
  'not-video-connection': { lead: '"{{name}}" no es una conexión de 8x8 Video Interaction.' },
  'connection-gone': { lead: 'Esa conexión ya no existe.' },
  'room-token-missing': {
    lead: '8x8 respondió sin "{{field}}", así que quizá la sala no exista.',
    advice: 'Inténtalo de nuevo o revisa la conexión.',
  },
  'missing-field': {
    lead: '{{call}} respondió sin el campo esperado "{{field}}".',
    advice:
      'Si este servidor lo nombra de otra forma, indícalo en los nombres de campos de la conexión (Avanzado).',
  },
  'agent-login-required': {
    lead: '"{{name}}" no tiene usuario de agente, así que el Agent Portal no puede iniciar la sesión de nadie.',
    advice: 'Edita la conexión y escribe el usuario de un agente del directorio de Video Interaction de 8x8.',
  },
  'path-not-set': {
    lead: 'La ruta {{field}} de "{{name}}" no está definida: el documento de {{service}} deja en blanco esa URL.',
    advice: 'Edita la conexión y escribe la ruta que te dio {{service}}.',
  },
  'video-portal-unavailable': { lead: 'Este host no puede abrir el Agent Portal de 8x8.' },
  'video-portal-origin': {
    lead: 'El Agent Portal en {{target}} no puede abrirse en la app: la cámara y el micrófono solo se permiten a https://video-agent.8x8.com.',
    advice: 'Cambia la URL base de la conexión a https://video-agent.8x8.com.',
  },
  'video-link-used': {
    lead: 'Este enlace al Agent Portal ya se usó o venció: cada uno abre el portal una sola vez, en menos de un minuto.',
    advice: 'Vuelve a presionar "Videollamada" en Fleet Monitor.',
  },
}
