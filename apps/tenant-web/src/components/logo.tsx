import { cn, initials } from '@/lib/utils';

/** The platform mark (root and admin realms). */
export function InstaGrowthLogo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-zinc-950', className)}>
      <svg viewBox="0 0 32 32" className="size-8 shrink-0" aria-hidden="true">
        <defs>
          <linearGradient id="ig-logo-gradient" x1="0" y1="1" x2="1" y2="0">
            <stop offset="0" stopColor="#f59e0b" />
            <stop offset=".5" stopColor="#db2777" />
            <stop offset="1" stopColor="#6d28d9" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="9" fill="url(#ig-logo-gradient)" />
        <path d="M9 21l5-5 4 3 6-8" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {withText ? (
        <span>
          InstaGrowth <span className="text-zinc-500">OS</span>
        </span>
      ) : null}
    </span>
  );
}

/** A workspace's own mark: its logo, or its initials on the brand gradient. */
export function WorkspaceMark({ name, logoUrl, className }: { name: string; logoUrl: string | null | undefined; className?: string }) {
  if (logoUrl) {
    return <img src={logoUrl} alt="" className={cn('size-8 shrink-0 rounded-lg object-contain', className)} />;
  }
  return (
    <span
      aria-hidden="true"
      className={cn('brand-gradient flex size-8 shrink-0 items-center justify-center rounded-lg text-xs font-bold text-white', className)}
    >
      {initials(name)}
    </span>
  );
}
