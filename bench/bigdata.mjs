// Benchmark (not a test): big data. In headless Chromium at 1280×860:
//
// - Imports of 100,000, 300,000 and 1,000,000 events (a JSON file in the explorer's schema, 12
//   and 37 MB; at 1,000,000 a CSV file of 29 MB, as JSON would pass the 50 MB an import may
//   take; chosen in the import dialog): the time until the imported chronology is shown (the
//   page heading changes), the longest main-thread task meanwhile (a
//   PerformanceObserver of long tasks), and the memory then (JS heap after a full garbage
//   collection, and wasm linear memory).
// - At 100,000 and 1,000,000 events (`?synthetic=N`, once the page is quiet): a facet change
//   (a click on the checkbox named Piracy, on and off) and a search keystroke (typing "summit"
//   into the search box a key at a time, then deleting it), each timed from the input to the
//   next paint that shows its result: the duration Chromium's Event Timing gives the interaction
//   (what Interaction to Next Paint is made of; under 16 ms it reports nothing, printed "< 16").
//   The longest task after the input is printed too: the accessible layer and the list follow
//   the drawing in tasks of their own.
//
//   node bench/bigdata.mjs          (after `trunk build --release`; ./bench/run.sh does both)
//
// BENCH_IMPORTS (e.g. "100000,300000") and BENCH_FILTER_SIZES change the sizes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MEMORY, stats } from './instrument.mjs';
import { serveDist, launchBrowser, writeBigChronology } from '../tests/e2e/harness.mjs';

const sizes = (name, fallback) => (process.env[name] || fallback).split(',').map(Number).filter((n) => n > 0);
const IMPORTS = sizes('BENCH_IMPORTS', '100000,300000,1000000');
const FILTER_SIZES = sizes('BENCH_FILTER_SIZES', '100000,1000000');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-bench-'));

/** In every page: long tasks, interactions' Event Timing entries, the wasm instance, and when
 *  the page heading first shows `window.__awaited`. */
const OBSERVE = `
  window.__long = []; window.__events = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push({ name: e.name, start: e.startTime, duration: e.duration }); }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  window.__bench = {};
  addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasm = e.detail && e.detail.wasm; });
  const watch = () => {
    if (window.__awaited && !window.__shownAt && document.querySelector('h1')?.textContent === window.__awaited) window.__shownAt = performance.now();
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(OBSERVE);
  return context.newPage();
}

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(MEMORY);
}

/** Waits until no long task has run for `quietMs`. */
async function quiet(page, quietMs = 1500) {
  for (;;) {
    const since = await page.evaluate(() => performance.now() - Math.max(0, ...window.__long.map((t) => t.start + t.duration)));
    if (since >= quietMs) return;
    await page.waitForTimeout(Math.max(100, quietMs - since));
  }
}

async function importOne(browser, origin, n) {
  // A CSV file's chronology is named after the file.
  const csv = n > 300_000;
  const name = `big-${n}.${csv ? 'csv' : 'json'}`;
  const title = csv ? `big-${n}` : `A generated chronology of ${n.toLocaleString('en')} events`;
  const file = writeBigChronology(path.join(TMP, name), title, n);
  const mb = fs.statSync(file).size / 1_048_576;
  const page = await newPage(browser);
  await page.goto(origin + '/');
  await page.getByText(/Showing [\d,]+ of [\d,]+/).first().waitFor({ timeout: 60_000 });
  await quiet(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const began = await page.evaluate((title) => { window.__awaited = title; return performance.now(); }, title);
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 600_000 });
  // What follows the heading (the list, the timeline's first drawing) belongs to the import too.
  await quiet(page);
  const run = await page.evaluate((began) => ({
    shown: window.__shownAt - began,
    longest: Math.max(0, ...window.__long.filter((t) => t.start + t.duration > began).map((t) => t.duration)),
  }), began);
  const mem = await memory(page);
  await page.context().close();
  fs.rmSync(file);
  return { n, mb, format: csv ? 'CSV' : 'JSON', ...run, mem };
}

/** Runs `act`, waits until the page is quiet, and returns the input-to-next-paint of the
 *  interaction (the longest Event Timing entry since; 0 when none reached 16 ms) and the
 *  longest task since. */
async function interaction(page, act) {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  await quiet(page, 800);
  return page.evaluate((t0) => ({
    paint: Math.max(0, ...window.__events.filter((e) => e.start >= t0).map((e) => e.duration)),
    longest: Math.max(0, ...window.__long.filter((t) => t.start >= t0).map((t) => t.duration)),
  }), t0);
}

async function filtersAt(browser, origin, n) {
  const page = await newPage(browser);
  await page.goto(`${origin}/?synthetic=${n}`);
  await page.getByText(/Showing [\d,]+ of [\d,]+/).first().waitFor({ timeout: 600_000 });
  // Once the page is quiet: the search text is folded in idle time after the first render.
  await page.waitForTimeout(2000);
  await quiet(page, 3000);
  const piracy = page.getByRole('checkbox', { name: 'Piracy', exact: true });
  const facet = [];
  for (let i = 0; i < 6; i++) facet.push(await interaction(page, () => piracy.click()));
  const search = [];
  const box = page.getByRole('searchbox');
  await box.click();
  for (const key of [...'summit', ...Array(6).fill('Backspace')]) search.push(await interaction(page, () => page.keyboard.press(key)));
  const shown = await page.getByText(/Showing [\d,]+ of [\d,]+/).first().textContent();
  await page.context().close();
  return { n, facet, search, shown };
}

const server = await serveDist();
const browser = await launchBrowser();
const imports = [], filters = [];
try {
  for (const n of IMPORTS) {
    imports.push(await importOne(browser, server.origin, n));
    process.stderr.write(`  imported ${n}\n`);
  }
  for (const n of FILTER_SIZES) {
    filters.push(await filtersAt(browser, server.origin, n));
    process.stderr.write(`  filtered ${n}\n`);
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(TMP, { recursive: true, force: true });
}

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const mb = (b) => `${(b / 1_048_576).toFixed(0)} MB`;
// Long tasks are those over 50 ms: none observed reads as such, not as 0 ms.
const task = (v) => (v > 0 ? ms(v) : 'none over 50 ms');
console.log('\nBig data — headless Chromium, 1280×860');
console.log('\nImport (a file chosen in the import dialog; parsed in a worker):\n');
console.log('| events | file | time to shown | longest main-thread task | JS heap + wasm memory after |');
console.log('|---|---|---|---|---|');
for (const r of imports) {
  console.log(`| ${r.n.toLocaleString('en')} | ${r.mb.toFixed(0)} MB ${r.format} | ${ms(r.shown)} | ${task(r.longest)} | ${mb(r.mem.js)} + ${mb(r.mem.wasm)} |`);
}
console.log('\nFilters (`?synthetic=N`): input to the next paint (Event Timing), median / slowest; then the longest task the input caused\n');
console.log('| events | facet change | search keystroke | longest task after a facet change / keystroke |');
console.log('|---|---|---|---|');
const paint = (v) => (v < 16 ? '< 16 ms' : ms(v));
for (const r of filters) {
  const f = stats(r.facet.map((s) => s.paint)), k = stats(r.search.map((s) => s.paint));
  const fl = Math.max(...r.facet.map((s) => s.longest)), kl = Math.max(...r.search.map((s) => s.longest));
  console.log(`| ${r.n.toLocaleString('en')} | ${paint(f.median)} / ${paint(Math.max(...r.facet.map((s) => s.paint)))} | ${paint(k.median)} / ${paint(Math.max(...r.search.map((s) => s.paint)))} | ${task(fl)} / ${task(kl)} |`);
}
