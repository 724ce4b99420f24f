import { Copy } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { toast } from '@/components/ui/toaster';
import { ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { formatDate } from '@/lib/utils';
import { money, useReferrals } from './queries';

/** The workspace's referral link and what it earned. */
export function ReferralsPage() {
  const referrals = useReferrals();
  const data = referrals.data;
  return (
    <div className="space-y-6">
      <PageHeader title="Referrals" description="Share your link: you earn a commission on every paid invoice of a workspace that signs up through it." />
      {referrals.isPending ? <TableSkeleton rows={4} /> : null}
      {referrals.isError ? <ErrorState error={referrals.error} onRetry={() => void referrals.refetch()} /> : null}
      {data ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Your referral link</CardTitle>
              <CardDescription>
                {data.commissionPercent}% of each paid invoice, payable {data.holdDays} days after payment (reversed if refunded).
              </CardDescription>
            </CardHeader>
            <CardContent className="flex gap-2">
              <Input readOnly value={data.link} aria-label="Referral link" data-testid="referral-link" />
              <Button variant="outline" onClick={() => void navigator.clipboard?.writeText(data.link).then(() => toast({ title: 'Link copied' }))}>
                <Copy /> Copy
              </Button>
            </CardContent>
          </Card>
          <div className="grid gap-4 sm:grid-cols-4">
            {[
              ['Clicks', data.clicks],
              ['Sign-ups', data.signups],
              ['Paying', data.conversions],
              ['Earned (payable + paid)', money(data.earnings.payable + data.earnings.paid)],
            ].map(([label, value]) => (
              <Card key={label}>
                <CardHeader>
                  <CardDescription>{label}</CardDescription>
                  <CardTitle className="text-2xl">{value}</CardTitle>
                </CardHeader>
              </Card>
            ))}
          </div>
          <Card>
            <CardHeader>
              <CardTitle>Commissions</CardTitle>
              <CardDescription>Pending: {money(data.earnings.pending)} · payable: {money(data.earnings.payable)} · paid: {money(data.earnings.paid)}</CardDescription>
            </CardHeader>
            <CardContent>
              {data.commissions.length === 0 ? (
                <p className="text-sm text-zinc-600">No commissions yet.</p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Workspace</TableHead>
                      <TableHead>Date</TableHead>
                      <TableHead>Amount</TableHead>
                      <TableHead>Status</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.commissions.map((c) => (
                      <TableRow key={c.id}>
                        <TableCell>{c.referredSlug}</TableCell>
                        <TableCell>{formatDate(c.createdAt)}</TableCell>
                        <TableCell>{money(c.amount, c.currency)}</TableCell>
                        <TableCell>
                          <Badge variant={c.status === 'paid' ? 'success' : c.status === 'reversed' ? 'destructive' : 'secondary'}>{c.status}</Badge>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}
