#!/usr/bin/env node
// Generates deploy/grafana/dashboards/*.json: one dashboard per service plus an
// overview. The dashboards share most panels (health, HTTP, JVM); writing them by
// hand would mean seven copies drifting apart, so they are built from this file.
//   node deploy/grafana/generate-dashboards.mjs           write the files
//   node deploy/grafana/generate-dashboards.mjs --check   fail if they are stale
// Queries use $__rate_interval; the PromQL check substitutes it before promtool.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), 'dashboards');
const DS = { type: 'prometheus', uid: 'prometheus' };
const RI = '$__rate_interval';

// Which business panels each service gets, from the system's metric contract.
const SERVICES = {
  'gateway-service': { port: 8080, db: false, features: ['gateway'] },
  'user-service': { port: 8081, db: true, features: ['auth'] },
  'concert-service': { port: 8082, db: true, features: ['outbox', 'consumer'] },
  'seat-service': { port: 8083, db: true, features: ['seatmap', 'guards', 'outbox', 'consumer'] },
  'reservation-service': { port: 8084, db: true, features: ['reservations', 'waitingRoom', 'guards', 'outbox', 'consumer'] },
  'media-service': { port: 8085, db: true, features: ['uploads', 'outbox', 'consumer'] },
};

// ---- panel builders --------------------------------------------------------
const target = (expr, legendFormat, refId = 'A') => ({ refId, datasource: DS, expr, legendFormat, range: true });

function timeseries(title, targets, unit = 'short', { description, stack = false } = {}) {
  return {
    type: 'timeseries', title, description, datasource: DS,
    targets: targets.map((t, i) => ({ ...t, refId: String.fromCharCode(65 + i) })),
    fieldConfig: {
      defaults: { unit, custom: { lineWidth: 1, fillOpacity: stack ? 30 : 10, stacking: { mode: stack ? 'normal' : 'none' } } },
      overrides: [],
    },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max', 'lastNotNull'] }, tooltip: { mode: 'multi', sort: 'desc' } },
  };
}

function stat(title, expr, unit, thresholds, legendFormat = '') {
  return {
    type: 'stat', title, datasource: DS,
    targets: [target(expr, legendFormat)],
    fieldConfig: {
      defaults: {
        unit,
        thresholds: { mode: 'absolute', steps: thresholds.map(([value, color]) => ({ value, color })) },
      },
      overrides: [],
    },
    options: { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'area', textMode: 'auto' },
  };
}

const row = (title) => ({ type: 'row', title, collapsed: false, panels: [] });

// Places panels left to right on Grafana's 24-column grid; a row starts a new line.
function layout(panels) {
  let x = 0, y = 0, rowH = 0, id = 1;
  return panels.map((p) => {
    const w = p.type === 'row' ? 24 : p.type === 'stat' ? 6 : 12;
    const h = p.type === 'row' ? 1 : p.type === 'stat' ? 4 : 8;
    if (p.type === 'row' || x + w > 24) { x = 0; y += rowH; rowH = 0; }
    const placed = { id: id++, ...p, gridPos: { h, w, x, y } };
    x += w; rowH = Math.max(rowH, h);
    if (p.type === 'row') { x = 24; }
    return placed;
  });
}

function dashboard(uid, title, tags, panels, links = []) {
  return {
    uid, title, tags: ['tickitecking', ...tags],
    editable: false, graphTooltip: 1, schemaVersion: 41, version: 1, refresh: '30s',
    time: { from: 'now-1h', to: 'now' },
    timezone: 'browser',
    annotations: { list: [] },
    templating: { list: [] },
    links,
    panels: layout(panels),
  };
}

// ---- the panels every service shares ---------------------------------------
function commonPanels(svc, { db }) {
  const s = `service="${svc}"`;
  const http = `${s}, uri!~"/actuator.*"`;
  return [
    row('Health'),
    stat('Up', `max(up{job="tickitecking", ${s}})`, 'bool_yes_no', [[null, 'red'], [1, 'green']]),
    stat('Requests / s', `sum(rate(http_server_requests_seconds_count{${http}}[${RI}]))`, 'reqps', [[null, 'blue']]),
    stat('5xx ratio', `sum(rate(http_server_requests_seconds_count{${http}, status=~"5.."}[${RI}])) / sum(rate(http_server_requests_seconds_count{${http}}[${RI}]))`,
      'percentunit', [[null, 'green'], [0.01, 'orange'], [0.05, 'red']]),
    stat('p99 latency', `histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{${http}}[${RI}])))`,
      's', [[null, 'green'], [0.5, 'orange'], [1, 'red']]),
    row('HTTP'),
    timeseries('Requests by endpoint and status', [
      target(`sum by (method, uri, status) (rate(http_server_requests_seconds_count{${http}}[${RI}]))`, '{{method}} {{uri}} {{status}}'),
    ], 'reqps'),
    timeseries('5xx ratio by endpoint', [
      target(`sum by (uri) (rate(http_server_requests_seconds_count{${http}, status=~"5.."}[${RI}])) / sum by (uri) (rate(http_server_requests_seconds_count{${http}}[${RI}]))`, '{{uri}}'),
    ], 'percentunit'),
    timeseries('Latency p99 by endpoint', [
      target(`histogram_quantile(0.99, sum by (uri, le) (rate(http_server_requests_seconds_bucket{${http}}[${RI}])))`, '{{uri}}'),
    ], 's'),
    timeseries('Latency p50 / p95 / p99 (all endpoints)', [0.5, 0.95, 0.99].map((q) =>
      target(`histogram_quantile(${q}, sum by (le) (rate(http_server_requests_seconds_bucket{${http}}[${RI}])))`, `p${q * 100}`)), 's'),
    row('JVM and resources'),
    timeseries('Heap used / max', [
      target(`sum(jvm_memory_used_bytes{${s}, area="heap"})`, 'used'),
      target(`sum(jvm_memory_max_bytes{${s}, area="heap"})`, 'max'),
    ], 'bytes'),
    timeseries('CPU', [
      target(`avg(process_cpu_usage{${s}})`, 'process'),
      target(`avg(system_cpu_usage{${s}})`, 'system'),
    ], 'percentunit'),
    timeseries('GC pause time / s', [
      target(`sum by (action) (rate(jvm_gc_pause_seconds_sum{${s}}[${RI}]))`, '{{action}}'),
    ], 's'),
    timeseries('Live threads', [target(`sum(jvm_threads_live_threads{${s}})`, 'threads')]),
    ...(db ? [timeseries('DB connection pool', [
      target(`sum by (pool) (hikaricp_connections_active{${s}})`, 'active {{pool}}'),
      target(`sum by (pool) (hikaricp_connections_pending{${s}})`, 'pending {{pool}}'),
    ])] : []),
  ];
}

// ---- business panels, by feature --------------------------------------------
const FEATURES = {
  gateway: (svc) => [
    row('Gateway'),
    timeseries('Routed requests by route and outcome', [
      target(`sum by (routeId, outcome) (rate(spring_cloud_gateway_requests_seconds_count{service="${svc}"}[${RI}]))`, '{{routeId}} {{outcome}}'),
    ], 'reqps'),
    timeseries('Mean downstream time by route', [
      target(`sum by (routeId) (rate(spring_cloud_gateway_requests_seconds_sum{service="${svc}"}[${RI}])) / sum by (routeId) (rate(spring_cloud_gateway_requests_seconds_count{service="${svc}"}[${RI}]))`, '{{routeId}}'),
    ], 's'),
    timeseries('Rate-limited (429) and unauthorized (401)', [
      target(`sum by (status) (rate(http_server_requests_seconds_count{service="${svc}", status=~"429|401"}[${RI}]))`, '{{status}}'),
    ], 'reqps'),
    timeseries('Holds refused for the waiting room (unavailable: alert above 0.1/s)', [
      target(`sum by (outcome) (rate(tickitecking_admission_refusals_total{service="${svc}"}[${RI}]))`, '{{outcome}}'),
    ], 'reqps', { description: 'refused: no valid admission token (403); unavailable: Redis could not be asked (503, fail closed)' }),
  ],
  auth: (svc) => [
    row('Authentication'),
    timeseries('Auth responses by status', [
      target(`sum by (uri, status) (rate(http_server_requests_seconds_count{service="${svc}", uri=~"/api/v1/users/(login|refresh|logout|signup)"}[${RI}]))`, '{{uri}} {{status}}'),
    ], 'reqps'),
  ],
  seatmap: (svc) => [
    row('Seat map'),
    timeseries('Seat map and availability latency', [
      ...['/api/v1/concerts/{concertId}/seats', '/api/v1/concerts/{concertId}/seats/availability'].flatMap((uri) => [0.5, 0.99].map((q) =>
        target(`histogram_quantile(${q}, sum by (le) (rate(http_server_requests_seconds_bucket{service="${svc}", uri="${uri}"}[${RI}])))`, `p${q * 100} ${uri}`))),
    ], 's'),
    timeseries('Holds expired / s', [
      target(`sum(rate(tickitecking_holds_expired_total{service="${svc}"}[${RI}]))`, 'expired'),
    ], 'ops'),
  ],
  reservations: (svc) => [
    row('Reservations'),
    timeseries('Reservation attempts by outcome', [
      target(`sum by (outcome) (rate(tickitecking_reservations_total{service="${svc}"}[${RI}]))`, '{{outcome}}'),
    ], 'ops', { stack: true }),
    timeseries('Unavailable ratio (alert above 10%)', [
      target(`sum(rate(tickitecking_reservations_total{service="${svc}", outcome="unavailable"}[${RI}])) / sum(rate(tickitecking_reservations_total{service="${svc}"}[${RI}]))`, 'unavailable'),
    ], 'percentunit'),
  ],
  // The gauges are the same Redis totals on every instance: max, not sum; each admission is counted once: sum.
  waitingRoom: (svc) => [
    row('Waiting room'),
    timeseries('People waiting and active shoppers (all waiting rooms)', [
      target(`max(tickitecking_queue_waiting{service="${svc}"})`, 'waiting'),
      target(`max(tickitecking_queue_active{service="${svc}"})`, 'active shoppers'),
    ], 'short', { description: 'waiting: in the line of open, not sold-out waiting rooms; active: admitted and not finished' }),
    timeseries('Admissions / s', [
      target(`sum(rate(tickitecking_queue_admissions_total{service="${svc}"}[${RI}]))`, 'admitted'),
    ], 'ops'),
  ],
  guards: (svc) => [
    row('Double-booking guards'),
    timeseries('Guard rejections by guard', [
      target(`sum by (guard) (rate(tickitecking_guard_rejections_total{service="${svc}"}[${RI}]))`, '{{guard}}'),
    ], 'ops', { stack: true }),
    timeseries('Lock wait p50 / p99', [0.5, 0.99].map((q) =>
      target(`histogram_quantile(${q}, sum by (le) (rate(tickitecking_lock_wait_seconds_bucket{service="${svc}"}[${RI}])))`, `p${q * 100}`)), 's'),
  ],
  uploads: (svc) => [
    row('Uploads'),
    timeseries('Upload size (mean, max)', [
      target(`sum(rate(tickitecking_upload_size_bytes_sum{service="${svc}"}[${RI}])) / sum(rate(tickitecking_upload_size_bytes_count{service="${svc}"}[${RI}]))`, 'mean'),
      target(`max(tickitecking_upload_size_bytes_max{service="${svc}"})`, 'max'),
    ], 'bytes'),
    timeseries('Uploads / s', [
      target(`sum(rate(tickitecking_upload_size_bytes_count{service="${svc}"}[${RI}]))`, 'uploads'),
    ], 'ops'),
  ],
  outbox: (svc) => [
    row('Outbox (events this service publishes)'),
    timeseries('Outbox backlog (rows waiting)', [
      target(`sum(tickitecking_outbox_backlog{service="${svc}"})`, 'rows'),
    ]),
    timeseries('Oldest unpublished event age (alert above 60 s)', [
      target(`max(tickitecking_outbox_oldest_age_seconds{service="${svc}"})`, 'age'),
    ], 's'),
    timeseries('Events SQS can never take (FAILED rows; alert above 0)', [
      target(`max(tickitecking_outbox_failed{service="${svc}"})`, 'rows'),
    ]),
  ],
  consumer: (svc) => [
    row('Events consumed'),
    timeseries('Event lag p50 / p99 (publish to handle)', [0.5, 0.99].map((q) =>
      target(`histogram_quantile(${q}, sum by (le) (rate(tickitecking_event_lag_seconds_bucket{consumer="${svc}"}[${RI}])))`, `p${q * 100}`)), 's'),
    timeseries('Dead-letter queue depth', [
      target(`max by (queue) (tickitecking_dlq_messages{service="${svc}"})`, '{{queue}}'),
    ]),
  ],
};

// ---- the dashboards ------------------------------------------------------------
const serviceLinks = Object.keys(SERVICES).map((svc) => ({
  title: svc, type: 'link', url: `/d/tickitecking-${svc}`, icon: 'dashboard', tooltip: `${svc} dashboard`,
  asDropdown: false, includeVars: false, keepTime: true, tags: [], targetBlank: false,
}));
const overviewLink = { ...serviceLinks[0], title: 'Overview', url: '/d/tickitecking-overview', tooltip: 'System overview' };

const dashboards = {};
for (const [svc, cfg] of Object.entries(SERVICES)) {
  dashboards[svc] = dashboard(`tickitecking-${svc}`, `Tickitecking / ${svc}`, [svc],
    [...commonPanels(svc, cfg), ...cfg.features.flatMap((f) => FEATURES[f](svc))], [overviewLink]);
}

const job = 'job="tickitecking"';
const notActuator = 'uri!~"/actuator.*"';
dashboards.overview = dashboard('tickitecking-overview', 'Tickitecking / Overview', ['overview'], [
  row('Services'),
  timeseries('Up by service', [target(`max by (service) (up{${job}})`, '{{service}}')], 'bool_yes_no'),
  timeseries('Requests / s by service', [
    target(`sum by (service) (rate(http_server_requests_seconds_count{${notActuator}}[${RI}]))`, '{{service}}'),
  ], 'reqps'),
  timeseries('5xx ratio by service (alert above 5%)', [
    target(`sum by (service) (rate(http_server_requests_seconds_count{${notActuator}, status=~"5.."}[${RI}])) / sum by (service) (rate(http_server_requests_seconds_count{${notActuator}}[${RI}]))`, '{{service}}'),
  ], 'percentunit'),
  timeseries('p99 latency by service (alert above 1 s)', [
    target(`histogram_quantile(0.99, sum by (service, le) (rate(http_server_requests_seconds_bucket{${notActuator}}[${RI}])))`, '{{service}}'),
  ], 's'),
  row('Business'),
  timeseries('Reservation attempts by outcome', [
    target(`sum by (outcome) (rate(tickitecking_reservations_total[${RI}]))`, '{{outcome}}'),
  ], 'ops', { stack: true }),
  timeseries('Guard rejections by service and guard', [
    target(`sum by (service, guard) (rate(tickitecking_guard_rejections_total[${RI}]))`, '{{service}} {{guard}}'),
  ], 'ops'),
  timeseries('Waiting room: people waiting, active shoppers', [
    target('max(tickitecking_queue_waiting)', 'waiting'),
    target('max(tickitecking_queue_active)', 'active shoppers'),
  ]),
  timeseries('Waiting room: admissions and gateway refusals / s', [
    target(`sum(rate(tickitecking_queue_admissions_total[${RI}]))`, 'admitted'),
    target(`sum by (outcome) (rate(tickitecking_admission_refusals_total[${RI}]))`, 'refused: {{outcome}}'),
  ], 'ops'),
  row('Messaging'),
  timeseries('Oldest outbox event age by service', [
    target(`max by (service) (tickitecking_outbox_oldest_age_seconds)`, '{{service}}'),
  ], 's'),
  timeseries('Event lag p99 by consumer', [
    target(`histogram_quantile(0.99, sum by (consumer, le) (rate(tickitecking_event_lag_seconds_bucket[${RI}])))`, '{{consumer}}'),
  ], 's'),
  timeseries('Dead-letter queue depth', [target('max by (queue) (tickitecking_dlq_messages)', '{{queue}}')]),
], serviceLinks);

// ---- write or check -----------------------------------------------------------
const check = process.argv.includes('--check');
mkdirSync(OUT, { recursive: true });
let stale = 0;
for (const [name, d] of Object.entries(dashboards)) {
  const file = join(OUT, `${name}.json`);
  const text = JSON.stringify(d, null, 2) + '\n';
  if (check) {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) { console.error(`stale: ${file}`); stale++; }
  } else {
    writeFileSync(file, text);
  }
}
if (stale) { console.error('run: node deploy/grafana/generate-dashboards.mjs'); process.exit(1); }
console.log(`${Object.keys(dashboards).length} dashboards ${check ? 'up to date' : 'written'} in ${OUT}`);
