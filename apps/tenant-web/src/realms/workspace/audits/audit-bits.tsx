import type { MetricView } from '@instagrowth/contracts';
import { cn } from '@/lib/utils';

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString() : String(Math.round(v * 100) / 100));

export function Delta({ value }: { value: number | null | undefined }) {
  if (value === null || value === undefined) return null;
  const tone = value > 0 ? 'text-emerald-700' : value < 0 ? 'text-red-700' : 'text-zinc-500';
  return <span className={cn('text-xs font-medium', tone)}>{value > 0 ? '+' : value < 0 ? '−' : '±'}{fmt(Math.abs(value))}</span>;
}

/** A 0–100 gauge as inline SVG (no chart library on this page). */
export function Gauge({ value, label, size = 96 }: { value: number | null; label: string; size?: number }) {
  const r = 40;
  const c = 2 * Math.PI * r;
  const pct = value === null ? 0 : Math.max(0, Math.min(100, value)) / 100;
  const color = value === null ? '#a1a1aa' : value >= 70 ? '#059669' : value >= 40 ? '#d97706' : '#dc2626';
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" role="img" aria-label={`${label}: ${value === null ? 'not enough data' : `${Math.round(value)} of 100`}`}>
      <circle cx="50" cy="50" r={r} fill="none" stroke="#e4e4e7" strokeWidth="10" />
      <circle cx="50" cy="50" r={r} fill="none" stroke={color} strokeWidth="10" strokeDasharray={`${pct * c} ${c}`} strokeLinecap="round" transform="rotate(-90 50 50)" />
      <text x="50" y="56" textAnchor="middle" fontSize="22" fontWeight="600" fill="#18181b">
        {value === null ? '–' : Math.round(value)}
      </text>
    </svg>
  );
}

/** "How is this calculated?": the formula and every input behind a number. */
export function MetricDetails({ metric, summary = 'How is this calculated?' }: { metric: MetricView | undefined; summary?: string }) {
  if (!metric) return null;
  return (
    <details className="group mt-2 text-left text-xs text-zinc-600" data-testid="evidence-panel">
      <summary className="cursor-pointer select-none font-medium text-zinc-700 hover:text-zinc-900">{summary}</summary>
      <div className="mt-2 rounded-md bg-zinc-50 p-2">
        <p className="font-mono text-[11px] text-zinc-500">{metric.id}</p>
        {metric.status === 'ok' ? (
          <>
            <p className="mt-1" data-testid="formula">{metric.formula}</p>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
              {Object.entries(metric.inputs).map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-zinc-500">{k}</dt>
                  <dd className="font-medium text-zinc-800">{v === null ? 'unavailable' : typeof v === 'number' ? fmt(v) : String(v)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : (
          <p className="mt-1">Not enough data yet: {metric.need}.</p>
        )}
      </div>
    </details>
  );
}

export function metricValue(m: MetricView | undefined): number | null {
  return m && m.status === 'ok' && typeof m.value === 'number' ? m.value : null;
}
