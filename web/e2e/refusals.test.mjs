// The server's refusals in every form that the other browser tests do not already send one from (organiser.test.mjs
// has the venue's and the concert's field errors, pages.test.mjs sign-up's and a wrong password): each is a real
// answer of the running system, shown beside its field or as a readable message, never dropped. A sign-up with a
// taken name, a hold past the buyer's limit, a confirm and a cancel of a reservation that ended meanwhile, a poster
// too large and one that is no image, an unblock of a seat a buyer holds, a role change of an account deleted meanwhile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN, PASSWORD, RUN, api, checkAccessibility, company, concert, eventually, hold, launch, login, open, screenshot, seatMapReady,
  pickSeats, signedInPage, signup,
} from './harness.mjs';

let browser;
let promoter;
let show;

before(async () => {
  browser = await launch();
  promoter = await company(`refu${RUN}`);
  show = await concert(promoter, { name: `Refusals ${RUN}`, maxTicketsPerBuyer: 2,
    sections: [{ code: 'FLOOR', name: 'Floor', rowCount: 3, seatsPerRow: 10 }] });
  await seatMapReady(show.id);
});

after(async () => {
  await browser?.close();
});

/** No error in the page but the refusals the test caused ('409 POST /api/v1/users/signup'). */
function pageOk(page, expected) {
  const isExpected = (e) => expected.some((x) => (x instanceof RegExp ? x.test(e) : x === e));
  assert.deepEqual(page.errors.filter((e) => !isExpected(e.replace(/^response: /, ''))), [], 'errors in the page');
}

test('sign up with a name that is taken: the refusal beside the username', async () => {
  const taken = `dup${RUN}`;
  await signup(taken);
  const page = await open(browser);
  await page.goto('/signup');
  await page.getByLabel('Username').fill(taken);
  await page.getByLabel('Email').fill(`other${RUN}@example.com`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign up' }).click();
  const error = page.locator('.field-error[data-field="username"]');
  await error.waitFor();
  assert.equal(await error.textContent(), 'This username is already taken.');
  assert.equal(await page.locator('input[name="username"]').getAttribute('aria-invalid'), 'true');
  await page.getByText('Please correct the fields marked below.').waitFor();
  await checkAccessibility(page, 'sign up with a taken name');
  await screenshot(page, 'signup-taken');
  pageOk(page, ['409 POST /api/v1/users/signup']);
  await page.context().close();
});

test("a hold past the concert's tickets per buyer: the server's limit, and the picks stay", async () => {
  const username = `lim${RUN}`;
  const { accessToken } = await signup(username);
  const first = await hold(accessToken, show.id, ['FLOOR-A-1']);
  assert.equal(first.status, 201, first.text);
  const page = await signedInPage(browser, username, `/concerts/${show.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
  await pickSeats(page, 'FLOOR-B-1', 'FLOOR-B-2');
  await page.getByRole('button', { name: 'Hold these seats' }).click();
  await page.getByText('This concert allows at most 2 tickets per buyer; you already have 1 (held or confirmed), so 2 more are too many.').waitFor();
  assert.equal(await page.locator('.picked li').count(), 2);
  assert.match(page.url(), new RegExp(`/concerts/${show.id}$`));
  await checkAccessibility(page, 'a hold past the limit');
  await screenshot(page, 'hold-limit');
  pageOk(page, [`409 POST /api/v1/concerts/${show.id}/reservations`]);
  await page.context().close();
});

test('confirm and cancel of a reservation that was cancelled meanwhile (another tab): the reason, and the page shows it as it is', async () => {
  const username = `conf${RUN}`;
  const { accessToken } = await signup(username);
  const held = await hold(accessToken, show.id, ['FLOOR-C-1']);
  assert.equal(held.status, 201, held.text);
  const page = await signedInPage(browser, username, `/reservations/${held.json.id}`);
  await page.getByRole('button', { name: 'Confirm and pay' }).waitFor();
  // the other tab cancels it
  assert.equal((await api('DELETE', `/api/v1/reservations/${held.json.id}`, { token: accessToken })).status, 200);

  await page.getByRole('button', { name: 'Confirm and pay' }).click();
  await page.getByText('This reservation is CANCELLED.').waitFor();
  await page.locator('[data-status="CANCELLED"]').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Confirm and pay' }).count(), 0);
  await checkAccessibility(page, 'a confirm refused');
  await screenshot(page, 'confirm-refused');

  // a confirmed one, cancelled in the other tab: a cancel is idempotent (the server answers 200 with the reservation
  // as it is), so this page's cancel says so and shows it cancelled, with nothing left to press
  const second = await hold(accessToken, show.id, ['FLOOR-C-2']);
  assert.equal(second.status, 201, second.text);
  assert.equal((await api('POST', `/api/v1/reservations/${second.json.id}/confirm`, { token: accessToken })).status, 200);
  await page.goto(`/reservations/${second.json.id}`);
  await page.getByRole('button', { name: 'Cancel reservation' }).waitFor();
  assert.equal((await api('DELETE', `/api/v1/reservations/${second.json.id}`, { token: accessToken })).status, 200);
  await page.getByRole('button', { name: 'Cancel reservation' }).click();
  await page.getByText('Cancelled: the seats are free again.').waitFor();
  await page.locator('[data-status="CANCELLED"]').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Cancel reservation' }).count(), 0);
  pageOk(page, [`409 POST /api/v1/reservations/${held.json.id}/confirm`]);
  await page.context().close();
});

test("the organiser's poster upload refused (too large, not an image) and an unblock of a held seat: the server's reasons", async () => {
  const tooLarge = { name: 'poster.png', mimeType: 'image/png', buffer: Buffer.alloc(5.5 * 1024 * 1024, 7) };
  const notAnImage = { name: 'poster.png', mimeType: 'image/png', buffer: Buffer.from('not a picture at all, only text\n'.repeat(20)) };
  // what the server says to each, asked directly: the page must show that, not a guess of its own
  const refusal = async (file) => {
    // media-service learns of the concert by an event: until then its answer is 404
    const answer = await eventually(async () => {
      const form = new FormData();
      form.append('kind', 'POSTER');
      form.append('file', new Blob([file.buffer], { type: file.mimeType }), file.name);
      const sent = await api('POST', `/api/v1/concerts/${show.id}/images`, { token: promoter, body: form });
      return sent.status === 404 ? null : sent;
    }, 30_000, 'media-service to know the concert');
    assert.ok([413, 415].includes(answer.status), `${answer.status} ${answer.text}`);
    assert.ok(answer.json?.detail, answer.text);
    return answer;
  };
  const large = await refusal(tooLarge);
  const strange = await refusal(notAnImage);
  assert.equal(large.status, 413);
  assert.equal(strange.status, 415);

  const page = await open(browser);
  await page.goto('/login');
  await page.getByLabel('Username').fill(`refu${RUN}`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Concerts' }).waitFor();
  await page.goto(`/company/concerts/${show.id}`);
  await page.getByRole('heading', { level: 1, name: `Refusals ${RUN}` }).waitFor();
  for (const [file, answer] of [[tooLarge, large], [notAnImage, strange]]) {
    await page.locator('#new-poster').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText(`The poster was not uploaded: ${answer.json.detail}`).waitFor();
  }
  await checkAccessibility(page, 'a poster refused');
  await screenshot(page, 'poster-refused');

  // a buyer holds FLOOR-A-9: the organiser cannot unblock (nor block) it, and is told why, for that seat
  const buyer = (await login(`lim${RUN}`)).accessToken;
  const taken = await hold(buyer, show.id, ['FLOOR-A-9']);
  assert.equal(taken.status, 201, taken.text);
  // seat-service learns of the hold by an event: until then the seat is still free there (an unblock of a free seat is
  // a 200 that changes nothing), after it the unblock is refused
  const refused = await eventually(async () => {
    const answer = await api('PATCH', `/api/v1/concerts/${show.id}/seats/FLOOR-A-9`, { token: promoter, body: { status: 'AVAILABLE' } });
    return answer.status === 409 ? answer : null;
  }, 30_000, 'seat-service to see FLOOR-A-9 held');
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor({ timeout: 30_000 });
  await pickSeats(page, 'FLOOR-A-9');
  await page.getByRole('button', { name: 'Unblock 1 picked', exact: true }).click();
  await page.getByText(`Floor, row A, seat 9, VIP, 150.00: ${refused.json.detail}`).waitFor();
  await checkAccessibility(page, 'an unblock refused');
  await screenshot(page, 'unblock-refused');
  pageOk(page, ['413 POST /api/v1/concerts/' + show.id + '/images', '415 POST /api/v1/concerts/' + show.id + '/images',
    `409 PATCH /api/v1/concerts/${show.id}/seats/FLOOR-A-9`]);
  await page.context().close();
});

test("the admin changes the role of an account deleted since the page was loaded: the reason, and the list as it is now", async () => {
  const leaver = `gone${RUN}`;
  const { accessToken } = await signup(leaver);
  const page = await open(browser);
  await page.goto('/login');
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Concerts' }).waitFor();
  await page.goto('/admin/users');
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  const last = page.getByRole('button', { name: 'Last' });
  if (await last.count() > 0 && await last.isEnabled()) await last.click();
  const role = page.getByLabel(`Role of ${leaver}`);
  await role.waitFor();
  assert.equal(await role.isEnabled(), true);
  // the account is deleted by its owner while the admin looks at the list
  assert.equal((await api('DELETE', '/api/v1/users/me', { token: accessToken })).status, 204);

  await role.selectOption('COMPANY_USER');
  await page.getByText(`${leaver}: This account was deleted; its role can no longer change.`).waitFor();
  await page.getByRole('cell', { name: `${leaver} (deleted)` }).waitFor();
  assert.equal(await page.getByLabel(`Role of ${leaver}`).inputValue(), 'USER');
  assert.equal(await page.getByLabel(`Role of ${leaver}`).isDisabled(), true);
  await checkAccessibility(page, 'a role change refused');
  await screenshot(page, 'role-change-refused');
  pageOk(page, [/^409 PUT \/api\/v1\/admin\/users\/\d+\/role$/]);
  await page.context().close();
});
