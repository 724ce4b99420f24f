import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './app-shell';
import { RequireAuth } from './require-auth';
import { LoginPage } from './login-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { VerifyEmailPage } from './verify-email-page';
import { InvitePage } from './invite-page';
import { DashboardPage } from './dashboard-page';
import { TeamPage } from './team-page';
import { ComingSoonPage } from './coming-soon-page';
import { InAppNotFound } from './not-found-page';
import { AccountsRoutes } from './accounts/accounts-routes';
import { BrandingEffect } from './branding/branding-effect';
import { BrandingPage } from './branding/branding-page';
import { DomainsPage } from './domains/domains-page';
import { ClientsPage } from './clients/clients-page';

/** Workspace realm (<slug>.<base domain>): the agency's branded app and client portal. */
export default function WorkspaceApp() {
  return (
    <>
    <BrandingEffect />
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/invite" element={<InvitePage />} />
      <Route path="/signup" element={<Navigate to="/login" replace />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<DashboardPage />} />
          <Route path="/dashboard" element={<Navigate to="/" replace />} />
          <Route path="/accounts/*" element={<AccountsRoutes />} />
          <Route path="/audits/*" element={<ComingSoonPage feature="audits" />} />
          <Route path="/content/*" element={<ComingSoonPage feature="content" />} />
          <Route path="/planner/*" element={<ComingSoonPage feature="planner" />} />
          <Route path="/inbox/*" element={<ComingSoonPage feature="inbox" />} />
          <Route path="/reports/*" element={<ComingSoonPage feature="reports" />} />
          <Route path="/team" element={<TeamPage />} />
          <Route path="/clients" element={<ClientsPage />} />
          <Route path="/settings/branding" element={<BrandingPage />} />
          <Route path="/settings/domains" element={<DomainsPage />} />
          <Route path="/settings/*" element={<ComingSoonPage feature="settings" />} />
          <Route path="*" element={<InAppNotFound />} />
        </Route>
      </Route>
    </Routes>
    </>
  );
}
