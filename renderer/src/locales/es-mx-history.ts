import type { Resources } from './en'

/** Spanish strings of the shift's memory: history health, replay, exports (spread into `esMX`). */
export const esMXHistory: Pick<Resources, 'alarms' | 'history'> = {
  alarms: {
    title: 'Bandeja de alarmas',
    open_one: 'Bandeja de alarmas ({{count}} nueva)',
    open_other: 'Bandeja de alarmas ({{count}} nuevas)',
    empty:
      'No hay alarmas aquí. Los vehículos que dejan de reportar, se desconectan o rebasan el límite de velocidad aparecen en la bandeja.',
    state: { new: 'Nueva', acknowledged: 'Atendida', cleared: 'Resuelta' },
    filter: {
      state: 'Estado',
      kind: 'Tipo',
      vehicle: 'Vehículo',
      vehicleHint: 'Nombre, serie o ID de activo',
      open: 'Sin resolver',
      all: 'Todas',
    },
    acknowledge: 'Atender',
    acknowledgeAll: 'Atender todas las nuevas ({{count}})',
    acknowledgeAllKind: 'Atender todas las nuevas “{{kind}}” ({{count}})',
    note: 'Nota (opcional)',
    acknowledgedBy: 'Atendida por {{user}} a las {{time}}',
    ended: 'Terminó a las {{time}}',
    ongoing: 'En curso',
    export: 'Exportar CSV',
    shown: '{{shown}} de {{total}}',
    sound: 'Sonido para',
    soundVolume: 'Volumen',
    soundMuted: 'Silenciar el sonido',
    soundTest: 'Probar',
  },
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
