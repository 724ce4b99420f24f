import type { TenantMigration } from './migration.js';

/**
 * The AI credits ledger: append-only entries (balance = their sum) and a one-row wallet that holds
 * the running balances, so a debit is one conditional UPDATE (`… where period + pack >= n`) that
 * concurrent debits serialise on: the balance can never go below zero.
 */
export const tenant0004Credits: TenantMigration = {
  name: '0004-credits',
  up: (s) => [
    `create table ${s}.credit_wallet (
      id smallint primary key default 1 check (id = 1),
      period_balance integer not null default 0 check (period_balance >= 0),
      pack_balance integer not null default 0 check (pack_balance >= 0),
      period_key text,
      period_allowance integer not null default 0,
      updated_at timestamptz not null default now()
    )`,
    `insert into ${s}.credit_wallet (id) values (1)`,
    `create table ${s}.credit_ledger (
      id uuid primary key,
      kind text not null check (kind in ('grant', 'debit', 'refund', 'adjustment')),
      bucket text not null check (bucket in ('period', 'pack')),
      amount integer not null,
      feature text,
      reason text,
      reference_id text,
      source_key text unique,
      actor_id uuid,
      balance_after integer not null,
      created_at timestamptz not null default clock_timestamp()
    )`,
    `create index credit_ledger_created_idx on ${s}.credit_ledger (created_at desc, id desc)`,
    `create index credit_ledger_reference_idx on ${s}.credit_ledger (reference_id) where reference_id is not null`,
  ],
};
