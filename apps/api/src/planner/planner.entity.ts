import type { TaskType } from '@instagrowth/contracts';
import type { BuiltPlan, PlanGoal } from './plan-builder.js';

export interface PlanRow {
  id: string;
  accountId: string;
  days: number;
  startDate: string;
  timeZone: string;
  basis: string;
  bestTimes: BuiltPlan['bestTimes'];
  mix: BuiltPlan['mix'];
  goals: PlanGoal[];
  createdAt: Date;
  /** The audit the plan was built from (basis `audit`). */
  auditId: string | null;
  auditAt: Date | null;
}

export interface TaskRow {
  id: string;
  planId: string;
  day: number;
  position: number;
  type: TaskType;
  title: string;
  details: string;
  format: string | null;
  suggestedTime: string | null;
  doneAt: Date | null;
}

export interface PlanShareLinkRow {
  id: string;
  planId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  openCount: number;
  createdAt: Date;
}
