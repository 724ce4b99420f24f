/** Calendar days as stored in the history tables (UTC, YYYY-MM-DD). */
export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
