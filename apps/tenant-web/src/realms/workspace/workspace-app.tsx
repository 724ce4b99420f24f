import { Navigate, Route, Routes } from 'react-router-dom';
import { AppShell } from './app-shell';
import { RequireAuth } from './require-auth';
import { LoginPage } from './login-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { ResetPasswordPage } from './reset-password-page';
import { VerifyEmailPage } from './verify-email-page';
import { InvitePage } from './invite-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { TeamPage } from './team/team-page';
import { ComingSoonPage } from './coming-soon-page';
import { InAppNotFound } from './not-found-page';
import { AccountsRoutes } from './accounts/accounts-routes';
import { ConfirmEmailPage } from './profile/confirm-email-page';
import { ProfilePage } from './profile/profile-page';
import { ContentPage } from './content/content-page';
import { PlannerPage } from './planner/planner-page';
import { AuditsRoutes } from './audits/audits-routes';
import { BillingPage } from './billing/billing-page';
import { ReferralsPage } from './billing/referrals-page';
import { BrandingEffect } from './branding/branding-effect';
import { BrandingPage } from './branding/branding-page';
import { DomainsPage } from './domains/domains-page';
import { InstagramAppPage } from './instagram-app/instagram-app-page';
import { ClientsPage } from './clients/clients-page';
import { ImpersonatePage } from './impersonation/impersonate-page';
import { ApprovalsRoutes } from './approvals/approvals-page';
import { MagicLinkPage } from './magic-link-page';
import { MailLogPage } from './mail/mail-log-page';
import { MailPreferencesPage } from './mail/mail-preferences-page';
import { UnsubscribePage } from './mail/unsubscribe-page';
import { RequireAbility } from './no-access';
import { SettingsPage } from './settings/settings-page';

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
      <Route path="/confirm-email" element={<ConfirmEmailPage />} />
      <Route path="/impersonate" element={<ImpersonatePage />} />
      <Route path="/magic-link" element={<MagicLinkPage />} />
      <Route path="/unsubscribe" element={<UnsubscribePage />} />
      <Route path="/signup" element={<Navigate to="/login" replace />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<DashboardPage />} />
          <Route path="/dashboard" element={<Navigate to="/" replace />} />
          <Route path="/accounts/*" element={<AccountsRoutes />} />
          <Route path="/audits/*" element={<AuditsRoutes />} />
          <Route path="/content/*" element={<ContentPage />} />
          <Route path="/planner/*" element={<PlannerPage />} />
          <Route path="/approvals/*" element={<ApprovalsRoutes />} />
          <Route path="/inbox/*" element={<ComingSoonPage feature="inbox" />} />
          <Route path="/reports/*" element={<ComingSoonPage feature="reports" />} />
          <Route path="/team" element={<TeamPage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/billing" element={<RequireAbility can={['read', 'Billing']}><BillingPage /></RequireAbility>} />
          <Route path="/referrals" element={<RequireAbility can={['manage', 'Billing']}><ReferralsPage /></RequireAbility>} />
          <Route path="/clients" element={<RequireAbility can={['update', 'Workspace']}><ClientsPage /></RequireAbility>} />
          <Route path="/settings/branding" element={<RequireAbility can={['update', 'Workspace']}><BrandingPage /></RequireAbility>} />
          <Route path="/settings/domains" element={<RequireAbility can={['update', 'Workspace']}><DomainsPage /></RequireAbility>} />
          <Route path="/settings/mail" element={<MailPreferencesPage />} />
          <Route path="/settings/mail/log" element={<RequireAbility can={['update', 'Workspace']}><MailLogPage /></RequireAbility>} />
          <Route path="/settings/instagram-app" element={<RequireAbility can={['read', 'InstagramApp']}><InstagramAppPage /></RequireAbility>} />
          <Route path="/settings" element={<RequireAbility can={['update', 'Workspace']}><SettingsPage /></RequireAbility>} />
          <Route path="*" element={<InAppNotFound />} />
        </Route>
      </Route>
    </Routes>
    </>
  );
}
