import type { ApprovalView } from '@instagrowth/contracts';
import { Badge, type BadgeProps } from '@/components/ui/badge';

const ACTION_TEXT: Record<ApprovalView['events'][number]['action'], string> = {
  requested: 'sent it for approval',
  approved: 'approved it',
  changes_requested: 'requested changes',
  commented: 'commented',
  withdrawn: 'withdrew the request',
};

export const STATUS_LABEL: Record<ApprovalView['status'], string> = {
  pending: 'Waiting for the client',
  approved: 'Approved',
  changes_requested: 'Changes requested',
  withdrawn: 'Withdrawn',
};
const STATUS_VARIANT: Record<ApprovalView['status'], BadgeProps['variant']> = { pending: 'warning', approved: 'success', changes_requested: 'destructive', withdrawn: 'secondary' };

export function ApprovalStatusBadge({ status }: { status: ApprovalView['status'] }) {
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="approval-status">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Who did what and when, oldest first, across every round of approval of one item. */
export function ApprovalHistory({ approvals }: { approvals: ApprovalView[] }) {
  const events = [...approvals].reverse().flatMap((a) => a.events);
  if (!events.length) return <p className="text-sm text-zinc-500">No approval history yet.</p>;
  return (
    <ol className="grid gap-2 border-l-2 border-zinc-200 pl-4" aria-label="Approval history" data-testid="approval-history">
      {events.map((e) => (
        <li key={e.id} className="text-sm">
          <span className="font-medium">{e.actorName}</span> <span className="text-zinc-500">({e.actorRole})</span> {ACTION_TEXT[e.action]}
          <time className="ml-2 text-xs text-zinc-500" dateTime={e.at}>
            {when(e.at)}
          </time>
          {e.comment ? <blockquote className="mt-1 rounded-md bg-zinc-50 px-3 py-2 text-zinc-700">“{e.comment}”</blockquote> : null}
        </li>
      ))}
    </ol>
  );
}
