/** Minor units → "$1,234.56" in the money's own currency. */
export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${rate.toLocaleString(undefined, { maximumFractionDigits: 2 })} %`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString();
}

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The last `days` days up to today (UTC), as the API's whole-day range. */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: iso(new Date(today - (days - 1) * DAY)), to: iso(new Date(today)) };
}
