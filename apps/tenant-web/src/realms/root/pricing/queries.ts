import { useQuery } from '@tanstack/react-query';
import { publicApi } from '@/lib/api-client';

export const plansQueryKey = ['plans'] as const;

/** The plans and products on sale (`GET /api/plans`, public). */
export function usePlans() {
  return useQuery({ queryKey: plansQueryKey, queryFn: ({ signal }) => publicApi.call('GET /api/plans', { signal }), staleTime: 60_000 });
}

/** `4900, 'usd'` → `$49`; cents only when there are some. */
export function formatPrice(cents: number, currency = 'usd'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase(), minimumFractionDigits: cents % 100 ? 2 : 0 }).format(cents / 100);
}

/** A referral link visit: counts the click and sets the first-party attribution cookie. */
export function reportReferralVisit(code: string): void {
  if (!/^[a-z0-9]{4,64}$/.test(code)) return;
  publicApi.call('POST /api/referrals/visit', { body: { code } }).catch(() => undefined);
}
