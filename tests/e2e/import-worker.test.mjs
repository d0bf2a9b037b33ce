// End-to-end: a big file (300,000 events, ~37 MB of JSON) imports without freezing the page. The
// long tasks of the main thread while it imports are printed (not asserted: they depend on the
// machine), with the time until the imported chronology is shown; the test asserts that the
// import works, that a progress bar with Cancel shows meanwhile, that Cancel stops a second
// big import and keeps the first, and that the next visit reads the kept chronology back in a
// worker too (its long tasks printed as well).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, openPage, goto, listReady, timelineReady, TIMELINE, until, dataset, writeBigChronology, DIST, STRICT_CSP } from './harness.mjs';

// The policy of csp.test.mjs.
const POLICY = STRICT_CSP;

let server, browser;
// Served under the strict policy: the worker must run under it too.
before(async () => { server = await serveDist({ headers: { 'content-security-policy': POLICY } }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-import-worker-'));
const EVENTS = 300_000;

/** A chronology of `n` minimal events written to the test's temporary folder (~37 MB at 300,000). */
function bigFile(name, title, n) {
  return writeBigChronology(path.join(TMP, name), title, n);
}

/** Records long tasks, every progress bar shown (its text, whether it offers Cancel), when the
 *  page heading first shows `window.__awaited`, and the page's wasm exports. */
function instrument() {
  // The page's wasm exports (its memory), as Trunk's loader announces them.
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__progress = [];
  const watch = () => {
    const bar = document.querySelector('.loading');
    if (bar) {
      const text = (bar.querySelector('label') || bar).textContent.trim();
      const seen = { text, cancel: [...bar.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Cancel'), at: performance.now() };
      const last = window.__progress[window.__progress.length - 1];
      if (!last || last.text !== seen.text || last.cancel !== seen.cancel) window.__progress.push(seen);
    }
    if (window.__awaited && !window.__shownAt && document.querySelector('h1')?.textContent === window.__awaited) {
      window.__shownAt = performance.now();
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** Starts importing `file` through the import dialog; returns the page time it began. */
async function startImport(page, file, title) {
  const input = page.getByLabel('Choose a chronology file');
  if (!(await input.isVisible())) await page.getByRole('button', { name: 'Import…' }).click();
  const began = await page.evaluate((title) => {
    window.__awaited = title;
    window.__shownAt = null;
    window.__progress = [];
    return performance.now();
  }, title);
  await input.setInputFiles(file);
  return began;
}

test(`a ${EVENTS.toLocaleString('en')}-event file imports with a progress bar and Cancel, off the main thread`, async () => {
  const first = bigFile('big.json', 'A big generated chronology', EVENTS);
  const second = bigFile('bigger.json', 'Another big chronology', EVENTS);
  const page = await openPage(browser);
  await page.addInitScript(instrument);
  const workers = watchWorkers(page);
  await goto(page, server.origin + '/', { marks: true });
  const builtin = await page.getByRole('heading', { level: 1 }).textContent();

  const began = await startImport(page, first, 'A big generated chronology');
  await page.getByRole('heading', { level: 1, name: 'A big generated chronology' }).waitFor({ timeout: 120_000 });
  // What follows the heading (the list, the timeline's first drawing) belongs to the import too.
  await page.waitForTimeout(1500);
  const run = await page.evaluate((began) => ({
    shownAt: window.__shownAt,
    tasks: window.__longTasks.filter((t) => t.start + t.duration > began),
    progress: window.__progress,
    wasmMemory: window.__wasm?.memory?.buffer.byteLength,
  }), began);
  const longest = Math.max(0, ...run.tasks.map((t) => t.duration));
  const total = run.tasks.reduce((sum, t) => sum + t.duration, 0);
  const size = fs.statSync(first).size / 1_048_576;
  console.log(`import of ${EVENTS.toLocaleString('en')} events (${size.toFixed(1)} MB JSON):`);
  console.log(`  longest main-thread task ${longest.toFixed(0)} ms; long tasks ${run.tasks.length}, ${total.toFixed(0)} ms in all`);
  console.log(`  time to shown ${(run.shownAt - began).toFixed(0)} ms; the page's wasm memory then ${(run.wasmMemory / 1_048_576).toFixed(0)} MB`);
  // Each stage the progress bar showed, from when it showed (page time since the file was given).
  const stages = [];
  for (const p of run.progress) {
    const stage = p.text.replace(/ [\d,.]+ (MB|of [\d,]+ events)$/, '').replace(/ [\d,]+ of [\d,]+ events$/, '');
    if (stages[stages.length - 1]?.stage !== stage) stages.push({ stage, at: p.at - began, cancel: p.cancel });
  }
  console.log(`  progress shown: ${stages.map((s) => `${s.stage}${s.cancel ? ' [Cancel]' : ''} at ${s.at.toFixed(0)} ms`).join(' → ') || '(none)'}`);
  console.log(`  long tasks (start ms after the file was given: duration ms): ${run.tasks.map((t) => `${(t.start - began).toFixed(0)}: ${t.duration.toFixed(0)}`).join(', ') || '(none)'}`);
  await listReady(page);
  assert.ok(await page.locator('.event-list li').count() > 0, 'the imported events are listed');
  // The timeline's boxes are made 250 a task; the layer is busy until all are made.
  await timelineReady(page);
  const boxes = () => page.locator(`${TIMELINE} .marks [data-roving]`).count();
  const made = await boxes();
  assert.ok(made > 500, `the accessible layer has more boxes than two batches of 250 (${made})`);
  await page.waitForTimeout(500);
  assert.equal(await boxes(), made, 'no box is added once the layer is no longer busy');
  assert.ok(run.progress.some((p) => p.cancel), 'a progress bar with Cancel showed during the import');
  for (const stage of ['Parsing and checking big.json…', 'Opening big.json…']) {
    assert.ok(stages.some((s) => s.stage === stage && s.cancel), `the worker's stage '${stage}' showed, with Cancel`);
  }

  assert.equal(workers.length, 1, 'the import ran in a worker');
  await until(() => workers[0].closed, 'the worker is gone once the chronology is kept');
  // The envelope the worker made is kept (in IndexedDB: it is large) for the next visit.
  await until(() => page.evaluate(() => localStorage.getItem('japan-nato-explorer.dataset') === 'indexeddb'), 'the import is kept');

  // A second big import, cancelled while the worker parses: the first stays.
  await startImport(page, second, 'Another big chronology');
  const cancel = page.locator('.loading', { hasText: 'Parsing and checking bigger.json…' }).getByRole('button', { name: 'Cancel' });
  await cancel.click({ timeout: 60_000 });
  await until(async () => (await page.locator('.loading').count()) === 0, 'the progress bar goes once cancelled');
  await until(() => workers.length === 2 && workers[1].closed, 'Cancel terminates the worker');
  assert.equal(await page.getByRole('status').filter({ hasText: 'stopped' }).count(), 1, 'a notice says the import stopped');
  // Long enough for the cancelled import to have finished had it gone on.
  await page.waitForTimeout(Math.max(3000, 2 * (run.shownAt - began)));
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'A big generated chronology', 'the first import stays');
  assert.notEqual(builtin, 'A big generated chronology');
  const stayed = await page.evaluate(() => window.__shownAt);
  assert.equal(stayed, null, 'the cancelled chronology was never shown');

  // The next visit: the kept chronology is read back, checked and handed over by a worker too.
  await page.addInitScript(() => { window.__awaited = 'A big generated chronology'; });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'A big generated chronology' }).waitFor({ timeout: 120_000 });
  await listReady(page);
  const back = await page.evaluate(() => ({ shownAt: window.__shownAt, tasks: window.__longTasks, progress: window.__progress }));
  const longestBack = Math.max(0, ...back.tasks.map((t) => t.duration));
  console.log(`the next visit, with the ${EVENTS.toLocaleString('en')} events kept in IndexedDB:`);
  console.log(`  shown ${back.shownAt.toFixed(0)} ms after the page began; longest main-thread task ${longestBack.toFixed(0)} ms (${back.tasks.map((t) => `${t.start.toFixed(0)}: ${t.duration.toFixed(0)}`).join(', ') || 'none over 50 ms'})`);
  console.log(`  progress shown: ${[...new Set(back.progress.map((p) => p.text.replace(/ [\d,]+ of [\d,]+ events$/, '')))].join(' → ')}`);
  assert.equal(workers.length, 3, 'the kept chronology was read back in a worker');
  await until(() => workers[2].closed, 'that worker is gone once the chronology is back');
  const count = EVENTS.toLocaleString('en-US');
  assert.equal(await page.getByText(`Showing ${count} of ${count} events`).count(), 1, 'all its events are back');
  assert.ok(back.progress.some((p) => p.text.startsWith('Opening big.json')), 'the progress bar named the file it came from');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a newer import stops the one in progress: its worker is terminated and it never shows', async () => {
  const big = bigFile('superseded.json', 'A superseded chronology', EVENTS);
  const page = await openPage(browser);
  await page.addInitScript(instrument);
  const workers = watchWorkers(page);
  await goto(page, server.origin + '/');
  await startImport(page, big, 'A superseded chronology');
  await page.locator('.loading', { hasText: 'Parsing and checking superseded.json…' }).waitFor({ timeout: 60_000 });
  await page.getByLabel('Choose a chronology file').setInputFiles(small('The newer import'));
  await page.getByRole('heading', { level: 1, name: 'The newer import' }).waitFor();
  await until(() => workers.length === 2 && workers.every((w) => w.closed), 'both workers are gone');
  await page.waitForTimeout(5000);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'The newer import', 'the superseded file never shows');
  assert.equal(await page.evaluate(() => window.__shownAt), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Records the page's import workers (`url`, and `closed` once terminated); not the worker that
 *  paints the timeline, which lives as long as the page. */
function watchWorkers(page) {
  const workers = [];
  page.on('worker', (worker) => {
    if (!worker.url().endsWith('#import')) return;
    const seen = { url: worker.url(), closed: false };
    worker.on('close', () => { seen.closed = true; });
    workers.push(seen);
  });
  return workers;
}

/** A small chronology: the built-in one's first events under another title. */
function small(title) {
  const data = dataset();
  // Without the stories, which name events beyond the first 7 (what their scenes lose would be
  // said in the import dialog, which would then stay open).
  return { name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...data, title, events: data.events.slice(0, 7), stories: [] })) };
}

test('where the worker cannot start, the file imports and the kept chronology comes back on the main thread', async () => {
  const page = await openPage(browser);
  // The workers' script cannot be loaded (as if the host refused it): the timeline is painted on
  // the main thread too.
  await page.route('**/worker-*.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await goto(page, server.origin + '/');
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(small('Imported without a worker'));
  await page.getByRole('heading', { level: 1, name: 'Imported without a worker' }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), 7);
  assert.ok(warnings.some((w) => /parsed on the main thread/.test(w)), `the fallback is logged: ${warnings.join(' | ')}`);
  // One too big for localStorage is kept in IndexedDB, and read back on the main thread at the
  // next visit.
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(bigFile('kept.json', 'Kept without a worker', 15_000));
  await page.getByRole('heading', { level: 1, name: 'Kept without a worker' }).waitFor({ timeout: 60_000 });
  await until(() => page.evaluate(() => localStorage.getItem('japan-nato-explorer.dataset') === 'indexeddb'), 'it is kept in IndexedDB');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Kept without a worker' }).waitFor({ timeout: 60_000 });
  await page.getByText('Showing 15,000 of 15,000 events').first().waitFor();
  assert.ok(warnings.some((w) => /read on the main thread/.test(w)), `the fallback is logged: ${warnings.join(' | ')}`);
  // Only the refused script is a problem.
  assert.deepEqual(page.problems.filter((p) => !/worker-|404/.test(p)), []);
  await page.context().close();
});

test('the single-file build, opened from disk, imports on the main thread (no worker there)', async () => {
  const page = await openPage(browser, { offline: true });
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await goto(page, 'file://' + path.join(DIST, 'japan-nato-explorer.html'), { marks: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(small('Imported from a file on disk'));
  await page.getByRole('heading', { level: 1, name: 'Imported from a file on disk' }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), 7);
  assert.deepEqual(workers, [], 'no worker is tried (none imports, none paints)');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
