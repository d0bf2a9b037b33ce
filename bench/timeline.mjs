// Benchmark (not a test): time per frame of wheel zooms and drag pans in headless Chromium,
// for the real chronology and synthetic ones of 10,000 and 100,000 events.
//
//   node bench/timeline.mjs            (after `trunk build --release`; ./bench/run.sh does both)
//
// What is measured per input is explained in bench/instrument.mjs. First render is from
// navigation start to the end of the first frame with events painted, the median of
// BENCH_LOADS (5) cold loads.
import { INSTRUMENT, EXPLORER_FIRST_RENDER, memoryAfterGc, stats, coldLoads, LOADS, wheelZooms, dragPans, workerPaints } from './instrument.mjs';
import { serveDist, launchBrowser } from '../tests/e2e/harness.mjs';

const SIZES = [
  { name: 'the chronology', query: '' },
  { name: 'synthetic 10,000', query: '?synthetic=10000' },
  { name: 'synthetic 100,000', query: '?synthetic=100000' },
];
const STEPS = Number(process.env.BENCH_STEPS || 30);
const REPEAT = Number(process.env.BENCH_REPEAT || 3);

const server = await serveDist();
const browser = await launchBrowser();
const rows = [];
try {
  for (const size of SIZES) {
    const { firstRender, page } = await coldLoads(browser, server.origin + '/' + size.query, INSTRUMENT + EXPLORER_FIRST_RENDER);
    const svg = page.locator('svg[aria-roledescription="timeline"]');
    const box = await svg.boundingBox();
    const cx = Math.round(box.x + box.width / 2), cy = Math.round(box.y + box.height / 2);
    const span = () => svg.evaluate((s) => +s.dataset.end - +s.dataset.start);
    const span0 = await span();

    const zoom = stats(await wheelZooms(page, { cx, cy }, STEPS, REPEAT));
    const zoomPaint = stats(await workerPaints(page));
    const spanBack = await span();

    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    await page.waitForTimeout(400);
    const pan = stats(await dragPans(page, { cx, cy }, STEPS, REPEAT));
    const panPaint = stats(await workerPaints(page));
    const memory = await memoryAfterGc(page);
    rows.push({ size: size.name, firstRender, zoom, pan, zoomPaint, panPaint, spanCheck: Math.abs(spanBack / span0 - 1) < 0.02, memory });
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

const ms = (v) => `${v.toFixed(1)} ms`;
console.log(`\nTimeline benchmark — headless Chromium, 1280×860, ${REPEAT} × ${STEPS} wheel steps (±120) and ${REPEAT} × ${STEPS} drag moves`);
console.log(`work per input = event dispatch incl. re-render + the next frame's rendering update; first render = median of ${LOADS} cold loads`);
console.log(`paint in the worker = each frame's paint in the paint worker, off the main thread (median / p95); wasm memory = the page's and the worker's\n`);
console.log('| data | first render | zoom median | zoom p95 | pan median | pan p95 | paint in the worker (zoom; pan) | JS heap | wasm memory |');
console.log('|---|---|---|---|---|---|---|---|---|');
const paint = (p) => (p.n ? `${p.median.toFixed(1)} / ${p.p95.toFixed(1)} ms` : 'none');
for (const r of rows) {
  console.log(`| ${r.size} | ${ms(r.firstRender)} | ${ms(r.zoom.median)} | ${ms(r.zoom.p95)} | ${ms(r.pan.median)} | ${ms(r.pan.p95)} | ${paint(r.zoomPaint)}; ${paint(r.panPaint)} | ${(r.memory.js / 1048576).toFixed(1)} MB | ${(r.memory.wasm / 1048576).toFixed(1)} MB |`);
  if (!r.spanCheck) console.log(`  (warning: zooming in and out did not come back to the same span for ${r.size})`);
}
