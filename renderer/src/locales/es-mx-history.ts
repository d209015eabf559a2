import type { Resources } from './en'

/** Spanish strings of the shift's memory: history health, replay, exports (spread into `esMX`). */
export const esMXHistory: Pick<Resources, 'history'> = {
  history: {
    health: {
      title: 'Base de datos del historial',
      state: {
        off: 'Este anfitrión no registra historial',
        opening: 'Abriendo…',
        ready: 'Registrando',
        memory: 'Solo en memoria (esta sesión)',
        error: 'Detenida',
      },
      size: 'Tamaño en disco',
      mib: '{{size}} MiB',
      fixes: 'Posiciones guardadas',
      oldest: 'Posición más antigua',
      rate: 'Escrituras',
      dropped: 'Posiciones descartadas',
      lastError: 'Último error',
      keepDays: 'Conservar',
      days: 'días',
      maxSize: 'Como máximo',
    },
  },
}
