/**
 * Every e-mail the platform sends, as Handlebars sources rendered inside one branded layout
 * (`mail-renderer.ts`). `{{x}}` is HTML-escaped in the HTML part; the subject and text parts are
 * plain text. The super-admin may override subject/html/text (control.mail_templates); the
 * variables listed here are what the editor documents and what the preview fills with `sample`.
 */
export type MailCategory = 'transactional' | 'onboarding' | 'alerts' | 'reports';

/** Categories a recipient may unsubscribe from; transactional mail (reset, verify, invitations, billing) always goes out. */
export const OPTIONAL_CATEGORIES = ['onboarding', 'alerts', 'reports'] as const satisfies readonly MailCategory[];
export type OptionalCategory = (typeof OPTIONAL_CATEGORIES)[number];

export interface MailTemplateDef {
  key: string;
  name: string;
  category: MailCategory;
  subject: string;
  /** The body inside the layout (the layout adds logo, colours, footer and the unsubscribe link). */
  html: string;
  text: string;
  variables: Record<string, string>;
  sample: Record<string, unknown>;
}

const button = (label: string, url = 'url') => `<p style="margin:24px 0"><a class="btn" href="{{${url}}}">${label}</a></p>
<p class="muted">Or paste this link into your browser: {{${url}}}</p>`;

const defs: MailTemplateDef[] = [
  {
    key: 'verify-email',
    name: 'Confirm e-mail address',
    category: 'transactional',
    subject: 'Confirm your e-mail for {{workspace}}',
    html: `<h1>Hi {{name}}, confirm your e-mail</h1><p>Confirm this address to keep your {{workspace}} workspace secure. The link is valid for 48 hours.</p>${button('Confirm e-mail')}`,
    text: 'Hi {{name}},\n\nConfirm your e-mail for {{workspace}}: {{url}}\n\nThe link is valid for 48 hours.',
    variables: { name: 'The user’s name', url: 'Single-use confirmation link (48 h)' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/verify-email?token=sample' },
  },
  {
    key: 'reset-password',
    name: 'Password reset',
    category: 'transactional',
    subject: 'Reset your {{workspace}} password',
    html: `<h1>Reset your password</h1><p>Hi {{name}}, someone asked to reset your password. If it was not you, ignore this e-mail. The link is valid for 1 hour and works once.</p>${button('Choose a new password')}`,
    text: 'Hi {{name}},\n\nReset your password: {{url}}\n\nValid for 1 hour. If you did not ask for this, ignore this e-mail.',
    variables: { name: 'The user’s name', url: 'Single-use reset link (1 h)' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/reset-password?token=sample' },
  },
  {
    key: 'confirm-email-change',
    name: 'Confirm a new e-mail address',
    category: 'transactional',
    subject: 'Confirm your new e-mail for {{workspace}}',
    html: `<h1>Confirm your new address</h1><p>Hi {{name}}, follow this link to sign in with this address from now on. It is valid for 24 hours and works once. If you did not ask for this, ignore this e-mail.</p>${button('Confirm new address')}`,
    text: 'Hi {{name}},\n\nConfirm your new address for {{workspace}}: {{url}}\n\nValid for 24 hours. If you did not ask for this, ignore this e-mail.',
    variables: { name: 'The user’s name', url: 'Single-use confirmation link (24 h)' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/confirm-email?token=sample' },
  },
  {
    key: 'invitation',
    name: 'Team invitation',
    category: 'transactional',
    subject: '{{inviter}} invited you to {{workspace}}',
    html: `<h1>Join {{workspace}}</h1><p>{{inviter}} invited you to join as <b>{{role}}</b>. The invitation is valid for 7 days and works once.</p>${button('Accept invitation')}`,
    text: '{{inviter}} invited you to join {{workspace}} as {{role}}: {{url}}\n\nValid for 7 days.',
    variables: { inviter: 'Name of the person who invited', role: 'owner, admin, manager or client', url: 'Single-use invitation link (7 days)' },
    sample: { inviter: 'Grace Hopper', role: 'manager', url: 'https://acme.example.com/accept-invitation?token=sample' },
  },
  {
    key: 'welcome',
    name: 'Welcome (sign-up)',
    category: 'onboarding',
    subject: 'Welcome to {{workspace}}',
    html: `<h1>Welcome, {{name}}!</h1><p>Your workspace <b>{{workspace}}</b> is ready. In the next days we will send you a few short tips to get the most out of it.</p>${button('Open your workspace')}`,
    text: 'Welcome, {{name}}!\n\nYour workspace {{workspace}} is ready: {{url}}',
    variables: { name: 'The owner’s name', url: 'The workspace’s address' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com' },
  },
  {
    key: 'onboarding-connect',
    name: 'Onboarding day 0: connect an account',
    category: 'onboarding',
    subject: 'Connect your first Instagram account',
    html: `<h1>Connect your first account</h1><p>Hi {{name}}, everything in {{workspace}} starts with an Instagram professional account: connect one to see its growth, audits and best posting times.</p>${button('Connect an account')}`,
    text: 'Hi {{name}},\n\nConnect your first Instagram account: {{url}}',
    variables: { name: 'The owner’s name', url: 'The accounts page' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/accounts' },
  },
  {
    key: 'onboarding-audit',
    name: 'Onboarding day 1: run an audit',
    category: 'onboarding',
    subject: 'Run your first growth audit',
    html: `<h1>Run your first audit</h1><p>Hi {{name}}, an audit scores an account on what really drives growth and tells you what to fix first. It takes a minute.</p>${button('Run an audit')}`,
    text: 'Hi {{name}},\n\nRun your first growth audit: {{url}}',
    variables: { name: 'The owner’s name', url: 'The audits page' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/audits' },
  },
  {
    key: 'onboarding-content',
    name: 'Onboarding day 3: plan content',
    category: 'onboarding',
    subject: 'Plan a week of posts in five minutes',
    html: `<h1>Plan your content</h1><p>Hi {{name}}, the planner drafts captions in your brand voice and puts them at your audience’s best times.</p>${button('Open the planner')}`,
    text: 'Hi {{name}},\n\nPlan a week of posts: {{url}}',
    variables: { name: 'The owner’s name', url: 'The planner' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/planner' },
  },
  {
    key: 'onboarding-team',
    name: 'Onboarding day 7: invite the team',
    category: 'onboarding',
    subject: 'Bring your team and clients in',
    html: `<h1>Invite your team</h1><p>Hi {{name}}, managers work on the accounts you assign them and clients see their own reports. Invite them from the team page.</p>${button('Invite someone')}`,
    text: 'Hi {{name}},\n\nInvite your team and clients: {{url}}',
    variables: { name: 'The owner’s name', url: 'The team page' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/team' },
  },
  {
    key: 'audit-ready',
    name: 'Audit ready',
    category: 'alerts',
    subject: 'The audit of @{{username}} is ready',
    html: `<h1>Your audit is ready</h1><p>The growth audit of <b>@{{username}}</b> finished{{#if score}} with a score of <b>{{score}}/100</b>{{/if}}.</p>${button('Read the audit')}`,
    text: 'The growth audit of @{{username}} is ready{{#if score}} (score {{score}}/100){{/if}}: {{url}}',
    variables: { username: 'Instagram username', score: 'Overall score 0–100 (may be empty)', url: 'The audit page' },
    sample: { username: 'acme.studio', score: 72, url: 'https://acme.example.com/audits/sample' },
  },
  {
    key: 'weekly-digest',
    name: 'Weekly client digest',
    category: 'reports',
    subject: '{{clientName}}: your week on Instagram ({{week}})',
    html: `<h1>Your week, {{name}}</h1><p>Here is how the accounts of <b>{{clientName}}</b> did from {{week}}.</p>
<table class="data"><tr><th>Account</th><th>Followers</th><th>Change</th><th>Posts</th><th>Reach</th></tr>
{{#each accounts}}<tr><td>@{{username}}</td><td>{{followers}}</td><td>{{followersChange}}</td><td>{{posts}}</td><td>{{reach}}</td></tr>{{/each}}
</table>${button('Open your dashboard')}`,
    text: 'Your week, {{name}} ({{clientName}}, {{week}}):\n{{#each accounts}}\n@{{username}}: {{followers}} followers ({{followersChange}}), {{posts}} posts, reach {{reach}}{{/each}}\n\nDashboard: {{url}}',
    variables: {
      name: 'The client user’s name',
      clientName: 'The client',
      week: 'The week, e.g. 2026-11-23 – 2026-11-29',
      accounts: 'List of { username, followers, followersChange, posts, reach } from stored data',
      url: 'The dashboard',
    },
    sample: { name: 'Ada', clientName: 'Acme Bakery', week: '2026-11-23 – 2026-11-29', accounts: [{ username: 'acme.bakery', followers: 1200, followersChange: '+34', posts: 3, reach: 5400 }], url: 'https://acme.example.com' },
  },
  {
    key: 'monthly-report',
    name: 'Monthly client report',
    category: 'reports',
    subject: '{{clientName}}: your report for {{month}}',
    html: `<h1>Your report for {{month}}</h1><p>Hi {{name}}, the monthly report of <b>{{clientName}}</b> is attached as a PDF.</p>${button('Open your dashboard')}`,
    text: 'Hi {{name}},\n\nThe monthly report of {{clientName}} for {{month}} is attached as a PDF.\n\nDashboard: {{url}}',
    variables: { name: 'The client user’s name', clientName: 'The client', month: 'The month, e.g. November 2026', url: 'The dashboard' },
    sample: { name: 'Ada', clientName: 'Acme Bakery', month: 'November 2026', url: 'https://acme.example.com' },
  },
  {
    key: 'credits-low',
    name: 'AI credits low',
    category: 'alerts',
    subject: 'Only {{balance}} AI credits left in {{workspace}}',
    html: `<h1>Your AI credits are running low</h1><p>{{workspace}} has <b>{{balance}}</b> of its {{allowance}} monthly AI credits left ({{percent}}%). Top up or upgrade so audits and content keep working.</p>${button('Top up credits')}`,
    text: '{{workspace}} has {{balance}} of {{allowance}} AI credits left ({{percent}}%). Top up: {{url}}',
    variables: { balance: 'Credits left', allowance: 'Monthly allowance', percent: 'Percent left', url: 'The billing page' },
    sample: { balance: 40, allowance: 200, percent: 20, url: 'https://acme.example.com/billing' },
  },
  {
    key: 'trial-ending',
    name: 'Trial ending',
    category: 'transactional',
    subject: 'Your {{workspace}} trial ends in {{days}} day{{#if plural}}s{{/if}}',
    html: `<h1>Your trial ends on {{endsOn}}</h1><p>Hi {{name}}, choose a plan before {{endsOn}} to keep every feature. Nothing is deleted if you do not.</p>${button('Choose a plan')}`,
    text: 'Hi {{name}},\n\nYour {{workspace}} trial ends on {{endsOn}} ({{days}} day(s)). Choose a plan: {{url}}',
    variables: { name: 'The owner’s name', days: 'Days left (3 or 1)', plural: 'True when days > 1', endsOn: 'End date in the workspace’s time zone', url: 'The billing page' },
    sample: { name: 'Ada', days: 3, plural: true, endsOn: '2026-12-06', url: 'https://acme.example.com/billing' },
  },
  {
    key: 'payment-failed',
    name: 'Payment failed',
    category: 'transactional',
    subject: 'Payment failed for {{workspace}}: update your card',
    html: `<h1>Your payment failed</h1><p>Hi {{name}}, the payment of {{amount}} for {{workspace}} failed. Your plan stays active until {{graceUntil}}; after that the workspace moves to the Starter plan. Nothing is deleted: accounts over the limit become read-only until you pay.</p>${button('Pay the invoice or update your card', 'payUrl')}<p class="muted">Billing page: {{url}}</p>`,
    text: 'Hi {{name}},\n\nThe payment of {{amount}} for {{workspace}} failed. Your plan stays active until {{graceUntil}}; after that the workspace moves to the Starter plan. Nothing is deleted: accounts over the limit become read-only until you pay.\n\nPay the invoice or update your card: {{payUrl}}\nBilling page: {{url}}',
    variables: { name: 'The owner’s name', amount: 'Amount and currency', graceUntil: 'Last day of the grace period', payUrl: 'Stripe’s hosted invoice (else the billing page)', url: 'The billing page' },
    sample: { name: 'Ada', amount: '49.00 EUR', graceUntil: '2026-12-10', payUrl: 'https://invoice.stripe.com/sample', url: 'https://acme.example.com/billing' },
  },
  {
    key: 'payment-recovered',
    name: 'Payment recovered',
    category: 'transactional',
    subject: 'Payment received for {{workspace}}: thank you',
    html: `<h1>Payment received</h1><p>Hi {{name}}, the payment of {{amount}} for {{workspace}} went through. Your plan is active again.</p>${button('See your invoices')}`,
    text: 'Hi {{name}},\n\nThe payment of {{amount}} for {{workspace}} went through. Your plan is active again.\n\nInvoices: {{url}}',
    variables: { name: 'The owner’s name', amount: 'Amount and currency', url: 'The billing page' },
    sample: { name: 'Ada', amount: '49.00 EUR', url: 'https://acme.example.com/billing' },
  },
  {
    key: 'instagram-reconnect',
    name: 'Instagram reconnect needed',
    category: 'alerts',
    subject: 'Reconnect @{{username}} to {{workspace}}',
    html: `<h1>Reconnect @{{username}}</h1><p>Instagram stopped accepting the connection for <b>@{{username}}</b>, so its data is no longer updated. Reconnect it to resume syncing.</p>${button('Reconnect it')}`,
    text: 'Instagram stopped accepting the connection for @{{username}}, so its data is no longer updated. Reconnect it: {{url}}',
    variables: { username: 'Instagram username', url: 'The accounts page' },
    sample: { username: 'acme.studio', url: 'https://acme.example.com/accounts' },
  },
  {
    key: 'magic-link',
    name: 'Sign-in link (clients)',
    category: 'transactional',
    subject: 'Your sign-in link for {{workspace}}',
    html: `<h1>Hi {{name}}, sign in</h1><p>Follow this link to sign in. It is valid for 15 minutes and works once. If you did not ask for it, ignore this e-mail.</p>${button('Sign in')}`,
    text: 'Hi {{name}},\n\nSign in to {{workspace}}: {{url}}\n\nValid for 15 minutes, works once. If you did not ask for it, ignore this e-mail.',
    variables: { name: 'The client user’s name', url: 'Single-use sign-in link (15 min)' },
    sample: { name: 'Ada Lovelace', url: 'https://acme.example.com/magic-link#token=sample' },
  },
];

defs.push({
  key: 'admin-invitation',
  name: 'Super-admin invitation (platform)',
  category: 'transactional',
  subject: 'You are invited to the {{workspace}} admin console',
  html: `<h1>Join the admin console</h1><p>{{inviter}} invited you to administer {{workspace}}. You will choose a password and enrol an authenticator app. The link works once and is valid for {{days}} days.</p>${button('Accept invitation')}`,
  text: '{{inviter}} invited you to administer {{workspace}}: {{url}}\n\nThe link works once and is valid for {{days}} days.',
  variables: { inviter: 'The inviting admin’s e-mail', url: 'Single-use invitation link', days: 'Days the link is valid' },
  sample: { inviter: 'ops@instagrowth.test', url: 'https://admin.instagrowth.test/accept-invite?token=sample', days: 7 },
});

/** Client approvals: one body for every step; the key says which step (and is what the log and tests see). */
const APPROVAL_STEPS = {
  requested: 'Approval requested',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  commented: 'New comment on an approval',
  withdrawn: 'Approval request withdrawn',
  reminder: 'Approval reminder',
} as const;
export type ApprovalStep = keyof typeof APPROVAL_STEPS;

for (const [step, name] of Object.entries(APPROVAL_STEPS)) {
  defs.push({
    key: `approval-${step}`,
    name: `Client approval: ${name.toLowerCase()}`,
    category: 'transactional',
    subject: '{{headline}}: {{title}}',
    html: `<h1>{{headline}}</h1><p><b>{{title}}</b></p>{{#if comment}}<p><i>“{{comment}}”</i> — {{actor}}</p>{{/if}}${button('Open it')}`,
    text: '{{headline}}: {{title}}\n{{#if comment}}\n“{{comment}}” — {{actor}}\n{{/if}}\nOpen it: {{url}}',
    variables: { headline: 'What happened, with the account', title: 'The content item or plan', actor: 'Who did it', comment: 'Their comment (may be empty)', url: 'The item in the workspace' },
    sample: { headline: `${name} (@acme.bakery)`, title: 'Caption: autumn menu launch', actor: 'Grace Hopper', comment: step === 'changes-requested' ? 'Can you check the price?' : '', url: 'https://acme.example.com/approvals/sample' },
  });
}

/** Variables every template may use (filled by the renderer). */
export const COMMON_VARIABLES: Record<string, string> = { workspace: 'The workspace’s display name (the platform’s for platform mail)' };

export const MAIL_TEMPLATES: ReadonlyMap<string, MailTemplateDef> = new Map(defs.map((d) => [d.key, d]));

export function templateDef(key: string): MailTemplateDef {
  const def = MAIL_TEMPLATES.get(key);
  if (!def) throw new Error(`Unknown mail template ${key}`);
  return def;
}
