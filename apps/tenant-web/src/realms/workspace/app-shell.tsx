import { useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { AnnouncementBanner } from './announcements/announcement-banner';
import { ImpersonationBanner } from './impersonation/impersonation-banner';
import * as DialogPrimitive from '@radix-ui/react-dialog';
import { BadgeCheck, ChevronDown, LogOut, MailWarning, Menu, Send, UserRound, XIcon } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { WorkspaceMark } from '@/components/logo';
import { useAppContext } from '@/app/app-context';
import { capitalize, cn, initials } from '@/lib/utils';
import { useAbility } from './ability';
import { NAV_ITEMS } from './features';
import { useResendVerification } from './resend-verification';
import { useBranding } from './branding/queries';
import { useCurrentMe, useLogout } from './session';

function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const ability = useAbility();
  const items = NAV_ITEMS.filter((item) => !item.can || ability.can(item.can[0], item.can[1]));
  return (
    <nav aria-label="Workspace" className="flex flex-col gap-0.5">
      {items.map(({ to, label, icon: Icon, end }) => (
        <NavLink
          key={to}
          to={to}
          end={end}
          onClick={onNavigate}
          className={({ isActive }) =>
            cn(
              'group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors',
              isActive ? 'bg-brand/10 text-brand-ink' : 'text-zinc-600 hover:bg-zinc-100 hover:text-zinc-950',
            )
          }
        >
          <Icon className="size-4 shrink-0" aria-hidden="true" />
          {label}
        </NavLink>
      ))}
    </nav>
  );
}

function WorkspaceBrand() {
  const me = useCurrentMe();
  const { workspace: hostWorkspace } = useAppContext();
  const workspace = me.workspace ?? hostWorkspace;
  const branding = useBranding().data;
  const name = branding?.name ?? workspace.name;
  return (
    <div className="flex min-w-0 items-center gap-2.5">
      <WorkspaceMark name={name} logoUrl={branding?.logoUrl ?? workspace.branding?.logoUrl} />
      <span className="truncate text-sm font-semibold tracking-tight text-zinc-950" data-testid="workspace-name">
        {name}
      </span>
    </div>
  );
}

function UserMenu() {
  const { user } = useCurrentMe();
  const logout = useLogout();
  const resend = useResendVerification(user.email);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <button
          type="button"
          className="flex items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm transition hover:bg-zinc-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand/40"
        >
          {/* No aria-label: the accessible name is the visible name plus a hidden hint (WCAG 2.5.3). */}
          <span className="brand-gradient flex size-8 items-center justify-center rounded-full text-xs font-semibold text-white" aria-hidden="true">
            {initials(user.name)}
          </span>
          <span className="sr-only max-w-40 truncate font-medium text-zinc-800 sm:not-sr-only">{user.name}</span>
          <span className="sr-only"> (account menu)</span>
          <ChevronDown className="size-4 text-zinc-500" aria-hidden="true" />
        </button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-72">
        <DropdownMenuLabel className="py-2">
          <div className="flex items-center justify-between gap-2">
            <span className="truncate font-semibold">{user.name}</span>
            <Badge variant="brand">{capitalize(user.role)}</Badge>
          </div>
          <div className="mt-1 truncate text-xs font-normal text-zinc-500">{user.email}</div>
          <div className="mt-2">
            {user.emailVerified ? (
              <Badge variant="success" data-testid="email-verified-badge">
                <BadgeCheck /> Email verified
              </Badge>
            ) : (
              <Badge variant="warning" data-testid="email-verified-badge">
                <MailWarning /> Email not verified
              </Badge>
            )}
          </div>
        </DropdownMenuLabel>
        {!user.emailVerified ? (
          <DropdownMenuItem
            disabled={resend.isPending}
            onSelect={(event) => {
              event.preventDefault();
              resend.mutate();
            }}
          >
            <Send /> Resend verification
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/profile">
            <UserRound /> Profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void logout()}>
          <LogOut /> Log out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="icon" className="lg:hidden" aria-label="Open navigation">
          <Menu />
        </Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-zinc-950/40 data-[state=open]:animate-fade-in lg:hidden" />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 flex-col gap-6 bg-white p-4 shadow-xl outline-none data-[state=open]:animate-slide-in-left lg:hidden">
          <DialogPrimitive.Title className="sr-only">Navigation</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">Workspace sections</DialogPrimitive.Description>
          <div className="flex items-center justify-between">
            <WorkspaceBrand />
            <DialogPrimitive.Close asChild>
              <Button variant="ghost" size="icon" aria-label="Close navigation">
                <XIcon />
              </Button>
            </DialogPrimitive.Close>
          </div>
          <SidebarNav onNavigate={() => setOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

/** The card under the navigation: a first step for staff, what the portal is for clients. */
function SidebarTip() {
  const { user } = useCurrentMe();
  const client = user.role === 'client';
  return (
    <div className="brand-gradient rounded-xl p-4 text-white">
      <p className="text-sm font-semibold">{client ? 'Your growth portal' : 'Growth starts here'}</p>
      <p className="mt-1 text-xs text-white/85">
        {client ? 'Dashboards, audits and plans for your accounts, and the content waiting for your approval.' : 'Connect an account and run your first audit to see where to focus.'}
      </p>
    </div>
  );
}

/** Authenticated layout: sidebar, top bar with the workspace brand, user menu. */
export function AppShell() {
  return (
    <div className="min-h-dvh bg-zinc-50">
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r border-zinc-200 bg-white lg:flex">
        <div className="flex h-16 items-center border-b border-zinc-100 px-5">
          <WorkspaceBrand />
        </div>
        <div className="flex-1 overflow-y-auto p-3">
          <SidebarNav />
        </div>
        <div className="border-t border-zinc-100 p-4">
          <SidebarTip />
        </div>
      </aside>
      <div className="lg:pl-64">
        <ImpersonationBanner />
        <header className="sticky top-0 z-20 flex h-16 items-center justify-between gap-3 border-b border-zinc-200 bg-white/85 px-4 backdrop-blur-md sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <MobileNav />
            <div className="lg:hidden">
              <WorkspaceBrand />
            </div>
          </div>
          <UserMenu />
        </header>
        <AnnouncementBanner />
        <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 lg:px-8">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
