import { Inject, Injectable } from '@nestjs/common';
import OpenAI from 'openai';
import { z } from 'zod';
import { GENERATION_ITEM_SCHEMAS } from '@instagrowth/contracts';
import { AdminPanelService } from '../admin-panel/admin-panel.service.js';
import { APP_CONFIG, type AppConfig } from '../core/config/config.js';
import { DomainError } from '../core/errors/domain-error.js';
import { buildPrompt } from './prompt.js';
import type { ContentWriter, WriterItem, WriterRequest } from './writer.js';

export const aiTimeout = () => new DomainError('ai_timeout', 504, 'The AI service did not answer in time. Your credits were refunded; try again in a moment.');
export const aiFailed = (why: string) => new DomainError('ai_failed', 502, `The AI service gave an answer we could not use (${why}). Your credits were refunded; try again.`);

interface AiSettings {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
}

/**
 * Structured generation over the openai SDK (any OpenAI-compatible server: base URL, key and model
 * are the super-admin's system settings). The answer must match the kind's zod schema; anything
 * else is `ai_failed`, and the caller refunds.
 */
@Injectable()
export class AiWriter implements ContentWriter {
  readonly source = 'ai' as const;

  constructor(
    private readonly settingsSource: AdminPanelService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Null when no key is configured (generation then runs offline). */
  async settings(): Promise<AiSettings | null> {
    const [apiKey, baseURL, model] = await Promise.all([
      this.settingsSource.getSetting('openai.apiKey'),
      this.settingsSource.getSetting('openai.baseUrl'),
      this.settingsSource.getSetting('openai.model'),
    ]);
    return apiKey ? { apiKey, baseURL: baseURL || undefined, model: model || 'gpt-4.1-mini' } : null;
  }

  async write(req: WriterRequest): Promise<WriterItem[]> {
    const settings = await this.settings();
    if (!settings) throw new DomainError('ai_not_configured', 503, 'No AI key is configured.');
    // Our own deadline: the SDK reports an aborted fetch as a connection error on some runtimes.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.config.contentAiTimeoutMs);
    const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL, timeout: this.config.contentAiTimeoutMs + 1000, maxRetries: 0 });
    const answer = z.object({ items: z.array(GENERATION_ITEM_SCHEMAS[req.kind]).min(1) });
    const { system, user } = buildPrompt(req);
    let content: string | null | undefined;
    try {
      const completion = await client.chat.completions.create({
        model: settings.model,
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
        response_format: { type: 'json_schema', json_schema: { name: `${req.kind}_items`, schema: z.toJSONSchema(answer) as Record<string, unknown>, strict: false } },
      }, { signal: deadline.signal });
      content = completion.choices[0]?.message?.content;
    } catch (err) {
      if (deadline.signal.aborted || err instanceof OpenAI.APIConnectionTimeoutError) throw aiTimeout();
      if (err instanceof OpenAI.APIError) throw aiFailed(`HTTP ${err.status ?? 'error'}`);
      throw aiFailed('no answer');
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = JSON.parse(content ?? '');
    } catch {
      throw aiFailed('not JSON');
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) throw aiFailed(`does not match the ${req.kind} schema`);
    return parsed.data.items as WriterItem[];
  }
}
