import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { ErrorState } from '@/components/states';
import { toast } from '@/components/ui/toaster';
import { useBrandVoice, useSaveBrandVoice } from './queries';

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

/** Niche, audience, goals, tone, words, emoji, languages, CTA style, examples and the audience's time zone. */
export function BrandVoiceForm({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const voice = useBrandVoice(accountId);
  const save = useSaveBrandVoice(accountId);
  const [f, setF] = useState<Record<string, string>>({});
  useEffect(() => {
    const v = voice.data;
    if (!v) return;
    setF({ niche: v.niche, audience: v.audience, goals: v.goals.join(', '), tone: v.tone, wordsToUse: v.wordsToUse.join(', '), wordsToAvoid: v.wordsToAvoid.join(', '), emojiPolicy: v.emojiPolicy, languages: v.languages.join(', '), ctaStyle: v.ctaStyle, exampleCaptions: v.exampleCaptions.join('\n'), timeZone: v.timeZone });
  }, [voice.data]);
  if (voice.isLoading) return <Skeleton className="h-64 w-full" aria-label="Loading" />;
  if (voice.error) return <ErrorState error={voice.error} onRetry={() => voice.refetch()} />;
  const set = (k: string) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        niche: f.niche ?? '',
        audience: f.audience,
        goals: list(f.goals ?? ''),
        tone: f.tone,
        wordsToUse: list(f.wordsToUse ?? ''),
        wordsToAvoid: list(f.wordsToAvoid ?? ''),
        emojiPolicy: (f.emojiPolicy as 'none' | 'light' | 'rich') ?? 'light',
        languages: list(f.languages ?? 'English'),
        ctaStyle: (f.ctaStyle as 'none' | 'soft' | 'direct') ?? 'soft',
        exampleCaptions: (f.exampleCaptions ?? '').split('\n').map((x) => x.trim()).filter(Boolean),
        timeZone: f.timeZone || 'UTC',
      },
      { onSuccess: () => toast({ title: 'Brand voice saved', description: 'Every generation for this account uses it.' }) },
    );
  };
  const text = (k: string, label: string, hint?: string) => (
    <div className="grid gap-1">
      <Label htmlFor={`bv-${k}`}>{label}</Label>
      <Input id={`bv-${k}`} value={f[k] ?? ''} onChange={set(k)} disabled={!canEdit} />
      {hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </div>
  );
  return (
    <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" aria-label="Brand voice">
      {!voice.data?.configured ? <p className="md:col-span-2 text-sm text-zinc-500">No brand voice yet: generations use neutral defaults until you save one.</p> : null}
      {text('niche', 'Niche')}
      {text('audience', 'Audience')}
      {text('goals', 'Goals', 'Comma-separated')}
      {text('tone', 'Tone')}
      {text('wordsToUse', 'Words to use', 'Comma-separated')}
      {text('wordsToAvoid', 'Words to avoid', 'Comma-separated')}
      <div className="grid gap-1">
        <Label htmlFor="bv-emojiPolicy">Emoji</Label>
        <select id="bv-emojiPolicy" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={f.emojiPolicy ?? 'light'} onChange={set('emojiPolicy')} disabled={!canEdit}>
          <option value="none">None</option>
          <option value="light">Light</option>
          <option value="rich">Rich</option>
        </select>
      </div>
      <div className="grid gap-1">
        <Label htmlFor="bv-ctaStyle">Call to action</Label>
        <select id="bv-ctaStyle" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={f.ctaStyle ?? 'soft'} onChange={set('ctaStyle')} disabled={!canEdit}>
          <option value="none">None</option>
          <option value="soft">Soft</option>
          <option value="direct">Direct</option>
        </select>
      </div>
      {text('languages', 'Languages', 'Comma-separated; the first is the default')}
      {text('timeZone', 'Audience time zone', 'IANA name, e.g. Europe/Berlin; the planner’s heat map uses it')}
      <div className="grid gap-1 md:col-span-2">
        <Label htmlFor="bv-exampleCaptions">Example captions (one per line)</Label>
        <textarea id="bv-exampleCaptions" className="min-h-20 rounded-md border border-zinc-200 p-2 text-sm" value={f.exampleCaptions ?? ''} onChange={set('exampleCaptions')} disabled={!canEdit} />
      </div>
      {save.error ? <ApiErrorAlert error={save.error} className="md:col-span-2" /> : null}
      {canEdit ? (
        <div className="md:col-span-2">
          <Button type="submit" loading={save.isPending}>
            Save brand voice
          </Button>
        </div>
      ) : null}
    </form>
  );
}
