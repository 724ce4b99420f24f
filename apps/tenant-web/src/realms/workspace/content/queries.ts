import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BrandVoiceInput, ContentListQuery, GenerationKind, GenerationOptions, RouteQuery } from '@instagrowth/contracts';

type LibraryQuery = RouteQuery<'GET /api/content'>;
import { ApiError } from '@/lib/api-client';
import { api, sessionStore } from '@/lib/session';

export const contentKeys = {
  voice: (accountId: string) => ['content', 'voice', accountId] as const,
  library: (query: LibraryQuery) => ['content', 'library', query] as const,
  libraryAll: ['content', 'library'] as const,
};

export function useBrandVoice(accountId: string | undefined) {
  return useQuery({
    queryKey: contentKeys.voice(accountId ?? ''),
    queryFn: ({ signal }) => api.call('GET /api/accounts/:id/brand-voice', { params: { id: accountId! }, signal }),
    enabled: Boolean(accountId),
  });
}

export function useSaveBrandVoice(accountId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<BrandVoiceInput> & { niche: string }) => api.call('PUT /api/accounts/:id/brand-voice', { params: { id: accountId }, body }),
    onSuccess: (voice) => qc.setQueryData(contentKeys.voice(accountId), voice),
  });
}

export function useGenerate(accountId: string) {
  return useMutation({
    mutationFn: (input: { kind: GenerationKind; options: GenerationOptions }) => api.call('POST /api/accounts/:id/generations', { params: { id: accountId }, body: input }),
  });
}

export function useLibrary(query: LibraryQuery) {
  return useQuery({
    queryKey: contentKeys.library(query),
    queryFn: ({ signal }) => api.call('GET /api/content', { query, signal }),
  });
}

export function useSaveToLibrary() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { generationId: string; index: number; tags?: string[] }) => api.call('POST /api/content', { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: contentKeys.libraryAll }),
  });
}

export function useUpdateItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; title?: string; text?: string; favourite?: boolean; tags?: string[]; status?: ContentListQuery['status'] }) =>
      api.call('PATCH /api/content/:id', { params: { id }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: contentKeys.libraryAll }),
  });
}

export function useDeleteItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.call('DELETE /api/content/:id', { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: contentKeys.libraryAll }),
  });
}

/** Downloads a file route (CSV/JSON export, plan PDF) with the session's token, as the browser's download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = sessionStore.getToken();
  const res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'include' });
  if (!res.ok) {
    const body = await res.json().catch(() => ({ error: 'download_failed', message: 'The download failed. Try again.' }));
    throw new ApiError(res.status, body);
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What to tell a user whose credits ran out (the API's message already names the renewal date). */
export function isCreditsExhausted(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'credits_exhausted';
}
