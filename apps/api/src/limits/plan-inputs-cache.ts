/**
 * The CacheBus topic of the effective-plan inputs cached by LimitsRepository (a workspace id, or
 * '*' for every workspace). Whatever writes control.subscriptions, control.plans or a tenant's
 * plan_code / trial_ends_at publishes it after commit: `db.afterCommit(() => bus.publish(PLAN_INPUTS_TOPIC, String(tenantId)))`.
 */
export const PLAN_INPUTS_TOPIC = 'plan-inputs';
/** Read on every list that shows a limit; a lost invalidation (Redis down) is stale for at most the TTL. */
export const PLAN_INPUTS_CACHE = { max: 10_000, ttlMs: 30_000 };
