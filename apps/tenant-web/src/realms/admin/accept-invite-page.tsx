import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { FullPageSkeleton } from '@/components/states';
import { Button } from '@/components/ui/button';
import { adminSessionStore } from '@/lib/admin-session';
import { publicApi } from '@/lib/api-client';
import { InputField } from './console-controls';

/** A second admin accepts an invitation: adds the key to an authenticator app, picks a password, proves a code. */
export function AcceptAdminInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const preview = useQuery({
    queryKey: ['admin-invitation', token],
    queryFn: ({ signal }) => publicApi.call('GET /api/admin-panel/invitations/:token', { signal, params: { token } }),
    enabled: token.length > 0,
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => publicApi.call('POST /api/admin-panel/invitations/accept', { body: { token, password, totp } }),
    onSuccess: (session) => {
      adminSessionStore.set(session.accessToken, session.admin.email, session.expiresIn);
      navigate('/dashboard', { replace: true });
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    accept.mutate();
  }
  if (token && preview.isPending) return <FullPageSkeleton />;
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-950 px-4 py-12">
      <div className="w-full max-w-md rounded-2xl border border-zinc-800 bg-white p-6 shadow-2xl sm:p-8">
        <div className="flex items-center gap-2">
          <ShieldCheck className="size-5 text-brand-ink" aria-hidden="true" />
          <h1 className="text-xl font-semibold tracking-tight">Join the admin console</h1>
        </div>
        {!token || preview.isError ? (
          <div className="mt-4">
            <ApiErrorAlert error={preview.error ?? new Error('This invitation link is incomplete.')} />
            <p className="mt-3 text-sm text-zinc-500">Ask an admin for a new invitation.</p>
          </div>
        ) : (
          <form onSubmit={submit} className="mt-6 grid gap-4">
            <p className="text-sm text-zinc-600">
              Invitation for <strong>{preview.data?.email}</strong>. Add this key to your authenticator app (Google Authenticator, 1Password, …):
            </p>
            <code className="rounded-md bg-zinc-100 p-3 text-center font-mono text-sm tracking-wider break-all" data-testid="totp-secret">
              {preview.data?.totpSecret}
            </code>
            <p className="text-xs text-zinc-500 break-all">
              Or open <a className="underline" href={preview.data?.otpauthUri}>this otpauth link</a> on the device that holds your app.
            </p>
            <InputField id="invite-password" label="Password" type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
            <InputField id="invite-totp" label="Authenticator code" inputMode="numeric" autoComplete="one-time-code" required maxLength={6} value={totp} onChange={(e) => setTotp(e.target.value)} />
            <ApiErrorAlert error={accept.error} />
            <Button type="submit" size="lg" loading={accept.isPending}>
              Create my admin account
            </Button>
          </form>
        )}
      </div>
    </main>
  );
}
