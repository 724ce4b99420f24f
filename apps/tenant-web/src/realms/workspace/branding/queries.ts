import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { brandingAssetResultSchema, type BrandingAssetKind, type BrandingView, type UpdateBrandingInput } from '@instagrowth/contracts';
import { ApiError, publicApi } from '@/lib/api-client';
import { api, sessionStore } from '@/lib/session';
import { contextQueryKey } from '@/app/realm-gate';

export const brandingQueryKey = ['branding'] as const;

/** Public: the login page reads it before anyone signs in. */
export function useBranding() {
  return useQuery({ queryKey: brandingQueryKey, queryFn: ({ signal }) => publicApi.call('GET /api/branding', { signal }), staleTime: 60_000 });
}

function useBrandingChanged() {
  const client = useQueryClient();
  return (view: BrandingView) => {
    client.setQueryData(brandingQueryKey, view);
    void client.invalidateQueries({ queryKey: contextQueryKey });
  };
}

export function useUpdateBranding() {
  const changed = useBrandingChanged();
  return useMutation({ mutationFn: (body: UpdateBrandingInput) => api.call('PUT /api/branding', { body }), onSuccess: changed });
}

/** Multipart upload (the typed client speaks JSON only); the answer is parsed with its contract. */
export function useUploadBrandingAsset() {
  const changed = useBrandingChanged();
  return useMutation({
    mutationFn: async ({ kind, file }: { kind: BrandingAssetKind; file: File }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file);
      const token = sessionStore.getToken();
      const response = await fetch('/api/branding/assets', { method: 'POST', body: form, credentials: 'include', headers: token ? { Authorization: `Bearer ${token}` } : {} });
      const body: unknown = await response.json().catch(() => ({ error: 'bad_response', message: 'The server answered something unexpected.' }));
      if (!response.ok) throw new ApiError(response.status, body as ConstructorParameters<typeof ApiError>[1]);
      return brandingAssetResultSchema.parse(body);
    },
    onSuccess: (result) => changed(result.branding),
  });
}
