import { useState } from 'react';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { AtSign, BadgeDollarSign, Building2, FileText, HandCoins, LayoutDashboard, ListChecks, LogOut, Mail, Megaphone, Menu, ScrollText, ShieldCheck, SlidersHorizontal, Users, XIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { InstaGrowthLogo } from '@/components/logo';
import { adminApi, adminSessionStore, useAdminSession } from '@/lib/admin-session';
import { cn } from '@/lib/utils';

const NAV = [
  { to: '/dashboard', label: 'Dashboard', icon: LayoutDashboard },
  { to: '/tenants', label: 'Tenants', icon: Building2 },
  { to: '/plans', label: 'Plans & products', icon: BadgeDollarSign },
  { to: '/payouts', label: 'Referral payouts', icon: HandCoins },
  { to: '/users', label: 'Users', icon: Users },
  { to: '/accounts', label: 'Instagram accounts', icon: AtSign },
  { to: '/announcements', label: 'Announcements', icon: Megaphone },
  { to: '/audit-log', label: 'Audit log', icon: ScrollText },
  { to: '/admins', label: 'Admins', icon: ShieldCheck },
  { to: '/settings', label: 'Settings', icon: SlidersHorizontal },
  { to: '/outbox', label: 'Outbox', icon: Mail },
  { to: '/mail-templates', label: 'Mail templates', icon: FileText },
  { to: '/mail-log', label: 'Mail log', icon: ListChecks },
];

function Nav({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <nav aria-label="Admin" className="flex flex-col gap-0.5">
      {NAV.map(({ to, label, icon: Icon }) => (
        <NavLink
          key={to}
          to={to}
          onClick={onNavigate}
          className={({ isActive }) =>
            cn(
              'flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
              isActive ? 'bg-white/10 text-white' : 'text-zinc-400 hover:bg-white/5 hover:text-white',
            )
          }
        >
          <Icon className="size-4" aria-hidden="true" />
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

/** Super-admin layout; without a token it sends the admin to /login. */
export function AdminShell() {
  const { token, email } = useAdminSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);

  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  function logout() {
    // End the session on the server too (audited); the tab forgets it whatever the answer.
    void adminApi.call('POST /api/admin-panel/auth/logout').catch(() => undefined);
    adminSessionStore.clear();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] === 'admin' });
  }

  return (
    <div className="min-h-dvh bg-zinc-50">
      <aside
        className={cn(
          'fixed inset-y-0 left-0 z-40 w-60 flex-col bg-zinc-950 p-4 lg:flex',
          menuOpen ? 'flex shadow-2xl' : 'hidden',
        )}
      >
        <div className="mb-6 flex items-center justify-between px-1 text-white">
          <span className="flex items-center gap-2 text-sm font-semibold">
            <InstaGrowthLogo withText={false} className="[&_svg]:size-7" />
            Admin console
          </span>
          <Button variant="ghost" size="icon" className="text-zinc-400 hover:bg-white/10 hover:text-white lg:hidden" onClick={() => setMenuOpen(false)} aria-label="Close navigation">
            <XIcon />
          </Button>
        </div>
        <Nav onNavigate={() => setMenuOpen(false)} />
        <div className="mt-auto border-t border-white/10 pt-4">
          <p className="truncate px-1 text-xs text-zinc-400" title={email ?? undefined}>
            {email ?? 'Signed in'}
          </p>
          <Button variant="ghost" size="sm" className="mt-2 w-full justify-start text-zinc-300 hover:bg-white/10 hover:text-white" onClick={logout}>
            <LogOut /> Log out
          </Button>
        </div>
      </aside>
      <div className="lg:pl-60">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/90 px-4 backdrop-blur lg:hidden">
          <Button variant="ghost" size="icon" onClick={() => setMenuOpen(true)} aria-label="Open navigation">
            <Menu />
          </Button>
          <span className="text-sm font-semibold">InstaGrowth OS Admin</span>
        </header>
        <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
