/**
 * `<meta http-equiv="refresh">` is the one way a rendered document navigates by itself (scripts
 * reach nothing, every request is blocked). Chromium then fails `printToPDF` part of the time
 * ("Printing failed") while the blocked navigation commits its error page, so a render would fail
 * or not depending on timing. None of our templates needs it: it is removed before rendering.
 */
const META_REFRESH = /<meta\b[^>]*\bhttp-equiv\s*=\s*(["']?)\s*refresh\s*\1[^>]*>/gi;

export function withoutMetaRefresh(html: string): string {
  return html.replace(META_REFRESH, '');
}
