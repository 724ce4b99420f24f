import { formatRelative } from '@/lib/utils';
import type { AccountStatus, MediaItem } from './types';

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 2 });

/** A metric that may be unavailable: null/undefined is "—", never 0. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : integer.format(value);
}

export function formatCompact(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : compact.format(value);
}

/**
 * engagementRate is a ratio (0.042 = 4.2 %). If the API ever switches to percentages, this is the
 * one place to change.
 */
/** The API sends engagement rates as percentages already (4.2 means 4.2 %). */
export function engagementPercent(rate: number | null | undefined): number | null {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? null : rate;
}

export function formatEngagement(rate: number | null | undefined): string {
  return rate === null || rate === undefined || !Number.isFinite(rate) ? '—' : percent.format(rate / 100);
}

export function lastSyncLabel(lastSyncAt: string | null): string {
  return lastSyncAt ? formatRelative(lastSyncAt) : 'never';
}

export const STATUS_META: Record<AccountStatus, { label: string; variant: 'success' | 'brand' | 'warning' | 'secondary' | 'destructive' }> = {
  connected: { label: 'Connected', variant: 'success' },
  syncing: { label: 'Syncing', variant: 'brand' },
  reconnect_required: { label: 'Reconnect required', variant: 'warning' },
  manual: { label: 'Manual', variant: 'secondary' },
  disconnected: { label: 'Disconnected', variant: 'destructive' },
};

export function mediaTypeLabel(item: Pick<MediaItem, 'mediaType' | 'mediaProductType'>): string {
  if (item.mediaProductType === 'REELS' || item.mediaType === 'REEL') return 'Reel';
  if (item.mediaProductType === 'STORY') return 'Story';
  switch (item.mediaType) {
    case 'CAROUSEL_ALBUM':
      return 'Carousel';
    case 'VIDEO':
      return 'Video';
    case 'IMAGE':
      return 'Image';
    default:
      return item.mediaType ? item.mediaType.charAt(0) + item.mediaType.slice(1).toLowerCase().replace(/_/g, ' ') : 'Post';
  }
}

/** An insight value, or null when the API does not have it. */
export function insight(item: MediaItem, key: string): number | null {
  const value = item.insights[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Today in the browser's time zone, as YYYY-MM-DD. */
export function todayLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const shortDay = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "2025-03-04" → "Mar 4" (a calendar day, so no time-zone shift). */
export function formatDay(day: string, long = false): string {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return day;
  return (long ? longDay : shortDay).format(d);
}

/** Strips a pasted "@" or profile URL down to the handle. */
export function normaliseUsername(input: string): string {
  const trimmed = input.trim();
  const fromUrl = /instagram\.com\/([^/?#]+)/i.exec(trimmed)?.[1];
  return (fromUrl ?? trimmed).replace(/^@+/, '').trim();
}
