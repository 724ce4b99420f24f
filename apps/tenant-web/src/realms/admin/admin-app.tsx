import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminLoginPage } from './admin-login-page';
import { AdminShell } from './admin-shell';
import { TenantsPage } from './tenants-page';
import { SettingsPage } from './settings-page';
import { OutboxPage } from './outbox-page';
import { DashboardPage } from './dashboard/dashboard-page';
import { PlansPage } from './billing/plans-page';
import { PayoutsPage } from './billing/payouts-page';

/** Admin realm (admin.<base domain>): the platform operator's console. Loaded lazily. */
export default function AdminApp() {
  return (
    <Routes>
      <Route path="/login" element={<AdminLoginPage />} />
      <Route element={<AdminShell />}>
        <Route index element={<Navigate to="/tenants" replace />} />
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/plans" element={<PlansPage />} />
        <Route path="/payouts" element={<PayoutsPage />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="*" element={<Navigate to="/tenants" replace />} />
      </Route>
    </Routes>
  );
}
