// The organiser's pages in a real browser, against the running system: a company user makes a venue (its layout drawn
// before saving), a concert on it with two grades and a poster, and blocks a seat on the map, where it is drawn (and
// named) blocked; a buyer then finds the concert with its poster and sees that seat not available. Another buyer's
// hold and confirmed purchase show in the organiser's sales, latest reservations and map (held and sold apart). Bad input in both forms shows the server's field errors
// beside their fields; the admin changes an account's role on the accounts page. The company account is made as the other tests make one: signed up, promoted by the admin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, PASSWORD, RUN, api, checkAccessibility, company, eventually, hold, launch, login, open, screenshot, seatColour, seatPoint,
  signup,
} from './harness.mjs';

const UNAVAILABLE = '#d4d4d4';
const VIP = '#1d5fa8';
// the organiser's map (SeatMap's OWNER_COLOURS): a blocked seat is crossed out in black through its centre
const BLOCKED_CROSS = '#000000';
const HELD = '#f2c14e';
const SOLD = '#8c8c8c';
const organiser = `org${RUN}`;

let browser;

before(async () => {
  browser = await launch();
  // the services may have just started (this file runs first): their first writes can fail until they are warm
  await eventually(async () => (await api('POST', '/api/v1/users/signup', { body: { username: `warmo${RUN}`,
    password: 'Warm!up123', email: `warmo${RUN}@example.com` } })).status === 201, 60_000, 'a first signup');
  const token = await company(organiser);
  await eventually(async () => (await api('POST', '/api/v1/auditoriums', { token, body: { name: `Warm-up O ${RUN}`,
    address: '1 Test Street', layout: { sections: [{ code: 'A', rowCount: 1, seatsPerRow: 1 }] } } })).status === 201,
  60_000, 'a first venue');
});

after(async () => {
  await browser?.close();
});

/** No error in the page, and no failed request but those expected ('400 POST /api/v1/auditoriums'). */
function pageOk(page, expected = []) {
  assert.deepEqual(page.errors.filter((e) => !expected.some((x) => e === `response: ${x}`)), [], 'errors in the page');
}

async function posterPng(page) {
  const base64 = await page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 300, height: 180 });
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#1e7b34'; ctx.fillRect(0, 0, 300, 180);
    ctx.fillStyle = '#fff'; ctx.font = 'bold 36px sans-serif'; ctx.fillText('NOCTURNE', 40, 105);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return { name: 'poster.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

test('a company makes a venue, a concert with grades and its poster, and blocks a seat; a buyer sees them', async () => {
  const page = await open(browser);
  await page.goto('/company/venues/new');
  // signed out: to the login, and back to the form after it
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.getByLabel('Username').fill(organiser);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'New venue' }).waitFor();
  assert.ok(await page.getByRole('link', { name: 'Your concerts' }).isVisible(), 'the organiser link in the header');

  // bad input: no name, a section code that cannot be part of a seat name
  await page.locator('input[name="code-0"]').fill('fl oor');
  await page.getByRole('button', { name: 'Save the venue' }).click();
  await page.getByText('Please correct the fields marked below.').waitFor();
  const nameError = page.locator('.field-error[data-field="name"]');
  const codeError = page.locator('.field-error[data-field="code-0"]');
  await codeError.waitFor();
  assert.ok((await nameError.textContent()).length > 0, 'the name error beside the name');
  assert.match(await page.locator('input[name="code-0"]').getAttribute('aria-describedby'), new RegExp(await codeError.getAttribute('id')));
  await checkAccessibility(page, 'the venue form with field errors');
  await screenshot(page, 'venue-form-errors');

  // a good one: two sections, drawn before saving
  const venueName = `Nocturne Hall ${RUN}`;
  await page.locator('input[name="name"]').fill(venueName);
  await page.locator('input[name="address"]').fill('2 Test Street');
  await page.locator('input[name="code-0"]').fill('FLOOR');
  await page.locator('input[name="rows-0"]').fill('3');
  await page.locator('input[name="seats-0"]').fill('6');
  await page.getByRole('button', { name: 'Add a section' }).click();
  await page.locator('input[name="code-1"]').fill('BALC');
  await page.locator('input[name="sname-1"]').fill('Balcony');
  await page.locator('input[name="rows-1"]').fill('2');
  await page.locator('input[name="seats-1"]').fill('4');
  await page.locator('figure.preview[data-seats="26"]').waitFor();
  await page.getByRole('img', { name: 'Layout preview: 2 sections, 26 seats' }).waitFor();
  // the preview's first seat is drawn in the seat map's colour: a pixel of the canvas near its top left seat
  const drawn = await page.locator('figure.preview canvas').evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let seatPixels = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] === 0x1d && data[i + 1] === 0x5f && data[i + 2] === 0xa8) seatPixels++;
    return seatPixels;
  });
  assert.ok(drawn > 26 * 20, `the preview draws the seats (${drawn} seat pixels)`);
  await checkAccessibility(page, 'the venue form with its preview');
  await screenshot(page, 'venue-form');
  await page.getByRole('button', { name: 'Save the venue' }).click();

  // the concert: bad input first (no name, no date, no price), then two grades, a sale window and a poster
  await page.getByRole('heading', { name: 'New concert' }).waitFor();
  await page.getByLabel('Venue').selectOption({ label: `${venueName} (26 seats)` });
  assert.deepEqual(await page.locator('input[name^="grade-"]').evaluateAll((inputs) => inputs.map((i) => i.value)), ['VIP', 'Grade 2']);
  await page.getByRole('button', { name: 'Save the concert' }).click();
  await page.getByText('Please correct the fields marked below.').waitFor();
  for (const field of ['name', 'startTime', 'price-0', 'price-1']) {
    await page.locator(`.field-error[data-field="${field}"]`).waitFor();
  }
  await checkAccessibility(page, 'the concert form with field errors');
  await screenshot(page, 'concert-form-errors');

  const concertName = `Nocturne ${RUN}`;
  await page.locator('input[name="name"]').fill(concertName);
  await page.locator('input[name="description"]').fill('Made in the browser tests.');
  await page.locator('input[name="startTime"]').fill('2031-09-20T20:00');
  await page.locator('input[name="maxTicketsPerBuyer"]').fill('4');
  await page.locator('input[name="saleEndsAt"]').fill('2031-09-20T18:00');
  await page.locator('input[name="price-0"]').fill('120');
  await page.locator('input[name="price-1"]').fill('45.5');
  await page.locator('#poster').setInputFiles(await posterPng(page));
  await page.getByRole('button', { name: 'Save the concert' }).click();
  await page.waitForURL(/\/company\/concerts\/\d+$/, { timeout: 60_000 });
  const concertId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.getByRole('heading', { level: 1, name: concertName }).waitFor();
  assert.deepEqual(await page.locator('.grades li').allTextContents(), ['VIP 120.00 (18 seats)', 'Grade 2 45.50 (8 seats)']);
  await page.locator('.sales-figures[data-sold="0"][data-held="0"][data-remaining="26"]').waitFor({ timeout: 30_000 });
  await page.getByText('No reservations yet.').waitFor();

  // block FLOOR-A-3 on the map
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor({ timeout: 30_000 });
  const point = await seatPoint(page, 'FLOOR-A-3');
  await page.mouse.click(point.x, point.y);
  await page.getByRole('button', { name: 'Block 1 picked', exact: true }).click();
  await page.getByText('Blocked: Floor, row A, seat 3, VIP, 120.00.').waitFor();
  await eventually(async () => (await seatColour(page, 'FLOOR-A-3')) === BLOCKED_CROSS, 15_000, 'the blocked seat drawn blocked');
  // the pointer leaves the map and comes back to the seat: the status line names it blocked
  // (where the seat is now: pressing the block button may have scrolled the page)
  const blockedAt = await seatPoint(page, 'FLOOR-A-3');
  await page.mouse.move(0, 0);
  await page.mouse.move(blockedAt.x, blockedAt.y);
  await page.locator('.seat-status', { hasText: 'Floor, row A, seat 3, VIP, 120.00, blocked' }).waitFor();
  await page.getByRole('list', { name: 'Grades and seat statuses' }).getByText('Blocked').waitFor();
  await page.locator('.sales-figures[data-blocked="1"][data-remaining="25"]').waitFor({ timeout: 30_000 });
  await checkAccessibility(page, "the organiser's concert page");
  await screenshot(page, 'organiser-concert');

  // a buyer (signed out) finds it with its poster, and sees the blocked seat not available
  const buyer = await open(browser);
  await eventually(async () => {
    await buyer.goto(`/?name=${encodeURIComponent(concertName)}`);
    await buyer.locator('.card').first().waitFor();
    return (await buyer.locator('.card img').count()) === 1;
  }, 30_000, 'the poster in the list');
  await eventually(() => buyer.locator('.card img').evaluate((img) => img.complete && img.naturalWidth === 300), 10_000, 'the poster to load');
  await buyer.getByRole('link', { name: concertName }).click();
  await buyer.locator('.seatmap-scroll[data-ready="true"]').waitFor({ timeout: 30_000 });
  assert.equal(await seatColour(buyer, 'FLOOR-A-3'), UNAVAILABLE);
  assert.equal(await seatColour(buyer, 'FLOOR-A-4'), VIP);
  await buyer.getByRole('img', { name: `Poster of ${concertName}` }).waitFor();
  pageOk(buyer);

  // the organiser unblocks it (a seat not available can be picked on the organiser's map), and the buyer's map follows
  const again = await seatPoint(page, 'FLOOR-A-3');
  await page.mouse.click(again.x, again.y);
  await page.getByRole('button', { name: 'Unblock 1 picked', exact: true }).click();
  await page.getByText('Unblocked: Floor, row A, seat 3, VIP, 120.00.').waitFor();
  await eventually(async () => (await seatColour(buyer, 'FLOOR-A-3')) === VIP, 15_000, "the unblocked seat drawn free on the buyer's map");
  await buyer.context().close();

  // another buyer holds two seats and buys one, a third holds one: the organiser's sales, reservations and map follow
  const fan = (await signup(`fan${RUN}`)).accessToken;
  const bought = await hold(fan, concertId, ['FLOOR-A-5']);
  assert.equal(bought.status, 201, bought.text);
  assert.equal((await api('POST', `/api/v1/reservations/${bought.json.id}/confirm`, { token: fan })).status, 200);
  const held = await hold((await signup(`fan2${RUN}`)).accessToken, concertId, ['BALC-A-1']);
  assert.equal(held.status, 201, held.text);
  await page.locator('.sales-figures[data-sold="1"][data-held="1"][data-blocked="0"][data-remaining="24"]').waitFor({ timeout: 30_000 });
  assert.match(await page.locator('.sales-figure').textContent(), /revenue 120\.00/);
  const rows = page.locator('table.latest-reservations tbody tr');
  await rows.nth(1).waitFor();
  assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [...tr.cells].slice(2, 5).map((td) => td.textContent))),
    [['BALC-A-1', '45.50', 'Held'], ['FLOOR-A-5', '120.00', 'Confirmed']]);
  assert.match(await rows.nth(1).locator('td').nth(1).textContent(), /^buyer-[0-9a-f]{12}$/);
  await eventually(async () => (await seatColour(page, 'FLOOR-A-5')) === SOLD, 15_000, 'the sold seat drawn sold');
  await eventually(async () => (await seatColour(page, 'BALC-A-1')) === HELD, 15_000, 'the held seat drawn held');
  await checkAccessibility(page, "the organiser's concert page with sales");
  await screenshot(page, 'organiser-concert-sales');

  // the organiser's list: the concert with its seats
  await page.getByRole('link', { name: 'Your concerts' }).click();
  const row = page.getByRole('row', { name: new RegExp(concertName) });
  await row.waitFor();
  assert.deepEqual((await row.locator('td').allTextContents()).slice(3), ['1', '1', '24 of 26', '120.00']);
  await checkAccessibility(page, "the organiser's concerts");
  await screenshot(page, 'organiser-home');

  pageOk(page, ['400 POST /api/v1/auditoriums', '400 POST /api/v1/concerts', `404 GET /api/v1/concerts/${concertId}/seats`,
    `404 POST /api/v1/concerts/${concertId}/images`, `404 GET /api/v1/concerts/${concertId}/sales`]);
  await page.context().close();
});

test("the admin's accounts page changes a user's role", async () => {
  const newcomer = `adm${RUN}`;
  await signup(newcomer);
  const page = await open(browser);
  await page.goto('/admin/users');
  await page.getByRole('heading', { name: 'Log in' }).waitFor();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  const last = page.getByRole('button', { name: 'Last' });
  if (await last.count() > 0 && await last.isEnabled()) await last.click();
  const role = page.getByLabel(`Role of ${newcomer}`);
  await role.waitFor();
  assert.equal(await role.inputValue(), 'USER');
  await role.selectOption('COMPANY_USER');
  await page.getByText(`${newcomer} is now: Organiser.`).waitFor();
  await checkAccessibility(page, "the admin's accounts page");
  await screenshot(page, 'admin-users');
  pageOk(page);
  await page.context().close();
  // the next access token carries the new role
  const token = (await login(newcomer)).accessToken;
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  assert.equal(claims.role, 'COMPANY_USER');
});
