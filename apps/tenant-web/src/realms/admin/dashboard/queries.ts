import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '@/lib/admin-session';

export interface DateRange {
  from: string;
  to: string;
}

export const dashboardKey = (range: DateRange) => ['admin', 'dashboard', range.from, range.to] as const;

export function useDashboard(range: DateRange) {
  return useQuery({
    queryKey: dashboardKey(range),
    queryFn: ({ signal }) => adminApi.call('GET /api/admin-panel/dashboard', { query: range, signal }),
    placeholderData: (previous) => previous,
  });
}

/** Queues a recount; the figures are refetched a few seconds later. */
export function useRefreshRollups() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => adminApi.call('POST /api/admin-panel/dashboard/refresh'),
    onSuccess: () => {
      setTimeout(() => void queryClient.invalidateQueries({ queryKey: ['admin', 'dashboard'] }), 3_000);
    },
  });
}
