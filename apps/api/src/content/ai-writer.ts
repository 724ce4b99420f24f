import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { GENERATION_ITEM_SCHEMAS } from '@instagrowth/contracts';
import { AiMalformedError, AiUnavailableError } from '../core/ai/ai.errors.js';
import { AiService, type AiSettings } from '../core/ai/ai.service.js';
import { buildPrompt } from './prompt.js';
import type { ContentWriter, WriterItem, WriterRequest } from './writer.js';

/** An answer we cannot use (the caller refunds). */
export const aiFailed = (why: string) => new AiMalformedError(why);

/**
 * Structured generation through the AI core (`AiService`: openai SDK, key/base URL/model from the
 * super-admin's settings else OPENAI_*, structured output, one retry for a malformed answer, usage
 * metered per call). The answer must match the kind's zod schema.
 */
@Injectable()
export class AiWriter implements ContentWriter {
  readonly source = 'ai' as const;

  constructor(private readonly ai: AiService) {}

  /** Null when no key is configured (generation then runs offline). */
  settings(): Promise<AiSettings | null> {
    return this.ai.settingsOrNull();
  }

  async write(req: WriterRequest): Promise<WriterItem[]> {
    const settings = await this.settings();
    if (!settings) throw new AiUnavailableError('error', 'no AI key is configured');
    const { system, user } = buildPrompt(req);
    const result = await this.ai.structured(settings, {
      feature: `content:${req.kind}`,
      referenceId: req.referenceId ?? null,
      schemaName: `${req.kind}_items`,
      schema: z.object({ items: z.array(GENERATION_ITEM_SCHEMAS[req.kind] as z.ZodType<WriterItem>).min(1) }),
      system,
      user,
    });
    if (!result.ok) throw aiFailed(result.rejected);
    return result.value.items;
  }
}
