import { useMutation, useQuery } from '@tanstack/react-query';
import type { CheckoutInput } from '@instagrowth/contracts';
import { toast } from '@/components/ui/toaster';
import { errorMessage } from '@/components/api-error-alert';
import { api } from '@/lib/session';

export const billingKeys = {
  overview: ['billing'] as const,
  referrals: ['referrals'] as const,
};

/** `GET /api/billing`; polls for a while after a checkout, until the webhook has applied it. */
export function useBilling(pollWhile = false) {
  return useQuery({
    queryKey: billingKeys.overview,
    queryFn: ({ signal }) => api.call('GET /api/billing', { signal }),
    refetchInterval: pollWhile ? 1500 : false,
  });
}

/** Starts a Checkout (or adds an add-on) and follows the URL Stripe gave. */
export function useCheckout() {
  return useMutation({
    mutationFn: (body: CheckoutInput) => api.call('POST /api/billing/checkout', { body }),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => toast({ title: 'Could not start the payment', description: errorMessage(error), variant: 'error' }),
  });
}

export function usePortal() {
  return useMutation({
    mutationFn: () => api.call('POST /api/billing/portal'),
    onSuccess: ({ url }) => window.location.assign(url),
    onError: (error) => toast({ title: 'Could not open the billing portal', description: errorMessage(error), variant: 'error' }),
  });
}

export function useReferrals() {
  return useQuery({ queryKey: billingKeys.referrals, queryFn: ({ signal }) => api.call('GET /api/referrals', { signal }) });
}

export const money = (cents: number, currency = 'usd') =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
