/** Row shapes of control.plans and control.billing_products (read through the `sql` path). */
export type WhiteLabelOption = 'no' | 'addon' | 'yes';

export interface PlanRow {
  key: string;
  name: string;
  position: number;
  currency: string;
  priceMonthly: number;
  priceYearly: number;
  accounts: number;
  aiCredits: number;
  /** null = unlimited */
  seats: number | null;
  clientLogins: number | null;
  customDomains: number;
  whiteLabel: WhiteLabelOption;
  removePoweredBy: boolean;
  ownInstagramApp: boolean;
  features: string[];
  active: boolean;
}

export interface ProductRow {
  key: string;
  name: string;
  kind: 'one_time' | 'recurring_addon';
  currency: string;
  price: number;
  credits: number;
  description: string;
  active: boolean;
}
