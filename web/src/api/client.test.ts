// apiFetch's token handling with a stand-in fetch (the browser tests do the same against the real services):
// concurrent 401s share one refresh, a refused refresh ends the session, a 429 waits for Retry-After.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiFetch } from './client';
import { currentTokens, endSession, saveTokens, sessionEnded } from './session';

type Handler = (request: Request) => Response | Promise<Response>;
let calls: string[];

function serve(handler: Handler) {
  vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
    const r = typeof input === 'string' ? new Request(new URL(input, 'http://test'), init) : input;
    calls.push(`${r.method} ${new URL(r.url).pathname} ${r.headers.get('Authorization') ?? '-'}`);
    return handler(r);
  });
}

beforeEach(() => {
  calls = [];
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const request = (path: string) => new Request(`http://test${path}`);

describe('apiFetch', () => {
  it('refreshes once for concurrent 401s and retries each with the new token', async () => {
    saveTokens({ accessToken: 'old', refreshToken: 'r1', username: 'fan' });
    serve((r) => {
      const path = new URL(r.url).pathname;
      if (path === '/api/v1/users/refresh') return json(200, { accessToken: 'new', refreshToken: 'r2' });
      return r.headers.get('Authorization') === 'Bearer new' ? json(200, { ok: true }) : json(401, { title: 'Unauthorized' });
    });

    const answers = await Promise.all([apiFetch(request('/api/v1/users/me')), apiFetch(request('/api/v1/users/me/reservations'))]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(calls.filter((c) => c.startsWith('POST /api/v1/users/refresh'))).toHaveLength(1);
    expect(currentTokens()).toEqual({ accessToken: 'new', refreshToken: 'r2', username: 'fan' });
  });

  it('ends the session when the refresh is refused (a reused refresh token)', async () => {
    saveTokens({ accessToken: 'old', refreshToken: 'reused' });
    serve((r) => json(401, { title: 'Unauthorized', instance: new URL(r.url).pathname }));

    const answer = await apiFetch(request('/api/v1/users/me'));

    expect(answer.status).toBe(401);
    expect(currentTokens()).toBeNull();
    expect(sessionEnded()).toBe(true);
    expect(calls).toEqual(['GET /api/v1/users/me Bearer old', 'POST /api/v1/users/refresh -', 'GET /api/v1/users/me -']);
  });

  it('an ended session is over at the next login, and a logout is no ended session', () => {
    endSession();
    saveTokens({ accessToken: 'a', refreshToken: 'r' });
    expect(sessionEnded()).toBe(false);
    saveTokens(null);
    expect(sessionEnded()).toBe(false);
  });

  it('sends no token on the calls that make a session, and does not refresh for them', async () => {
    saveTokens({ accessToken: 'old', refreshToken: 'r1' });
    serve(() => json(401, { title: 'Unauthorized' }));

    await apiFetch(new Request('http://test/api/v1/users/login', { method: 'POST', body: '{}' }));

    expect(calls).toEqual(['POST /api/v1/users/login -']);
  });

  it("waits for a 429's Retry-After, then tries again", async () => {
    vi.useFakeTimers();
    let first = true;
    serve(() => {
      if (first) {
        first = false;
        return json(429, { title: 'Too Many Requests' }, { 'Retry-After': '2' });
      }
      return json(200, {});
    });

    const pending = apiFetch(request('/api/v1/concerts'));
    await vi.advanceTimersByTimeAsync(1900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);

    expect((await pending).status).toBe(200);
    expect(calls).toHaveLength(2);
  });
});
