import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Megaphone, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { api, useSessionState } from '@/lib/session';

/** The platform's running announcements for this workspace's plan; dismissing one is remembered on the server. */
export function AnnouncementBanner() {
  const { token } = useSessionState();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['announcements', token],
    queryFn: ({ signal }) => api.call('GET /api/announcements', { signal }),
    enabled: token !== null,
    staleTime: 5 * 60_000,
  });
  const dismiss = useMutation({
    mutationFn: (id: string) => api.call('POST /api/announcements/:id/dismiss', { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['announcements'] }),
  });
  // An impersonating admin sees the banners but cannot dismiss them for the owner (the API refuses).
  const impersonating = useQuery({
    queryKey: ['impersonation', token],
    queryFn: ({ signal }) => api.call('GET /api/impersonation', { signal }),
    enabled: token !== null,
    staleTime: 60_000,
  }).data?.active;
  const items = list.data?.data ?? [];
  if (!items.length) return null;
  return (
    <div className="space-y-2 px-4 pt-4 sm:px-6 lg:px-8">
      {items.map((a) => (
        <section key={a.id} aria-label={`Announcement: ${a.title}`} data-testid="announcement-banner" className="mx-auto flex max-w-6xl items-start gap-3 rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
          <Megaphone className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <div className="min-w-0 flex-1">
            <p className="font-semibold">{a.title}</p>
            <p className="mt-0.5 whitespace-pre-line">{a.body}</p>
          </div>
          {impersonating ? null : (
            <Button variant="ghost" size="icon" className="size-7 text-sky-950 hover:bg-sky-100" aria-label={`Dismiss announcement ${a.title}`} onClick={() => dismiss.mutate(a.id)} disabled={dismiss.isPending}>
              <X />
            </Button>
          )}
        </section>
      ))}
    </div>
  );
}
