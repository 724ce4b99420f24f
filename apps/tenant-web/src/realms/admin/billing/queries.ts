import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { planUpdateSchema, productUpdateSchema } from '@instagrowth/contracts';
import { adminApi } from '@/lib/admin-session';

const catalogKey = ['admin', 'catalog'] as const;

export function useCatalog() {
  return useQuery({ queryKey: catalogKey, queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/catalog', { signal }) });
}

export function useSavePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: z.input<typeof planUpdateSchema> }) => adminApi.call('PUT /api/admin-panel/plans/:key', { params: { key }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, body }: { key: string; body: z.input<typeof productUpdateSchema> }) => adminApi.call('PUT /api/admin-panel/products/:key', { params: { key }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

/** Referral terms live in the system settings (so every process reads the same, invalidated at once). */
export function useSaveReferralTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (terms: { commissionPercent: string; holdDays: string }) =>
      adminApi.call('PUT /api/admin-panel/settings', { body: { values: { 'referral.commissionPercent': terms.commissionPercent, 'referral.holdDays': terms.holdDays } } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKey }),
  });
}

export function useStripeSync() {
  return useMutation({ mutationFn: () => adminApi.call('POST /api/admin-panel/catalog/stripe-sync') });
}

export function usePayouts(status: 'pending' | 'payable' | 'paid' | 'reversed' | undefined) {
  return useQuery({
    queryKey: ['admin', 'payouts', status ?? 'all'],
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/referral-payouts', { query: status ? { status } : {}, signal }),
  });
}

export function useMarkPaid() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => adminApi.call('PUT /api/admin-panel/referral-payouts/:id/paid', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'payouts'] }),
  });
}
