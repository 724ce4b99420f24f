import { useId, useState } from 'react';
import { Send } from 'lucide-react';
import { asSubject } from '@instagrowth/authz';
import type { ApprovalSubject } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { toast } from '@/components/ui/toaster';
import { useAbility } from '../ability';
import { ApprovalHistory, ApprovalStatusBadge } from './approval-history';
import { CommentForm } from './comment-form';
import { useApprovals, useSendForApproval, useWithdraw } from './queries';

/**
 * On a content item or a plan: its approval state, "Send for approval" (with a note for the
 * client), a reply box while it waits, and the history timeline.
 */
export function SendForApproval({ subjectType, subjectId, accountId, disabled }: { subjectType: ApprovalSubject; subjectId: string; accountId: string; disabled?: boolean }) {
  const ability = useAbility();
  const canSend = ability.can('create', asSubject('Approval', { accountId }));
  const history = useApprovals({ subjectType, subjectId }, ability.can('read', asSubject('Approval', { accountId })));
  const send = useSendForApproval();
  const [open, setOpen] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [note, setNote] = useState('');
  const noteId = useId();
  const latest = history.data?.data[0];
  const pending = latest?.status === 'pending';
  const withdraw = useWithdraw(latest?.id ?? '');

  return (
    <div className="grid gap-2" data-testid="approval-panel">
      <div className="flex flex-wrap items-center gap-2">
        {latest ? <ApprovalStatusBadge status={latest.status} /> : null}
        {canSend && !pending && !disabled ? (
          <Button size="sm" variant="outline" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            <Send /> Send for approval
          </Button>
        ) : null}
        {canSend && pending ? (
          <Button size="sm" variant="ghost" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
            Withdraw
          </Button>
        ) : null}
        {history.data?.data.length ? (
          <Button size="sm" variant="link" onClick={() => setShowHistory((s) => !s)} aria-expanded={showHistory}>
            {showHistory ? 'Hide history' : 'History'}
          </Button>
        ) : null}
      </div>
      {open ? (
        <form
          className="grid gap-2 rounded-md border border-zinc-200 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate(
              { subjectType, subjectId, note: note.trim() || undefined },
              { onSuccess: () => (setOpen(false), setNote(''), setShowHistory(true), toast({ title: 'Sent to the client for approval' })) },
            );
          }}
        >
          <label htmlFor={noteId} className="text-sm font-medium">
            Note for the client (optional)
          </label>
          <textarea id={noteId} className="min-h-16 rounded-md border border-zinc-200 p-2 text-sm" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          <ApiErrorAlert error={send.error} />
          <Button type="submit" size="sm" className="w-fit" loading={send.isPending}>
            Send to the client
          </Button>
        </form>
      ) : null}
      {showHistory && history.data ? (
        <div className="grid gap-3">
          <ApprovalHistory approvals={history.data.data} />
          {latest && latest.status !== 'withdrawn' ? <CommentForm approvalId={latest.id} /> : null}
        </div>
      ) : null}
      {history.error ? <ApiErrorAlert error={history.error} /> : null}
    </div>
  );
}
