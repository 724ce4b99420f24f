/** The default plans from PRODUCT.md (the super-admin can edit them; the API will serve them later). */
export interface PlanCard {
  id: 'starter' | 'pro' | 'agency' | 'enterprise';
  name: string;
  price: number;
  tagline: string;
  accounts: number;
  aiGenerations: number;
  seats: string;
  whiteLabel: string;
  highlight?: boolean;
}

export const PLANS: PlanCard[] = [
  {
    id: 'starter',
    name: 'Starter',
    price: 19,
    tagline: 'For creators growing one account.',
    accounts: 1,
    aiGenerations: 10,
    seats: '1 seat',
    whiteLabel: 'No white-label',
  },
  {
    id: 'pro',
    name: 'Pro',
    price: 49,
    tagline: 'For freelancers and small teams.',
    accounts: 5,
    aiGenerations: 100,
    seats: '3 seats',
    whiteLabel: 'White-label add-on ($49/mo)',
    highlight: true,
  },
  {
    id: 'agency',
    name: 'Agency',
    price: 149,
    tagline: 'For agencies reselling under their brand.',
    accounts: 25,
    aiGenerations: 500,
    seats: '10 seats + client logins',
    whiteLabel: 'White-label included',
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    price: 299,
    tagline: 'For networks managing many brands.',
    accounts: 100,
    aiGenerations: 2000,
    seats: 'Unlimited seats',
    whiteLabel: 'White-label + custom domains',
  },
];

export const EXTRAS = [
  { name: 'Full audit report', price: '$29', note: 'one-time' },
  { name: '30-day content pack', price: '$19', note: 'one-time' },
  { name: 'Extra Instagram account', price: '$5', note: 'per month' },
  { name: 'White-label add-on for Pro', price: '$49', note: 'per month' },
];
