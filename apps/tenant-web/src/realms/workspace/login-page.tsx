import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { Info, PartyPopper } from 'lucide-react';
import type { z } from 'zod';
import { loginSchema } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { FullPageSkeleton } from '@/components/states';
import { useAppContext } from '@/app/app-context';
import { publicApi } from '@/lib/api-client';
import { useSessionState } from '@/lib/session';
import { applyApiFieldErrors } from '@/lib/forms';
import { safeNextPath } from '@/lib/utils';
import { AuthLayout } from './auth-layout';
import { useBranding } from './branding/queries';
import { useIsSignedIn } from './require-auth';
import { useStartSession } from './session';
import { MagicLinkRequest } from './magic-link-request';

type FormInput = z.input<typeof loginSchema>;
type FormOutput = z.output<typeof loginSchema>;

export function LoginPage() {
  const { workspace } = useAppContext();
  const brandName = useBranding().data?.name;
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const { ready, signedIn } = useIsSignedIn();
  const next = safeNextPath(params.get('next'));
  const welcome = params.get('welcome') === '1';
  const { endedBy } = useSessionState();
  const [linkMode, setLinkMode] = useState(params.get('link') === '1');

  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: params.get('email') ?? '', password: '' },
  });
  const { handleSubmit, setError } = form;

  const login = useMutation({
    mutationFn: (values: FormOutput) => publicApi.call('POST /api/auth/login', { body: values }),
    onSuccess: (session) => {
      startSession(session);
      navigate(next, { replace: true });
    },
    onError: (error) => applyApiFieldErrors(error, setError, ['email', 'password']),
  });

  if (!ready) return <FullPageSkeleton />;
  if (signedIn && !login.isPending) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title={welcome ? 'Log in to your new workspace' : 'Welcome back'}
      description={`Log in to ${brandName ?? workspace?.name ?? 'your workspace'}.`}
    >
      {welcome ? (
        <Alert variant="success" className="mb-5" data-testid="welcome-banner">
          <PartyPopper />
          <AlertTitle>Your workspace is ready!</AlertTitle>
          <AlertDescription>
            Log in with the password you just chose. We also sent you an email to verify your address.
          </AlertDescription>
        </Alert>
      ) : endedBy === 'expired' ? (
        <Alert variant="info" className="mb-5">
          <Info />
          <AlertDescription>Your session has ended. Log in again to pick up where you left off.</AlertDescription>
        </Alert>
      ) : null}
      {linkMode ? (
        <MagicLinkRequest email={form.getValues('email')} onCancel={() => setLinkMode(false)} />
      ) : (
      <form className="grid gap-5" noValidate onSubmit={handleSubmit((values) => login.mutate(values))}>
        <ApiErrorAlert error={login.error} />
        <FormField form={form} name="email" label="Email" type="email" autoComplete="email" autoFocus={!params.get('email')} />
        <FormField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          autoFocus={!!params.get('email')}
          labelAside={
            <Link to="/forgot-password" className="text-sm font-medium text-brand-ink hover:underline">
              Forgot your password?
            </Link>
          }
        />
        <Button type="submit" size="lg" className="w-full" loading={login.isPending}>
          Log in
        </Button>
        <Button type="button" variant="ghost" onClick={() => setLinkMode(true)}>
          E-mail me a sign-in link
        </Button>
      </form>
      )}
    </AuthLayout>
  );
}
