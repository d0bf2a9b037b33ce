// End-to-end: sources as scholars use them — the works the events shown cite as BibTeX, RIS and
// CSL-JSON; *Cite this view* and *Copy citation*; uncertain (EDTF) dates in words; a print that
// says what it prints with one list of notes; JSON and CSV exports that carry their view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launchBrowser, load, artifact, dataset, listReady, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-sources-'));
const footnote = (n) => DATA.footnotes.find((f) => f.number === n);
/** `text` as a regular expression that matches it literally. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const eventsOf = (domain) => DATA.events.filter((e) => e.domains.includes(domain));
/** The footnote numbers the events cite, each once, in order. */
const notesOf = (events) => [...new Set(events.flatMap((e) => e.footnotes))].sort((a, b) => a - b);
/** The works those footnotes cite, each once. */
const worksOf = (events) => new Set(notesOf(events).flatMap((n) => footnote(n)?.sources ?? []));

/** Clicks the button `name` and returns the download it starts, saved: its name and text. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  const saved = path.join(TMP, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), path: saved, text: fs.readFileSync(saved, 'utf8') };
}

/** Imports through the dialog's file picker. */
async function importFile(page, file) {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
}

/** The list's entries as { title: date }. */
async function listDates(page) {
  await listReady(page);
  return page.locator('.event-list li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.querySelector('.title').textContent, li.querySelector('.date').textContent])));
}

test('Afghanistan’s sources download as BibTeX, RIS and CSL-JSON, one entry per work cited', async () => {
  const afghanistan = eventsOf('afghanistan');
  const works = worksOf(afghanistan);
  assert.ok(works.size > 5, `the data cites several works for Afghanistan (${works.size})`);
  const page = await load(browser, server.origin + '/', { acceptDownloads: true });
  await page.getByRole('checkbox', { name: 'Afghanistan', exact: true }).check();
  await page.getByRole('status').filter({ hasText: `Showing ${afghanistan.length} of ${DATA.events.length} events` }).waitFor();
  const nato = /https?:\/\/(www\.)?nato\.int\//;

  const bib = await download(page, 'BibTeX');
  assert.match(bib.name, /\.bib$/);
  const entries = [...bib.text.matchAll(/^@(\w+)\{([^,\s]+),/gm)];
  assert.equal(entries.length, works.size, 'one BibTeX entry per work');
  assert.deepEqual(new Set(entries.map((m) => m[2])), works, 'keyed by the works’ ids');
  assert.equal((bib.text.match(/^@/gm) || []).length, works.size, 'nothing else starts an entry');
  // Every entry is closed, and its braces balance.
  for (const chunk of bib.text.split(/^(?=@)/m).filter((c) => c.trim())) {
    const depth = [...chunk.replace(/\\[{}]/g, '')].reduce((d, c) => d + (c === '{') - (c === '}'), 0);
    assert.equal(depth, 0, `braces balance in ${chunk.slice(0, 60)}`);
    assert.match(chunk, /^\s*title = \{.+\},$/m, `a title in ${chunk.slice(0, 60)}`);
  }
  assert.match(bib.text, new RegExp(`^\\s*url = \\{${nato.source}`, 'm'), 'a NATO URL in the BibTeX');

  const ris = await download(page, 'RIS');
  assert.match(ris.name, /\.ris$/);
  const records = ris.text.split(/^ER {2}-.*$/m).filter((r) => r.trim());
  assert.equal((ris.text.match(/^TY {2}- /gm) || []).length, works.size, 'one RIS record per work');
  assert.equal(records.length, works.size, 'each record ends with ER');
  assert.deepEqual(new Set(records.map((r) => r.match(/^ID {2}- (.+)$/m)?.[1].trim())), works);
  for (const r of records) assert.match(r, /^T[I1] {2}- .+$/m, `a title in ${r.slice(0, 60)}`);
  assert.match(ris.text, new RegExp(`^UR {2}- ${nato.source}`, 'm'), 'a NATO URL in the RIS');

  const csl = await download(page, 'CSL-JSON');
  assert.match(csl.name, /\.json$/);
  const items = JSON.parse(csl.text);
  assert.ok(Array.isArray(items));
  assert.equal(items.length, works.size, 'one CSL-JSON item per work');
  assert.deepEqual(new Set(items.map((i) => i.id)), works);
  for (const item of items) {
    assert.equal(typeof item.id, 'string');
    assert.ok(typeof item.type === 'string' && item.type, `${item.id} has a type`);
    assert.ok(typeof item.title === 'string' && item.title, `${item.id} has a title`);
  }
  assert.ok(items.some((i) => nato.test(i.URL ?? '')), 'a NATO URL in the CSL-JSON');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Cite this view and Copy citation put the view’s link and the event’s footnotes on the clipboard', async () => {
  const page = await load(browser, server.origin + '/', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await page.waitForFunction(() => location.search.includes('domain=piracy'));
  await page.getByRole('button', { name: 'Cite this view', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'A citation of this view is on the clipboard.' }).waitFor();
  const view = await page.evaluate(() => navigator.clipboard.readText());
  const link = await page.evaluate(() => location.href);
  assert.ok(view.includes(link), `the view's citation holds its link ${link}: ${view}`);
  assert.match(view, /accessed \S/);
  assert.ok(view.includes(DATA.source.title), 'and names the brief');

  // An event with footnotes, chosen from the list.
  const event = eventsOf('piracy').find((e) => e.footnotes.length > 0);
  await listReady(page);
  await page.locator('.event-list').getByRole('button', { name: event.title }).click();
  const details = page.locator('.detail');
  await details.getByRole('heading', { name: event.title }).waitFor();
  await details.getByRole('button', { name: 'Copy citation', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `A citation of “${event.title}” is on the clipboard.` }).waitFor();
  const cited = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(cited.includes(DATA.source.title), `the brief's title is in ${cited.slice(0, 200)}`);
  assert.ok(cited.includes(event.title), 'and the event');
  for (const n of event.footnotes) {
    assert.ok(cited.includes(footnote(n).citation), `footnote ${n}'s text is in the citation`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// The user's path at 1440×900: the 1980 event opened by its link, then Copy citation. Its
// uncertain date stands in the citation's parentheses with a comma, not in parentheses of its own.
test('Copy citation of an uncertain date says “(1980, uncertain)”, without nested parentheses', async () => {
  const id = '1980-parliamentarians-observe-nato-assembly';
  const event = DATA.events.find((e) => e.id === id);
  const page = await load(browser, `${server.origin}/?event=${id}`, { permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 1440, height: 900 } });
  const details = page.locator('.detail');
  await details.getByRole('heading', { name: event.title }).waitFor();
  assert.equal(await details.locator('.date').first().textContent(), '1980 (uncertain)', 'the details say it as before');
  await details.getByRole('button', { name: 'Copy citation', exact: true }).click();
  await page.getByRole('status').filter({ hasText: `A citation of “${event.title}” is on the clipboard.` }).waitFor();
  const cited = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(cited.includes(`, on “${event.title}” (1980, uncertain).`), cited);
  assert.ok(!cited.includes('(uncertain))'), cited);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const [width, height, touch] of [[1280, 800, false], [375, 667, true]]) {
  test(`at ${width}×${height}, the toast that says a citation was copied covers none of the details' buttons`, async () => {
    const page = await load(browser, server.origin + '/', {
      viewport: { width, height }, hasTouch: touch, isMobile: touch, permissions: ['clipboard-read', 'clipboard-write'],
    });
    // The longest title named once: the widest toast.
    const event = DATA.events
      .filter((e) => e.footnotes.length > 0 && DATA.events.filter((o) => o.title === e.title).length === 1)
      .reduce((a, b) => (b.title.length > a.title.length ? b : a));
    await listReady(page);
    await page.locator('.event-list').getByRole('button', { name: event.title }).click();
    const details = page.locator('.detail');
    await details.getByRole('heading', { name: event.title }).waitFor();
    // Back at the top of the page, the details' foot (Next) is at the screen's.
    await page.evaluate(() => window.scrollTo(0, 0));
    await until(() => page.evaluate(() => window.scrollY === 0), 'the page is at its top');
    await details.getByRole('button', { name: 'Copy citation', exact: true }).click();
    const toast = page.getByRole('status').filter({ hasText: `A citation of “${event.title}” is on the clipboard.` });
    await toast.waitFor();
    const box = await toast.locator('.notice').boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the toast is on the screen: ${JSON.stringify(box)}`);
    // Every button of the details that is on the screen can still be seen and hit where it is.
    const buttons = details.getByRole('button');
    let checked = 0;
    for (let i = 0; i < await buttons.count(); i++) {
      const button = buttons.nth(i);
      const b = await button.boundingBox();
      if (!b || b.y < 0 || b.y + b.height > height) continue;
      const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.textContent, [b.x + b.width / 2, b.y + b.height / 2]);
      assert.equal(hit, await button.textContent(), `“${await button.textContent()}” is not covered by the toast`);
      checked++;
    }
    assert.ok(checked >= 3, `Close, Copy citation and Next were checked (${checked} buttons)`);
    await page.screenshot({ path: artifact(`sources-toast-${width}.png`) });
    if (!touch) {
      // At the page's very foot (the list drawn to its end), the toast stands at the screen's
      // foot, over none of the list (it stood mid-screen over its last entries).
      await until(() => page.evaluate((all) => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1
          && document.querySelectorAll('.event-list li').length >= all;
      }, DATA.events.length), 'the page is at its foot, the whole list drawn');
      await details.getByRole('button', { name: 'Copy citation', exact: true }).click();
      await until(async () => (await toast.locator('.notice').count()) > 0, 'the toast shows again');
      const t = await toast.locator('.notice').boundingBox();
      assert.ok(t.y + t.height > height - 140, `the toast ${JSON.stringify(t)} is at the screen's foot`);
      const list = await page.getByRole('region', { name: /^Events \(/ }).boundingBox();
      assert.ok(t.y >= list.y + list.height - 1, `the toast ${JSON.stringify(t)} stands below the list ${JSON.stringify(list)}`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('the brief’s “mid-2000s” event says “circa 2005” in its details', async () => {
  const event = DATA.events.find((e) => e.id === '2004-common-values-first-invoked');
  assert.equal(event.start, '2005~', 'an approximate date in the data');
  const page = await load(browser, server.origin + '/');
  await listReady(page);
  const entry = page.locator('.event-list').getByRole('button', { name: event.title });
  assert.equal(await entry.locator('.date').textContent(), 'circa 2005', 'the list says it too');
  await entry.click();
  const details = page.locator('.detail');
  await details.getByRole('heading', { name: event.title }).waitFor();
  assert.equal(await details.locator('.date').textContent(), 'circa 2005');
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('event') === id, event.id);
  await details.screenshot({ path: artifact('sources-circa.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('every source can be followed: a short footnote links to the work it cites and gives it in full, links to one site are told apart, and an entry without a footnote says so', async () => {
  const page = await load(browser, server.origin + '/');
  await listReady(page);
  const details = page.locator('.detail');
  const open = async (title) => {
    await page.locator('.event-list').getByRole('button', { name: title }).click();
    await details.getByRole('heading', { level: 2, name: title }).waitFor();
  };
  // Footnote 5 is only "Stokes.": it links to the New York Times article the brief cites in footnote 2.
  await open('Formal Japan–NATO relations begin');
  const stokes = details.getByRole('link', { name: /^France Blocks Japanese Bid for Informal Ties to NATO, nytimes\.com/ });
  assert.equal(await stokes.getAttribute('href'), 'https://www.nytimes.com/1983/04/02/world/france-blocks-japanese-bid-for-informal-ties-to-nato.html');
  await details.getByText('Stokes.', { exact: true }).waitFor();
  // … and gives the work in full after it, as the brief's note 2 does.
  await details.getByText(/^In full: Henry Scott Stokes, “France Blocks Japanese Bid for Informal Ties to NATO,” New York Times, April 2, 1983/).waitFor();
  await details.locator('.footnotes').screenshot({ path: artifact('sources-short-note-in-full.png') });
  // Footnote 26 cites three pages of nato.int: three links, each named apart.
  await open('Japan invited to NATO Summit meetings on Afghanistan');
  const nato = await details.locator('.footnotes a').allInnerTexts();
  assert.equal(nato.length, 3);
  assert.equal(new Set(nato).size, 3, `three different link texts: ${nato.join(' | ')}`);
  assert.ok(nato.every((t) => t.startsWith('nato.int › ')), nato.join(' | '));
  // September 11 rests on the brief's own words.
  await open('September 11 attacks on the United States');
  await details.getByText('The brief gives no footnote here: this rests on its own words, quoted below.').waitFor();
  await details.screenshot({ path: artifact('sources-no-footnote.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a search that finds events by what their titles do not show says where it found them: a cited author and note, a summary', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('stokes');
  await listReady(page);
  const list = page.getByRole('region', { name: /^Events/ });
  // The events resting on Henry Scott Stokes's article (footnotes 2, 3 and 5).
  const cited = DATA.events.filter((e) => e.footnotes.some((n) => [2, 3, 5].includes(n)));
  const entries = list.getByRole('listitem');
  await until(async () => (await entries.count()) === cited.length, `the list shows the ${cited.length} events citing Stokes`);
  for (const e of cited) {
    const entry = list.getByRole('button', { name: new RegExp(`${escape(e.title)}.*Cited author, note [235]: Henry Scott Stokes`) });
    await entry.waitFor();
    assert.equal(await entry.locator('mark').last().textContent(), 'Stokes', 'the author\'s name is marked');
  }
  await page.locator('.event-list').screenshot({ path: artifact('search-found-in.png') });
  // A word of a summary: said as a few words of it, the word marked.
  const withSummary = DATA.events.find((e) => /\baden\b/i.test(e.summary) && !/aden/i.test(e.title));
  assert.ok(withSummary, 'an event whose summary, not its title, says "Aden"');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('aden');
  await listReady(page);
  const entry = list.getByRole('button', { name: new RegExp(`${escape(withSummary.title)}.*Summary: .*Aden`) });
  await entry.waitFor();
  assert.equal(await entry.locator('.found-in mark').first().textContent(), 'Aden');
  // A word of the title is marked in the title, with no line under it.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('tokyo');
  await listReady(page);
  const titled = DATA.events.filter((e) => /tokyo/i.test(e.title));
  for (const e of titled.slice(0, 3)) {
    const button = list.getByRole('button', { name: new RegExp(escape(e.title)) }).first();
    assert.equal(await button.locator('.found-in').count(), 0, `${e.title}: the title shows the word`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('uncertain dates in an imported TimelineJS file or sheet are shown as what they are', async () => {
  const timeline = {
    title: { text: { headline: 'Uncertain dates' } },
    events: [
      { unique_id: 'circa', start_date: { year: '1905~' }, text: { headline: 'Around 1905' } },
      { unique_id: 'century', start_date: { year: '19XX' }, text: { headline: 'Some year of the century' } },
      { unique_id: 'decade', start_date: { year: '199X' }, text: { headline: 'Some year of the nineties' } },
      { unique_id: 'span', start_date: { year: '1990/2003' }, text: { headline: 'From 1990 to 2003' } },
      { unique_id: 'plain', start_date: { year: 1950 }, text: { headline: 'Exactly 1950' } },
    ],
  };
  const expected = {
    'Around 1905': 'circa 1905',
    'Some year of the century': 'the 20th century',
    'Some year of the nineties': 'the 1990s',
    'From 1990 to 2003': '1990 – 2003',
    'Exactly 1950': '1950',
  };
  const sheet = [
    'Year,Month,Day,End Year,Headline,Type',
    ',,,,Uncertain dates (sheet),title',
    '1905~,,,,Around 1905,',
    '19XX,,,,Some year of the century,',
    '199X,,,,Some year of the nineties,',
    '1990/2003,,,,From 1990 to 2003,',
    '1950,,,,Exactly 1950,',
  ].join('\r\n') + '\r\n';
  const page = await load(browser, server.origin + '/');
  for (const [file, title] of [
    [{ name: 'uncertain.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(timeline)) }, 'Uncertain dates'],
    [{ name: 'uncertain.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) }, 'Uncertain dates (sheet)'],
  ]) {
    await importFile(page, file);
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    assert.deepEqual(await listDates(page), expected, `${file.name}: the dates in words`);
    // The details say it too.
    await page.locator('.event-list').getByRole('button', { name: 'Some year of the century' }).click();
    assert.equal(await page.locator('.detail .date').textContent(), 'the 20th century');
  }
  await page.locator('.event-list').screenshot({ path: artifact('sources-uncertain-list.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the print says what it prints, shows the timeline, and lists each note once', async () => {
  const piracy = eventsOf('piracy');
  const notes = notesOf(piracy);
  assert.ok(piracy.filter((e) => e.footnotes.length).length > 1, 'several piracy events cite notes');
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await page.getByRole('status').filter({ hasText: `Showing ${piracy.length} of` }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  await printed.locator('.print-events > li').first().waitFor({ timeout: 5000 });
  // First the title, then the line that says what is printed and when, then the timeline.
  const order = await printed.evaluate((section) => [...section.children].map((c) => c.tagName.toLowerCase() + (c.className ? '.' + c.className : '')));
  assert.deepEqual(order.slice(0, 3), ['h2', 'p.print-context', 'img.print-timeline'], `the print starts with what it prints: ${order.join(', ')}`);
  assert.equal(await printed.locator('h2').first().textContent(), DATA.title);
  const context = await printed.locator('.print-context').textContent();
  assert.match(context, /Domain: Piracy/);
  assert.match(context, /printed \d{1,2} [A-Z][a-z]+ \d{4}/, `the day printed: ${context}`);
  const image = printed.locator('img.print-timeline');
  await page.waitForFunction(() => document.querySelector('img.print-timeline')?.complete);
  const drawn = await image.evaluate((img) => ({ src: img.src.slice(0, 22), width: img.naturalWidth }));
  assert.equal(drawn.src, 'data:image/png;base64,', 'the timeline as drawn, as an image');
  assert.ok(drawn.width > 300, `the timeline image has its size (${drawn.width} px)`);
  assert.equal(await printed.locator('.print-events > li').count(), piracy.length);

  // One numbered list of notes, each once, in the brief's numbering; none per event.
  assert.equal(await printed.locator('.print-bibliography').count(), 1);
  const numbers = await printed.locator('.print-bibliography > li').evaluateAll((lis) => lis.map((li) => +li.getAttribute('value')));
  assert.deepEqual(numbers, notes, 'every note cited, once, in order');
  const texts = await printed.locator('.print-bibliography > li').allTextContents();
  // Each note as the brief gives it; note 58, whose "See Abe, “Japan and NATO as ‘Natural
  // Partners.’”" no earlier note of the print gives in full, with the speech in full after it.
  notes.forEach((n, i) => assert.ok(texts[i] === footnote(n).citation || texts[i].startsWith(footnote(n).citation + 'In full: '), `note ${n}'s text: ${texts[i]}`));
  const inFull = notes.filter((n, i) => texts[i] !== footnote(n).citation);
  assert.deepEqual(inFull, [58], 'the notes given in full after them');
  assert.match(texts[notes.indexOf(58)], /In full: Shinzo Abe, “Japan and NATO as ‘Natural Partners’,” Kantei, May 5, 2014, https:\/\/japan\.kantei\.go\.jp\//);
  assert.equal(await printed.locator('.print-events ol, .print-events ul').count(), 0, 'no list of notes per event');
  const text = await printed.textContent();
  for (const n of notes) {
    const citation = footnote(n).citation;
    assert.equal(text.split(citation).length - 1, 1, `note ${n} is printed once`);
  }

  await page.pdf({ path: artifact('sources-print.pdf') });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', artifact('sources-print.pdf'), artifact('sources-print-preview')]);
  assert.ok(fs.statSync(artifact('sources-print-preview.png')).size > 10_000, 'the print preview is rendered');
  const pdf = fs.readFileSync(artifact('sources-print.pdf'));
  assert.ok(pdf.includes('/Subtype /Image') || pdf.includes('/Subtype/Image'), 'the PDF holds the timeline image');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a filtered print gives a short note’s work in full, as the details do, where no earlier note printed gives it', async () => {
  const shown = DATA.events.filter((e) => e.domains.includes('balkans') || e.domains.includes('cyber'));
  const notes = notesOf(shown);
  // Note 18 is "Ueta, p. 134; …"; note 12, which gives Ueta's work in full, is not printed.
  assert.ok(footnote(18).citation.startsWith('Ueta, p. 134;') && notes.includes(18) && !notes.includes(12));
  const page = await load(browser, server.origin + '/?domain=balkans,cyber&event=1999-10-15-robertson-defends-kosovo-action');
  const details = page.locator('.detail');
  await details.getByRole('heading', { level: 2, name: 'Robertson uses Japan–NATO conference to justify Kosovo action' }).waitFor();
  const onScreen = details.getByText(/^In full: Takako Ueta, “Japan and the European Security Institutions,” Studia Diplomatica 54, no\. 1\/2 \(2001\)\.$/);
  await onScreen.waitFor();
  const inDetails = await onScreen.textContent();

  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  await printed.locator('.print-events > li').first().waitFor({ timeout: 5000 });
  assert.equal(await printed.locator('.print-events > li').count(), shown.length);
  const printedNotes = printed.locator('.print-bibliography > li');
  assert.deepEqual(await printedNotes.evaluateAll((lis) => lis.map((li) => +li.getAttribute('value'))), notes);
  // Only note 18 is followed by a work in full: note 16 ("Solana, “NATO’s Role…”") comes after
  // note 15, which gives Solana's speech in full, and is printed as the brief gives it, as is
  // note 17, which gives its work in full.
  const expanded = await printedNotes.evaluateAll((lis) => lis.filter((li) => li.querySelector('.in-full')).map((li) => +li.getAttribute('value')));
  assert.deepEqual(expanded, [18], 'the short note whose work no earlier note gives is given in full');
  for (const n of [15, 16, 17]) assert.equal(await printedNotes.filter({ hasText: footnote(n).citation }).textContent(), footnote(n).citation, `note ${n} as the brief gives it`);
  // Note 18 as the brief gives it, then Ueta's work in full, in the words of the details.
  const eighteen = printedNotes.filter({ hasText: footnote(18).citation });
  assert.equal(await eighteen.locator('.citation').textContent(), footnote(18).citation);
  assert.equal(await eighteen.locator('.in-full').textContent(), inDetails);
  await page.pdf({ path: artifact('sources-print-short-notes.pdf') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the print says “Note 14” under an event that rests on one note, “Notes 15, 16” under one that rests on several', async () => {
  const page = await load(browser, server.origin + '/?domain=balkans');
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  await printed.locator('.print-events > li').first().waitFor({ timeout: 5000 });
  const refs = (title) => printed.locator('.print-events > li').filter({ has: page.locator('h3', { hasText: title }) }).locator('.print-refs').textContent();
  assert.equal(await refs('Japan widens collaboration on international peace and security'), 'Note 14');
  assert.equal(await refs('Solana, visiting Tokyo, highlights Japan\'s role in Bosnia'), 'Notes 15, 16');
  // One the brief gives no note for says none.
  const bosnia = printed.locator('.print-events > li').filter({ has: page.locator('h3', { hasText: 'Japan and NATO work in parallel on Bosnia and Herzegovina' }) });
  assert.equal(await bosnia.count(), 1);
  assert.equal(await bosnia.locator('.print-refs').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('JSON and CSV exports carry their view, and re-import with it', async () => {
  const piracy = eventsOf('piracy');
  const page = await load(browser, server.origin + '/', { acceptDownloads: true });
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await page.waitForFunction(() => location.search.includes('domain=piracy'));
  const json = await download(page, 'JSON');
  const csv = await download(page, 'CSV');
  await page.context().close();

  const exported = JSON.parse(json.text);
  assert.equal(typeof exported.view, 'string', 'the JSON names its view');
  assert.ok(new URLSearchParams(exported.view).get('domain')?.split(',').includes('piracy'), `domain=piracy in ${exported.view}`);
  assert.equal(exported.events.length, piracy.length);
  const firstLine = csv.text.split(/\r?\n/)[0];
  // (After the BOM that has Excel read it as UTF-8.)
  assert.match(firstLine, /^\uFEFF"?# view: \?.*domain=piracy/, `the CSV's first line names its view: ${firstLine}`);

  for (const file of [json.path, csv.path]) {
    // A fresh page, with no filter: the file brings its own.
    const fresh = await load(browser, server.origin + '/');
    assert.equal(await fresh.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), false);
    await importFile(fresh, file);
    await fresh.getByRole('status').filter({ hasText: `Imported ${piracy.length} events from` }).waitFor();
    assert.equal(await fresh.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), true, `${path.basename(file)} opens with Piracy checked`);
    await fresh.waitForFunction(() => /domain=[^&]*piracy/.test(location.search));
    await listReady(fresh);
    assert.equal(await fresh.locator('.event-list li').count(), piracy.length);
    // Both bring back the chronology's names: the phases as the brief calls them, not made up
    // from their ids ("Second abe"), and the title.
    await fresh.getByRole('checkbox', { name: /^Engagement under the second Abe administration/ }).waitFor();
    assert.equal(await fresh.getByRole('heading', { level: 1 }).innerText(), 'Japan–NATO relations: a chronology', path.basename(file));
    assert.deepEqual(fresh.problems, []);
    await fresh.context().close();
  }
});
