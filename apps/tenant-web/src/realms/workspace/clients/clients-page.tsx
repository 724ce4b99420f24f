import { useState, type FormEvent } from 'react';
import { Briefcase, Trash2 } from 'lucide-react';
import type { ClientView } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Field } from '@/components/field';
import { EmptyState, ErrorState, PageHeader, TableSkeleton } from '@/components/states';
import { isApiError } from '@/lib/api-client';
import { useClientMutations, useClientOptions, useClients } from './queries';

function Checklist({ legend, options, selected, onChange, disabled }: { legend: string; options: { id: string; label: string }[]; selected: string[]; onChange: (ids: string[]) => void; disabled: boolean }) {
  return (
    <fieldset className="grid gap-1.5">
      <legend className="mb-1 text-sm font-medium text-zinc-800">{legend}</legend>
      {options.length === 0 ? <p className="text-sm text-zinc-500">None yet.</p> : null}
      {options.map((o) => (
        <label key={o.id} className="flex items-center gap-2 text-sm text-zinc-700">
          <input type="checkbox" disabled={disabled} checked={selected.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...selected, o.id] : selected.filter((x) => x !== o.id))} />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

function ClientCard({ client }: { client: ClientView }) {
  const { accounts, members } = useClientOptions();
  const { setAccounts, setMembers, remove } = useClientMutations();
  const accountOptions = (accounts.data?.data ?? []).map((a) => ({ id: a.id, label: `@${a.username}` }));
  const memberOptions = (members.data?.data ?? []).filter((m) => m.role === 'client' || m.role === 'manager').map((m) => ({ id: m.id, label: `${m.name} (${m.role === 'client' ? 'client user' : 'manager'})` }));
  const error = setAccounts.error ?? setMembers.error ?? remove.error;
  return (
    <Card data-testid="client-card">
      <CardHeader className="flex flex-row items-start justify-between gap-3">
        <div>
          <CardTitle>{client.name}</CardTitle>
          <CardDescription>{client.contacts.map((c) => (c.email ? `${c.name} <${c.email}>` : c.name)).join(', ') || 'No contacts'}</CardDescription>
        </div>
        <Button variant="ghost" size="sm" aria-label={`Delete ${client.name}`} disabled={remove.isPending} onClick={() => remove.mutate(client.id)}>
          <Trash2 />
        </Button>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <Checklist legend="Instagram accounts" options={accountOptions} selected={client.accountIds} disabled={setAccounts.isPending} onChange={(ids) => setAccounts.mutate({ id: client.id, ids })} />
        <Checklist legend="Client users and staff" options={memberOptions} selected={client.members.map((m) => m.id)} disabled={setMembers.isPending} onChange={(ids) => setMembers.mutate({ id: client.id, ids })} />
        {error ? <ApiErrorAlert className="sm:col-span-2" error={error} title="Could not save" /> : null}
      </CardContent>
    </Card>
  );
}

export function ClientsPage() {
  const clients = useClients();
  const { create } = useClientMutations();
  const [name, setName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactEmail, setContactEmail] = useState('');
  const fields = isApiError(create.error) ? (create.error.fields ?? {}) : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, contacts: contactName ? [{ name: contactName, email: contactEmail || null }] : [] },
      { onSuccess: () => { setName(''); setContactName(''); setContactEmail(''); } },
    );
  };
  return (
    <div className="grid gap-6">
      <PageHeader title="Clients" description="Each client sees only its own accounts when its users sign in here." />
      <Card>
        <CardContent className="pt-6">
          <form className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" onSubmit={submit} noValidate>
            <Field id="client-name" label="Client name" error={fields.name}>
              <Input id="client-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field id="client-contact" label="Contact name" error={fields['contacts.0.name']}>
              <Input id="client-contact" value={contactName} onChange={(e) => setContactName(e.target.value)} />
            </Field>
            <Field id="client-email" label="Contact e-mail" error={fields['contacts.0.email']}>
              <Input id="client-email" type="email" value={contactEmail} onChange={(e) => setContactEmail(e.target.value)} />
            </Field>
            <Button type="submit" disabled={create.isPending || !name.trim()}>
              Add client
            </Button>
          </form>
          {create.error && !Object.keys(fields).length ? <ApiErrorAlert className="mt-3" error={create.error} title="Could not add the client" /> : null}
        </CardContent>
      </Card>
      {clients.isError ? (
        <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
      ) : !clients.data ? (
        <TableSkeleton rows={2} columns={2} />
      ) : clients.data.items.length === 0 ? (
        <EmptyState icon={Briefcase} title="No clients yet" description="Add a client, give it its accounts, then invite its people as client users." />
      ) : (
        clients.data.items.map((c) => <ClientCard key={c.id} client={c} />)
      )}
    </div>
  );
}
