import type { ListenerErrorCode, SessionErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** La sesión de Tagora y el llavero de "mantener la sesión iniciada". */
export const sessionEsMX: Record<SessionErrorCode, ErrorTemplate> = {
  'signed-out': { lead: 'No has iniciado sesión en Tagora.', advice: 'Inicia sesión de nuevo.' },
  'keychain-unavailable': { lead: 'No hay un llavero del sistema disponible ({{detail}}).' },
  'keychain-failed': { lead: 'No se pudo abrir el llavero: {{detail}}' },
  'keychain-save-failed': { lead: 'El llavero no permitió guardar el inicio de sesión: {{detail}}' },
}

/** El receptor local de webhooks, y la demo que lo necesita. */
export const listenerEsMX: Record<ListenerErrorCode, ErrorTemplate> = {
  'port-in-use': {
    lead: 'Otro programa ya usa el puerto {{port}}.',
    advice: 'Elige otro puerto en Configurar flota → Receptor local, o cierra el otro programa.',
  },
  'port-denied': {
    lead: 'Esta computadora no permite que la app escuche en el puerto {{port}}.',
    advice: 'Elige un puerto mayor que 1024 en Configurar flota → Receptor local.',
  },
  'address-unavailable': {
    lead: 'La dirección {{target}} no pertenece a esta computadora.',
    advice: 'Usa 127.0.0.1 en Configurar flota → Receptor local.',
  },
  'listener-failed': {
    lead: 'El receptor no pudo iniciar en {{target}}:{{port}} ({{detail}}).',
    advice: 'Revisa Configurar flota → Receptor local.',
  },
  'listener-unavailable': { lead: 'La demo necesita el receptor local, que no está funcionando.' },
}
