import { definePdfTemplate } from '../core/pdf/index.js';

export interface MonthlyReportData {
  clientName: string;
  month: string;
  generatedAt: string;
  table: { columns: string[]; rows: (string | number)[][]; numeric: number[] };
}

/** The monthly client report attached to the `monthly-report` mail (numbers from stored data). */
export const MONTHLY_REPORT_PDF = definePdfTemplate<MonthlyReportData>({
  name: 'monthly-client-report',
  title: (d, brand) => `${brand.name} · ${d.clientName} · ${d.month}`,
  body: `{{> cover kicker="Monthly report" title=clientName subtitle=month date=generatedAt}}
{{#> section title="Your accounts this month" lead="Followers at month end, change over the month, posts published and total reach."}}
  {{> table table=table}}
{{/section}}`,
});
