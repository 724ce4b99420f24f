import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Skeleton } from '@/components/ui/skeleton';
import { RequireAbility } from '../no-access';
import { InAppNotFound } from '../not-found-page';
import { AccountsPage } from './accounts-page';

// The detail page carries Recharts: its own chunk, loaded when an account is opened.
const AccountDetailPage = lazy(() => import('./account-detail-page'));

function DetailFallback() {
  return (
    <div className="grid gap-6" role="status" aria-busy="true" aria-label="Loading">
      <Skeleton className="h-8 w-32" />
      <Skeleton className="h-56 w-full rounded-xl" />
      <div className="grid gap-6 lg:grid-cols-2">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    </div>
  );
}

/** /accounts and /accounts/:accountId */
export function AccountsRoutes() {
  return (
    <RequireAbility can={['read', 'InstagramAccount']}>
      <Routes>
        <Route index element={<AccountsPage />} />
        <Route
          path=":accountId"
          element={
            <Suspense fallback={<DetailFallback />}>
              <AccountDetailPage />
            </Suspense>
          }
        />
        <Route path="*" element={<InAppNotFound />} />
      </Routes>
    </RequireAbility>
  );
}
