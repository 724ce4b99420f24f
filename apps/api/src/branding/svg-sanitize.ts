/**
 * A strict allow-list SVG cleaner: the document is tokenised and written out again keeping only
 * known drawing elements and presentation attributes. Scripts, event handlers, foreignObject,
 * <style>, <image>, links and every reference outside the document (href, url(...)) do not
 * survive; DOCTYPE/entities and CDATA are refused outright (entity tricks), as is anything we
 * cannot parse. Output is rebuilt from tokens, so nothing we did not understand is copied through.
 */
const ELEMENTS = new Set(
  ['svg', 'g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'title', 'desc', 'use', 'symbol'],
);
const ATTRIBUTES = new Set(
  [
    'id', 'class', 'width', 'height', 'viewbox', 'preserveaspectratio', 'version', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'd', 'points',
    'transform', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset',
    'stroke-opacity', 'opacity', 'clip-path', 'clip-rule', 'mask', 'offset', 'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'spreadmethod', 'clippathunits',
    'maskunits', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'dx', 'dy', 'display', 'visibility', 'style',
    'href', 'xlink:href', 'xmlns', 'xmlns:xlink', 'role', 'aria-label', 'aria-hidden', 'xml:space',
  ],
);
const NAMESPACES: Record<string, string> = { xmlns: 'http://www.w3.org/2000/svg', 'xmlns:xlink': 'http://www.w3.org/1999/xlink' };

export type SanitizeResult = { ok: true; svg: string; width: number; height: number; changed: boolean } | { ok: false; reason: string };

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![\s\S]*?>|<\/?[^<>]*>|[^<]+/g;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** A value is safe when it points nowhere outside the document and runs nothing. */
function safeValue(name: string, value: string): boolean {
  const v = value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
  if (name === 'href' || name === 'xlink:href') return /^#[\w.-]+$/.test(value.trim());
  if (v.includes('javascript:') || v.includes('expression(') || v.includes('@import') || v.includes('\\') || v.includes('&#') || v.includes('data:')) return false;
  const urls = v.match(/url\(([^)]*)\)/g) ?? [];
  return urls.every((u) => /^url\(['"]?#[\w.-]+['"]?\)$/.test(u));
}

const escapeAttr = (v: string) => v.replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function parseLength(v: string | undefined): number | null {
  if (!v) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(px)?\s*$/.exec(v);
  return m ? Math.round(Number(m[1])) : null;
}

export function sanitizeSvg(input: string): SanitizeResult {
  const source = input.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(source)) return { ok: false, reason: 'DOCTYPE, entity declarations and CDATA sections are not allowed' };
  const out: string[] = [];
  const stack: { name: string; dropped: boolean }[] = [];
  let changed = false;
  let root: Record<string, string> | null = null;
  for (const [token] of source.matchAll(TOKEN)) {
    const dropping = stack.some((e) => e.dropped);
    if (token.startsWith('<!--') || token.startsWith('<?')) {
      if (token.startsWith('<!--')) changed = true;
      continue;
    }
    if (token.startsWith('<!')) return { ok: false, reason: 'it contains markup declarations' };
    if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim().toLowerCase();
      const open = stack.pop();
      if (!open || open.name !== name) return { ok: false, reason: 'its tags are not balanced' };
      if (!open.dropped) out.push(`</${name}>`);
      continue;
    }
    if (token.startsWith('<')) {
      const m = /^<([a-zA-Z][\w:.-]*)([\s\S]*?)(\/?)>$/.exec(token);
      if (!m) return { ok: false, reason: 'it is not well-formed XML' };
      const name = m[1]!.toLowerCase();
      const selfClosing = m[3] === '/';
      if (stack.length === 0 && root) return { ok: false, reason: 'it has more than one root element' };
      if (stack.length === 0 && name !== 'svg') return { ok: false, reason: 'its root element is not <svg>' };
      const keep = !dropping && ELEMENTS.has(name);
      if (!keep && !dropping) changed = true;
      const attrs: Record<string, string> = {};
      let kept = '';
      for (const a of m[2]!.matchAll(ATTR)) {
        const attr = a[1]!.toLowerCase();
        const value = a[2] ?? a[3] ?? a[4] ?? '';
        const allowed = ATTRIBUTES.has(attr) && (!(attr in NAMESPACES) || value === NAMESPACES[attr]) && safeValue(attr, value);
        if (!allowed) {
          changed = true;
          continue;
        }
        attrs[attr] = value;
        kept += ` ${attr === 'viewbox' ? 'viewBox' : a[1]}="${escapeAttr(value)}"`;
      }
      if (stack.length === 0) root = attrs;
      if (keep) out.push(`<${tagName(m[1]!)}${kept}${selfClosing ? '/' : ''}>`);
      if (!selfClosing) stack.push({ name, dropped: !keep });
      continue;
    }
    if (stack.length === 0) {
      if (token.trim()) return { ok: false, reason: 'it has text outside the <svg> element' };
      continue;
    }
    if (!dropping) out.push(token.replace(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/gi, '&amp;').replace(/>/g, '&gt;'));
  }
  if (stack.length) return { ok: false, reason: 'its tags are not balanced' };
  if (!root) return { ok: false, reason: 'it has no <svg> element' };
  if (!root.xmlns) {
    // Browsers render a standalone SVG only with its namespace.
    out[0] = out[0]!.replace(/^<svg/, `<svg xmlns="${NAMESPACES.xmlns}"`);
  }
  const box = (root.viewbox ?? '').trim().split(/[\s,]+/).map(Number);
  const width = parseLength(root.width) ?? (box.length === 4 && box.every(Number.isFinite) ? Math.round(box[2]!) : null);
  const height = parseLength(root.height) ?? (box.length === 4 && box.every(Number.isFinite) ? Math.round(box[3]!) : null);
  if (!width || !height) return { ok: false, reason: 'it has neither a width and height nor a viewBox' };
  return { ok: true, svg: out.join(''), width, height, changed };
}

/** Keep SVG's camel-cased element names as written (linearGradient, clipPath). */
const tagName = (raw: string) => ({ lineargradient: 'linearGradient', radialgradient: 'radialGradient', clippath: 'clipPath' })[raw.toLowerCase()] ?? raw.toLowerCase();
