import chimeUrl from './alarm-chime.wav'

/** Plays the alarm chime; a window in the background plays it too (nothing here waits on focus). */
export interface AlarmSound {
  play(volume: number): void
}

/**
 * The chime shipped with the app (scripts/build/make-chime.mjs). One element, rewound for each alarm.
 * A browser that refuses to play before the page was ever clicked says so in the console; the desk
 * has been clicked (signing in) by the time an alarm comes.
 */
export function chimeSound(): AlarmSound {
  let audio: HTMLAudioElement | null = null
  return {
    play(volume) {
      audio ??= new Audio(chimeUrl)
      audio.volume = Math.min(1, Math.max(0, volume))
      audio.currentTime = 0
      audio.play().catch((cause: unknown) => console.warn('the alarm sound could not play', cause))
    },
  }
}
