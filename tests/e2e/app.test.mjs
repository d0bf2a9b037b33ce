// End-to-end: the release build, served on 127.0.0.1, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launchBrowser, load, artifact, dataset, drawnColours, listReady, timelineReady, timelineWindow, windowSettled, until, ROOT, SUB_PATH, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();

/** The visible window as the page words it ("1977 – 2026", "Mar 2006 – Jan 2007", …). */
async function windowLabel(page) {
  return (await page.locator('.timeline-bar .window').textContent()).trim();
}

/** Boxes of every event and badge drawn (its mark and its label), and the pairs that overlap. */
async function overlaps(page) {
  // The boxes follow the drawing once the window stops moving.
  await timelineReady(page);
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.marks .mark .hit, .marks .cluster .hit')]
      .map((el) => { const b = el.getBoundingClientRect(); return { name: el.closest('[aria-label]')?.getAttribute('aria-label'), x: b.left, y: b.top, r: b.right, b: b.bottom }; })
      .filter((b) => b.r > b.x);
    const bad = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], c = boxes[j];
      if (a.name === c.name) continue;
      if (a.x < c.r - 0.5 && c.x < a.r - 0.5 && a.y < c.b - 0.5 && c.y < a.b - 0.5) bad.push(`${a.name} ⟷ ${c.name}`);
    }
    return { count: boxes.length, bad };
  });
}

/**
 * Turns the mouse wheel over the timeline and waits until the page has followed it: the window
 * has zoomed, or it cannot zoom in further (the narrowest window is three weeks).
 */
async function wheel(page, dy) {
  const before = await timelineWindow(page);
  await page.mouse.wheel(0, dy);
  await until(async () => {
    const w = await timelineWindow(page);
    return w.start !== before.start || w.end !== before.end || (dy < 0 && w.end - w.start <= 21 + 1e-6);
  }, `the window follows the wheel (${dy})`);
}

const DAY_MS = 86400000;
const yearOf = (day) => new Date(day * DAY_MS).getUTCFullYear();

test('the page loads with its title and a non-empty timeline, with no console error or failed request', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), DATA.title);
  assert.ok(await page.locator('.marks .mark').count() > 10, 'the timeline shows events');
  // The axis band (the top 40 px of the drawing) has text and tick lines painted on it.
  const w = await timelineWindow(page);
  const axis = await drawnColours(page, { x: w.left, y: w.top, width: w.width, height: 40 });
  const inked = axis.slice(1).reduce((n, [, count]) => n + count, 0);
  assert.ok(axis.length > 1 && inked > 500, `the axis is labelled (${inked} pixels of text and lines)`);
  await page.screenshot({ path: artifact('overview.png') });
  if (process.env.UPDATE_SCREENSHOTS) fs.copyFileSync(artifact('overview.png'), path.join(ROOT, 'docs/screenshot.png'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the search box ends before the button after it, with the header’s gap between them', async () => {
  for (const width of [1024, 1280, 1440, 1920]) {
    const page = await load(browser, server.origin + '/', { viewport: { width, height: 800 } });
    const box = await page.getByRole('searchbox', { name: 'Search events' }).boundingBox();
    const next = await page.getByRole('button', { name: 'Tour the brief' }).boundingBox();
    assert.ok(box.x + box.width <= next.x - 6, `${width} px: the box ends at ${box.x + box.width}, the button starts at ${next.x}`);
    await page.context().close();
  }
});

test('the release build works from a sub-path of a static host', async () => {
  const page = await load(browser, server.origin + SUB_PATH, { marks: true });
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), DATA.title);
  assert.ok(await page.locator('.marks .mark').count() > 10);
  // The dataset is published next to the page as a download.
  const response = await page.request.get(server.origin + SUB_PATH + 'data/japan-nato.json');
  assert.equal(response.status(), 200);
  assert.equal((await response.json()).events.length, DATA.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every event of the embedded dataset reaches the page, in time order, at its own precision', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const list = page.getByRole('list').filter({ has: page.getByRole('button', { name: /Wörner/ }) });
  await listReady(page);
  const items = list.getByRole('listitem');
  assert.equal(await items.count(), DATA.events.length);
  const dates = await list.locator('.date').allTextContents();
  assert.ok(dates.includes('1991'), 'a year-only date reads as the year');
  assert.ok(dates.some((d) => /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(d)), 'day dates read as "6 May 2014"');
  assert.ok(!dates.some((d) => /1 January/.test(d)) || DATA.events.some((e) => e.start.endsWith('-01-01')));
  await page.context().close();
});

test('hovering a phase on the timeline shows its whole name and years as a tooltip', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await timelineReady(page);
  const w = await timelineWindow(page);
  for (const phase of DATA.phases) {
    const [year, month = 1] = phase.start.split('-').map(Number);
    const day = Date.UTC(year, month - 1, 1) / DAY_MS;
    const x = w.left + ((Math.max(day, w.start) - w.start) / (w.end - w.start)) * w.width + 12;
    // The row where the phase's name is drawn (whole, or not at all), just under the axis.
    const tooltip = await page.evaluate(([x, y]) => {
      const strip = document.elementFromPoint(x, y)?.closest('.phase-strip');
      return strip?.querySelector('title')?.textContent ?? null;
    }, [x, w.top + 52]);
    assert.ok(tooltip?.startsWith(`${phase.label} (`), `the tooltip at the start of "${phase.label}" is "${tooltip}"`);
    assert.match(tooltip, new RegExp(`\\(.*${year}.* – .*\\d{4}\\)$`));
  }
  await page.context().close();
});

test('wheel-zooming about a point goes from years to months to days and keeps the date under the pointer', async () => {
  // A narrow window, where the whole chronology is labelled by decades.
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 360, height: 900 } });
  await page.locator('svg[aria-roledescription="timeline"]').scrollIntoViewIfNeeded();
  const w0 = await timelineWindow(page);
  const label0 = await windowLabel(page);
  assert.match(label0, /^\d{4} – \d{4}$/, 'the fitted window is named by its years');
  // Whole pixels: mouse events carry integer coordinates; a point of the drawing in the viewport
  // (the timeline may be taller than the window).
  // (Near the top of the drawing: its height follows the lanes the window needs.)
  const x = Math.round(w0.left + w0.width * 0.6), y = Math.round(w0.top + 50);
  const dayAt = (w) => w.start + ((x - w.left) / w.width) * (w.end - w.start);
  const anchor = dayAt(w0);
  const seen = new Set(['years']);
  await page.mouse.move(x, y);
  for (let i = 0; i < 40; i++) {
    await wheel(page, -200);
    const w = await timelineWindow(page);
    assert.ok(Math.abs(dayAt(w) - anchor) < Math.max(1, (w.end - w.start) * 0.002), `the date under the pointer moved at step ${i}`);
    const label = await windowLabel(page);
    const month = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
    if (new RegExp(`^${month} \\d{4} – ${month} \\d{4}$`).test(label)) seen.add('months');
    if (new RegExp(`^\\d{1,2} ${month}( \\d{4})? – \\d{1,2} ${month} \\d{4}$`).test(label)) seen.add('days');
  }
  assert.ok(seen.has('years') && seen.has('months') && seen.has('days'), `window precisions seen: ${[...seen]}`);
  const w1 = await timelineWindow(page);
  assert.ok(w1.end - w1.start < 400, 'zoomed in to well under a year');
  await page.screenshot({ path: artifact('zoomed-in.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the wheel zooms in and back out over the lower part of the drawing, without scrolling the page', async () => {
  // Zooming in leaves fewer lanes: the drawing must not shrink away from the pointer mid-gesture
  // (the wheel would then scroll the page instead of zooming back out).
  const page = await load(browser, server.origin + '/', { marks: true });
  const w0 = await timelineWindow(page);
  const x = Math.round(w0.left + w0.width / 2), y = Math.round(Math.min(w0.top + w0.height, 800) - 40);
  await page.mouse.move(x, y);
  for (let i = 0; i < 12; i++) await wheel(page, -120);
  const zoomed = await timelineWindow(page);
  assert.ok(zoomed.end - zoomed.start < (w0.end - w0.start) / 4, 'the wheel zoomed in');
  for (let i = 0; i < 12; i++) await wheel(page, 120);
  const back = await timelineWindow(page);
  const span0 = w0.end - w0.start;
  assert.ok(Math.abs((back.end - back.start) / span0 - 1) < 0.02, `zoomed back out to ${back.end - back.start} of ${span0} days`);
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in a short window, mid-gesture the canvas holds the part of the drawing in view and follows the page when it scrolls', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 1280, height: 560 } });
  const rects = () => page.evaluate(() => {
    const canvas = document.querySelector('.timeline-canvas canvas.drawing').getBoundingClientRect();
    const box = document.querySelector('.timeline-canvas').getBoundingClientRect();
    return { canvasTop: canvas.top, canvasBottom: canvas.bottom, canvas: canvas.height, boxTop: box.top, boxBottom: box.bottom, box: box.height, view: window.innerHeight };
  });
  const covers = (r) => r.canvasTop <= Math.max(r.boxTop, 0) + 2 && r.canvasBottom >= Math.min(r.boxBottom, r.view) - 2;
  const w0 = await timelineWindow(page);
  await page.mouse.move(Math.round(w0.left + w0.width / 2), Math.round(w0.top + 60));
  for (let i = 0; i < 3; i++) await wheel(page, -120);
  const during = await rects();
  assert.ok(during.canvas < during.box - 40, `mid-gesture the canvas holds only the rows in view (${during.canvas} of ${during.box} px)`);
  assert.ok(covers(during), `the canvas covers what is in view: ${JSON.stringify(during)}`);
  // The page scrolls (a scroll bar, a key) while the gesture still holds: the canvas follows.
  await page.evaluate(() => window.scrollBy(0, 320));
  const followed = await until(async () => {
    const r = await rects();
    return r.canvas < r.box - 40 && r.canvasBottom > during.canvasBottom - 320 + 40 && covers(r) && r;
  }, 'the canvas holds the rows in view after the page scrolled, mid-gesture', { timeout: 600 });
  assert.ok(followed.boxTop < during.boxTop - 300, 'the page scrolled');
  // Once the gesture pauses, the canvas holds the whole drawing again (a picture of the whole
  // page shows all of it).
  await until(async () => {
    const r = await rects();
    return Math.abs(r.canvas - r.box) < 3 && r;
  }, 'the canvas holds the whole drawing once the gesture pauses');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('mid-gesture the drawing keeps its height and the canvas covers what is in view; once the wheel pauses it takes the height of what it shows', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const heights = () => page.evaluate(() => {
    const canvas = document.querySelector('.timeline-canvas canvas.drawing').getBoundingClientRect();
    const box = document.querySelector('.timeline-canvas').getBoundingClientRect();
    return {
      canvas: canvas.height,
      canvasTop: canvas.top,
      canvasBottom: canvas.bottom,
      box: box.height,
      boxTop: box.top,
      boxBottom: box.bottom,
      view: window.innerHeight,
      drawing: document.querySelector('svg[aria-roledescription="timeline"]').getBoundingClientRect().height,
    };
  });
  const h0 = await heights();
  const w0 = await timelineWindow(page);
  assert.ok(h0.boxBottom > h0.view, `the drawing runs past the window's foot (${h0.boxBottom} > ${h0.view}), so the canvas can hold less of it`);
  await page.mouse.move(Math.round(w0.left + w0.width / 2), Math.round(w0.top + 100));
  for (let i = 0; i < 14; i++) await wheel(page, -120);
  // Right after the last step, the drawing has kept its lanes (and its box its height) though
  // fewer are needed (nothing below them moves up while the wheel turns), and the canvas covers
  // the part of it in the window (it may hold no more than that).
  const during = await heights();
  assert.ok(during.drawing >= h0.drawing - 1, `mid-gesture the drawing kept its lanes (${h0.drawing} → ${during.drawing} px)`);
  assert.ok(during.box >= h0.box - 1, `mid-gesture the drawing's box kept its ${h0.box} px (${during.box})`);
  assert.ok(during.canvasTop <= Math.max(during.boxTop, 0) + 2, `the canvas starts at the top of what is in view (${during.canvasTop}, box at ${during.boxTop})`);
  assert.ok(during.canvasBottom >= Math.min(during.boxBottom, during.view) - 2,
    `the canvas reaches the foot of what is in view (${during.canvasBottom}, box to ${during.boxBottom}, window to ${during.view})`);
  // Then the drawing takes the lanes the window needs, fewer, and the canvas fits it: no empty
  // band is left under it.
  const after = await until(async () => {
    const h = await heights();
    return h.drawing < h0.drawing - 40 && Math.abs(h.canvas - h.drawing) < 1 && h;
  }, 'the drawing gives up the lanes it no longer needs, and the canvas takes its height, once the wheel pauses');
  assert.ok(after.box < h0.box - 40, `the drawing's box shrinks with it (${h0.box} → ${after.box})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at the closest and the widest zoom, the zoom button that can do no more says so', async () => {
  const page = await load(browser, server.origin + '/?from=2014-03-01&to=2014-03-22', { marks: true });
  const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
  const zoomOut = page.getByRole('button', { name: 'Zoom out', exact: true });
  // Three weeks: as close as it goes.
  assert.equal(await zoomIn.getAttribute('aria-disabled'), 'true');
  assert.equal(await zoomIn.getAttribute('title'), 'Zoomed in as far as it goes');
  assert.equal(await zoomOut.getAttribute('aria-disabled'), null);
  const closest = await timelineWindow(page);
  await zoomOut.click();
  await windowSettled(page, { from: closest });
  await until(async () => (await zoomIn.getAttribute('aria-disabled')) === null, 'Zoom in can zoom in again');
  // Out to the whole range, a press at a time: then Zoom out says it can do no more.
  for (let n = 0; n < 20 && (await zoomOut.getAttribute('aria-disabled')) === null; n++) {
    const before = await timelineWindow(page);
    await zoomOut.click();
    await windowSettled(page, { from: before });
  }
  assert.equal(await zoomOut.getAttribute('aria-disabled'), 'true');
  assert.equal(await zoomOut.getAttribute('title'), 'Zoomed out as far as it goes');
  assert.equal(await zoomIn.getAttribute('aria-disabled'), null);
  // Still in the tab order, and its key still names it.
  await zoomOut.focus();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Zoom out');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a list too long to show whole follows the timeline once a pan pauses, not while it goes on', async () => {
  // 3,000 generated events: the list shows those in the window.
  const page = await load(browser, server.origin + '/?synthetic=3000&from=2005-01-01&to=2006-01-01', { marks: true, viewport: { width: 1280, height: 800 } });
  const titles = () => page.locator('.event-list li .title').allTextContents();
  const before = await until(async () => { const t = await titles(); return t.length > 0 && t; }, 'the list shows the events in the window');
  const w0 = await timelineWindow(page);
  const y = Math.round(w0.top + Math.min(w0.height, 800 - w0.top) / 2), x = Math.round(w0.left + w0.width * 0.8);
  // A slow drag, about a second and a half: the list stays as it was all the while.
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 60; k++) {
    await page.mouse.move(x - k * 8, y);
    await page.waitForTimeout(25);
    if (k % 10 === 0) assert.deepEqual(await titles(), before, `the list did not change during the drag (after ${k} moves)`);
  }
  await page.mouse.up();
  const w1 = await timelineWindow(page);
  assert.ok(w1.start > w0.start, 'the drag panned to later dates');
  // Then it follows.
  await until(async () => JSON.stringify(await titles()) !== JSON.stringify(before), 'the list follows the window once the pan pauses');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dragging pans, and the zoom buttons and keys zoom and fit', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const initial = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const w0 = await windowSettled(page, { from: initial });
  const fitted = w0;
  // Near the drawing's foot, or the viewport's if the drawing runs beyond it.
  const cx = w0.left + w0.width / 2, cy = Math.min(w0.top + w0.height, 860) - 20;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 100, cy, { steps: 5 });
  await page.mouse.move(cx - 200, cy, { steps: 5 });
  await page.mouse.up();
  const w1 = await timelineWindow(page);
  const shift = ((w1.start - w0.start) / (w0.end - w0.start)) * w0.width;
  assert.ok(Math.abs(shift - 200) < 4, `dragging 200 px left moved the window by ${shift} px`);
  assert.ok(Math.abs((w1.end - w1.start) - (w0.end - w0.start)) < 1e-6, 'panning keeps the span');

  await page.getByRole('button', { name: 'Zoom in' }).click();
  const w2 = await windowSettled(page, { from: w1 });
  assert.ok(Math.abs((w1.end - w1.start) / (w2.end - w2.start) - 2) < 0.01, 'Zoom in halves the span');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  const w3 = await windowSettled(page, { from: w2 });
  assert.ok(Math.abs((w3.end - w3.start) / (w1.end - w1.start) - 1) < 0.01, 'Zoom out doubles it back');

  const svg = page.locator('svg[aria-roledescription="timeline"]');
  await svg.focus();
  await page.keyboard.press('+');
  const w4 = await windowSettled(page, { from: w3 });
  assert.ok((w3.end - w3.start) / (w4.end - w4.start) > 1.9, '+ zooms in');
  await page.keyboard.press('ArrowRight');
  const w5 = await windowSettled(page, { from: w4 });
  assert.ok(w5.start > w4.start, 'the right arrow pans later');
  await page.keyboard.press('-');
  await page.keyboard.press('0');
  await windowSettled(page, { from: w5 });
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Fit all' }).click();
  // Back where it was (the fitted window), perhaps without having moved: no `from`.
  const w6 = await windowSettled(page);
  assert.ok(Math.abs(w6.start - (await fittedStart(page))) < 1 && w6.end > fitted.end, 'Fit all shows everything again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a double-click zooms in about the pointer on an event, which it selects, but not on a lane header, which its two clicks fold and open again', async () => {
  const page = await load(browser, server.origin + '/?domain=afghanistan&group=domain', { marks: true });
  await timelineReady(page);
  const before = await timelineWindow(page);
  const mark = page.locator('svg[aria-roledescription="timeline"] .marks .mark').first();
  const name = await mark.getAttribute('aria-label');
  const title = name.split(' — ').slice(1).join(' — ');
  const box = await mark.locator('.hit').boundingBox();
  // At the far end of its label: the event stays in view, mark and label.
  await page.mouse.dblclick(box.x + box.width - 3, box.y + box.height / 2);
  const after = await windowSettled(page, { from: before });
  const ratio = (before.end - before.start) / (after.end - after.start);
  assert.ok(Math.abs(ratio - 2) < 0.05, `the double-click halved the span (${ratio.toFixed(2)})`);
  await page.getByRole('complementary', { name: title }).waitFor();
  const drawing = await page.locator('svg[aria-roledescription="timeline"]').boundingBox();
  const same = page.locator(`svg[aria-roledescription="timeline"] .marks .mark[aria-label="${name.replaceAll('"', '\\"')}"] .hit`);
  await until(async () => {
    const b = await same.boundingBox().catch(() => null);
    return b && b.x >= drawing.x - 1 && b.x + b.width <= drawing.x + drawing.width + 1;
  }, `"${name}" is still in view, whole`);

  const header = page.locator('svg[aria-roledescription="timeline"] .group-head').first();
  const head = await header.boundingBox();
  await page.mouse.click(head.x + 40, head.y + head.height / 2);
  await until(async () => (await header.getAttribute('aria-expanded')) === 'false', 'a click folds the lane');
  await page.waitForTimeout(600);
  await page.mouse.dblclick(head.x + 40, head.y + head.height / 2);
  // Its two clicks open the lane and fold it again; the double-click does not zoom: nothing
  // changes.
  await page.waitForTimeout(600);
  assert.equal(await header.getAttribute('aria-expanded'), 'false', 'the lane is folded as it was');
  const still = await timelineWindow(page);
  assert.ok(Math.abs(still.start - after.start) < 1e-6 && Math.abs(still.end - after.end) < 1e-6, 'the window stays');
  // The link keeps the folded lane: a reload comes back with it folded.
  const lane = (await header.getAttribute('aria-label')).split(' (')[0];
  await until(() => new URL(page.url()).searchParams.has('fold'), 'the link names the folded lane');
  await page.reload();
  const again = page.locator('svg[aria-roledescription="timeline"] .group-head').first();
  await until(async () => (await again.getAttribute('aria-expanded')) === 'false', 'the lane is still folded after a reload');
  assert.ok((await again.getAttribute('aria-label')).startsWith(lane), `${lane} is the lane folded`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

async function fittedStart(page) {
  // The fitted window of a fresh page.
  const fresh = await load(browser, server.origin + '/', { marks: true });
  const w = await timelineWindow(fresh);
  await fresh.context().close();
  return w.start;
}

test('clicking an event shows its details and footnote links; previous and next walk the chronology', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const worner = DATA.events.find((e) => /Wörner/.test(e.title));
  const mark = page.getByRole('button', { name: `1991 — ${worner.title}` });
  if (!(await mark.isVisible())) {
    // Crowded at the fitted zoom: open it from the list, as a keyboard user would.
    await page.getByRole('button', { name: new RegExp(`^1991 ${worner.title}`) }).click();
  } else {
    await mark.click();
  }
  const details = page.getByRole('complementary', { name: worner.title });
  await details.waitFor();
  assert.ok((await details.textContent()).includes(worner.summary));
  const blockquote = await details.locator('blockquote').textContent();
  assert.equal(blockquote, worner.evidence);
  for (const n of worner.footnotes) {
    const f = DATA.footnotes[n - 1];
    if (f.url) {
      const link = details.getByRole('link', { name: f.url });
      assert.equal(await link.getAttribute('target'), '_blank');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    }
  }
  // The selected mark is on the timeline now (brought into view).
  assert.equal(await page.locator('.marks .mark.selected').count() + await page.locator('.marks .cluster').count() > 0, true);

  await listReady(page);
  const listTitles = await page.locator('.event-list .title').allTextContents();
  const at = listTitles.indexOf(worner.title);
  await details.getByRole('button', { name: /Next/ }).click();
  await page.getByRole('complementary', { name: listTitles[at + 1] }).waitFor();
  await page.getByRole('complementary').getByRole('button', { name: /Previous/ }).click();
  await page.getByRole('complementary', { name: worner.title }).waitFor();
  await page.locator('svg[aria-roledescription="timeline"]').focus();
  await page.keyboard.press(']');
  await page.getByRole('complementary', { name: listTitles[at + 1] }).waitFor();
  await page.keyboard.press('[');
  await page.keyboard.press('Escape');
  await page.getByRole('complementary', { name: 'Event details' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('nothing moves under the reader: a list entry clicked stays under the pointer, the search box keeps its width as one types, the Lanes control stays put as zooming changes the window, pointing along the overview leaves the timeline where it is', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 1280, height: 800 } });
  await listReady(page);
  const entry = page.locator('.event-list').getByRole('button', { name: /Secretary General Wörner visits Japan/ });
  await entry.scrollIntoViewIfNeeded();
  const before = await entry.boundingBox();
  await entry.click();
  await page.getByRole('heading', { level: 2, name: 'Secretary General Wörner visits Japan' }).waitFor();
  await until(async () => (await entry.getAttribute('aria-current')) !== null || (await entry.evaluate((e) => e.closest('[aria-selected="true"], .selected') !== null)), 'the entry shows as selected');
  const after = await entry.boundingBox();
  assert.deepEqual([after.x, after.y, after.width], [before.x, before.y, before.width], 'the clicked entry stays where it was');
  await page.keyboard.press('Escape');
  await page.evaluate(() => window.scrollTo(0, 0));

  const search = page.getByRole('searchbox', { name: 'Search events' });
  const empty = await search.boundingBox();
  await search.fill('japan and nato sign');
  await page.getByText(/\d+ matches · Enter: next/).waitFor();
  const typed = await search.boundingBox();
  assert.deepEqual([typed.x, typed.width], [empty.x, empty.width], 'the box keeps its place and width');
  // What the box holds (the words, then its clear button) ends clear of the count, even one of
  // three digits.
  await search.fill('a');
  await page.getByText(/\d{3} matches · Enter: next/).waitFor();
  const gap = await search.evaluate((input) => {
    const style = getComputedStyle(input);
    const inside = input.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    return document.getElementById('search-hint').getBoundingClientRect().left - inside;
  });
  assert.ok(gap >= 6, `the clear button and the count are ${gap.toFixed(1)} px apart`);
  await search.fill('');

  const lanes = page.getByRole('combobox', { name: 'Lanes' });
  const x = (await lanes.boundingBox()).x;
  const from = await page.locator('.timeline-bar .window').textContent();
  for (let i = 0; i < 7; i++) await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await windowSettled(page);
  await until(async () => /[A-Z][a-z]{2} \d{4}/.test(await page.locator('.timeline-bar .window').textContent()), 'the window is named by months');
  assert.notEqual(await page.locator('.timeline-bar .window').textContent(), from);
  assert.equal((await lanes.boundingBox()).x, x, 'the Lanes control stays put');
  await page.getByRole('button', { name: 'Fit all', exact: true }).click();
  await windowSettled(page);

  const drawing = page.locator('svg[aria-roledescription="timeline"]');
  const top = (await drawing.boundingBox()).y;
  // Pointing at 2006, whose readout of many domains takes more than a line.
  const label = await page.locator('.overview-box svg.years text').filter({ hasText: /^2006$/ }).boundingBox();
  await page.mouse.move(label.x + 4, label.y - 30);
  const readout = page.locator('p#overview-readout');
  await until(async () => /^2006: \d+ events?(, (\d+|all|both) in several domains)? — /.test(await readout.textContent()), 'the readout reads 2006');
  assert.ok((await readout.locator('.reading').boundingBox()).height > 30, 'the readout takes more than a line');
  assert.equal((await drawing.boundingBox()).y, top, 'the timeline stays where it was');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('event labels never overlap at any zoom level', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const w0 = await timelineWindow(page);
  // Near the top of the drawing: its height follows the lanes the window needs.
  await page.mouse.move(w0.left + w0.width * 0.75, w0.top + 50);
  let checked = 0;
  for (let level = 0; level < 14; level++) {
    const { count, bad } = await overlaps(page);
    assert.deepEqual(bad, [], `overlapping labels at zoom level ${level}`);
    checked += count;
    await wheel(page, -300);
  }
  await page.screenshot({ path: artifact('zoomed-in-desktop.png') });
  assert.ok(checked > 60, `checked ${checked} boxes`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a cluster of crowded events expands when clicked', async () => {
  // The chronology itself has room for every event: 3,000 events at 700 px do not.
  const page = await load(browser, server.origin + '/?synthetic=3000', { marks: true, viewport: { width: 700, height: 800 } });
  await timelineReady(page);
  const cluster = page.locator('.marks .cluster').first();
  assert.ok(await cluster.count() > 0, 'the fitted view of 3,000 events at 700 px is crowded');
  const n = parseInt((await cluster.getAttribute('aria-label')).match(/^Show ([\d,]+) more events?\b/)[1].replaceAll(',', ''), 10);
  const w0 = await timelineWindow(page);
  await cluster.scrollIntoViewIfNeeded();
  await cluster.click();
  const w1 = await windowSettled(page, { from: w0 });
  assert.ok(w1.end - w1.start < w0.end - w0.start, 'clicking a cluster zooms in on it');
  assert.ok(w1.start >= w0.start - 1e-6 && w1.end <= w0.end + 1e-6, 'never out: the new window lies within the old');
  assert.ok(await page.locator('.marks .mark').count() >= n, `its ${n} events are drawn one by one`);
  assert.deepEqual((await overlaps(page)).bad, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two fingers pinch-zoom about their midpoint and one finger pans (touch)', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 900, height: 900 }, hasTouch: true, isMobile: false });
  const cdp = await page.context().newCDPSession(page);
  await page.locator('svg[aria-roledescription="timeline"]').scrollIntoViewIfNeeded();
  const w0 = await timelineWindow(page);
  const y = Math.round(w0.top + w0.height / 2);
  const mid = Math.round(w0.left + w0.width / 2);
  const dayAt = (w, x) => w.start + ((x - w.left) / w.width) * (w.end - w.start);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, id]) => ({ x, y, id })) });
  await touch('touchStart', [[mid - 40, 0], [mid + 40, 1]]);
  for (let d = 50; d <= 200; d += 10) await touch('touchMove', [[mid - d, 0], [mid + d, 1]]);
  await touch('touchEnd', []);
  const w1 = await windowSettled(page, { from: w0 });
  const ratio = (w0.end - w0.start) / (w1.end - w1.start);
  assert.ok(ratio > 3 && ratio < 7, `spreading the fingers 5× zoomed in ${ratio.toFixed(2)}×`);
  assert.ok(Math.abs(dayAt(w1, mid) - dayAt(w0, mid)) < (w1.end - w1.start) * 0.02, 'about their midpoint');
  await touch('touchStart', [[mid, 0]]);
  for (let d = 10; d <= 150; d += 10) await touch('touchMove', [[mid - d, 0]]);
  await touch('touchEnd', []);
  const w2 = await timelineWindow(page);
  assert.ok(w2.start > w1.start, 'a one-finger drag to the left pans later in time');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: one Tab enters the events, arrows move between them, Enter selects, the next Tab leaves the timeline', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.locator('svg[aria-roledescription="timeline"]').focus();
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.ok(first && first.includes(' — '), `a mark has focus: ${first}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const third = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.notEqual(third, first);
  const window0 = await timelineWindow(page);
  await page.keyboard.press('Enter');
  const title = third.split(' — ').slice(1).join(' — ');
  await page.getByRole('complementary', { name: title }).waitFor();
  // (The details open beside the timeline, which narrows: the window is the same.)
  const window1 = await timelineWindow(page);
  assert.deepEqual([window1.start, window1.end], [window0.start, window0.end], 'arrows on a mark move focus, they do not pan');
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => document.activeElement.closest('.marks') === null);
  assert.ok(after, 'Tab leaves the marks');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every lane that holds events folded: the page says so under the drawing, whose lane heads stay in reach, and "Unfold the lanes" opens them, at 1280×800 and on a phone', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const phone = viewport.width < 500;
    const page = await load(browser, server.origin + '/?domain=afghanistan,piracy&group=domain&fold=afghanistan,piracy', { viewport, hasTouch: phone, isMobile: phone });
    const said = page.getByRole('status').filter({ hasText: 'Every lane that holds events is folded.' });
    await said.waitFor();
    assert.equal(await page.getByText(/events that match is in this window/).count(), 0, 'it does not say they are out of the window');
    // Nothing covers a lane's head: a tap there reaches it.
    const heads = page.locator(`${TIMELINE} .group-head`);
    assert.equal(await heads.count(), 2);
    for (const head of await heads.all()) {
      const reached = await head.evaluate((el) => {
        const r = el.getBoundingClientRect();
        el.scrollIntoView({ block: 'center' });
        const s = el.getBoundingClientRect();
        const hit = document.elementFromPoint(s.left + Math.min(40, s.width / 2), s.top + s.height / 2);
        return r.height > 0 && !!hit && (el.contains(hit) || hit.closest('.timeline-canvas') !== null && !hit.closest('.timeline-empty'));
      });
      assert.ok(reached, `${await head.getAttribute('aria-label')}'s head is not covered`);
    }
    if (!phone) await page.screenshot({ path: artifact('lanes-all-folded-1280.png') });
    await page.getByRole('button', { name: 'Unfold the lanes' }).click();
    await said.waitFor({ state: 'detached' });
    await until(async () => (await heads.evaluateAll((hs) => hs.map((h) => h.getAttribute('aria-expanded')))).every((e) => e === 'true'), 'both lanes are open');
    await until(async () => (await page.locator(`${TIMELINE} .marks .mark`).count()) > 0, 'their events are drawn');
    await until(() => !new URL(page.url()).searchParams.has('fold'), 'the link folds no lane');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
