// Accessibility: an axe-core audit (WCAG 2.2 A/AA rules) of the page in several states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launchBrowser, openPage, ROOT } from './harness.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

async function audit(page, state) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`);
  });
  console.log(`axe-core, ${state}: ${result.length} violation(s)`);
  return result;
}

async function load(url, options) {
  const page = await openPage(browser, options);
  await page.goto(url);
  await page.locator('svg[aria-roledescription="timeline"] .mark').first().waitFor();
  return page;
}

test('axe-core finds no WCAG A/AA violation on first load, filtered, zoomed in and with an event selected', async () => {
  const page = await load(server.origin + '/');
  const found = [];
  found.push(...await audit(page, 'first load'));
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  found.push(...await audit(page, 'filtered'));
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.waitForTimeout(400);
  found.push(...await audit(page, 'zoomed in'));
  await page.locator('.event-list li button').first().click();
  found.push(...await audit(page, 'event selected'));
  assert.deepEqual(found, []);
  await page.context().close();
});

test('axe-core finds no violation in a narrow (mobile) layout', async () => {
  const page = await load(server.origin + '/', { viewport: { width: 375, height: 667 }, hasTouch: true });
  assert.deepEqual(await audit(page, 'mobile layout'), []);
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(scroll <= 0, `no horizontal page scroll (${scroll} px too wide)`);
  await page.context().close();
});
