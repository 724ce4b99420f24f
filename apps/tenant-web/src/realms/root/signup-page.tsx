import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CheckCircle2, Loader2, XCircle } from 'lucide-react';
import type { z } from 'zod';
import { isTimeZone, registerSchema, slugSchema } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Field, describedBy } from '@/components/field';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { InstaGrowthLogo } from '@/components/logo';
import { useAppContext } from '@/app/app-context';
import { ApiError, publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';
import { useDebouncedValue } from '@/lib/hooks';
import { cn, fieldMessage, slugify } from '@/lib/utils';
import { isPlanKey } from './plans';
import { usePlans } from './pricing/queries';
import { storedReferral } from './referral';

const formSchema = registerSchema.omit({ referralCode: true, plan: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;
const FIELDS = ['workspaceName', 'slug', 'name', 'email', 'password'] as const;

/** Lower-case while typing and turn spaces into hyphens; the schema does the rest. */
function normalizeSlugInput(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '-');
}

type SlugStatus =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'available'; text: string }
  | { kind: 'unavailable'; text: string }
  | { kind: 'error'; text: string };

function useSlugStatus(slug: string, baseDomain: string): SlugStatus {
  const trimmed = slug.trim();
  const debounced = useDebouncedValue(trimmed, 300);
  // The contracts schema answers length, characters and reserved words here: only a well-formed
  // address is worth a request (a 100-character one would not even reach the route).
  const local = slugSchema.safeParse(trimmed);
  const check = useQuery({
    queryKey: ['slug-availability', debounced],
    queryFn: ({ signal }) => publicApi.call('GET /api/auth/slug/:slug', { params: { slug: debounced }, signal }),
    enabled: debounced.length > 0 && slugSchema.safeParse(debounced).success,
    staleTime: 10_000,
    retry: false,
  });

  if (!trimmed) return { kind: 'idle' };
  if (!local.success) {
    const issue = local.error.issues[0]?.message ?? 'is not a valid address';
    return { kind: 'unavailable', text: `✗ ${fieldMessage('Workspace address', issue) ?? issue}` };
  }
  if (trimmed !== debounced || check.isFetching || check.isPending) return { kind: 'checking' };
  if (check.isError) {
    const error = check.error;
    if (error instanceof ApiError && error.status === 400) {
      return { kind: 'unavailable', text: fieldMessage('Workspace address', error.fields?.slug ?? error.message) ?? error.message };
    }
    return { kind: 'error', text: 'We could not check this address right now. You can still try to create the workspace.' };
  }
  const result = check.data;
  const address = `${result.slug || trimmed}.${baseDomain}`;
  if (result.available) return { kind: 'available', text: `✓ ${address} is available` };
  const fallback =
    result.reason === 'taken'
      ? `${address} is already taken`
      : result.reason === 'reserved'
        ? `“${result.slug || trimmed}” is reserved`
        : 'Use 3–40 lowercase letters, digits and hyphens';
  const text = result.message ? (fieldMessage('Workspace address', result.message) ?? result.message) : fallback;
  return { kind: 'unavailable', text: `✗ ${text}` };
}

export function SignupPage() {
  const { baseDomain } = useAppContext();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const slugEdited = useRef(false);
  const planParam = params.get('plan');
  const planKey = isPlanKey(planParam) ? planParam : undefined;
  const plans = usePlans();
  const plan = plans.data?.plans.find((p) => p.key === planKey);

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { workspaceName: '', slug: '', name: '', email: '', password: '' },
    mode: 'onTouched',
  });
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    watch,
    formState: { errors },
  } = form;

  const slug = watch('slug');
  const status = useSlugStatus(slug, baseDomain);

  const signup = useMutation({
    mutationFn: (values: FormOutput) => {
      const referralCode = params.get('ref') ?? storedReferral();
      // The workspace's time zone starts as the browser's (accounts inherit it; editable per account);
      // the landing page's plan is the plan the trial is of.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const body = { ...values, ...(referralCode ? { referralCode } : {}), ...(timeZone && isTimeZone(timeZone) ? { timeZone } : {}), ...(planKey ? { plan: planKey } : {}) };
      return publicApi.call('POST /api/auth/register', { body });
    },
    onSuccess: (result) => {
      window.location.assign(result.loginUrl);
    },
    onError: (error) => {
      applyApiFieldErrors(error, setError, FIELDS);
      if (error instanceof ApiError && (error.code === 'slug_taken' || error.fields?.slug)) {
        void queryClient.invalidateQueries({ queryKey: ['slug-availability'] });
      }
    },
  });

  const workspaceNameReg = register('workspaceName', {
    onChange: (event: { target: { value: string } }) => {
      if (!slugEdited.current) setValue('slug', slugify(event.target.value), { shouldValidate: !!errors.slug });
    },
  });
  const slugReg = register('slug');

  // The live check already says why an address is unavailable; avoid saying it twice.
  const slugError = status.kind === 'unavailable' && errors.slug?.type !== 'server' ? undefined : errors.slug?.message;
  const slugErrorText = fieldMessage('Workspace address', slugError);
  const busy = signup.isPending || signup.isSuccess;

  return (
    <div className="grid min-h-dvh lg:grid-cols-[1fr_1.1fr]">
      <aside className="brand-gradient relative hidden flex-col justify-between overflow-hidden p-10 text-white lg:flex">
        <Link to="/" className="rounded-lg bg-white/95 px-3 py-2 self-start shadow-sm" aria-label="InstaGrowth OS home">
          <InstaGrowthLogo />
        </Link>
        <div className="max-w-md">
          <h2 className="text-3xl font-semibold tracking-tight">Your Instagram growth workspace, ready in a minute.</h2>
          <ul className="mt-6 space-y-3 text-white/90">
            {['Audit any account in seconds', 'AI content in each brand’s voice', 'Plans, inbox and branded reports', 'Invite your team and your clients'].map(
              (item) => (
                <li key={item} className="flex items-center gap-3">
                  <CheckCircle2 className="size-5 shrink-0" /> {item}
                </li>
              ),
            )}
          </ul>
        </div>
        <p className="text-sm text-white/70">Free trial · No credit card · Cancel any time</p>
      </aside>

      <main className="flex min-w-0 items-center justify-center bg-white px-4 py-12 sm:px-8">
        <div className="w-full min-w-0 max-w-md">
          <Link to="/" className="mb-8 inline-block lg:hidden" aria-label="InstaGrowth OS home">
            <InstaGrowthLogo />
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">Create your workspace</h1>
          <p className="mt-1.5 text-sm text-zinc-500">
            {plan ? `You picked ${plan.name}: your free trial is of the ${plan.name} plan. Subscribe from Billing whenever you are ready.` : 'Start your free trial. No credit card needed.'}
          </p>

          <form className="mt-8 grid gap-5" noValidate onSubmit={handleSubmit((values) => signup.mutate(values))}>
            <ApiErrorAlert error={signup.error} />

            <Field id="workspaceName" label="Workspace name" error={errors.workspaceName?.message}>
              <Input
                id="workspaceName"
                autoComplete="organization"
                placeholder="Bloom Social Studio"
                aria-invalid={!!errors.workspaceName}
                aria-describedby={describedBy('workspaceName', errors.workspaceName)}
                {...workspaceNameReg}
              />
            </Field>

            <div className="grid gap-2">
              <Label htmlFor="slug">Workspace address</Label>
              <div
                className={cn(
                  'flex h-10 w-full items-center overflow-hidden rounded-lg border border-zinc-300 bg-white shadow-xs transition focus-within:border-brand focus-within:ring-[3px] focus-within:ring-brand/20',
                  (slugErrorText || status.kind === 'unavailable') && 'border-red-500 focus-within:border-red-500 focus-within:ring-red-500/15',
                )}
              >
                <input
                  id="slug"
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  placeholder="bloom-studio"
                  className="h-full min-w-0 flex-1 bg-transparent px-3 text-sm outline-none placeholder:text-zinc-500"
                  aria-invalid={!!slugErrorText || status.kind === 'unavailable'}
                  aria-describedby={slugErrorText ? 'slug-status slug-error' : 'slug-status'}
                  {...slugReg}
                  onChange={(event) => {
                    event.target.value = normalizeSlugInput(event.target.value);
                    slugEdited.current = event.target.value.length > 0;
                    void slugReg.onChange(event);
                  }}
                />
                <span className="flex h-full items-center border-l border-zinc-200 bg-zinc-50 px-3 text-sm text-zinc-500 select-none">
                  .{baseDomain}
                </span>
              </div>
              <p
                id="slug-status"
                data-testid="slug-status"
                aria-live="polite"
                data-state={status.kind}
                className={cn(
                  // Long input wraps instead of stretching the page.
                  'flex min-h-5 min-w-0 items-center gap-1.5 text-sm wrap-anywhere',
                  status.kind === 'available' && 'text-emerald-700',
                  status.kind === 'unavailable' && 'text-red-600',
                  (status.kind === 'checking' || status.kind === 'idle' || status.kind === 'error') && 'text-zinc-500',
                )}
              >
                {status.kind === 'checking' ? (
                  <>
                    <Loader2 className="size-3.5 animate-spin" aria-hidden="true" /> Checking availability…
                  </>
                ) : status.kind === 'idle' ? (
                  <>This is where your team and clients will sign in.</>
                ) : status.kind === 'unavailable' ? (
                  <>
                    <XCircle className="size-3.5 shrink-0" aria-hidden="true" />
                    {status.text.replace(/^✗ /, '')}
                  </>
                ) : (
                  status.text
                )}
              </p>
              {slugErrorText ? (
                <p id="slug-error" role="alert" className="text-sm text-red-600">
                  {slugErrorText}
                </p>
              ) : null}
            </div>

            <FormField form={form} name="name" label="Your name" autoComplete="name" placeholder="Alex Morgan" />

            <FormField form={form} name="email" label="Email" type="email" autoComplete="email" placeholder="alex@bloomstudio.com" />

            <FormField form={form} name="password" label="Password" hint="At least 10 characters. A short sentence works well." type="password" autoComplete="new-password" />

            <Button type="submit" size="lg" className="mt-1 w-full" loading={busy}>
              Create workspace
            </Button>
            <p className="text-center text-xs text-zinc-500">
              By creating a workspace you agree to the terms of service and the privacy policy.
            </p>
          </form>

          <p className="mt-8 text-center text-sm text-zinc-500">
            Already have a workspace?{' '}
            <Link to="/login" className="font-medium text-brand-ink hover:underline">
              Find it and sign in
            </Link>
          </p>
        </div>
      </main>
    </div>
  );
}

