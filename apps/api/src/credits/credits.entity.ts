import type { CreditBucket, CreditEntryKind } from '@instagrowth/contracts';

/** A row of `credit_ledger` (append-only; balance = the sum of `amount`). */
export interface CreditLedgerRow {
  id: string;
  kind: CreditEntryKind;
  bucket: CreditBucket;
  amount: number;
  feature: string | null;
  reason: string | null;
  referenceId: string | null;
  sourceKey: string | null;
  actorId: string | null;
  balanceAfter: number;
  createdAt: Date;
}

/** The one row of `credit_wallet`: running balances kept in step with the ledger. */
export interface CreditWalletRow {
  periodBalance: number;
  packBalance: number;
  periodKey: string | null;
  periodAllowance: number;
}

export type NewCreditEntry = Omit<CreditLedgerRow, 'id' | 'createdAt' | 'balanceAfter'>;
