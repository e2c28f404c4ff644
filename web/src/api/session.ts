// The signed-in user's tokens, kept in localStorage so a reload stays signed in. Listeners hear every change
// (login, quiet refresh, logout), so the header and guarded pages follow.

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Who signed in, as typed at login: the access token names the user by id only. */
  username?: string;
}

const KEY = 'tickitecking.session';
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();

export function currentTokens(): Tokens | null {
  try {
    const stored = localStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Tokens) : null;
  } catch {
    return null;
  }
}

export function saveTokens(tokens: Tokens | null): void {
  if (tokens) localStorage.setItem(KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, username: tokens.username }));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(tokens));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
