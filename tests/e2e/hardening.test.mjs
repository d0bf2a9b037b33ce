// End-to-end: what an attacker and a clumsy user found — a full localStorage, a ?data= link
// redirected off the site, a load that never ends, control characters in an SVG export, deep
// links to imported ids, a link that floods the page with notices, an IndexedDB of a newer
// version, TimelineJS HTML, and the smaller things (plurals, the tab's title, right-to-left
// overrides, an HTML page where a chronology was expected).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serveDist, launchBrowser, openPage, load, goto, artifact, dataset, listReady, until, showFilters } from './harness.mjs';

const DATA = dataset();
const DB = 'japan-nato-explorer';
const POINTER = 'japan-nato-explorer.dataset';

/** A TimelineJS file of the given slides ({ id, year, headline, text }). */
function timeline(title, slides) {
  return JSON.stringify({
    title: { text: { headline: title } },
    events: slides.map(({ id, year, headline, text }) => ({ unique_id: id, start_date: { year }, text: { headline, text } })),
  });
}

/** A small chronology in the explorer's own JSON. */
function chronology(title, events, domains = []) {
  return JSON.stringify({ title, source: { title: 'Test data', author: 'The tests' }, domains, events });
}

const SMALL = timeline('A small chronology', [
  { id: 'one', year: 2001, headline: 'First' },
  { id: 'two', year: 2002, headline: 'Second' },
]);

// A file that trickles in for as long as its connection stays open: a byte every 200 ms of
// the 100,000 it announces. The page must stop it; the server ends it when the page goes.
function trickle(req, res) {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
  res.write('[');
  const timer = setInterval(() => res.write(' '), 200);
  res.on('close', () => clearInterval(timer));
}

/** A second site (another port: another origin) that lets any page read its chronology. */
async function otherSite() {
  const other = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(timeline('Data from another site', [{ id: 'x', year: 2000, headline: 'Planted' }]));
  });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${other.address().port}`, close: () => new Promise((r) => { other.close(r); other.closeAllConnections(); }) };
}

let server, browser, elsewhere;
before(async () => {
  elsewhere = await otherSite();
  server = await serveDist({
    routes: {
      '/slow.json': trickle,
      // A sheet with one bad row of three.
      '/some-bad.csv': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/csv' });
        res.end('id,start,title,domains\na,2001,First,piracy\nb,20x2,Bad,piracy\nc,2003,Third,cyber\n');
      },
      '/redir': (req, res) => {
        res.writeHead(302, { location: new URL(req.url, 'http://x').searchParams.get('to') });
        res.end();
      },
      // A page of the site that is not the explorer, to prepare storage before it runs.
      '/blank.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html lang="en"><head><link rel="icon" href="data:,"><title>Blank</title></head><body></body></html>');
      },
      '/page.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html>\n<html lang="en"><head><title>Not found</title></head><body><h1>Sorry</h1><p>This page has moved.</p></body></html>\n');
      },
    },
  });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); await elsewhere?.close(); });

const heading = (page) => page.getByRole('heading', { level: 1 }).textContent();
/** The page's notices (each with its own Dismiss button). */
const notices = (page) => page.locator('.notice[role="status"]');

/** Imports through the dialog's file picker. */
async function importFile(page, file) {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
}

const json = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The IndexedDB databases of the page's site, by name. */
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('a full localStorage: a large import shows, says it is not kept, and leaves no copy behind', async () => {
  // ~2.5 M characters: more than localStorage's share (1.5 M), so kept in IndexedDB.
  const big = structuredClone(DATA);
  big.title = 'A big chronology';
  delete big.stories; // they name events by their ids
  big.events = [];
  for (let k = 0; k < 20; k++) for (const e of DATA.events) big.events.push({ ...e, id: `${e.id}-${k}` });
  const text = JSON.stringify(big);
  assert.ok(text.length > 1_500_000, `the file is large (${text.length} characters)`);

  const page = await load(browser, server.origin + '/');
  // Fill localStorage with other keys until not even one more character fits.
  const junk = await page.evaluate(() => {
    let size = 1 << 20, n = 0;
    while (size >= 1) {
      try { localStorage.setItem(`junk-${n}`, 'x'.repeat(size)); n++; } catch { size = Math.floor(size / 2); }
    }
    try { localStorage.setItem('probe', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'); return -1; } catch (e) { return [n, e.name]; }
  });
  assert.equal(junk[1], 'QuotaExceededError', `localStorage is full (${junk[0]} junk items)`);

  await importFile(page, json('big.json', text));
  await page.getByRole('heading', { level: 1, name: 'A big chronology' }).waitFor();
  const notice = notices(page).filter({ hasText: /could not be kept for your next visit/ });
  await notice.waitFor();
  assert.match(await notice.textContent(), /storage for this site is full/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), POINTER), null, 'no pointer');
  // What could not be pointed to is removed, not left to fill the disk.
  await until(async () => !(await databases(page)).includes(DB), 'no IndexedDB copy is left that nothing points to');
  await page.screenshot({ path: artifact('hardening-full-storage.png') });

  // The next visit shows the built-in chronology, with nothing left over.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  assert.ok(!(await databases(page)).includes(DB));
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), POINTER), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a ?data= link that redirects to another site is refused, even when that site allows it', async () => {
  const page = await openPage(browser);
  const planted = elsewhere.origin + '/x.json';
  await goto(page, `${server.origin}/?data=${encodeURIComponent(`/redir?to=${planted}`)}`);
  const report = page.getByRole('dialog').getByRole('alert');
  // The load ends one way or the other: refused, or the other site's chronology shown.
  await until(async () => (await report.count()) > 0 || (await heading(page)) !== DATA.title, 'the load ends');
  assert.equal(await heading(page), DATA.title, 'the built-in chronology stays');
  const message = await report.textContent();
  assert.match(message, /redirected to another site/, message);
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  assert.equal(await page.getByText('Data from another site').count(), 0);
  await page.screenshot({ path: artifact('hardening-redirect.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a file imported during a slow ?data= load supersedes it, and the load’s progress bar goes for good', async () => {
  const page = await load(browser, server.origin + '/?data=slow.json');
  const bar = page.locator('.loading');
  await bar.filter({ hasText: /^Loading slow\.json…/ }).first().waitFor();
  await page.getByRole('progressbar').first().waitFor();
  await importFile(page, json('small.json', SMALL));
  await page.getByRole('heading', { level: 1, name: 'A small chronology' }).waitFor();
  await until(async () => (await bar.count()) === 0, 'the superseded load’s progress bar goes');
  // Proves that something does not happen: the file keeps trickling in (a byte every 200 ms),
  // yet its bar does not come back.
  await page.waitForTimeout(1000);
  assert.equal(await bar.count(), 0, 'no progress bar');
  assert.equal(await page.getByRole('progressbar').count(), 0);
  assert.equal(await heading(page), 'A small chronology');
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

// A ?data= link's file with some bad rows offered no way to see its good ones: the dialog
// listed the problems and nothing more. Now its good records can be shown, as the link said
// (the link's file and view), not kept as an import.
test('a ?data= file with some bad rows: its good records are shown as the link said', async () => {
  const page = await load(browser, server.origin + '/?data=some-bad.csv&domain=piracy');
  const dialog = page.getByRole('dialog');
  await dialog.getByText(/row 3, column start/).waitFor();
  await dialog.getByRole('button', { name: 'Import the 2 good events, leaving out 1 bad record', exact: true }).click();
  await dialog.getByText('1 record was left out:').waitFor();
  await page.keyboard.press('Escape');
  await until(async () => (await heading(page)) === 'some-bad', 'the file is shown');
  await until(() => page.url().includes('data=some-bad.csv') && page.url().includes('domain=piracy'), 'the link still names the file and its filter');
  await page.getByText('Showing 1 of 2 events').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Cancel on the progress bar stops a slow ?data= load', async () => {
  const slow = await load(browser, server.origin + '/?data=slow.json&domain=piracy');
  const loading = slow.locator('.loading').filter({ hasText: /^Loading slow\.json…/ }).first();
  await loading.waitFor();
  await slow.screenshot({ path: artifact('hardening-slow-load.png') });
  await loading.getByRole('button', { name: 'Cancel' }).click();
  await until(async () => (await slow.locator('.loading').count()) === 0, 'the progress bar goes');
  const stopped = notices(slow).filter({ hasText: /slow\.json/ });
  await stopped.waitFor();
  assert.match(await stopped.textContent(), /stopped/);
  await until(() => !slow.url().includes('slow.json'), 'the link no longer names the file');
  assert.equal(await heading(slow), DATA.title, 'the chronology shown stays');
  // Proves that something does not happen: the stopped load shows nothing more.
  await slow.waitForTimeout(600);
  assert.equal(await slow.locator('.loading').count(), 0);
  assert.equal(await slow.getByRole('dialog').count(), 0, 'no failure is reported for a load the user stopped');
  assert.deepEqual(slow.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await slow.context().close();
});

test('a control character in an imported title is removed and reported; the SVG export is valid XML', async () => {
  const page = await load(browser, server.origin + '/', { acceptDownloads: true });
  const file = timeline('Bells', [
    { id: 'bell', year: 2001, headline: 'A bell\u0001 rings', text: 'Heard\u0007 far away' },
    { id: 'clock', year: 2003, headline: 'A clock strikes' },
  ]);
  await importFile(page, json('bells.json', file));
  await page.getByRole('heading', { level: 1, name: 'Bells' }).waitFor();
  const report = page.getByRole('dialog').getByRole('status');
  await report.waitFor();
  const said = await report.textContent();
  assert.match(said, /Changed on the way in/, said);
  const changes = await report.locator('.problems li').allTextContents();
  assert.ok(changes.some((c) => /control character/i.test(c) && /U\+0001|\\u\{?0*1\}?/i.test(c)), `the change is listed: ${changes.join(' | ')}`);
  await page.getByRole('dialog').screenshot({ path: artifact('hardening-control-report.png') });
  await page.keyboard.press('Escape');
  await listReady(page);
  assert.deepEqual(await page.locator('.event-list li .title').allTextContents(), ['A bell rings', 'A clock strikes']);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG', exact: true }).click()]);
  const svg = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  assert.ok(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(svg), 'no character XML forbids');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror');
    return { error: error?.textContent ?? null, root: doc.documentElement.localName, text: doc.documentElement.textContent };
  }, svg);
  assert.equal(parsed.error, null, 'the SVG parses as XML');
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.text.includes('A bell rings') || parsed.text.includes('A clock strikes'), 'the SVG holds the events');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('deep links reach imported ids with spaces: an event and a domain', async () => {
  const page = await load(browser, server.origin + '/');
  const file = chronology('Spaced ids', [
    { id: 'event 1', start: '2001', title: 'The first event', summary: 'One.', domains: ['my domain'] },
    { id: 'event 2', start: '2002', title: 'The second event', summary: 'Two.', domains: ['other'] },
    { id: 'event 3', start: '2003', title: 'The third event', summary: 'Three.', domains: ['my domain'] },
  ], [{ id: 'my domain', label: 'My domain' }, { id: 'other', label: 'Other' }]);
  await importFile(page, json('spaced.json', file));
  await page.getByRole('heading', { level: 1, name: 'Spaced ids' }).waitFor();
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, POINTER);

  await goto(page, server.origin + '/?data=@browser&event=event+1');
  await page.getByRole('heading', { level: 1, name: 'Spaced ids' }).waitFor();
  await page.locator('.detail').getByRole('heading', { name: 'The first event' }).waitFor();
  assert.equal(await notices(page).filter({ hasText: /ignored/i }).count(), 0, 'nothing is ignored');
  assert.equal(new URL(page.url()).searchParams.get('event'), 'event 1', 'the link keeps the event');

  // Checking the domain puts it in the link; that link opens with it checked.
  await showFilters(page);
  await page.getByRole('checkbox', { name: 'My domain', exact: true }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('domain') === 'my domain');
  await goto(page, server.origin + '/');
  await page.getByRole('heading', { level: 1, name: 'Spaced ids' }).waitFor();
  await goto(page, server.origin + '/?data=@browser&domain=my+domain');
  await page.getByRole('heading', { level: 1, name: 'Spaced ids' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'My domain', exact: true }).isChecked(), true, 'the facet stays checked');
  await listReady(page);
  assert.deepEqual(await page.locator('.event-list li .title').allTextContents(), ['The first event', 'The third event']);
  assert.equal(await notices(page).filter({ hasText: /ignored/i }).count(), 0, 'nothing is ignored');
  assert.equal(new URLSearchParams(new URL(page.url()).search).get('domain'), 'my domain', 'the link keeps the domain');
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

test('a link with 5,000 unknown domains gives one notice; several notices can be dismissed at once', async () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `nowhere-${String(i).padStart(4, '0')}`);
  const page = await load(browser, `${server.origin}/?domain=${ids.join(',')}`);
  await notices(page).first().waitFor();
  assert.equal(await notices(page).count(), 1, 'one notice');
  const text = await notices(page).textContent();
  assert.match(text, /5,000/, text);
  assert.match(text, /nowhere-0000/);
  assert.ok(text.length < 400, `the notice is short (${text.length} characters)`);
  const box = await page.locator('.facets').boundingBox();
  assert.ok(box.y < 2000, `the filters stay near the top (${box.y} px)`);
  assert.equal(await page.getByRole('button', { name: /^Dismiss all/ }).count(), 0, 'one notice: its own button is enough');
  await page.context().close();

  // Two kinds of thing ignored: two notices, and a button that dismisses both.
  const two = await load(browser, `${server.origin}/?domain=nowhere,neverland&event=no-such-event`);
  await until(async () => (await notices(two).count()) === 2, 'two notices');
  const all = two.getByRole('button', { name: /^Dismiss all 2 notices$/ });
  await all.click();
  await until(async () => (await notices(two).count()) === 0, 'no notice left');
  assert.equal(await all.count(), 0);
  assert.deepEqual(two.problems, []);
  await two.context().close();

  // A link with a dozen bad parts: three notices, the rest folded under one line, and the way
  // to dismiss them all on the first screen (they filled it, the button under them).
  const many = await load(browser, `${server.origin}/?from=abc&to=zzz&group=xyz&domain=nope&party=x&phase=y&dim=2&follow=maybe&event=nope&fold=q&synthetic=abc&zzz=1&story=nope`);
  const folded = many.getByText(/^\d+ more notices$/);
  await folded.waitFor();
  const shown = () => notices(many).filter({ visible: true }).count();
  assert.equal(await shown(), 3, 'three notices shown');
  const more = Number((await folded.textContent()).split(' ')[0]);
  assert.ok(more >= 8, `the rest folded (${more})`);
  const dismiss = many.getByRole('button', { name: `Dismiss all ${3 + more} notices` });
  const at = await dismiss.boundingBox();
  assert.ok(at && at.y + at.height <= 800, `"Dismiss all" on the first screen (${at?.y})`);
  await folded.click();
  await until(async () => (await shown()) === 3 + more, 'the folded notices open');
  await dismiss.click();
  await until(async () => (await notices(many).count()) === 0, 'no notice left');
  assert.deepEqual(many.problems, []);
  await many.context().close();

  // Five notices, the last two shown and dismissed from the keyboard: the focus stays among
  // the notices as they fall to four (the folded ones were made anew, the focus sent on to
  // "Dismiss all").
  const five = await load(browser, `${server.origin}/?from=abc&to=zzz&group=xyz&domain=nope&party=x`);
  const fold = five.getByRole('button', { name: /^\d+ more notices$/ });
  await fold.click();
  await until(async () => (await notices(five).filter({ visible: true }).count()) === 5, 'five notices shown');
  await notices(five).nth(3).getByRole('button', { name: 'Dismiss notice' }).focus();
  await five.keyboard.press('Enter');
  await until(async () => (await notices(five).count()) === 4, 'one dismissed');
  assert.equal(await five.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Dismiss notice', 'the focus stays on a notice');
  assert.equal(await notices(five).filter({ visible: true }).count(), 4, 'the four left all shown');
  assert.deepEqual(five.problems, []);
  await five.context().close();
});

test('an IndexedDB of a newer version is reported once, in one sentence, and then forgotten', async () => {
  const page = await openPage(browser);
  await page.goto(server.origin + '/blank.html');
  await page.evaluate(async ([name, key]) => {
    await new Promise((resolve, reject) => {
      const request = indexedDB.open(name, 5);
      request.onupgradeneeded = () => request.result.createObjectStore('datasets');
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    localStorage.setItem(key, 'indexeddb');
  }, [DB, POINTER]);
  await goto(page, server.origin + '/');
  const notice = notices(page).filter({ hasText: /discarded/ });
  await notice.waitFor();
  assert.equal(await notices(page).count(), 1, 'one notice');
  const text = await notice.textContent();
  assert.doesNotMatch(text, /\.\)?\./, 'one full stop, not two (nor one inside the brackets and one after)');
  assert.match(text, /VersionError/, text);
  assert.equal(await heading(page), DATA.title);
  await until(() => page.evaluate((key) => localStorage.getItem(key) === null, POINTER), 'the pointer is forgotten');
  await page.screenshot({ path: artifact('hardening-idb-version.png') });
  // The link follows the page once changes pause (250 ms); a user reloads later than that. It
  // must not name the chronology just discarded (a reload would look for it again).
  await page.waitForTimeout(800);
  assert.ok(!page.url().includes('data='), `the link names no imported chronology: ${page.url()}`);

  await page.reload();
  await listReady(page);
  assert.equal(await heading(page), DATA.title);
  // Proves that something does not happen: no notice comes on the next visit.
  await page.waitForTimeout(600);
  assert.equal(await notices(page).filter({ hasText: /discarded|VersionError/ }).count(), 0, 'the error is not reported again');
  assert.deepEqual(await notices(page).allTextContents(), [], 'no notice at all on the next visit');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('TimelineJS HTML is shown through the allow-list; scripts and javascript: links are not', async () => {
  const page = await load(browser, server.origin + '/');
  const text = '<p>Leaders met in <b>Brussels</b>. See <a href="https://www.nato.int">NATO</a>.</p>' +
    '<script>window.__pwned=1</script><a href="javascript:alert(1)">x</a>';
  await importFile(page, json('summit.json', timeline('Summits', [{ id: 'summit', year: 2014, headline: 'A summit', text }])));
  await page.getByRole('heading', { level: 1, name: 'Summits' }).waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.event-list').getByRole('button', { name: /A summit/ }).click();
  const summary = page.locator('.detail .summary');
  await summary.waitFor();
  assert.equal(await summary.locator('strong').textContent(), 'Brussels', 'bold is bold');
  assert.match(await summary.textContent(), /Leaders met in Brussels\. See NATO\./);
  assert.doesNotMatch(await summary.textContent(), /<\/?(p|b|a|script)\b/, 'no tags shown as text');
  const link = summary.getByRole('link', { name: 'NATO' });
  assert.match(await link.getAttribute('href'), /^https:\/\/www\.nato\.int\/?$/);
  const rel = (await link.getAttribute('rel')).split(/\s+/);
  assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `rel="${rel.join(' ')}"`);
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, 'no javascript: link');
  assert.equal(await page.locator('.detail script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
  await page.locator('.detail').screenshot({ path: artifact('hardening-timelinejs-html.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a chronology of no events says so, on the timeline and in the list, and offers an import', async () => {
  const page = await load(browser, server.origin + '/?synthetic=0');
  const timeline = page.locator('.timeline-empty').filter({ hasText: 'This chronology has no events.' });
  await timeline.waitFor();
  const list = page.locator('.event-list');
  await list.getByText('This chronology has no events.').waitFor();
  assert.equal(await page.getByText('No event matches the filters.').count(), 0, 'no filter is blamed');
  assert.equal(await list.getByText(/arrows move between the events/).count(), 0, 'no keys for a list of nothing');
  await page.screenshot({ path: artifact('hardening-no-events.png') });
  // From the keyboard: the button goes with the import it opens, and the focus to the timeline
  // (not to the page, and from there to whatever follows the dialog).
  await timeline.getByRole('button', { name: 'Import a chronology…' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Import a chronology' }).waitFor();
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from('id,start,title\na,2001,A\nb,2002,B\n') });
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await until(() => page.evaluate(() => document.activeElement?.getAttribute('aria-roledescription') === 'timeline'), 'the focus is on the timeline');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an import of one event says “1 event”', async () => {
  const page = await load(browser, server.origin + '/');
  await importFile(page, json('one.json', timeline('A single slide', [{ id: 'only', year: 1999, headline: 'Alone' }])));
  await page.getByRole('heading', { level: 1, name: 'A single slide' }).waitFor();
  const imported = notices(page).filter({ hasText: /^Imported/ });
  await imported.waitFor();
  assert.match(await imported.textContent(), /^Imported 1 event from one\.json \(TimelineJS JSON\)\./);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a domain and a title of 400 letters without a space wrap: the page never scrolls sideways', async () => {
  const long = 'd'.repeat(400);
  const file = chronology('Long words', [
    { id: 'long', start: '2001-01-01', title: 'A'.repeat(400), summary: 'A long title.', domains: ['long'] },
    { id: 'short', start: '2001-06-01', title: 'Short one', summary: 'A short title.', domains: ['long'] },
  ], [{ id: 'long', label: long }]);
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const page = await load(browser, server.origin + '/', { viewport });
    await importFile(page, json('long.json', file));
    await page.getByRole('heading', { level: 1, name: 'Long words' }).waitFor();
    await page.locator('.legend li').filter({ hasText: long }).waitFor();
    const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wider <= 0, `${viewport.width} px: the page is ${wider} px wider than the window`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the tab’s title follows the chronology shown', async () => {
  const page = await load(browser, server.origin + '/');
  assert.equal(await page.title(), DATA.title);
  await importFile(page, json('small.json', SMALL));
  await page.getByRole('heading', { level: 1, name: 'A small chronology' }).waitFor();
  await until(async () => (await page.title()) === 'A small chronology', 'the tab is titled by the imported chronology');
  await page.getByRole('button', { name: 'Restore the Japan–NATO chronology' }).first().click();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await until(async () => (await page.title()) === DATA.title, 'and by the built-in one again');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a right-to-left override in an imported title or file name stays inside it', async () => {
  const page = await load(browser, server.origin + '/');
  const title = 'Evil \u202Eeltit desrever';
  const name = 'evil\u202Enosj.json';
  await importFile(page, json(name, timeline(title, [{ id: 'a', year: 2000, headline: 'A' }, { id: 'b', year: 2001, headline: 'B' }])));
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).unicodeBidi), 'isolate', 'the title is isolated');
  const notice = notices(page).filter({ hasText: /^Imported 2 events from/ });
  await notice.waitFor();
  // The file name is isolated in the notice: the words after it are laid out after it.
  const layout = await notice.locator('span').first().evaluate((span) => {
    const bdi = span.querySelector('bdi');
    if (!bdi) return null;
    const box = (node) => { const r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect(); };
    return { name: bdi.textContent, before: box(bdi.previousSibling), bdi: box(bdi), after: box(bdi.nextSibling), afterText: bdi.nextSibling.textContent };
  });
  assert.ok(layout, `the file name is in a bdi: ${await notice.innerHTML()}`);
  assert.equal(layout.name, name);
  assert.match(layout.afterText, /\(TimelineJS JSON\)/);
  assert.ok(layout.before.right <= layout.bdi.left + 1 && layout.bdi.right <= layout.after.left + 1,
    `the words after the name stay after it: ${JSON.stringify(layout)}`);
  assert.equal(await page.locator('footer bdi').filter({ hasText: title }).count(), 1, 'the footer isolates the title');
  await page.locator('.app-header').screenshot({ path: artifact('hardening-rtl-header.png') });
  await notice.screenshot({ path: artifact('hardening-rtl-notice.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an HTML page served as ?data= is named as an HTML page, not a chronology', async () => {
  const page = await load(browser, server.origin + '/?data=page.html');
  const report = page.getByRole('dialog').getByRole('alert');
  await report.waitFor();
  const message = await report.textContent();
  assert.match(message, /this is an HTML page, not a chronology/, message);
  assert.doesNotMatch(message, /first row must name the columns/);
  assert.equal(await heading(page), DATA.title);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
