import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { tooManyRequests } from '../errors/domain-error.js';
import type { CounterStore } from './rate-limit.store.js';

export const COUNTER_STORE = Symbol('COUNTER_STORE');

/**
 * Login failures counted per account and per IP. The account limit is low (guessing one
 * password), the IP limit higher (an office behind one NAT), so one attacked account does not
 * lock out its colleagues.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(COUNTER_STORE) private readonly store: CounterStore,
  ) {}

  async assertAllowed(scope: string, account: string, ip: string): Promise<void> {
    const { maxFailuresPerAccount, maxFailuresPerIp } = this.config.login;
    const [byAccount, byIp] = await Promise.all([this.store.get(accountKey(scope, account)), this.store.get(ipKey(ip))]);
    if (byAccount.count >= maxFailuresPerAccount) {
      throw tooManyRequests(byAccount.ttlSeconds, `Too many failed sign-ins for this account. Try again in ${minutes(byAccount.ttlSeconds)}.`);
    }
    if (byIp.count >= maxFailuresPerIp) {
      throw tooManyRequests(byIp.ttlSeconds, `Too many failed sign-ins from your network. Try again in ${minutes(byIp.ttlSeconds)}.`);
    }
  }

  /** Counts a failure; the failure that reaches a limit is itself answered with 429. */
  async recordFailure(scope: string, account: string, ip: string): Promise<void> {
    const { windowSeconds, maxFailuresPerAccount, maxFailuresPerIp } = this.config.login;
    const [byAccount, byIp] = await Promise.all([
      this.store.increment(accountKey(scope, account), windowSeconds),
      this.store.increment(ipKey(ip), windowSeconds),
    ]);
    if (byAccount.count >= maxFailuresPerAccount) {
      throw tooManyRequests(byAccount.ttlSeconds, `Too many failed sign-ins for this account. Try again in ${minutes(byAccount.ttlSeconds)}.`);
    }
    if (byIp.count >= maxFailuresPerIp) {
      throw tooManyRequests(byIp.ttlSeconds, `Too many failed sign-ins from your network. Try again in ${minutes(byIp.ttlSeconds)}.`);
    }
  }

  async recordSuccess(scope: string, account: string): Promise<void> {
    await this.store.reset(accountKey(scope, account));
  }
}

const accountKey = (scope: string, account: string) => `login:acct:${scope}:${account.toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;
const minutes = (seconds: number) => (seconds <= 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);
