import { useMutation } from '@tanstack/react-query';
import { toast } from '@/components/ui/toaster';
import { ApiError } from '@/lib/api-client';
import { api } from '@/lib/session';

export function useResendVerification(email: string) {
  return useMutation({
    mutationFn: () => api.call('POST /api/auth/resend-verification'),
    onSuccess: () => toast({ variant: 'success', title: 'Verification email sent', description: `Check ${email} for a link to confirm your address.` }),
    onError: (error) =>
      toast({
        variant: 'error',
        title: 'Could not send the email',
        description:
          error instanceof ApiError && error.status === 429 && error.retryAfter !== undefined
            ? `${error.message} Try again in ${error.retryAfter} seconds.`
            : error.message,
      }),
  });
}
