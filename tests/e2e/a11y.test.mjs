// Accessibility: an axe-core audit (WCAG 2.2 A/AA rules) of the page in several states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launchBrowser, load, openPage, goto, inWorker, timelineShown, timelineWindow, windowSettled, until, artifact, drawnColours, shownPixels, drawingBox, showFilters, ROOT, TIMELINE } from './harness.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The overview chart's colours, most frequent first. */
const overviewColours = (page) => page.evaluate(() => {
  const canvas = document.querySelector('.overview canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
});

async function audit(page, state) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`);
  });
  console.log(`axe-core, ${state}: ${result.length} violation(s)`);
  return result;
}

test('axe-core finds no WCAG A/AA violation on first load, filtered, zoomed in and with an event selected', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const found = [];
  found.push(...await audit(page, 'first load'));
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  found.push(...await audit(page, 'filtered'));
  const fitted = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await windowSettled(page, { from: fitted });
  found.push(...await audit(page, 'zoomed in'));
  await page.locator('.event-list li button').first().click();
  found.push(...await audit(page, 'event selected'));
  assert.deepEqual(found, []);
  await page.context().close();
});

test('axe-core finds no violation in a narrow (mobile) layout, which never scrolls sideways, a search typed or not', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 375, height: 667 }, hasTouch: true });
  assert.deepEqual(await audit(page, 'mobile layout'), []);
  const tooWide = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  let scroll = await tooWide();
  assert.ok(scroll <= 0, `no horizontal page scroll (${scroll} px too wide)`);
  // With a search typed, what it found goes under the box rather than past the screen.
  await page.getByRole('searchbox').fill('summit');
  await page.getByText('7 matches · Enter: next').waitFor();
  scroll = await tooWide();
  assert.ok(scroll <= 0, `no horizontal page scroll with a search typed (${scroll} px too wide)`);
  assert.ok(await page.getByRole('button', { name: 'Help', exact: true }).isVisible());
  const help = await page.getByRole('button', { name: 'Help', exact: true }).boundingBox();
  assert.ok(help.x + help.width <= 375, `the header's last button is on the screen (right edge at ${help.x + help.width} px)`);
  await page.context().close();
});

test('"?" opens the help, which lists the shortcuts, keeps focus off the page behind, closes with Escape; "About the data" credits the brief', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and gestures' });
  await help.waitFor();
  for (const key of ['/', '+ or =', 'Home / End', '[ / ]', 'Escape']) {
    assert.ok(await help.getByRole('cell', { name: key, exact: true }).count() === 1, `the help lists ${key}`);
  }
  assert.deepEqual(await audit(page, 'help dialog open'), []);
  assert.ok(await page.evaluate(() => document.activeElement.closest('dialog') !== null), 'focus moves into the dialog');
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    // Inside the dialog, or out to the browser's own controls; never to the page behind it.
    assert.ok(await page.evaluate(() => document.activeElement === document.body || document.activeElement.closest('dialog') !== null), 'focus never reaches the page behind');
  }
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'About the data' }).click();
  const about = page.getByRole('dialog', { name: 'About the data' });
  await about.waitFor();
  const text = await about.textContent();
  for (const needle of ['Navigating by Sun and Compass', 'Mirna Galic', 'Japan Institute of International Affairs', 'Afghanistan', 'North Korea']) {
    assert.ok(text.includes(needle), `About mentions ${needle}`);
  }
  await about.getByRole('button', { name: 'Close' }).click();
  await about.waitFor({ state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the dark theme follows the system, can be toggled, is remembered, and passes axe-core', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, colorScheme: 'dark' });
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'a dark system gives the dark theme');
  assert.equal(await background(), 'rgb(18, 23, 29)');
  assert.deepEqual(await audit(page, 'dark theme'), []);
  // Afghanistan's indigo would hardly show on the dark background: the dark theme draws it, and
  // the other domains too dark to see there, lighter; in the timeline, the legend and the filters.
  const [indigo, lighter] = ['rgb(51, 34, 136)', 'rgb(113, 93, 215)'];
  const chip = (where) => page.locator(`${where} .swatch .chip`).first().evaluate((e) => getComputedStyle(e).fill);
  const drawn = async (colour) => {
    const box = await drawingBox(page);
    return (await drawnColours(page, box)).find(([c]) => c === colour)?.[1] || 0;
  };
  await page.locator('.facets .swatch').first().waitFor();
  assert.equal(await chip('.legend'), lighter, 'the legend shows Afghanistan in the lighter indigo');
  assert.equal(await chip('.facets'), lighter, 'so does its checkbox');
  assert.ok(await drawn(lighter) > 20, 'its marks are drawn in the lighter indigo');
  assert.equal(await drawn(indigo), 0, 'and never in the dark one');
  await page.screenshot({ path: artifact('dark.png') });
  if (process.env.UPDATE_SCREENSHOTS) fs.copyFileSync(artifact('dark.png'), path.join(ROOT, 'docs/screenshot-dark.png'));
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await background(), 'rgb(255, 255, 255)');
  await until(async () => await drawn(indigo) > 0, 'the light theme is drawn');
  assert.ok(await drawn(indigo) > 20, 'the light theme draws Afghanistan in the original indigo');
  assert.equal(await chip('.legend'), indigo);
  await page.reload();
  await timelineShown(page, { marks: true });
  assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'false', 'the choice is remembered');
  assert.equal(await background(), 'rgb(255, 255, 255)');
  // Drawn in the light theme from the first frame, though the system is dark.
  assert.ok(await drawn(indigo) > 20, 'the remembered light theme draws the original indigo');
  assert.equal(await drawn(lighter), 0, 'and not the dark theme\'s');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('axe-core finds no violation with the import dialog open and reporting problems', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a chronology' });
  await dialog.waitFor();
  const found = [...await audit(page, 'import dialog open')];
  await page.getByLabel('Choose a chronology file').setInputFiles({
    name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from('Year,Headline\r\n2001,Fine\r\n19x4,Bad year\r\n'),
  });
  await dialog.getByRole('alert').waitFor();
  found.push(...await audit(page, 'import dialog with problems'));
  await page.screenshot({ path: artifact('import-problems.png') });
  assert.deepEqual(found, []);
  await page.context().close();
});

test('forced-colors mode: marks, selection and focus use system colours and stay distinct; axe-core passes', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  await page.locator('.event-list li button').first().click();
  await page.locator('.marks .mark.selected').waitFor();
  // Selecting may bring the event into view; the drawing and its boxes follow once it is there.
  await windowSettled(page);
  // What the canvas shows in the box of an event: its colours, most frequent first.
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const inks = async (selector) => {
    const target = page.locator(selector).first();
    await target.scrollIntoViewIfNeeded();
    return (await drawnColours(page, await target.boundingBox())).map(([colour]) => colour).filter((c) => c !== background);
  };
  const mark = await inks('.marks .mark:not(.selected):not(.dimmed) .hit');
  const selected = await inks('.marks .mark.selected .hit');
  assert.ok(mark.length > 0, 'marks stand out from the background');
  assert.ok(selected.length > 0 && !mark.includes(selected[0]), `the selected event stands out from the others (${selected[0]} vs ${mark[0]})`);
  assert.deepEqual(await audit(page, 'forced colors'), []);
  await page.screenshot({ path: artifact('forced-colors.png') });
  // Every mark is in the text's colour here, and eight shapes would leave pairs of the sixteen
  // domains alike: the second domain of each shape is hollow. The About dialog's key shows the
  // sixteen marks as the timeline draws them, no two alike (shape, fill, outline as shown).
  await page.getByRole('button', { name: 'About the data' }).click();
  const about = page.getByRole('dialog', { name: 'About the data' });
  const keys = await about.locator('dt .swatch .chip').evaluateAll((els) => els.map((e) => {
    const style = getComputedStyle(e);
    return `${e.getAttribute('d')} fill ${style.fill} stroke ${style.stroke} ${style.transform}`;
  }));
  assert.equal(keys.length, 16, 'the sixteen domains in the key');
  assert.equal(new Set(keys).size, 16, `the domains' marks no two alike:\n${keys.join('\n')}`);
  await about.getByRole('heading', { name: 'Domains' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('forced-colors-key.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Forced colours over a dark system theme: the drawing takes the user's colours as the page
// does. The dark theme's rule for a system preference outweighed the forced colours' own, and
// the canvas kept the dark theme's tinted bands, solid grid and orange selection.
test('forced-colors mode over a dark system theme: the drawing is in the system colours too', async () => {
  const page = await load(browser, server.origin + '/?domain=piracy', { marks: true, forcedColors: 'active', colorScheme: 'dark' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const box = await drawingBox(page);
  // What the drawing is mostly made of: its phases' bands, which are the background here; and its
  // names and marks are in the text's colour (a blank canvas would show the background alone).
  const drawn = await drawnColours(page, box);
  const [[most]] = drawn;
  assert.equal(most, background, `the drawing's bands are the system's background (${most} vs ${background})`);
  const textColour = await page.evaluate(() => getComputedStyle(document.body).color);
  const inText = drawn.find(([c]) => c === textColour)?.[1] || 0;
  assert.ok(inText > 200, `the drawing's names and marks are in the system's text colour (${inText} pixels of ${textColour})`);
  // The overview's chart too (it fell back on the light theme's colours: system colours are
  // names, not the hex it read), its bars in the text's colour.
  const overview = await overviewColours(page);
  const text = await page.evaluate(() => getComputedStyle(document.body).color);
  assert.equal(overview[0], background, `the overview's background (${overview[0]})`);
  assert.ok(overview.slice(0, 3).includes(text), `the overview's bars in the text's colour (${overview.slice(0, 3)})`);
  await page.screenshot({ path: artifact('forced-colors-dark.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Under forced colours, a system going from a light high-contrast theme to a dark one: the page
// changed, the drawing (painted by the worker, in the light theme's resolved colours; or by the
// page, its marks' images kept) and the overview did not.
for (const worker of [true, false]) {
  test(`forced-colors mode: when the system theme goes from light to dark, the drawing follows (${worker ? 'painted by the worker' : 'no worker'})`, async () => {
    const open = async (colorScheme) => {
      const page = await openPage(browser, { forcedColors: 'active', colorScheme });
      if (!worker) await page.route('**/worker-*.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await goto(page, server.origin + '/?domain=piracy', { marks: true });
      // Painted by the worker, or by the page once the worker's script was refused.
      await until(async () => worker === await inWorker(page), worker ? 'the worker paints the timeline' : 'the page paints the timeline');
      if (!worker) await page.waitForTimeout(500);
      return page;
    };
    const page = await open('light');
    const box = await drawingBox(page);
    const colours = () => page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    const [lightBackground] = await colours();
    await until(async () => (await drawnColours(page, box))[0][0] === lightBackground, 'the drawing is in the light theme\'s background');
    await page.emulateMedia({ colorScheme: 'dark' });
    const [background, text] = await colours();
    assert.notEqual(background, lightBackground, 'the page\'s background changed');
    // The same picture as a page opened under the dark theme.
    const dark = await open('dark');
    await windowSettled(dark);
    const expected = await shownPixels(dark, await drawingBox(dark));
    const differing = (a) => {
      let n = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if (a.data[i] !== expected.data[i] || a.data[i + 1] !== expected.data[i + 1] || a.data[i + 2] !== expected.data[i + 2]) n++;
      }
      return n;
    };
    let left = null;
    await until(async () => (left = differing(await shownPixels(page, box))) === 0,
      'the drawing is the dark theme\'s, as a page opened under it draws it').catch((e) => {
      throw new Error(`${e.message} (${left} pixels differ)`);
    });
    const drawn = await drawnColours(page, box);
    assert.equal(drawn[0][0], background, 'its background is the dark theme\'s');
    assert.ok((drawn.find(([c]) => c === text)?.[1] || 0) > 200, 'its names and marks are in the dark theme\'s text colour');
    // And the overview's chart.
    await until(async () => {
      const chart = await overviewColours(page);
      return chart[0] === background && chart.slice(0, 3).includes(text);
    }, 'the overview is in the dark theme\'s background and text colour');
    await page.screenshot({ path: artifact(`forced-colors-light-to-dark${worker ? '' : '-no-worker'}.png`) });
    assert.deepEqual(page.problems.filter((p) => !/worker-|404/.test(p)), []);
    await page.context().close();
    await dark.context().close();
  });
}

/**
 * How long the longest solid run of the grid's colour is, across the letters of the events'
 * names drawn in their lanes (the text band of each point's target that is wider than a bare
 * mark, its ends, where a mark may be, left out), and the number of such names: a grid line
 * through a name is a run as tall as the letters.
 */
async function gridThroughNames(page) {
  const boxes = await page.locator(`${TIMELINE} .marks .mark .hit`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect())
    .filter((r) => Math.abs(r.height - 20) < 0.5 && r.width > 60)
    .map((r) => ({ x: r.x + 16, y: r.y + r.height / 2 - 5, width: r.width - 32, height: 9 })));
  const [gr, gg, gb] = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.style.cssText = 'forced-color-adjust: none; color: GrayText';
    document.body.append(probe);
    const grey = getComputedStyle(probe).color.match(/\d+/g).map(Number);
    probe.remove();
    return grey;
  });
  // The drawing as shown (the part in the window).
  const area = await drawingBox(page);
  const { width, height, ratio, data, origin } = await shownPixels(page, area);
  const grid = (x, y) => {
    const i = (y * width + x) * 4;
    return data[i] === gr && data[i + 1] === gg && data[i + 2] === gb;
  };
  let longest = 0;
  for (const b of boxes) {
    const x0 = Math.max(0, Math.round((b.x - origin.x) * ratio)), y0 = Math.max(0, Math.round((b.y - origin.y) * ratio));
    const x1 = Math.min(width, x0 + Math.round(b.width * ratio)), y1 = Math.min(height, y0 + Math.round(b.height * ratio));
    for (let x = x0; x < x1; x++) {
      let run = 0;
      for (let y = y0; y < y1; y++) {
        run = grid(x, y) ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
    }
  }
  return { longest, names: boxes.length };
}

// Under forced colours the grid's lines are in the system's grey text colour, as strong as the
// text: drawn solid, they struck through every name ("Japanese parliament|tarians"). They are
// dotted, and each name stands on a halo of the background's colour, on the canvas and in the
// saved SVG: in the default view, with an event selected, and in a story's scene.
test('forced-colors mode: the grid is dotted and no event\'s name is struck through, on screen and in the saved SVG', async () => {
  for (const [what, url] of [
    ['default view', '/'],
    ['an event selected', '/?event=1980-parliamentarians-observe-nato-assembly'],
    ['a story\'s scene', '/?story=the-brief&scene=take-off-2007'],
  ]) {
    const page = await load(browser, server.origin + url, { marks: true, forcedColors: 'active', viewport: { width: 1280, height: 800 } });
    await windowSettled(page);
    const { longest, names } = await gridThroughNames(page);
    assert.ok(names >= 5, `${what}: names drawn (${names})`);
    assert.ok(longest <= 2, `${what}: no grid line runs solid through a name (a run of ${longest} px)`);
    // The filters' column saves it (where the details or a story took its place: opened), or
    // the story's panel.
    if (!url.includes('story=')) await showFilters(page);
    const save = page.locator('button:visible', { hasText: /^SVG$/ }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    const lines = svg.split('\n');
    const grid = lines.filter((l) => l.startsWith('<line') && /stroke="GrayText"/i.test(l));
    assert.ok(grid.length > 10 && grid.every((l) => l.includes('stroke-dasharray')), `${what}: the saved grid is dotted (${grid.length} lines; ${grid.find((l) => !l.includes('stroke-dasharray'))})`);
    const texts = lines.filter((l) => l.startsWith('<text'));
    assert.ok(texts.length > 10 && texts.every((l) => l.includes('paint-order="stroke"')), `${what}: every saved text on a halo (${texts.find((l) => !l.includes('paint-order'))})`);
    const box = await page.locator(TIMELINE).boundingBox();
    await page.screenshot({ path: artifact(`forced-colors-grid-${what.replace(/\W+/g, '-')}.png`), clip: { x: box.x, y: box.y, width: box.width, height: 420 } });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
