import { useState, type ReactNode } from 'react';
import { ChevronLeft, ChevronRight, Images } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { EmptyState, ErrorState } from '@/components/states';
import { ChartSkeleton, Section } from './account-section';
import { EngagementChart } from './account-charts';
import { PostList, TopPosts, topPosts } from './media';
import { useAccountMedia, useAccountMediaPage } from './queries';
import type { AccountDetail, MediaItem } from './types';

/** Posts per page of the post list. */
export const POSTS_PER_PAGE = 10;

/** Every post, a page at a time, newest first, with a pager that says where you are. */
function PagedPosts({ accountId }: { accountId: string }) {
  const [offset, setOffset] = useState(0);
  const page = useAccountMediaPage(accountId, offset, POSTS_PER_PAGE);
  if (page.isError) return <ErrorState error={page.error} className="py-8" title="We could not load the posts" onRetry={() => void page.refetch()} />;
  if (!page.data) {
    return (
      <div className="grid gap-2" role="status" aria-busy="true" aria-label="Loading">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-20 rounded-lg" />
        ))}
      </div>
    );
  }
  const items = page.data.data;
  const total = page.data.total ?? items.length;
  const first = total === 0 ? 0 : offset + 1;
  const last = offset + items.length;
  return (
    <div className="grid gap-4">
      <PostList media={items} />
      <nav className="flex flex-wrap items-center justify-between gap-2" aria-label="Posts pages">
        <p className="text-sm text-zinc-600" data-testid="posts-range" aria-live="polite">
          Posts {first}–{last} of {total}
        </p>
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={offset === 0 || page.isPlaceholderData} onClick={() => setOffset(Math.max(0, offset - POSTS_PER_PAGE))}>
            <ChevronLeft aria-hidden="true" /> Newer
          </Button>
          <Button variant="outline" size="sm" disabled={last >= total || page.isPlaceholderData} onClick={() => setOffset(offset + POSTS_PER_PAGE)}>
            Older <ChevronRight aria-hidden="true" />
          </Button>
        </div>
      </nav>
    </div>
  );
}

export function MediaSections({ account, canImport }: { account: AccountDetail; canImport: boolean }) {
  const media = useAccountMedia(account.id);
  const isManual = account.kind === 'manual';

  const state = (render: (items: MediaItem[]) => ReactNode, skeleton: ReactNode): ReactNode =>
    media.data ? render(media.data.data) : skeleton;

  // Posts failed to load: one error (with one "Try again") instead of three.
  if (media.isError) {
    return (
      <Section title="Posts" testId="media-section">
        <ErrorState error={media.error} className="py-8" title="We could not load the posts" onRetry={() => void media.refetch()} />
      </Section>
    );
  }

  // No posts at all: one teaching empty state instead of three empty cards.
  if (media.data && media.data.data.length === 0) {
    return (
      <Section title="Posts" testId="media-section">
        <EmptyState
          icon={Images}
          className="py-8"
          title="No posts yet"
          description={
            isManual
              ? canImport
                ? 'Use “Import posts (CSV)” above to add this account’s posts. Engagement per post, top posts and the post grid appear here once they are in.'
                : 'Posts appear here once your team imports them.'
              : 'Posts appear after the first sync, with engagement per post and the top posts. Use “Refresh now” if it has been a while.'
          }
        />
      </Section>
    );
  }

  return (
    <>
      <Section title="Engagement per post" description="Engagement rate of each post, by the date it was published." testId="engagement-section">
        {state((items) => <EngagementChart media={items} />, <ChartSkeleton />)}
      </Section>
      <Section title="Top posts" description="The six posts with the highest engagement rate." testId="top-posts-section">
        {state(
          (items) => {
            const top = topPosts(items);
            if (top.length === 0)
              return (
                <EmptyState
                  icon={Images}
                  className="py-8"
                  title="No engagement rates yet"
                  description="None of these posts has an engagement rate yet, so they cannot be ranked."
                />
              );
            return <TopPosts posts={top} />;
          },
          <div className="grid gap-3 sm:grid-cols-3" role="status" aria-busy="true" aria-label="Loading">
            {Array.from({ length: 3 }, (_, i) => (
              <Skeleton key={i} className="h-28 rounded-lg" />
            ))}
          </div>,
        )}
      </Section>
      <Section
        title="Posts"
        description="Newest first. “—” means Instagram does not provide that number."
        testId="media-section"
      >
        <PagedPosts accountId={account.id} />
      </Section>
    </>
  );
}

