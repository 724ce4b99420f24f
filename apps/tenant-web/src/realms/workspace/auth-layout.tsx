import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { WorkspaceMark } from '@/components/logo';
import { useAppContext } from '@/app/app-context';
import { PoweredBy } from './branding/branding-effect';
import { useBranding } from './branding/queries';

/** Centered card with the workspace's own brand: public pages of a white-labelled workspace. */
export function AuthLayout({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { workspace } = useAppContext();
  const branding = useBranding().data;
  const name = branding?.name ?? workspace?.name ?? 'Workspace';
  return (
    <main className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden bg-zinc-50 px-4 py-12">
      <div className="brand-gradient pointer-events-none absolute inset-x-0 top-0 h-80 opacity-[0.14] [mask-image:linear-gradient(to_bottom,black,transparent)]" aria-hidden="true" />
      <Link to="/login" className="relative mb-8 flex items-center gap-3">
        <WorkspaceMark name={name} logoUrl={branding?.logoUrl ?? workspace?.branding.logoUrl} className="size-10 text-sm" />
        <span className="text-lg font-semibold tracking-tight text-zinc-950">{name}</span>
      </Link>
      <div className="relative w-full max-w-md rounded-2xl border border-zinc-200 bg-white p-6 shadow-xl shadow-zinc-900/[0.04] sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-950">{title}</h1>
        {description ? <div className="mt-1.5 text-sm text-zinc-500">{description}</div> : null}
        <div className="mt-6">{children}</div>
      </div>
      {footer ? <div className="relative mt-6 text-center text-sm text-zinc-500">{footer}</div> : null}
      <div className="relative mt-8">
        <PoweredBy />
      </div>
    </main>
  );
}
