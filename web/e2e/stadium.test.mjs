// A 60,000-seat stadium's map in the browser: it opens, a seat can be picked by keyboard and by a click, and the
// time from navigation to a usable map is printed (a figure, not a timed assertion: see ./tickitecking bench web).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { RUN, checkAccessibility, company, concert, launch, open, screenshot, seatColour, seatMapReady, seatPoint } from './harness.mjs';

let browser;
let stadium;

before(async () => {
  browser = await launch();
  const promoter = await company(`arena${RUN}`);
  const sections = Array.from({ length: 12 }, (_, i) => ({ code: `S${i + 1}`, name: `Stand ${i + 1}`, rowCount: 50, seatsPerRow: 100 }));
  stadium = await concert(promoter, {
    name: `Stadium ${RUN}`,
    sections,
    grades: [
      { name: 'VIP', price: 250, areas: sections.slice(0, 2).map((s) => ({ section: s.code })) },
      { name: 'R', price: 120, areas: sections.slice(2, 7).map((s) => ({ section: s.code })) },
      { name: 'S', price: 60, areas: sections.slice(7).map((s) => ({ section: s.code })) },
    ],
  });
  assert.equal(stadium.totalSeats, 60_000);
  await seatMapReady(stadium.id, 120_000);
});

after(async () => {
  await browser?.close();
});

test("a 60,000-seat stadium's map opens, and a seat can be picked by keyboard and by a click", async () => {
  const page = await open(browser);
  const start = Date.now();
  await page.goto(`/concerts/${stadium.id}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor({ timeout: 30_000 });
  console.log(`60,000-seat map usable ${Date.now() - start} ms after navigation (headless Chromium, this machine's load)`);

  await page.getByRole('application', { name: /Seat map, 60000 seats/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.locator('.picked li', { hasText: 'Stand 1, row A, seat 2, VIP, 250.00' }).waitFor();
  const point = await seatPoint(page, 'S12-A-50');
  await page.mouse.click(point.x, point.y);
  await page.locator('.picked li', { hasText: 'Stand 12, row A, seat 50, S, 60.00' }).waitFor();
  assert.equal(await seatColour(page, 'S12-A-50'), '#111111');
  await checkAccessibility(page, 'the stadium');
  await screenshot(page, 'stadium');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
