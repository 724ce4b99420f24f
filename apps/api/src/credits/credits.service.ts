import { Inject, Injectable } from '@nestjs/common';
import type { CreditBucket, CreditsResponse } from '@instagrowth/contracts';
import { DomainError } from '../core/errors/domain-error.js';
import { CREDIT_ALLOWANCE_SOURCE, type CreditAllowanceSource } from './credit-allowance.js';
import type { CreditLedgerRow, CreditWalletRow } from './credits.entity.js';
import { CreditsRepository } from './credits.repository.js';

export const creditsExhausted = (needed: number, balance: number, renewsAt: Date | null) =>
  new DomainError(
    'credits_exhausted',
    402,
    `This needs ${needed} AI credit${needed === 1 ? '' : 's'} and the workspace has ${balance} left. ` +
      (renewsAt ? `Credits renew on ${renewsAt.toISOString().slice(0, 10)}; ` : '') +
      'an owner can buy a credit pack or upgrade the plan on the billing page.',
  );

export interface DebitInput {
  amount: number;
  /** What the credits pay for: `audit`, `caption`, … */
  feature: string;
  /** The generation/audit record the debit belongs to; refunds find the debit by it. */
  referenceId: string;
  actorId?: string | null;
}

export interface GrantInput {
  amount: number;
  bucket: CreditBucket;
  feature: string;
  /** Idempotency key: a second grant with the same key changes nothing (e.g. a Stripe event id). */
  sourceKey: string;
  reason?: string | null;
  actorId?: string | null;
}

const total = (w: CreditWalletRow) => w.periodBalance + w.packBalance;

/**
 * The AI credits ledger of the current workspace. Every change runs in a unit of work that locks
 * the wallet row first, so concurrent debits serialise and the balance never goes below zero; a
 * caller that opened its own unit of work (to insert the record a debit pays for) shares it.
 */
@Injectable()
export class CreditsService {
  constructor(
    private readonly repo: CreditsRepository,
    @Inject(CREDIT_ALLOWANCE_SOURCE) private readonly allowance: CreditAllowanceSource,
  ) {}

  /** Takes `amount` credits (period credits first) or throws 402 `credits_exhausted`; nothing is written then. */
  async debit(input: DebitInput, now = new Date()): Promise<CreditLedgerRow[]> {
    if (!Number.isInteger(input.amount) || input.amount <= 0) throw new Error(`Debit amount must be a positive integer, got ${input.amount}`);
    return this.repo.unitOfWork(async () => {
      const { wallet, endsAt } = await this.lockCurrentPeriod(now);
      if (total(wallet) < input.amount) throw creditsExhausted(input.amount, total(wallet), endsAt);
      const fromPeriod = Math.min(wallet.periodBalance, input.amount);
      const fromPack = input.amount - fromPeriod;
      const next = { ...wallet, periodBalance: wallet.periodBalance - fromPeriod, packBalance: wallet.packBalance - fromPack };
      await this.repo.writeWallet(next);
      const entries: CreditLedgerRow[] = [];
      let running = total(wallet);
      for (const [bucket, amount] of [['period', fromPeriod], ['pack', fromPack]] as const) {
        if (!amount) continue;
        running -= amount;
        entries.push(await this.repo.append({ kind: 'debit', bucket, amount: -amount, feature: input.feature, reason: null, referenceId: input.referenceId, sourceKey: null, actorId: input.actorId ?? null }, running));
      }
      return entries;
    });
  }

  /** Gives back every not-yet-refunded debit of `referenceId` (a failed generation). Idempotent; returns the credits returned. */
  async refund(referenceId: string, reason: string, now = new Date()): Promise<number> {
    return this.repo.unitOfWork(async () => {
      const { wallet } = await this.lockCurrentPeriod(now);
      const debits = await this.repo.unrefundedDebits(referenceId);
      const next = { ...wallet };
      let returned = 0;
      for (const debit of debits) {
        const amount = -debit.amount;
        if (debit.bucket === 'period') next.periodBalance += amount;
        else next.packBalance += amount;
        returned += amount;
        await this.repo.append({ kind: 'refund', bucket: debit.bucket, amount, feature: debit.feature, reason, referenceId, sourceKey: `refund:${debit.id}`, actorId: null }, total(next));
      }
      if (returned) await this.repo.writeWallet(next);
      return returned;
    });
  }

  /** Adds credits once per `sourceKey` (a pack purchase, an admin grant). Returns false for a repeat. */
  async grant(input: GrantInput, now = new Date()): Promise<boolean> {
    if (!Number.isInteger(input.amount) || input.amount <= 0) throw new Error(`Grant amount must be a positive integer, got ${input.amount}`);
    return this.repo.unitOfWork(async () => {
      const { wallet } = await this.lockCurrentPeriod(now);
      if (await this.repo.hasSourceKey(input.sourceKey)) return false;
      const next = input.bucket === 'period' ? { ...wallet, periodBalance: wallet.periodBalance + input.amount } : { ...wallet, packBalance: wallet.packBalance + input.amount };
      await this.repo.writeWallet(next);
      await this.repo.append({ kind: 'grant', bucket: input.bucket, amount: input.amount, feature: input.feature, reason: input.reason ?? null, referenceId: null, sourceKey: input.sourceKey, actorId: input.actorId ?? null }, total(next));
      return true;
    });
  }

  /**
   * A signed correction by a person (super-admin "grant credits", support fixes), on pack credits.
   * A negative adjustment never takes the balance below zero.
   */
  async adjust(amount: number, reason: string, actorId: string | null, sourceKey: string | null = null, now = new Date()): Promise<CreditLedgerRow> {
    if (!Number.isInteger(amount) || amount === 0) throw new Error(`Adjustment must be a non-zero integer, got ${amount}`);
    return this.repo.unitOfWork(async () => {
      const { wallet } = await this.lockCurrentPeriod(now);
      const applied = Math.max(amount, -wallet.packBalance);
      const next = { ...wallet, packBalance: wallet.packBalance + applied };
      await this.repo.writeWallet(next);
      return this.repo.append({ kind: 'adjustment', bucket: 'pack', amount: applied, feature: 'adjustment', reason, referenceId: null, sourceKey, actorId }, total(next));
    });
  }

  /** Balance and a page of entries (newest first). Starting a new period is part of reading it. */
  async overview(limit: number, before?: string, now = new Date()): Promise<CreditsResponse> {
    const { wallet, key, allowance } = await this.repo.unitOfWork(async () => {
      const locked = await this.lockCurrentPeriod(now);
      return { wallet: locked.wallet, key: locked.key, allowance: locked.wallet.periodAllowance };
    });
    const [rows, used] = await Promise.all([this.repo.page(limit + 1, before), this.repo.periodUsed(key)]);
    const entries = rows.slice(0, limit);
    return {
      balance: total(wallet),
      periodBalance: wallet.periodBalance,
      packBalance: wallet.packBalance,
      period: { key, allowance, used },
      entries: entries.map((e) => ({ id: e.id, kind: e.kind, bucket: e.bucket, amount: e.amount, feature: e.feature, reason: e.reason, referenceId: e.referenceId, balanceAfter: e.balanceAfter, createdAt: e.createdAt.toISOString() })),
      nextBefore: rows.length > limit ? entries[entries.length - 1].id : null,
    };
  }

  /**
   * Locks the wallet and, on the first operation of a new period, lapses the last period's unused
   * credits (an adjustment) and grants this period's allowance (one `grant:<key>` entry, ever).
   */
  private async lockCurrentPeriod(now: Date): Promise<{ wallet: CreditWalletRow; key: string; endsAt: Date | null }> {
    const [wallet, allowance] = await Promise.all([this.repo.lockWallet(), this.allowance.current(now)]);
    if (wallet.periodKey === allowance.key) return { wallet, key: allowance.key, endsAt: allowance.endsAt };
    let next: CreditWalletRow = { ...wallet, periodKey: allowance.key, periodAllowance: allowance.amount };
    if (wallet.periodBalance > 0) {
      next = { ...next, periodBalance: 0 };
      await this.repo.append({ kind: 'adjustment', bucket: 'period', amount: -wallet.periodBalance, feature: 'period_expiry', reason: `Unused credits of ${wallet.periodKey} lapsed`, referenceId: null, sourceKey: null, actorId: null }, total(next));
    }
    if (allowance.amount > 0 && !(await this.repo.hasSourceKey(`grant:${allowance.key}`))) {
      next = { ...next, periodBalance: next.periodBalance + allowance.amount };
      await this.repo.append({ kind: 'grant', bucket: 'period', amount: allowance.amount, feature: allowance.feature, reason: `Allowance for ${allowance.key}`, referenceId: null, sourceKey: `grant:${allowance.key}`, actorId: null }, total(next));
    }
    await this.repo.writeWallet(next);
    return { wallet: next, key: allowance.key, endsAt: allowance.endsAt };
  }
}
