import { useEffect, useState, type FormEvent } from 'react';
import { AlertTriangle, ImageUp } from 'lucide-react';
import type { BrandingAssetKind, BrandingView } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Field } from '@/components/field';
import { WorkspaceMark } from '@/components/logo';
import { ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { isApiError } from '@/lib/api-client';
import { readableForeground } from '@/lib/branding';
import { useBranding, useUpdateBranding, useUploadBrandingAsset } from './queries';

interface Draft {
  name: string;
  primaryColor: string;
  accentColor: string;
  emailSenderName: string;
  emailReplyTo: string;
  reportFooter: string;
  showPoweredBy: boolean;
}

const draftOf = (b: BrandingView): Draft => ({
  name: b.name,
  primaryColor: b.primaryColor,
  accentColor: b.accentColor,
  emailSenderName: b.emailSenderName,
  emailReplyTo: b.emailReplyTo ?? '',
  reportFooter: b.reportFooter ?? '',
  showPoweredBy: b.showPoweredBy,
});

const HEX = /^#[0-9a-f]{6}$/i;

/** What the login page and the app shell will look like with the draft, before it is saved. */
function Preview({ draft, logoUrl }: { draft: Draft; logoUrl: string | null }) {
  const primary = HEX.test(draft.primaryColor) ? draft.primaryColor : '#6d28d9';
  const accent = HEX.test(draft.accentColor) ? draft.accentColor : '#db2777';
  return (
    <div className="overflow-hidden rounded-xl border border-zinc-200 bg-zinc-50" data-testid="branding-preview">
      <div className="h-2" style={{ background: `linear-gradient(90deg, ${primary}, ${accent})` }} />
      <div className="flex items-center gap-2 border-b border-zinc-200 bg-white px-4 py-3">
        <WorkspaceMark name={draft.name || 'Workspace'} logoUrl={logoUrl} />
        <span className="font-semibold text-zinc-950">{draft.name || 'Workspace'}</span>
      </div>
      <div className="grid gap-3 p-4">
        <p className="text-sm text-zinc-600">
          Links look <span style={{ color: primary }} className="font-medium underline">like this</span>; highlights like{' '}
          <span style={{ color: accent }} className="font-medium">this</span>.
        </p>
        <button type="button" className="w-fit rounded-lg px-4 py-2 text-sm font-medium" style={{ background: primary, color: readableForeground(primary) }}>
          Sign in
        </button>
        {draft.reportFooter ? <p className="border-t border-zinc-200 pt-2 text-xs text-zinc-500">{draft.reportFooter}</p> : null}
        {draft.showPoweredBy ? <p className="text-xs text-zinc-500">Powered by InstaGrowth OS</p> : null}
      </div>
    </div>
  );
}

function AssetInput({ kind, label, hint, current }: { kind: BrandingAssetKind; label: string; hint: string; current: string | null }) {
  const upload = useUploadBrandingAsset();
  return (
    <Field id={`asset-${kind}`} label={label} hint={hint} error={isApiError(upload.error) ? upload.error.message : undefined}>
      <div className="flex items-center gap-3">
        {current ? <img src={current} alt="" className="size-10 rounded border border-zinc-200 object-contain" /> : <ImageUp className="size-6 text-zinc-500" aria-hidden="true" />}
        <Input
          id={`asset-${kind}`}
          type="file"
          accept={kind === 'favicon' ? 'image/png,image/svg+xml' : 'image/png,image/jpeg,image/svg+xml'}
          disabled={upload.isPending}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) upload.mutate({ kind, file }, { onSuccess: (r) => toast({ variant: 'success', title: `${label} uploaded`, ...(r.sanitized ? { description: 'Unsafe parts of the SVG were removed.' } : {}) }) });
          }}
        />
      </div>
    </Field>
  );
}

export function BrandingPage() {
  const branding = useBranding();
  const update = useUpdateBranding();
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (branding.data && !draft) setDraft(draftOf(branding.data));
  }, [branding.data, draft]);

  if (branding.isError) return <ErrorState error={branding.error} onRetry={() => void branding.refetch()} />;
  if (!branding.data || !draft) return <TableSkeleton rows={6} columns={2} />;
  const data = branding.data;
  const fields = isApiError(update.error) ? (update.error.fields ?? {}) : {};
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: draft.name,
        primaryColor: draft.primaryColor,
        accentColor: draft.accentColor,
        emailSenderName: draft.emailSenderName || null,
        emailReplyTo: draft.emailReplyTo || null,
        reportFooter: draft.reportFooter || null,
        ...(data.canHidePoweredBy ? { showPoweredBy: draft.showPoweredBy } : {}),
      },
      { onSuccess: () => toast({ variant: 'success', title: 'Branding saved' }) },
    );
  };

  return (
    <div className="grid gap-6">
      <PageHeader title="Branding" description="Your name, logo and colours on the login page, the app, reports and e-mails." />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>Brand</CardTitle>
            <CardDescription>Clients see this instead of ours.</CardDescription>
          </CardHeader>
          <CardContent>
            <form className="grid gap-4" onSubmit={submit} noValidate>
              {update.error && !Object.keys(fields).length ? <ApiErrorAlert error={update.error} title="Could not save" /> : null}
              <Field id="brand-name" label="Display name" error={fields.name}>
                <Input id="brand-name" value={draft.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} />
              </Field>
              <div className="grid gap-4 sm:grid-cols-2">
                {(['primaryColor', 'accentColor'] as const).map((key) => (
                  <Field key={key} id={`brand-${key}`} label={key === 'primaryColor' ? 'Primary colour' : 'Accent colour'} error={fields[key]}>
                    <div className="flex gap-2">
                      <input type="color" aria-label={`${key === 'primaryColor' ? 'Primary' : 'Accent'} colour picker`} className="h-10 w-12 rounded border border-zinc-300" value={HEX.test(draft[key]) ? draft[key] : '#000000'} onChange={(e) => set({ [key]: e.target.value })} />
                      <Input id={`brand-${key}`} value={draft[key]} onChange={(e) => set({ [key]: e.target.value.trim() })} />
                    </div>
                  </Field>
                ))}
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field id="brand-sender" label="E-mail sender name" error={fields.emailSenderName}>
                  <Input id="brand-sender" value={draft.emailSenderName} maxLength={80} onChange={(e) => set({ emailSenderName: e.target.value })} />
                </Field>
                <Field id="brand-reply" label="Reply-to address" error={fields.emailReplyTo}>
                  <Input id="brand-reply" type="email" value={draft.emailReplyTo} onChange={(e) => set({ emailReplyTo: e.target.value })} />
                </Field>
              </div>
              <Field id="brand-footer" label="Report footer" error={fields.reportFooter}>
                <Input id="brand-footer" value={draft.reportFooter} maxLength={300} onChange={(e) => set({ reportFooter: e.target.value })} />
              </Field>
              <label className="flex items-center gap-2 text-sm text-zinc-700">
                <input type="checkbox" checked={draft.showPoweredBy} disabled={!data.canHidePoweredBy} onChange={(e) => set({ showPoweredBy: e.target.checked })} />
                Show “Powered by InstaGrowth OS” {data.canHidePoweredBy ? null : <span className="text-zinc-500">(your plan always shows it)</span>}
              </label>
              {data.warnings.length ? (
                <div className="grid gap-1 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="status" data-testid="contrast-warnings">
                  {data.warnings.map((w) => (
                    <p key={w.message} className="flex gap-2">
                      <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" /> {w.message}
                    </p>
                  ))}
                </div>
              ) : null}
              <div>
                <Button type="submit" disabled={update.isPending}>
                  {update.isPending ? 'Saving…' : 'Save branding'}
                </Button>
              </div>
            </form>
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Live preview</CardTitle>
            </CardHeader>
            <CardContent>
              <Preview draft={draft} logoUrl={data.logoUrl} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Images</CardTitle>
              <CardDescription>PNG, JPEG or SVG; checked by content, SVGs cleaned.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <AssetInput kind="logo" label="Logo" hint="Up to 512 KB." current={data.logoUrl} />
              <AssetInput kind="reportLogo" label="Report logo" hint="Used on PDFs; the logo otherwise." current={data.reportLogoUrl} />
              <AssetInput kind="favicon" label="Favicon" hint="Square PNG or SVG, up to 128 KB." current={data.faviconUrl} />
            </CardContent>
          </Card>
        </div>
      </div>
    </div>
  );
}
