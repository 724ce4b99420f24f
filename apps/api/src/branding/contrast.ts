/** WCAG 2.x contrast of #rrggbb colours (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** AA for normal text. */
export const AA_TEXT = 4.5;

export interface ContrastWarning {
  fields: string[];
  ratio: number;
  message: string;
}

/**
 * The pairs the app actually draws: brand colours as text/links on the white page, and the
 * best of white or near-black text on the primary button. A warning, never a refusal: brands
 * are what they are, the owner decides.
 */
export function contrastWarnings(primary: string, accent: string): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  const onWhite = (field: string, color: string, label: string) => {
    const ratio = contrastRatio(color, '#ffffff');
    if (ratio < AA_TEXT) warnings.push({ fields: [field], ratio, message: `${label} ${color} on white is ${ratio}:1; WCAG AA needs ${AA_TEXT}:1 for text.` });
  };
  onWhite('primaryColor', primary, 'The primary colour');
  onWhite('accentColor', accent, 'The accent colour');
  const button = Math.max(contrastRatio(primary, '#ffffff'), contrastRatio(primary, '#18181b'));
  if (button < AA_TEXT) warnings.push({ fields: ['primaryColor'], ratio: button, message: `Button text on ${primary} reaches only ${button}:1 in white or black; WCAG AA needs ${AA_TEXT}:1.` });
  return warnings;
}
