// End-to-end: facets, search, the overview brush and deep links.
import { test, before, after } from 'node:test';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, load, artifact, dataset, listReady, timelineReady, timelineWindow, windowSettled, queryWindow, until, showFilters, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const label = (kind, id) => DATA[kind].find((x) => x.id === id).label;

const listTitles = async (page) => { await listReady(page); return page.locator('.event-list li .title').allTextContents(); };
const timelineIds = async (page) => { await timelineReady(page); return page.locator('.marks .mark:not(.dimmed)').evaluateAll((els) => els.map((e) => +e.dataset.index)); };
const resultCount = (page) => page.getByRole('status').filter({ hasText: /^Showing/ }).textContent();

/** The ids of events passing a filter, computed from the file (OR within a facet, AND across). */
function expected({ domain = [], party = [], phase = [] }) {
  return DATA.events.filter((e) =>
    (domain.length === 0 || e.domains.some((d) => domain.includes(d))) &&
    (party.length === 0 || e.third_parties.some((t) => party.includes(t))) &&
    (phase.length === 0 || phase.includes(e.phase)));
}

async function facetCount(page, kind, id) {
  const box = page.getByRole('checkbox', { name: label(kind, id), exact: true });
  const countId = (await box.getAttribute('aria-describedby')).split(' ')[0];
  return parseInt(await page.locator(`[id="${countId}"]`).textContent(), 10);
}

test('domain facets filter the timeline and the list: OR within a facet, AND across facets', async () => {
  const page = await load(browser, server.origin + '/');
  const partiesBefore = await facetCount(page, 'third_parties', 'united-states');
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  const afghanistan = expected({ domain: ['afghanistan'] });
  assert.deepEqual((await listTitles(page)).sort(), afghanistan.map((e) => e.title).sort());
  assert.equal(await resultCount(page), `Showing ${afghanistan.length} of ${DATA.events.length} events`);
  // Every mark on the timeline is an Afghanistan event (and there are some).
  await timelineReady(page);
  const marks = await page.locator('.marks .mark:not(.dimmed)').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(marks.length > 0);
  for (const m of marks) assert.ok(afghanistan.some((e) => m.endsWith(' — ' + e.title)), `${m} is not an Afghanistan event`);
  // The other facets' counts follow.
  const usAfghanistan = expected({ domain: ['afghanistan'], party: ['united-states'] }).length;
  assert.equal(await facetCount(page, 'third_parties', 'united-states'), usAfghanistan);
  assert.ok(usAfghanistan < partiesBefore);

  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  const union = expected({ domain: ['afghanistan', 'piracy'] });
  assert.deepEqual((await listTitles(page)).sort(), union.map((e) => e.title).sort());

  const party = DATA.third_parties.find((t) => expected({ domain: ['afghanistan', 'piracy'], party: [t.id] }).length > 0);
  await page.getByRole('checkbox', { name: party.label, exact: true }).check();
  const both = expected({ domain: ['afghanistan', 'piracy'], party: [party.id] });
  assert.ok(both.length < union.length);
  assert.deepEqual((await listTitles(page)).sort(), both.map((e) => e.title).sort());
  await page.screenshot({ path: artifact('filtered.png') });

  await page.getByRole('button', { name: 'Clear all filters' }).click();
  assert.equal((await listTitles(page)).length, DATA.events.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"only" selects a single value, a facet clears on its own, and empty values are disabled', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  await page.getByRole('button', { name: 'Only Cyber' }).click();
  assert.equal(await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).isChecked(), false);
  assert.equal(await page.getByRole('checkbox', { name: 'Cyber', exact: true }).isChecked(), true);
  assert.equal((await listTitles(page)).length, expected({ domain: ['cyber'] }).length);
  // Some third party has no cyber event: its checkbox is disabled but still there.
  const absent = DATA.third_parties.find((t) => expected({ domain: ['cyber'], party: [t.id] }).length === 0);
  assert.equal(await page.getByRole('checkbox', { name: absent.label, exact: true }).isDisabled(), true);
  await page.getByRole('button', { name: 'Clear domain' }).click();
  assert.equal((await listTitles(page)).length, DATA.events.length);
  await page.context().close();
});

test('dimming keeps filtered-out events visible as context', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await timelineReady(page);
  const hidden = await page.locator('.marks .mark').count();
  await page.getByRole('checkbox', { name: /Dim filtered-out events/ }).check();
  await timelineReady(page);
  assert.ok(await page.locator('.marks .mark.dimmed').count() > 0);
  assert.ok(await page.locator('.marks .mark').count() + await page.locator('.marks .cluster').count() > hidden);
  await page.context().close();
});

test('searching "worner" finds the 1991 visit, highlighted, and Enter goes to it', async () => {
  const page = await load(browser, server.origin + '/');
  await page.keyboard.press('/');
  await page.keyboard.type('worner');
  const titles = await listTitles(page);
  const worner = DATA.events.filter((e) => /Wörner/i.test(e.title + e.summary + e.evidence + (e.actors || []).join(' ')));
  assert.equal(titles.length, worner.length);
  assert.ok(titles.some((t) => /Wörner/.test(t)));
  const visit = worner.find((e) => e.start === '1991');
  assert.ok(visit, 'the 1991 visit is found');
  assert.ok((await page.locator('.event-list mark').allTextContents()).includes('Wörner'));
  await page.keyboard.press('Enter');
  await page.getByRole('complementary', { name: worner[0].title }).waitFor();
  await page.keyboard.press('Escape');
  assert.equal((await listTitles(page)).length, DATA.events.length);
  await page.context().close();
});

// Readers type quotation marks for a phrase ("Tokyo Conference" found nothing: the marks were
// taken as letters), and paste sentences (a long query made its chip a pill as tall as the
// screen, the timeline pushed below it).
test('a phrase in quotation marks finds the events that say it; a long search keeps its chip on one line', async () => {
  const page = await load(browser, server.origin + '/');
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('"Tokyo Conference"');
  const phrase = DATA.events.filter((e) => /tokyo conference/i.test([e.title, e.summary, e.evidence, ...(e.actors || [])].join(' ')));
  assert.ok(phrase.length > 0);
  await until(async () => (await listTitles(page)).length === phrase.length, `the ${phrase.length} events that say "Tokyo Conference" are listed`);
  assert.deepEqual((await listTitles(page)).sort(), phrase.map((e) => e.title).sort());
  assert.ok((await page.locator('.event-list mark').allTextContents()).some((m) => /^Tokyo Conference$/i.test(m)), 'the phrase is marked whole');
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await chips.getByRole('button', { name: /Search “"Tokyo Conference"”/ }).waitFor();
  const sentence = DATA.events.find((e) => e.evidence.length > 130).evidence;
  await search.fill(sentence);
  const chip = chips.getByRole('button', { name: /^Remove the Search/ });
  await until(async () => /…”/.test(await chip.textContent()), 'the chip cuts the query with "…"');
  const box = await chip.boundingBox();
  assert.ok(box.height < 40, `the chip stays one line high (${box.height} px)`);
  // So on a phone, inside the screen.
  await page.setViewportSize({ width: 375, height: 667 });
  await until(async () => {
    const b = await chip.boundingBox();
    return b && b.height < 40 && b.x >= 0 && b.x + b.width <= 375;
  }, 'on a phone, the chip stays one line high, inside the screen');
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await chip.getAttribute('title'), sentence.trim(), 'its tooltip has the whole query');
  const timeline = await page.locator(TIMELINE).boundingBox();
  assert.ok(timeline.y < 800, `the timeline starts on the first screen (${Math.round(timeline.y)} px down)`);
  await chip.click();
  await until(async () => (await search.inputValue()) === '', 'the chip clears the search');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the overview's counts stay clear of the window's grips, wherever the window ends", async () => {
  // The last: a few events, the window over the whole chart, both grips at its ends.
  for (const [query, viewport] of [['/', { width: 1280, height: 800 }], ['/?domain=afghanistan', { width: 1280, height: 800 }], ['/?domain=afghanistan', { width: 375, height: 667 }], ['/?synthetic=4', { width: 1280, height: 800 }]]) {
    const page = await load(browser, server.origin + query, { marks: true, viewport });
    const counts = page.locator('.overview svg.overview-counts text.count');
    await until(async () => (await counts.count()) > 0, 'the chart shows its counts');
    const boxes = await counts.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON()));
    const grips = await page.locator('.overview .brush .grip').evaluateAll((gs) => gs.map((g) => g.getBoundingClientRect().toJSON()));
    for (const c of boxes) {
      for (const g of grips) {
        const apart = c.right <= g.left || g.right <= c.left || c.bottom <= g.top || g.bottom <= c.top;
        assert.ok(apart, `${query} at ${viewport.width} px: a count (${c.left}–${c.right}) under a grip (${g.left}–${g.right})`);
      }
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

/** The years an event of the file counts in, in the overview: a circa year ("2011~") one
 * either side; enough for the 2010s, whose dates all begin with their year. */
function overviewYears(e) {
  const year = (d) => parseInt(d, 10);
  const first = year(e.start) - (e.start.includes('~') ? 1 : 0);
  const last = e.end ? year(e.end) + (e.end.includes('~') ? 1 : 0) : year(e.start) + (e.start.includes('~') ? 1 : 0);
  return [first, last];
}

// The overview counted each event under its first domain only: with maritime security
// filtered, 2014 read "5 events — Exercises 2, Piracy 1, …", naming neither the filter nor
// drawing its colour, and unfiltered, Piracy 1 where 4 events of 2014 have piracy.
test("the overview's readout counts an event under each of its domains; the filter's names every event", async () => {
  const in2014 = DATA.events.filter((e) => { const [a, b] = overviewYears(e); return a <= 2014 && 2014 <= b; });
  const having = (id) => in2014.filter((e) => e.domains.includes(id)).length;
  const maritime = having('maritime-security');
  assert.equal(maritime, 5);
  const readout = page => page.locator('p#overview-readout');
  // The chart focused, the arrows to 2014.
  const read2014 = async (page) => {
    await page.locator('.overview .chart-focus').focus();
    await until(async () => /^\d{4}: /.test(await readout(page).textContent()), 'focusing the chart reads a year');
    for (let i = 0; i < 60; i++) {
      const year = +(await readout(page).textContent()).slice(0, 4);
      if (year === 2014) break;
      const before = await readout(page).textContent();
      await page.keyboard.press(year < 2014 ? 'ArrowRight' : 'ArrowLeft');
      await until(async () => (await readout(page).textContent()) !== before, 'an arrow reads another year');
    }
    return readout(page).textContent();
  };
  const filtered = await load(browser, server.origin + '/?domain=maritime-security', { marks: true, viewport: { width: 1440, height: 900 } });
  const text = await read2014(filtered);
  assert.ok(text.startsWith(`2014: ${maritime} events, all in several domains — Maritime Security ${maritime}, `), text);
  const piracy = in2014.filter((e) => e.domains.includes('maritime-security') && e.domains.includes('piracy')).length;
  assert.match(text, new RegExp(`, Piracy ${piracy}(,|$)`), text);
  await filtered.screenshot({ path: artifact('overview-readout-maritime.png') });
  assert.deepEqual(filtered.problems, []);
  await filtered.context().close();

  const all = await load(browser, server.origin + '/', { marks: true, viewport: { width: 1440, height: 900 } });
  const several = in2014.filter((e) => e.domains.length > 1).length;
  const unfiltered = await read2014(all);
  assert.ok(unfiltered.startsWith(`2014: ${in2014.length} events, ${several} in several domains — `), unfiltered);
  for (const id of ['piracy', 'maritime-security']) {
    assert.match(unfiltered, new RegExp(`(— |, )${label('domains', id)} ${having(id)}(,|$)`), unfiltered);
  }
  assert.deepEqual(all.problems, []);
  await all.context().close();
});

// A window reaching the chronology's end (or its start) had its grip half cut off at the
// chart's edge: a reader could not see the handle to drag.
test("the window's grips show whole in the overview, even where the window reaches its ends", async () => {
  for (const query of ['/?from=2000&to=2040', '/?from=1900&to=1995']) {
    const page = await load(browser, server.origin + query, { marks: true });
    const box = await page.locator('.overview-box').boundingBox();
    const grips = page.locator('.overview .brush .grip');
    await until(async () => (await grips.count()) === 2, 'the brush has its grips');
    for (const g of await grips.evaluateAll((gs) => gs.map((el) => el.getBoundingClientRect().toJSON()))) {
      assert.ok(g.left >= box.x + 1 && g.right <= box.x + box.width - 1, `${query}: a grip (${g.left}–${g.right}) inside the chart (${box.x}–${box.x + box.width})`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

// With no filter, a window in a stretch without events (zoomed, panned or linked there) was an
// empty drawing under the axis, with nothing said.
test('with no filter, a window holding no event says so, and Show them brings the events back', async () => {
  const page = await load(browser, server.origin + '/?from=1987-03&to=1989-06');
  const said = page.locator('.timeline-canvas').getByRole('status').filter({ hasText: `None of the ${DATA.events.length} events is in this window.` });
  await said.waitFor();
  await said.getByRole('button', { name: 'Show them' }).click();
  await said.waitFor({ state: 'detached' });
  await until(async () => (await page.locator(TIMELINE).locator('.mark[role="button"]').count()) > 20, 'the events show again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a search that finds nothing says so over the timeline, offers the way back, and offers no empty download', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('searchbox').fill('zzzqqq');
  // The search leaves nothing, not the filters (none is set): the page says which.
  const empty = page.locator('.timeline-canvas').getByRole('status').filter({ hasText: 'No event matches the search “zzzqqq”.' });
  await empty.waitFor();
  await page.locator('.event-list').getByText('No event matches the search “zzzqqq”.').waitFor();
  // The search box counts none, and offers no next match to go to.
  const hint = page.locator('#search-hint');
  await until(async () => (await hint.textContent()) === '0 matches', `the search's hint says 0 matches (it says "${await hint.textContent()}")`);
  for (const name of ['JSON', 'CSV', 'BibTeX', 'RIS', 'CSL-JSON', 'Sources', 'SVG', 'PNG']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).isDisabled(), true, `${name} is disabled with nothing shown`);
  }
  assert.equal(await page.getByRole('button', { name: 'Cite this view', exact: true }).isDisabled(), false);
  assert.equal(await page.locator('.overview svg.overview-counts text.count').count(), 0, 'an empty chart shows no count scale');
  await page.screenshot({ path: artifact('search-nothing-found.png') });
  await empty.getByRole('button', { name: 'Show all events' }).click();
  await page.getByRole('status').filter({ hasText: `Showing ${DATA.events.length} of ${DATA.events.length} events` }).waitFor();
  assert.equal(await page.getByRole('searchbox').inputValue(), '', 'the search is cleared too');
  assert.equal(await empty.count(), 0);
  assert.equal(await page.getByRole('button', { name: 'JSON', exact: true }).isDisabled(), false);
  assert.equal(await page.getByRole('button', { name: 'PNG', exact: true }).isDisabled(), false);
  await page.context().close();
});

for (const [width, height, touch, query] of [
  [375, 667, true, '?domain=afghanistan&q=worner'],
  [1280, 800, false, '?domain=afghanistan&party=united-states&q=worner&from=2000-12-21&to=2002-01-11'],
]) {
  test(`at ${width}×${height}, the notice that nothing matches shows whole in the timeline's box, its way out too`, async () => {
    const page = await load(browser, server.origin + '/' + query, { viewport: { width, height }, hasTouch: touch, isMobile: touch });
    const empty = page.locator('.timeline-canvas').getByRole('status').filter({ hasText: 'No event matches the search “worner” among the filtered events.' });
    await empty.waitFor();
    const button = empty.getByRole('button', { name: 'Show all events' });
    await button.scrollIntoViewIfNeeded();
    const [b, n, box] = await Promise.all([button.boundingBox(), empty.boundingBox(), page.locator('.timeline-canvas').boundingBox()]);
    for (const [what, r] of [['the notice', n], ['its button', b]]) {
      assert.ok(r.y >= box.y && r.y + r.height <= box.y + box.height && r.x >= box.x && r.x + r.width <= box.x + box.width,
        `${what} ${JSON.stringify(r)} lies inside the timeline's box ${JSON.stringify(box)}`);
    }
    // Its words take the box's width, not half of it (a narrow column, a word or two a line).
    assert.ok(n.width > Math.min(box.width - 48, 500), `the notice is ${n.width} px wide in a box of ${box.width}`);
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.textContent, [b.x + b.width / 2, b.y + b.height / 2]);
    assert.equal(hit, 'Show all events', 'the button is what a tap there reaches');
    await page.screenshot({ path: artifact(`nothing-matches-${width}.png`) });
    await button.click();
    await empty.waitFor({ state: 'detached' });
    await page.waitForFunction(() => !/[?&](q|domain|party)=/.test(location.search));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('a filter whose events all lie outside the window, left where it was, says so and offers the way to them', async () => {
  const cyber = DATA.events.filter((e) => e.domains.includes('cyber'));
  assert.ok(cyber.length > 1 && cyber.every((e) => e.start >= '2000'), 'Cyber is of the 2000s and 2010s');
  const page = await load(browser, server.origin + '/?from=1990-01-01&to=1995-01-01&follow=0', { marks: true });
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  const outside = page.locator('.timeline-canvas').getByRole('status')
    .filter({ hasText: `None of the ${cyber.length} events that match is in this window.` });
  await outside.waitFor();
  assert.equal(await page.locator(`${TIMELINE} .mark`).count(), 0, 'no mark in the window');
  await page.screenshot({ path: artifact('matches-outside-window.png') });
  const from = await timelineWindow(page);
  await outside.getByRole('button', { name: 'Show them', exact: true }).click();
  await windowSettled(page, { from });
  await outside.waitFor({ state: 'detached' });
  await until(async () => (await page.locator(`${TIMELINE} .mark`).count()) === cyber.length, 'both events are in the window');
  // Following the filters, the window goes to them by itself: nothing is said on the way.
  await page.getByRole('checkbox', { name: 'Follow the filters', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Balkans', exact: true }).check();
  for (let i = 0; i < 10; i++) {
    assert.equal(await page.locator('.timeline-empty').count(), 0, 'no notice while the window eases to the Balkans');
    await page.waitForTimeout(60);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link restores the same filters, window and selection; Back undoes the last facet change', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const fitted = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await windowSettled(page, { from: fitted });
  await page.locator('.event-list li button').nth(2).click();
  // The selection is pushed to the link at once; the window (the event may be brought into view)
  // once it comes to rest.
  await windowSettled(page);
  const shown = await timelineWindow(page);
  await until(async () => {
    const search = await page.evaluate(() => location.search);
    const linked = queryWindow(search);
    // (A window of years is named to the day: within half a day of it, under a pixel.)
    return search.includes('event=') && linked && Math.abs(linked[0] - shown.start) <= 0.5 && Math.abs(linked[1] - shown.end) <= 0.5;
  }, 'the link names the event and the window shown');
  const title = await page.getByRole('complementary').locator('h2').textContent();
  const url = page.url();
  assert.match(url, /domain=afghanistan,piracy/);
  assert.match(url, /event=/);
  assert.match(url, /from=.*&to=/);
  const window0 = await svg.evaluate((s) => [s.dataset.start, s.dataset.end]);
  const list0 = await listTitles(page);

  const other = await load(browser, url);
  assert.deepEqual(await listTitles(other), list0);
  assert.equal(await other.getByRole('complementary').locator('h2').textContent(), title);
  const window1 = await other.locator('svg[aria-roledescription="timeline"]').evaluate((s) => [s.dataset.start, s.dataset.end]);
  for (let i = 0; i < 2; i++) assert.ok(Math.abs(window1[i] - window0[i]) <= 0.5, `window ${window0} vs ${window1}`);
  assert.deepEqual(other.problems, []);
  await other.context().close();

  await page.goBack(); // the selection
  await page.goBack(); // piracy
  const piracy = page.getByRole('checkbox', { name: 'Piracy', exact: true });
  await until(async () => !(await piracy.isChecked()), 'the page follows Back');
  assert.equal(await page.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), false);
  assert.equal(await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).isChecked(), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link with filters and no window opens framed on the events they match, and its link then names that window', async () => {
  const page = await load(browser, server.origin + '/?domain=afghanistan,piracy&group=domain', { marks: true });
  const shown = await windowSettled(page);
  const years = (day) => new Date(day * 86_400_000).getUTCFullYear();
  const matching = DATA.events.filter((e) => e.domains.some((d) => d === 'afghanistan' || d === 'piracy'));
  const first = Math.min(...matching.map((e) => +e.start.slice(0, 4)));
  assert.ok(years(shown.start) >= first - 1, `the window starts near the first match, ${first} (${years(shown.start)})`);
  assert.ok(await page.getByText('1977 – 2021').count() === 0, 'not the whole chronology');
  await until(() => page.evaluate(() => location.search.includes('from=') && location.search.includes('to=')), 'the link names the window');
  const [from, to] = queryWindow(await page.evaluate(() => location.search));
  assert.ok(Math.abs(from - shown.start) < 1 && Math.abs(to - shown.end) < 1, 'the window shown');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a hand-edited link with bad parts still opens, with a notice', async () => {
  const page = await load(browser, server.origin + '/?domain=cyber,astrology&from=19x4&bogus=1&event=nope');
  assert.equal(await page.getByRole('checkbox', { name: 'Cyber', exact: true }).isChecked(), true);
  const notices = await page.locator('.notice').allTextContents();
  assert.ok(notices.some((n) => /astrology/.test(n)), notices.join('\n'));
  assert.ok(notices.some((n) => /bogus/.test(n)), notices.join('\n'));
  assert.ok(notices.some((n) => /nope/.test(n)), notices.join('\n'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the overview brush follows the timeline, and the timeline follows the brush', async () => {
  const page = await load(browser, server.origin + '/');
  const brush = page.getByRole('slider', { name: 'Visible window' });
  const b0 = await brush.boundingBox();
  const fitted = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await windowSettled(page, { from: fitted });
  const b1 = await brush.boundingBox();
  assert.ok(b1.width < b0.width * 0.6, `the brush narrows when zooming in (${b0.width} → ${b1.width})`);
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const w0 = await svg.evaluate((s) => +s.dataset.start);
  await page.mouse.move(b1.x + b1.width / 2, b1.y + b1.height / 2);
  await page.mouse.down();
  await page.mouse.move(b1.x + b1.width / 2 - 60, b1.y + b1.height / 2, { steps: 4 });
  await page.mouse.up();
  const w1 = await svg.evaluate((s) => +s.dataset.start);
  assert.ok(w1 < w0, 'dragging the brush left pans the timeline earlier');
  const b2 = await brush.boundingBox();
  assert.ok(Math.abs(b2.x - (b1.x - 60)) < 3, 'the brush moved with the pointer');
  await page.context().close();
});

test('the overview brush says the window as the timeline names it, across the era too; a pan of a year names the years in view', async () => {
  for (const query of ['?from=2015&to=2025', '?from=2000&to=2004']) {
    const page = await load(browser, server.origin + '/' + query);
    const brush = page.getByRole('slider', { name: 'Visible window' });
    const label = page.locator('.timeline-bar .window');
    await until(async () => (await brush.getAttribute('aria-valuetext')) === (await label.textContent()), `${query}: the brush and the label agree`);
    assert.equal(await label.textContent(), query === '?from=2015&to=2025' ? '2015 – 2025' : '2000 – 2004');
    if (query === '?from=2000&to=2004') {
      // The arrow key pans the brush a step: the window starts on the last day of 2000 or so,
      // and the label names the years in view, not a day's sliver of 2000.
      await brush.focus();
      await page.keyboard.press('ArrowRight');
      const years = async () => (await label.textContent()).split(' – ').map(Number);
      await until(async () => { const [from, to] = await years(); return from > 2000 && to - from === 4; }, 'the window, once moved, names five years');
      await windowSettled(page);
      const text = await label.textContent();
      assert.equal(text, '2001 – 2005');
      assert.equal(await brush.getAttribute('aria-valuetext'), text);
    }
    await page.context().close();
  }
});

test('a link written by hand with years or months runs through the last one it names', async () => {
  for (const [query, said] of [['?from=2010&to=2011', 'Jan 2010 – Dec 2011'], ['?from=2014-03&to=2014-04', 'Mar 2014 – Apr 2014']]) {
    const page = await load(browser, server.origin + '/' + query);
    const label = page.locator('.timeline-bar .window');
    await until(async () => (await label.textContent()) === said, `${query} shows ${said} (it shows ${await label.textContent()})`);
    // The link the page writes for that window names it as the hand did (not `to=2012-01-01`
    // for through 2011), once the view changes in another way.
    await page.getByRole('checkbox', { name: 'Dim filtered-out events instead of hiding them' }).check();
    await until(() => new URL(page.url()).search.includes('dim=1'), 'the link says dim=1');
    assert.ok(new URL(page.url()).search.endsWith(query.slice(1)), `the link ends with ${query} (${page.url()})`);
    await page.context().close();
  }
});

test('"Copy link" puts the link to the current view on the clipboard, says so in passing without moving the page, and the word goes by itself', async () => {
  const page = await load(browser, server.origin + '/', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  // Where the timeline stands in the page (clicking the header's button may scroll the page).
  const inPage = () => page.locator(TIMELINE).evaluate((t) => t.getBoundingClientRect().top + window.scrollY);
  const top = await inPage();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const said = page.getByRole('status').filter({ hasText: 'Link to this view copied to the clipboard.' });
  await said.waitFor();
  assert.equal(await inPage(), top, 'the timeline stays where it was in the page');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, page.url());
  assert.match(copied, /domain=cyber/);
  await said.waitFor({ state: 'detached', timeout: 10_000 });
  await page.context().close();
});

test('a selected event that the filters hide is deselected, and previous/next skip hidden events', async () => {
  const page = await load(browser, server.origin + '/');
  const cyber = DATA.events.filter((e) => e.domains.includes('cyber'));
  const other = DATA.events.find((e) => !e.domains.includes('cyber'));
  const drawing = await page.locator(TIMELINE).boundingBox();
  await page.locator('.event-list li button').filter({ hasText: other.title }).first().click();
  await page.getByRole('complementary', { name: other.title }).waitFor();
  // The details have the filters' place: the filters open as a drawer over them.
  await showFilters(page);
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  await page.getByRole('complementary', { name: 'Event details' }).waitFor();
  assert.ok(!page.url().includes('event='), 'the link no longer names the hidden event');
  // No details any more: the filters are back in their column, beside the timeline as it was.
  const place = (b) => [b.x, b.width];
  await until(async () => JSON.stringify(place(await page.locator(TIMELINE).boundingBox())) === JSON.stringify(place(drawing)), 'the timeline is back beside the filters, as wide');
  assert.equal(await page.getByRole('button', { name: 'Close the filters' }).isVisible(), false, 'no drawer to close');
  assert.equal(await page.getByRole('checkbox', { name: 'Cyber', exact: true }).isVisible(), true);
  // The filters' column scrolls on its own: the page, scrolled down to the list, is not left
  // past the shorter timeline of the 2 events that match.
  await until(async () => { const b = await page.locator(TIMELINE).boundingBox(); return b.y + b.height > 0 && b.y < 800; }, 'the timeline is in view');
  await page.locator('.event-list li button').first().click();
  const first = await page.getByRole('complementary').locator('h2').textContent();
  assert.ok(cyber.some((e) => e.title === first));
  if (cyber.length > 1) {
    await page.getByRole('complementary').getByRole('button', { name: /Next/ }).click();
    const second = await page.getByRole('complementary').locator('h2').textContent();
    assert.ok(cyber.some((e) => e.title === second) && second !== first, 'Next walks the filtered events');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in the overview, dragging an edge of the brush zooms and clicking a year centres it', async () => {
  const page = await load(browser, server.origin + '/');
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const span = () => svg.evaluate((s) => +s.dataset.end - +s.dataset.start);
  const center = () => svg.evaluate((s) => (+s.dataset.end + +s.dataset.start) / 2);
  const fitted = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await windowSettled(page, { from: fitted });
  const brush = await page.getByRole('slider', { name: 'Visible window' }).boundingBox();
  const s0 = await span();
  // Drag the right edge leftwards: a narrower window.
  await page.mouse.move(brush.x + brush.width - 1, brush.y + brush.height / 2);
  await page.mouse.down();
  await page.mouse.move(brush.x + brush.width - 80, brush.y + brush.height / 2, { steps: 4 });
  await page.mouse.up();
  assert.ok(await span() < s0 * 0.9, 'dragging the edge in zooms in');
  // Click on a year outside the narrowed brush (the labels are the timeline's ticks: every
  // year, two or five, as the width allows): the timeline centres on it.
  const box = await page.locator('.overview-box').boundingBox();
  const narrowedBrush = await page.getByRole('slider', { name: 'Visible window' }).boundingBox();
  const years = page.locator('.overview .years text');
  // The one nearest 2005, away from the ends (where the window could not be centred).
  let target = null, lb = null;
  for (let i = 0; i < await years.count(); i++) {
    const b = await years.nth(i).boundingBox();
    const text = await years.nth(i).textContent();
    const outside = b.x > narrowedBrush.x + narrowedBrush.width + 12 || b.x + 1 < narrowedBrush.x - 12;
    if (outside && (target === null || Math.abs(+text - 2005) < Math.abs(+target - 2005))) {
      target = text;
      lb = b;
    }
  }
  assert.ok(target, 'a year outside the brush is labelled');
  const narrowed = await timelineWindow(page);
  await page.mouse.click(lb.x + 1, box.y + 30);
  await windowSettled(page, { from: narrowed });
  const year = new Date((await center()) * 86400000).getUTCFullYear();
  assert.equal(year, +target, `centred on ${year}`);
  // The left edge dragged past the right one: the narrowest window, a brush of a few px, which
  // still moves where it is dragged (its left edge took every press, and it only widened).
  const before = await page.getByRole('slider', { name: 'Visible window' }).boundingBox();
  await page.mouse.move(before.x + 1, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width + 300, before.y + before.height / 2, { steps: 6 });
  await page.mouse.up();
  const tiny = await page.getByRole('slider', { name: 'Visible window' }).boundingBox();
  assert.ok(tiny.width < 14, `the brush is a few px wide (${tiny.width})`);
  const narrowest = await timelineWindow(page);
  // (Pointed at first: the year under the pointer is read over the timeline's bar.)
  const reading = page.locator('#overview-readout .reading');
  await page.mouse.move(tiny.x + tiny.width / 2, tiny.y + tiny.height / 2);
  await reading.waitFor();
  await page.mouse.down();
  await page.mouse.move(tiny.x + tiny.width / 2 + 60, tiny.y + tiny.height / 2, { steps: 4 });
  await page.mouse.up();
  const moved = await windowSettled(page, { from: narrowest });
  assert.ok(moved.start > narrowest.start && Math.abs((moved.end - moved.start) - (narrowest.end - narrowest.start)) < 1,
    `dragged, the narrow window moves later as it is (${JSON.stringify(narrowest)} → ${JSON.stringify(moved)})`);
  // The year read where the drag began is not left over the timeline's bar, the pointer still.
  assert.equal(await reading.count(), 0, `no stale reading after the drag: ${await page.locator('#overview-readout').textContent()}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the filtered events download as JSON that re-imports to the same events, as CSV, and their sources as text', async () => {
  const page = await load(browser, server.origin + '/', { acceptDownloads: true });
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  const piracy = expected({ domain: ['piracy'] });
  // The downloads offer what the filter shows (a click while the page still updated for the
  // filter once gave no download).
  await page.getByRole('heading', { name: `Download the ${piracy.length} events shown` }).waitFor();
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    return fs.readFileSync(await download.path(), 'utf8');
  };
  const json = JSON.parse(await save('JSON'));
  assert.deepEqual(json.events.map((e) => e.id).sort(), piracy.map((e) => e.id).sort());
  const byId = (list) => Object.fromEntries(list.map((e) => [e.id, e]));
  assert.deepEqual(byId(json.events), byId(piracy), 'the same events, field for field');
  // The brief's notes those events (and the scenes kept about them) cite, by their numbers in
  // the brief, and no other.
  const quoted = json.stories.flatMap((s) => s.scenes.flatMap((c) => (c.quotes || []).flatMap((q) => q.footnotes || [])));
  const citedHere = new Set([...piracy.flatMap((e) => e.footnotes), ...quoted]);
  assert.deepEqual(json.footnotes.map((f) => f.number).sort((a, b) => a - b), [...citedHere].sort((a, b) => a - b));
  assert.ok(json.footnotes.length < DATA.footnotes.length, `${json.footnotes.length} of the ${DATA.footnotes.length} notes`);
  for (const f of json.footnotes) assert.deepEqual(f, DATA.footnotes.find((g) => g.number === f.number), `footnote ${f.number} as in the brief`);
  const csv = await save('CSV');
  // After the BOM Excel needs to read it as UTF-8, its first line is the view it was made
  // from, for a re-import to give back.
  assert.match(csv, /^\uFEFF# view: \?domain=piracy(&[^\r\n]*)?\r\n/, csv.slice(0, 120));
  const rows = csv.slice(csv.indexOf('\r\n') + 2);
  assert.ok(rows.startsWith('id,start,end,title,summary,phase,domains,third_parties,actors,footnotes,evidence,note,source_urls\r\n'), csv.slice(0, 120));
  for (const e of piracy) assert.ok(csv.includes(e.id + ','), `the CSV has ${e.id}`);
  // The works those events cite, numbered, each with the footnotes that cite it; the brief's
  // notes that cite no work apart.
  const sources = await save('Sources');
  const cited = [...new Set(piracy.flatMap((e) => e.footnotes))].sort((a, b) => a - b);
  const noted = new Set([...sources.matchAll(/Footnotes? ([\d, ]+)[.:]/g)].flatMap((m) => m[1].split(/, /).map(Number)));
  for (const n of cited) assert.ok(noted.has(n), `the sources name footnote ${n}`);
  assert.match(sources, /\n1\. /, 'the works are numbered');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a long filtered list draws its first 200 entries, then more as it is scrolled or on "Show more"', async () => {
  const page = await load(browser, server.origin + '/?synthetic=10000');
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  const heading = page.getByRole('heading', { name: /^Events \([\d,]+\)$/ });
  const n = parseInt((await heading.textContent()).match(/[\d,]+/)[0].replace(/,/g, ''), 10);
  assert.ok(n > 400 && n <= 2000, `a long list that is not windowed (${n})`);
  const entries = page.locator('.event-list li:not(.more)');
  await listReady(page);
  assert.equal(await entries.count(), 200, 'the first chunk is drawn');
  const dates = await entries.locator('.date').allTextContents();
  assert.ok(dates.every((d) => d.length > 0));
  // Scrolling towards the end of the list draws the next chunk.
  await page.locator('.event-list ol').evaluate((ol) => { ol.scrollTop = ol.scrollHeight; });
  await page.waitForFunction(() => document.querySelectorAll('.event-list li:not(.more)').length === 400, null, { timeout: 5000 });
  // And so does the button at its end, from the keyboard: the focus goes to the first new entry.
  const more = page.getByRole('button', { name: /^Show 200 more of [\d,]+$/ });
  await more.focus();
  const before = await entries.count();
  await page.keyboard.press('Enter');
  await page.waitForFunction((k) => document.querySelectorAll('.event-list li:not(.more)').length === k + 200, before, { timeout: 5000 });
  assert.equal(await page.evaluate(() => document.activeElement.closest('li')?.dataset.index),
    await entries.nth(before).getAttribute('data-index'), 'the focus is on the first entry added');
  // A new filter starts again from the first chunk, at the top.
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Cyber', exact: true }).check();
  await listReady(page);
  assert.equal(await entries.count(), Math.min(200, parseInt((await heading.textContent()).match(/[\d,]+/)[0].replace(/,/g, ''), 10)));
  assert.equal(await page.locator('.event-list ol').evaluate((ol) => ol.scrollTop), 0);
  // Selecting one of the last events on the timeline draws the list down to it.
  await timelineReady(page);
  const last = await page.locator('.marks .mark:not(.dimmed)').evaluateAll((els) =>
    els.map((e) => ({ i: +e.dataset.index, x: e.getBoundingClientRect().x })).sort((a, b) => b.x - a.x)[0]);
  await page.locator(`.marks .mark[data-index="${last.i}"]`).click();
  const selected = page.locator(`.event-list li.selected[data-index="${last.i}"]`);
  await selected.waitFor({ timeout: 5000 });
  assert.ok(await entries.count() > 200, 'entries beyond the first chunk are drawn');
  const inView = await selected.evaluate((li) => {
    const list = li.closest('ol').getBoundingClientRect(), row = li.getBoundingClientRect();
    return row.top >= list.top - 1 && row.bottom <= list.bottom + 1;
  });
  assert.ok(inView, 'and scrolled into view within the list');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// A drawing of lanes three pages tall, printed as one image, left the first page blank (it did
// not fit under the heading) and was cut across the next three wherever the pages ended.
test('printing lanes by domain: the drawing starts on the first page, in pieces a page holds, each cut between lanes and under the years', async () => {
  const page = await load(browser, server.origin + '/?group=domain', { marks: true, viewport: { width: 1280, height: 800 } });
  await page.emulateMedia({ media: 'print' });
  const pieces = page.locator('.print-only img.print-timeline');
  await until(async () => (await pieces.count()) >= 2, 'the drawing is printed in pieces');
  const n = await pieces.count();
  for (let k = 0; k < n; k++) {
    assert.equal(await pieces.nth(k).getAttribute('alt'), `The timeline as drawn on screen, part ${k + 1} of ${n}`);
    const [w, h] = await pieces.nth(k).evaluate((img) => [img.naturalWidth, img.naturalHeight]);
    assert.ok(h <= w * 1.15 + 1, `piece ${k + 1} is no taller than a page holds (${w}×${h})`);
  }
  await page.pdf({ path: artifact('print-lanes.pdf') });
  // The pieces' pages, by the PDF's own list of its pictures: the first on the first page, each
  // on a page of its own.
  const listed = execFileSync('pdfimages', ['-list', artifact('print-lanes.pdf')], { encoding: 'utf8' })
    .split('\n').map((line) => line.trim().split(/\s+/)).filter((cols) => cols[2] === 'image').map((cols) => +cols[0]);
  assert.deepEqual(listed, Array.from({ length: n }, (_, k) => k + 1), `the pieces on pages ${listed.join(', ')}`);
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '2', '-l', '2', '-singlefile', artifact('print-lanes.pdf'), artifact('print-lanes-page-2')]);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Mid-gesture the canvas holds only the rows of the drawing in view: printed then, the timeline
// was those rows only.
test('printing in the middle of a zoom prints the whole drawing, not the rows the canvas holds', async () => {
  const page = await load(browser, server.origin + '/?group=domain', { marks: true, viewport: { width: 1280, height: 800 } });
  const whole = await page.locator('.timeline-canvas').evaluate((c) => c.getBoundingClientRect().height);
  const box = await page.locator(TIMELINE).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 100);
  await page.mouse.wheel(0, -120);
  const canvas = page.locator('.timeline-canvas canvas.drawing');
  await until(async () => (await canvas.boundingBox()).height < whole / 2, 'the canvas holds the rows in view only');
  await page.emulateMedia({ media: 'print' });
  const pieces = page.locator('.print-only img.print-timeline');
  await until(async () => (await pieces.count()) > 0, 'the drawing is printed');
  const sizes = await pieces.evaluateAll((imgs) => imgs.map((img) => img.naturalHeight));
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  const tall = sizes.reduce((sum, h) => sum + h, 0);
  assert.ok(tall >= whole * ratio - 2, `the pieces hold the whole drawing (${tall} of ${whole * ratio} px, in ${sizes.length})`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Printed in the dark theme, the timeline was the screen's picture: light labels on a
// transparent ground, which the white paper lost (names cut where they ran onto the bare edges).
test('printing in the dark theme prints the timeline black on white, as the rest of the print', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, colorScheme: 'dark', viewport: { width: 1280, height: 800 } });
  assert.equal(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'), 'true');
  await page.emulateMedia({ media: 'print' });
  const piece = page.locator('.print-only img.print-timeline').first();
  await until(async () => (await piece.count()) > 0 && piece.evaluate((img) => img.complete && img.naturalWidth > 0), 'the drawing is printed');
  const ink = await piece.evaluate((img) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let clear = 0, light = 0, dark = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] < 255) clear++;
      const luma = 0.2126 * px[i] + 0.7152 * px[i + 1] + 0.0722 * px[i + 2];
      if (luma > 235) light++;
      else if (luma < 90) dark++;
    }
    return { clear, light: light / (px.length / 4), dark };
  });
  await piece.screenshot({ path: artifact('print-dark-theme.png') });
  assert.equal(ink.clear, 0, 'no pixel of the printed timeline is transparent');
  // (White, and the phases' pale bands.)
  assert.ok(ink.light > 0.7, `the printed timeline is on a light ground (${(100 * ink.light).toFixed(0)} % of it)`);
  assert.ok(ink.dark > 2000, `its names are in dark ink (${ink.dark} px)`);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('printing gives the filtered chronology as a clean list with dates, summaries and sources', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  // Built when printing starts (beforeprint, or print media emulated as here).
  await printed.locator('.print-events > li').first().waitFor({ timeout: 5000 });
  assert.ok(await printed.isVisible(), 'the print list is shown in print');
  assert.equal(await page.locator('svg[aria-roledescription="timeline"]').isVisible(), false, 'the interface is not printed');
  const text = await printed.textContent();
  const piracy = expected({ domain: ['piracy'] });
  assert.equal(await printed.locator('.print-events > li').count(), piracy.length);
  for (const e of piracy) {
    assert.ok(text.includes(e.title) && text.includes(e.summary), `${e.id} is printed with its summary`);
    for (const n of e.footnotes) assert.ok(text.includes(DATA.footnotes[n - 1].citation), `footnote ${n} is printed`);
  }
  await page.screenshot({ path: artifact('print.png'), fullPage: true });
  await page.pdf({ path: artifact('print.pdf') });
  // The print preview: the PDF's first page rendered to PNG, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', artifact('print.pdf'), artifact('print-preview')]);
  assert.ok(fs.statSync(artifact('print-preview.png')).size > 10_000, 'the print preview is rendered');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await printed.isVisible(), false, 'and hidden on screen');
  await page.context().close();
});
