// The release build works under a strict Content-Security-Policy and logs no violation: no
// inline script, no inline style, no eval beyond WebAssembly compilation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, goto, dataset, listReady, STRICT_CSP, showFilters, TIMELINE } from './harness.mjs';

const POLICY = STRICT_CSP;

let server, browser;
before(async () => { server = await serveDist({ headers: { 'content-security-policy': POLICY } }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

test('under a strict Content-Security-Policy the explorer works and nothing is refused', async () => {
  const page = await openPage(browser, { acceptDownloads: true });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const response = await goto(page, server.origin + '/', { marks: true });
  assert.equal(response.headers()['content-security-policy'], POLICY, 'the policy is served');
  const data = dataset();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), data.events.length);
  // The keyboard's tip beside a focused mark is placed there (its style attribute was refused,
  // which left it in the drawing's corner).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const tip = page.locator('.focus-tip');
  await tip.waitFor();
  const [mark, beside] = await Promise.all([page.evaluate(() => document.activeElement.getBoundingClientRect().toJSON()), tip.boundingBox()]);
  assert.ok(Math.abs(beside.y - (mark.y + mark.height)) < 12 || Math.abs(beside.y + beside.height - mark.y) < 12,
    `the tip stands under or over the focused mark (tip at ${beside.x}, ${beside.y}; mark at ${mark.x}, ${mark.y})`);
  await page.locator(TIMELINE).focus();
  // Filter, zoom, select, open a dialog, save the view as PNG (canvas + blob image), import.
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.locator('.event-list li button').first().click();
  await page.locator('.detail h2').waitFor();
  await showFilters(page);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG', exact: true }).click()]);
  assert.match(png.suggestedFilename(), /^japan-nato-relations-a-chronology-cyber-\d{4}-\d{4}\.png$/);
  await page.getByRole('button', { name: 'Close the filters' }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles({
    name: 'small.json', mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...data, title: 'Under a strict policy', events: data.events.slice(0, 5) })),
  });
  await page.getByRole('heading', { level: 1, name: 'Under a strict policy' }).waitFor();
  // The overview is sized through the CSS object model, which the policy allows.
  const box = await page.locator('.overview-box').boundingBox();
  assert.ok(box.height > 60, `the overview has its height (${box.height})`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
  // Nor a warning (the wasm's preload had an integrity the browser ignores, and said so).
  assert.deepEqual(warnings, []);
  await page.context().close();
});
