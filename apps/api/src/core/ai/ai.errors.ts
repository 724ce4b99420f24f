import { DomainError } from '../errors/domain-error.js';

/** The model's answer did not parse or failed validation twice. */
export class AiMalformedError extends DomainError {
  constructor(detail: string) {
    super('ai_malformed', 502, `The AI answer could not be used (${detail}). Nothing was charged; try again.`);
  }
}

/** The AI service timed out or failed after its retries. */
export class AiUnavailableError extends DomainError {
  constructor(readonly reason: 'timeout' | 'error', detail: string) {
    super(reason === 'timeout' ? 'ai_timeout' : 'ai_unavailable', reason === 'timeout' ? 504 : 502,
      reason === 'timeout' ? 'The AI service did not answer in time. Nothing was charged; try again.' : `The AI service failed (${detail}). Nothing was charged; try again.`);
  }
}
