import {
  AtSign,
  CalendarDays,
  CheckCircle2,
  FileBarChart,
  Inbox,
  LayoutDashboard,
  Settings,
  CreditCard,
  Gift,
  Sparkles,
  Stethoscope,
  Users,
  Palette,
  Briefcase,
  Globe,
  Mail,
  KeyRound,
  type LucideIcon,
} from 'lucide-react';
import type { Action, Subject } from '@instagrowth/authz';

export type FeatureId = 'accounts' | 'audits' | 'content' | 'planner' | 'inbox' | 'reports' | 'settings';

export interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Hidden unless the ability allows this. */
  can?: [Action, Subject];
  end?: boolean;
}

export const NAV_ITEMS: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: LayoutDashboard, end: true },
  { to: '/accounts', label: 'Accounts', icon: AtSign, can: ['read', 'InstagramAccount'] },
  { to: '/audits', label: 'Audits', icon: Stethoscope, can: ['read', 'Audit'] },
  { to: '/content', label: 'Content', icon: Sparkles, can: ['read', 'Content'] },
  { to: '/planner', label: 'Planner', icon: CalendarDays, can: ['read', 'Plan'] },
  { to: '/approvals', label: 'Approvals', icon: CheckCircle2, can: ['read', 'Approval'] },
  { to: '/inbox', label: 'Inbox', icon: Inbox, can: ['read', 'Inbox'] },
  { to: '/reports', label: 'Reports', icon: FileBarChart, can: ['read', 'Report'] },
  { to: '/team', label: 'Team', icon: Users, can: ['read', 'Member'] },
  { to: '/clients', label: 'Clients', icon: Briefcase, can: ['update', 'Workspace'] },
  { to: '/settings/branding', label: 'Branding', icon: Palette, can: ['update', 'Branding'] },
  { to: '/settings/domains', label: 'Domains', icon: Globe, can: ['update', 'Workspace'] },
  { to: '/settings/mail', label: 'E-mail', icon: Mail },
  { to: '/settings/instagram-app', label: 'Instagram app', icon: KeyRound, can: ['read', 'InstagramApp'] },
  { to: '/settings', label: 'Settings', icon: Settings, can: ['update', 'Workspace'], end: true },
  { to: '/billing', label: 'Billing', icon: CreditCard, can: ['read', 'Billing'] },
  { to: '/referrals', label: 'Referrals', icon: Gift, can: ['manage', 'Billing'] },
];

export interface ComingSoonFeature {
  id: FeatureId;
  title: string;
  icon: LucideIcon;
  can: [Action, Subject];
  pitch: string;
  points: string[];
}

/** What each not-yet-built area will do, so the empty page still teaches. */
export const COMING_SOON: Record<FeatureId, ComingSoonFeature> = {
  accounts: {
    id: 'accounts',
    title: 'Instagram accounts',
    icon: AtSign,
    can: ['read', 'InstagramAccount'],
    pitch: 'Connect the Instagram professional accounts you manage and keep their history in one place.',
    points: [
      'Connect with Instagram Business Login, or add a manual account and import posts from a CSV',
      'Profile, posts, reach and audience insights synced into daily snapshots',
      'Tokens refreshed before they expire, with a clear reconnect flow when needed',
      '“Refresh now” with visible progress',
    ],
  },
  audits: {
    id: 'audits',
    title: 'AI audits',
    icon: Stethoscope,
    can: ['read', 'Audit'],
    pitch: 'A full health check of an account, computed from its own data and explained in plain language.',
    points: [
      'Engagement rate by followers and by reach, compared with accounts of the same size',
      'Shadowban-risk estimate built only from evidence the API provides, always labelled as an estimate',
      'Posting consistency, format mix and a growth diagnosis',
      'Prioritised recommendations, a 30-day recovery roadmap and a branded PDF',
    ],
  },
  content: {
    id: 'content',
    title: 'AI content engine',
    icon: Sparkles,
    can: ['read', 'Content'],
    pitch: 'Captions, hooks, reel scripts and hashtags written in each brand’s voice.',
    points: [
      'Captions with your tone, length, call to action, emoji and language',
      'Viral hooks and reel ideas with a beat-by-beat script',
      'Hashtag clusters ranked by what has worked for this account',
      'A saved library to edit, favourite, copy, export and send for client approval',
    ],
  },
  planner: {
    id: 'planner',
    title: 'Growth planner',
    icon: CalendarDays,
    can: ['read', 'Plan'],
    pitch: 'Day-by-day growth plans built around when this audience is actually online.',
    points: [
      '7, 14 and 30-day plans with daily post, story, engage and analyse tasks',
      'Best posting times from the account’s own engagement by weekday and hour',
      'A content mix based on what performs for this account',
      'Calendar view, task completion and branded PDF export',
    ],
  },
  inbox: {
    id: 'inbox',
    title: 'Inbox assistant',
    icon: Inbox,
    can: ['read', 'Inbox'],
    pitch: 'Every comment and DM in one place, with replies drafted in the brand voice.',
    points: [
      'Comments and messages arrive in real time through Instagram webhooks',
      'AI-suggested replies you approve before they are sent',
      'Hide comments and set keyword auto-replies with safety limits',
    ],
  },
  reports: {
    id: 'reports',
    title: 'Reports',
    icon: FileBarChart,
    can: ['read', 'Report'],
    pitch: 'Branded reports your clients will actually read.',
    points: [
      'PDF audits, plans and monthly client reports with your logo, colours and footer',
      'Share links that expire',
      'Monthly reports emailed to clients automatically',
    ],
  },
  settings: {
    id: 'settings',
    title: 'Workspace settings',
    icon: Settings,
    can: ['update', 'Workspace'],
    pitch: 'Make the workspace yours: brand, domain, billing and integrations.',
    points: [
      'Branding: name, logo, report logo, colours, favicon and email sender name',
      'Your own custom domain, verified with a DNS record',
      'Plan, invoices and payment method through Stripe',
      'Optional Instagram app credentials so the consent screen shows your agency',
    ],
  },
};
