// Two buyers race for one seat in two browser contexts, against the running system: both pick it and press hold at
// the same moment. Exactly one gets the hold; the other is told which seat went, by its name, and that buyer's map
// draws it taken at once, from the refused hold itself (their availability polls are cut off, so it cannot be a poll).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RUN, checkAccessibility, company, concert, launch, screenshot, seatColour, seatMapReady, seatPoint, signedInPage, signup,
} from './harness.mjs';

const UNAVAILABLE = '#d4d4d4';
const SELECTED = '#111111';
const TAKEN_NOTICE = 'Someone else got there first: Floor, row A, seat 5, VIP, 150.00 is taken. Pick another seat and hold again.';

let browser;
let show;

before(async () => {
  browser = await launch();
  const promoter = await company(`race${RUN}`);
  show = await concert(promoter, { name: `Photo Finish ${RUN}`, maxTicketsPerBuyer: 4,
    sections: [{ code: 'FLOOR', name: 'Floor', rowCount: 2, seatsPerRow: 10 }] });
  await seatMapReady(show.id);
});

after(async () => {
  await browser?.close();
});

/** What became of a buyer's hold: 'won' on the reservation's page, 'lost' with the notice on the concert's. */
async function outcome(page) {
  // the wait that does not come true ends in a rejection later: it must not settle the race, nor go unhandled
  const never = () => new Promise(() => {});
  return Promise.race([
    page.getByRole('heading', { name: /^Reservation \d+$/ }).waitFor({ timeout: 30_000 }).then(() => 'won', never),
    page.getByText('Someone else got there first').waitFor({ timeout: 30_000 }).then(() => 'lost', never),
    new Promise((resolve) => { setTimeout(() => resolve('neither'), 31_000).unref(); }),
  ]);
}

test('two buyers hold the same seat at the same moment: one gets it, the other is told which seat went and sees it taken at once', async () => {
  await signup(`ann${RUN}`);
  await signup(`bob${RUN}`);
  const buyers = await Promise.all([`ann${RUN}`, `bob${RUN}`].map((name) => signedInPage(browser, name, `/concerts/${show.id}`)));
  for (const page of buyers) {
    await page.locator('.seatmap-scroll[data-ready="true"]').waitFor();
    const point = await seatPoint(page, 'FLOOR-A-5');
    await page.mouse.click(point.x, point.y);
    await page.locator('.picked li', { hasText: 'Floor, row A, seat 5, VIP, 150.00' }).waitFor();
    assert.equal(await seatColour(page, 'FLOOR-A-5'), SELECTED);
    // from now on a page learns of the other's hold only from its own refused hold
    await page.route('**/seats/availability', (route) => route.abort());
  }

  const holds = buyers.map((page) => page.getByRole('button', { name: 'Hold these seats' }));
  await Promise.all(holds.map((button) => button.click()));
  const outcomes = await Promise.all(buyers.map(outcome));
  assert.deepEqual([...outcomes].sort(), ['lost', 'won'], `exactly one hold wins (${outcomes})`);
  const winner = buyers[outcomes.indexOf('won')];
  const loser = buyers[outcomes.indexOf('lost')];

  await winner.getByText('FLOOR-A-5 · VIP · 150.00').waitFor();
  const notice = loser.getByRole('status').filter({ hasText: 'Someone else got there first' });
  assert.equal(await notice.textContent(), TAKEN_NOTICE);
  assert.equal(await loser.locator('.picked li').count(), 0, 'the seat is no longer among the picks');
  assert.equal(await seatColour(loser, 'FLOOR-A-5'), UNAVAILABLE, 'drawn taken without a poll');
  await checkAccessibility(loser, 'the concert after a lost race');
  await screenshot(loser, 'race-lost');

  // the loser picks the seat beside it and gets that one
  await loser.unroute('**/seats/availability');
  const next = await seatPoint(loser, 'FLOOR-A-6');
  await loser.mouse.click(next.x, next.y);
  await loser.getByRole('button', { name: 'Hold these seats' }).click();
  await loser.getByRole('heading', { name: /^Reservation \d+$/ }).waitFor({ timeout: 15_000 });
  await loser.getByText('FLOOR-A-6 · VIP · 150.00').waitFor();

  assert.deepEqual(winner.errors, [], 'errors on the winner\'s page');
  // one 409 (taken), or more when the first answers were "busy" (the winner's seat lock) and were tried again
  const refused = `response: 409 POST /api/v1/concerts/${show.id}/reservations`;
  assert.ok(loser.errors.length >= 1 && loser.errors.every((e) => e === refused), `errors on the loser's page: ${loser.errors}`);
  await Promise.all(buyers.map((page) => page.context().close()));
});
