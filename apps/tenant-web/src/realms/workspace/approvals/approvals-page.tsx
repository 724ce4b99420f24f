import { useId, useState } from 'react';
import { Link, Route, Routes, useParams } from 'react-router-dom';
import { CheckCircle2, Inbox } from 'lucide-react';
import type { ApprovalView } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { useSessionState } from '@/lib/session';
import { ApprovalHistory, ApprovalStatusBadge } from './approval-history';
import { CommentForm } from './comment-form';
import { useApproval, useApprovals, useDecide } from './queries';

/** `/approvals`: the client portal's inbox (and the team's overview); `/approvals/:id` is one request. */
export function ApprovalsRoutes() {
  return (
    <Routes>
      <Route index element={<ApprovalsInbox />} />
      <Route path=":id" element={<ApprovalDetailPage />} />
    </Routes>
  );
}

const FILTERS = [
  { value: 'pending', label: 'Waiting' },
  { value: '', label: 'All' },
] as const;

function ApprovalsInbox() {
  const [status, setStatus] = useState<'pending' | ''>('pending');
  const list = useApprovals({ status: status || undefined });
  return (
    <div className="grid gap-6">
      <PageHeader title="Approvals" description="Content and plans sent for the client’s approval. Approve, or ask for changes with a comment." />
      <div className="flex gap-2" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <Button key={f.value} size="sm" variant={status === f.value ? 'default' : 'outline'} aria-pressed={status === f.value} onClick={() => setStatus(f.value)}>
            {f.label}
          </Button>
        ))}
      </div>
      {list.isPending ? (
        <TableSkeleton rows={3} columns={2} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyState icon={status === 'pending' ? CheckCircle2 : Inbox} title={status === 'pending' ? 'Nothing is waiting for approval' : 'No approval requests yet'} description="When the team sends content or a plan for approval, it appears here and you get an e-mail." />
      ) : (
        <div className="grid gap-4">
          {list.data.data.map((a) => (
            <ApprovalCard key={a.id} approval={a} />
          ))}
        </div>
      )}
    </div>
  );
}

function ApprovalDetailPage() {
  const { id = '' } = useParams();
  const one = useApproval(id);
  return (
    <div className="grid gap-6">
      <PageHeader title="Approval request" description={<Link to="/approvals" className="text-brand-ink hover:underline">All approvals</Link>} />
      {one.isPending ? <TableSkeleton rows={2} columns={2} /> : one.isError ? <ErrorState error={one.error} onRetry={() => void one.refetch()} /> : <ApprovalCard approval={one.data} expanded />}
    </div>
  );
}

/** What was sent, as it was when it was sent. */
function Snapshot({ approval }: { approval: ApprovalView }) {
  const s = approval.snapshot as { text?: string; kind?: string; tasks?: { day: number; date: string; type: string; title: string; suggestedTime: string | null }[] };
  if (approval.subjectType === 'content') return <pre className="whitespace-pre-wrap rounded-md bg-zinc-50 p-3 font-sans text-sm" data-testid="approval-snapshot">{s.text}</pre>;
  const tasks = s.tasks ?? [];
  return (
    <div className="grid gap-1 text-sm" data-testid="approval-snapshot">
      <p className="text-zinc-600">{tasks.length} tasks, for example:</p>
      <ul className="list-disc pl-5">
        {tasks.slice(0, 6).map((t, i) => (
          <li key={i}>
            Day {t.day} ({t.date}): {t.title}
            {t.suggestedTime ? ` at ${t.suggestedTime}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ApprovalCard({ approval, expanded = false }: { approval: ApprovalView; expanded?: boolean }) {
  const role = useSessionState().user?.role;
  const decide = useDecide(approval.id);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const pending = approval.status === 'pending';
  return (
    <Card data-testid="approval-card">
      <CardContent className="grid gap-3 pt-6">
        <div className="flex flex-wrap items-center gap-2">
          <h2 className="font-medium">
            <Link to={`/approvals/${approval.id}`} className="hover:underline">
              {approval.title}
            </Link>
          </h2>
          <span className="text-sm text-zinc-500">
            @{approval.username} · {approval.subjectType === 'plan' ? 'growth plan' : 'content'}
            {approval.requestedBy ? ` · sent by ${approval.requestedBy}` : ''}
          </span>
          <span className="ml-auto">
            <ApprovalStatusBadge status={approval.status} />
          </span>
        </div>
        <Snapshot approval={approval} />
        {role === 'client' && pending ? (
          <div className="grid gap-2">
            {asking ? (
              <form
                className="grid gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  decide.mutate({ decision: 'changes_requested', comment: comment.trim() });
                }}
              >
                <label htmlFor={commentId} className="text-sm font-medium">
                  What should change?
                </label>
                <textarea id={commentId} className="min-h-20 rounded-md border border-zinc-200 p-2 text-sm" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} required />
                <div className="flex gap-2">
                  <Button type="submit" size="sm" loading={decide.isPending} disabled={!comment.trim()}>
                    Send change request
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => setAsking(false)}>
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <div className="flex gap-2">
                <Button size="sm" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'approved' })}>
                  Approve
                </Button>
                <Button size="sm" variant="outline" onClick={() => setAsking(true)}>
                  Request changes
                </Button>
              </div>
            )}
            <ApiErrorAlert error={decide.error} />
          </div>
        ) : null}
        <details open={expanded}>
          <summary className="cursor-pointer text-sm font-medium text-brand-ink">History and replies</summary>
          <div className="mt-3 grid gap-3">
            <ApprovalHistory approvals={[approval]} />
            {approval.status !== 'withdrawn' ? <CommentForm approvalId={approval.id} /> : null}
          </div>
        </details>
      </CardContent>
    </Card>
  );
}
