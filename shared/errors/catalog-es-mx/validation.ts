import type { AppErrorCode, ValidationCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Datos que los esquemas compartidos rechazan. */
export const validationEsMX: Record<ValidationCode, ErrorTemplate> = {
  'invalid-input': { lead: 'Dato no válido: {{detail}}' },
  'path-override': {
    lead: 'Una ruta personalizada empieza con / (déjala vacía para usar la predeterminada)',
  },
  'leaves-server': {
    lead: 'Una ruta personalizada es una ruta en el servidor de la URL base: una / al inicio, sin // ni \\, sin espacios',
  },
  'needs-https': {
    lead: 'Usa una dirección https:// (http:// solo para este equipo: localhost, 127.0.0.1, ::1)',
  },
  'insecure-url': {
    lead: 'Esta dirección usa http:// sin cifrar hacia otro equipo, así que Fleet Monitor no le envía contraseñas, tokens ni claves. Cámbiala a https://.',
  },
  lifetime: { lead: 'La vigencia del token es un número entero de segundos' },
  'name-connection': { lead: 'Ponle un nombre a la conexión' },
  'name-webhook': { lead: 'Ponle un nombre al webhook.' },
  'enter-base-url': { lead: 'Escribe la URL base completa, p. ej. https://…' },
  'enter-app-id': { lead: 'Escribe el App ID' },
  'enter-login': { lead: 'Escribe el usuario' },
  'enter-org-domain': { lead: 'Escribe el dominio de la organización' },
  'enter-username': { lead: 'Escribe el nombre de usuario' },
  'enter-client-id': { lead: 'Escribe el client id de OAuth' },
  'enter-secret': { lead: 'Escribe el secreto' },
  'secret-with-scheme': {
    lead: 'Quita la palabra del inicio ("Bearer ", "Basic " o "agora token="): pega solo la clave o el token, la app agrega esa palabra',
  },
  'secret-whitespace': {
    lead: 'Una clave o un token no tiene espacios ni saltos de línea; pégalo de nuevo.',
  },
  'enter-phone': {
    lead: 'Escribe el teléfono en formato internacional con su código de país, p. ej. +5215512345678',
  },
  'call-reference-short': { lead: 'La referencia de llamada debe tener al menos 8 caracteres' },
  'call-reference-long': { lead: 'La referencia de llamada debe tener como máximo 20 caracteres' },
  'room-fields-without-room': {
    lead: 'El teléfono y la referencia de llamada van con una sala: marca "Crear una sala" o bórralos',
  },
  'enter-agent-login': {
    lead: 'Escribe el usuario del agente: uno que exista en el directorio de Video Interaction de 8x8',
  },
  'enter-login-path': {
    lead: 'Escribe la ruta de inicio de sesión: el documento de Nugios deja en blanco esa URL, así que pídesela a Nugios',
  },
  'enter-refresh-path': {
    lead: 'Escribe la ruta de renovación: el documento de Nugios deja en blanco esa URL, así que pídesela a Nugios',
  },
  'http-method': { lead: 'Un método es GET, POST o PUT' },
  'get-with-body': {
    lead: 'El inicio de sesión envía el usuario y la contraseña en el cuerpo, así que su método no puede ser GET',
  },
  'oauth-scope': {
    lead: 'Un scope es una o más palabras separadas por un espacio, sin " ni \\ (o vacío: no se envía scope)',
  },
  'webhook-id': { lead: 'Un id son dígitos o un uuid (letras, dígitos y guiones).' },
  'enter-email': { lead: 'Escribe un correo electrónico válido' },
  'enter-password': { lead: 'Escribe tu contraseña' },
  'enter-api-url': { lead: 'Escribe una URL completa, p. ej. https://…' },
  'enter-relay-url': { lead: 'Escribe la dirección del relay, p. ej. https://relay.example.com' },
  'relay-url': {
    lead: 'La dirección del relay empieza con https:// o wss:// (http:// o ws:// solo para esta computadora)',
  },
  'enter-relay-key': { lead: 'Escribe la clave de escritorio que te dio quien opera el relay' },
  'relay-key-format': {
    lead: 'Esto no es una clave de escritorio: una clave se ve como nombre.secreto, tal como la imprimió el relay',
  },
}

/** La app misma y sus transportes. */
export const appEsMX: Record<AppErrorCode, ErrorTemplate> = {
  internal: { lead: 'Algo falló dentro de Fleet Monitor.', advice: 'Los detalles están en el registro.' },
  unexpected: { lead: 'Error inesperado: {{detail}}' },
  'unknown-call': { lead: 'Llamada desconocida: {{call}}' },
  transport: { lead: '{{call}} falló: {{detail}}' },
  'host-disconnected': { lead: 'El host de Fleet Monitor rechazó o cerró la conexión.' },
  'signed-in': { lead: 'Cierra la sesión antes de cambiar la URL de la API.' },
  'demo-failed': { lead: 'No se pudo iniciar la demo: {{detail}}' },
  'no-demo': { lead: 'Este host no ofrece demo.' },
}
