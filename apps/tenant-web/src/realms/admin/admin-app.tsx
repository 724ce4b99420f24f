import { Navigate, Route, Routes } from 'react-router-dom';
import { AdminLoginPage } from './admin-login-page';
import { AdminShell } from './admin-shell';
import { TenantsPage } from './tenants-page';
import { SettingsPage } from './settings-page';
import { OutboxPage } from './outbox-page';
import { MailTemplatesPage } from './mail-templates-page';
import { MailLogPage } from './mail-log-page';

/** Admin realm (admin.<base domain>): the platform operator's console. Loaded lazily. */
export default function AdminApp() {
  return (
    <Routes>
      <Route path="/login" element={<AdminLoginPage />} />
      <Route element={<AdminShell />}>
        <Route index element={<Navigate to="/tenants" replace />} />
        <Route path="/tenants" element={<TenantsPage />} />
        <Route path="/settings" element={<SettingsPage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/mail-templates" element={<MailTemplatesPage />} />
        <Route path="/mail-log" element={<MailLogPage />} />
        <Route path="*" element={<Navigate to="/tenants" replace />} />
      </Route>
    </Routes>
  );
}
