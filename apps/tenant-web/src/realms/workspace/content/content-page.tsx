import { useState } from 'react';
import { AtSign } from 'lucide-react';
import { asSubject } from '@instagrowth/authz';
import { Button } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/states';
import { useAbility } from '../ability';
import { useAccounts } from '../accounts/queries';
import { AccountPicker, useDefaultAccount } from './account-picker';
import { BrandVoiceForm } from './brand-voice-form';
import { Generator } from './generator';
import { Library } from './library';

const TABS = [
  ['generate', 'Generate'],
  ['library', 'Library'],
  ['voice', 'Brand voice'],
] as const;

/** /content: generators, the library and the brand voice of the chosen account. */
export function ContentPage() {
  const ability = useAbility();
  const accounts = useAccounts();
  const [picked, setPicked] = useState<string>();
  const accountId = useDefaultAccount(picked);
  const canCreate = accountId ? ability.can('create', asSubject('Content', { accountId })) : false;
  // No choice yet: generators for those who may create, the library for clients (decided once accounts load).
  const [tab, setTab] = useState<(typeof TABS)[number][0]>();
  const current = !canCreate ? 'library' : (tab ?? 'generate');
  return (
    <div>
      <PageHeader title="Content" description="Captions, hooks, reels, carousels, stories, hashtags and post ideas in each account’s voice." actions={<AccountPicker value={accountId} onChange={setPicked} />} />
      {accounts.data && !accounts.data.data.length ? (
        <EmptyState icon={AtSign} title="No accounts yet" description="Add or connect an Instagram account first; content is written for one account at a time." />
      ) : (
        <>
          <div role="tablist" className="mb-4 flex gap-1 border-b border-zinc-200">
            {TABS.filter(([id]) => canCreate || id === 'library').map(([id, label]) => (
              <Button key={id} role="tab" aria-selected={current === id} variant="ghost" className={current === id ? 'border-b-2 border-brand rounded-none' : 'rounded-none'} onClick={() => setTab(id)}>
                {label}
              </Button>
            ))}
          </div>
          {accountId && current === 'generate' ? <Generator accountId={accountId} /> : null}
          {current === 'library' ? <Library accountId={accountId} /> : null}
          {accountId && current === 'voice' ? <BrandVoiceForm accountId={accountId} canEdit={ability.can('update', asSubject('Content', { accountId }))} /> : null}
        </>
      )}
    </div>
  );
}
