// The typed API clients (openapi-fetch over the generated types), one per service document, all same-origin through
// the gateway. Every call goes through apiFetch: it adds the access token, rotates the refresh token once on a 401
// (a refresh token used twice is refused, and then the user is logged out), waits out a 429's Retry-After, and
// nothing else: the callers turn refusals into messages with unwrap() / problem.ts.
import createClient from 'openapi-fetch';
import type { paths as UserPaths } from './schema/user-service';
import type { paths as ConcertPaths } from './schema/concert-service';
import type { paths as SeatPaths } from './schema/seat-service';
import type { paths as ReservationPaths } from './schema/reservation-service';
import type { paths as MediaPaths } from './schema/media-service';
import { currentTokens, endSession, saveTokens, type Tokens } from './session';
import { toApiError } from './problem';

/** At most this many waits for a 429, and never longer than this each: a person is looking at the page. */
const MAX_RATE_LIMIT_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 10_000;

let refreshing: Promise<Tokens | null> | null = null;

/** One refresh at a time: concurrent 401s share it, so the refresh token is used exactly once. */
function refreshTokens(): Promise<Tokens | null> {
  if (!refreshing) {
    const tokens = currentTokens();
    refreshing = (async () => {
      if (!tokens) return null;
      const response = await fetch('/api/v1/users/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refreshToken: tokens.refreshToken }),
      });
      if (!response.ok) {
        // a reused or revoked refresh token: the session is over
        endSession();
        return null;
      }
      const answer = (await response.json()) as Tokens;
      const next = { accessToken: answer.accessToken, refreshToken: answer.refreshToken, username: tokens.username };
      saveTokens(next);
      return next;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

function withToken(request: Request, tokens: Tokens | null): Request {
  const copy = request.clone();
  if (tokens) copy.headers.set('Authorization', `Bearer ${tokens.accessToken}`);
  return copy;
}

/** Seconds or an HTTP date, as RFC 9110 allows; 1 s when absent. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Math.min(Math.max(Number.isFinite(ms) ? ms : 1000, 0), MAX_RETRY_AFTER_MS);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function apiFetch(input: Request): Promise<Response> {
  // the calls that make or end a session carry no access token of their own
  const isAuthCall = /^\/api\/v1\/users\/(login|signup|refresh|logout)$/.test(new URL(input.url).pathname);
  let tokens = isAuthCall ? null : currentTokens();
  let response = await fetch(withToken(input, tokens));
  if (response.status === 401 && tokens) {
    // refreshed, or the session is over: then once more signed out, so a public read (a seat map's availability)
    // goes on and a private one answers its 401 to the page
    tokens = await refreshTokens();
    response = await fetch(withToken(input, tokens));
  }
  for (let attempt = 0; response.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES; attempt++) {
    await sleep(retryAfterMs(response.headers.get('Retry-After')));
    response = await fetch(withToken(input, currentTokens()));
  }
  return response;
}

const options = { baseUrl: '', fetch: apiFetch };
export const users = createClient<UserPaths>(options);
export const concerts = createClient<ConcertPaths>(options);
export const seats = createClient<SeatPaths>(options);
export const reservations = createClient<ReservationPaths>(options);
export const media = createClient<MediaPaths>(options);

/** An openapi-fetch result as its data, or an ApiError with a readable message and the field errors. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok && response.status !== 304) throw toApiError(response.status, error);
  return data as T;
}
