import { useState, type ReactNode } from 'react';
import { Eye, Film, GalleryHorizontal, Heart, ImageIcon, ImageOff, MessageCircle, Trophy } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { cn, formatDate } from '@/lib/utils';
import { formatCompact, formatCount, formatEngagement, insight, mediaTypeLabel } from './format';
import type { MediaItem } from './types';

function Thumb({ item, className }: { item: MediaItem; className?: string }) {
  const src = item.thumbnailUrl ?? (item.mediaType === 'VIDEO' ? null : item.mediaUrl);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <div className={cn('relative aspect-square overflow-hidden bg-zinc-100', className)}>
      {src && failed !== src ? (
        <img
          src={src}
          alt=""
          loading="lazy"
          referrerPolicy="no-referrer"
          onError={() => setFailed(src)}
          className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.03]"
        />
      ) : (
        <div className="flex size-full items-center justify-center text-zinc-300">
          <ImageOff className="size-8" aria-hidden="true" />
        </div>
      )}
      <Badge variant="secondary" className="absolute top-2 left-2 bg-white/90 text-zinc-800 shadow-sm backdrop-blur" data-testid="media-type">
        {mediaTypeLabel(item)}
      </Badge>
    </div>
  );
}

/** Likes, comments and reach; "—" when Instagram does not provide the number. */
function Metrics({ item }: { item: MediaItem }) {
  const reach = insight(item, 'reach');
  const entries = [
    { icon: Heart, label: 'Likes', value: item.likeCount },
    { icon: MessageCircle, label: 'Comments', value: item.commentsCount },
    { icon: Eye, label: 'Reach', value: reach },
  ];
  return (
    <dl className="flex items-center gap-3 text-xs text-zinc-600">
      {entries.map(({ icon: Icon, label, value }) => (
        <div key={label} className="flex items-center gap-1" title={value === null ? `${label}: not available` : `${label}: ${formatCount(value)}`}>
          <dt>
            <Icon className="size-3.5 text-zinc-500" aria-hidden="true" />
            <span className="sr-only">{label}</span>
          </dt>
          <dd className="tabular-nums" data-testid={`media-${label.toLowerCase()}`}>
            {formatCompact(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function PostLink({ item, children, className }: { item: MediaItem; children: ReactNode; className?: string }) {
  // Kept short and caption-free: captions are free text and would leak into label lookups.
  const label = `${mediaTypeLabel(item)} from ${formatDate(item.timestamp)}`;
  if (!item.permalink) {
    return (
      <div className={className} role="img" aria-label={label}>
        {children}
      </div>
    );
  }
  return (
    <a href={item.permalink} target="_blank" rel="noopener noreferrer" className={cn('block focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40', className)} aria-label={`${label}, open on Instagram`}>
      {children}
    </a>
  );
}

/** A small thumbnail when the post has one, else its type's icon (no grey tile pretending to be a picture). */
function SmallThumb({ item }: { item: MediaItem }) {
  const src = item.thumbnailUrl ?? (item.mediaType === 'VIDEO' ? null : item.mediaUrl);
  const [failed, setFailed] = useState<string | null>(null);
  if (src && failed !== src) {
    return <img src={src} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(src)} className="size-16 shrink-0 rounded-md object-cover" />;
  }
  const Icon = item.mediaType === 'VIDEO' ? Film : item.mediaType === 'CAROUSEL_ALBUM' ? GalleryHorizontal : ImageIcon;
  return (
    <div className="flex size-16 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-500">
      <Icon className="size-6" aria-hidden="true" />
    </div>
  );
}

/** One page of posts as rows: thumbnail, caption excerpt, type and date, likes/comments/reach. */
export function PostList({ media }: { media: MediaItem[] }) {
  return (
    <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200" aria-label="Posts">
      {media.map((item) => (
        <li key={item.id} className="flex min-w-0 gap-3 p-3" data-testid="media-item">
          <SmallThumb item={item} />
          <div className="grid min-w-0 flex-1 content-start gap-1">
            <p className="line-clamp-2 text-sm break-words text-zinc-800" data-testid="media-caption">
              {item.caption || <span className="italic text-zinc-500">No caption</span>}
            </p>
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-600">
              <span data-testid="media-type">{mediaTypeLabel(item)}</span>
              <span aria-hidden="true">·</span>
              <time dateTime={item.timestamp}>{formatDate(item.timestamp)}</time>
              {item.permalink ? (
                <>
                  <span aria-hidden="true">·</span>
                  <a href={item.permalink} target="_blank" rel="noopener noreferrer" className="font-medium text-brand-ink hover:underline">
                    Open on Instagram
                  </a>
                </>
              ) : null}
            </p>
            <Metrics item={item} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The six posts with the highest engagement rate. */
export function topPosts(media: MediaItem[], count = 6): MediaItem[] {
  return media
    .filter((m): m is MediaItem & { engagementRate: number } => m.engagementRate !== null && Number.isFinite(m.engagementRate))
    .sort((a, b) => b.engagementRate - a.engagementRate)
    .slice(0, count);
}

export function TopPosts({ posts }: { posts: MediaItem[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {posts.map((item, index) => (
        <li key={item.id} className="group flex gap-3 rounded-lg border border-zinc-200 bg-white p-2.5" data-testid="top-post">
          <PostLink item={item} className="w-24 shrink-0 overflow-hidden rounded-md">
            <Thumb item={item} className="rounded-md" />
          </PostLink>
          <div className="grid min-w-0 flex-1 content-start gap-1.5">
            <div className="flex items-center gap-2">
              <span className="flex items-center gap-1 text-xs font-semibold text-brand-ink">
                {index === 0 ? <Trophy className="size-3.5" aria-hidden="true" /> : null}#{index + 1}
              </span>
              <span className="text-sm font-semibold tabular-nums text-zinc-900">{formatEngagement(item.engagementRate)}</span>
              <span className="text-xs text-zinc-500">engagement</span>
            </div>
            <p className="line-clamp-2 text-xs text-zinc-600">{item.caption || <span className="italic text-zinc-500">No caption</span>}</p>
            <Metrics item={item} />
            <p className="text-xs text-zinc-500">{formatDate(item.timestamp)}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
