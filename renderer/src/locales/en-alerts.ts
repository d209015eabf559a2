/** English strings of the live alerts: their kinds and notification words (spread into `en`). */
export const enAlerts = {
  alerts: {
    kind: { stale: 'Stale', offline: 'Offline', speeding: 'Speeding' },
    one: {
      stale: '{{name}} stopped reporting (stale)',
      offline: '{{name}} went offline',
      speeding: '{{name}} is speeding at {{speed}} km/h',
    },
    many: {
      stale: '{{count}} vehicles stopped reporting (stale)',
      offline: '{{count}} vehicles went offline',
      speeding: '{{count}} vehicles are speeding (up to {{speed}} km/h)',
    },
    /** Said instead when no position from any vehicle has arrived for a while: the feed, not the fleet. */
    quiet: {
      one: {
        stale:
          '{{name}} stopped reporting, and no position has arrived from any vehicle for a while: the feed itself may be down. Check Health.',
        offline:
          '{{name}} went offline, and no position has arrived from any vehicle for a while: the feed itself may be down. Check Health.',
      },
      many: {
        stale:
          '{{count}} vehicles stopped reporting, and no position has arrived from any vehicle for a while: the feed itself may be down. Check Health.',
        offline:
          '{{count}} vehicles went offline, and no position has arrived from any vehicle for a while: the feed itself may be down. Check Health.',
      },
    },
    muteVehicle: 'Mute this vehicle',
    muteKind: 'Mute “{{kind}}”',
    settings: 'Alert and map settings',
    speedLimit: 'Speed limit',
    staleAfter: 'Stale after',
    offlineAfter: 'Offline after',
    trailMinutes: 'Trail length',
    trailPoints: 'Trail points at most',
    notify: 'Desktop notifications',
    muted: 'Muted kinds',
    mutedVehicles_one: '{{count}} vehicle muted.',
    mutedVehicles_other: '{{count}} vehicles muted.',
    unmuteAll: 'Unmute all',
  },
}
