import type { InsufficientData, MetricInputs, MetricValue, Unit } from './types.js';
import { round } from './stats.js';

/** A computed value; numbers are rounded to 2 decimals so the narrative and the UI quote the same figure. */
export function ok<T>(id: string, value: T, formula: string, inputs: MetricInputs, unit?: Unit): MetricValue<T> {
  const v = (typeof value === 'number' ? round(value) : value) as T;
  const clean: MetricInputs = {};
  for (const [k, x] of Object.entries(inputs)) clean[k] = typeof x === 'number' ? round(x) : x;
  return unit ? { status: 'ok', id, value: v, formula, inputs: clean, unit } : { status: 'ok', id, value: v, formula, inputs: clean };
}

export function insufficient(id: string, need: string, have?: MetricInputs): InsufficientData {
  return have ? { status: 'insufficient_data', id, need, have } : { status: 'insufficient_data', id, need };
}

export function isOk<T>(m: MetricValue<T> | InsufficientData): m is MetricValue<T> {
  return m.status === 'ok';
}

/** Numeric value of a metric or null. */
export function valueOf(m: MetricValue<unknown> | InsufficientData): number | null {
  return m.status === 'ok' && typeof m.value === 'number' ? m.value : null;
}
