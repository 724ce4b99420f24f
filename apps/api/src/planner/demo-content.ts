import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { addDays, localDay } from '@instagrowth/growth-engine';
import type { ContentStatus, GenerationKind } from '@instagrowth/contracts';
import { ContentRepository } from '../content/content.repository.js';
import { ContentService } from '../content/content.service.js';
import { GenerationService } from '../content/generation.service.js';
import { presentItem } from '../content/grounding.js';
import { OfflineWriter } from '../content/offline-writer.js';
import { AccountDataRepository } from '../content/account-data.repository.js';
import { buildPlan } from './plan-builder.js';
import { PlannerRepository } from './planner.repository.js';

const DEMO_ITEMS: [GenerationKind, ContentStatus][] = [
  ['caption', 'approved'],
  ['hook', 'drafted'],
  ['reel_idea', 'idea'],
  ['hashtags', 'idea'],
];

/**
 * The demo account's brand voice, a few library items (offline writer, honestly labelled) and a
 * 30-day plan. Runs inside the demo tenant's context, right after its history is seeded.
 */
export async function seedDemoContent(app: INestApplicationContext, accountId: string, actorId: string | null): Promise<void> {
  const content = app.get(ContentRepository, { strict: false });
  await content.upsertBrandVoice(
    accountId,
    {
      niche: 'specialty coffee and brunch',
      audience: 'young professionals in Lisbon who love weekend brunch',
      goals: ['more weekend bookings', '10k followers by summer'],
      tone: 'warm, playful, a little nerdy about coffee',
      wordsToUse: ['single origin', 'slow mornings'],
      wordsToAvoid: ['cheap', 'deal'],
      emojiPolicy: 'light',
      languages: ['English', 'Portuguese'],
      ctaStyle: 'soft',
      exampleCaptions: ['Slow mornings taste better with a single origin pour-over.'],
      timeZone: 'Europe/Lisbon',
    },
    actorId ?? randomUUID(),
  );
  const generations = app.get(GenerationService, { strict: false });
  const writer = app.get(OfflineWriter, { strict: false });
  const grounding = await generations.grounding(accountId);
  for (const [kind, status] of DEMO_ITEMS) {
    const options = { count: 1, topic: 'weekend brunch' };
    const raw = await writer.write({ kind, options, grounding });
    const items = raw.map((r, i) => presentItem(kind, r, i));
    const id = randomUUID();
    await content.insertGeneration({ id, accountId, kind, options, source: 'offline', status: 'completed', items: items.map(({ title, text, data }) => ({ title, text, data })), creditsUsed: 0 }, actorId ?? id);
    const item = items[0];
    await content.insertItem({ accountId, generationId: id, kind, title: item.title, body: item.text, data: item.data, source: 'offline', status, favourite: kind === 'caption', tags: ['demo', 'brunch'], inputs: { kind, options } }, actorId);
  }
  const now = new Date();
  const voice = await app.get(ContentService, { strict: false }).brandVoice(null, accountId);
  const data = app.get(AccountDataRepository, { strict: false });
  const zone = await data.timeZone(accountId, voice.timeZone);
  const input = await data.engineInput(accountId, zone, now);
  const plan = buildPlan(input, 30, addDays(localDay(now.toISOString(), zone), 1), voice.niche);
  await app.get(PlannerRepository, { strict: false }).insertPlan(accountId, plan, 'engine', actorId);
}
