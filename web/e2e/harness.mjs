// The browser tests' kit: Debian's Chromium driven by playwright-core (never a downloaded browser), headless,
// against a running system through its gateway (BASE_URL); the API calls that set a scene up; an axe-core check of
// every page a test looks at; a screenshot of each key page into e2e/screenshots/ (git-ignored) for a person to see.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.SCREENSHOTS ?? path.join(here, 'screenshots');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const ADMIN = { username: process.env.ADMIN_USERNAME ?? 'admin', password: process.env.ADMIN_PASSWORD ?? '' };
/** Unique per run, so a rerun against the same system never collides with its own earlier data. */
export const RUN = Date.now().toString(36).slice(-5);

// STACK.md's flags for this machine's Chromium; playwright adds --headless and a fresh profile of its own
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run'];

export async function launch() {
  execFileSync('bash', [path.join(here, '..', 'scripts', 'chromium.sh')], { stdio: 'inherit' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A page whose failed requests and console errors are kept, so a test can say what went wrong. */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(`page error: ${error.message}`));
  // a failed request is kept with its address (the console's own line has none); tests pass the statuses they expect
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource')
    && page.errors.push(`console: ${message.text()}`));
  page.on('response', (response) => response.status() >= 400
    && page.errors.push(`response: ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`));
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** axe-core's WCAG 2.x A/AA rules on the page as it is now: no violation. */
export async function checkAccessibility(page, label) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(violations, [], `axe-core on ${label}`);
}

// ---- the API, to set a scene up ------------------------------------------------------------------------------------

export async function api(method, url, { token, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(BASE_URL + url, init);
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: response.status, json, text, headers: response.headers };
}

export const PASSWORD = 'Brows3r!go';

export async function signup(username) {
  const created = await api('POST', '/api/v1/users/signup', { body: { username, password: PASSWORD, email: `${username}@example.com` } });
  assert.equal(created.status, 201, created.text);
  return login(username);
}

export async function login(username, password = PASSWORD) {
  const answer = await api('POST', '/api/v1/users/login', { body: { username, password } });
  assert.equal(answer.status, 200, answer.text);
  return answer.json;
}

/** A company user: signed up, made COMPANY_USER by the admin, logged in again for a token with the new role. */
export async function company(username) {
  const tokens = await signup(username);
  const me = await api('GET', '/api/v1/users/me', { token: tokens.accessToken });
  const admin = await login(ADMIN.username, ADMIN.password);
  const promoted = await api('PUT', `/api/v1/admin/users/${me.json.id}/role`, { token: admin.accessToken, body: { role: 'COMPANY_USER' } });
  assert.equal(promoted.status, 200, promoted.text);
  return (await login(username)).accessToken;
}

/** A venue of `sections` ({code, name, rowCount, seatsPerRow}) and a concert on it, one grade per section. */
export async function concert(token, { name, sections, grades, startTime, maxTicketsPerBuyer }) {
  const venue = await api('POST', '/api/v1/auditoriums', { token, body: { name: `${name} Hall`, address: '1 Test Street', layout: { sections } } });
  assert.equal(venue.status, 201, venue.text);
  const created = await api('POST', '/api/v1/concerts', { token, body: {
    name, description: 'A concert of the browser tests.',
    startTime: startTime ?? new Date(Date.now() + 30 * 86400_000).toISOString(),
    auditoriumId: venue.json.id,
    ...(maxTicketsPerBuyer ? { maxTicketsPerBuyer } : {}),
    grades: grades ?? sections.map((s, i) => ({ name: i === 0 ? 'VIP' : `G${i}`, price: 150 - i * 40, areas: [{ section: s.code }] })),
  } });
  assert.equal(created.status, 201, created.text);
  return created.json;
}

/** Until `check` answers truthy (the read models follow by events), at most `timeout` ms. */
export async function eventually(check, timeout = 30_000, what = 'the condition') {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The seat map exists once seat-service has seen the concert: the page needs it. */
export async function seatMapReady(concertId, timeout = 30_000) {
  await eventually(async () => (await api('GET', `/api/v1/concerts/${concertId}/seats/availability`)).status === 200,
    timeout, `the seat map of concert ${concertId}`);
}

export function hold(token, concertId, seats) {
  return api('POST', `/api/v1/concerts/${concertId}/reservations`, { token, body: { seats },
    headers: { 'Idempotency-Key': crypto.randomUUID() } });
}

/** Where a seat is drawn on the page's seat map, in the viewport (for a click or a tap): scrolled into view first. */
export async function seatPoint(page, label) {
  const canvas = page.locator('.seatmap canvas');
  const centre = await canvas.evaluate((element, seat) => {
    const c = element.seatCentre(seat);
    const scroller = element.closest('.seatmap-scroll');
    const rect = element.getBoundingClientRect();
    scroller.scrollLeft += rect.left + c.x - scroller.getBoundingClientRect().left - scroller.clientWidth / 2;
    window.scrollBy(0, element.getBoundingClientRect().top + c.y - window.innerHeight / 2);
    return c;
  }, label);
  const box = await canvas.boundingBox();
  return { x: box.x + centre.x, y: box.y + centre.y };
}

/** The colour the seat map drew a seat in, as #rrggbb (read from the canvas's pixels at the seat's centre). */
export async function seatColour(page, label) {
  return page.locator('.seatmap canvas').evaluate((element, seat) => {
    const centre = element.seatCentre(seat);
    const scale = element.width / element.getBoundingClientRect().width;
    const [r, g, b] = element.getContext('2d').getImageData(Math.floor(centre.x * scale), Math.floor(centre.y * scale), 1, 1).data;
    return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
  }, label);
}

/** A page of a user signed in through the API (the tokens put where the client keeps them), at `url`. */
export async function signedInPage(browser, username, url, options = {}) {
  const tokens = await login(username);
  const page = await open(browser, options);
  await page.goto('/');
  await page.evaluate(({ accessToken, refreshToken, name }) => localStorage.setItem('tickitecking.session',
    JSON.stringify({ accessToken, refreshToken, username: name })), { ...tokens, name: username });
  await page.goto(url);
  return page;
}

// user-service's signing key: WebClientBrowserIT passes the test system's; by hand, ./tickitecking up's
const LOCAL_KEY = path.join(here, '..', '..', '.local', 'jwt-private.pem');
const SIGNING_KEY = process.env.JWT_PRIVATE_KEY || (existsSync(LOCAL_KEY) ? readFileSync(LOCAL_KEY, 'utf8') : '');

export const canSignTokens = SIGNING_KEY !== '';

/**
 * An access token as user-service issued `token` (same header, subject, role), signed with the same key, but whose
 * life is `secondsFromNow` from now (negative: expired that long ago): a token that ran out, without waiting 15 min.
 */
export function resignedToken(token, secondsFromNow) {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const now = Math.floor(Date.now() / 1000);
  const life = claims.exp - claims.iat;
  claims.exp = now + secondsFromNow;
  claims.iat = claims.exp - life;
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${sign('sha256', Buffer.from(body), SIGNING_KEY).toString('base64url')}`;
}

/** Picks seats on the page's map by clicking them, and waits until the page lists that many picks. */
export async function pickSeats(page, ...labels) {
  for (const label of labels) {
    const point = await seatPoint(page, label);
    await page.mouse.click(point.x, point.y);
  }
  await page.waitForFunction((n) => document.querySelectorAll('.picked li, .picked-seats li').length === n, labels.length);
}
