import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { MailCheck } from 'lucide-react';
import type { z } from 'zod';
import { magicLinkRequestSchema } from '@instagrowth/contracts';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { publicApi } from '@/lib/api-client';
import { applyApiFieldErrors } from '@/lib/forms';

type FormInput = z.input<typeof magicLinkRequestSchema>;
type FormOutput = z.output<typeof magicLinkRequestSchema>;

/** "E-mail me a sign-in link": for client users, who may never have set a password. */
export function MagicLinkRequest({ email, onCancel }: { email: string; onCancel: () => void }) {
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(magicLinkRequestSchema), defaultValues: { email } });
  const { handleSubmit, setError, getValues } = form;
  const request = useMutation({
    mutationFn: (values: FormOutput) => publicApi.call('POST /api/auth/magic-link', { body: values }),
    onError: (error) => applyApiFieldErrors(error, setError, ['email']),
  });

  if (request.isSuccess) {
    return (
      <Alert variant="success" data-testid="magic-link-sent">
        <MailCheck />
        <AlertTitle>Check your inbox</AlertTitle>
        <AlertDescription>
          If <strong>{getValues('email')}</strong> can sign in here with a link, it is on its way. It works once, for 15 minutes.
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <form className="grid gap-5" noValidate onSubmit={handleSubmit((values) => request.mutate(values))} aria-label="Sign-in link">
      <ApiErrorAlert error={request.error} />
      <FormField form={form} name="email" label="Email" type="email" autoComplete="email" autoFocus />
      <Button type="submit" size="lg" className="w-full" loading={request.isPending}>
        Send me a sign-in link
      </Button>
      <Button type="button" variant="ghost" onClick={onCancel}>
        Log in with a password instead
      </Button>
    </form>
  );
}
