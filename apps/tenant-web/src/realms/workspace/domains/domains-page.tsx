import { useState, type FormEvent } from 'react';
import { Globe, RefreshCw, Trash2 } from 'lucide-react';
import type { DomainView } from '@instagrowth/contracts';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Field } from '@/components/field';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { isApiError } from '@/lib/api-client';
import { formatRelative } from '@/lib/utils';
import { useDomainMutations, useDomains } from './queries';

function DomainCard({ domain }: { domain: DomainView }) {
  const { verify, remove } = useDomainMutations();
  const verifying = verify.isPending && verify.variables === domain.id;
  return (
    <Card data-testid="domain-card">
      <CardHeader className="flex flex-row items-start justify-between gap-3">
        <div>
          <CardTitle className="flex items-center gap-2">
            {domain.hostname}
            <Badge variant={domain.status === 'verified' ? 'success' : 'warning'} data-testid="domain-status">
              {domain.status === 'verified' ? 'Verified' : 'Pending'}
            </Badge>
          </CardTitle>
          <CardDescription>
            {domain.reason ?? (domain.status === 'verified' ? 'Routing to this workspace.' : 'Create the records below, then verify.')}
            {domain.lastCheckedAt ? ` Last checked ${formatRelative(domain.lastCheckedAt)}.` : ''}
          </CardDescription>
        </div>
        <div className="flex gap-2">
          <Button variant="outline" size="sm" disabled={verifying} onClick={() => verify.mutate(domain.id)}>
            <RefreshCw className={verifying ? 'animate-spin' : ''} /> Verify now
          </Button>
          <Button variant="ghost" size="sm" aria-label={`Remove ${domain.hostname}`} disabled={remove.isPending} onClick={() => remove.mutate(domain.id)}>
            <Trash2 />
          </Button>
        </div>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Type</TableHead>
              <TableHead>Name</TableHead>
              <TableHead>Value</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {domain.records.map((r) => (
              <TableRow key={r.type}>
                <TableCell>{r.type}</TableCell>
                <TableCell className="font-mono text-xs">{r.name}</TableCell>
                <TableCell className="font-mono text-xs break-all">{r.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {verify.error && verify.variables === domain.id ? <ApiErrorAlert className="mt-3" error={verify.error} title="Could not check DNS" /> : null}
      </CardContent>
    </Card>
  );
}

export function DomainsPage() {
  const domains = useDomains();
  const { add } = useDomainMutations();
  const [hostname, setHostname] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(hostname, { onSuccess: () => setHostname('') });
  };
  const fieldError = isApiError(add.error) ? (add.error.fields?.hostname ?? add.error.message) : undefined;
  return (
    <div className="grid gap-6">
      <PageHeader title="Custom domains" description="Serve this workspace on your own domain, with a certificate issued automatically once DNS is verified." />
      <Card>
        <CardContent className="pt-6">
          <form className="flex flex-col gap-3 sm:flex-row sm:items-end" onSubmit={submit} noValidate>
            <Field id="domain-hostname" label="Domain" error={fieldError} className="flex-1">
              <Input id="domain-hostname" placeholder="growth.youragency.com" value={hostname} onChange={(e) => setHostname(e.target.value)} />
            </Field>
            <Button type="submit" disabled={add.isPending || !hostname.trim()}>
              Add domain
            </Button>
          </form>
        </CardContent>
      </Card>
      {domains.isError ? (
        <ErrorState error={domains.error} onRetry={() => void domains.refetch()} />
      ) : !domains.data ? (
        <TableSkeleton rows={2} columns={3} />
      ) : domains.data.items.length === 0 ? (
        <EmptyState icon={Globe} title="No custom domains yet" description="Add one above; we show the two DNS records to create." />
      ) : (
        domains.data.items.map((d) => <DomainCard key={d.id} domain={d} />)
      )}
    </div>
  );
}
