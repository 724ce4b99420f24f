import { useState } from 'react';
import { Copy, RefreshCw, Save, Sparkles } from 'lucide-react';
import { GENERATION_KINDS, type GeneratedItem, type GenerationKind, type GenerationOptions } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/states';
import { toast } from '@/components/ui/toaster';
import { isCreditsExhausted, useGenerate, useSaveToLibrary } from './queries';

export const KIND_LABELS: Record<GenerationKind, string> = {
  caption: 'Captions',
  hook: 'Hooks',
  reel_idea: 'Reel ideas',
  carousel: 'Carousels',
  story: 'Story sequences',
  hashtags: 'Hashtag clusters',
  post_ideas: 'Post ideas',
};

interface PreviewItem extends GeneratedItem {
  generationId: string;
  source: 'ai' | 'offline';
}

/** Options, a live preview of the items, and per item: save, copy, regenerate. */
export function Generator({ accountId }: { accountId: string }) {
  const [kind, setKind] = useState<GenerationKind>('caption');
  const [o, setO] = useState<GenerationOptions>({ count: 3, length: 'medium', cta: true, emoji: true, hashtags: true });
  const [items, setItems] = useState<PreviewItem[]>([]);
  const [meta, setMeta] = useState<{ source: 'ai' | 'offline'; creditsUsed: number } | null>(null);
  const generate = useGenerate(accountId);
  const save = useSaveToLibrary();

  const run = () =>
    generate.mutate(
      { kind, options: clean(o) },
      {
        onSuccess: (res) => {
          setItems(res.items.map((i) => ({ ...i, generationId: res.id, source: res.source })));
          setMeta({ source: res.source, creditsUsed: res.creditsUsed });
        },
      },
    );
  const regenerate = (at: number) =>
    generate.mutate(
      { kind, options: { ...clean(o), count: 1 } },
      { onSuccess: (res) => res.items[0] && setItems((list) => list.map((it, i) => (i === at ? { ...res.items[0], generationId: res.id, source: res.source } : it))) },
    );
  const set = <K extends keyof GenerationOptions>(k: K, v: GenerationOptions[K]) => setO((s) => ({ ...s, [k]: v }));

  return (
    <div className="grid gap-6 lg:grid-cols-[320px_1fr]">
      <Card>
        <CardContent className="grid gap-3 pt-6">
          <div className="grid gap-1">
            <Label htmlFor="gen-kind">What to write</Label>
            <select id="gen-kind" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={kind} onChange={(e) => setKind(e.target.value as GenerationKind)}>
              {GENERATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="grid gap-1">
            <Label htmlFor="gen-topic">Topic</Label>
            <Input id="gen-topic" value={o.topic ?? ''} onChange={(e) => set('topic', e.target.value)} placeholder="e.g. weekend launch" />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="gen-tone">Tone (overrides the brand voice)</Label>
            <Input id="gen-tone" value={o.tone ?? ''} onChange={(e) => set('tone', e.target.value)} />
          </div>
          {kind === 'caption' ? (
            <>
              <div className="grid gap-1">
                <Label htmlFor="gen-length">Length</Label>
                <select id="gen-length" className="h-9 rounded-md border border-zinc-200 px-2 text-sm" value={o.length} onChange={(e) => set('length', e.target.value as GenerationOptions['length'])}>
                  <option value="short">Short</option>
                  <option value="medium">Medium</option>
                  <option value="long">Long</option>
                </select>
              </div>
              {(['cta', 'emoji', 'hashtags'] as const).map((k) => (
                <label key={k} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={o[k] !== false} onChange={(e) => set(k, e.target.checked)} />
                  {k === 'cta' ? 'Call to action' : k === 'emoji' ? 'Emoji' : 'Hashtags'}
                </label>
              ))}
              <div className="grid gap-1">
                <Label htmlFor="gen-language">Language</Label>
                <Input id="gen-language" value={o.language ?? ''} onChange={(e) => set('language', e.target.value)} placeholder="brand voice default" />
              </div>
            </>
          ) : null}
          {kind === 'post_ideas' ? (
            <div className="grid grid-cols-2 gap-2">
              <div className="grid gap-1">
                <Label htmlFor="gen-start">From</Label>
                <Input id="gen-start" type="date" value={o.startDate ?? ''} onChange={(e) => set('startDate', e.target.value)} />
              </div>
              <div className="grid gap-1">
                <Label htmlFor="gen-end">To</Label>
                <Input id="gen-end" type="date" value={o.endDate ?? ''} onChange={(e) => set('endDate', e.target.value)} />
              </div>
            </div>
          ) : null}
          <div className="grid gap-1">
            <Label htmlFor="gen-count">How many</Label>
            <Input id="gen-count" type="number" min={1} max={10} value={o.count ?? 3} onChange={(e) => set('count', Number(e.target.value))} />
          </div>
          <Button onClick={run} loading={generate.isPending}>
            <Sparkles /> Generate
          </Button>
        </CardContent>
      </Card>
      <div className="grid content-start gap-3" aria-live="polite">
        {generate.error ? (
          isCreditsExhausted(generate.error) ? (
            <Alert variant="destructive" data-testid="credits-exhausted">
              <AlertTitle>You are out of AI credits</AlertTitle>
              <AlertDescription>{(generate.error as Error).message}</AlertDescription>
            </Alert>
          ) : (
            <ApiErrorAlert error={generate.error} />
          )
        ) : null}
        {meta ? (
          <p className="text-sm text-zinc-500" data-testid="generation-source">
            {meta.source === 'offline' ? (
              <Badge variant="outline">Offline writer</Badge>
            ) : (
              <Badge>AI</Badge>
            )}{' '}
            {meta.source === 'offline' ? 'Template-based from this account’s own data (no AI key configured); no credits used.' : `${meta.creditsUsed} credit used.`}
          </p>
        ) : null}
        {!items.length && !generate.isPending ? <EmptyState icon={Sparkles} title="Nothing generated yet" description="Pick what to write, set the options and press Generate. Everything is written in this account’s brand voice." /> : null}
        {items.map((item, i) => (
          <Card key={`${item.generationId}-${item.index}`} data-testid="generated-item">
            <CardContent className="grid gap-2 pt-6">
              <div className="flex items-start justify-between gap-2">
                <h3 className="font-medium">{item.title}</h3>
                <Badge variant="outline">{item.source === 'offline' ? 'offline' : 'AI'}</Badge>
              </div>
              <pre className="whitespace-pre-wrap font-sans text-sm text-zinc-700">{item.text}</pre>
              {kind === 'hashtags' && typeof item.data.medianReach === 'number' ? <p className="text-xs text-zinc-500">Median reach on this account: {Math.round(item.data.medianReach)}</p> : null}
              <div className="flex gap-2">
                <Button size="sm" variant="outline" onClick={() => save.mutate({ generationId: item.generationId, index: item.index }, { onSuccess: () => toast({ title: 'Saved to the library' }) })}>
                  <Save /> Save
                </Button>
                <Button size="sm" variant="outline" onClick={() => navigator.clipboard?.writeText(item.text).then(() => toast({ title: 'Copied' }))}>
                  <Copy /> Copy
                </Button>
                <Button size="sm" variant="ghost" onClick={() => regenerate(i)} disabled={generate.isPending}>
                  <RefreshCw /> Regenerate
                </Button>
              </div>
            </CardContent>
          </Card>
        ))}
        {save.error ? <ApiErrorAlert error={save.error} /> : null}
      </div>
    </div>
  );
}

function clean(o: GenerationOptions): GenerationOptions {
  const out: GenerationOptions = {};
  for (const [k, v] of Object.entries(o)) if (v !== '' && v !== undefined && !(typeof v === 'number' && Number.isNaN(v))) (out as Record<string, unknown>)[k] = v;
  return out;
}
