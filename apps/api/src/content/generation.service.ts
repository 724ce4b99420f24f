import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { GENERATION_ITEM_SCHEMAS, type GenerationOptions, type GenerationKind, type GenerationResponse } from '@instagrowth/contracts';
import type { MemberPrincipal } from '../core/auth/principal.js';
import { DomainError } from '../core/errors/domain-error.js';
import { CreditsService } from '../credits/credits.service.js';
import { AccountDataRepository } from './account-data.repository.js';
import { aiFailed, AiWriter } from './ai-writer.js';
import { ContentAccess } from './content-access.js';
import { ContentRepository } from './content.repository.js';
import { ContentService } from './content.service.js';
import { groundingFrom, presentItem, rankHashtagClusters } from './grounding.js';
import { OfflineWriter } from './offline-writer.js';
import type { ContentWriter, Grounding, WriterItem } from './writer.js';

/** Credits one AI generation costs (any kind, any count up to 10). Offline costs nothing. */
export const CREDITS_PER_GENERATION = 1;

/**
 * One generation: ground it in the account's data, pick the writer (AI when a key is configured,
 * else offline), and for AI debit the credit in the same unit of work that records the
 * generation, then refund it when the writer fails. Every item is validated with its kind's schema.
 */
@Injectable()
export class GenerationService {
  private readonly log = new Logger(GenerationService.name);

  constructor(
    private readonly repo: ContentRepository,
    private readonly access: ContentAccess,
    private readonly content: ContentService,
    private readonly data: AccountDataRepository,
    private readonly credits: CreditsService,
    private readonly ai: AiWriter,
    private readonly offline: OfflineWriter,
  ) {}

  async grounding(accountId: string, now = new Date()): Promise<Grounding> {
    const voice = await this.content.brandVoice(null, accountId);
    const zone = await this.data.timeZone(accountId, voice.timeZone);
    const [input, username] = await Promise.all([this.data.engineInput(accountId, zone, now), this.repo.accountUsername(accountId)]);
    return groundingFrom(input, voice, username);
  }

  async generate(actor: MemberPrincipal, accountId: string, kind: GenerationKind, options: GenerationOptions): Promise<GenerationResponse> {
    await this.access.assert(actor, accountId, 'Content', 'create');
    const grounding = await this.grounding(accountId);
    const writer: ContentWriter = (await this.ai.settings()) ? this.ai : this.offline;
    const id = randomUUID();
    const cost = writer.source === 'ai' ? CREDITS_PER_GENERATION : 0;
    await this.repo.unitOfWork(async () => {
      await this.repo.insertGeneration({ id, accountId, kind, options, source: writer.source, status: 'running', items: [], creditsUsed: cost }, actor.userId);
      if (cost) await this.credits.debit({ amount: cost, feature: kind, referenceId: id, actorId: actor.userId });
    });
    let raw: WriterItem[];
    try {
      raw = await writer.write({ kind, options, grounding, referenceId: id });
      raw = raw.map((item) => {
        const parsed = GENERATION_ITEM_SCHEMAS[kind].safeParse(item);
        if (!parsed.success) throw aiFailed(`an item does not match the ${kind} schema`);
        return parsed.data as WriterItem;
      });
      if (kind === 'hashtags') raw = rankHashtagClusters(raw, grounding.hashtagReach);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.repo.unitOfWork(async () => {
        await this.repo.finishGeneration(id, 'failed', [], message.slice(0, 500), 0);
        if (cost) await this.credits.refund(id, `generation failed: ${err instanceof DomainError ? err.code : 'error'}`);
      });
      if (!(err instanceof DomainError)) this.log.error(`generation ${id} failed: ${message}`);
      throw err instanceof DomainError ? err : aiFailed('internal error');
    }
    const items = raw.map((item, index) => presentItem(kind, item, index));
    await this.repo.finishGeneration(id, 'completed', items.map(({ title, text, data }) => ({ title, text, data })), null, cost);
    return {
      id,
      kind,
      items,
      source: writer.source,
      creditsUsed: cost,
      grounding: { brandVoice: grounding.brandVoice.configured, topPosts: grounding.topPosts.length, bestFormats: grounding.bestFormats.map((f) => f.format) },
    };
  }
}
