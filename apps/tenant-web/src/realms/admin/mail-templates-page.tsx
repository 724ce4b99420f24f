import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Eye, FileText, RotateCcw, Save, Send } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Field } from '@/components/field';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { cn } from '@/lib/utils';

type Source = { subject: string; html: string; text: string };
const textareaClass = 'min-h-40 w-full rounded-md border border-zinc-300 bg-white p-2 font-mono text-xs text-zinc-900 focus-visible:ring-2 focus-visible:ring-zinc-400 focus-visible:outline-none';

function TemplateEditor({ templateKey }: { templateKey: string }) {
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['admin', 'mail-template', templateKey],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/mail/templates/:key', { params: { key: templateKey }, signal }),
  });
  const [draft, setDraft] = useState<Source | null>(null);
  const [view, setView] = useState<'html' | 'text'>('html');
  const [testTo, setTestTo] = useState('');
  useEffect(() => setDraft(detail.data ? detail.data.source : null), [detail.data]);

  const refresh = (data: unknown) => {
    client.setQueryData(['admin', 'mail-template', templateKey], data);
    void client.invalidateQueries({ queryKey: ['admin', 'mail-templates'] });
  };
  const preview = useMutation({ mutationFn: (d: Source) => adminApi.call('POST /api/admin-panel/mail/templates/:key/preview', { params: { key: templateKey }, body: { draft: d } }) });
  const save = useMutation({ mutationFn: (d: Source) => adminApi.call('PUT /api/admin-panel/mail/templates/:key', { params: { key: templateKey }, body: d }), onSuccess: refresh });
  const reset = useMutation({ mutationFn: () => adminApi.call('DELETE /api/admin-panel/mail/templates/:key', { params: { key: templateKey } }), onSuccess: refresh });
  const test = useMutation({ mutationFn: (to: string) => adminApi.call('POST /api/admin-panel/mail/templates/:key/test', { params: { key: templateKey }, body: { to } }) });

  // The first preview renders on open, so the editor never shows an empty pane.
  const previewMutate = preview.mutate;
  const loaded = detail.data?.source;
  useEffect(() => {
    if (loaded) previewMutate(loaded);
  }, [loaded, previewMutate]);

  if (detail.isPending || !draft) return <Skeleton className="h-96 w-full" />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const t = detail.data;
  const set = (part: keyof Source) => (e: { target: { value: string } }) => setDraft({ ...draft, [part]: e.target.value });

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            {t.name} {t.edited ? <Badge variant="warning">Edited</Badge> : <Badge variant="secondary">Default</Badge>}
          </CardTitle>
          <CardDescription>
            Category: {t.category}. Handlebars: <code>{'{{name}}'}</code> is escaped in HTML; the shared layout adds the workspace’s logo, colours, footer and unsubscribe link.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <Field id="tpl-subject" label="Subject">
            <Input id="tpl-subject" value={draft.subject} onChange={set('subject')} />
          </Field>
          <Field id="tpl-html" label="HTML body">
            <textarea id="tpl-html" className={textareaClass} value={draft.html} onChange={set('html')} />
          </Field>
          <Field id="tpl-text" label="Plain-text body">
            <textarea id="tpl-text" className={cn(textareaClass, 'min-h-24')} value={draft.text} onChange={set('text')} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" onClick={() => preview.mutate(draft)} loading={preview.isPending}>
              <Eye /> Preview
            </Button>
            <Button onClick={() => save.mutate(draft)} loading={save.isPending}>
              <Save /> Save
            </Button>
            <Button variant="ghost" onClick={() => reset.mutate()} loading={reset.isPending} disabled={!t.edited}>
              <RotateCcw /> Back to default
            </Button>
          </div>
          {save.error ? <ApiErrorAlert error={save.error} /> : save.isSuccess ? <p className="text-sm text-emerald-700" role="status">Saved.</p> : null}
          {reset.error ? <ApiErrorAlert error={reset.error} /> : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Variables</CardTitle>
          <CardDescription>What this template may use; the preview fills them with the sample values.</CardDescription>
        </CardHeader>
        <CardContent>
          <table className="w-full text-left text-sm" data-testid="template-variables">
            <thead className="text-zinc-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Variable</th>
                <th className="py-1 pr-3 font-medium">Meaning</th>
                <th className="py-1 font-medium">Sample</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(t.variables).map(([name, meaning]) => (
                <tr key={name} className="border-t border-zinc-100">
                  <td className="py-1 pr-3 font-mono text-xs">{`{{${name}}}`}</td>
                  <td className="py-1 pr-3 text-zinc-700">{meaning}</td>
                  <td className="py-1 font-mono text-xs break-all text-zinc-500">{name in t.sample ? JSON.stringify(t.sample[name]) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Preview</CardTitle>
          <CardDescription>{preview.data ? <>Subject: <span data-testid="preview-subject">{preview.data.subject}</span></> : 'Rendering…'}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {preview.error ? <ApiErrorAlert error={preview.error} /> : null}
          <div role="tablist" aria-label="Preview format" className="inline-flex w-fit rounded-lg bg-zinc-100 p-1">
            {(['html', 'text'] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)} className={cn('rounded-md px-3 py-1 text-sm font-medium', view === v ? 'bg-white text-zinc-900 shadow-xs' : 'text-zinc-700')}>
                {v === 'html' ? 'HTML' : 'Plain text'}
              </button>
            ))}
          </div>
          {preview.data ? (
            view === 'html' ? (
              <iframe title="Template preview" sandbox="" srcDoc={preview.data.html} className="h-[28rem] w-full rounded-lg border border-zinc-200 bg-white" data-testid="template-preview" />
            ) : (
              <pre className="max-h-[28rem] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 text-sm whitespace-pre-wrap">{preview.data.text}</pre>
            )
          ) : (
            <Skeleton className="h-64 w-full" />
          )}
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              test.mutate(testTo.trim());
            }}
          >
            <Field id="tpl-test-to" label="Send a test of the saved template to" className="min-w-64 flex-1">
              <Input id="tpl-test-to" type="email" placeholder="you@example.com" value={testTo} onChange={(e) => setTestTo(e.target.value)} />
            </Field>
            <Button type="submit" variant="outline" loading={test.isPending} disabled={!testTo.trim()}>
              <Send /> Send test
            </Button>
          </form>
          {test.error ? <ApiErrorAlert error={test.error} /> : test.isSuccess ? <p className="text-sm text-emerald-700" role="status">Test queued: see the mail log.</p> : null}
        </CardContent>
      </Card>
    </div>
  );
}

/** The console's editor for every platform mail template, with preview and test send. */
export function MailTemplatesPage() {
  const list = useQuery({ queryKey: ['admin', 'mail-templates'], queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/mail/templates', { signal }) });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.data[0]?.key ?? null;
  return (
    <>
      <PageHeader title="Mail templates" description="Every e-mail the platform sends. Edits apply to all workspaces; each is rendered in the recipient workspace’s branding." />
      {list.isPending ? (
        <Skeleton className="h-96 w-full" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyState icon={FileText} title="No templates" description="The platform ships its templates with the API; none were found." />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <nav aria-label="Templates" className="flex flex-col gap-0.5">
            {list.data.data.map((tpl) => (
              <button
                key={tpl.key}
                type="button"
                onClick={() => setSelected(tpl.key)}
                aria-current={tpl.key === current ? 'true' : undefined}
                className={cn('flex items-center justify-between rounded-lg px-3 py-2 text-left text-sm', tpl.key === current ? 'bg-zinc-900 text-white' : 'text-zinc-700 hover:bg-zinc-100')}
              >
                <span>{tpl.name}</span>
                {tpl.edited ? <span className="text-xs">edited</span> : null}
              </button>
            ))}
          </nav>
          {current ? <TemplateEditor key={current} templateKey={current} /> : null}
        </div>
      )}
    </>
  );
}
