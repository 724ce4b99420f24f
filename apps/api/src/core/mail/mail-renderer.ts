import Handlebars from 'handlebars';
import { COMMON_VARIABLES, type MailTemplateDef } from './mail.templates.js';

/** The brand a mail is dressed in: the workspace's, or the platform's for platform mail. */
export interface MailBrand {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  footer: string | null;
  showPoweredBy: boolean;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface TemplateSource {
  subject: string;
  html: string;
  text: string;
}

// One isolated Handlebars instance: no globally registered helpers can change our output.
const hbs = Handlebars.create();

const LAYOUT = hbs.compile(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{{subject}}</title>
<style>
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;background:#f4f4f5;margin:0;padding:24px;color:#18181b}
.card{max-width:560px;margin:auto;background:#fff;border-radius:12px;padding:32px;border-top:4px solid {{brand.primaryColor}};}
h1{font-size:20px;margin:0 0 12px}
p{line-height:1.5;color:#3f3f46}
.muted{color:#71717a;font-size:12px;word-break:break-all}
.btn{display:inline-block;background:{{brand.primaryColor}};color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600}
table.data{border-collapse:collapse;width:100%;font-size:14px}
table.data th,table.data td{border-bottom:1px solid #e4e4e7;padding:6px;text-align:left}
.footer{max-width:560px;margin:16px auto 0;color:#71717a;font-size:12px;text-align:center}
</style></head>
<body><div class="card">
{{#if brand.logoUrl}}<p><img src="{{brand.logoUrl}}" alt="{{brand.name}}" height="32"></p>{{else}}<p style="font-weight:700;color:{{brand.primaryColor}}">{{brand.name}}</p>{{/if}}
{{{body}}}
</div>
<div class="footer">
<p>{{#if brand.footer}}{{brand.footer}}{{else}}{{brand.name}}{{/if}}</p>
{{#if unsubscribeUrl}}<p>You receive these e-mails because of your {{brand.name}} account. <a href="{{unsubscribeUrl}}">Unsubscribe from {{categoryLabel}}</a> · <a href="{{preferencesUrl}}">E-mail preferences</a></p>{{/if}}
{{#if brand.showPoweredBy}}<p>Powered by InstaGrowth OS</p>{{/if}}
</div></body></html>`);

const TEXT_FOOTER = hbs.compile(`\n\n--\n{{#if brand.footer}}{{brand.footer}}{{else}}{{brand.name}}{{/if}}{{#if unsubscribeUrl}}\nUnsubscribe from {{categoryLabel}}: {{unsubscribeUrl}}{{/if}}`, { noEscape: true });

const CATEGORY_LABEL: Record<string, string> = { onboarding: 'tips and onboarding e-mails', alerts: 'alerts', reports: 'reports and digests' };

/** Header values never carry a line break: CR/LF (and other controls) become spaces. */
export function headerSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** `"Display Name" <address>` with the name cleaned of line breaks, quotes and angle brackets. */
export function formatSender(name: string | null, address: string): string {
  const bare = /<([^>]+)>/.exec(address)?.[1] ?? address;
  const cleanName = name ? headerSafe(name).replace(/["<>\\]/g, '').slice(0, 120) : '';
  return cleanName ? `"${cleanName}" <${headerSafe(bare)}>` : headerSafe(address);
}

const compiled = new Map<string, { subject: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>();

function compile(source: TemplateSource) {
  const cacheKey = JSON.stringify(source);
  let c = compiled.get(cacheKey);
  if (!c) {
    c = {
      // strict: a misspelt variable fails the render (and the editor's preview) instead of vanishing.
      subject: hbs.compile(source.subject, { noEscape: true }),
      html: hbs.compile(source.html),
      text: hbs.compile(source.text, { noEscape: true }),
    };
    if (compiled.size > 500) compiled.clear();
    compiled.set(cacheKey, c);
  }
  return c;
}

/** Throws a readable error when a source does not parse (the editor shows it). */
export function checkTemplateSource(source: TemplateSource): string | null {
  try {
    for (const part of ['subject', 'html', 'text'] as const) hbs.precompile(source[part]);
    return null;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

export function renderMail(def: MailTemplateDef, source: TemplateSource, vars: Record<string, unknown>, brand: MailBrand, links: { unsubscribeUrl: string | null; preferencesUrl: string | null }): RenderedMail {
  const c = compile(source);
  const context = { ...vars, workspace: vars.workspace ?? brand.name };
  const subject = headerSafe(c.subject(context));
  const body = c.html(context);
  const layoutVars = { subject, body, brand, unsubscribeUrl: links.unsubscribeUrl, preferencesUrl: links.preferencesUrl, categoryLabel: CATEGORY_LABEL[def.category] ?? def.category };
  return { subject, html: LAYOUT(layoutVars), text: c.text(context) + TEXT_FOOTER(layoutVars) };
}

export { COMMON_VARIABLES };
