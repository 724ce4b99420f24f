// Builders for unit tests: every metric defaults to unavailable (null) unless the test sets it.
import type { DailySnapshot, EngineInput, EnginePost } from '../types.js';

export function post(id: string, postedAt: string, over: Partial<EnginePost> = {}): EnginePost {
  return {
    id,
    postedAt,
    mediaType: 'IMAGE',
    productType: 'FEED',
    caption: null,
    likes: null,
    comments: null,
    saves: null,
    shares: null,
    reach: null,
    views: null,
    totalInteractions: null,
    ...over,
  };
}

export function snap(day: string, over: Partial<DailySnapshot> = {}): DailySnapshot {
  return { day, followers: null, ...over };
}

export function input(over: Partial<EngineInput> & { timeZone?: string; followers?: number | null } = {}): EngineInput {
  const { timeZone, followers, ...rest } = over;
  return {
    account: { followers: followers === undefined ? 1000 : followers, timeZone: timeZone ?? 'UTC' },
    posts: [],
    snapshots: [],
    publishErrors: [],
    now: '2026-11-30T00:00:00.000Z',
    windowDays: 90,
    ...rest,
  };
}
