import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { MailX } from 'lucide-react';
import type { z } from 'zod';
import { acceptInvitationSchema } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState, ErrorState } from '@/components/states';
import { ApiError, publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';
import type { InvitationPreview } from '@/lib/types';
import { capitalize } from '@/lib/utils';
import { AuthLayout } from './auth-layout';
import { useStartSession } from './session';

const formSchema = acceptInvitationSchema.omit({ token: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const ROLE_BLURB: Record<string, string> = {
  owner: 'full control, including billing and branding',
  admin: 'manage the workspace, team and every account',
  manager: 'work on the clients and accounts assigned to you',
  client: 'see your accounts’ dashboards, audits, plans and reports, and approve content',
};

function InvalidInvitation() {
  return (
    <AuthLayout title="Invitation unavailable">
      <EmptyState
        className="py-4"
        icon={MailX}
        title="This invitation has expired or was already used"
        description="Invitations work once and expire after a few days. Ask the person who invited you to send a new one."
        action={
          <Button variant="outline" asChild>
            <Link to="/login">Go to log in</Link>
          </Button>
        }
      />
    </AuthLayout>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const startSession = useStartSession();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(formSchema), defaultValues: { name: '', password: '' } });
  const { handleSubmit, setError } = form;

  const accept = useMutation({
    mutationFn: (values: FormOutput) => publicApi.call('POST /api/auth/accept-invitation', { body: { token, ...values } }),
    onSuccess: (session) => {
      startSession(session);
      navigate('/', { replace: true });
    },
    onError: (error) => applyApiFieldErrors(error, setError, ['name', 'password']),
  });

  if (accept.error instanceof ApiError && accept.error.code === 'invalid_token') return <InvalidInvitation />;

  return (
    <AuthLayout
      title={`Join ${invitation.workspaceName}`}
      description={
        <>
          You have been invited as <Badge variant="brand">{capitalize(invitation.role)}</Badge>: {ROLE_BLURB[invitation.role] ?? 'collaborate in this workspace'}.
        </>
      }
    >
      <form className="grid gap-5" noValidate onSubmit={handleSubmit((values) => accept.mutate(values))}>
        <ApiErrorAlert error={accept.error} />
        <div className="grid gap-2">
          <Label htmlFor="invite-email">Email</Label>
          <Input id="invite-email" type="email" value={invitation.email} readOnly disabled />
        </div>
        <FormField form={form} name="name" label="Your name" autoComplete="name" autoFocus />
        <FormField form={form} name="password" label="Password" hint="At least 10 characters." type="password" autoComplete="new-password" />
        <Button type="submit" size="lg" className="w-full" loading={accept.isPending || accept.isSuccess}>
          Accept invitation
        </Button>
      </form>
    </AuthLayout>
  );
}

export function InvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => publicApi.call('GET /api/auth/invitations/:token', { params: { token }, signal }),
    enabled: token.length > 0,
    staleTime: Infinity,
  });

  if (!token) return <InvalidInvitation />;
  if (invitation.isPending) {
    return (
      <AuthLayout title="Loading your invitation…">
        <div className="grid gap-4" aria-busy="true">
          <Skeleton className="h-4 w-3/4" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      </AuthLayout>
    );
  }
  if (invitation.isError) {
    const error = invitation.error;
    if (error instanceof ApiError && (error.status === 404 || error.code === 'invalid_token' || error.status === 400)) return <InvalidInvitation />;
    return (
      <AuthLayout title="Invitation">
        <ErrorState className="py-4" error={error} onRetry={() => void invitation.refetch()} />
      </AuthLayout>
    );
  }
  return <AcceptForm token={token} invitation={invitation.data} />;
}
