// A phone (375×667, touch) and a laptop screen (1280×800): one finger scrolls the page or pans
// the timeline, the filters drawer and the details sheet open and close without moving the page,
// the details of a clicked event are in view; and how long the main thread is blocked while a
// large file imports (measured and printed, not asserted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, load, openPage, goto, artifact, dataset, listReady, timelineReady, timelineWindow, windowSettled, until, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

const titleOf = (label) => label.split(' — ').slice(1).join(' — ');
/** An event's mark on the timeline, by its accessible name ("date — title"). */
const markNamed = (page, label) => page.locator(TIMELINE).getByRole('button', { name: label, exact: true });

/** One finger from `from` to `to` ([x, y] in the viewport), in `steps` moves, through CDP. */
async function swipe(page, from, to, { steps = 20 } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const at = (k) => [Math.round(from[0] + ((to[0] - from[0]) * k) / steps), Math.round(from[1] + ((to[1] - from[1]) * k) / steps)];
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y]) => ({ x, y, id: 0 })) });
  await touch('touchStart', [at(0)]);
  for (let k = 1; k <= steps; k++) await touch('touchMove', [at(k)]);
  await touch('touchEnd', []);
  await cdp.detach();
}

/** Waits until the page's scroll position has stayed the same over a few frames; returns it. */
async function scrollSettled(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let last = NaN, still = 0;
    const tick = () => {
      still = scrollY === last ? still + 1 : 0;
      last = scrollY;
      if (still >= 5) resolve(scrollY); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

/** Scrolls the page so that the timeline's top is `top` px below the top of the screen. */
async function timelineAt(page, top) {
  await page.evaluate(({ selector, top }) => scrollTo(0, scrollY + document.querySelector(selector).getBoundingClientRect().top - top), { selector: TIMELINE, top });
  await scrollSettled(page);
}

/** Where the timeline is: on the page (its top plus the scroll) and on the screen. */
const timelinePlace = (page) => page.locator(TIMELINE).evaluate((svg) => {
  const top = svg.getBoundingClientRect().top;
  return { page: top + scrollY, screen: top, scrollY };
});

/** Whether the element is what the user sees at its centre (inside the viewport, not covered). */
const seenAtCentre = (locator) => locator.evaluate((el) => {
  const r = el.getBoundingClientRect();
  const x = r.left + r.width / 2, y = r.top + r.height / 2;
  if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return false;
  const hit = document.elementFromPoint(x, y);
  return hit !== null && (hit === el || el.contains(hit));
});

/** The title of the event whose details are shown, once they are. */
const selectedTitle = (page) => page.locator('aside.detail:not(.empty) h2').textContent();

const focused = (locator) => locator.evaluate((el) => el === document.activeElement);

test('on a phone, the first screen shows the timeline\'s first lanes of events', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  await timelineReady(page);
  const tops = await page.locator(TIMELINE).getByRole('button').evaluateAll((marks) =>
    marks.filter((m) => m.getAttribute('aria-label')?.includes(' — ')).map((m) => m.getBoundingClientRect().bottom));
  const shown = tops.filter((bottom) => bottom <= 667).length;
  await page.screenshot({ path: artifact('phone-first-screen.png') });
  assert.ok(shown >= 10, `${shown} events are on the first screen, above its fold`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, hints of keys and of dropping files are not offered; on a laptop they are', async () => {
  for (const [options, keyboard] of [[PHONE, false], [DESKTOP, true]]) {
    const page = await load(browser, server.origin + '/', { marks: true, ...options });
    await page.getByRole('searchbox').fill('summit');
    const hint = page.locator('#search-hint');
    await until(async () => /^\d+ match(es)?/.test(await hint.innerText()), 'the search says how many match');
    assert.equal(/Enter/.test(await hint.innerText()), keyboard, `search hint at ${options.viewport.width} px: ${await hint.innerText()}`);
    await page.getByRole('button', { name: /^Import/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a chronology' });
    await dialog.waitFor();
    assert.equal(/drop a file anywhere/.test(await dialog.innerText()), keyboard, `import dialog at ${options.viewport.width} px`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Help' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and gestures' });
    await help.getByRole('cell', { name: 'Click or tap', exact: true }).waitFor();
    await help.getByRole('cell', { name: 'Swipe down', exact: true }).waitFor();
    // Each key and what it does side by side, within the dialog: no sideways scroll, and the
    // widest keys ("Home / End, Page Down / Page Up") leave what they do room to be read.
    const fit = await help.evaluate((d) => {
      const body = d.querySelector('.dialog-body');
      const widths = [...d.querySelectorAll('.shortcuts tbody tr')].map((r) => r.cells[1].getBoundingClientRect().width);
      return { overflow: body.scrollWidth - body.clientWidth, narrowest: Math.min(...widths), dialog: d.getBoundingClientRect().width };
    });
    assert.ok(fit.overflow <= 0, `the shortcuts fit the dialog at ${options.viewport.width} px (${fit.overflow} px over)`);
    assert.ok(fit.narrowest > fit.dialog * 0.4, `what a key does has room at ${options.viewport.width} px: ${fit.narrowest} px of ${fit.dialog}`);
    await help.screenshot({ path: artifact(`help-${options.viewport.width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('on a phone, a vertical swipe on the timeline scrolls the page and a horizontal one pans the timeline', async () => {
  // Ten busy years in view (a timeline taller than the screen), room to pan either way.
  const page = await load(browser, server.origin + '/?from=2000-01-01&to=2010-01-01', { marks: true, ...PHONE });
  await timelineReady(page);
  // The timeline is taller than the screen: put its top near the top, and swipe in its middle.
  await timelineAt(page, 60);
  const w0 = await timelineWindow(page);
  const y0 = await page.evaluate(() => scrollY);
  assert.ok(w0.top < 300 && w0.top + w0.height > 600, `the swipes start on the timeline (${w0.top} – ${w0.top + w0.height})`);

  // Up: the page scrolls down by about as much.
  await swipe(page, [180, 500], [180, 200]);
  const y1 = await scrollSettled(page);
  assert.ok(y1 - y0 > 200, `a 300 px swipe up on the timeline scrolled the page by ${y1 - y0} px`);
  let w = await timelineWindow(page);
  assert.deepEqual([w.start, w.end], [w0.start, w0.end], 'and did not move the timeline');
  // Down: back up.
  await swipe(page, [180, 250], [180, 450]);
  const y2 = await scrollSettled(page);
  assert.ok(y1 - y2 > 130, `a 200 px swipe down scrolled the page back by ${y1 - y2} px`);
  w = await timelineWindow(page);
  assert.deepEqual([w.start, w.end], [w0.start, w0.end], 'and did not move the timeline');

  // Sideways: the timeline pans (to later dates when the finger goes left); the page stays.
  const y = Math.round(w.top + Math.min(w.height, 667 - w.top) / 2);
  await swipe(page, [320, y], [80, y]);
  const w1 = await windowSettled(page, { from: w });
  assert.ok(w1.start > w.start && w1.end > w.end, `a swipe to the left pans to later dates (${w.start} – ${w.end} → ${w1.start} – ${w1.end})`);
  const span = w.end - w.start, moved = w1.start - w.start;
  const share = 240 / w.width;
  assert.ok(Math.abs(moved / span - share) < 0.15, `by the finger's share of the width (${(moved / span).toFixed(2)} of the window for ${share.toFixed(2)} of the width)`);
  assert.equal(await scrollSettled(page), y2, 'and the page did not scroll');
  await page.screenshot({ path: artifact('phone-swipes.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, the filters drawer opens over the page and closes with its button, Escape or a tap outside, without moving the timeline', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  const toggle = page.getByRole('button', { name: /^Filters/ });
  const close = page.getByRole('button', { name: 'Close the filters' });
  const afghanistan = page.getByRole('checkbox', { name: 'Afghanistan', exact: true });
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
  // Scrolled a little, as one would be: the button near the top, the timeline below it.
  await page.evaluate(() => scrollTo(0, 200));
  await scrollSettled(page);
  const drawer = page.locator('#facets');

  const ways = {
    'its Close button': () => close.tap(),
    'Escape': () => page.keyboard.press('Escape'),
    // The drawer is at most 88% of the width: the right edge shows the page behind the backdrop.
    'a tap outside it': () => page.touchscreen.tap(362, 400),
  };
  for (const [way, shut] of Object.entries(ways)) {
    const before = await timelinePlace(page);
    // Every frame while it opens and closes: where the timeline is.
    await page.evaluate((selector) => {
      window.__places = [];
      const svg = document.querySelector(selector);
      const tick = () => {
        const top = svg.getBoundingClientRect().top;
        window.__places.push([top + scrollY, scrollY]);
        if (window.__places) window.__frame = requestAnimationFrame(tick);
      };
      tick();
    }, TIMELINE);

    await toggle.tap();
    await afghanistan.waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await until(() => focused(close), `the focus moved into the drawer (opened for ${way})`);
    const box = await drawer.boundingBox();
    assert.ok(box.x === 0 && box.y === 0 && box.height >= 667 - 1 && box.width < 375, `the drawer is over the page, at its left (${JSON.stringify(box)})`);
    assert.ok(await seenAtCentre(close), 'its Close button is in view at its top');
    const open = await timelinePlace(page);
    assert.deepEqual(open, before, `opening the drawer moved nothing (${JSON.stringify(before)} → ${JSON.stringify(open)})`);
    if (way === 'its Close button') await page.screenshot({ path: artifact('phone-drawer.png') });
    if (way === 'a tap outside it') {
      // What a tap there meets: the backdrop, not the page under it (a button, the timeline).
      const under = await page.evaluate(() => { const el = document.elementFromPoint(362, 400); return el.closest('main, header') ? `${el.tagName} “${el.textContent.trim().slice(0, 30)}”` : null; });
      assert.equal(under, null, 'the page beside the drawer is covered');
    }

    await shut();
    await until(async () => await toggle.getAttribute('aria-expanded') === 'false' && !(await afghanistan.isVisible()), `${way} closed the drawer`, { timeout: 5000 });
    await until(() => focused(toggle), `the focus went back to the Filters button (closed with ${way})`);
    const after = await timelinePlace(page);
    const places = await page.evaluate(() => { cancelAnimationFrame(window.__frame); const p = window.__places; window.__places = null; return p; });
    assert.deepEqual(after, before, `closing it with ${way} moved nothing (${JSON.stringify(before)} → ${JSON.stringify(after)})`);
    const jumps = places.filter(([onPage, y]) => Math.abs(onPage - before.page) > 0.5 || y !== before.scrollY);
    assert.deepEqual(jumps, [], `in no frame of ${places.length} while the drawer opened and closed with ${way} did the timeline or the page move`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, a tap on the overview reads that year\'s events and brings the timeline there', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  const label = await page.locator('.overview-box svg.years text').filter({ hasText: /^2010$/ }).boundingBox();
  const before = await timelineWindow(page);
  await page.touchscreen.tap(label.x + label.width / 2, label.y - 30);
  const readout = page.locator('p#overview-readout');
  await until(async () => /^20(0[6-9]|1[0-4]): \d+ events?(, (\d+|all|both) in several domains)? — /.test(await readout.textContent()), 'the readout reads the year tapped, about 2010');
  const after = await windowSettled(page, { from: before });
  const year = Number((await readout.textContent()).slice(0, 4));
  const middle = new Date((after.start + after.end) / 2 * 86_400_000).getUTCFullYear();
  assert.ok(Math.abs(middle - year) <= 3 || after.end - after.start > 40 * 365, `the timeline went to ${year} (${middle})`);
  // A finger lifting leaves the year read.
  await page.waitForTimeout(300);
  assert.match(await readout.textContent(), /^\d{4}: \d+ events?(, (\d+|all|both) in several domains)? — /);
  await page.screenshot({ path: artifact('phone-overview-tap.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, the details sheet has Close at its top, kept in view as it scrolls, and closes with a swipe down on its top or Escape', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  await timelineReady(page);
  await timelineAt(page, 60);
  // Of the events drawn on the screen, the one with the most to read (a sheet that scrolls).
  const length = (e) => JSON.stringify([e.summary, e.evidence, e.note, e.footnotes.map((n) => DATA.footnotes.find((f) => f.number === n)?.citation)]).length;
  const byTitle = new Map(DATA.events.map((e) => [e.title, e]));
  const labels = await page.locator('.marks .mark[role="button"]').evaluateAll((marks) => marks
    .filter((m) => { const r = m.getBoundingClientRect(); return r.top > 0 && r.bottom < innerHeight * 0.35 && r.left > 0 && r.right < innerWidth; })
    .map((m) => m.getAttribute('aria-label')));
  assert.ok(labels.length > 0, 'events are drawn in the top third of the screen');
  const label = labels.sort((a, b) => length(byTitle.get(titleOf(b))) - length(byTitle.get(titleOf(a))))[0];
  const mark = markNamed(page, label);
  const sheet = page.getByRole('complementary', { name: titleOf(label) });
  const closeButton = sheet.getByRole('button', { name: 'Close', exact: true });

  await mark.tap();
  assert.equal(await selectedTitle(page), titleOf(label), 'the tap selected the event');
  const box = await sheet.boundingBox();
  assert.ok(Math.abs(box.y + box.height - 667) <= 1, `the sheet sits at the bottom of the screen (${box.y} + ${box.height})`);
  let close = await closeButton.boundingBox();
  assert.ok(close.y >= box.y && close.y + close.height <= box.y + 80, `Close is at the sheet's top (${close.y} – ${close.y + close.height}, sheet from ${box.y})`);
  assert.ok(await seenAtCentre(closeButton), 'Close is in view without scrolling the sheet');
  await page.screenshot({ path: artifact('phone-sheet.png') });
  // Escape closes it (the tapped mark has the focus).
  await page.keyboard.press('Escape');
  await sheet.waitFor({ state: 'detached' });

  // Scrolled inside, with a finger on the sheet's text: Close stays at the top, in view.
  await mark.tap();
  assert.equal(await selectedTitle(page), titleOf(label), 'the tap selected the event again');
  const scroll = await sheet.evaluate((el) => ({ top: el.scrollTop, room: el.scrollHeight - el.clientHeight }));
  assert.equal(scroll.top, 0);
  assert.ok(scroll.room > 100, `the sheet has more than it shows (${scroll.room} px more)`);
  await swipe(page, [190, box.y + box.height - 40], [190, box.y + 120]);
  await until(() => sheet.evaluate((el) => el.scrollTop > 100), 'the sheet scrolled under the finger');
  close = await closeButton.boundingBox();
  assert.ok(close.y >= box.y - 1 && close.y + close.height <= box.y + 80, `Close is still at the sheet's top (${close.y}, sheet from ${box.y})`);
  assert.ok(await seenAtCentre(closeButton), 'Close is still in view, over the scrolled text');
  await page.screenshot({ path: artifact('phone-sheet-scrolled.png') });

  // A flick down that starts on the sheet's top (beside Close, on the date) closes it. (Last:
  // Chromium turns no tap into a click for a few hundred ms after such a flick.)
  const date = await sheet.locator('.detail-head .date').boundingBox();
  const y0 = await page.evaluate(() => scrollY);
  await swipe(page, [date.x + 20, date.y + date.height / 2], [date.x + 20, date.y + date.height / 2 + 150], { steps: 10 });
  await sheet.waitFor({ state: 'detached' });
  assert.equal(await scrollSettled(page), y0, 'the swipe on the sheet did not scroll the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone, a mark tapped low on the screen is brought above the sheet, and Next opens the next event at its top', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  await timelineReady(page);
  await timelineAt(page, 60);
  // A mark in the lower half of the screen, where the sheet (the lower 62 %) would cover it.
  const low = await page.locator('.marks .mark[role="button"]').evaluateAll((marks) => marks
    .filter((m) => { const r = m.getBoundingClientRect(); return r.top > innerHeight * 0.5 && r.bottom < innerHeight - 10 && r.left > 0 && r.right < innerWidth; })
    .map((m) => m.getAttribute('aria-label')));
  assert.ok(low.length > 0, 'events are drawn in the lower half of the screen');
  const label = low[0];
  const mark = markNamed(page, label);
  await mark.tap();
  const sheet = page.getByRole('complementary', { name: titleOf(label) });
  await sheet.waitFor();
  await until(async () => {
    const [m, s] = [await mark.boundingBox(), await sheet.boundingBox()];
    return m && s && m.y + m.height <= s.y && m.y >= 0;
  }, 'the tapped mark shows above the sheet');
  await page.screenshot({ path: artifact('phone-sheet-low-mark.png') });
  // Read to the bottom of the details, then Next: the next event opens at its top.
  await sheet.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await until(() => sheet.evaluate((el) => el.scrollTop > 50), 'the sheet scrolled to its end');
  await sheet.getByRole('button', { name: 'Next →' }).click();
  await until(async () => (await selectedTitle(page)) !== titleOf(label), 'Next selected another event');
  const next = page.getByRole('complementary', { name: await selectedTitle(page) });
  await until(() => next.evaluate((el) => el.scrollTop === 0), 'the next event opens at the top of its details');
  assert.ok(await next.getByRole('heading', { level: 2 }).isVisible());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// An entry tapped in the list was left under the sheet that opened over it (the page brought
// the timeline's mark, out of view above, into place instead): the reader lost their place.
test('on a phone, an entry tapped in the list stands above the details\' sheet', async () => {
  const page = await load(browser, server.origin + '/?group=domain', PHONE);
  await listReady(page);
  const entry = page.locator('.event-list').getByRole('button').nth(5);
  await entry.scrollIntoViewIfNeeded();
  // Low on the screen, where the sheet (the lower 62 %) will be.
  await page.evaluate(() => {
    const r = document.querySelectorAll('.event-list button')[5].getBoundingClientRect();
    window.scrollBy(0, r.top - innerHeight * 0.6);
  });
  await until(async () => { const b = await entry.boundingBox(); return b && b.y > 667 * 0.45; }, 'the entry is low on the screen');
  await entry.tap();
  const sheet = page.locator('aside.detail:not(.empty)');
  await sheet.getByRole('heading', { level: 2 }).waitFor();
  await until(async () => {
    const [e, s] = [await entry.boundingBox(), await sheet.boundingBox()];
    return e && s && e.y + e.height <= s.y && e.y >= 0;
  }, 'the tapped entry shows above the sheet');
  assert.equal(await entry.getAttribute('aria-pressed'), 'true');
  await page.screenshot({ path: artifact('phone-sheet-from-list.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** Events whose footnotes have links (their details show a source link). */
const WITH_LINKS = (() => {
  const linked = new Set(DATA.footnotes.filter((f) => f.url || f.other_urls?.length).map((f) => f.number));
  return new Set(DATA.events.filter((e) => e.footnotes.some((n) => linked.has(n))).map((e) => e.title));
})();

/** The marks on the timeline (their labels) whose events' details have a source link. */
const linkedMarks = async (page) => (await page.locator('.marks .mark[role="button"]').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label'))))
  .filter((label) => WITH_LINKS.has(titleOf(label)));

/** Where the details' heading and first source link are on the screen, and the scrolls. */
async function detailPlaces(page, title) {
  const aside = page.getByRole('complementary', { name: title });
  await aside.waitFor();
  const heading = await aside.getByRole('heading', { level: 2, name: title }).boundingBox();
  const link = await page.locator('aside.detail .footnotes a').first().boundingBox();
  const scrolls = await aside.evaluate((el) => ({ page: scrollY, details: el.scrollTop }));
  return { heading, link, scrolls };
}

const inView = (box, height) => box !== null && box.y >= 0 && box.y + box.height <= height;

test('at 1280×800, a click on an event shows its heading and first source in view, in the filters\' place, without moving the drawing or the focus; from the keyboard the details take the focus and give it back', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...DESKTOP });
  await timelineReady(page);
  // The first event (in time) with a source link whose mark is on the screen.
  const labels = await linkedMarks(page);
  const onScreen = [];
  for (const label of labels) {
    const box = await markNamed(page, label).boundingBox();
    if (box && box.y >= 0 && box.y + box.height <= 800) onScreen.push(label);
  }
  assert.ok(onScreen.length > 0, 'an event with a source link is drawn on the first screen');
  const label = onScreen[0], title = titleOf(label);
  const drawing = await page.locator(TIMELINE).boundingBox();
  const mark = await markNamed(page, label).boundingBox();
  const phases = page.getByRole('group', { name: 'Phase' });
  await phases.waitFor();
  await markNamed(page, label).click();
  const { heading, link, scrolls } = await detailPlaces(page, title);
  await page.screenshot({ path: artifact('desktop-details.png') });
  assert.deepEqual(scrolls, { page: 0, details: 0 }, 'nothing scrolled');
  // The details take the filters' place: the drawing keeps its width, the event stays put.
  assert.deepEqual(await page.locator(TIMELINE).boundingBox(), drawing, 'the drawing keeps its place and size');
  const centre = (b) => [b.x + b.width / 2, b.y + b.height / 2].map((v) => Math.round(v));
  assert.deepEqual(centre(await markNamed(page, label).boundingBox()), centre(mark), 'the clicked event stays where it was (its selected mark is larger)');
  assert.equal(await phases.isVisible(), false, 'the filters make way for the details');
  // Their button opens them as a drawer over the page; Tab out of it (back to the button)
  // closes it, as what the focus reaches is under the backdrop.
  await page.getByRole('button', { name: /^Filters · showing/ }).click();
  await page.getByRole('button', { name: 'Close the filters' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Close the filters' }).evaluate((b) => b === document.activeElement), true, 'the drawer takes the focus');
  await page.keyboard.press('Shift+Tab');
  await page.getByRole('button', { name: 'Close the filters' }).waitFor({ state: 'hidden' });
  assert.equal(await phases.isVisible(), false, 'closed, the details are back');
  assert.ok(inView(heading, 800), `the heading of “${title}” is in view (${JSON.stringify(heading)})`);
  assert.ok(inView(link, 800), `its first source link is in view (${JSON.stringify(link)})`);
  assert.equal(await page.evaluate(() => document.activeElement.closest('aside.detail') === null), true, 'a click leaves the focus out of the details');

  // From the keyboard: onto the events, Enter; the heading takes the focus; Escape gives it back.
  await page.getByRole('complementary', { name: title }).getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('complementary', { name: title }).waitFor({ state: 'detached' });
  await phases.waitFor();
  assert.deepEqual(await page.locator(TIMELINE).boundingBox(), drawing, 'closed, the drawing is as it was');
  await page.locator(TIMELINE).focus();
  await page.keyboard.press('Tab');
  const chosen = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.ok(chosen && chosen.includes(' — '), `a mark has the focus (${chosen})`);
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: titleOf(chosen) });
  await details.waitFor();
  await until(() => focused(details.getByRole('heading', { level: 2, name: titleOf(chosen) })), 'the details’ heading has the focus');
  await page.keyboard.press('Escape');
  await details.waitFor({ state: 'detached' });
  await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'something has the focus again');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), chosen, 'the focus is back on the mark');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Scrolled down the page, the details stopped 112 px above the window's foot and cut their own
// sources short, the strip below them blank (room kept for the page's foot, which was not there).
test('at 1280×800, scrolled down the page, the details reach the window\'s foot, and shorten only as the page\'s foot comes', async () => {
  const page = await load(browser, server.origin + '/?event=2014-05-06-ipcp-signed', DESKTOP);
  const aside = page.locator('aside.detail:not(.empty)');
  await aside.getByRole('heading', { level: 2 }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 700));
  await until(async () => { const b = await aside.boundingBox(); return b && b.y + b.height >= 800 - 16 && b.y + b.height <= 800; }, 'the details reach the window\'s foot');
  await page.screenshot({ path: artifact('desktop-details-scrolled.png') });
  // At the page's end, the footer in view: the details end above it, their head in view.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await until(async () => {
    const [b, f] = [await aside.boundingBox(), await page.locator('footer.app-footer').boundingBox()];
    return b && f && b.y >= 0 && b.y + b.height <= f.y + 1;
  }, 'the details end above the page\'s footer, their top in view');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 1280×800, an entry chosen at the foot of the list shows its details\' title and Close in view, below the Filters button, and closing them leaves the page where it was', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...DESKTOP });
  await listReady(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const entries = page.locator('.event-list li button');
  const last = entries.last();
  const title = (await last.locator('.title').textContent()).trim();
  await last.click();
  const aside = page.getByRole('complementary', { name: title });
  await aside.waitFor();
  const heading = aside.getByRole('heading', { level: 2, name: title });
  const close = aside.getByRole('button', { name: 'Close', exact: true });
  await until(async () => (await heading.boundingBox())?.y >= 0, 'the heading is not above the screen');
  await until(() => seenAtCentre(close), 'Close is in view, not under the Filters button');
  await until(() => seenAtCentre(heading), 'the heading is in view, not under the Filters button');
  await page.screenshot({ path: artifact('desktop-details-list-foot.png') });
  // Closed with the mouse, the page stays where the reader is (it went 950 px up).
  const y = await page.evaluate(() => scrollY);
  await close.click();
  await aside.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(after - y) <= 40, `the page stays where it was (${y} → ${after})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 1280×800, at the top of the page, the side column ends inside the window: its last filter and the details\' Next can be scrolled to', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...DESKTOP });
  const last = page.getByRole('checkbox', { name: /^Serbia \/ Kosovo/ });
  await page.locator('.facets-drawer').evaluate((d) => { d.scrollTop = d.scrollHeight; });
  await until(async () => { const b = await last.boundingBox(); return b && b.y + b.height <= 800; }, 'the last third party is in the window');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  await goto(page, server.origin + '/?event=2001-09-11-september-11-attacks', { marks: true });
  const details = page.getByRole('complementary', { name: /September 11 attacks/ });
  await details.waitFor();
  await details.evaluate((d) => { d.scrollTop = d.scrollHeight; });
  const next = details.getByRole('button', { name: 'Next →' });
  await until(async () => { const b = await next.boundingBox(); return b && b.y + b.height <= 800; }, "the details' Next is in the window");
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the page did not scroll');
  await page.screenshot({ path: artifact('side-column-foot-1280.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 1280×800, every event with a source link clicked on the timeline shows its heading and first source link in view', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...DESKTOP });
  await timelineReady(page);
  const labels = await linkedMarks(page);
  assert.ok(labels.length > 20, `events with source links are drawn (${labels.length})`);
  const hidden = [];
  for (const label of labels) {
    const title = titleOf(label);
    await markNamed(page, label).click();
    const { heading, link, scrolls } = await detailPlaces(page, title);
    if (!inView(heading, 800) || !inView(link, 800) || scrolls.details !== 0) {
      hidden.push(`${label}: heading ${Math.round(heading?.y)}, link ${Math.round(link?.y)} – ${Math.round(link?.y + link?.height)}, page scrolled ${scrolls.page}`);
      if (hidden.length === 1) await page.screenshot({ path: artifact('desktop-details-source-below.png') });
    }
  }
  assert.deepEqual(hidden, [], `${hidden.length} of ${labels.length} events need a scroll to reach their first source`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('importing a large JSON file: the longest main-thread task, the total of long tasks and the time until it shows (measured, printed)', { timeout: 600_000 }, async () => {
  const COUNT = +(process.env.IMPORT_EVENTS || 300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-phone-'));
  const file = path.join(dir, `large-${COUNT}.json`);
  const title = `A generated chronology of ${COUNT} events`;
  // The explorer's own schema, minimal events: id, start, title, summary; a day each from 1900 on.
  const parts = [];
  const day = new Date(Date.UTC(1900, 0, 1));
  for (let i = 0; i < COUNT; i++) {
    const d = new Date(day.getTime() + (i % 45_000) * 86_400_000).toISOString().slice(0, 10);
    parts.push(JSON.stringify({ id: `e${i}`, start: d, title: `Event ${i}`, summary: `Generated event number ${i}, for the import measurement.` }));
  }
  fs.writeFileSync(file, `{"title":${JSON.stringify(title)},"source":{"title":"Generated","author":"The test suite"},"events":[\n${parts.join(',\n')}\n]}\n`);
  const megabytes = fs.statSync(file).size / 1e6;

  const page = await openPage(browser, DESKTOP);
  await page.addInitScript((title) => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
    // When the file is chosen, and when the page first names the imported chronology.
    document.addEventListener('change', (e) => { if (e.target.type === 'file') window.__chosenAt = performance.now(); }, true);
    new MutationObserver(() => {
      if (window.__shownAt === undefined && document.querySelector('h1')?.textContent.includes(title)) window.__shownAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, title);
  await goto(page, server.origin + '/', { marks: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  const started = Date.now();
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 300_000 });
  const wall = Date.now() - started;
  // Then until the page has done what follows an import: the timeline and the list drawn, the
  // chronology kept for the next visit (or a notice that it cannot be).
  await page.locator(`${TIMELINE} .mark, ${TIMELINE} .cluster`).first().waitFor({ timeout: 120_000 });
  await listReady(page);
  await page.waitForFunction(() => localStorage.getItem('japan-nato-explorer.dataset') === 'indexeddb'
    || document.body.textContent.includes('could not be kept for your next visit'), null, { timeout: 120_000, polling: 100 });
  const { chosenAt, shownAt, settledAt, tasks } = await page.evaluate(() => ({ chosenAt: window.__chosenAt, shownAt: window.__shownAt, settledAt: performance.now(), tasks: window.__longTasks }));
  const figures = (until) => {
    const during = tasks.filter(([start]) => start >= chosenAt - 1 && start <= until);
    return `${during.length} long tasks, the longest ${Math.round(Math.max(0, ...during.map(([, d]) => d)))} ms, ${Math.round(during.reduce((sum, [, d]) => sum + d, 0))} ms in all`;
  };
  console.log(`import of ${COUNT.toLocaleString('en')} events (${megabytes.toFixed(1)} MB of JSON): shown ${Math.round(shownAt - chosenAt)} ms after the file was chosen `
    + `(${wall} ms as the test saw it), with ${figures(shownAt)} until then; until drawn, listed and kept (${Math.round(settledAt - chosenAt)} ms): ${figures(settledAt)}`);
  await page.screenshot({ path: artifact('import-large.png') });
  assert.ok(Number.isFinite(chosenAt) && Number.isFinite(shownAt), 'both moments were seen');
  assert.deepEqual(page.problems, []);
  await page.context().close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// On a phone the details are a sheet over the lower part of the screen: the event chosen, and
// the one Next goes to, stand above it with room for their name (called out beside the mark).
test('375×667 (touch): the event chosen, and the one Next in the sheet goes to, stand above the sheet with their name', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  await timelineReady(page);
  const mark = page.locator(`${TIMELINE} .marks .mark`).nth(20);
  await mark.scrollIntoViewIfNeeded();
  const box = await mark.boundingBox();
  await page.touchscreen.tap(box.x + Math.min(box.width / 2, 8), box.y + box.height / 2);
  const sheet = page.locator('aside.detail');
  await sheet.waitFor();
  const above = async () => page.evaluate(() => {
    const selected = document.querySelector('svg[aria-roledescription="timeline"] .marks .mark.selected');
    const sheet = document.querySelector('aside.detail');
    if (!selected || !sheet) return null;
    const [m, s] = [selected.getBoundingClientRect(), sheet.getBoundingClientRect()];
    return { bottom: m.bottom, top: m.top, sheet: s.top };
  });
  for (const step of ['chosen', 'after Next']) {
    if (step === 'after Next') {
      const before = new URL(page.url()).searchParams.get('event');
      await sheet.getByRole('button', { name: 'Next →' }).tap();
      await until(() => new URL(page.url()).searchParams.get('event') !== before, 'Next chooses the next event');
    }
    const at = await until(async () => {
      const a = await above();
      return a && a.top >= 0 && a.bottom + 30 <= a.sheet && a;
    }, `the ${step} event's mark, and room for its name, are above the sheet`);
    assert.ok(at.bottom + 30 <= at.sheet, JSON.stringify(at));
  }
  await page.screenshot({ path: artifact('phone-details-next-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// On its side, a phone is as short as it is narrow upright: the header, its buttons on two rows,
// the filters' bar and the overview took the whole first screen.
test('667×375 (a phone on its side): the first screen reaches the timeline\'s bar, its heading and its Lanes', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 667, height: 375 }, hasTouch: true, isMobile: true });
  const heading = page.getByRole('heading', { name: 'Timeline', exact: true });
  const lanes = page.getByRole('combobox', { name: /Lanes/ });
  for (const [what, el] of [['the heading', heading], ['the Lanes select', lanes]]) {
    const box = await el.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 375, `${what} is on the first screen (${JSON.stringify(box)})`);
  }
  await page.screenshot({ path: artifact('phone-on-its-side-first-screen.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Next from a span's bar low in its band went on to points higher up the drawing, whose marks
// stayed above the screen: the page scrolled only down to a mark, never back up.
test('375×667 (touch): Next from a bar low on the page to marks above the screen brings each into view, above the sheet', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, ...PHONE });
  await timelineReady(page);
  const bar = page.getByRole('button', { name: /Relationship plateaus at the level of/ }).first();
  await bar.scrollIntoViewIfNeeded();
  const box = await bar.boundingBox();
  await page.touchscreen.tap(box.x + Math.min(box.width / 2, 8), box.y + box.height / 2);
  const sheet = page.locator('aside.detail');
  await sheet.waitFor();
  const seen = async () => page.evaluate(() => {
    const selected = document.querySelector('svg[aria-roledescription="timeline"] .marks .mark.selected');
    const sheet = document.querySelector('aside.detail');
    if (!selected || !sheet) return null;
    const [m, s] = [selected.getBoundingClientRect(), sheet.getBoundingClientRect()];
    return { name: selected.getAttribute('aria-label'), top: m.top, bottom: m.bottom, sheet: s.top };
  });
  let higher = 0;
  let last = { ...(await until(seen, 'the bar is selected')), scrolled: await page.evaluate(() => scrollY) };
  for (let n = 1; n <= 4; n++) {
    const before = new URL(page.url()).searchParams.get('event');
    await sheet.getByRole('button', { name: 'Next →' }).tap();
    await until(() => new URL(page.url()).searchParams.get('event') !== before, 'Next chooses the next event');
    const at = await until(async () => {
      const a = await seen();
      return a && a.top >= 0 && a.bottom + 30 <= a.sheet && a;
    }, `after Next ${n}, the event's mark is on the screen, above the sheet`);
    // (In the drawing: higher up than the one before, which the page scrolled back up to.)
    if (at.top + (await page.evaluate(() => scrollY)) < last.top + last.scrolled) higher++;
    last = { ...at, scrolled: await page.evaluate(() => scrollY) };
  }
  assert.ok(higher >= 1, 'Next went on to an event higher up the drawing');
  await page.screenshot({ path: artifact('phone-details-next-up-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('narrowed from 1280 to 600 and 375 with an event selected, its mark is brought above the details\' sheet, as when it opens there', async () => {
  const page = await load(browser, server.origin + '/?domain=afghanistan,piracy&event=2011-bonn-conference-on-afghanistan', { viewport: { width: 1280, height: 800 } });
  const event = DATA.events.find((e) => e.id === '2011-bonn-conference-on-afghanistan');
  await page.getByRole('complementary', { name: event.title }).waitFor();
  const mark = page.locator(`${TIMELINE} .marks .mark[data-index="${DATA.events.indexOf(event)}"]`);
  await mark.waitFor();
  for (const width of [600, 375]) {
    await page.setViewportSize({ width, height: width === 600 ? 800 : 667 });
    await until(async () => {
      const [m, sheet] = await Promise.all([
        mark.boundingBox().catch(() => null),
        page.locator('aside.detail').boundingBox(),
      ]);
      return m && sheet && m.y >= 0 && m.y + m.height <= sheet.y;
    }, `at ${width} px the mark stands above the sheet`);
    await page.screenshot({ path: artifact(`phone-narrowed-${width}.png`) });
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
