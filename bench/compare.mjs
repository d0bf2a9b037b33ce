// Side by side with vis-timeline: the same synthetic data, the same scenario, the same viewport.
//   ./bench/run.sh --compare        (builds, writes the data, installs the peer, runs this)
// Sizes: 1,000 and 10,000 events; add 100,000 with BENCH_PEER_100K=1 (vis-timeline then takes
// minutes per step). Not part of ./test.sh.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { INSTRUMENT, EXPLORER_FIRST_RENDER, memoryAfterGc, stats, coldLoads, LOADS, wheelZooms, dragPans } from './instrument.mjs';
import { serveDist, launchBrowser, ROOT } from '../tests/e2e/harness.mjs';

const BENCH = path.join(ROOT, 'bench');
const STEPS = Number(process.env.BENCH_STEPS || 30);
const REPEAT = Number(process.env.BENCH_REPEAT || 3);
const SIZES = [1000, 10000, ...(process.env.BENCH_PEER_100K ? [100000] : [])];

function servePeer() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    const file = path.join(BENCH, path.normalize(url));
    if (!file.startsWith(BENCH) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[path.extname(file)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })));
}

async function scenario(browser, url, system, n) {
  // vis-timeline at 100,000 takes minutes per load: one load there.
  const loads = system === 'peer' && n >= 100000 ? 1 : LOADS;
  const { firstRender, page } = await coldLoads(browser, url, INSTRUMENT + (system === 'ours' ? EXPLORER_FIRST_RENDER : ''), loads);
  const area = system === 'ours' ? page.locator('svg[aria-roledescription="timeline"]') : page.locator('.vis-timeline');
  const box = await area.boundingBox();
  const cx = Math.round(box.x + box.width / 2), cy = Math.round(box.y + Math.min(box.height, 600) / 2);
  const zoom = stats(await wheelZooms(page, { cx, cy }, STEPS, REPEAT));
  // Zoom in first (not timed), so that there is room to pan.
  for (let i = 0; i < 8; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(20); }
  await page.waitForTimeout(400);
  const pan = stats(await dragPans(page, { cx, cy }, STEPS, REPEAT));
  // One facet change (only "Piracy"), timed until the picture is final.
  const facet = system === 'ours'
    ? await page.evaluate(() => new Promise((resolve) => {
        // The checkbox labelled Piracy (found before the clock starts).
        const label = [...document.querySelectorAll('.facet label')].find((l) => l.textContent.trim() === 'Piracy');
        const box = document.getElementById(label.htmlFor);
        const t0 = performance.now();
        box.click();
        requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(performance.now() - t0); c.port2.postMessage(0); });
      }))
    : await page.evaluate(() => new Promise((resolve) => {
        const t0 = performance.now();
        window.__changed = t0;
        window.facet = 'piracy';
        window.view.refresh();
        const settle = () => (performance.now() - window.__changed > 500 ? resolve(window.__changed - t0) : setTimeout(settle, 50));
        setTimeout(settle, 50);
      }));
  // And a fit-all, as in the scenario (not timed: ours animates it on purpose).
  if (system === 'ours') await page.getByRole('button', { name: 'Fit all', exact: true }).click();
  else await page.evaluate(() => window.timeline.fit());
  await page.waitForTimeout(400);
  const memory = await memoryAfterGc(page);
  const heap = memory.js + memory.wasm;
  await page.context().close();
  return { firstRender, zoom, pan, facet, heap };
}

const gzipSize = (files) => files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
const distFiles = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /\.(wasm|js|css)$/.test(f)).map((f) => path.join(ROOT, 'dist', f));
const peerFiles = ['node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js', 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'].map((f) => path.join(BENCH, f));

const ours = await serveDist();
const peer = await servePeer();
const browser = await launchBrowser();
const rows = [];
try {
  for (const n of SIZES) {
    if (!fs.existsSync(path.join(BENCH, `data-${n}.json`))) throw new Error(`bench/data-${n}.json is missing: run ./bench/run.sh --compare`);
    const a = await scenario(browser, `${ours.origin}/?synthetic=${n}`, 'ours', n);
    const b = await scenario(browser, `${peer.origin}/peer.html?n=${n}`, 'peer', n);
    rows.push({ n, a, b });
    process.stderr.write(`  measured ${n}\n`);
  }
} finally {
  await browser.close(); await ours.close(); peer.close();
}
const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
const ratio = (a, b) => `${(b / a).toFixed(1)}×`;
console.log(`\nThe explorer vs vis-timeline 8.5.4 (same synthetic data, 1280×860, ${REPEAT} × ${STEPS} wheel steps, ${REPEAT} × ${STEPS} drag moves; work per input, idle excluded; first render = median of ${LOADS} cold loads)\n`);
console.log('| events | measure | explorer | vis-timeline | vis ÷ explorer |');
console.log('|---|---|---|---|---|');
for (const { n, a, b } of rows) {
  console.log(`| ${n.toLocaleString('en')} | first render (fitted) | ${ms(a.firstRender)} | ${ms(b.firstRender)} | ${ratio(a.firstRender, b.firstRender)} |`);
  console.log(`| ${n.toLocaleString('en')} | zoom median / p95 | ${ms(a.zoom.median)} / ${ms(a.zoom.p95)} | ${ms(b.zoom.median)} / ${ms(b.zoom.p95)} | ${ratio(a.zoom.median, b.zoom.median)} / ${ratio(a.zoom.p95, b.zoom.p95)} |`);
  console.log(`| ${n.toLocaleString('en')} | pan median / p95 | ${ms(a.pan.median)} / ${ms(a.pan.p95)} | ${ms(b.pan.median)} / ${ms(b.pan.p95)} | ${ratio(a.pan.median, b.pan.median)} / ${ratio(a.pan.p95, b.pan.p95)} |`);
  console.log(`| ${n.toLocaleString('en')} | facet change | ${ms(a.facet)} | ${ms(b.facet)} | ${ratio(a.facet, b.facet)} |`);
  console.log(`| ${n.toLocaleString('en')} | memory after: JS heap + wasm | ${(a.heap / 1048576).toFixed(1)} MB | ${(b.heap / 1048576).toFixed(1)} MB | |`);
}
console.log(`\nTransfer size (gzip): explorer ${(gzipSize(distFiles) / 1024).toFixed(0)} KB (wasm + js + css, data included); vis-timeline ${(gzipSize(peerFiles) / 1024).toFixed(0)} KB (standalone js + css, data not included).`);
