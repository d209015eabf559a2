import type { HistoryErrorCode } from '../codes'
import type { ErrorTemplate } from '../template'

const LIVE_ONLY = 'The map keeps running live; this shift is remembered in memory until the app closes.'

/** The history database (positions, replay, the alarm inbox). */
export const historyEn: Record<HistoryErrorCode, ErrorTemplate> = {
  'history-damaged': {
    lead: 'The history database could not be read ({{detail}}).',
    advice:
      'It was moved aside as {{target}} and a new one was started; positions and alarms from before are in the old file.',
  },
  'history-unavailable': {
    lead: 'The history database {{target}} cannot be used ({{detail}}).',
    advice: LIVE_ONLY,
  },
  'history-newer': {
    lead: 'The history database {{target}} was written by a newer version of Fleet Monitor.',
    advice: `It was left untouched. ${LIVE_ONLY}`,
  },
  'history-failed': { lead: 'The history database failed: {{detail}}.' },
  'history-off': { lead: 'History is not recorded in this window’s host.' },
  'history-range': { lead: 'Choose a range whose end comes after its start.' },
}
