import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ArrowRight } from 'lucide-react';
import { slugFormatSchema } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { InstaGrowthLogo } from '@/components/logo';
import { useAppContext } from '@/app/app-context';
import { workspaceUrl } from '@/lib/branding';
import { fieldMessage } from '@/lib/utils';

/** People sign in on their workspace's own address; this page sends them there. */
export function FindWorkspacePage() {
  const { appUrl, baseDomain } = useAppContext();
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = slugFormatSchema.safeParse(slug);
    if (!parsed.success) {
      setError(fieldMessage('Workspace address', parsed.error.issues[0]?.message));
      return;
    }
    window.location.assign(`${workspaceUrl(appUrl, parsed.data)}/login`);
  }

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <Link to="/" className="mb-8" aria-label="InstaGrowth OS home">
        <InstaGrowthLogo />
      </Link>
      <Card className="w-full max-w-md">
        <CardHeader>
          <h1 className="text-xl font-semibold leading-tight tracking-tight">Sign in to your workspace</h1>
          <CardDescription>Enter your workspace address and we will take you to its sign-in page.</CardDescription>
        </CardHeader>
        <CardContent>
          <form className="grid gap-4" onSubmit={submit} noValidate>
            <div className="grid gap-2">
              <Label htmlFor="find-slug">Workspace address</Label>
              <div className="flex h-10 items-center overflow-hidden rounded-lg border border-zinc-300 bg-white shadow-xs focus-within:border-brand focus-within:ring-[3px] focus-within:ring-brand/20">
                <input
                  id="find-slug"
                  value={slug}
                  onChange={(e) => {
                    setSlug(e.target.value.toLowerCase().trim());
                    setError(undefined);
                  }}
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder="your-agency"
                  aria-invalid={!!error}
                  aria-describedby={error ? 'find-slug-error' : undefined}
                  className="h-full min-w-0 flex-1 bg-transparent px-3 text-sm outline-none placeholder:text-zinc-500"
                />
                <span className="flex h-full items-center border-l border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-500">.{baseDomain}</span>
              </div>
              {error ? (
                <p id="find-slug-error" role="alert" className="text-sm text-red-600">
                  {error}
                </p>
              ) : null}
            </div>
            <Button type="submit" className="w-full">
              Continue <ArrowRight />
            </Button>
          </form>
        </CardContent>
      </Card>
      <p className="mt-6 text-sm text-zinc-500">
        New here?{' '}
        <Link to="/signup" className="font-medium text-brand-ink hover:underline">
          Create a workspace
        </Link>
      </p>
    </main>
  );
}
