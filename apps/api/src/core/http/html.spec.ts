import { describe, expect, it } from '@jest/globals';
import { escapeHtml } from './html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of content or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('plain @user.name')).toBe('plain @user.name');
  });
});
