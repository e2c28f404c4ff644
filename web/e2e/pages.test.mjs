// The web client's first pages in a real browser, against the running system: the concert list (search, dates,
// paging), a concert's page, its seat map (keyboard, names, clicks, availability that follows other buyers), sign up
// and log in with the server's field errors, a hold after a quiet token refresh, and the same at 390×844.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, api, checkAccessibility, company, concert, eventually, hold, launch, open, screenshot, seatColour,
  seatMapReady, seatPoint, signup,
} from './harness.mjs';

const SELECTED = '#111111';
const UNAVAILABLE = '#d4d4d4';
const VIP = '#1d5fa8';

let browser;
let main;
let rival;

before(async () => {
  browser = await launch();
  // the services have just started, on a machine that may be busy: their first Redis connections can time out
  // (a 500 of the signup); the first account is made when they answer, everything after must work at once
  await eventually(async () => (await api('POST', '/api/v1/users/signup', { body: { username: `warm${RUN}`,
    password: 'Warm!up123', email: `warm${RUN}@example.com` } })).status === 201, 60_000, 'a first signup');
  const promoter = await company(`promo${RUN}`);
  // the same for concert-service's first writes (a cold service may take longer than the gateway's 5 s at first)
  const warmVenue = await eventually(async () => {
    const venue = await api('POST', '/api/v1/auditoriums', { token: promoter, body: { name: `Warm-up ${RUN}`,
      address: '1 Test Street', layout: { sections: [{ code: 'A', rowCount: 1, seatsPerRow: 1 }] } } });
    return venue.status === 201 ? venue.json : null;
  }, 60_000, 'a first venue');
  await eventually(async () => (await api('POST', '/api/v1/concerts', { token: promoter, body: { name: `Warm-up ${RUN}`,
    startTime: '2031-01-01T20:00:00Z', auditoriumId: warmVenue.id, grades: [{ name: 'R', price: 10, areas: [{ section: 'A' }] }] } }))
    .status === 201, 60_000, 'a first concert');
  main = await concert(promoter, {
    name: `Aurora ${RUN}`,
    startTime: '2031-06-15T19:30:00Z',
    maxTicketsPerBuyer: 4,
    sections: [{ code: 'FLOOR', name: 'Floor', rowCount: 8, seatsPerRow: 20 }, { code: 'BALC', name: 'Balcony', rowCount: 4, seatsPerRow: 16 }],
  });
  // a poster, through media-service and by event onto the concert: drawn by the browser, uploaded as a PNG
  const page = await open(browser);
  const png = await page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 200 });
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#7b3fa0'; ctx.fillRect(0, 0, 320, 200);
    ctx.fillStyle = '#fff'; ctx.font = 'bold 40px sans-serif'; ctx.fillText('AURORA', 70, 115);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  await page.context().close();
  // media-service learns of the concert by event: until then it answers 404
  const upload = await eventually(async () => {
    const form = new FormData();
    form.append('kind', 'POSTER');
    form.append('file', new Blob([Buffer.from(png, 'base64')], { type: 'image/png' }), 'poster.png');
    const answer = await api('POST', `/api/v1/concerts/${main.id}/images`, { token: promoter, body: form });
    return answer.status === 404 ? null : answer;
  }, 30_000, 'media-service to know the concert');
  assert.equal(upload.status, 201, upload.text);
  // thirteen more for paging (a page holds twelve), on a small venue each
  for (let i = 1; i <= 13; i++) {
    await concert(promoter, { name: `Paging ${RUN} ${String(i).padStart(2, '0')}`,
      startTime: new Date(Date.UTC(2031, 0, i, 20)).toISOString(), sections: [{ code: 'A', rowCount: 1, seatsPerRow: 4 }] });
  }
  rival = (await signup(`rival${RUN}`)).accessToken;
  await seatMapReady(main.id);
  await eventually(async () => (await api('GET', `/api/v1/concerts/${main.id}`)).json.posterUrl, 30_000, 'the poster');
});

after(async () => {
  await browser?.close();
});

/** No error in the page, and no failed request but those of `expected` ('400 POST /api/v1/users/signup'). */
async function pageOk(page, expected = []) {
  assert.deepEqual(page.errors.filter((e) => !expected.some((x) => e === `response: ${x}`)), [], 'errors in the page');
}

test('the concert list finds concerts by name and by date, and pages through them', async () => {
  const page = await open(browser);
  await page.goto('/');
  await page.getByLabel('Name').fill(`Paging ${RUN}`);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('13 concerts').waitFor();
  assert.equal(await page.locator('.card').count(), 12);
  assert.equal(await page.locator('.card h2').first().textContent(), `Paging ${RUN} 01`);
  await page.getByText('Page 1 of 2').waitFor();
  await checkAccessibility(page, 'the concert list');
  await screenshot(page, 'concert-list');

  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByText('Page 2 of 2').waitFor();
  assert.deepEqual(await page.locator('.card h2').allTextContents(), [`Paging ${RUN} 13`]);
  assert.match(page.url(), /page=1/);
  await page.goBack();
  await page.getByText('Page 1 of 2').waitFor();

  // dates: from the day after the concert finds nothing, from its day finds it
  await page.getByLabel('Name').fill(`Aurora ${RUN}`);
  await page.getByLabel('From').fill('2031-06-16');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('No concerts match.').waitFor();
  await page.getByLabel('From').fill('2031-06-15');
  await page.getByLabel('To').fill('2031-06-15');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('1 concert', { exact: true }).waitFor();
  await pageOk(page);
  await page.context().close();
});

test("a concert's page shows its poster, venue, date and grades with prices", async () => {
  const page = await open(browser);
  await page.goto(`/?name=${encodeURIComponent(`Aurora ${RUN}`)}`);
  await page.getByRole('link', { name: `Aurora ${RUN}` }).click();
  await page.getByRole('heading', { level: 1, name: `Aurora ${RUN}` }).waitFor();
  assert.match(page.url(), new RegExp(`/concerts/${main.id}$`));
  await page.getByText(`Aurora ${RUN} Hall, 1 Test Street`).waitFor();
  await page.getByText('2031').first().waitFor();
  const grades = await page.locator('.grades li').allTextContents();
  assert.deepEqual(grades, ['VIP 150.00 (160 seats)', 'G1 110.00 (64 seats)']);
  const poster = page.getByRole('img', { name: `Poster of Aurora ${RUN}` });
  await eventually(() => poster.evaluate((img) => img.complete && img.naturalWidth === 320), 10_000, 'the poster to load');
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await checkAccessibility(page, "a concert's page");
  await screenshot(page, 'concert');
  await pageOk(page);
  await page.context().close();
});

test('the seat map: keyboard and screen-reader names, clicks, and availability that follows other buyers', async () => {
  const page = await open(browser);
  await page.goto(`/concerts/${main.id}`);
  const map = page.getByRole('application', { name: /Seat map/ });
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  const status = page.locator('.seat-status');

  await map.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await status.textContent(), 'Floor, row A, seat 2, VIP, 150.00, available');
  assert.equal(await map.getAttribute('aria-describedby'), await status.getAttribute('id'));
  await page.keyboard.press('Enter');
  await page.locator('.picked li', { hasText: 'Floor, row A, seat 2, VIP, 150.00' }).waitFor();
  assert.equal(await seatColour(page, 'FLOOR-A-2'), SELECTED);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await status.textContent(), 'Floor, row D, seat 2, VIP, 150.00, available');

  // a click picks a seat; hovering tells its name and price
  const point = await seatPoint(page, 'FLOOR-A-5');
  await page.mouse.move(point.x, point.y);
  await page.mouse.click(point.x, point.y);
  await page.locator('.picked li', { hasText: 'Floor, row A, seat 5, VIP, 150.00' }).waitFor();
  await page.getByText('Total 300.00').waitFor();

  // another buyer holds a seat: the map shows it taken within a poll or two, drawn again alone
  assert.equal(await seatColour(page, 'FLOOR-C-7'), VIP);
  const taken = await hold(rival, main.id, ['FLOOR-C-7']);
  assert.equal(taken.status, 201, taken.text);
  await eventually(async () => (await seatColour(page, 'FLOOR-C-7')) === UNAVAILABLE, 15_000, 'FLOOR-C-7 drawn taken');

  // ... and one the user had picked: it is dropped from the picks, and the page says which went
  const raced = await hold(rival, main.id, ['FLOOR-A-5']);
  assert.equal(raced.status, 201, raced.text);
  await page.getByText('Taken by someone else just now: Floor, row A, seat 5, VIP, 150.00.').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('.picked li').count(), 1);
  assert.equal(await seatColour(page, 'FLOOR-A-5'), UNAVAILABLE);
  await checkAccessibility(page, 'the seat map with picks');
  await screenshot(page, 'seat-map');
  await pageOk(page);
  await page.context().close();
});

test("sign up shows the server's field errors beside their fields, then signs the user in", async () => {
  const page = await open(browser);
  await page.goto('/signup');
  await page.getByLabel('Username').fill('ab');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByText('Please correct the fields marked below.').waitFor();
  for (const field of ['username', 'email', 'password']) {
    const error = page.locator(`.field-error[data-field="${field}"]`);
    await error.waitFor();
    assert.ok((await error.textContent()).length > 3, `an error for ${field}`);
    assert.equal(await page.locator(`input[name="${field}"]`).getAttribute('aria-invalid'), 'true');
  }
  await checkAccessibility(page, 'sign up with errors');
  await screenshot(page, 'signup-errors');

  await page.getByLabel('Username').fill(`fan${RUN}`);
  await page.getByLabel('Email').fill(`fan${RUN}@example.com`);
  await page.getByLabel('Password').fill('Fan!pass12');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { name: 'Concerts' }).waitFor();
  await page.getByText(`fan${RUN}`).waitFor();
  await pageOk(page, ['400 POST /api/v1/users/signup']);
  await page.context().close();
});

test('log in from a concert and back; hold after a quiet token refresh, count down, confirm, My reservations, cancel; a reused refresh token logs out', async () => {
  await signup(`buyer${RUN}`);
  const page = await open(browser);
  await page.goto(`/concerts/${main.id}`);
  await page.getByRole('link', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.getByLabel('Username').fill(`buyer${RUN}`);
  await page.getByLabel('Password').fill('Wrong!pass1');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('.alert').waitFor();
  assert.ok((await page.locator('.alert').textContent()).length > 5);
  await checkAccessibility(page, 'log in with a wrong password');
  await page.getByLabel('Password').fill('Brows3r!go');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { level: 1, name: `Aurora ${RUN}` }).waitFor();
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();

  // the access token goes bad: the next call refreshes it once, quietly, and goes on
  const session = () => page.evaluate(() => JSON.parse(localStorage.getItem('tickitecking.session')));
  const spoilAccessToken = () => page.evaluate(() => {
    const current = JSON.parse(localStorage.getItem('tickitecking.session'));
    localStorage.setItem('tickitecking.session', JSON.stringify({ ...current, accessToken: 'expired.token.here' }));
  });
  const first = await session();
  await spoilAccessToken();
  await page.getByRole('application', { name: /Seat map/ }).focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Hold these seats' }).click();

  // the hold: its countdown, then confirm
  await page.getByRole('heading', { name: /^Reservation \d+$/ }).waitFor({ timeout: 15_000 });
  const reservationUrl = page.url();
  assert.notEqual((await session()).refreshToken, first.refreshToken, 'the refresh token was rotated');
  await page.getByText('FLOOR-A-20 · VIP · 150.00').waitFor();
  const timer = page.getByRole('timer');
  const shown = await timer.textContent();
  assert.match(shown, /Held for you for \d+:\d\d/);
  await eventually(async () => (await timer.textContent()) !== shown, 5_000, 'the countdown to tick');
  await checkAccessibility(page, 'a held reservation');
  await screenshot(page, 'reservation-held');
  await page.getByRole('button', { name: 'Confirm and pay' }).click();
  await page.getByText('Confirmed: the seats are yours.').waitFor();
  assert.equal(await page.locator('[data-status]').getAttribute('data-status'), 'CONFIRMED');

  // My reservations lists it; from there, cancel it, and the map shows the seat free again
  await page.getByRole('link', { name: 'My reservations' }).first().click();
  await page.getByRole('heading', { name: 'My reservations' }).waitFor();
  const item = page.locator('.reservations li', { hasText: 'FLOOR-A-20' });
  await item.getByText('Confirmed').waitFor();
  await checkAccessibility(page, 'My reservations');
  await screenshot(page, 'my-reservations');
  await item.getByRole('link').click();
  assert.equal(page.url(), reservationUrl);
  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  await page.getByText('Cancelled: the seats are free again.').waitFor();
  await page.goto(`/concerts/${main.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await eventually(async () => (await seatColour(page, 'FLOOR-A-20')) === VIP, 15_000, 'the cancelled seat drawn free');

  // the first refresh token, used again, is refused and ends every session of the user: the next call that needs
  // a refresh finds the session over, and the user is sent to log in, and back after
  const reused = await api('POST', '/api/v1/users/refresh', { body: { refreshToken: first.refreshToken } });
  assert.equal(reused.status, 401, reused.text);
  await spoilAccessToken();
  await page.goto('/reservations');
  await page.getByRole('heading', { name: 'Log in' }).waitFor({ timeout: 15_000 });
  assert.match(page.url(), /\/login\?next=%2Freservations$/);
  assert.equal(await session(), null);
  await page.getByLabel('Username').fill(`buyer${RUN}`);
  await page.getByLabel('Password').fill('Brows3r!go');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'My reservations' }).waitFor();
  await pageOk(page, ['401 POST /api/v1/users/login', `401 POST /api/v1/concerts/${main.id}/reservations`,
    '401 POST /api/v1/users/refresh', '401 GET /api/v1/users/me/reservations']);
  await page.context().close();
});

test('at 390×844: the list, the concert and its map fit the phone, and a tap picks a seat', async () => {
  const page = await open(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await page.goto(`/?name=${encodeURIComponent(`Aurora ${RUN}`)}`);
  await page.getByRole('link', { name: `Aurora ${RUN}` }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling on the list');
  await screenshot(page, 'concert-list-390');
  // opened directly: the gateway answers index.html for the client-side route
  await page.goto(`/concerts/${main.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scrolling on the concert');
  const point = await seatPoint(page, 'BALC-B-3');
  await page.touchscreen.tap(point.x, point.y);
  await page.locator('.picked li', { hasText: 'Balcony, row B, seat 3, G1, 110.00' }).waitFor();
  assert.equal(await seatColour(page, 'BALC-B-3'), SELECTED);
  await checkAccessibility(page, 'the concert at 390×844');
  await screenshot(page, 'concert-390');
  await pageOk(page);
  await page.context().close();
});
