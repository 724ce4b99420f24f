import type { ApprovalStatus, ApprovalSubject } from '@instagrowth/contracts';

/** Rows of `approval_requests` and `approval_events` (tenant-0010) as the repository returns them. */
export interface ApprovalRow {
  id: string;
  subjectType: ApprovalSubject;
  subjectId: string;
  accountId: string;
  username: string;
  title: string;
  snapshot: Record<string, unknown>;
  status: ApprovalStatus;
  requestedBy: string | null;
  requestedByName: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ApprovalEventRow {
  id: string;
  requestId: string;
  action: 'requested' | 'approved' | 'changes_requested' | 'commented' | 'withdrawn';
  actorId: string | null;
  actorName: string;
  actorRole: string;
  comment: string | null;
  createdAt: Date;
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
}
