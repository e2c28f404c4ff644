// The signed-in user's tokens, kept in localStorage so a reload stays signed in. Listeners hear every change
// (login, quiet refresh, logout, a session that ended), so the header and guarded pages follow.

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** Who signed in, as typed at login: the access token names the user by id only. */
  username?: string;
}

const KEY = 'tickitecking.session';
type Listener = (tokens: Tokens | null) => void;
const listeners = new Set<Listener>();
let ended = false;

export function currentTokens(): Tokens | null {
  try {
    const stored = localStorage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Tokens) : null;
  } catch {
    return null;
  }
}

function store(tokens: Tokens | null): void {
  if (tokens) localStorage.setItem(KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, username: tokens.username }));
  else localStorage.removeItem(KEY);
  listeners.forEach((listener) => listener(tokens));
}

/** A login, a quiet refresh or a logout. */
export function saveTokens(tokens: Tokens | null): void {
  ended = false;
  store(tokens);
}

/**
 * The session ended without the user logging out (its refresh was refused: reused, revoked, or past its life): the
 * tokens go, and the page says so and offers the login instead of quietly showing the user signed out.
 */
export function endSession(): void {
  ended = true;
  store(null);
}

/** Whether the session was ended by endSession() since the last login or logout. */
export function sessionEnded(): boolean {
  return ended;
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
