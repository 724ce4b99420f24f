import { createContext, useContext, type ReactNode } from 'react';
import type { AppContext } from '@/lib/types';

const AppContextContext = createContext<AppContext | null>(null);

export function AppContextProvider({ value, children }: { value: AppContext; children: ReactNode }) {
  return <AppContextContext.Provider value={value}>{children}</AppContextContext.Provider>;
}

/** What GET /api/context said about this host. */
export function useAppContext(): AppContext {
  const value = useContext(AppContextContext);
  if (!value) throw new Error('useAppContext must be used inside <AppContextProvider>');
  return value;
}
