// The JavaScript the web client ships, raw and gzipped (level 9), from the last build (npm run build): the goal is
// at most 300 KB gzipped (issue 11).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'target', 'classes', 'static', 'assets');
let raw = 0;
let gzipped = 0;
for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(path.join(assets, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
console.log(`JavaScript: ${(raw / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (goal: at most 300 KB gzipped)`);
