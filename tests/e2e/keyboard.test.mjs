// A keyboard-only journey: from the top of the page, with the keyboard alone, narrow to
// Afghanistan, move into the timeline, zoom in, select an event, read it, open one of its sources,
// come back, clear the filters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, load, goto, artifact, dataset, listReady, windowSettled, timelineReady, timelineWindow, until, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
/** The calendar year of a day of the timeline (days from 1970-01-01). */
const yearOf = (day) => new Date(day * 86_400_000).getUTCFullYear();

/** Presses Tab until `predicate(activeElement)` holds; fails after `limit` presses. */
async function tabTo(page, what, predicate, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return i + 1;
  }
  throw new Error(`${what} not reached in ${limit} Tab presses`);
}

const focusVisible = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (el instanceof SVGElement) return true; // marks show focus on their point and label
  const s = getComputedStyle(el);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
});

test('keyboard only: filter, zoom, select, read, open a source, come back, clear', async () => {
  const page = await openPage(browser);
  // External links open a stub: nothing leaves this machine.
  await page.context().route((url) => !url.href.startsWith(server.origin), (route) => route.fulfill({ contentType: 'text/html', body: '<title>Source</title><p>The cited source</p>' }));
  await goto(page, server.origin + '/', { marks: true });

  await tabTo(page, 'the skip link', () => document.activeElement.textContent === 'Skip to timeline', 3);
  assert.ok(await focusVisible(page), 'focus is visible on the skip link');
  await tabTo(page, 'the Afghanistan checkbox', () => document.activeElement.type === 'checkbox' && document.activeElement.labels?.[0]?.textContent.trim() === 'Afghanistan');
  assert.ok(await focusVisible(page), 'focus is visible on the checkbox');
  await page.keyboard.press('Space');
  const afghanistan = DATA.events.filter((e) => e.domains.includes('afghanistan'));
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), afghanistan.length);

  await tabTo(page, 'the timeline', () => document.activeElement.getAttribute('aria-roledescription') === 'timeline');
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const span = () => svg.evaluate((s) => +s.dataset.end - +s.dataset.start);
  const before = await span();
  await page.keyboard.press('+');
  // The zoom animates; on a busy machine its frames may come late.
  await page.waitForFunction((b) => {
    const s = document.querySelector('svg[aria-roledescription="timeline"]');
    return b / (+s.dataset.end - +s.dataset.start) > 1.9;
  }, before, { timeout: 5000 }).catch(() => {});
  assert.ok(before / (await span()) > 1.9, 'zoomed in');

  // Into the events (once the accessible layer has followed the zoom), then with the arrow keys
  // to one that cites a source with a link.
  await windowSettled(page);
  await page.keyboard.press('Tab');
  const hasLink = (title) => afghanistan.some((e) => e.title === title && e.footnotes.some((n) => DATA.footnotes[n - 1].url));
  let name = null;
  for (let i = 0; i < 40; i++) {
    name = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.ok(name && name.includes(' — '), `an event has focus: ${name}`);
    if (hasLink(name.split(' — ').slice(1).join(' — '))) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  const title = name.split(' — ').slice(1).join(' — ');
  const details = page.getByRole('complementary', { name: title });
  await details.waitFor();
  const event = afghanistan.find((e) => e.title === title);
  assert.ok(event, 'the selected event is an Afghanistan event');
  assert.ok((await details.textContent()).includes(event.summary), 'its summary can be read');

  const presses = await tabTo(page, 'a source link', () => document.activeElement.closest('.footnotes') !== null && document.activeElement.tagName === 'A', 80);
  assert.ok(presses < 60, `the sources are ${presses} Tab presses away`);
  assert.ok(await focusVisible(page), 'focus is visible on the link');
  const [source] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('Enter')]);
  await source.waitForLoadState();
  assert.equal(await source.title(), 'Source');
  await source.close();
  await page.bringToFront();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'A', 'focus is back on the link');

  // The details have the filters' place; the chips above the timeline name the filters in force.
  await tabTo(page, 'Clear all, after the filters’ chips', () => document.activeElement.closest('.chips') !== null && document.activeElement.textContent === 'Clear all', 200);
  await page.keyboard.press('Enter');
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('each filter is one Tab stop: the arrow keys move through its values, → reaches a value’s only, Space ticks, and Tab goes on to the next filter', async () => {
  const page = await load(browser, server.origin + '/');
  const focusedName = () => page.evaluate(() => {
    const el = document.activeElement;
    return el.type === 'checkbox' ? el.labels[0].textContent.trim() : el.getAttribute('aria-label');
  });
  const phases = DATA.phases.map((p) => p.label);
  await page.getByRole('checkbox', { name: phases[0], exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(), phases[1]);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedName(), `Only ${phases[1]}`, '→ goes to the value’s only');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedName(), `Only ${phases[2]}`, '↓ stays in the column');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedName(), phases[2], '← comes back to the checkbox');
  await page.keyboard.press('End');
  assert.equal(await focusedName(), phases.at(-1));
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await listReady(page);
  assert.equal(await page.getByRole('checkbox', { name: phases[1], exact: true }).isChecked(), true, 'Space ticks the value');
  assert.equal(await focusedName(), phases[1], 'and the focus stays on it');
  // One press to the next filter, one more to the third; Shift+Tab back to the value left.
  // (To the first value each can take: those the ticked phase leaves empty are disabled.)
  const firstEnabled = (facet) => page.getByRole('group', { name: facet }).locator('input:not(:disabled)').first().evaluate((el) => el.labels[0].textContent.trim());
  await page.keyboard.press('Tab');
  assert.equal(await focusedName(), await firstEnabled('Domain'), 'Tab goes on to the domains');
  await page.keyboard.press('Tab');
  const party = await firstEnabled('Third party');
  assert.equal(await focusedName(), party, 'and on to the third parties');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedName(), phases[1], 'Shift+Tab comes back to the phase last left');
  const stops = await page.locator('.facet ul').evaluateAll((lists) => lists.map((l) => l.querySelectorAll('[tabindex="0"]').length));
  assert.deepEqual(stops, stops.map(() => 1), 'one control of each filter is in the Tab order');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the event list is one Tab stop: the arrow keys, Home and End move through it, and Tab comes back to the entry last left', async () => {
  const page = await load(browser, server.origin + '/');
  await listReady(page);
  const list = page.locator('.event-list ol');
  const entries = list.getByRole('button');
  const focusedTitle = () => page.evaluate(() => document.activeElement?.closest('.event-list li')?.querySelector('.title')?.textContent ?? null);
  await entries.first().focus();
  assert.equal(await focusedTitle(), DATA.events[0].title);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedTitle(), DATA.events[2].title, 'two entries down');
  await page.keyboard.press('End');
  const last = await entries.last().locator('.title').textContent();
  assert.equal(await focusedTitle(), last, 'End goes to the last entry drawn');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedTitle(), DATA.events[1].title);
  // Tab leaves the list at once (not to the next of its entries), Shift+Tab comes back to it.
  await page.keyboard.press('Tab');
  assert.equal(await focusedTitle(), null, 'Tab left the list');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await focusedTitle(), DATA.events[1].title, 'Shift+Tab came back to the entry last left');
  assert.equal(await entries.evaluateAll((bs) => bs.filter((b) => b.tabIndex === 0).length), 1, 'one entry is in the Tab order');
  // Enter selects it, as before.
  await page.keyboard.press('Enter');
  await page.locator('.detail').getByRole('heading', { level: 2, name: DATA.events[1].title }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone: filters in a drawer, a tap selects, details in a sheet, no sideways scroll', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const afghanistan = page.getByRole('checkbox', { name: 'Afghanistan', exact: true });
  // The filters are drawn just after the first frame; the drawer hides them from the start.
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
  assert.equal(await afghanistan.isVisible(), false, 'the filters start folded away');
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await toggle.tap();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await afghanistan.tap();
  assert.match(await toggle.textContent(), /Filters \(1 on\) · showing 16 of 113/);
  // The drawer is over the page: its own button closes it.
  await page.getByRole('button', { name: 'Close the filters' }).tap();
  assert.equal(await afghanistan.isVisible(), false);

  // The window follows the filter to its events: the marks are where they come to rest.
  await windowSettled(page);
  const mark = page.locator('.marks .mark[role="button"]').first();
  await mark.scrollIntoViewIfNeeded();
  const name = await mark.getAttribute('aria-label');
  await mark.tap();
  const sheet = page.getByRole('complementary', { name: name.split(' — ').slice(1).join(' — ') });
  await sheet.waitFor();
  const box = await sheet.boundingBox();
  assert.ok(box.y + box.height <= 667 + 1 && box.y > 667 * 0.3, `the details sit as a sheet at the bottom (${box.y}, ${box.height})`);
  const status = await page.locator('[aria-live="polite"]').filter({ hasText: /^Selected:/ }).textContent();
  assert.equal(status, `Selected: ${name}`, 'the selection is announced');
  await page.screenshot({ path: artifact('mobile.png') });
  await sheet.getByRole('button', { name: 'Close' }).tap();
  await page.locator('aside.detail.empty').waitFor({ state: 'attached' });
  assert.equal(await sheet.count(), 0, 'the sheet is gone');
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(scroll <= 0, `no horizontal page scroll (${scroll} px)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: Enter on a badge zooms in to spread its events; Enter on a lane header folds the lane, which keeps the focus', async () => {
  // 3,000 generated events at 700 px fold some into badges.
  const page = await load(browser, server.origin + '/?synthetic=3000', { marks: true, viewport: { width: 700, height: 800 } });
  await windowSettled(page);
  await timelineReady(page);
  const badge = page.locator(`${TIMELINE} .marks .cluster`).first();
  const name = await badge.getAttribute('aria-label');
  const before = await timelineWindow(page);
  await badge.focus();
  await page.keyboard.press('Enter');
  const after = await windowSettled(page, { from: before });
  assert.ok(after.end - after.start < before.end - before.start, `Enter on "${name}" narrows the window`);
  assert.ok(after.start >= before.start - 1e-6 && after.end <= before.end + 1e-6, `Enter on "${name}" keeps within the window`);

  await goto(page, server.origin + '/?group=domain');
  await timelineReady(page);
  const header = page.locator(`${TIMELINE} .group-head`).first();
  const lane = await header.getAttribute('aria-label');
  assert.equal(await header.getAttribute('aria-expanded'), 'true', `${lane} is open`);
  await header.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await page.locator(`${TIMELINE} .group-head`).first().getAttribute('aria-expanded')) === 'false', `Enter folds ${lane}`);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), await header.getAttribute('aria-label'),
    'the folded lane\'s header keeps the focus');
  await page.keyboard.press('Space');
  await until(async () => (await page.locator(`${TIMELINE} .group-head`).first().getAttribute('aria-expanded')) === 'true', `Space opens ${lane} again`);

  // One lane, folded: its header is then the timeline's Tab stop, so that it can be opened again.
  await goto(page, server.origin + '/?domain=afghanistan&group=domain');
  await timelineReady(page);
  const only = page.locator(`${TIMELINE} .group-head`);
  assert.equal(await only.count(), 1, 'one lane');
  await only.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await only.getAttribute('aria-expanded')) === 'false', 'Enter folds the only lane');
  await timelineReady(page);
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => !document.activeElement.closest('.marks')), 'Tab leaves the timeline');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), await only.getAttribute('aria-label'),
    'Shift+Tab comes back to the folded lane\'s header');
  await page.keyboard.press('Enter');
  await until(async () => (await only.getAttribute('aria-expanded')) === 'true', 'Enter opens it again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** What has the focus: its accessible name (aria-label, else its text), or "the page" for the body. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'the page';
  return (el.getAttribute('aria-label') || el.textContent || el.tagName).replace(/\s+/g, ' ').trim();
});

// The browser gives the focus to the page's body when the element that had it goes (removed,
// disabled, or made anew by a render): keys then do nothing there, and Tab starts from the top.
test('a chip removed with a click hands the focus to the next chip without moving the page; "Clear all" from the keyboard, to the timeline after the chips', async () => {
  const page = await load(browser, server.origin + '/?domain=afghanistan,cyber,piracy', { marks: true });
  await listReady(page);
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  const chip = (name) => chips.getByRole('button', { name: new RegExp(`Remove the filter Domain ?${name}`) });
  // The focused chip's words (none where the focus is elsewhere).
  const active = () => page.evaluate(() => document.activeElement?.closest('.chips button')?.textContent?.trim() ?? '');
  const scrolled = () => page.evaluate(() => window.scrollY);
  const before = await scrolled();
  // A click, as a screen reader's browse mode activates a button: its reader was sent back to
  // the top of the page. (The page's title clicked first: the pointer is the last input.)
  await page.getByRole('heading', { level: 1 }).click();
  await chip('Cyber').click();
  await chip('Cyber').waitFor({ state: 'detached' });
  await until(async () => /Piracy/.test(await active()), 'the next chip takes the focus');
  assert.equal(await scrolled(), before, 'the page stays where it was');
  await chips.getByRole('button', { name: 'Clear all', exact: true }).focus();
  await page.keyboard.press('Enter');
  await chips.waitFor({ state: 'detached' });
  await until(() => page.evaluate(() => document.activeElement?.id === 'timeline-drawing'), 'the focus goes on to the timeline\'s drawing, which followed the chips');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: the focus never falls to the page when what had it goes: chips, a facet\'s clear, Previous, the story\'s arrows, a badge; "+" on an event zooms about it', async () => {
  // Each part on a page of its own (a page left while it loads reports its aborted requests).
  let page = await load(browser, server.origin + '/?domain=afghanistan,cyber,piracy', { marks: true });
  const next = async (url) => {
    assert.deepEqual(page.problems, []);
    await page.context().close();
    page = await load(browser, server.origin + url, { marks: true });
  };
  await listReady(page);
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  const chip = (name) => chips.getByRole('button', { name: new RegExp(`Remove the filter Domain ?${name}`) });
  // The middle chip: the one after it takes the focus (not the first, nor a button that now
  // names another chip).
  await chip('Cyber').focus();
  await page.keyboard.press('Enter');
  await chip('Cyber').waitFor({ state: 'detached' });
  await until(async () => /Piracy/.test(await focused(page)), 'the next chip takes the focus');
  await page.keyboard.press('Enter');
  await chip('Piracy').waitFor({ state: 'detached' });
  await until(async () => (await focused(page)) === 'Clear all', 'after the last chip, "Clear all" takes the focus');
  assert.equal(await chip('Afghanistan').count(), 1, 'the first chip is still there');

  // A facet's clear, disabled once it has cleared: the focus goes to the facet's values.
  await page.getByRole('checkbox', { name: /^Cyber/ }).check();
  const clear = page.getByRole('button', { name: 'Clear domain' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await until(() => clear.isDisabled(), 'the facet is cleared');
  await until(async () => page.evaluate(() => document.activeElement.closest('.facet')?.querySelector('h3')?.textContent === 'Domain'), 'the focus stays in the Domain filter');

  // Previous at the second event: the first has no Previous; it says so, and keeps the focus.
  // (The file's order is the chronology's.)
  const byDate = DATA.events;
  await next(`/?event=${byDate[1].id}`);
  const previous = page.getByRole('button', { name: '← Previous' });
  await previous.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await previous.getAttribute('aria-disabled')) === 'true', 'the first event is shown');
  assert.equal(await focused(page), '← Previous', 'Previous keeps the focus');
  // Next at the last event but one: the last has no Next; the focus stays in the details (it
  // went out of them, to the overview's chart).
  await next(`/?event=${byDate.at(-2).id}`);
  const nextEvent = page.getByRole('button', { name: 'Next →' });
  await nextEvent.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await nextEvent.getAttribute('aria-disabled')) === 'true', 'the last event is shown');
  assert.equal(await focused(page), 'Next →', 'Next keeps the focus');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Next →', 'past the end nothing moves');
  // Close, on details the link opened: the timeline takes the focus (where the event was), not
  // the control after the details (the overview's chart).
  const close = page.getByRole('complementary').getByRole('button', { name: 'Close', exact: true });
  await close.focus();
  await page.keyboard.press('Enter');
  await close.waitFor({ state: 'detached' });
  await until(async () => /^Timeline of/.test(await focused(page)), 'the timeline takes the focus');

  // The story's arrows, scene after scene, with its heading focused.
  await next('/');
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  const heading = page.locator('#story-heading');
  await until(() => heading.evaluate((h) => h === document.activeElement), 'the first scene\'s heading has the focus');
  for (let n = 2; n <= 5; n++) {
    await page.keyboard.press('ArrowRight');
    await until(async () => (await page.locator('.story-progress').textContent()).includes(`Scene ${n} of`), `→ shows scene ${n}`);
    await until(() => heading.evaluate((h) => h === document.activeElement), `scene ${n}'s heading has the focus`);
  }
  await page.keyboard.press('Escape');

  // "+" on a focused mark zooms about it: it stays in view (about the centre, the first event
  // left it); the timeline keeps the focus, and its keys.
  await next('/');
  await timelineReady(page);
  const first = page.locator(`${TIMELINE} .marks .mark`).first();
  const name = await first.getAttribute('aria-label');
  await first.focus();
  const wide = await timelineWindow(page);
  await page.keyboard.press('+');
  const closer = await windowSettled(page, { from: wide });
  await until(async () => page.evaluate(() => !!document.activeElement.closest('svg[aria-roledescription="timeline"]')), 'the timeline keeps the focus');
  await timelineReady(page);
  assert.equal(await page.locator(`${TIMELINE} .marks .mark[aria-label="${name}"]`).count(), 1, `"${name}" is still in view`);
  await page.keyboard.press('+');
  const closest = await windowSettled(page, { from: closer });
  assert.ok(closest.end - closest.start < closer.end - closer.start, '"+" zooms in again');

  // A badge: Enter zooms in to its events; the timeline keeps the focus, and "+" zooms on.
  await next('/?synthetic=3000');
  await windowSettled(page);
  await timelineReady(page);
  const before = await timelineWindow(page);
  await page.locator(`${TIMELINE} .marks .cluster`).first().focus();
  await page.keyboard.press('Enter');
  const opened = await windowSettled(page, { from: before });
  await until(async () => page.evaluate(() => !!document.activeElement.closest('svg[aria-roledescription="timeline"]')), 'the timeline keeps the focus after the badge opens');
  await page.keyboard.press('+');
  const on = await windowSettled(page, { from: opened });
  assert.ok(on.end - on.start < opened.end - opened.start, '"+" zooms in after the badge');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Next opens the next event at the top of its details, and the reader goes on pressing it:
// the button stayed at the foot of the details, 700 px below the panel's edge, its focus ring
// out of sight. It stands at the panel's foot in view, the new event's heading at its top.
for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
  test(`keyboard: walking the chronology with Next, the button with the focus stays in view with the new heading (${viewport.width} px)`, async () => {
    const byDate = DATA.events; // (The file's order is the chronology's.)
    const page = await load(browser, server.origin + `/?event=${byDate[0].id}`, { marks: true, viewport });
    const details = page.getByRole('complementary', { name: byDate[0].title });
    await details.waitFor();
    const walk = page.getByRole('button', { name: 'Next →' });
    await walk.focus();
    const seen = [];
    for (let k = 1; k <= 3; k++) {
      await page.keyboard.press('Enter');
      const heading = page.getByRole('heading', { level: 2, name: byDate[k].title, exact: true });
      await heading.waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Next →', 'Next keeps the focus');
      // What shows of each: inside the details' box and the screen.
      const shown = (locator) => locator.evaluate((el) => {
        const r = el.getBoundingClientRect(), box = el.closest('aside.detail').getBoundingClientRect();
        return r.top >= Math.max(0, box.top) - 1 && r.bottom <= Math.min(innerHeight, box.bottom) + 1;
      });
      await until(() => shown(heading), `event ${k}'s heading in view`);
      assert.ok(await shown(walk), `Next in view at event ${k}`);
      seen.push(k);
    }
    assert.equal(seen.length, 3);
    await page.screenshot({ path: artifact(`details-walk-${viewport.width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

// What Tab reaches in the details is scrolled clear of their sticky foot (a footnote's link
// stood under Previous and Next on a phone, out of sight; WCAG 2.4.11).
test('on a phone, Tab through an event\'s sources: each link it reaches stands clear of the details\' Previous and Next', async () => {
  const page = await load(browser, server.origin + '/?event=2017-10-31-stoltenberg-tokyo-speech', { marks: true, viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const details = page.locator('aside.detail');
  await details.getByRole('button', { name: 'Close', exact: true }).focus();
  let links = 0;
  for (let k = 0; k < 6; k++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      const el = document.activeElement, bar = document.querySelector('aside.detail .walk');
      if (!el.closest('aside.detail') || el.closest('.walk')) return null;
      const r = el.getBoundingClientRect(), b = bar.getBoundingClientRect(), head = document.querySelector('aside.detail .detail-head').getBoundingClientRect();
      return { tag: el.tagName, top: r.top, bottom: r.bottom, bar: b.top, head: head.bottom };
    });
    if (!at) continue;
    if (at.tag === 'A') links += 1;
    assert.ok(at.bottom <= at.bar + 1 && at.top >= at.head - 1, `Tab ${k + 1}: ${JSON.stringify(at)}`);
  }
  assert.ok(links >= 2, `the sources' links reached (${links})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: "Skip to timeline" puts the focus on the timeline, whose keys then work; the overview\'s window takes Home, End, Page Up and Page Down', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to timeline' });
  assert.ok(await skip.evaluate((a) => a === document.activeElement), 'the first Tab reaches the skip link');
  await page.keyboard.press('Enter');
  await until(() => page.locator(TIMELINE).evaluate((svg) => svg === document.activeElement), 'the timeline has the focus');
  const wide = await timelineWindow(page);
  await page.keyboard.press('+');
  const zoomed = await windowSettled(page, { from: wide });
  assert.ok(zoomed.end - zoomed.start < wide.end - wide.start, '"+" zooms in');
  const slider = page.getByRole('slider');
  await slider.focus();
  const span = zoomed.end - zoomed.start;
  await page.keyboard.press('End');
  const end = await windowSettled(page, { from: zoomed });
  assert.ok(Math.abs(end.end - end.start - span) < 1, 'End keeps the span');
  assert.ok(yearOf(end.end) >= 2019, `End goes to the chronology's end (${yearOf(end.end)})`);
  await page.keyboard.press('Home');
  const start = await windowSettled(page, { from: end });
  assert.ok(yearOf(start.start) <= 1979, `Home goes to its start (${yearOf(start.start)})`);
  await page.keyboard.press('PageUp');
  const later = await windowSettled(page, { from: start });
  assert.ok(Math.abs(later.start - start.end) < 1, 'Page Up moves a whole window later');
  await page.keyboard.press('PageDown');
  const back = await windowSettled(page, { from: later });
  assert.ok(Math.abs(back.start - start.start) < 1, 'Page Down a whole window back');
  // ↑ and ↓, as on any slider, move it (they scrolled the page, the window left as it was).
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('ArrowUp');
  const up = await windowSettled(page, { from: back });
  assert.ok(up.start > back.start, 'ArrowUp moves the window later');
  await page.keyboard.press('ArrowDown');
  const down = await windowSettled(page, { from: up });
  assert.ok(down.start < up.start, 'ArrowDown moves it earlier');
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page has not scrolled');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: closing an event\'s details with Escape leaves the page where it was, the focus back on the mark or the list\'s entry, in view', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 1280, height: 800 }, marks: true });
  const inView = () => page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  });
  // From the timeline: the skip link, the first mark, a few marks on, Enter, Escape.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(() => page.locator(TIMELINE).evaluate((svg) => svg === document.activeElement), 'the timeline has the focus');
  await page.keyboard.press('Tab');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  const mark = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.ok(mark, 'a mark has the focus');
  const before = await page.evaluate(() => scrollY);
  await page.keyboard.press('Enter');
  const heading = page.locator('.detail h2', { hasNotText: /^Event details$/ });
  await heading.waitFor();
  await page.keyboard.press('Escape');
  await heading.waitFor({ state: 'detached' });
  await until(async () => (await page.evaluate(() => document.activeElement.getAttribute('aria-label'))) === mark, 'the focus is back on the mark');
  await page.waitForTimeout(300); // what must not happen: the page jumping after
  assert.equal(await page.evaluate(() => scrollY), before, 'the page has not scrolled');
  assert.ok(await inView(), 'the mark is on the screen');
  // From the list, scrolled to: Enter, Escape.
  await listReady(page);
  const entry = page.locator('.event-list ol').getByRole('button').nth(20);
  await entry.focus();
  const title = await entry.locator('.title').textContent();
  await page.keyboard.press('Enter');
  await page.locator('.detail').getByRole('heading', { level: 2, name: title }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.detail').getByRole('heading', { level: 2, name: title }).waitFor({ state: 'detached' });
  await until(() => page.evaluate(() => document.activeElement?.closest('.event-list li')?.querySelector('.title')?.textContent ?? null).then((t) => t === title), 'the focus is back on the entry');
  await until(inView, 'the entry is on the screen');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// From an event's mark, End selected the last event and took the focus to its details: Home,
// [ and ] (and 0, +) then did nothing, the keys of the timeline were left behind. (Home on the
// first event's own mark, and End on a lane's header, did the same.)
test('keyboard: from an event\'s mark or a lane\'s header, Home, End, [ and ] go from event to event and the focus stays in the timeline', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 1280, height: 800 }, marks: true });
  const selected = () => page.evaluate(() => new URLSearchParams(location.search).get('event'));
  const inTimeline = (svg) => svg.contains(document.activeElement);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(() => page.locator(TIMELINE).evaluate((svg) => svg === document.activeElement), 'the timeline has the focus');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.getAttribute('data-action') === 'select'), 'a mark has the focus');
  const seen = [];
  // (Home first: the first event is the one whose mark has the focus.)
  for (const key of ['Home', 'End', 'Home', ']', ']', '[']) {
    const before = await selected();
    await page.keyboard.press(key);
    const now = await until(async () => { const e = await selected(); return e !== before && e; }, `${key} selects another event (was ${before})`);
    await page.locator('.detail h2', { hasNotText: /^Event details$/ }).waitFor();
    await page.waitForTimeout(150); // what must not happen: the focus leaving for the details
    assert.ok(await page.locator(TIMELINE).evaluate(inTimeline), `after ${key} the focus is still in the timeline (on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))})`);
    seen.push(now);
  }
  assert.notEqual(seen[1], seen[2], 'End and Home select different events');
  assert.equal(seen[5], seen[3], '[ goes back to the event ] left');
  // The event reached has the focus, on its mark; → goes on to the next mark from there.
  const label = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  const reached = await label();
  const title = await page.locator('.detail h2').textContent();
  assert.ok(reached?.endsWith(` — ${title}`), `the focus is on the mark of the event reached, ${title} (${reached})`);
  await page.keyboard.press('ArrowRight');
  await until(async () => { const now = await label(); return now && now !== reached; }, '→ moves on to the next mark');
  // Back on it, Enter reads it: its details take the focus (nothing did, the event already shown).
  await page.keyboard.press('ArrowLeft');
  await until(async () => (await label()) === reached, '← comes back to it');
  await page.keyboard.press('Enter');
  await until(() => page.evaluate(() => document.activeElement?.id === 'detail-heading'), 'Enter on the event shown takes the focus to its details');
  await page.keyboard.press('Escape');
  await until(async () => (await label()) === reached, 'Escape gives the focus back to its mark');
  assert.deepEqual(page.problems, []);
  // From a lane's header: End selects the last event, and the focus stays in the timeline.
  await page.goto(server.origin + '/?group=domain');
  const head = page.locator(`${TIMELINE} .group-head`).first();
  await head.waitFor();
  await head.focus();
  await page.keyboard.press('End');
  await until(selected, 'End selects the last event');
  await page.locator('.detail h2', { hasNotText: /^Event details$/ }).waitFor();
  await page.waitForTimeout(150); // what must not happen: the focus leaving for the details
  assert.ok(await page.locator(TIMELINE).evaluate(inTimeline), `after End on a lane's header the focus is still in the timeline (on ${await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80))})`);
  // (Navigating on may abort the previous page's icon request: not a problem.)
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

// An event drawn without its name was, to a sighted keyboard user, a shape: its name was in its
// box's <title>, which browsers show on hover only.
test('keyboard: the mark with the focus shows its date, whole title and domains beside it; the tip goes with the focus, and a click shows none', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 1280, height: 800 }, marks: true });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(() => page.locator(TIMELINE).evaluate((svg) => svg === document.activeElement), 'the timeline has the focus');
  await page.keyboard.press('Tab');
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown']) await page.keyboard.press(key);
  const name = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  const event = DATA.events.find((e) => name.endsWith(' — ' + e.title));
  assert.ok(event, `a mark has the focus (${name})`);
  const tip = page.locator('.focus-tip');
  await tip.waitFor();
  const said = await tip.textContent();
  assert.ok(said.startsWith(name), `the tip names it as it is heard: "${said}"`);
  const domains = DATA.domains.filter((d) => event.domains.includes(d.id)).map((d) => d.label);
  for (const d of domains) assert.ok(said.includes(d), `the tip names its domain ${d}: "${said}"`);
  // Beside the mark, whole, in the drawing.
  const [box, mark, drawing] = await Promise.all([
    tip.boundingBox(),
    page.evaluate(() => { const r = document.activeElement.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }),
    page.locator(TIMELINE).boundingBox(),
  ]);
  assert.ok(box.x >= drawing.x && box.x + box.width <= drawing.x + drawing.width + 1, 'the tip lies across the drawing, whole');
  assert.ok(Math.abs(box.y - (mark.y + mark.height)) < 12 || Math.abs(box.y + box.height - mark.y) < 12, `the tip stands by the mark (${JSON.stringify(box)}, ${JSON.stringify(mark)})`);
  await page.screenshot({ path: artifact('keyboard-focus-tip-1280.png') });
  // The next mark: its own tip; off the marks, none.
  await page.keyboard.press('ArrowRight');
  const next = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  await until(async () => (await tip.textContent()).startsWith(next), 'the tip follows the focus');
  // Escape puts it away (it covers what is under it); so does the page laid out again (the mark
  // moved, the tip stayed where it was).
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'detached' });
  await page.keyboard.press('ArrowLeft');
  await tip.waitFor();
  await page.setViewportSize({ width: 1000, height: 800 });
  await tip.waitFor({ state: 'detached' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await windowSettled(page);
  await until(() => page.evaluate(() => document.activeElement?.matches('.marks .mark')), 'a mark still has the focus');
  await page.keyboard.press('ArrowRight');
  await tip.waitFor();
  await page.keyboard.press('Shift+Tab');
  await tip.waitFor({ state: 'detached' });
  // A click selects: the details name the event, no tip.
  await page.getByRole('button', { name: ` — ${event.title}` }).first().click();
  await page.getByRole('complementary', { name: event.title }).waitFor();
  await page.waitForTimeout(300); // what must not happen: a tip
  assert.equal(await tip.count(), 0, 'no tip after a click');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// A click on a mark, then on Close: the focus went to the next control after the details, the
// overview's chart, whose readout then lay open over the timeline's controls, and + did not zoom.
test('closing details opened with a click puts the focus on the timeline, not the overview: the page stays, + zooms', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 1280, height: 800 }, marks: true });
  const robertson = DATA.events.find((e) => /^Robertson uses/.test(e.title));
  // Its mark, by the name it is heard by: "15 October 1999 — Robertson uses …".
  await page.getByRole('button', { name: ` — ${robertson.title}`, exact: false }).first().click();
  const details = page.getByRole('complementary', { name: robertson.title });
  await details.waitFor();
  const before = await page.evaluate(() => scrollY);
  await details.getByRole('button', { name: 'Close', exact: true }).click();
  await details.waitFor({ state: 'detached' });
  await until(() => page.evaluate(() => document.activeElement?.id === 'timeline-drawing'), 'the timeline has the focus');
  await page.waitForTimeout(300); // what must not happen: the focus moving on, the page jumping
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'timeline-drawing');
  assert.equal(await page.evaluate(() => scrollY), before, 'the page has not scrolled');
  assert.equal(await page.locator('.overview-readout .reading').count(), 0, "the overview's readout stays closed");
  const span = await page.locator(TIMELINE).evaluate((svg) => +svg.dataset.end - +svg.dataset.start);
  await page.keyboard.press('+');
  await until(() => page.locator(TIMELINE).evaluate((svg, span) => +svg.dataset.end - +svg.dataset.start < span * 0.95, span), '+ zooms the timeline in');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// On a phone (and on a page zoomed to 200 % or 400 %) the details and a story's scene are
// sheets over the screen's foot: each control Tab reached behind them was hidden under them
// (WCAG 2.4.11). Now the page scrolls it above the sheet, down to the footer's last link.
test('on a phone, no control Tab reaches is hidden under the details\' or a story\'s sheet', async () => {
  const phone = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
  const onItsSide = { viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true };
  const details = async (page) => {
    await page.locator('.event-list li button').nth(2).focus();
    await page.keyboard.press('Enter');
    await page.locator('.detail h2').waitFor();
  };
  for (const [what, url, open, device] of [
    ['a story', '/?story=the-brief', async () => {}, phone],
    ['the details', '/', details, phone],
    ['a story folded to its bar', '/?story=the-brief', async (page) => {
      await page.getByRole('button', { name: 'Hide the text' }).click();
      await page.getByRole('button', { name: 'Show the text' }).waitFor();
    }, phone],
    ['a story and the details, a phone on its side', '/?story=the-brief&scene=take-off-2007', details, onItsSide],
  ]) {
    const page = await load(browser, server.origin + url, device);
    await timelineReady(page);
    await open(page);
    const hidden = [];
    for (let i = 0; i < 45; i++) {
      await page.keyboard.press('Tab');
      // Where the page puts what took the focus: after the browser's scroll, and the page's own
      // in the task that follows.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        const sheets = [...document.querySelectorAll('.layout > .story, .layout > .detail:not(.empty)')];
        if (!el || el === document.body || sheets.length === 0 || sheets.some((s) => s.contains(el))) return null;
        const r = el.getBoundingClientRect();
        // Under a sheet it stands beside or over (at the foot, or a phone on its side, at the
        // right): a part taller than the room above the sheet (the drawing) has its top in view.
        const under = sheets.map((s) => s.getBoundingClientRect())
          .filter((b) => r.right > b.left + 1 && r.left < b.right - 1)
          .find((b) => (r.height <= b.top ? r.bottom > b.top + 1 : r.top < -1 || r.top > b.top));
        const name = (el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40);
        return under ? `${name} (${Math.round(r.top)}–${Math.round(r.bottom)}, sheet at ${Math.round(under.top)}, ${Math.round(under.left)})` : null;
      });
      if (at) hidden.push(at);
    }
    assert.deepEqual(hidden, [], `${what}: controls under the sheet`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

// Zoomed to 400 % (a 1280 × 800 screen is then 320 × 200 px), the story's sheet left its
// heading, which takes the focus, under its foot: the bar and the titles filled it.
test('at 400 % zoom, starting the story shows its first heading, which has the focus', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 320, height: 200 } });
  await timelineReady(page);
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  const heading = page.getByRole('heading', { level: 2, name: DATA.stories[0].scenes[0].title });
  await until(() => heading.evaluate((h) => h === document.activeElement), 'the heading has the focus');
  await until(async () => {
    const r = await heading.boundingBox();
    return r && r.y >= 0 && r.y + r.height <= 200;
  }, 'the heading is on the screen');
  await page.screenshot({ path: artifact('story-400-percent.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The page's keys (`/` to search, `?` for help, Escape to close) were swallowed by every
// input, checkboxes included: in the filters, where a keyboard user spends the most time, they
// did nothing.
test('keyboard: /, ? and Escape work from a checkbox; only fields one types in keep them', async () => {
  const page = await load(browser, server.origin + '/?event=2014-05-06-ipcp-signed', { marks: true });
  await page.locator('.detail h2').waitFor();
  const follow = page.getByRole('checkbox', { name: 'Follow the filters' });
  await follow.focus();
  await page.keyboard.press('Escape');
  await until(async () => !(await page.url().includes('event=')), 'Escape on a checkbox closes the details');
  const piracy = page.getByRole('checkbox', { name: 'Piracy', exact: true });
  await piracy.focus();
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox').first();
  await until(() => search.evaluate((s) => s === document.activeElement), '/ on a checkbox goes to the search');
  await piracy.focus();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: /keyboard/i });
  await help.waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  // In the search box, "/" and "?" are typed.
  await search.focus();
  await page.keyboard.type('a/b?');
  assert.equal(await search.inputValue(), 'a/b?');
  assert.equal(await page.locator('dialog[open]').count(), 0, 'no dialog opened from the search box');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Past the last of the timeline's boxes (or before the first), ↓ (↑) scrolled the page from
// under the focus.
test('keyboard: ↓ on the timeline\'s last box and ↑ on its first leave the page where it is', async () => {
  const page = await load(browser, server.origin + '/?domain=piracy', { marks: true });
  await timelineReady(page);
  const boxes = page.locator(`${TIMELINE} .marks [data-roving]`);
  const last = boxes.last();
  await last.focus();
  await last.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await page.evaluate(() => scrollY);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(300); // to show that nothing scrolls
  assert.equal(await page.evaluate(() => scrollY), before, '↓ at the last box');
  assert.ok(await last.evaluate((el) => el === document.activeElement), 'the focus stays');
  const first = boxes.first();
  await first.focus();
  await first.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const top = await page.evaluate(() => scrollY);
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => scrollY), top, '↑ at the first box');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Each frame of a zoom changed the live window label, and a screen reader heard them all
// ("1980 – 2018", "1982 – 2016", …); the overview's readout said its instructions again each
// time a reading went. Now the window is heard once it stands still, and only readings are.
test('screen readers hear the window once it stands still, not at every frame of a zoom', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await timelineReady(page);
  await page.evaluate(() => {
    window.__heard = [];
    const regions = [...document.querySelectorAll('[aria-live]')];
    new MutationObserver(() => {
      for (const r of regions) {
        const text = r.textContent.trim();
        if (text && text !== r.__last) window.__heard.push(text);
        r.__last = text;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    for (const r of regions) r.__last = r.textContent.trim();
  });
  await page.locator(TIMELINE).focus();
  await page.keyboard.press('+');
  await windowSettled(page);
  const label = (await page.locator('.timeline-bar .window').textContent()).trim();
  await until(async () => (await page.evaluate(() => window.__heard)).includes(label), 'the window is heard');
  await page.waitForTimeout(800); // to show that nothing more is heard
  const heard = await page.evaluate(() => window.__heard);
  assert.deepEqual(heard.filter((t) => / – /.test(t)), [label], `heard: ${JSON.stringify(heard)}`);
  assert.ok(!heard.some((t) => /point at or tap a year/.test(t)), 'the overview\'s instructions are not said again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The window's live region held the window from the start, beside the bar's own label: a
// screen reader reading the page heard it twice ("1977 – 2021 1977 – 2021 Lanes").
test('the window is read once in the timeline\'s bar, its live region empty until it changes', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await timelineReady(page);
  await page.waitForTimeout(1200); // past the time a settled window is said: nothing is to be
  const label = (await page.locator('.timeline-bar .window').textContent()).trim();
  const bar = await page.locator('.timeline-bar').ariaSnapshot();
  assert.equal(bar.split(label).length - 1, 1, bar);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Regrouping the lanes changed the drawing's name, which is read only on focus: a screen reader
// heard nothing. Now the lanes are said, with their counts.
test('screen readers hear the lanes when the reader regroups them', async () => {
  const page = await load(browser, server.origin + '/?domain=afghanistan,piracy', { marks: true });
  await timelineReady(page);
  const count = (id) => DATA.events.filter((e) => e.domains.includes(id)).length;
  await page.getByRole('combobox', { name: 'Lanes', exact: true }).selectOption('domain');
  const said = `In lanes by domain: Afghanistan, ${count('afghanistan')} events; Piracy, ${count('piracy')} events.`;
  await page.locator('[aria-live="polite"]').filter({ hasText: said }).waitFor();
  await page.getByRole('combobox', { name: 'Lanes', exact: true }).selectOption('none');
  await page.locator('[aria-live="polite"]').filter({ hasText: 'In one set.' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
