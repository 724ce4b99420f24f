// 30-day recovery roadmap derived from the recommendations: posting days at the best slots,
// the remaining days filled with the recommendations' concrete steps in priority order.
import type { AuditArea, BestPostingTimes, ContentConsistency, Recommendation, RoadmapDay, RoadmapWeek } from './types.js';
import { TARGET_POSTS_PER_WEEK } from './advice.js';
import { isOk } from './metric.js';
import { WEEKDAYS, addDays, weekdayOf } from './time.js';

const STEPS: Record<string, string[]> = {
  'check-account-status': ['Open Settings → Account Status in the Instagram app and note any violation', 'Appeal or remove content flagged in Account Status; keep scheduled posting paused'],
  'remove-banned-hashtags': ['Edit captions that use banned or restricted hashtags and remove those tags', 'Check next week’s planned captions against the banned-hashtag list'],
  'recover-reach': ['Compare the last week’s posts with the best-reaching ones and note what changed', 'Publish one original post written for non-followers (no reposts, no engagement bait)'],
  'spread-posts': ['Re-plan the queue so no more than 3 posts go out on one day'],
  'vary-hashtags': ['Write a fresh set of 3 to 5 specific hashtags for each planned post'],
  'post-more-often': ['Prepare next week’s posts in one batch so the schedule holds'],
  'keep-a-schedule': ['Fix the weekly posting days in the calendar and pre-schedule them'],
  'lean-into-best-format': ['Draft two ideas in the best-performing format', 'Repurpose a top post into the best-performing format'],
  'raise-engagement': ['Reply to every comment from the last 7 days', 'End today’s caption drafts with a question to the audience'],
  'grow-audience': ['Find two accounts in the niche for a collaboration post or reel', 'Engage for 15 minutes with posts under the niche’s hashtags'],
};

const THEMES: { theme: string; areas: AuditArea[] }[] = [
  { theme: 'Fix what holds distribution back', areas: ['risk', 'content'] },
  { theme: 'Build a steady schedule', areas: ['consistency', 'risk'] },
  { theme: 'Double down on what performs', areas: ['content', 'engagement'] },
  { theme: 'Engage, grow and measure', areas: ['engagement', 'growth'] },
];

const FORMAT_NAME: Record<string, string> = { reel: 'reel', carousel: 'carousel', image: 'photo post', video: 'video', story: 'story' };

/** Weekdays to post on: the best slots' weekdays first, then spread Tue/Thu/Sat/Mon/Wed/Fri/Sun. */
function postingPlan(t: BestPostingTimes, perWeek: number): Map<number, number> {
  const plan = new Map<number, number>();
  for (const s of t.slots) if (plan.size < perWeek && !plan.has(s.weekday)) plan.set(s.weekday, s.hour);
  const hour = t.slots[0]?.hour ?? 12;
  for (const d of [1, 3, 5, 0, 2, 4, 6]) if (plan.size < perWeek && !plan.has(d)) plan.set(d, hour);
  return plan;
}

export function buildRoadmap(startDay: string, recs: Recommendation[], t: BestPostingTimes, c: ContentConsistency): RoadmapWeek[] {
  const ppw = isOk(c.postsPerWeek) ? c.postsPerWeek.value : 0;
  const perWeek = Math.min(5, Math.max(TARGET_POSTS_PER_WEEK, Math.ceil(ppw)));
  const plan = postingPlan(t, perWeek);
  const format = isOk(c.bestFormat) ? FORMAT_NAME[c.bestFormat.value] : 'post';
  const paused = recs.some((r) => r.id === 'check-account-status');
  const postRec = recs.find((r) => r.id === 'post-at-best-times')?.id ?? null;
  const used = new Map<string, number>();

  const nextStep = (areas: AuditArea[]): { action: string; id: string | null } => {
    const ordered = [...recs.filter((r) => areas.includes(r.area)), ...recs];
    for (const r of ordered) {
      const steps = STEPS[r.id];
      const i = used.get(r.id) ?? 0;
      if (steps && i < steps.length) {
        used.set(r.id, i + 1);
        return { action: steps[i], id: r.id };
      }
    }
    return { action: 'Reply to new comments and spend 15 minutes engaging with accounts in the niche', id: null };
  };

  const weeks: RoadmapWeek[] = [];
  for (let w = 0; w < 4; w++) {
    const days: RoadmapDay[] = [];
    const last = w === 3 ? 30 : (w + 1) * 7;
    for (let n = w * 7 + 1; n <= last; n++) {
      const date = addDays(startDay, n);
      const weekday = weekdayOf(date);
      if (n === 30) days.push({ day: n, action: 'Run a new audit and compare every score with this one', recommendationId: null });
      else if (n % 7 === 0) days.push({ day: n, action: 'Review the week: reach and engagement of each post against this audit', recommendationId: null });
      else if (plan.has(weekday) && !(paused && w === 0)) {
        const hour = String(plan.get(weekday)).padStart(2, '0');
        days.push({ day: n, action: `Publish a ${format} on ${WEEKDAYS[weekday]} at ${hour}:00 (${t.timeZone})`, recommendationId: postRec });
      } else {
        const s = nextStep(THEMES[w].areas);
        days.push({ day: n, action: s.action, recommendationId: s.id });
      }
    }
    weeks.push({ week: w + 1, theme: THEMES[w].theme, days });
  }
  return weeks;
}
