import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { MailCheck } from 'lucide-react';
import type { z } from 'zod';
import { changeEmailSchema, changePasswordSchema, updateProfileSchema } from '@instagrowth/contracts';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toaster';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { FormField } from '@/components/form-field';
import { applyApiFieldErrors } from '@/lib/forms';
import { useCurrentMe } from '../session';
import { useChangeEmail, useChangePassword, useUpdateProfile } from './queries';

export function NameForm() {
  const { user } = useCurrentMe();
  const form = useForm<z.input<typeof updateProfileSchema>, unknown, z.output<typeof updateProfileSchema>>({
    resolver: zodResolver(updateProfileSchema),
    defaultValues: { name: user.name },
  });
  const update = useUpdateProfile();
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={form.handleSubmit((values) =>
        update.mutate(values, {
          onSuccess: ({ user: saved }) => {
            form.reset({ name: saved.name });
            toast({ variant: 'success', title: 'Name saved' });
          },
          onError: (error) => applyApiFieldErrors(error, form.setError, ['name']),
        }),
      )}
    >
      <ApiErrorAlert error={update.error} />
      <FormField form={form} name="name" id="profile-name" label="Your name" autoComplete="name" />
      <div>
        <Button type="submit" loading={update.isPending}>
          Save name
        </Button>
      </div>
    </form>
  );
}

export function EmailForm() {
  const { user } = useCurrentMe();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<z.input<typeof changeEmailSchema>, unknown, z.output<typeof changeEmailSchema>>({
    resolver: zodResolver(changeEmailSchema),
    defaultValues: { email: '', password: '' },
  });
  const change = useChangeEmail();
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setSentTo(null);
        change.mutate(values, {
          onSuccess: () => {
            setSentTo(values.email);
            form.reset({ email: '', password: '' });
          },
          onError: (error) => applyApiFieldErrors(error, form.setError, ['email', 'password']),
        });
      })}
    >
      <p className="text-sm text-zinc-600">
        Now <strong className="font-medium break-all text-zinc-900">{user.email}</strong>. The new address takes over once you follow the link we mail
        to it.
      </p>
      {sentTo ? (
        <Alert variant="success" data-testid="email-change-sent">
          <MailCheck />
          <AlertDescription>
            We sent a confirmation link to <strong className="break-all">{sentTo}</strong>.
          </AlertDescription>
        </Alert>
      ) : null}
      <ApiErrorAlert error={change.error} />
      <FormField form={form} name="email" id="new-email" label="New e-mail address" type="email" autoComplete="email" />
      <FormField form={form} name="password" id="email-password" label="Your password" type="password" autoComplete="current-password" />
      <div>
        <Button type="submit" loading={change.isPending}>
          Change e-mail
        </Button>
      </div>
    </form>
  );
}

export function PasswordForm() {
  const form = useForm<z.input<typeof changePasswordSchema>, unknown, z.output<typeof changePasswordSchema>>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const change = useChangePassword();
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={form.handleSubmit((values) =>
        change.mutate(values, {
          onSuccess: () => {
            form.reset({ currentPassword: '', newPassword: '' });
            toast({ variant: 'success', title: 'Password changed', description: 'Every other session was logged out.' });
          },
          onError: (error) => applyApiFieldErrors(error, form.setError, ['currentPassword', 'newPassword']),
        }),
      )}
    >
      <ApiErrorAlert error={change.error} />
      <FormField form={form} name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
      <FormField
        form={form}
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A short sentence works well."
      />
      <div>
        <Button type="submit" loading={change.isPending}>
          Change password
        </Button>
      </div>
    </form>
  );
}
