import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Skeleton } from '@/components/ui/skeleton';
import { InAppNotFound } from '../not-found-page';

const AuditPage = lazy(() => import('./audit-page'));

/** /audits/:auditId (audits are started from an account's page). */
export function AuditsRoutes() {
  return (
    <Routes>
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
