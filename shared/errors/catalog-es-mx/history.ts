import type { HistoryErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const LIVE_ONLY =
  'El mapa sigue en vivo; este turno se recuerda en memoria hasta que se cierre la aplicación.'

/** La base de datos del historial (posiciones, repetición, la bandeja de alarmas). */
export const historyEsMX: Record<HistoryErrorCode, ErrorTemplate> = {
  'history-damaged': {
    lead: 'No se pudo leer la base de datos del historial ({{detail}}).',
    advice:
      'Se apartó como {{target}} y se inició una nueva; las posiciones y alarmas anteriores están en el archivo viejo.',
  },
  'history-unavailable': {
    lead: 'No se puede usar la base de datos del historial {{target}} ({{detail}}).',
    advice: LIVE_ONLY,
  },
  'history-newer': {
    lead: 'La base de datos del historial {{target}} la escribió una versión más reciente de Fleet Monitor.',
    advice: `Se dejó intacta. ${LIVE_ONLY}`,
  },
  'history-failed': { lead: 'Falló la base de datos del historial: {{detail}}.' },
  'history-off': { lead: 'El anfitrión de esta ventana no registra historial.' },
  'history-range': { lead: 'Elige un rango cuyo final sea posterior a su inicio.' },
}
