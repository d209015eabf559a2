import type { Resources } from './en'

/** Spanish strings of the live alerts: their kinds and notification words (spread into `esMX`). */
export const esMXAlerts: Pick<Resources, 'alerts'> = {
  alerts: {
    kind: { stale: 'Retrasado', offline: 'Sin conexión', speeding: 'Exceso de velocidad' },
    one: {
      stale: '{{name}} dejó de reportar (retrasado)',
      offline: '{{name}} se desconectó',
      speeding: '{{name}} va a {{speed}} km/h, sobre el límite',
    },
    many: {
      stale: '{{count}} vehículos dejaron de reportar (retrasados)',
      offline: '{{count}} vehículos se desconectaron',
      speeding: '{{count}} vehículos exceden el límite (hasta {{speed}} km/h)',
    },
    quiet: {
      one: {
        stale:
          '{{name}} dejó de reportar, y hace rato que no llega ninguna posición de ningún vehículo: puede que la fuente misma esté caída. Revisa Estado.',
        offline:
          '{{name}} se desconectó, y hace rato que no llega ninguna posición de ningún vehículo: puede que la fuente misma esté caída. Revisa Estado.',
      },
      many: {
        stale:
          '{{count}} vehículos dejaron de reportar, y hace rato que no llega ninguna posición de ningún vehículo: puede que la fuente misma esté caída. Revisa Estado.',
        offline:
          '{{count}} vehículos se desconectaron, y hace rato que no llega ninguna posición de ningún vehículo: puede que la fuente misma esté caída. Revisa Estado.',
      },
    },
    muteVehicle: 'Silenciar este vehículo',
    muteKind: 'Silenciar «{{kind}}»',
    settings: 'Ajustes de alertas y mapa',
    speedLimit: 'Límite de velocidad',
    staleAfter: 'Retrasado después de',
    offlineAfter: 'Sin conexión después de',
    trailMinutes: 'Duración del recorrido',
    trailPoints: 'Puntos del recorrido, máximo',
    notify: 'Notificaciones de escritorio',
    muted: 'Tipos silenciados',
    mutedVehicles_one: '{{count}} vehículo silenciado.',
    mutedVehicles_other: '{{count}} vehículos silenciados.',
    unmuteAll: 'Quitar silencio a todos',
  },
}
