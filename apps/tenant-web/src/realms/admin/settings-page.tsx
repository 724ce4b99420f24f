import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Eraser, KeyRound, Lock, Undo2 } from 'lucide-react';
import { updateSettingsSchema, type SettingView } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState, PageHeader } from '@/components/states';
import { adminApi } from '@/lib/admin-session';
import { ApiError } from '@/lib/api-client';
import { cn, fieldMessage, formatRelative } from '@/lib/utils';

const settingsKey = ['admin', 'settings'] as const;

const GROUPS: Record<string, { title: string; description: string }> = {
  openai: { title: 'OpenAI', description: 'Any OpenAI-compatible server. Without a key, the built-in offline generator is used.' },
  stripe: { title: 'Stripe', description: 'Checkout, Customer Portal and webhooks. Without a key, plans are assigned by hand.' },
  instagram: { title: 'Instagram app', description: 'Instagram Business Login, webhooks and the platform redirect URI.' },
  resend: { title: 'Resend', description: 'Transactional email. Without a key, emails are kept in the Outbox.' },
};

interface Draft {
  value: string;
  clear: boolean;
}

function groupOf(key: string): string {
  return key.split('.')[0] ?? key;
}

function inputId(key: string): string {
  return `setting-${key.replace(/[^a-zA-Z0-9]/g, '-')}`;
}

function SettingsSkeleton() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true" aria-label="Loading">
      {[0, 1].map((i) => (
        <Card key={i}>
          <CardHeader>
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-4 w-72" />
          </CardHeader>
          <CardContent className="grid gap-5">
            {[0, 1, 2].map((j) => (
              <div key={j} className="grid gap-2">
                <Skeleton className="h-4 w-40" />
                <Skeleton className="h-10 w-full" />
              </div>
            ))}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}

function SettingField({
  setting,
  draft,
  error,
  onChange,
}: {
  setting: SettingView;
  draft: Draft | undefined;
  error: string | undefined;
  onChange: (draft: Draft | undefined) => void;
}) {
  const id = inputId(setting.key);
  const message = fieldMessage(setting.label, error);
  const describedBy = message ? `${id}-error` : `${id}-hint`;

  if (!setting.secret) {
    const value = draft?.value ?? setting.value ?? '';
    return (
      <div className="grid gap-2">
        <div className="flex items-center justify-between gap-2">
          <Label htmlFor={id}>{setting.label}</Label>
          <code className="text-xs text-zinc-500">{setting.key}</code>
        </div>
        <Input
          id={id}
          value={value}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={!!message}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === (setting.value ?? '') ? undefined : { value: e.target.value, clear: false })}
        />
        {message ? (
          <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
            {message}
          </p>
        ) : (
          <p id={`${id}-hint`} className="text-xs text-zinc-500">
            {setting.updatedAt ? `Updated ${formatRelative(setting.updatedAt)}` : 'Not set'}
            {draft ? ' · unsaved change' : ''}
          </p>
        )}
      </div>
    );
  }

  const clearing = draft?.clear === true;
  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id} className="gap-1.5">
          <Lock className="size-3.5 text-zinc-500" aria-hidden="true" />
          {setting.label}
        </Label>
        <code className="text-xs text-zinc-500">{setting.key}</code>
      </div>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          placeholder={setting.isSet ? 'Leave empty to keep the current value' : 'Not set, paste a value'}
          value={clearing ? '' : (draft?.value ?? '')}
          disabled={clearing}
          aria-invalid={!!message}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? undefined : { value: e.target.value, clear: false })}
        />
        {clearing ? (
          <Button type="button" variant="outline" onClick={() => onChange(undefined)} aria-label={`Undo clearing ${setting.key}`}>
            <Undo2 /> Undo
          </Button>
        ) : (
          <Button
            type="button"
            variant="outline"
            disabled={!setting.isSet && !draft}
            onClick={() => onChange(setting.isSet ? { value: '', clear: true } : undefined)}
            aria-label={`Clear ${setting.key}`}
          >
            <Eraser /> Clear
          </Button>
        )}
      </div>
      {message ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600">
          {message}
        </p>
      ) : (
        <p id={`${id}-hint`} className="flex flex-wrap items-center gap-2 text-xs text-zinc-500">
          {clearing ? (
            <Badge variant="destructive">Will be cleared when you save</Badge>
          ) : setting.isSet ? (
            <>
              <Badge variant="success">
                <KeyRound /> Set
              </Badge>
              <span className="font-mono" data-testid={`masked-${setting.key}`}>
                {setting.value ?? '••••'}
              </span>
              {setting.updatedAt ? <span>· updated {formatRelative(setting.updatedAt)}</span> : null}
            </>
          ) : (
            <Badge variant="secondary">Not set</Badge>
          )}
          {draft && !clearing ? <span>· a new value will be saved</span> : null}
        </p>
      )}
    </div>
  );
}

export function SettingsPage() {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const settings = useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/settings', { signal }),
  });

  const groups = useMemo(() => {
    const map = new Map<string, SettingView[]>();
    for (const s of settings.data?.data ?? []) {
      const g = groupOf(s.key);
      map.set(g, [...(map.get(g) ?? []), s]);
    }
    return [...map.entries()];
  }, [settings.data]);

  const changes = useMemo(() => {
    const values: Record<string, string | null> = {};
    for (const s of settings.data?.data ?? []) {
      const draft = drafts[s.key];
      if (!draft) continue;
      if (draft.clear) values[s.key] = null;
      else if (s.secret) values[s.key] = draft.value;
      else values[s.key] = draft.value.trim() === '' ? null : draft.value.trim();
    }
    return values;
  }, [drafts, settings.data]);
  const changeCount = Object.keys(changes).length;

  const save = useMutation({
    mutationFn: (values: Record<string, string | null>) => adminApi.call('PUT /api/admin-panel/settings', { body: { values } }),
    onSuccess: (result) => {
      queryClient.setQueryData(settingsKey, result);
      setDrafts({});
      setFieldErrors({});
      toast({ variant: 'success', title: 'Settings saved', description: `${changeCount} setting${changeCount === 1 ? '' : 's'} updated.` });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fields) {
        const mapped: Record<string, string> = {};
        for (const [k, v] of Object.entries(error.fields)) mapped[k.replace(/^values\./, '')] = v;
        setFieldErrors(mapped);
      }
    },
  });

  function setDraft(key: string, draft: Draft | undefined) {
    setDrafts((old) => {
      const next = { ...old };
      if (draft) next[key] = draft;
      else delete next[key];
      return next;
    });
    setFieldErrors((old) => {
      if (!(key in old)) return old;
      const next = { ...old };
      delete next[key];
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changeCount === 0) return;
    const parsed = updateSettingsSchema.safeParse({ values: changes });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.slice(1).join('.');
        if (key) errors[key] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    save.mutate(changes);
  }

  return (
    <>
      <PageHeader
        title="System settings"
        description="Credentials for the outside services. Secrets are encrypted at rest and never shown again in full."
      />
      {settings.isPending ? (
        <SettingsSkeleton />
      ) : settings.isError ? (
        <Card>
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        </Card>
      ) : groups.length === 0 ? (
        <Card>
          <EmptyState icon={KeyRound} title="No settings available" description="The API did not return any configurable settings." />
        </Card>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-6 pb-24">
          <ApiErrorAlert error={save.error} />
          {groups.map(([group, items]) => {
            const info = GROUPS[group] ?? { title: group.charAt(0).toUpperCase() + group.slice(1), description: '' };
            return (
              <Card key={group} data-testid={`settings-group-${group}`}>
                <CardHeader>
                  <CardTitle>{info.title}</CardTitle>
                  {info.description ? <CardDescription>{info.description}</CardDescription> : null}
                </CardHeader>
                <CardContent className="grid gap-5">
                  {items.map((setting) => (
                    <SettingField
                      key={setting.key}
                      setting={setting}
                      draft={drafts[setting.key]}
                      error={fieldErrors[setting.key]}
                      onChange={(d) => setDraft(setting.key, d)}
                    />
                  ))}
                </CardContent>
              </Card>
            );
          })}
          <div
            className={cn(
              'sticky bottom-4 z-10 flex flex-col items-start justify-between gap-3 rounded-xl border bg-white/95 p-4 shadow-lg backdrop-blur sm:flex-row sm:items-center',
              changeCount > 0 ? 'border-brand/30' : 'border-zinc-200',
            )}
          >
            <p className="text-sm text-zinc-600" aria-live="polite">
              {changeCount > 0 ? `${changeCount} unsaved change${changeCount === 1 ? '' : 's'}` : 'No unsaved changes'}
            </p>
            <div className="flex gap-2">
              <Button type="button" variant="outline" disabled={changeCount === 0 || save.isPending} onClick={() => setDrafts({})}>
                Discard
              </Button>
              <Button type="submit" disabled={changeCount === 0} loading={save.isPending}>
                Save settings
              </Button>
            </div>
          </div>
        </form>
      )}
    </>
  );
}
