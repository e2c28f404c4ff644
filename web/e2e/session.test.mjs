// An expired session in a real browser, against the running system: the user's access token has run out (a token as
// user-service issues it, signed with its key, but past its life) and the refresh token was revoked (logged out
// elsewhere), so the refresh is refused. The user is told, sent to log in, and brought back to the concert they were
// on with the seats they had picked; the hold then goes through.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PASSWORD, RUN, api, canSignTokens, checkAccessibility, company, concert, launch, resignedToken, screenshot,
  pickSeats, seatMapReady, signedInPage, signup,
} from './harness.mjs';

let browser;
let show;

before(async () => {
  browser = await launch();
  const promoter = await company(`sess${RUN}`);
  show = await concert(promoter, { name: `Lapse ${RUN}`, maxTicketsPerBuyer: 4,
    sections: [{ code: 'FLOOR', name: 'Floor', rowCount: 4, seatsPerRow: 12 }] });
  await seatMapReady(show.id);
});

after(async () => {
  await browser?.close();
});

const session = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('tickitecking.session')));

/** The access token runs out and the refresh token is revoked (the user logged out on another device). */
async function endTheSession(page) {
  const tokens = await session(page);
  const expired = resignedToken(tokens.accessToken, -300);
  // the same token, alive, is accepted: the one put in the page is refused for its age alone
  assert.equal((await api('GET', '/api/v1/users/me', { token: resignedToken(tokens.accessToken, 300) })).status, 200);
  assert.equal((await api('GET', '/api/v1/users/me', { token: expired })).status, 401);
  assert.equal((await api('POST', '/api/v1/users/logout', { body: { refreshToken: tokens.refreshToken } })).status, 204);
  assert.equal((await api('POST', '/api/v1/users/refresh', { body: { refreshToken: tokens.refreshToken } })).status, 401);
  await page.evaluate((accessToken) => {
    const current = JSON.parse(localStorage.getItem('tickitecking.session'));
    localStorage.setItem('tickitecking.session', JSON.stringify({ ...current, accessToken }));
  }, expired);
}

async function logInAgain(page, username) {
  await page.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 15_000 });
  await page.getByText('Your session has ended: please log in again to go on.').waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a hold with an expired session sends the user to log in, and back to the concert with the seats picked', { skip: !canSignTokens && 'no signing key (JWT_PRIVATE_KEY or .local/jwt-private.pem)' }, async () => {
  const username = `lapse${RUN}`;
  await signup(username);
  const page = await signedInPage(browser, username, `/concerts/${show.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await pickSeats(page, 'FLOOR-B-3', 'FLOOR-B-4');
  // the map's polls would find the ended session too (test below); here the hold is the first to
  await page.route('**/seats/availability', (route) => route.abort());
  await endTheSession(page);

  await page.getByRole('button', { name: 'Hold these seats' }).click();
  await logInAgain(page, username);
  await page.getByRole('heading', { level: 1, name: `Lapse ${RUN}` }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/concerts/${show.id}`);
  await page.unroute('**/seats/availability');
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await page.locator('.picked li', { hasText: 'Floor, row B, seat 3, VIP, 150.00' }).waitFor();
  await page.locator('.picked li', { hasText: 'Floor, row B, seat 4, VIP, 150.00' }).waitFor();
  assert.equal(await page.locator('.picked li').count(), 2);

  await page.getByRole('button', { name: 'Hold these seats' }).click();
  await page.getByRole('heading', { name: /^Reservation \d+$/ }).waitFor({ timeout: 15_000 });
  await page.getByText('FLOOR-B-3 · VIP · 150.00').waitFor();
  await page.getByText('FLOOR-B-4 · VIP · 150.00').waitFor();
  assert.deepEqual(page.errors.filter((e) => !e.startsWith('response: 401 ')), [], 'errors in the page');
  await page.context().close();
});

test('a session that ends while the user looks at a concert is told at once; the login brings back the picks, and a seat taken meanwhile is named', { skip: !canSignTokens && 'no signing key' }, async () => {
  const username = `lapsb${RUN}`;
  await signup(username);
  const page = await signedInPage(browser, username, `/concerts/${show.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await pickSeats(page, 'FLOOR-C-7', 'FLOOR-C-8');
  await endTheSession(page);

  // the next availability poll finds the session over: the page says so, and the map goes on signed out
  await page.getByText('Your session has ended. Log in again to go on.').waitFor({ timeout: 15_000 });
  await page.getByRole('link', { name: 'Log in', exact: true }).waitFor();
  assert.equal(await session(page), null);
  await checkAccessibility(page, 'a concert after the session ended');
  await screenshot(page, 'session-ended');
  // meanwhile someone else takes one of the picks
  const rival = await signup(`lapsr${RUN}`);
  const taken = await api('POST', `/api/v1/concerts/${show.id}/reservations`, { token: rival.accessToken,
    body: { seats: ['FLOOR-C-8'] }, headers: { 'Idempotency-Key': crypto.randomUUID() } });
  assert.equal(taken.status, 201, taken.text);

  await page.getByRole('button', { name: 'Log in to hold these seats' }).click();
  await logInAgain(page, username);
  await page.getByRole('heading', { level: 1, name: `Lapse ${RUN}` }).waitFor();
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await page.locator('.picked li', { hasText: 'Floor, row C, seat 7, VIP, 150.00' }).waitFor();
  await page.getByText('Taken by someone else just now: Floor, row C, seat 8, VIP, 150.00.').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.picked li').count(), 1);
  assert.equal(await page.getByText('Your session has ended').count(), 0, 'the notice is gone after the login');
  assert.deepEqual(page.errors.filter((e) => !e.startsWith('response: 401 ')), [], 'errors in the page');
  await page.context().close();
});
