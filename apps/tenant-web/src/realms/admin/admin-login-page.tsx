import { Navigate, useNavigate } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import type { z } from 'zod';
import { adminLoginSchema } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { InstaGrowthLogo } from '@/components/logo';
import { adminSessionStore, useAdminSession } from '@/lib/admin-session';
import { publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';

type FormInput = z.input<typeof adminLoginSchema>;
type FormOutput = z.output<typeof adminLoginSchema>;

export function AdminLoginPage() {
  const navigate = useNavigate();
  const { token } = useAdminSession();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(adminLoginSchema),
    defaultValues: { email: '', password: '', totp: '' },
  });
  const { handleSubmit, setError, resetField } = form;

  const login = useMutation({
    mutationFn: (values: FormOutput) => publicApi.call('POST /api/admin-panel/auth/login', { body: values }),
    onSuccess: (session) => {
      adminSessionStore.set(session.accessToken, session.admin.email, session.expiresIn);
      navigate('/dashboard', { replace: true });
    },
    onError: (error) => {
      applyApiFieldErrors(error, setError, ['email', 'password', 'totp']);
      // A TOTP code is single-use and short-lived: always ask for a fresh one.
      resetField('totp', { keepError: true });
    },
  });

  if (token && !login.isPending) return <Navigate to="/dashboard" replace />;

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-950 px-4 py-12">
      <div className="mb-8 flex items-center gap-3 text-white">
        <InstaGrowthLogo withText={false} />
        <span className="text-lg font-semibold tracking-tight">
          InstaGrowth OS <span className="font-normal text-zinc-400">Admin</span>
        </span>
      </div>
      <div className="w-full max-w-sm rounded-2xl border border-zinc-800 bg-white p-6 shadow-2xl sm:p-8">
        <div className="flex items-center gap-2">
          <ShieldCheck className="size-5 text-brand-ink" aria-hidden="true" />
          <h1 className="text-xl font-semibold tracking-tight">Platform admin sign-in</h1>
        </div>
        <p className="mt-1.5 text-sm text-zinc-500">Two-factor authentication is required for every admin.</p>
        <form className="mt-6 grid gap-5" noValidate onSubmit={handleSubmit((values) => login.mutate(values))}>
          <ApiErrorAlert error={login.error} />
          <FormField form={form} name="email" label="Email" type="email" autoComplete="username" autoFocus />
          <FormField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
          <FormField form={form} name="totp" label="Authenticator code" hint="The 6-digit code from your authenticator app." inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]*" maxLength={6} placeholder="123456" className="font-mono tracking-[0.3em]" />
          <Button type="submit" size="lg" className="w-full" loading={login.isPending}>
            Log in
          </Button>
        </form>
      </div>
    </main>
  );
}
