// Reports the release bundle's transfer size: wasm + js + css in dist/, raw and gzip.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
let raw = 0, gz = 0;
const rows = [];
for (const name of fs.readdirSync(dist)) {
  if (!/\.(wasm|js|css)$/.test(name)) continue;
  const data = fs.readFileSync(path.join(dist, name));
  const g = zlib.gzipSync(data, { level: 9 }).length;
  raw += data.length; gz += g;
  rows.push(`  ${name.padEnd(48)} ${(data.length / 1024).toFixed(1).padStart(8)} KB  ${(g / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log('Release bundle (dist/):');
console.log(rows.join('\n'));
console.log(`  ${'total (wasm + js + css)'.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
