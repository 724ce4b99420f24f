const KEY = 'instagrowth.ref';

/** A `?ref=` code seen on any root page is kept for the sign-up that follows. */
export function rememberReferral(code: string | null): void {
  if (!code) return;
  const clean = code.trim().slice(0, 64);
  if (!clean) return;
  try {
    sessionStorage.setItem(KEY, clean);
  } catch {
    // storage unavailable: the code is still read from the sign-up URL itself
  }
}

export function storedReferral(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
