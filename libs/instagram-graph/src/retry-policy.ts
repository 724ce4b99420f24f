// Full-jitter exponential backoff (AWS architecture blog's "full jitter"): spreads retries of many
// workers hitting the same failure instead of synchronising them.

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Delay before retry number `attempt` (0-based): random(0, min(max, base·2^attempt)). */
export function backoffDelayMs(attempt: number, settings: BackoffSettings): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  return Math.floor(settings.random() * ceiling);
}
