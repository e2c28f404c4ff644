// ./tickitecking bench web: on a running system (BASE_URL, the admin of .local/admin.env), concerts of 2,600, 20,000
// and 60,000 seats made through the API, then in headless Chromium (Debian's, as the browser tests) the time from
// navigation to a usable seat map (seats drawn and the first availability applied: the page's 'seatmap-ready'
// performance mark), the median of LOADS loads per size, each in a fresh browser context (nothing cached), with the
// stages the page marks on the way; then the JavaScript shipped, gzipped (scripts/size.mjs). Figures, not a test.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_URL, RUN, company, concert, launch, open, seatMapReady } from '../e2e/harness.mjs';

const LOADS = Number(process.env.LOADS ?? 5);
const GOAL_60K_MS = 1500;
const here = path.dirname(fileURLToPath(import.meta.url));

/** `stands` sections of `rows` rows of `seats`, one grade per third of them. */
function stadium(stands, rows, seats) {
  const sections = Array.from({ length: stands }, (_, i) => ({ code: `S${i + 1}`, name: `Stand ${i + 1}`, rowCount: rows, seatsPerRow: seats }));
  const third = Math.max(1, Math.floor(stands / 3));
  const grades = [
    { name: 'VIP', price: 250, areas: sections.slice(0, third).map((s) => ({ section: s.code })) },
    { name: 'R', price: 120, areas: sections.slice(third, 2 * third).map((s) => ({ section: s.code })) },
    { name: 'S', price: 60, areas: sections.slice(2 * third).map((s) => ({ section: s.code })) },
  ].filter((g) => g.areas.length > 0);
  return { sections, grades };
}

const SIZES = [
  { seats: 2_600, ...stadium(2, 26, 50) },
  { seats: 20_000, ...stadium(4, 50, 100) },
  { seats: 60_000, ...stadium(12, 50, 100) },
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One cold load of a concert's page: the page's marks, in ms after navigation started. */
async function load(browser, concertId) {
  const page = await open(browser);
  await page.goto(`/concerts/${concertId}`);
  await page.locator('.seatmap-scroll[data-ready="true"]').waitFor({ timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const navigation = performance.getEntriesByType('navigation')[0];
    const resource = (pattern) => performance.getEntriesByType('resource').find((r) => pattern.test(r.name));
    const layout = resource(/\/seats$/);
    const availability = resource(/\/seats\/availability$/);
    return {
      domContentLoaded: navigation.domContentLoadedEventEnd,
      layoutFetched: layout?.responseEnd ?? NaN,
      layoutBytes: layout?.encodedBodySize ?? NaN,
      data: at('seatmap-data'), drawn: at('seatmap-drawn'),
      availabilityFetched: availability?.responseEnd ?? NaN, availability: at('seatmap-availability'), ready: at('seatmap-ready'),
    };
  });
  if (page.errors.length > 0) throw new Error(`errors in the page: ${page.errors.join('; ')}`);
  await page.context().close();
  return marks;
}

const ms = (value) => (Number.isFinite(value) ? `${Math.round(value)}` : '-');

async function main() {
  console.log(`bench web: ${BASE_URL}, ${LOADS} loads per size, headless Chromium; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const browser = await launch();
  try {
    const promoter = await company(`bench${RUN}`);
    const concerts = [];
    for (const size of SIZES) {
      const made = await concert(promoter, { name: `Bench ${size.seats} ${RUN}`, sections: size.sections, grades: size.grades });
      if (made.totalSeats !== size.seats) throw new Error(`a concert of ${made.totalSeats} seats, not ${size.seats}`);
      concerts.push({ size, id: made.id });
    }
    for (const { size, id } of concerts) await seatMapReady(id, 300_000);

    const rows = [];
    for (const { size, id } of concerts) {
      await load(browser, id); // a first load not counted: the services' own first reads of the concert
      const runs = [];
      for (let i = 0; i < LOADS; i++) runs.push(await load(browser, id));
      const pick = (key) => median(runs.map((r) => r[key]));
      rows.push({ size, ready: runs.map((r) => r.ready), pick });
    }

    console.log('');
    for (const { size, ready, pick } of rows) {
      const goal = size.seats === 60_000 ? `; goal at most ${GOAL_60K_MS} ms: ${median(ready) <= GOAL_60K_MS ? 'met' : 'MISSED'}` : '';
      console.log(`${size.seats} seats: usable ${ms(median(ready))} ms after navigation, median (loads: ${ready.map(ms).join(', ')})${goal}`);
      console.log(`  stages, median ms after navigation: DOMContentLoaded ${ms(pick('domContentLoaded'))}, `
        + `GET /seats done ${ms(pick('layoutFetched'))} (${(pick('layoutBytes') / 1024).toFixed(0)} KB sent), map data in React ${ms(pick('data'))}, `
        + `seats drawn ${ms(pick('drawn'))}, GET availability done ${ms(pick('availabilityFetched'))}, applied ${ms(pick('availability'))}`);
    }
  } finally {
    await browser.close();
  }
  console.log('');
  execFileSync('node', [path.join(here, 'size.mjs')], { stdio: 'inherit' });
  console.log(`load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().catch((error) => {
  console.error(`bench web: ${error.stack ?? error}`);
  process.exit(1);
});
