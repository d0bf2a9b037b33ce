// A timeline you can read: every event of the chronology its own, named target; clusters that
// only ever zoom in; views that follow the filters, with chips to remove them; lanes to compare
// two domains side by side. At the two common desktop sizes where the acceptance asks for both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, load, timelineReady, timelineWindow, windowSettled, until, artifact, dataset, drawnColours, shownPixels, drawingBox, queryWindow, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 1440, height: 900 }];
const size = ({ width, height }) => `${width}×${height}`;
/** The calendar year of a day of the timeline (days from 1970-01-01). */
const yearOf = (day) => new Date(day * 86_400_000).getUTCFullYear();
/** A window of the timeline in words, for messages. */
const span = (w) => `${new Date(w.start * 86_400_000).toISOString().slice(0, 10)} – ${new Date(w.end * 86_400_000).toISOString().slice(0, 10)}`;

/** The accessible layer's marks (name, tooltip, lane) and badges (how many events each folds). */
async function layer(page) {
  await timelineReady(page);
  const marks = await page.locator(`${TIMELINE} .marks .mark:not(.dimmed)`).evaluateAll((els) => els.map((e) => ({
    name: e.getAttribute('aria-label'),
    tip: e.querySelector('title')?.textContent ?? '',
    lane: e.closest('[role="group"].lane-group')?.getAttribute('aria-label') ?? null,
  })));
  const clusters = await page.locator(`${TIMELINE} .marks .cluster`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const folded = clusters.map((name) => {
    const m = /^Show (\d{1,3}(?:,\d{3})*) more events?\b/.exec(name);
    assert.ok(m, `a badge is named "Show N more events …" (${name})`);
    return +m[1].replaceAll(',', '');
  });
  return { marks, clusters, folded: folded.reduce((a, b) => a + b, 0) };
}

/**
 * The event of the chronology a mark's accessible name stands for: "date — whole title", where
 * the date gives the event's first year (and last year, for a span). Null when none fits.
 */
function eventNamed(name) {
  const at = name.indexOf(' — ');
  if (at <= 0) return null;
  const [date, title] = [name.slice(0, at), name.slice(at + 3)];
  return DATA.events.find((e) => e.title === title && date.includes(e.start.slice(0, 4))
    && (!e.end || date.includes(e.end.slice(0, 4)))) ?? null;
}

for (const viewport of VIEWPORTS) {
  test(`${size(viewport)}: the default view folds at most 10 % of the events, and every mark is named "date — whole title"`, async () => {
    const page = await load(browser, server.origin + '/', { marks: true, viewport });
    await windowSettled(page);
    const { marks, folded } = await layer(page);
    assert.ok(folded <= DATA.events.length * 0.1, `${folded} of ${DATA.events.length} events are folded into badges`);
    const shown = new Set();
    for (const { name } of marks) {
      const event = eventNamed(name);
      assert.ok(event, `"${name}" is "date — whole title" of an event of the chronology`);
      assert.ok(!shown.has(event.id), `${event.id} has one mark`);
      shown.add(event.id);
    }
    assert.equal(shown.size + folded, DATA.events.length, `every event is a mark or in a badge (${shown.size} marks, ${folded} folded)`);
    assert.match(await page.locator(TIMELINE).getAttribute('aria-label'), new RegExp(`^Timeline of all ${DATA.events.length} events; in view: `));
    await page.screenshot({ path: artifact(`readable-default-${viewport.width}.png`), fullPage: true });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a mark\'s tooltip gives its date, its whole title and its domains', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: VIEWPORTS[0] });
  const { marks } = await layer(page);
  assert.ok(marks.length > 0);
  const domain = Object.fromEntries(DATA.domains.map((d) => [d.id, d.label]));
  for (const { name, tip } of marks) {
    const event = eventNamed(name);
    assert.ok(event, `"${name}" names an event`);
    const domains = event.domains.length ? ` (${event.domains.map((d) => domain[d]).join(', ')})` : '';
    assert.equal(tip, `${name}${domains}`, `the tooltip of ${event.id}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const viewport of VIEWPORTS) {
  test(`${size(viewport)}: zoomed to 2014, every point event of 2014 is its own target, none in a badge`, async () => {
    const page = await load(browser, server.origin + '/?from=2014-01-01&to=2015-01-01', { marks: true, viewport });
    const w = await windowSettled(page);
    assert.deepEqual([yearOf(w.start), yearOf(w.end - 1)], [2014, 2014], 'the link opens on 2014');
    const points = DATA.events.filter((e) => e.start.startsWith('2014') && !e.end);
    assert.ok(points.length >= 9, `the chronology has its 2014 events (${points.length})`);
    const { marks, clusters } = await layer(page);
    for (const e of points) {
      assert.equal(marks.filter(({ name }) => name.endsWith(' — ' + e.title)).length, 1, `"${e.title}" has a mark of its own`);
    }
    // A badge names the dates it spans: none may cover 2014.
    for (const name of clusters) assert.doesNotMatch(name, /2014/, `no 2014 event is folded (${name})`);
    await page.screenshot({ path: artifact(`readable-2014-${viewport.width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a selected event its lane leaves unnamed is named beside its mark, and a click on that name keeps it', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: VIEWPORTS[0] });
  await timelineReady(page);
  const title = 'Japan passes the Iraq Special Measures Law';
  const mark = page.locator(TIMELINE).getByRole('button', { name: new RegExp(` — ${title}$`) });
  const box = await mark.boundingBox();
  assert.ok(box.width < 30, `at the default view its mark is bare (its box is ${box.width} px wide)`);
  // Its name goes on either side of its mark (where it covers less of the others).
  const sides = [
    { x: box.x + box.width + 2, y: box.y, width: 240, height: box.height },
    { x: box.x - 242, y: box.y, width: 240, height: box.height },
  ];
  const plain = await Promise.all(sides.map((clip) => page.screenshot({ clip })));
  await mark.click();
  const heading = page.getByRole('heading', { level: 2, name: title });
  await heading.waitFor();
  let beside = null;
  await until(async () => {
    for (const [k, clip] of sides.entries()) {
      if (!(await page.screenshot({ clip })).equals(plain[k])) beside = clip;
    }
    return beside !== null;
  }, 'its name is drawn beside its mark');
  await page.screenshot({ path: artifact('readable-selected-named-1280.png') });
  // A click on its name, where no other event's mark is, keeps it selected.
  const y = beside.y + beside.height / 2;
  const free = await page.locator(`${TIMELINE} .marks .mark`).evaluateAll((marks, { from, to, y }) => {
    const boxes = marks.map((m) => m.getBoundingClientRect());
    // From the mark outwards, the first place on its name that no mark's box covers.
    for (let d = 16; d < 120; d += 2) {
      const x = from < to ? from + d : from - d;
      if (!boxes.some((b) => b.left <= x && x <= b.right && b.top <= y && y <= b.bottom)) return x;
    }
    return null;
  }, beside === sides[0] ? { from: box.x + box.width, to: box.x + 999, y } : { from: box.x, to: box.x - 999, y });
  assert.ok(free !== null, 'part of its name is clear of other marks');
  await page.mouse.click(free, y);
  await page.waitForTimeout(300);
  assert.ok(await heading.isVisible(), 'the event stays selected');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a selected event folded into a badge: the badge is outlined and says so, its name stands beside it, and opening it shows the event\'s own mark', async () => {
  // 3,000 generated events over five years at 1280 px fold some; event 198 is one of them.
  const page = await load(browser, server.origin + '/?synthetic=3000&from=2005-01-01&to=2010-01-01&event=synthetic-198', { marks: true, viewport: VIEWPORTS[0] });
  await windowSettled(page);
  await timelineReady(page);
  const title = 'Synthetic visit 198';
  await page.getByRole('heading', { level: 2, name: title }).waitFor();
  const own = page.locator(TIMELINE).getByRole('button', { name: new RegExp(` — ${title}$`) });
  assert.equal(await own.count(), 0, 'it has no mark of its own in this window');
  const badge = page.locator(TIMELINE).getByRole('button', { name: new RegExp(`^Show \\d+ more events, .*, among them the selected event, ${title}$`) });
  assert.equal(await badge.count(), 1, 'its badge says it holds the selected event');
  await badge.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('readable-selected-in-badge-1280.png') });
  // Each opening zooms in to where its events spread, or to smaller badges (which say the same).
  for (let k = 0; k < 4 && (await own.count()) === 0; k++) {
    await badge.focus();
    await page.keyboard.press('Enter');
    await windowSettled(page);
    await timelineReady(page);
    await until(async () => (await own.count()) === 1 || (await badge.count()) === 1, 'the selected event is a mark or in a badge that says so');
  }
  assert.equal(await own.count(), 1, 'opened, its badges spread their events: the selected one has its own mark');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('spans that run through the window leave a short span its own bar, and their badge at the left edge lists them', async () => {
  // 3,000 generated events, July to September 2005: more spans run through the window than the
  // band has lanes; event 156 lasts four days in it (it used to be folded at every zoom).
  const page = await load(browser, server.origin + '/?synthetic=3000&from=2005-07-01&to=2005-10-01', { marks: true, viewport: VIEWPORTS[0] });
  const before = await windowSettled(page);
  await timelineReady(page);
  const own = page.locator(TIMELINE).getByRole('button', { name: / — Synthetic statement 156$/ });
  assert.equal(await own.count(), 1, 'the four-day span has its own bar');
  const badge = page.locator(TIMELINE).getByRole('button', { name: /^Show \d+ more events that run through this window, / });
  assert.equal(await badge.count(), 1, 'the spans through the window share one badge that says so');
  const box = await badge.boundingBox();
  const drawing = await page.locator(TIMELINE).boundingBox();
  assert.ok(box.x >= drawing.x - 0.5, `the badge starts inside the drawing (${box.x} < ${drawing.x})`);
  await badge.scrollIntoViewIfNeeded();
  await page.screenshot({ path: artifact('readable-spans-through-1280.png') });
  const count = +/^Show (\d+)/.exec(await badge.getAttribute('aria-label'))[1];
  await badge.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: `${count} events that run through this window` });
  await list.waitFor();
  assert.equal(await list.getByRole('listitem').count(), count, 'the list names every span of the badge');
  const after = await timelineWindow(page);
  assert.deepEqual([after.start, after.end], [before.start, before.end], 'listing them leaves the window as it was');
  // The list has the focus (and so is in view: the badge stands far below its corner), and
  // the drawing behind it is still there (its canvas was once made anew, blank, as the list came).
  await until(() => list.evaluate((l) => l.contains(document.activeElement) && document.activeElement.tagName === 'BUTTON'), 'the focus is on the list\'s first event');
  assert.ok(await list.evaluate((l) => { const r = l.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the list is in view');
  await page.screenshot({ path: artifact('readable-spans-through-list-1280.png') });
  // Painted, its phases' bands cover the drawing: blank, it shows the page's background. (Read
  // beside the list, the wider side of it.)
  const painted = async () => {
    const drawn = await drawingBox(page);
    const over = await list.boundingBox();
    const left = { ...drawn, width: over.x - drawn.x };
    const right = { ...drawn, x: over.x + over.width, width: drawn.x + drawn.width - (over.x + over.width) };
    const { data } = await shownPixels(page, left.width > right.width ? left : right);
    const [r, g, b] = (await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).match(/\d+/g).map(Number);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) n++;
    return n / (data.length / 4);
  };
  assert.ok(await painted() > 0.5, 'the drawing is still painted behind the list');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.ok(await page.locator(TIMELINE).evaluate((svg) => svg === document.activeElement), 'Escape closes the list and gives the focus back to the timeline');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// On a phone a badge's list is most of the screen's width: opened from a badge in the middle,
// it ran a hundred px past the screen's left edge, its heading and titles cut.
test('on a phone, a badge\'s list stands on the screen, beside its badge, wherever the badge is', async () => {
  const rows = Array.from({ length: 40 }, (_, k) => `e${k + 1},2020-05-05,Same day event number ${k + 1},Summary ${k + 1}`);
  const page = await load(browser, server.origin + '/', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'oneday.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,start,title,summary\n${rows.join('\n')}\n`) });
  const badge = page.locator(TIMELINE).getByRole('button', { name: /^Show \d+ more events, on 5 May 2020$/ });
  await badge.waitFor();
  await page.keyboard.press('Escape');
  await badge.tap();
  const list = page.getByRole('dialog', { name: /^\d+ events, on 5 May 2020$/ });
  await list.waitFor();
  const b = await badge.boundingBox();
  await until(async () => { const l = await list.boundingBox(); return l.x >= 0 && l.x + l.width <= 375; }, 'the list is on the screen');
  const l = await list.boundingBox();
  await page.screenshot({ path: artifact('phone-badge-list.png') });
  assert.ok(b.x + b.width / 2 > 100 && b.x + b.width / 2 < 275, `the badge is in the middle of the screen (${b.x})`);
  assert.ok(l.x <= b.x + b.width && l.x + l.width >= b.x, `the list is beside its badge (${l.x} – ${l.x + l.width}, the badge at ${b.x})`);
  assert.ok(l.y >= b.y + b.height - 1 || l.y + l.height <= b.y + 1, 'under or over it');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a badge of one day says its day once; its list goes from event to event with the arrows, its name and × in view; counts group thousands', async () => {
  const rows = Array.from({ length: 200 }, (_, k) => `e${k + 1},2020-05-05,Same day event number ${k + 1},Summary ${k + 1}`);
  const page = await load(browser, server.origin + '/', { viewport: { width: 1280, height: 800 } });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'oneday.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,start,title,summary\n${rows.join('\n')}\n`) });
  const badge = page.locator(TIMELINE).getByRole('button', { name: /^Show \d+ more events, on 5 May 2020$/ });
  await badge.waitFor();
  await badge.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('dialog', { name: /^\d+ events, on 5 May 2020$/ });
  await list.waitFor();
  const entries = list.getByRole('listitem').getByRole('button');
  const focusedTitle = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await until(async () => /Same day event number/.test(await focusedTitle()), 'the list takes the focus');
  const first = await focusedTitle();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedTitle(), await entries.nth(2).textContent(), 'two arrows down: the third event');
  assert.notEqual(await focusedTitle(), first);
  await page.keyboard.press('End');
  assert.equal(await focusedTitle(), await entries.last().textContent(), 'End: the last event');
  // Scrolled to its foot, the list still shows its name and its ×.
  const box = await list.boundingBox();
  for (const part of [list.getByRole('heading'), list.getByRole('button', { name: 'Close the list' })]) {
    const b = await part.boundingBox();
    assert.ok(b.y >= box.y - 1 && b.y + b.height <= box.y + box.height + 1, 'in the list’s box');
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.cluster-list-head') !== null, { x: b.x + b.width / 2, y: b.y + b.height / 2 });
    assert.ok(hit, 'not covered by the events scrolled under it');
  }
  await page.keyboard.press('Home');
  assert.equal(await focusedTitle(), first, 'Home: the first event');
  await page.keyboard.press('Escape');
  await list.waitFor({ state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // Thousands grouped in a badge's name (on a phone, 10,000 events fold by the thousand).
  const phone = await load(browser, server.origin + '/?synthetic=10000', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await timelineReady(phone);
  const names = await phone.locator(`${TIMELINE} .marks .cluster`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(names.some((n) => /^Show \d{1,3},\d{3} more events/.test(n)), names.slice(0, 3).join(' | '));
  assert.ok(names.every((n) => !/^Show \d{4}/.test(n)), names.filter((n) => /^Show \d{4}/.test(n)).slice(0, 3).join(' | '));
  assert.deepEqual(phone.problems, []);
  await phone.context().close();
});

test('opening a badge never widens the window: each new window lies within the last and is narrower', async () => {
  // The chronology itself has room for every event; 3,000 generated ones at 700 px do not.
  const page = await load(browser, server.origin + '/?synthetic=3000', { marks: true, viewport: { width: 700, height: 800 } });
  await windowSettled(page);
  let opened = 0;
  for (let step = 0; step < 3; step++) {
    await timelineReady(page);
    // Badges that zoom (those of spans through the whole window list them: no narrower window
    // spreads those).
    // (A badge of one span its period does not show lists it.)
    const badges = page.locator(`${TIMELINE} .marks .cluster:not([aria-label*="through this window"]):not([aria-label^="Show 1 more event,"])`);
    const count = await badges.count();
    if (count === 0) break;
    // A badge from the middle of the layer (app.test.mjs opens the first one).
    const badge = badges.nth(Math.floor(count / 2));
    const name = await badge.getAttribute('aria-label');
    const before = await timelineWindow(page);
    await badge.scrollIntoViewIfNeeded();
    await badge.click();
    // Opened, a badge zooms in; only events that share one day (or the deepest zoom) are listed.
    const moved = (w) => w.start !== before.start || w.end !== before.end;
    const opening = await until(async () => (await page.locator('.cluster-list').count() ? 'list' : moved(await timelineWindow(page)) ? 'zoom' : null),
      `opening "${name}" zooms in or lists its events`);
    if (step === 0) await page.screenshot({ path: artifact('readable-badge-opened.png') });
    if (opening === 'list') {
      const heading = await page.locator('.cluster-list h3').textContent();
      assert.fail(`opening "${name}" at ${span(before)} listed its events ("${heading}") instead of zooming in to spread them`);
    }
    const after = await windowSettled(page, { from: before });
    assert.ok(after.start >= before.start - 1e-6 && after.end <= before.end + 1e-6,
      `opening "${name}" keeps within ${span(before)} (now ${span(after)})`);
    assert.ok(after.end - after.start < before.end - before.start, `opening "${name}" narrows the window`);
    opened++;
  }
  assert.ok(opened >= 1, 'the fitted view of 3,000 events at 700 px has badges to open');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const viewport of VIEWPORTS) {
  test(`${size(viewport)}: filtering to Piracy eases the window to about 2008–2017, names the filter, and its chip removes it`, async () => {
    const page = await load(browser, server.origin + '/', { marks: true, viewport });
    const fitted = await windowSettled(page);
    const piracy = DATA.events.filter((e) => e.domains.includes('piracy'));
    const checkbox = page.getByRole('checkbox', { name: 'Piracy', exact: true });
    await checkbox.check();
    const w = await windowSettled(page, { from: fitted });
    const [from, to] = [yearOf(w.start), yearOf(w.end)];
    assert.ok(from >= 2007 && from <= 2009, `the window starts in 2007–2009 (${from})`);
    assert.ok(to >= 2016 && to <= 2019, `and ends in 2016–2019 (${to})`);
    const name = await page.locator(TIMELINE).getAttribute('aria-label');
    assert.match(name, new RegExp(`\\b${piracy.length} of ${DATA.events.length} events\\b`), `the timeline says how many it shows (${name})`);
    assert.match(name, /Piracy/, `and the filter (${name})`);
    const chips = page.getByRole('navigation', { name: 'Active filters' });
    const chip = chips.getByRole('button', { name: /Piracy/ });
    assert.equal(await chip.count(), 1, 'a chip names the filter');
    // Above the timeline.
    const [chipBox, timelineBox] = [await chip.boundingBox(), await page.locator(TIMELINE).boundingBox()];
    assert.ok(chipBox.y + chipBox.height <= timelineBox.y, 'the chip shows above the timeline');
    await page.screenshot({ path: artifact(`readable-piracy-${viewport.width}.png`) });
    await chip.click();
    await page.getByText(`Showing ${DATA.events.length} of ${DATA.events.length} events`).waitFor();
    assert.equal(await checkbox.isChecked(), false, 'removing the chip clears the filter');
    assert.equal(await chips.count(), 0, 'no chip is left');
    await until(async () => (await page.locator(TIMELINE).getAttribute('aria-label')).startsWith(`Timeline of all ${DATA.events.length} events`),
      'the timeline names all the events again');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

for (const viewport of VIEWPORTS) {
  test(`${size(viewport)}: grouped by domain, Afghanistan and Piracy are two named lanes, each with its events, and the link says so`, async () => {
    const page = await load(browser, server.origin + '/', { marks: true, viewport });
    await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
    await page.getByRole('combobox', { name: 'Lanes', exact: true }).selectOption('domain');
    await until(() => new URL(page.url()).searchParams.get('group') === 'domain', 'the link carries group=domain');
    await windowSettled(page);
    const lanes = page.locator(`${TIMELINE} .marks [role="group"]`);
    const names = await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(names.length, 2, `two lanes (${names.join(' | ')})`);
    assert.ok(names[0].startsWith('Afghanistan') && names[1].startsWith('Piracy'), `named for their domains (${names.join(' | ')})`);
    const { marks, clusters } = await layer(page);
    for (const [lane, id] of [[names[0], 'afghanistan'], [names[1], 'piracy']]) {
      const expected = DATA.events.filter((e) => e.domains.includes(id));
      const inLane = marks.filter((m) => m.lane === lane).map((m) => eventNamed(m.name));
      assert.ok(inLane.every((e) => e && e.domains.includes(id)), `the ${id} lane holds only ${id} events`);
      assert.deepEqual(inLane.map((e) => e.id).sort(), expected.map((e) => e.id).sort(), `the ${id} lane shows each of its ${expected.length} events`);
    }
    assert.deepEqual(clusters, [], 'with room for all, nothing is folded');
    assert.match(await page.locator(TIMELINE).getAttribute('aria-label'), /in lanes by domain/);
    await page.locator('#timeline').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: artifact(`readable-lanes-${viewport.width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a badge opened low on the page brings its first event into view, though the narrower window draws far fewer lanes', async () => {
  const page = await load(browser, server.origin + '/?synthetic=2000&group=domain', { marks: true, viewport: VIEWPORTS[1] });
  await windowSettled(page);
  await timelineReady(page);
  const badges = page.locator(`${TIMELINE} .marks .cluster:not([aria-label*="through this window"])`);
  // A badge far down the drawing (lanes of eight domains, 3,000 px tall), in the middle of the screen.
  const lows = await badges.evaluateAll((bs) => bs.map((b, n) => [n, b.getBoundingClientRect().top + window.scrollY]).filter(([, y]) => y > 1500));
  assert.ok(lows.length > 0, 'badges low in the drawing');
  const badge = badges.nth(lows[0][0]);
  const first = await badge.getAttribute('data-first');
  await badge.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - window.innerHeight / 2));
  const before = await timelineWindow(page);
  await badge.click();
  await windowSettled(page, { from: before });
  const mark = page.locator(`${TIMELINE} .marks [data-index="${first}"]`);
  await until(async () => {
    if (!(await mark.count())) return false;
    const r = await mark.evaluate((el) => el.getBoundingClientRect().toJSON());
    return r.top >= 0 && r.bottom <= 900 && r;
  }, `the badge's first event (${first}) is on the screen`);
  await page.screenshot({ path: artifact('readable-badge-opened-low.png') });
  // From the keyboard too: Enter on a badge low on the page; the first event takes the focus
  // (the keys go on from it) and is on the screen.
  await page.goto(page.url().replace(/&from=[^&]*&to=[^&]*/, ''));
  await windowSettled(page);
  await timelineReady(page);
  const again = page.locator(`${TIMELINE} .marks .cluster:not([aria-label*="through this window"])`).nth(lows[0][0]);
  const firstAgain = await again.getAttribute('data-first');
  await again.focus();
  const beforeKey = await timelineWindow(page);
  await page.keyboard.press('Enter');
  await windowSettled(page, { from: beforeKey });
  await until(async () => page.evaluate((i) => {
    const el = document.activeElement;
    if (el?.getAttribute('data-index') !== i) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, firstAgain), `Enter on the badge gives its first event (${firstAgain}) the focus, on the screen`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('with Dim, lanes by domain hold the events left out, faint, in the lanes of their own domains', async () => {
  const query = '/?domain=afghanistan,piracy&from=1998&to=2006&group=domain';
  const page = await load(browser, server.origin + query, { marks: true, viewport: VIEWPORTS[1] });
  await windowSettled(page);
  const lanes = page.locator(`${TIMELINE} .marks [role="group"]`);
  const names = async () => lanes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label').split(':')[0]));
  await until(async () => (await names()).length === 2, 'two lanes without Dim');
  await page.getByRole('checkbox', { name: /^Dim filtered-out events/ }).check();
  await until(async () => (await names()).length > 2, 'more lanes with Dim');
  const shown = await names();
  assert.ok(shown.includes('Afghanistan') && shown.includes('Piracy'), `the filter's lanes stay (${shown.join(' | ')})`);
  assert.ok(shown.includes('High-Level Diplomacy'), `a lane of events left out (${shown.join(' | ')})`);
  // Its count says how many pass of how many it draws.
  const cyber = DATA.events.filter((e) => e.domains.includes('cyber'));
  const cyberKept = cyber.filter((e) => e.domains.includes('afghanistan') || e.domains.includes('piracy'));
  assert.ok(await page.locator(`${TIMELINE} .marks [role="group"][aria-label="Cyber: ${cyberKept.length} of ${cyber.length} events"]`).count() === 1,
    `the Cyber lane says ${cyberKept.length} of ${cyber.length} events (${(await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).join(' | ')})`);
  await until(async () => (await page.locator(`${TIMELINE} .marks .mark.dimmed`).count()) > 0, 'dimmed events drawn');
  await page.locator('#timeline').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: artifact('readable-dim-lanes-by-domain.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Back and Forward move the Lanes select with the lanes it drew', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: VIEWPORTS[1] });
  const lanes = page.getByRole('combobox', { name: 'Lanes', exact: true });
  const group = () => new URL(page.url()).searchParams.get('group');
  await lanes.selectOption('domain');
  await until(() => group() === 'domain', 'the link carries group=domain');
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await until(() => new URL(page.url()).searchParams.get('domain') === 'piracy', 'the link carries the filter');
  await lanes.selectOption('none');
  await until(() => group() === null, 'one set again');
  await page.goBack();
  await until(() => group() === 'domain', 'Back goes to the lanes by domain');
  await until(async () => /in lanes by domain/.test(await page.locator(TIMELINE).getAttribute('aria-label')), 'the timeline is in lanes by domain');
  assert.equal(await lanes.inputValue(), 'domain', 'the select says by domain, as drawn');
  await page.goForward();
  await until(() => group() === null, 'Forward goes to one set');
  await until(async () => !/in lanes/.test(await page.locator(TIMELINE).getAttribute('aria-label')), 'the timeline is one set');
  assert.equal(await lanes.inputValue(), 'none', 'the select says one set, as drawn');
  // Chosen from there, by domain takes again.
  await lanes.selectOption('domain');
  await until(() => group() === 'domain', 'by domain chosen after Forward');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const viewport of VIEWPORTS) {
  test(`${size(viewport)}: each phase's name is drawn whole, in two lines where its band has no room for one, never cut to a word`, async () => {
    const page = await load(browser, server.origin + '/', { marks: true, viewport });
    await timelineReady(page);
    // The names as drawn: the timeline saved as SVG holds the drawing's words.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
    const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    const lines = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return [...doc.querySelectorAll('text')].map((t) => ({ x: +t.getAttribute('x'), y: +t.getAttribute('y'), bold: t.getAttribute('font-weight') === '600', text: t.textContent }));
    }, svg);
    // The names' row, in bold under the axis's years and above the lanes: one line, or two from
    // one x.
    const years = Math.max(...lines.filter((l) => /^\d{4}$/.test(l.text)).map((l) => l.y));
    const named = new Map();
    for (const l of lines.filter((l) => l.bold && l.y > years + 15 && l.y < years + 40).sort((a, b) => a.y - b.y)) {
      named.set(l.x, [...(named.get(l.x) ?? []), l.text]);
    }
    const whole = DATA.phases.map((p) => p.label);
    const names = [...named.values()];
    for (const name of names) {
      assert.ok(whole.includes(name.join(' ')), `"${name.join(' / ')}" is a phase's whole name`);
    }
    assert.ok(names.length >= 3, `the phases are named (${names.map((n) => n.join(' / ')).join(' | ')})`);
    assert.ok(names.some((n) => n.length === 2), 'a name with no room on one line takes two');
    const box = await page.locator(TIMELINE).boundingBox();
    await page.screenshot({ path: artifact(`readable-phase-names-${viewport.width}.png`), clip: { x: box.x, y: box.y, width: box.width, height: 160 } });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// Zoomed into a few months of 2014, the year-only events of 2014 have their marks at mid-year,
// out of view, and their brackets across it: each is named on its bracket, and the bracket is
// what the pointer finds (they were bare lines, named nowhere, with a 4 px target at the edge).
test('1280×800: March to May 2014 names each year-only event of 2014 on its bracket, the bracket its target', async () => {
  const page = await load(browser, server.origin + '/?from=2014-03-01&to=2014-06-01', { marks: true, viewport: { width: 1280, height: 800 } });
  await timelineReady(page);
  const yearOnly = DATA.events.filter((e) => e.start === '2014' && !e.end).map((e) => e.title);
  assert.ok(yearOnly.length >= 3, `2014's year-only events (${yearOnly.join(' | ')})`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
  const svg = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
  const drawn = await page.evaluate((text) => [...new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent), svg);
  const drawing = await page.locator(TIMELINE).boundingBox();
  for (const title of yearOnly) {
    assert.ok(drawn.includes(title), `"${title}" is drawn`);
    const mark = page.locator(`${TIMELINE} .marks .mark`).filter({ has: page.locator('title', { hasText: title }) }).first();
    const box = await mark.boundingBox();
    assert.ok(box && box.width > drawing.width * 0.5, `"${title}": its target runs along its bracket (${box && Math.round(box.width)} px)`);
  }
  const box = await page.locator(TIMELINE).boundingBox();
  await page.screenshot({ path: artifact('readable-brackets-named-1280.png'), clip: { x: box.x, y: box.y, width: box.width, height: 260 } });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// An uncertain year ("1980?") or an approximate one ("2005~") zoomed inside it is drawn as a
// plain year is (2017's, above): its bracket across the window, named on it, rather than a mark
// at 1 July, a day the source does not give; the details still say what the source says.
for (const [id, from, to, said] of [
  ['1980-parliamentarians-observe-nato-assembly', '1980-03-01', '1980-09-01', '1980 (uncertain)'],
  ['2004-common-values-first-invoked', '2005-03-01', '2005-08-01', 'circa 2005'],
  ['2017-abe-visits-nato', '2017-04-01', '2017-09-01', '2017'],
]) {
  test(`1280×800: ${said}, selected and zoomed inside its year, is its year's bracket, not a mark at mid-year`, async () => {
    const page = await load(browser, `${server.origin}/?event=${id}&from=${from}&to=${to}`, { marks: true, viewport: { width: 1280, height: 800 } });
    await timelineReady(page);
    const title = DATA.events.find((e) => e.id === id).title;
    assert.equal(await page.locator('.detail .date').first().textContent(), said);
    const drawing = await page.locator(TIMELINE).boundingBox();
    // A mark's target is the mark and its name; a bracket's, the bracket.
    const box = await page.locator(`${TIMELINE} .marks .mark.selected`).boundingBox();
    assert.ok(box && box.width > drawing.width * 0.9, `"${title}": its target runs along its bracket across the window (${box && Math.round(box.width)} of ${Math.round(drawing.width)} px)`);
    await page.screenshot({ path: artifact(`readable-year-bracket-${id}.png`), clip: { x: drawing.x, y: drawing.y, width: drawing.width, height: 260 } });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// On a phone a title is often wider than the room either side of its mark: it goes in two lines,
// in its lane and the one below, rather than leaving a bare mark (2010–2011 had five).
test('375×667 (touch): a title with no room on one line is named in two, and every event of 2010–2011 is named', async () => {
  const page = await load(browser, server.origin + '/?from=2010-01-01&to=2012-01-01', {
    marks: true, viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true,
  });
  await timelineReady(page);
  const marks = page.locator(`${TIMELINE} .marks .mark`);
  const boxes = await marks.evaluateAll((els) => els.map((e, i) => {
    const r = e.getBoundingClientRect();
    return { i, name: e.getAttribute('aria-label'), x: r.x, y: r.y, width: r.width, height: r.height };
  }));
  assert.ok(boxes.length >= 10, `the window's events (${boxes.length})`);
  const bare = boxes.filter((b) => b.width < 30).map((b) => b.name);
  assert.deepEqual(bare, [], 'every event is named beside its mark');
  const lane = Math.min(...boxes.map((b) => b.height));
  const twoLines = boxes.filter((b) => b.height > 1.5 * lane);
  assert.ok(twoLines.length >= 3, `titles in two lines (${twoLines.map((b) => b.name).join(' | ')})`);
  // The second line is drawn: dark text in the lower half of each such target.
  for (const { i, name } of twoLines) {
    await marks.nth(i).scrollIntoViewIfNeeded();
    const b = { name, ...(await marks.nth(i).boundingBox()) };
    const lower = { x: b.x, y: b.y + b.height / 2 + 2, width: b.width, height: b.height / 2 - 4 };
    const dark = (await drawnColours(page, lower))
      .filter(([c]) => c.match(/\d+/g).slice(0, 3).reduce((a, v) => a + +v, 0) < 3 * 110)
      .reduce((n, [, count]) => n + count, 0);
    assert.ok(dark > 20, `the second line of "${b.name}" is drawn (${dark} dark pixels)`);
  }
  await page.locator('#timeline').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: artifact('readable-two-lines-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/**
 * Where the timeline's canvas draws the lanes' headings, top to bottom, in the drawing's
 * coordinates: the bands of the page's panel colour at least 20 px tall along its left edge
 * (a heading is drawn over the phases' tints, which differ from it), those in the window.
 */
async function headingTops(page) {
  const canvas = page.locator('.timeline-canvas canvas.drawing');
  const [r, g, b] = await canvas.evaluate((c) => {
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = getComputedStyle(c).getPropertyValue('--panel').trim();
    probe.fillRect(0, 0, 1, 1);
    return [...probe.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  });
  const top = await canvas.evaluate((c) => parseFloat(c.style.top || '0'));
  // A strip 60 px wide along the drawing's left edge, as shown, row by row: a row of a heading
  // has the panel's colour (about its name's letters, and inside the focus's outline at the edge
  // when the timeline has the focus), a row of a lane none of it.
  const area = await drawingBox(page);
  const strip = await shownPixels(page, { x: area.x, y: area.y, width: 60, height: area.height });
  const { ratio, data } = strip;
  // The strip's first row, in the drawing's coordinates (the part of it in the window).
  const first = top + strip.origin.y - area.y;
  const panel = (y) => {
    let n = 0;
    for (let x = 0; x < strip.width; x++) {
      const i = 4 * (y * strip.width + x);
      if (data[i] === r && data[i + 1] === g && data[i + 2] === b) n++;
    }
    return n > 0;
  };
  const tops = [];
  let run = 0;
  for (let y = 0; y <= strip.height; y++) {
    if (y < strip.height && panel(y)) run++;
    else {
      if (run >= 20 * ratio) tops.push(Math.round(first + (y - run) / ratio));
      run = 0;
    }
  }
  return tops;
}

// In lanes, events come into view and leave as one pans: a lane that needed fewer rows gave them
// up at once, and every heading below it jumped up, then down again a moment later.
test('1280×800: panning the lanes by domain, no heading moves up while the drag goes on; they settle once it pauses', async () => {
  const page = await load(browser, server.origin + '/?group=domain&from=2013-01-01&to=2017-01-01', { marks: true });
  await windowSettled(page);
  const box = await page.locator(TIMELINE).boundingBox();
  const before = await headingTops(page);
  assert.ok(before.length >= 4, `the lanes' headings are found on the canvas (${before.join(', ')})`);
  const [x, y] = [box.x + box.width - 80, box.y + 150];
  await page.mouse.move(x, y);
  await page.mouse.down();
  let last = before;
  const ups = [];
  for (let i = 1; i <= 30; i++) {
    await page.mouse.move(x - i * 25, y);
    // The frame with this move's drawing has been painted.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const now = await headingTops(page);
    for (let k = 0; k < Math.min(now.length, last.length); k++) {
      if (now[k] < last[k]) ups.push(`move ${i}: heading ${k + 1} from ${last[k]} to ${now[k]}`);
    }
    last = now;
  }
  const during = await timelineWindow(page);
  assert.ok(yearOf(during.start) >= 2015, `the drag panned the window (${span(during)})`);
  await page.screenshot({ path: artifact('readable-lanes-pan-1280.png') });
  await page.mouse.up();
  assert.deepEqual(ups, [], 'no heading moved up during the drag');
  // Once the gesture pauses, the lanes take the rows the new window needs: as drawn when its
  // link is opened afresh.
  await windowSettled(page);
  await until(() => {
    const named = queryWindow(new URL(page.url()).search);
    return named && yearOf(named[0]) >= 2015;
  }, 'the link names the new window');
  const fresh = await load(browser, page.url(), { marks: true });
  await windowSettled(fresh);
  const settled = await headingTops(fresh);
  await until(async () => JSON.stringify(await headingTops(page)) === JSON.stringify(settled), `the headings settle where the window's link draws them (${settled.join(', ')})`);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(fresh.problems, []);
  await fresh.context().close();
  await page.context().close();
});

// The same with the keyboard: each arrow eases the window a fifth of its width, and no heading
// moves up while it eases; it settles once the window is at rest.
test('1280×800: panning the lanes by domain with the arrow keys, no heading moves up while the window eases', async () => {
  const page = await load(browser, server.origin + '/?group=domain&from=2012-01-01&to=2016-01-01', { marks: true });
  await windowSettled(page);
  await page.locator(TIMELINE).focus();
  let last = await headingTops(page);
  assert.ok(last.length >= 4, `the lanes' headings are found on the canvas (${last.join(', ')})`);
  const ups = [];
  const before = await timelineWindow(page);
  for (let press = 1; press <= 6; press++) {
    const from = await timelineWindow(page);
    // Where the arrow sends the window: a fifth of its width later.
    const to = from.start + (from.end - from.start) / 5;
    await page.keyboard.press('ArrowRight');
    // Every frame of the easing, and a few after it (once at rest, the lanes may settle).
    for (let frame = 0; frame < 16; frame++) {
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
      const [now, at] = [await headingTops(page), await timelineWindow(page)];
      const easing = Math.abs(at.start - to) > 0.5;
      for (let k = 0; easing && k < Math.min(now.length, last.length); k++) {
        if (now[k] < last[k]) ups.push(`press ${press}, frame ${frame}: heading ${k + 1} from ${last[k]} to ${now[k]}`);
      }
      last = now;
    }
    await windowSettled(page);
    last = await headingTops(page);
  }
  const moved = await timelineWindow(page);
  assert.ok(moved.start > before.start + 365, `the keys panned the window (${span(before)} → ${span(moved)})`);
  assert.deepEqual(ups, [], 'no heading moved up while the window eased');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Lanes by domain make the drawing some 3,000 px tall, its years drawn only at its top: scrolled
// down to the lower lanes, a reader could not tell their dates. The axis stays in sight then, at
// the window's top, and follows a pan.
test('1280×800: scrolled down the lanes by domain, the years stay at the window\'s top and follow a pan', async () => {
  const page = await load(browser, server.origin + '/?group=domain&from=1990-01-01&to=2010-01-01', { marks: true });
  await windowSettled(page);
  const strip = page.locator('.timeline-canvas canvas.axis-stuck');
  /** The drawing's own axis (its top 40 px) as shown with the page at its top, and the window's top 40 px over the drawing once scrolled down. */
  const axisAtTop = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await until(async () => !(await strip.isVisible()), 'the drawing\'s own axis in view, no strip over it');
    const box = await page.locator(TIMELINE).boundingBox();
    return shownPixels(page, { x: box.x, y: box.y, width: box.width, height: 40 });
  };
  const topWhenScrolled = async () => {
    await page.evaluate(() => window.scrollTo(0, 1400));
    await until(() => strip.isVisible(), 'the strip shows once the drawing\'s axis is above the window');
    const box = await page.locator(TIMELINE).boundingBox();
    assert.ok(box.y < -1000 && box.y + box.height > 800, `the drawing runs from above the window to below it (${Math.round(box.y)}, ${Math.round(box.height)} px tall)`);
    return shownPixels(page, { x: box.x, y: 0, width: box.width, height: 40 });
  };
  // The share of 4 × 4 blocks whose mean brightness differs (the two canvases stand at a fraction
  // of a pixel, each resampled its own way: the letters' edges differ pixel by pixel).
  const same = (a, b) => {
    assert.equal(a.data.length, b.data.length);
    const mean = (img, bx, by) => {
      let sum = 0;
      for (let y = by; y < by + 4; y++) for (let x = bx; x < bx + 4; x++) {
        const i = (y * img.width + x) * 4;
        sum += img.data[i] + img.data[i + 1] + img.data[i + 2];
      }
      return sum / 48;
    };
    let differ = 0, blocks = 0;
    for (let by = 0; by + 4 <= a.height; by += 4) for (let bx = 0; bx + 4 <= a.width; bx += 4) {
      blocks++;
      if (Math.abs(mean(a, bx, by) - mean(b, bx, by)) > 24) differ++;
    }
    return differ / blocks;
  };
  const inks = (image) => {
    // Dark pixels: the years' letters and the ticks (the band is light).
    let n = 0;
    for (let i = 0; i < image.data.length; i += 4) if (image.data[i] + image.data[i + 1] + image.data[i + 2] < 300) n++;
    return n;
  };
  const axis = await axisAtTop();
  assert.ok(inks(axis) > 120, `the drawing's axis shows its years (${inks(axis)} dark px)`);
  const scrolled = await topWhenScrolled();
  await page.screenshot({ path: artifact('readable-axis-kept-1280.png') });
  assert.ok(same(axis, scrolled) < 0.02, `scrolled down, the window's top shows the drawing's axis (${(100 * same(axis, scrolled)).toFixed(1)} % of pixels differ)`);
  // A drag while scrolled down: the years move with the drawing.
  const box = await page.locator(TIMELINE).boundingBox();
  const y = 300;
  await page.mouse.move(box.x + box.width - 100, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width - 100 - i * 30, y);
  await page.mouse.up();
  await windowSettled(page);
  const moved = await shownPixels(page, { x: box.x, y: 0, width: box.width, height: 40 });
  assert.ok(same(scrolled, moved) > 0.005, 'after the pan, the years at the window\'s top moved');
  const axisAfter = await axisAtTop();
  assert.ok(same(axisAfter, moved) < 0.02, `after the pan, the window's top showed the drawing's axis as the pan left it (${(100 * same(axisAfter, moved)).toFixed(1)} % differ)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
