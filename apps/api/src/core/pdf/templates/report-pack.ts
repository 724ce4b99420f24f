/**
 * The report template pack: Handlebars partials every report (audit, planner, …) may use. They are
 * TS strings, not .hbs files, so `tsc` ships them in dist and `npm start` needs no copy step.
 * Every value is double-stashed (escaped); only the chart helpers return markup, which our own code builds.
 * The workspace's branding is `@brand` in every template and partial.
 */
export const REPORT_PARTIALS: Record<string, string> = {
  /** `{{> cover title="Account audit" subtitle="@handle" date=generatedAt meta=(array …)}}`; a full first page. */
  cover: `<section class="ig-cover">
  <div class="ig-cover-brand">
    {{#if @brand.logoDataUri}}<img class="ig-logo" src="{{@brand.logoDataUri}}" alt="{{@brand.name}} logo">{{/if}}
    <span class="ig-cover-name">{{@brand.name}}</span>
  </div>
  <div class="ig-cover-main">
    {{#if kicker}}<p class="ig-kicker">{{kicker}}</p>{{/if}}
    <h1>{{title}}</h1>
    {{#if subtitle}}<p class="ig-subtitle">{{subtitle}}</p>{{/if}}
  </div>
  <dl class="ig-cover-meta">
    {{#if date}}<div><dt>Date</dt><dd>{{formatDate date}}</dd></div>{{/if}}
    {{#each meta}}<div><dt>{{label}}</dt><dd>{{value}}</dd></div>{{/each}}
  </dl>
</section>
<div class="ig-page-break"></div>`,

  /** Block partial: `{{#> section title="Engagement" lead="…" breakBefore=true}}…{{/section}}`. */
  section: `{{#if breakBefore}}<div class="ig-page-break"></div>{{/if}}<section class="ig-section">
  <h2>{{title}}</h2>
  {{#if lead}}<p class="ig-lead">{{lead}}</p>{{/if}}
  {{> @partial-block}}
</section>`,

  /** `{{> scoreCards cards=scores}}`, cards: `[{ label, value: 0–100 | null, detail?, delta? }]`. */
  scoreCards: `<div class="ig-score-cards">
  {{#each cards}}<div class="ig-card ig-score-{{scoreClass value}}">
    {{scoreGauge title=(concat label " score") value=value label=label size=140}}
    {{#if delta}}<p class="ig-delta">{{signed delta}} since last time</p>{{/if}}
    {{#if detail}}<p class="ig-card-detail">{{detail}}</p>{{/if}}
  </div>{{/each}}
</div>`,

  /** `{{> table table=t}}`, t: `{ caption?, columns: [label…], rows: [[cell…]…], numeric?: [columnIndex…] }`. */
  table: `<table class="ig-table">
  {{#if table.caption}}<caption>{{table.caption}}</caption>{{/if}}
  <thead><tr>{{#each table.columns}}<th{{#if (includes ../table.numeric @index)}} class="num"{{/if}}>{{this}}</th>{{/each}}</tr></thead>
  <tbody>{{#each table.rows}}<tr>{{#each this}}<td{{#if (includes ../../table.numeric @index)}} class="num"{{/if}}>{{cell this}}</td>{{/each}}</tr>{{else}}<tr><td colspan="{{table.columns.length}}" class="ig-empty">No rows</td></tr>{{/each}}</tbody>
</table>`,

  /**
   * Block partial: `{{#> callout tone="warning" heading="…"}}text{{/callout}}`; tone: info | success | warning | danger.
   * (`heading`, not `title`: hash arguments merge into the surrounding context, and a section's `title` would leak in.)
   */
  callout: `<aside class="ig-callout ig-callout-{{#if tone}}{{tone}}{{else}}info{{/if}}">
  {{#if heading}}<p class="ig-callout-title">{{heading}}</p>{{/if}}
  <div>{{> @partial-block}}</div>
</aside>`,

  /** `{{> checklist items=actions heading="Week 1"}}`, items: `[{ text, detail?, done? }]`. */
  checklist: `<div class="ig-checklist">
  {{#if heading}}<h3>{{heading}}</h3>{{/if}}
  <ul>{{#each items}}<li class="{{#if done}}done{{/if}}"><span class="ig-box" aria-hidden="true">{{#if done}}✓{{/if}}</span><span><span class="ig-item">{{text}}</span>{{#if detail}}<span class="ig-item-detail">{{detail}}</span>{{/if}}</span></li>{{/each}}</ul>
</div>`,

  /** `{{> pageBreak}}` forces the next content onto a new page. */
  pageBreak: `<div class="ig-page-break"></div>`,
};
