import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { InstaGrowthLogo } from '@/components/logo';
import { Button } from '@/components/ui/button';

export function MarketingHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200/70 bg-white/80 backdrop-blur-md">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link to="/" aria-label="InstaGrowth OS home">
          <InstaGrowthLogo />
        </Link>
        <nav aria-label="Main" className="hidden items-center gap-7 text-sm text-zinc-600 md:flex">
          <a href="/#features" className="transition hover:text-zinc-950">
            Features
          </a>
          <a href="/#agencies" className="transition hover:text-zinc-950">
            For agencies
          </a>
          <a href="/#pricing" className="transition hover:text-zinc-950">
            Pricing
          </a>
        </nav>
        <div className="flex items-center gap-2">
          <Button variant="ghost" size="sm" asChild>
            <Link to="/login">Sign in</Link>
          </Button>
          <Button size="sm" asChild>
            <Link to="/signup">Get started</Link>
          </Button>
        </div>
      </div>
    </header>
  );
}

export function MarketingFooter() {
  return (
    <footer className="border-t border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col items-start justify-between gap-6 px-4 py-10 text-sm text-zinc-500 sm:flex-row sm:items-center sm:px-6">
        <div className="flex flex-col gap-2">
          <InstaGrowthLogo className="text-sm" />
          <p>The Instagram growth operating system for agencies and creators.</p>
        </div>
        <p>© {new Date().getFullYear()} InstaGrowth OS. Not affiliated with Instagram or Meta.</p>
      </div>
    </footer>
  );
}

export function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-white">
      <MarketingHeader />
      <main className="flex-1">{children}</main>
      <MarketingFooter />
    </div>
  );
}
