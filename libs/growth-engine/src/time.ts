// Zone math on Intl.DateTimeFormat only: day boundaries and weekday × hour buckets are the
// account's, not the server's. Formatters are cached because constructing one is the slow part.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlParts(ms: number, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour % 24, minute: out.minute, second: out.second };
}

// Offsets change only at transitions, which fall on quarter hours in every IANA zone in use, so
// one Intl call per zone and quarter hour is enough; the memo is bounded and keeps results pure.
const QUARTER = 900_000;
const offsets = new Map<string, number>();

function zoneOffset(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER);
  const key = `${timeZone}|${bucket}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const at = bucket * QUARTER;
    const p = intlParts(at, timeZone);
    off = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - at;
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

function partsAt(ms: number, timeZone: string): Parts {
  const d = new Date(ms + zoneOffset(ms, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Date.parse dominates an audit's run time (sorts compare instants many times), so parsed
// instants are memoised; the memo is bounded and a pure function of its key.
const parsed = new Map<string, number>();

export function toMs(iso: string): number {
  let ms = parsed.get(iso);
  if (ms === undefined) {
    ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
    if (parsed.size > 200_000) parsed.clear();
    parsed.set(iso, ms);
  }
  return ms;
}

/** Calendar day `YYYY-MM-DD` of an instant in `timeZone`. */
export function localDay(iso: string | number, timeZone: string): string {
  const p = partsAt(typeof iso === 'number' ? iso : toMs(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Weekday (0 = Monday … 6 = Sunday) and hour of an instant in `timeZone`. */
export function localWeekdayHour(iso: string | number, timeZone: string): { weekday: number; hour: number } {
  const p = partsAt(typeof iso === 'number' ? iso : toMs(iso), timeZone);
  return { weekday: weekdayOf(`${p.year}-${pad(p.month)}-${pad(p.day)}`), hour: p.hour };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetMs(ms: number, timeZone: string): number {
  return zoneOffset(ms, timeZone);
}

/** The instant at which the wall clock in `timeZone` shows `day` `hour`:00 (first occurrence). */
export function zonedInstant(day: string, hour: number, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour);
  let guess = wall - offsetMs(wall, timeZone);
  // A second pass settles instants near a DST change, where the first offset guess was the other side's.
  guess = wall - offsetMs(guess, timeZone);
  return guess;
}

/** Days between two `YYYY-MM-DD` dates (b − a). */
export function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday for a calendar date. */
export function weekdayOf(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Every day from `from` to `to` inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
