import { toUnixSeconds } from './graph-url.js';

// Account insights accept at most 30 days between `since` and `until` (§4.2); longer ranges are
// fetched in consecutive windows.

export const DAY_SECONDS = 86_400;
export const MAX_INSIGHTS_WINDOW_SECONDS = 30 * DAY_SECONDS;

export interface TimeWindow {
  since: number;
  until: number;
}

export function splitIntoWindows(since: Date | number, until: Date | number, maxSeconds = MAX_INSIGHTS_WINDOW_SECONDS): TimeWindow[] {
  const start = toUnixSeconds(since);
  const end = toUnixSeconds(until);
  if (!(end > start)) throw new RangeError('until must be after since');
  const windows: TimeWindow[] = [];
  for (let cursor = start; cursor < end; cursor += maxSeconds) {
    windows.push({ since: cursor, until: Math.min(cursor + maxSeconds, end) });
  }
  return windows;
}

/** `YYYY-MM-DD` (or a Date's UTC calendar day) → [00:00 UTC, next 00:00 UTC). */
export function utcDayWindow(day: string | Date): TimeWindow {
  let startMs: number;
  if (day instanceof Date) {
    startMs = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  } else {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (match === null) throw new RangeError('day must be YYYY-MM-DD');
    startMs = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  }
  if (Number.isNaN(startMs)) throw new RangeError('day is not a valid date');
  const since = startMs / 1000;
  return { since, until: since + DAY_SECONDS };
}
