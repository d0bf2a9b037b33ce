// The single-file build opens from file:// with no network, and the chronology, filtering and
// zoom work there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launchBrowser, openPage, goto, artifact, dataset, listReady, timelineWindow, windowSettled, DIST } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('the single-file build works from file:// with the network off', async () => {
  const page = await openPage(browser, { offline: true });
  // Nothing may come from anywhere but the file itself.
  const requests = [];
  page.on('request', (r) => { if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await goto(page, 'file://' + path.join(DIST, 'japan-nato-explorer.html'), { marks: true });
  const data = dataset();
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), data.title);
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), data.events.length);
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), data.events.filter((e) => e.domains.includes('cyber')).length);
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const span = () => svg.evaluate((s) => +s.dataset.end - +s.dataset.start);
  // The window follows the filter to its events: from there.
  const fitted = await windowSettled(page);
  const before = await span();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await windowSettled(page, { from: fitted });
  assert.ok(Math.abs(before / (await span()) - 2) < 0.01, 'zoom works');
  assert.equal(await page.locator('footer a[href^="data/"]').count(), 0, 'no link to files that are not beside a file opened from disk');
  await page.screenshot({ path: artifact('offline.png') });
  assert.deepEqual(requests, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
