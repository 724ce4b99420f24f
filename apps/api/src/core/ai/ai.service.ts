import { Inject, Injectable, Logger } from '@nestjs/common';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { z } from 'zod';
import { OPENAI_PRICE_TABLE, parsePriceTable } from '@instagrowth/contracts';
import { SettingsService } from '../settings/settings.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AiMalformedError, AiUnavailableError } from './ai.errors.js';
import { AiUsageRepository } from './ai-usage.repository.js';

export interface AiSettings {
  apiKey: string;
  baseUrl?: string;
  model: string;
}

export interface StructuredRequest<T> {
  feature: string;
  referenceId: string | null;
  schemaName: string;
  schema: z.ZodType<T>;
  system: string;
  user: string;
  /** Extra check on a well-formed answer (e.g. no invented numbers); a message rejects it. */
  check?: (value: T) => string | null;
}

export type StructuredResult<T> =
  | { ok: true; value: T; model: string; attempts: number }
  /** Well-formed JSON that `check` rejected twice: the caller decides what to fall back to. */
  | { ok: false; rejected: string; model: string; attempts: number };

/**
 * The one door to the language model: official SDK, key/base URL/model from the super-admin's settings
 * else env, structured output (zod → JSON schema), one retry for a malformed or rejected answer, SDK
 * retries with backoff for 429/5xx, a per-request timeout, usage recorded for every call made.
 */
@Injectable()
export class AiService {
  private readonly logger = new Logger('AI');
  private client: { key: string; openai: OpenAI } | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
    private readonly usage: AiUsageRepository,
  ) {}

  /** Null when no API key is configured: callers use the offline writer then. */
  async settingsOrNull(): Promise<AiSettings | null> {
    const { 'openai.apiKey': apiKey, 'openai.baseUrl': baseUrl, 'openai.model': model } = await this.settings.getMany(['openai.apiKey', 'openai.baseUrl', 'openai.model']);
    const key = apiKey || this.config.openai.apiKey;
    if (!key) return null;
    return { apiKey: key, baseUrl: baseUrl || this.config.openai.baseUrl, model: model || this.config.openai.model };
  }

  /** The super-admin's price table (settings) else OPENAI_PRICES. */
  async prices(): Promise<Record<string, { input: number; output: number }>> {
    const table = await this.settings.get('openai.prices');
    return table && OPENAI_PRICE_TABLE.test(table) ? parsePriceTable(table) : this.config.openai.prices;
  }

  /**
   * Estimated USD for a call; unknown models are priced like the first entry of the table. The API
   * answers the dated snapshot of an alias (`gpt-4o` → `gpt-4o-2024-08-06`): it is priced as its alias.
   */
  cost(model: string, promptTokens: number, completionTokens: number, prices = this.config.openai.prices): number {
    const price = prices[model] ?? prices[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')] ?? Object.values(prices)[0] ?? { input: 0, output: 0 };
    return Math.round(((promptTokens * price.input + completionTokens * price.output) / 1e6) * 1e6) / 1e6;
  }

  private sdk(s: AiSettings): OpenAI {
    const key = `${s.apiKey}|${s.baseUrl ?? ''}`;
    if (this.client?.key !== key) {
      this.client = { key, openai: new OpenAI({ apiKey: s.apiKey, baseURL: s.baseUrl, timeout: this.config.openai.timeoutMs, maxRetries: this.config.openai.maxRetries }) };
    }
    return this.client.openai;
  }

  async structured<T>(settings: AiSettings, req: StructuredRequest<T>): Promise<StructuredResult<T>> {
    const openai = this.sdk(settings);
    const jsonSchema = z.toJSONSchema(req.schema, { target: 'draft-7' }) as Record<string, unknown>;
    delete jsonSchema.$schema;
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'system', content: req.system },
      { role: 'user', content: req.user },
    ];
    let lastProblem = '';
    let rejected: string | null = null;
    for (let attempt = 1; attempt <= 2; attempt++) {
      let completion: OpenAI.ChatCompletion;
      const started = Date.now();
      try {
        completion = await openai.chat.completions.create({
          model: settings.model,
          messages,
          response_format: { type: 'json_schema', json_schema: { name: req.schemaName, strict: true, schema: jsonSchema } },
        });
      } catch (error) {
        // The SDK reports its own abort as a timeout, except where the abort error comes from another realm
        // (seen under jest): a connection error after at least the timeout is one too.
        const timedOut = error instanceof APIConnectionTimeoutError || (error instanceof APIConnectionError && Date.now() - started >= this.config.openai.timeoutMs);
        if (timedOut) throw new AiUnavailableError('timeout', 'timeout');
        // The SDK's message already starts with the status (`429 Rate limit reached …`).
        const detail = error instanceof APIError ? (error.status ? error.message : `network ${error.message}`) : String(error);
        this.logger.warn(`AI call failed: ${detail}`);
        throw new AiUnavailableError('error', detail.slice(0, 200));
      }
      const model = completion.model || settings.model;
      await this.usage.record({
        feature: req.feature,
        referenceId: req.referenceId,
        model,
        promptTokens: completion.usage?.prompt_tokens ?? 0,
        completionTokens: completion.usage?.completion_tokens ?? 0,
        costUsd: this.cost(model, completion.usage?.prompt_tokens ?? 0, completion.usage?.completion_tokens ?? 0, await this.prices()),
      });
      const choice = completion.choices[0];
      // Structured outputs' documented refusal: no content, the reason in `refusal`. Asking again gets the same.
      if (choice?.message?.refusal) throw new AiMalformedError(`the model refused: ${choice.message.refusal.slice(0, 200)}`);
      const content = choice?.message?.content ?? '';
      const parsed = parseJson(content);
      const checked = parsed === undefined ? null : req.schema.safeParse(parsed);
      if (!checked || !checked.success) {
        const cut = choice?.finish_reason === 'length' ? 'cut off at the token limit' : choice?.finish_reason === 'content_filter' ? 'cut off by the content filter' : null;
        lastProblem = cut ?? (!checked ? 'not JSON' : `does not match the schema: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`);
        rejected = null;
      } else {
        const problem = req.check?.(checked.data) ?? null;
        if (!problem) return { ok: true, value: checked.data, model, attempts: attempt };
        lastProblem = problem;
        rejected = problem;
      }
      messages.push({ role: 'assistant', content }, { role: 'user', content: `Your answer was rejected: ${lastProblem}. Answer again with the corrected JSON only.` });
    }
    if (rejected) return { ok: false, rejected, model: settings.model, attempts: 2 };
    throw new AiMalformedError(lastProblem);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
