import { useState } from 'react';
import { Copy, Download, Library as LibraryIcon, Star, Trash2 } from 'lucide-react';
import { CONTENT_STATUSES, GENERATION_KINDS, type ContentItem, type ContentStatus, type GenerationKind } from '@instagrowth/contracts';
import { asSubject } from '@instagrowth/authz';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState } from '@/components/states';
import { toast } from '@/components/ui/toaster';
import { useAbility } from '../ability';
import { SendForApproval } from '../approvals/send-for-approval';
import { KIND_LABELS } from './generator';
import { downloadFile, useDeleteItem, useLibrary, useUpdateItem } from './queries';

const PAGE_SIZE = 20;

/** Search, filters, favourite, tags, status, copy, export, pages. */
export function Library({ accountId }: { accountId?: string }) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<GenerationKind | ''>('');
  const [status, setStatus] = useState<ContentStatus | ''>('');
  const [favourite, setFavourite] = useState(false);
  const [page, setPage] = useState(1);
  const filters = { accountId, q: q || undefined, kind: kind || undefined, status: status || undefined, favourite: favourite ? ('true' as const) : undefined };
  const library = useLibrary({ ...filters, page, pageSize: PAGE_SIZE });
  const [exportError, setExportError] = useState<unknown>(null);
  const exportAs = (format: 'csv' | 'json') => {
    const params = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, String(v));
    setExportError(null);
    downloadFile(`/api/content/export?${params}`, `content.${format}`).catch(setExportError);
  };
  const pages = library.data ? Math.max(1, Math.ceil(library.data.total / PAGE_SIZE)) : 1;
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-end gap-2">
        <Input aria-label="Search the library" placeholder="Search…" value={q} onChange={(e) => (setQ(e.target.value), setPage(1))} className="w-56" />
        <select aria-label="Kind" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={kind} onChange={(e) => (setKind(e.target.value as GenerationKind | ''), setPage(1))}>
          <option value="">All kinds</option>
          {GENERATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select aria-label="Status" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={status} onChange={(e) => (setStatus(e.target.value as ContentStatus | ''), setPage(1))}>
          <option value="">Any status</option>
          {CONTENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={favourite} onChange={(e) => (setFavourite(e.target.checked), setPage(1))} /> Favourites
        </label>
        <div className="ml-auto flex gap-2">
          <Button variant="outline" size="sm" onClick={() => exportAs('csv')}>
            <Download /> Export CSV
          </Button>
          <Button variant="outline" size="sm" onClick={() => exportAs('json')}>
            <Download /> Export JSON
          </Button>
        </div>
      </div>
      {exportError ? <ApiErrorAlert error={exportError} /> : null}
      {library.isLoading ? <Skeleton className="h-40 w-full" aria-label="Loading" /> : null}
      {library.error ? <ErrorState error={library.error} onRetry={() => library.refetch()} /> : null}
      {library.data && !library.data.data.length ? <EmptyState icon={LibraryIcon} title="The library is empty" description="Generate content and press Save on the items you want to keep; clients see items once they are approved." /> : null}
      {library.data?.data.map((item) => <LibraryRow key={item.id} item={item} />)}
      {library.data && pages > 1 ? (
        <div className="flex items-center gap-2 text-sm">
          <Button size="sm" variant="outline" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          Page {page} of {pages}
          <Button size="sm" variant="outline" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function LibraryRow({ item }: { item: ContentItem }) {
  const ability = useAbility();
  const canEdit = ability.can('update', asSubject('Content', { accountId: item.accountId, status: item.status }));
  const update = useUpdateItem();
  const remove = useDeleteItem();
  const [tags, setTags] = useState(item.tags.join(', '));
  const [text, setText] = useState(item.text);
  return (
    <Card data-testid="library-item">
      <CardContent className="grid gap-2 pt-6">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-medium">{item.title}</h3>
          <Badge variant="outline">{KIND_LABELS[item.kind]}</Badge>
          <Badge variant="outline">{item.source === 'offline' ? 'offline' : 'AI'}</Badge>
          {canEdit ? (
            <select aria-label="Status of the item" className="ml-auto h-8 rounded-md border border-zinc-200 px-2 text-sm" value={item.status} onChange={(e) => update.mutate({ id: item.id, status: e.target.value as ContentStatus })}>
              {CONTENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            <Badge className="ml-auto">{item.status}</Badge>
          )}
        </div>
        {canEdit ? (
          <textarea aria-label="Text of the item" className="min-h-24 rounded-md border border-zinc-200 p-2 text-sm" value={text} onChange={(e) => setText(e.target.value)} onBlur={() => text !== item.text && update.mutate({ id: item.id, text })} />
        ) : (
          <pre className="whitespace-pre-wrap font-sans text-sm">{item.text}</pre>
        )}
        <div className="flex flex-wrap items-center gap-2">
          {canEdit ? (
            <>
              <Button size="sm" variant="ghost" aria-label={item.favourite ? 'Unfavourite' : 'Favourite'} onClick={() => update.mutate({ id: item.id, favourite: !item.favourite })}>
                <Star className={item.favourite ? 'fill-amber-400 text-amber-500' : ''} />
              </Button>
              <Input aria-label="Tags" className="h-8 w-56" value={tags} onChange={(e) => setTags(e.target.value)} onBlur={() => update.mutate({ id: item.id, tags: tags.split(',').map((t) => t.trim()).filter(Boolean) })} placeholder="tags, comma-separated" />
            </>
          ) : null}
          <Button size="sm" variant="outline" onClick={() => navigator.clipboard?.writeText(item.text).then(() => toast({ title: 'Copied' }))}>
            <Copy /> Copy
          </Button>
          {canEdit ? (
            <Button size="sm" variant="ghost" aria-label="Delete" onClick={() => remove.mutate(item.id)}>
              <Trash2 />
            </Button>
          ) : null}
        </div>
        {update.error || remove.error ? <ApiErrorAlert error={update.error ?? remove.error} /> : null}
        <SendForApproval subjectType="content" subjectId={item.id} accountId={item.accountId} disabled={['approved', 'scheduled', 'posted'].includes(item.status)} />
      </CardContent>
    </Card>
  );
}
