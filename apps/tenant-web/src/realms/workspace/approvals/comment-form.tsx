import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { useComment } from './queries';

/** A reply on an approval request (team or client); the other side is mailed. */
export function CommentForm({ approvalId }: { approvalId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const comment = useComment(approvalId);
  return (
    <form
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) comment.mutate(text.trim(), { onSuccess: () => setText('') });
      }}
    >
      <label htmlFor={id} className="text-sm font-medium">
        Reply
      </label>
      <textarea id={id} className="min-h-16 rounded-md border border-zinc-200 p-2 text-sm" value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} />
      <ApiErrorAlert error={comment.error} />
      <Button type="submit" size="sm" variant="outline" className="w-fit" loading={comment.isPending} disabled={!text.trim()}>
        Send reply
      </Button>
    </form>
  );
}
