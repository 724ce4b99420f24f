import { useEffect } from 'react';
import { applyBranding } from '@/lib/branding';
import { useBranding } from './queries';

/** Applies the workspace's branding to the document: colours (CSS variables), title and favicon. */
export function BrandingEffect() {
  const branding = useBranding().data;
  useEffect(() => {
    if (!branding) return;
    applyBranding({ primaryColor: branding.primaryColor, accentColor: branding.accentColor, logoUrl: branding.logoUrl });
    document.title = branding.name;
    let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
    if (branding.faviconUrl) {
      if (!link) {
        link = document.createElement('link');
        link.rel = 'icon';
        document.head.appendChild(link);
      }
      link.href = branding.faviconUrl;
      link.type = branding.faviconUrl.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
    }
  }, [branding]);
  return null;
}

/** "Powered by" line for branded public pages; hidden when the plan and the owner say so. */
export function PoweredBy() {
  const branding = useBranding().data;
  if (!branding?.showPoweredBy) return null;
  return (
    <p className="text-xs text-zinc-500" data-testid="powered-by">
      Powered by InstaGrowth OS
    </p>
  );
}
