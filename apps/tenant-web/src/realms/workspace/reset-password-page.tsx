import { Link, useSearchParams } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { CheckCircle2, LinkIcon } from 'lucide-react';
import { z } from 'zod';
import { passwordSchema } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/states';
import { ApiError, publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';
import { AuthLayout } from './auth-layout';

const formSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'The two passwords do not match' });
type FormValues = z.infer<typeof formSchema>;

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';

  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { password: '', confirmPassword: '' } });
  const { handleSubmit, setError } = form;

  const reset = useMutation({
    mutationFn: (values: FormValues) => publicApi.call('POST /api/auth/reset-password', { body: { token, password: values.password } }),
    onError: (error) => applyApiFieldErrors(error, setError, ['password']),
  });

  const tokenRejected =
    reset.error instanceof ApiError && (reset.error.code === 'invalid_token' || reset.error.fields?.token !== undefined);

  if (!token || tokenRejected) {
    return (
      <AuthLayout title="This reset link does not work">
        <EmptyState
          className="py-4"
          icon={LinkIcon}
          title="The link is invalid or has expired"
          description="Reset links work once and only for a short time. Ask for a new one and use the latest email."
          action={
            <Button asChild>
              <Link to="/forgot-password">Send a new link</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password updated">
        <EmptyState
          className="py-4"
          icon={CheckCircle2}
          title="Your new password is set"
          description="For your security, other devices have been signed out. Log in with your new password."
          action={
            <Button asChild>
              <Link to="/login">Go to log in</Link>
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password" description="Use at least 10 characters. A short sentence is easy to remember and hard to guess.">
      <form className="grid gap-5" noValidate onSubmit={handleSubmit((values) => reset.mutate(values))}>
        <ApiErrorAlert error={reset.error} />
        <FormField form={form} name="password" label="Password" type="password" autoComplete="new-password" autoFocus />
        <FormField form={form} name="confirmPassword" label="Confirm password" type="password" autoComplete="new-password" />
        <Button type="submit" size="lg" className="w-full" loading={reset.isPending}>
          Set new password
        </Button>
      </form>
    </AuthLayout>
  );
}
