import type { AuditNarrative } from '@instagrowth/contracts';
import type { Audit } from '@instagrowth/growth-engine';

export type AuditStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface AuditRow {
  id: string;
  accountId: string;
  username: string;
  status: AuditStatus;
  percent: number;
  step: string;
  steps: { step: string; percent: number; at: string }[];
  source: 'ai' | 'offline' | null;
  narrativeFallback: boolean;
  credits: number;
  timeZone: string;
  result: Audit | null;
  narrative: AuditNarrative | null;
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface ShareLinkRow {
  id: string;
  auditId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  openCount: number;
  lastOpenedAt: Date | null;
  createdAt: Date;
}
