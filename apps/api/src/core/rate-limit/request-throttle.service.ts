import { Inject, Injectable } from '@nestjs/common';
import { tooManyRequests } from '../errors/domain-error.js';
import { COUNTER_STORE } from './login-throttle.service.js';
import type { CounterStore } from './rate-limit.store.js';

export interface ThrottleRule {
  /** What is counted, e.g. `register:ip:1.2.3.4`. */
  key: string;
  max: number;
  windowSeconds: number;
  /** Said in the 429, e.g. "sign-ups from your network". */
  what: string;
}

/**
 * Fixed-window limits for endpoints that send mail or create things (sign-up, password reset,
 * verification resend): every call counts, the one past the limit answers 429 with Retry-After.
 */
@Injectable()
export class RequestThrottle {
  constructor(@Inject(COUNTER_STORE) private readonly store: CounterStore) {}

  async hit(...rules: ThrottleRule[]): Promise<void> {
    for (const rule of rules) {
      const { count, ttlSeconds } = await this.store.increment(`req:${rule.key}`, rule.windowSeconds);
      if (count > rule.max) {
        throw tooManyRequests(ttlSeconds, `Too many ${rule.what}. Try again in ${ttlSeconds <= 60 ? `${ttlSeconds} seconds` : `${Math.ceil(ttlSeconds / 60)} minutes`}.`);
      }
    }
  }
}
