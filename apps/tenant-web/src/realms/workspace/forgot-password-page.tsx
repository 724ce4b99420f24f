import { Link } from 'react-router-dom';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { MailCheck } from 'lucide-react';
import type { z } from 'zod';
import { forgotPasswordSchema } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';
import { AuthLayout } from './auth-layout';

type FormInput = z.input<typeof forgotPasswordSchema>;
type FormOutput = z.output<typeof forgotPasswordSchema>;

export function ForgotPasswordPage() {
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: '' } });
  const { handleSubmit, setError, getValues } = form;

  const request = useMutation({
    mutationFn: (values: FormOutput) => publicApi.call('POST /api/auth/forgot-password', { body: values }),
    onError: (error) => applyApiFieldErrors(error, setError, ['email']),
  });

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the email you log in with and we will send you a link to choose a new password."
      footer={
        <Link to="/login" className="font-medium text-brand-ink hover:underline">
          Back to log in
        </Link>
      }
    >
      {request.isSuccess ? (
        <Alert variant="success" data-testid="forgot-password-sent">
          <MailCheck />
          <AlertTitle>Check your inbox</AlertTitle>
          <AlertDescription>
            <p>
              If that address has an account, a link is on its way to <strong>{getValues('email')}</strong>. It expires soon, so use it
              within the hour.
            </p>
          </AlertDescription>
        </Alert>
      ) : (
        <form className="grid gap-5" noValidate onSubmit={handleSubmit((values) => request.mutate(values))}>
          <ApiErrorAlert error={request.error} />
          <FormField form={form} name="email" label="Email" type="email" autoComplete="email" autoFocus />
          <Button type="submit" size="lg" className="w-full" loading={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
