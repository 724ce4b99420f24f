import { Label } from '@/components/ui/label';
import { useAccounts } from '../accounts/queries';

/** The Instagram account a page works on (the first one you can see by default). */
export function AccountPicker({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const accounts = useAccounts();
  const list = accounts.data?.data ?? [];
  return (
    <div className="flex items-center gap-2">
      <Label htmlFor="account-picker">Account</Label>
      <select
        id="account-picker"
        className="h-9 rounded-md border border-zinc-200 bg-white px-2 text-sm"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value)}
        disabled={!list.length}
      >
        {!list.length ? <option value="">{accounts.isLoading ? 'Loading…' : 'No accounts'}</option> : null}
        {list.map((a) => (
          <option key={a.id} value={a.id}>
            @{a.username}
          </option>
        ))}
      </select>
    </div>
  );
}

export function useDefaultAccount(selected: string | undefined): string | undefined {
  const accounts = useAccounts();
  return selected ?? accounts.data?.data[0]?.id;
}
