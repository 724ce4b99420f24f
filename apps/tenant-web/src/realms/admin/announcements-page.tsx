import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Megaphone, Plus } from 'lucide-react';
import type { AnnouncementView } from '@instagrowth/contracts';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DataTable, type Column } from '@/components/data-table';
import { EmptyState, PageHeader } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Label } from '@/components/ui/label';
import { adminApi } from '@/lib/admin-session';
import { formatDateTime } from '@/lib/utils';
import { InputField } from './console-controls';

const PLANS = ['starter', 'pro', 'agency', 'enterprise'];
/** `datetime-local` value (local time) ↔ ISO instant. */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (v: string) => new Date(v).toISOString();

function AnnouncementDialog({ open, onOpenChange, editing }: { open: boolean; onOpenChange: (o: boolean) => void; editing: AnnouncementView | null }) {
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [plans, setPlans] = useState<string[]>(editing?.plans ?? []);
  const [startsAt, setStartsAt] = useState(toLocal(editing?.startsAt ?? new Date().toISOString()));
  const [endsAt, setEndsAt] = useState(toLocal(editing?.endsAt ?? null));
  const save = useMutation({
    mutationFn: () => {
      const input = { title, body, plans, startsAt: fromLocal(startsAt), endsAt: endsAt ? fromLocal(endsAt) : null };
      return editing ? adminApi.call('PUT /api/admin-panel/announcements/:id', { params: { id: editing.id }, body: input }) : adminApi.call('POST /api/admin-panel/announcements', { body: input });
    },
    onSuccess: async () => {
      onOpenChange(false);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'announcements'] });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }
  return (
    <Dialog open={open} onOpenChange={(o) => !save.isPending && onOpenChange(o)}>
      <DialogContent className="sm:max-w-lg">
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{editing ? 'Edit announcement' : 'New announcement'}</DialogTitle>
            <DialogDescription>Shown as a dismissible banner in the workspaces of the chosen plans (all plans when none is ticked), from its start to its end.</DialogDescription>
          </DialogHeader>
          <InputField id="ann-title" label="Title" required maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} />
          <div className="grid gap-1.5">
            <Label htmlFor="ann-body">Message</Label>
            <textarea id="ann-body" required maxLength={2000} className="min-h-24 rounded-md border border-zinc-200 p-2 text-sm" value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="mb-1 text-sm font-medium">Audience</legend>
            <div className="flex flex-wrap gap-3">
              {PLANS.map((p) => (
                <label key={p} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={plans.includes(p)} onChange={(e) => setPlans(e.target.checked ? [...plans, p] : plans.filter((x) => x !== p))} />
                  {p}
                </label>
              ))}
            </div>
            <p className="text-xs text-zinc-500">{plans.length ? `Only ${plans.join(', ')} workspaces.` : 'Every workspace.'}</p>
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <InputField id="ann-start" label="Starts" type="datetime-local" required value={startsAt} onChange={(e) => setStartsAt(e.target.value)} />
            <InputField id="ann-end" label="Ends (optional)" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} />
          </div>
          <ApiErrorAlert error={save.error} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={save.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? 'Save' : 'Publish'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function state(a: AnnouncementView, now = Date.now()): string {
  if (Date.parse(a.startsAt) > now) return 'scheduled';
  if (a.endsAt && Date.parse(a.endsAt) <= now) return 'ended';
  return 'running';
}

export function AnnouncementsPage() {
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['admin', 'announcements'], queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/announcements', { signal }) });
  const [dialog, setDialog] = useState<{ editing: AnnouncementView | null; key: number } | null>(null);
  const [deleting, setDeleting] = useState<AnnouncementView | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.call('DELETE /api/admin-panel/announcements/:id', { params: { id } }),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: ['admin', 'announcements'] });
    },
  });
  const columns: Column<AnnouncementView>[] = [
    { id: 'title', header: 'Announcement', cell: (a) => (<><p className="font-medium text-zinc-900">{a.title}</p><p className="line-clamp-1 text-xs text-zinc-500">{a.body}</p></>) },
    { id: 'audience', header: 'Audience', className: 'text-zinc-600', cell: (a) => (a.plans.length ? a.plans.join(', ') : 'All plans') },
    { id: 'when', header: 'When', hideBelow: 'md', className: 'text-zinc-600 text-xs', cell: (a) => `${formatDateTime(a.startsAt)} → ${a.endsAt ? formatDateTime(a.endsAt) : 'no end'}` },
    { id: 'state', header: 'State', cell: (a) => state(a) },
    {
      id: 'actions',
      header: 'Actions',
      srOnlyHeader: true,
      className: 'text-right whitespace-nowrap',
      cell: (a) => (
        <>
          <Button variant="ghost" size="sm" onClick={() => setDialog({ editing: a, key: Date.now() })} aria-label={`Edit ${a.title}`}>
            Edit
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setDeleting(a)} aria-label={`Delete ${a.title}`}>
            Delete
          </Button>
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Announcements"
        description="Banners in workspaces, by plan, between a start and an end. Members dismiss them one by one."
        actions={
          <Button size="sm" onClick={() => setDialog({ editing: null, key: Date.now() })}>
            <Plus /> New announcement
          </Button>
        }
      />
      <Card className="gap-0 py-0">
        <CardContent className="px-0">
          <DataTable
            label="Announcements"
            rows={list.data?.data}
            loading={list.isPending}
            error={list.error}
            onRetry={() => void list.refetch()}
            rowKey={(a) => a.id}
            rowTestId="announcement-row"
            columns={columns}
            empty={<EmptyState icon={Megaphone} title="No announcements" description="Publish one to tell workspaces about maintenance, features or offers." />}
          />
        </CardContent>
      </Card>
      {dialog ? <AnnouncementDialog key={dialog.key} open onOpenChange={(o) => !o && setDialog(null)} editing={dialog.editing} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete “${deleting?.title ?? ''}”?`}
        description="It disappears from every workspace at once."
        confirmLabel="Delete announcement"
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
      />
    </>
  );
}
