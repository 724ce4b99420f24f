import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AdminDashboard } from '@instagrowth/contracts';
import { formatMoney } from './format';

const AXIS = { fontSize: 12, fill: '#52525b' } as const;
const REVENUE = '#6d28d9';
const TENANTS = '#0e7490';
const USERS = '#be185d';

/** Paid invoices per day or month of the range. */
export function RevenueChart({ data, currency }: { data: AdminDashboard['series']['revenue']; currency: string }) {
  return (
    <div className="h-64" data-testid="revenue-chart" role="img" aria-label={`Revenue per period: ${data.length} periods`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="period" tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} width={72} tickFormatter={(v: number) => formatMoney(v, currency)} />
          <Tooltip formatter={(v) => formatMoney(Number(v), currency)} labelFormatter={(l) => String(l)} />
          <Bar dataKey="amount" name="Revenue" fill={REVENUE} radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Tenants and users at the end of each period. */
export function GrowthChart({ tenants, users }: { tenants: AdminDashboard['series']['tenants']; users: AdminDashboard['series']['users'] }) {
  const data = tenants.map((t, i) => ({ period: t.period, tenants: t.total, users: users[i]?.total ?? 0 }));
  return (
    <div className="h-64" data-testid="growth-chart" role="img" aria-label={`Tenant and user growth: ${data.length} periods`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
          <XAxis dataKey="period" tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
          <YAxis tick={AXIS} tickLine={false} axisLine={false} allowDecimals={false} width={40} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Line type="monotone" dataKey="tenants" name="Tenants" stroke={TENANTS} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="users" name="Users" stroke={USERS} strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
