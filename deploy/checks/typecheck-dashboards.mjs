#!/usr/bin/env node
// Type-checks every deploy/grafana/dashboards/*.json against Grafana's schema
// types (@grafana/schema) with the TypeScript compiler. Each dashboard is
// pasted into a .ts file as an object literal so tsc's excess-property checks
// catch misspelt or misplaced keys, not only wrong types.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const dashboards = join(here, '..', 'grafana', 'dashboards');
const work = join(here, '.work', 'dashboards');
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

const files = readdirSync(dashboards).filter((f) => f.endsWith('.json')).sort();
if (files.length === 0) { console.error('no dashboards found'); process.exit(1); }
for (const f of files) {
  const json = readFileSync(join(dashboards, f), 'utf8');
  writeFileSync(join(work, `${basename(f, '.json')}.ts`),
    `import { asGrafana, type PrometheusDashboard } from '../../dashboard-types';\n` +
    `const dashboard: PrometheusDashboard = ${json.trim()};\n` +
    `export default asGrafana(dashboard);\n`);
}
writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
  compilerOptions: {
    strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler',
    skipLibCheck: true, types: [], typeRoots: [join(here, 'node_modules', '@types')],
  },
  include: ['*.ts'],
}, null, 2));
try {
  execFileSync(join(here, 'node_modules', '.bin', 'tsc'), ['-p', join(work, 'tsconfig.json')], { stdio: 'inherit', cwd: here });
} catch {
  process.exit(1);
}
console.log(`${files.length} dashboards match the @grafana/schema Dashboard type`);
