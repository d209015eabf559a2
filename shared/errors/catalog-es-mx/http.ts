import type { HttpErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

/** Solicitudes a Tagora y a otros proveedores. */
export const httpEsMX: Record<HttpErrorCode, ErrorTemplate> = {
  'api-unreachable': {
    lead: 'No se puede conectar con la API de Tagora en {{target}}: {{network}}.',
    advice: 'Revisa la dirección de la API y tu conexión de red.',
  },
  unreachable: {
    lead: '{{call}} no pudo conectar con {{target}}: {{network}}.',
    advice: 'Revisa la dirección base de la conexión y tu conexión de red.',
  },
  timeout: {
    lead: '{{service}} en {{target}} no respondió a {{call}} en {{seconds}} s.',
    advice: 'Revisa tu conexión de red o inténtalo más tarde.',
  },
  'invalid-credentials': {
    lead: '{{service}} no aceptó {{credentials}}.',
    advice: 'Revísalos e inténtalo de nuevo.',
  },
  unauthorized: { lead: '{{service}} rechazó la sesión para {{call}}.', advice: 'Inicia sesión de nuevo.' },
  forbidden: { lead: '{{service}} no permite a esta cuenta usar {{call}}.' },
  'not-found': {
    lead: '{{service}} no encontró nada en {{call}}.',
    advice: 'Revisa la dirección configurada.',
  },
  validation: { lead: '{{service}} rechazó la solicitud {{call}}.', advice: 'Revisa los valores enviados.' },
  'rate-limited': {
    lead: '{{service}} está limitando las solicitudes.',
    advice: 'Espera un momento e inténtalo de nuevo.',
  },
  'server-error': {
    lead: '{{service}} tuvo un error del servidor (HTTP {{status}}) en {{call}}.',
    advice: 'Inténtalo más tarde.',
  },
  'http-error': { lead: '{{service}} respondió a {{call}} con HTTP {{status}}.' },
  'bad-response': {
    lead: '{{service}} respondió a {{call}} con algo que esta app no puede leer ({{detail}}).',
    advice: 'Revisa que la dirección de la API apunte a la API de Integración de Tagora.',
  },
}
