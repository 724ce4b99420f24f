import { Link } from 'react-router-dom';
import { ArrowRight, CreditCard, Gift, Globe, KeyRound, Mail, Palette, UserRound, Users, type LucideIcon } from 'lucide-react';
import type { Action, Subject } from '@instagrowth/authz';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/states';
import { useAbility } from '../ability';

interface Section {
  to: string;
  title: string;
  description: string;
  icon: LucideIcon;
  can?: [Action, Subject];
}

const SECTIONS: Section[] = [
  { to: '/settings/branding', title: 'Branding', description: 'Name, logo, report logo, colours, favicon and e-mail sender name.', icon: Palette, can: ['update', 'Branding'] },
  { to: '/settings/domains', title: 'Custom domains', description: 'Serve the workspace on your own domain, verified with a DNS record.', icon: Globe, can: ['update', 'Workspace'] },
  { to: '/settings/mail', title: 'E-mail', description: 'Which e-mails you receive, the workspace’s e-mail log and its sending domain.', icon: Mail },
  { to: '/settings/instagram-app', title: 'Instagram app', description: 'Your own Instagram app, so the consent screen shows your name.', icon: KeyRound, can: ['read', 'InstagramApp'] },
  { to: '/team', title: 'Team', description: 'Members, roles and invitations.', icon: Users, can: ['read', 'Member'] },
  { to: '/billing', title: 'Billing', description: 'Plan, usage, credit packs and invoices.', icon: CreditCard, can: ['read', 'Billing'] },
  { to: '/referrals', title: 'Referrals', description: 'Your referral link and commissions.', icon: Gift, can: ['manage', 'Billing'] },
  { to: '/profile', title: 'Your profile', description: 'Your name, e-mail address, password and sessions.', icon: UserRound },
];

/** /settings: one page that points to every settings section the signed-in role may open. */
export function SettingsPage() {
  const ability = useAbility();
  const sections = SECTIONS.filter((s) => !s.can || ability.can(s.can[0], s.can[1]));
  return (
    <>
      <PageHeader title="Workspace settings" description="Everything that makes this workspace yours, in one place." />
      <div className="grid gap-3 sm:grid-cols-2" data-testid="settings-sections">
        {sections.map(({ to, title, description, icon: Icon }) => (
          <Card key={to} className="py-0 transition hover:border-brand/40">
            <CardContent className="p-0">
              <Link to={to} className="flex items-start gap-3 p-5">
                <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-brand/10 text-brand-ink">
                  <Icon className="size-4" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block font-medium text-zinc-900">{title}</span>
                  <span className="block text-sm text-zinc-500">{description}</span>
                </span>
                <ArrowRight className="mt-1 size-4 shrink-0 text-zinc-400" aria-hidden="true" />
              </Link>
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
