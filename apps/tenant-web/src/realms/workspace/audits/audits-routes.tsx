import { lazy, Suspense } from 'react';
import { Link, Route, Routes } from 'react-router-dom';
import { Skeleton } from '@/components/ui/skeleton';
import { useAbility } from '../ability';
import { InAppNotFound } from '../not-found-page';
import { DashboardAccounts } from './dashboard-accounts';

const AuditPage = lazy(() => import('./audit-page'));

/** /audits/:auditId (audits are started from an account's page). */
export function AuditsRoutes() {
  return (
    <Routes>
      <Route index element={<AuditsIndex />} />
      <Route
        path=":auditId"
        element={
          <Suspense fallback={<Skeleton className="h-64 w-full rounded-xl" aria-label="Loading" />}>
            <AuditPage />
          </Suspense>
        }
      />
      <Route path="*" element={<InAppNotFound />} />
    </Routes>
  );
}

/** Audits belong to an account: this page says where to start one and where the history lives. */
function AuditsIndex() {
  const ability = useAbility();
  return (
    <div className="grid gap-6">
      <div className="grid max-w-2xl gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Audits</h1>
        <p className="text-zinc-600">
          An audit scores an account’s engagement, consistency, growth, content and risk from its stored history, with the evidence behind every
          number. Open an account and choose <strong>Run audit</strong>; its page lists every audit with the change since the previous one. Each
          account’s latest score is listed here and on the dashboard.
        </p>
        <p>
          <Link className="font-medium text-brand-ink underline underline-offset-4" to="/accounts">
            Go to accounts
          </Link>
        </p>
      </div>
      {/* Each account's latest score links to that audit, so the history is one click away. */}
      {ability.can('read', 'InstagramAccount') ? <DashboardAccounts /> : null}
    </div>
  );
}
