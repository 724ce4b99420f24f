import { Link } from 'react-router-dom';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { formatDateTime } from '@/lib/utils';
import { Delta } from './audit-bits';
import { useAuditHistory } from './queries';

/** The account's audits, newest first, with the overall score's change since the previous one. */
export function AuditHistoryList({ accountId, currentId }: { accountId: string; currentId?: string }) {
  const history = useAuditHistory(accountId);
  const rows = history.data?.data ?? [];
  return (
    <Card data-testid="audit-history">
      <CardHeader>
        <CardTitle>Audit history</CardTitle>
        <CardDescription>Newest first; the change is against the audit before it.</CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-sm text-zinc-500">No audits yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100">
            {rows.map((a) => (
              <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <Link to={`/audits/${a.id}`} className={a.id === currentId ? 'font-semibold' : 'text-brand hover:underline'}>
                  {formatDateTime(a.createdAt)}
                </Link>
                <span className="text-zinc-600">
                  {a.status === 'completed' ? (
                    <>
                      {a.overall === null ? 'not enough data' : `${Math.round(a.overall)} / 100`} <Delta value={a.overallChange} />
                      {a.source === 'offline' ? <span className="ml-2 text-xs text-zinc-500">without AI</span> : null}
                    </>
                  ) : (
                    a.status
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
