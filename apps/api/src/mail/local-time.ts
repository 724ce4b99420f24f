/** Wall-clock parts of an instant in an IANA time zone (the workspace's), via Intl. */
export interface LocalParts {
  date: string; // YYYY-MM-DD
  hour: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  day: number;
  month: string; // YYYY-MM
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(at: Date, timeZone: string): LocalParts {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' }).formatToParts(at);
  } catch {
    // An unknown zone in old data: UTC rather than no mail at all.
    return localParts(at, 'UTC');
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  return { date, hour: Number(get('hour')), weekday: WEEKDAYS[get('weekday')] ?? 1, day: Number(get('day')), month: date.slice(0, 7) };
}

/** `YYYY-MM-DD` plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole calendar days from a to b (both `YYYY-MM-DD`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The previous calendar month of `YYYY-MM`, and its label (`November 2026`). */
export function previousMonth(month: string): { key: string; label: string } {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return { key: d.toISOString().slice(0, 7), label: d.toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }) };
}
