import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminLoginPage } from './admin-login-page';
import { AdminShell } from './admin-shell';
import { TenantsPage } from './tenants-page';
import { SettingsPage } from './settings-page';
import { OutboxPage } from './outbox-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { PlansPage } from './billing/plans-page';
import { PayoutsPage } from './billing/payouts-page';
import { TenantDetailPage } from './tenant-detail-page';
import { AccountsPage, UsersPage } from './directory-pages';
import { AuditLogPage } from './audit-log-page';
import { AnnouncementsPage } from './announcements-page';
import { AdminsPage } from './admins-page';
import { AcceptAdminInvitePage } from './accept-invite-page';
import { MailTemplatesPage } from './mail-templates-page';
import { MailLogPage } from './mail-log-page';

/** Admin realm (admin.<base domain>): the platform operator's console. Loaded lazily. */
export default function AdminApp() {
  return (
    <Routes>
      <Route path="/login" element={<AdminLoginPage />} />
      <Route path="/accept-invite" element={<AcceptAdminInvitePage />} />
      <Route element={<AdminShell />}>
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/payouts" element={<PayoutsPage />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/tenants/:id" element={<TenantDetailPage />} />
        <Route path="/users" element={<UsersPage />} />
        <Route path="/accounts" element={<AccountsPage />} />
        <Route path="/announcements" element={<AnnouncementsPage />} />
        <Route path="/audit-log" element={<AuditLogPage />} />
        <Route path="/admins" element={<AdminsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/mail-templates" element={<MailTemplatesPage />} />
        <Route path="/mail-log" element={<MailLogPage />} />
        <Route path="*" element={<Navigate to="/dashboard" replace />} />
      </Route>
    </Routes>
  );
}
