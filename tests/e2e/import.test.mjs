// End-to-end: bringing in a chronology of one's own (TimelineJS JSON, TimelineJS-style CSV,
// our JSON), hostile files, exports that re-import, the view saved as SVG and PNG, and what
// survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serveDist, launchBrowser, openPage, load, goto, artifact, dataset, TL_WITH_ERA_AND_BAD_MONTH, listReady, showFilters, timelineWindow, windowSettled, queryWindow, until, DIST } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-import-'));

/** A TimelineJS3 JSON file: year-only, month-only, day dates, a span, BCE, groups and eras. */
export const TIMELINE_JSON = {
  title: { text: { headline: 'A short history of writing', text: '<p>From clay to print</p>' } },
  eras: [
    { start_date: { year: -3500 }, end_date: { year: 1399 }, text: { headline: 'Before print' } },
    { start_date: { year: 1400 }, end_date: { year: 2000 }, text: { headline: 'The age of print' } },
  ],
  events: [
    { unique_id: 'clay', start_date: { year: '-3200' }, text: { headline: 'Clay tablets', text: 'Cuneiform in Sumer.' }, group: 'Writing' },
    { unique_id: 'gutenberg', start_date: { year: 1450 }, text: { headline: 'Gutenberg’s press', text: 'Movable type in Mainz.' }, group: 'Printing',
      media: { url: 'https://example.org/gutenberg', credit: 'Example archive' } },
    { unique_id: 'bible', start_date: { year: 1455, month: 2 }, text: { headline: 'The Gutenberg Bible' }, group: 'Printing' },
    { unique_id: 'times', start_date: { year: 1814, month: 11, day: 29, hour: 6 }, end_date: { year: 1815 }, text: { headline: 'A steam press prints The Times' }, group: 'Printing' },
    { unique_id: 'alphabet', start_date: { year: -1050 }, text: { headline: 'The Phoenician alphabet' }, group: 'Writing' },
  ],
};

/** A TimelineJS spreadsheet as CSV: a title row, an era, year-only, month-only, BCE, groups. */
export const TIMELINE_CSV = [
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background',
  ',,,,,,,,,Voyages of exploration,"Ships, maps and ""new"" worlds",,,,,title,,',
  '1400,,,,1600,,,,,Age of sail,,,,,,era,,',
  '-500,,,,,,,,,Carthaginian voyage of Hanno,Along the coast of Africa,,,,,,Africa,',
  '1488,,,,,,,,,Dias rounds the Cape,,,,,,,Africa,',
  '1492,10,12,,,,,,,Columbus lands in the Bahamas,,,,,,,Americas,',
  '1519,9,,,1522,9,,,,Magellan–Elcano circumnavigation,,https://example.org/magellan,Archive,,,,World,',
  '1497,7,,,,,,,,Da Gama sails for India,,,,,,,Africa,',
].join('\r\n') + '\r\n';

const heading = (page) => page.getByRole('heading', { level: 1 }).textContent();
const listDates = async (page) => { await listReady(page); return page.locator('.event-list li').evaluateAll((lis) =>
  Object.fromEntries(lis.map((li) => [li.querySelector('.title').textContent, li.querySelector('.date').textContent]))); };

/** Imports through the dialog's file picker. */
async function importFile(page, file) {
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
}

/** Drops CSV files ([name, text] pairs) on the page, as a user drags them from their desktop. */
async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const [name, text] of files) transfer.items.add(new File([text], name, { type: 'text/csv' }));
    const init = { dataTransfer: transfer, bubbles: true, cancelable: true };
    document.body.dispatchEvent(new DragEvent('dragover', init));
    document.body.dispatchEvent(new DragEvent('drop', init));
  }, files);
}

function write(name, content) {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, content);
  return file;
}

test('a TimelineJS3 JSON file imports with its dates as precise as given, groups as facets and eras as phases', async () => {
  const page = await load(browser, server.origin + '/');
  await importFile(page, { name: 'writing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TIMELINE_JSON)) });
  await page.getByRole('heading', { level: 1, name: 'A short history of writing' }).waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'the dialog closes');
  const dates = await listDates(page);
  assert.deepEqual(Object.keys(dates), ['Clay tablets', 'The Phoenician alphabet', 'Gutenberg’s press', 'The Gutenberg Bible', 'A steam press prints The Times'], 'in time order, BCE first');
  assert.match(dates['Clay tablets'], /^32\d\d BC$/);
  assert.equal(dates['Gutenberg’s press'], '1450', 'year only');
  assert.equal(dates['The Gutenberg Bible'], 'February 1455', 'month only');
  assert.equal(dates['A steam press prints The Times'], '29 November 1814 – 1815');
  // Groups are a facet; eras are phases.
  await page.getByRole('checkbox', { name: 'Writing', exact: true }).check();
  assert.deepEqual(Object.keys(await listDates(page)), ['Clay tablets', 'The Phoenician alphabet']);
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.getByRole('checkbox', { name: 'The age of print', exact: true }).check();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), 3);
  // The media link is the event's source.
  await page.locator('.event-list li', { hasText: 'Gutenberg’s press' }).getByRole('button').click();
  const link = page.locator('.detail a[href="https://example.org/gutenberg"]');
  assert.equal(await link.count(), 1, 'the media URL is a source link');
  assert.match(await page.getByRole('status').filter({ hasText: /^Imported/ }).textContent(), /Imported 5 events and 2 eras from writing\.json \(TimelineJS JSON\)/, 'the eras (phases) are said beside the events');
  // The time of day the timeline cannot place is kept, in the details.
  await page.locator('.event-list li', { hasText: 'A steam press' }).getByRole('button').click();
  await page.locator('.detail').getByText('Time of day in the imported file: 06:00.').waitFor();
  await page.screenshot({ path: artifact('import-timelinejs.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Real TimelineJS files (the Houston and Twain examples) showed a media credit's link as its
// markup ("<a href='http://grammy.org'>The Recording Academy</a>"), cut a title made from a
// slide's text in a word with nothing said, and on a phone let a long file name run out of the
// report's box.
test('on a phone, a TimelineJS file: credits read as HTML, a title from the text cut after a word and said, a long name wrapped', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const long = 'website_examples_houston_timeline2_with_its_whole_path.json';
  const text = 'Samuel Langhorne Clemens (November 30, 1835 – April 21, 1910), better known by his pen name Mark Twain, was an American writer.';
  await importFile(page, write(long, JSON.stringify({ events: [
    { start_date: { year: 1991 }, text: { headline: 'The Grammys', text: 'Dionne Warwick' },
      media: { url: 'https://youtu.be/v0XuiMX1XHg', credit: "<a href='http://grammy.org'>The Recording Academy</a>", caption: 'Dionne <i>Warwick</i>' } },
    { start_date: { year: 1908, month: 5, day: 13 }, text: { text: `<p>${text}</p>` } },
  ] })));
  const report = page.getByRole('dialog').locator('.import-report');
  await report.getByText('Changed on the way in:').waitFor();
  const said = await report.locator('.problems li').allTextContents();
  for (const field of ['credit', 'caption']) {
    assert.ok(said.some((t) => t.startsWith(`field media.${field}: 1 media credit or caption was read as HTML`)), said.join('\n'));
  }
  assert.ok(said.some((t) => /1 slide has no headline: its title is the start of its text/.test(t)), said.join('\n'));
  const name = report.getByRole('heading', { level: 3 });
  assert.ok(await name.evaluate((h) => h.scrollWidth <= h.clientWidth + 1), 'the file\'s name wraps inside the report');
  await page.screenshot({ path: artifact('import-phone-long-name.png') });
  await page.keyboard.press('Escape');
  // Nor does the page grow wider than the phone (the notice and the footer name the file too).
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 375);
  const titles = await listDates(page);
  const cut = Object.keys(titles).find((t) => t.startsWith('Samuel Langhorne Clemens'));
  assert.ok(cut && cut.endsWith('…') && text.startsWith(`${cut.slice(0, -1)} `), `cut after a whole word: ${cut}`);
  await page.locator('.event-list').getByRole('button', { name: /The Grammys/ }).click();
  const details = page.getByRole('complementary', { name: 'The Grammys' });
  await details.getByText(/The Recording Academy — Dionne Warwick/).waitFor();
  assert.equal(await details.getByText(/<a href/).count(), 0, 'no markup shown');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an imported file opens framed on all its events: a span years after the dated event is in view', async () => {
  const page = await load(browser, server.origin + '/');
  const file = { events: [
    { unique_id: 'alpha', start_date: { year: 2001, month: 9, day: 11 }, text: { headline: 'Alpha' } },
    { unique_id: 'beta', start_date: { year: 2005 }, end_date: { year: 2007 }, text: { headline: 'Beta' } },
  ] };
  await importFile(page, { name: 'two.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole('status').filter({ hasText: 'Imported 2 events from two.json' }).waitFor();
  const w = await windowSettled(page);
  const day = (y, m, d) => Date.UTC(y, m - 1, d) / 86_400_000;
  assert.ok(w.start <= day(2001, 9, 11) && w.end >= day(2008, 1, 1), `the window ${new Date(w.start * 864e5).toISOString()} – ${new Date(w.end * 864e5).toISOString()} holds both`);
  // Both are targets of the drawing.
  await page.getByRole('button', { name: /Alpha/ }).first().waitFor();
  await page.getByRole('button', { name: /Beta/ }).first().waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});


test('leaving out a bad record: the button names the events and eras that arrive, and the report after says the same', async () => {
  const page = await load(browser, server.origin + '/');
  await importFile(page, { name: 'tl.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TL_WITH_ERA_AND_BAD_MONTH)) });
  const report = page.getByRole('dialog').getByRole('alert');
  await report.getByText('“tl.json” was not imported').waitFor();
  assert.match(await report.textContent(), /1 problem in 1 of 4 records \(read as TimelineJS JSON\)\./);
  // Of the three good records, two are events and one an era (a phase): the button says so.
  await report.getByRole('button', { name: 'Import the 2 good events and 1 era, leaving out 1 bad record', exact: true }).click();
  const done = page.getByRole('dialog').getByRole('status');
  await done.getByRole('heading', { name: 'Imported 2 events and 1 era from “tl.json”' }).waitFor();
  assert.match(await done.textContent(), /1 record was left out:.*'13' is not a month/s);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Imported 2 events and 1 era from tl.json (TimelineJS JSON). 1 record was left out.' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Showing 2 of 2 events' }).waitFor();
  await showFilters(page);
  await page.getByRole('checkbox', { name: 'Era one', exact: true }).waitFor(); // the era is a phase
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a TimelineJS-style CSV dropped on the page imports, with its title row, era, BCE and month-only dates', async () => {
  const page = await load(browser, server.origin + '/');
  // Drop the file on the page, as a user drags it from their desktop.
  await dropFiles(page, [['voyages.csv', TIMELINE_CSV]]);
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  const dates = await listDates(page);
  assert.equal(Object.keys(dates).length, 5);
  assert.match(dates['Carthaginian voyage of Hanno'], /^50\d BC$/);
  assert.equal(dates['Dias rounds the Cape'], '1488');
  assert.equal(dates['Columbus lands in the Bahamas'], '12 October 1492');
  assert.equal(dates['Da Gama sails for India'], 'July 1497');
  assert.equal(dates['Magellan–Elcano circumnavigation'], 'September 1519 – September 1522');
  await page.getByRole('checkbox', { name: 'Africa', exact: true }).check();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), 3);
  assert.equal(await page.getByRole('checkbox', { name: 'Age of sail', exact: true }).count(), 1, 'the era is a phase');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hostile files change nothing and execute nothing: script in a headline, a javascript: link, a bad year, a 60 MB file, truncated JSON, a picture, bad rows', async () => {
  const page = await load(browser, server.origin + '/');
  const builtin = await heading(page);
  const pwned = () => page.evaluate(() => window.__pwned === true);
  const hostile = {
    title: { text: { headline: '<img src=x onerror="window.__pwned=true">Hostile' } },
    events: [
      { unique_id: 'a', start_date: { year: 2001 }, text: { headline: '<script>window.__pwned=true</script>Headline', text: '<b onmouseover="window.__pwned=true">bold</b>' }, group: '<i>group</i>' },
      { unique_id: 'b', start_date: { year: 2002 }, text: { headline: 'Bad link' }, media: { url: 'javascript:window.__pwned=true' } },
      { unique_id: 'c', start_date: { year: '20x3' }, text: { headline: 'Bad year' } },
    ],
  };
  await importFile(page, { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) });
  const report = page.getByRole('dialog').getByRole('alert');
  await report.waitFor();
  assert.match(await report.textContent(), /“hostile\.json” was not imported/);
  assert.match(await report.textContent(), /'20x3' is not a year/, 'the bad year is reported');
  assert.equal(await heading(page), builtin, 'the previous dataset stays');
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  // The user chooses to leave the bad record out.
  await report.getByRole('button', { name: 'Import the 2 good events, leaving out 1 bad record', exact: true }).click();
  // Headlines are HTML in TimelineJS: the title is their plain text.
  await page.getByRole('heading', { level: 1, name: 'Hostile', exact: true }).waitFor();
  const skipped = page.getByRole('dialog').getByRole('status');
  assert.match(await skipped.textContent(), /1 record was left out/);
  // The javascript: media is left out of its event (which stays) and said, as text.
  assert.match(await skipped.textContent(), /Changed on the way in:.*1 link that is not http\(s\) was left out \('javascript:window\.__pwned=true'/s);
  await page.keyboard.press('Escape');
  const title = page.locator('.event-list li .title');
  assert.deepEqual(await title.allTextContents(), ['Headline', 'Bad link'], 'the markup is not kept, nor run');
  await page.getByRole('checkbox', { name: '<i>group</i>', exact: true }).waitFor();
  await page.locator('.event-list li button').first().click();
  // TimelineJS text goes through an allow-list: bold stays bold, its handler goes.
  await page.locator('.detail .summary').hover();
  assert.equal(await page.locator('.detail .summary').textContent(), 'bold');
  assert.equal(await page.locator('.detail .summary strong').textContent(), 'bold');
  assert.equal(await page.locator('.detail [onmouseover]').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await pwned(), false, 'nothing executed');

  // Back to the chronology, then three broken files in a row.
  await page.getByRole('button', { name: 'Restore the Japan–NATO chronology' }).first().click();
  await page.getByRole('heading', { level: 1, name: builtin }).waitFor();
  const big = path.join(TMP, 'huge.json');
  fs.writeFileSync(big, Buffer.alloc(60 * 1024 * 1024, 32));
  await importFile(page, big);
  await report.waitFor();
  assert.match(await report.textContent(), /60\.0 MB; at most 50\.0 MB/);
  const truncated = JSON.stringify(DATA).slice(0, 5000);
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'truncated.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
  await page.getByRole('dialog').getByText('“truncated.json” was not imported').waitFor();
  assert.match(await report.textContent(), /line \d+, column \d+/, 'the place is given');
  // A picture chosen by mistake is named for what it is.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'timeline.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('dialog').getByText('“timeline.png” was not imported').waitFor();
  assert.match(await report.textContent(), /this is a PNG image, not a chronology \(import a JSON or CSV file/);
  const badRows = 'Year,Month,Day,Headline\r\n2001,,,Fine\r\n19x4,,,Bad year\r\n2003,13,,Bad month\r\n2004,2,30,Bad day\r\n';
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'rows.csv', mimeType: 'text/csv', buffer: Buffer.from(badRows) });
  await page.getByRole('dialog').getByText('“rows.csv” was not imported').waitFor();
  const problems = await page.locator('.import-report .problems li').allTextContents();
  assert.equal(problems.length, 3, `every problem is listed: ${problems.join(' | ')}`);
  assert.match(problems[0], /row 3, column Year: '19x4'/);
  assert.match(problems[1], /row 4, column Month/);
  assert.match(problems[2], /row 5, column Day/);
  await page.keyboard.press('Escape');
  assert.equal(await heading(page), builtin, 'the previous dataset stays');
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  assert.equal(await pwned(), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('export → import of the filtered set gives the same events; the SVG and PNG exports open, named after the chronology, with its title, the filters, a legend and the link to the view', async () => {
  const page = await load(browser, server.origin + '/', { acceptDownloads: true, deviceScaleFactor: 2 });
  const fitted = await timelineWindow(page);
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await listReady(page);
  // The window eases to the matches: the pictures are of where it comes to rest (saved while it
  // moved, the SVG and the PNG were of two windows).
  await windowSettled(page, { from: fitted });
  const shown = await page.locator('.event-list li .title').allTextContents();
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    const file = path.join(TMP, download.suggestedFilename());
    await download.saveAs(file);
    return file;
  };
  const svgFile = await save('SVG');
  const pngFile = await save('PNG');
  const json = await save('JSON');
  const csv = await save('CSV');

  const svg = fs.readFileSync(svgFile, 'utf8');
  assert.match(svg, /^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // Named after the chronology and what the filters keep (and a picture after its window's
  // years), not "timeline.svg".
  const stem = 'japan-nato-relations-a-chronology-piracy';
  assert.match(path.basename(svgFile), new RegExp(`^${stem}-\\d{4}-\\d{4}\\.svg$`));
  assert.equal(path.basename(pngFile), path.basename(svgFile).replace(/svg$/, 'png'));
  assert.deepEqual([path.basename(json), path.basename(csv)], [`${stem}.json`, `${stem}.csv`]);
  // The picture stands on its own: the title, what is shown, the legend, where it comes from.
  const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replaceAll('&amp;', '&'));
  assert.equal(words[0], DATA.title);
  assert.match(words[1], /^\d{4} – \d{4} · Domain: Piracy$/);
  assert.ok(words.includes('Piracy'), 'the legend names Piracy');
  const credit = words.slice(-4).join(' ');
  assert.match(credit, /Japan–NATO Chronology Explorer/);
  assert.ok(credit.includes(`${server.origin}/?domain=piracy`), `the credit links to the view: ${credit}`);
  // The CSV starts with a UTF-8 BOM, so that Excel on Windows, opening it with a double click,
  // shows "Japan–NATO" and not "Japanâ€“NATO"; it re-imports all the same (below).
  const csvBytes = fs.readFileSync(csv);
  assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with a UTF-8 BOM');
  assert.ok(csvBytes.toString('utf8').includes('Japan–NATO'), 'the CSV holds the title in UTF-8');
  // Named and described for screen readers, slide software and file viewers: its <title> the
  // chronology's title and the window, its <desc> what it shows, as the drawing on the page is
  // named; the image's aria-labelledby names both.
  const unescape = (t) => t.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
  const svgTitle = unescape(svg.match(/<title id="timeline-picture-title">([^<]*)<\/title>/)?.[1] ?? '');
  const svgDesc = unescape(svg.match(/<desc id="timeline-picture-desc">([^<]*)<\/desc>/)?.[1] ?? '');
  const inView = words[1].replace(/ · .*/, '');
  assert.equal(svgTitle, `${DATA.title}, ${inView}`);
  const onPage = await page.locator('#timeline-drawing').getAttribute('aria-label');
  assert.equal(svgDesc, onPage);
  assert.match(svgDesc, new RegExp(`^Timeline of ${shown.length} of \\d+ events \\(Domain: Piracy\\); in view: ${inView}$`));
  const png = fs.readFileSync(pngFile);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const svgWidth = +svg.match(/<svg[^>]*\swidth="(\d+)"/)[1];
  assert.equal(png.readUInt32BE(16), svgWidth * 2, 'the PNG is at the screen’s pixel density');
  // And says so, so that Word or LaTeX place it at its size on screen, not twice that: a pHYs
  // chunk right after the header, of 192 dpi (96 × 2) in pixels a metre, with its CRC.
  assert.equal(png.subarray(37, 41).toString(), 'pHYs', 'a pHYs chunk follows the header');
  assert.deepEqual([png.readUInt32BE(33), png.readUInt32BE(41), png.readUInt32BE(45), png[49]], [9, 7559, 7559, 1]);
  assert.equal(png.readUInt32BE(50), zlib.crc32(png.subarray(37, 50)), 'the pHYs chunk’s CRC');
  // Both open as images in the browser.
  const viewer = await openPage(browser);
  for (const [file, type] of [[svgFile, 'image/svg+xml'], [pngFile, 'image/png']]) {
    const size = await viewer.evaluate(async ([b64, type]) => {
      const img = new Image();
      img.src = `data:${type};base64,${b64}`;
      await img.decode();
      return img.naturalWidth;
    }, [fs.readFileSync(file).toString('base64'), type]);
    assert.ok(size > 100, `${path.basename(file)} opens (${size} px wide)`);
  }
  // Opened on its own, the SVG is an image named by its title and description.
  await viewer.setContent(`<!doctype html><title>x</title>${svg.replace(/^<\?xml[^>]*>/, '')}`);
  assert.equal(await viewer.getByRole('img', { name: `${svgTitle} ${svgDesc}`, exact: true }).count(), 1);
  await viewer.context().close();
  fs.copyFileSync(pngFile, artifact('timeline-export.png'));

  for (const file of [json, csv]) {
    await importFile(page, file);
    await page.getByRole('status').filter({ hasText: `Imported ${shown.length} events from ${path.basename(file)}` }).waitFor();
    await listReady(page);
    assert.deepEqual(await page.locator('.event-list li .title').allTextContents(), shown, `${path.basename(file)} re-imports to the same events`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('after import and reload, the imported dataset and its view are still there; Restore forgets them', async () => {
  const page = await load(browser, server.origin + '/');
  await importFile(page, { name: 'voyages.csv', mimeType: 'text/csv', buffer: Buffer.from(TIMELINE_CSV) });
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  await page.getByRole('checkbox', { name: 'Africa', exact: true }).check();
  const fitted = await timelineWindow(page);
  await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  await windowSettled(page, { from: fitted });
  const svg = page.locator('svg[aria-roledescription="timeline"]');
  const windowOf = () => svg.evaluate((s) => [+s.dataset.start, +s.dataset.end]);
  const before = await windowOf();
  // The link and the view kept for the next visit follow once the motion pauses.
  await until(async () => {
    const [search, kept] = await page.evaluate(() => [location.search, localStorage.getItem('japan-nato-explorer.view')]);
    const linked = queryWindow(search);
    return search.includes('domain=africa') && kept === search && linked &&
      // (A window of years is named to the day: within half a day of it.)
      Math.abs(linked[0] - before[0]) <= 0.5 && Math.abs(linked[1] - before[1]) <= 0.5;
  }, 'the link and the kept view name the window shown');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Africa', exact: true }).isChecked(), true);
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), 3);
  const after = await windowOf();
  assert.ok(Math.abs(after[0] - before[0]) < 1 && Math.abs(after[1] - before[1]) < 1, `the window stays: ${before} → ${after}`);
  // Opened afresh (no link), the last view comes back too.
  await page.goto(server.origin + '/');
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Africa', exact: true }).isChecked(), true);
  // The link names the chronology kept in this browser.
  await page.waitForFunction(() => location.search.startsWith('?data=@browser'));
  // A link to the built-in chronology opens it, whatever this browser keeps.
  await page.goto(server.origin + '/?domain=piracy');
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), true);
  await page.goto(server.origin + '/?data=@browser');
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  await page.getByRole('button', { name: 'Restore the Japan–NATO chronology' }).first().click();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  // A link to the import, once it is forgotten, says so.
  await page.goto(server.origin + '/?data=@browser');
  await page.getByRole('status').filter({ hasText: /imported in another browser/ }).waitFor();
  assert.equal(await heading(page), DATA.title);
  // (Navigating on quickly may abort the previous page's icon request: not a problem.)
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

// The link to an imported chronology opens it only in the browser that keeps it: "Copy link"
// said only that the link was copied, and the one it was sent to saw the built-in chronology.
test('"Copy link" on an imported chronology says that the link opens it in this browser only, and how to share it', async () => {
  const page = await load(browser, server.origin + '/', { permissions: ['clipboard-read', 'clipboard-write'] });
  await importFile(page, { name: 'voyages.csv', mimeType: 'text/csv', buffer: Buffer.from(TIMELINE_CSV) });
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Copy link' }).click();
  const said = page.getByRole('status').filter({ hasText: 'Link to this view copied to the clipboard.' });
  await said.waitFor();
  assert.match(await said.innerText(), /in this browser only, until another is imported: to share the chronology, send the file you imported/);
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\?data=@browser/);
  await page.waitForTimeout(7000); // what must not happen: the warning going by itself (a passing word goes after 6 s), unread
  assert.equal(await said.isVisible(), true, 'the warning stays until read');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Restore the Japan–NATO chronology" brings back the filters and lanes it had before the import', async () => {
  const mine = structuredClone(DATA);
  mine.title = 'My own chronology';
  mine.events = DATA.events.slice(0, 5);
  const page = await load(browser, server.origin + '/?domain=piracy&group=domain');
  const piracy = DATA.events.filter((e) => e.domains.includes('piracy'));
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), piracy.length);
  await importFile(page, write('mine-restore.json', JSON.stringify(mine)));
  await page.getByRole('heading', { level: 1, name: 'My own chronology' }).waitFor();
  // (The dialog says what the file's view kept of the link's: closed.)
  if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Restore the Japan–NATO chronology' }).first().click();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), true, 'the filter is back');
  assert.equal(await page.getByRole('combobox', { name: /Lanes/ }).inputValue(), 'domain', 'the lanes are back');
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), piracy.length);
  await page.waitForFunction(() => /domain=piracy/.test(location.search) && /group=domain/.test(location.search));
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

test('Back after an import shows the built-in chronology again, and Forward the import', async () => {
  const mine = structuredClone(DATA);
  mine.title = 'My own chronology';
  mine.events = DATA.events.slice(0, 5);
  const page = await load(browser, server.origin + '/');
  await importFile(page, write('mine.json', JSON.stringify(mine)));
  await page.getByRole('heading', { level: 1, name: 'My own chronology' }).waitFor();
  await page.waitForFunction(() => location.search.startsWith('?data=@browser'));
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  assert.equal(await page.evaluate(() => location.search), '');
  // Reloaded there, it stays the built-in chronology (a bare address otherwise opens the import).
  await page.reload();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), DATA.events.length);
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: 'My own chronology' }).waitFor();
  await listReady(page);
  assert.equal(await page.locator('.event-list li').count(), mine.events.length);
  // Back once more; the import dialog offers the import, which is still kept.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByRole('button', { name: 'Open the chronology you imported' }).click();
  await page.getByRole('heading', { level: 1, name: 'My own chronology' }).waitFor();
  assert.match(page.url(), /\?data=@browser/);
  // Shown again, the import is what a bare address opens.
  await page.goto(server.origin + '/');
  await page.getByRole('heading', { level: 1, name: 'My own chronology' }).waitFor();
  assert.deepEqual(page.problems.filter((p) => !p.includes('net::ERR_ABORTED')), []);
  await page.context().close();
});

test('a large import is kept in IndexedDB; corrupt stored state is discarded with a notice; a full storage is reported', async () => {
  // ~3 MB of JSON: too big for localStorage's share, kept in IndexedDB.
  const big = structuredClone(DATA);
  big.title = 'A big chronology';
  big.events = [];
  for (let k = 0; k < 20; k++) for (const e of DATA.events) big.events.push({ ...e, id: `${e.id}-${k}` });
  const page = await load(browser, server.origin + '/');
  await importFile(page, write('big.json', JSON.stringify(big)));
  await page.getByRole('heading', { level: 1, name: 'A big chronology' }).waitFor();
  await page.waitForFunction(() => localStorage.getItem('japan-nato-explorer.dataset') === 'indexeddb');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'A big chronology' }).waitFor();
  const count = big.events.length.toLocaleString('en-US');
  const summary = page.getByText(`Showing ${count} of ${count} events`);
  await summary.first().waitFor();
  assert.equal(await summary.count(), 1);
  // A link with filters to it keeps them while the chronology is read back: the link is never
  // rewritten without them, and no history entry is added.
  await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
  await page.waitForFunction(() => location.search.includes('domain=piracy'));
  const link = await page.evaluate(() => location.search);
  await page.addInitScript(() => {
    // Reading it back takes longer than the link's replace delay (as on a slow machine): the
    // page is busy for 600 ms as the database opens.
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const until = performance.now() + 600;
      while (performance.now() < until) { /* busy */ }
      return open.apply(this, args);
    };
    window.__links = [];
    for (const name of ['pushState', 'replaceState']) {
      const original = history[name].bind(history);
      history[name] = (state, title, url) => { window.__links.push(`${name} ${url}`); return original(state, title, url); };
    }
  });
  const entries = await page.evaluate(() => history.length);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'A big chronology' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: 'Piracy', exact: true }).isChecked(), true);
  // Proves that something does not happen: no link without the filter, and no new entry, for
  // longer than the link's replace delay after the chronology is back.
  await page.waitForTimeout(500);
  const links = await page.evaluate(() => window.__links);
  assert.deepEqual(links.filter((l) => !l.includes('domain=piracy') || l.startsWith('push')), [], 'the link kept its filter all along');
  assert.equal(await page.evaluate(() => location.search), link);
  assert.equal(await page.evaluate(() => history.length), entries);

  // Corrupt state in storage: a notice, and the built-in chronology.
  await page.evaluate(() => localStorage.setItem('japan-nato-explorer.dataset', '{"app":"japan-nato-explorer","version":1,"chron'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: DATA.title }).waitFor();
  await page.getByRole('status').filter({ hasText: /was discarded: it is corrupt/ }).waitFor();
  // From an older version: discarded too.
  await page.evaluate(() => localStorage.setItem('japan-nato-explorer.dataset', '{"app":"japan-nato-explorer","version":0}'));
  await page.goto(server.origin + '/?data=@browser');
  await page.getByRole('status').filter({ hasText: /older version/ }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('japan-nato-explorer.dataset')), null, 'and forgotten');
  await page.context().close();

  // A full storage: the import still shows, with a notice that it will not be kept.
  const full = await openPage(browser);
  await full.addInitScript(() => {
    const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'japan-nato-explorer.dataset') throw quota();
      return setItem.call(this, key, value);
    };
    IDBFactory.prototype.open = function () { throw quota(); };
  });
  await goto(full, server.origin + '/');
  await importFile(full, { name: 'writing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TIMELINE_JSON)) });
  await full.getByRole('heading', { level: 1, name: 'A short history of writing' }).waitFor();
  await full.getByRole('status').filter({ hasText: /could not be kept for your next visit: the browser's storage for this site is full/ }).waitFor();
  await full.getByRole('checkbox', { name: 'Writing', exact: true }).check();
  assert.equal(await full.locator('.event-list li').count(), 2, 'the page keeps working');
  await full.context().close();
});

test('?data= loads a file of the same site with the link’s view; another site is refused', async () => {
  const dir = path.join(DIST, 'e2e-data');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'voyages.csv'), TIMELINE_CSV);
  try {
    const page = await load(browser, server.origin + '/?data=e2e-data/voyages.csv&domain=africa');
    await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Africa', exact: true }).isChecked(), true, 'the link’s filter applies to the file');
    await listReady(page);
    assert.equal(await page.locator('.event-list li').count(), 3);
    assert.match(page.url(), /data=e2e-data\/voyages\.csv/, 'the link keeps naming the file');
    await page.context().close();

    // The link is tidied in place once the file is there (an event it does not have is
    // dropped), or once it has failed to load: no history entry is added either way.
    for (const [link, done] of [
      ['/?data=e2e-data/voyages.csv&domain=africa&event=nope', (p) => p.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor()],
      ['/?data=e2e-data/missing.csv&domain=africa', (p) => p.getByRole('dialog').getByRole('alert').waitFor()],
    ]) {
      const tidy = await openPage(browser);
      await tidy.addInitScript(() => {
        window.__pushes = [];
        const push = history.pushState.bind(history);
        history.pushState = (state, title, url) => { window.__pushes.push(String(url)); return push(state, title, url); };
      });
      await goto(tidy, server.origin + link);
      await done(tidy);
      await until(() => !tidy.url().includes('event=nope'), `${link}: the link is tidied`);
      // Proves that something does not happen: no entry is pushed once the load has ended.
      await tidy.waitForTimeout(400);
      assert.deepEqual(await tidy.evaluate(() => window.__pushes), [], `${link}: no entry is pushed`);
      assert.ok(!tidy.url().includes('event=nope'), `${link}: the unknown event is dropped from the link`);
      await tidy.context().close();
    }

    // A file imported while the link's own file still loads is a change of its own: Back returns
    // to the link.
    const slow = await openPage(browser);
    await slow.route('**/e2e-data/slow.csv', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.fulfill({ status: 200, contentType: 'text/csv', body: TIMELINE_CSV });
    });
    await goto(slow, server.origin + '/?data=e2e-data/slow.csv');
    await importFile(slow, { name: 'writing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TIMELINE_JSON)) });
    await slow.getByRole('heading', { level: 1, name: 'A short history of writing' }).waitFor();
    await slow.waitForFunction(() => location.search.startsWith('?data=@browser'));
    await slow.goBack();
    await slow.waitForFunction(() => location.search === '?data=e2e-data/slow.csv');
    await slow.context().close();

    const other = await load(browser, server.origin + '/?data=https://example.org/x.json');
    await other.getByRole('dialog').getByText(/not on this site/).waitFor();
    assert.equal(await heading(other), DATA.title);
    await other.context().close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Our own files' text is text: "<blink>" or "x<y" in a summary is shown and searched as written
// (it was read as HTML and lost); a TimelineJS file's text is HTML, in its events and its story.
test('a CSV summary with "<" and "&" is shown and found as written; a TimelineJS slide\'s HTML reads as HTML in its story', async () => {
  const page = await load(browser, server.origin + '/');
  const summary = 'Browsers ignore the <blink> tag; <script> blocks run in order; if x<y and y>z then x&lt;z, at AT&T.';
  const csv = `id,start,title,summary\nhtml-words,2001,Words about tags,"${summary}"\nother,2002,Another event,Plain\n`;
  await importFile(page, { name: 'tags.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('heading', { level: 1, name: 'tags' }).waitFor();
  await page.getByRole('searchbox').fill('blink');
  await listReady(page);
  const found = await page.locator('.event-list li .title').allTextContents();
  assert.equal(found.length, 1, `search finds the one event (${found})`);
  assert.match(found[0], /^Words about tags.*Summary: Browsers ignore the <blink> tag/, 'where it was found, as written');
  await page.locator('.event-list li button').first().click();
  const details = page.getByRole('complementary', { name: 'Words about tags' });
  await details.waitFor();
  assert.equal((await details.locator('.summary').textContent()).trim(), summary, 'the summary is shown as written');

  const story = {
    title: { text: { headline: 'Clay to print', text: '<p>From <i>clay</i> to print</p>' } },
    events: [
      { unique_id: 'clay', start_date: { year: -3200 }, text: { headline: 'Clay tablets', text: 'Cuneiform in <b>Sumer</b>. <a href="https://example.org/a">A source</a>' } },
      { unique_id: 'press', start_date: { year: 1450 }, text: { headline: 'The press', text: '<span>Mainz</span> &amp; Strasbourg' } },
    ],
  };
  await importFile(page, { name: 'clay.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(story)) });
  await page.getByRole('heading', { level: 1, name: 'Clay to print' }).waitFor();
  await page.getByRole('button', { name: /Tell the story|Tour/ }).first().click();
  const panel = page.locator('.story');
  await until(async () => (await panel.locator('.story-text').textContent()).includes('From clay to print'), 'the title slide\'s text, without its tags');
  await page.keyboard.press('ArrowRight');
  await until(async () => (await panel.locator('.story-text').textContent()).includes('Cuneiform in Sumer.'), 'the first slide\'s text, without its tags');
  assert.equal(await panel.locator('.story-text b, .story-text strong').textContent(), 'Sumer', 'bold stays bold');
  assert.equal(await panel.getByRole('link', { name: 'A source' }).getAttribute('href'), 'https://example.org/a');
  await page.keyboard.press('ArrowRight');
  await until(async () => (await panel.locator('.story-text').textContent()).trim() === 'Mainz & Strasbourg', 'a slide with other tags and references reads as HTML shows it');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link whose file fails to load keeps the rest of its view on the chronology shown, and stops naming the file', async () => {
  const page = await load(browser, server.origin + '/?data=e2e-data/missing.csv&domain=piracy');
  await page.getByRole('dialog').getByRole('alert').waitFor();
  await until(() => !page.url().includes('data='), 'the link no longer names the file');
  assert.match(page.url(), /[?&]domain=piracy/, 'the link keeps its filter');
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).first().click();
  const chips = page.getByRole('navigation', { name: 'Active filters' });
  await chips.getByRole('button', { name: /Piracy/ }).waitFor();
  assert.match(await page.locator('svg[aria-roledescription="timeline"]').getAttribute('aria-label'), /Timeline of \d+ of \d+ events/);
  assert.deepEqual(page.problems.filter((p) => !p.includes('missing.csv') && !p.includes('404 (Not Found)')), []);
  await page.context().close();
});

test('a chronology whose events cite no work: BibTeX says there is nothing for a reference manager, rather than saving an empty file', async () => {
  const page = await load(browser, server.origin + '/');
  await importFile(page, { name: 'plain.csv', mimeType: 'text/csv', buffer: Buffer.from('id,start,title\na,2001,First\nb,2002,Second\n') });
  await page.getByRole('heading', { level: 1, name: 'plain' }).waitFor();
  let downloads = 0;
  page.on('download', () => { downloads++; });
  await page.getByRole('button', { name: 'BibTeX' }).click();
  await page.getByRole('status').filter({ hasText: 'No event shown cites a work' }).waitFor();
  // Proves that something does not happen: no file is saved.
  await page.waitForTimeout(300);
  assert.equal(downloads, 0, 'no empty file is saved');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an import chosen from the keyboard gives the focus back to Import…, not to a Restore button that Enter would press', async () => {
  const page = await load(browser, server.origin + '/');
  await page.getByRole('button', { name: 'Import…' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Import a chronology' }).waitFor();
  const rows = ['id,start,title', ...Array.from({ length: 3 }, (_, k) => `e${k},2020-05-0${k + 1},Event ${k + 1}`)];
  await page.getByLabel('Choose a chronology file').setInputFiles(write('keyboard.csv', rows.join('\n') + '\n'));
  await until(async () => (await heading(page)) !== 'Japan–NATO relations: a chronology', 'the import shows');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  await until(async () => (await focused()) === 'Import…', 'the focus is back on Import…');
  // A fixed wait, to show that nothing takes it away afterwards; Enter then opens the dialog
  // again, and the chronology stays the imported one.
  await page.waitForTimeout(300);
  assert.equal(await focused(), 'Import…');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Import a chronology' }).waitFor();
  assert.notEqual(await heading(page), 'Japan–NATO relations: a chronology');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two files dropped at once: the first is imported, and the page says the other was not', async () => {
  const page = await load(browser, server.origin + '/');
  await dropFiles(page, [['voyages.csv', TIMELINE_CSV], ['other.csv', 'id,start,title\na,2001,A\n']]);
  await page.getByRole('heading', { level: 1, name: 'Voyages of exploration' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'One file at a time: voyages.csv is imported, not the 1 other dropped with it.' }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a chronology of more than 32 domains says under the legend that their marks come round again, and how to tell them apart', async () => {
  const rows = Array.from({ length: 34 }, (_, i) => `e${i},${2000 + i},Event ${i},domain-${String(i).padStart(2, '0')}`);
  const page = await load(browser, server.origin + '/');
  await importFile(page, { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,start,title,domains\n${rows.join('\n')}\n`) });
  await page.getByRole('heading', { level: 1, name: 'many' }).waitFor();
  const legend = page.getByRole('list', { name: 'Domain colours' });
  assert.equal(await legend.getByRole('listitem').count(), 34);
  await page.getByText('Past 32 domains, the marks come round again (Domain 32 has the mark of Domain 00): an event\'s tooltip and details name its domains.').waitFor();
  await legend.screenshot({ path: artifact('legend-34-domains.png') });
  // The brief's 16 say nothing of it.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: /Japan–NATO/ }).waitFor();
  assert.equal(await page.getByText(/marks come round again/).count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// A spreadsheet's CSV with 23 dates written with slashes (year first): on a phone the offer to
// import the good events stood 250 px below the dialog's foot, after the 23 problems. (Dates
// written day first, as 15.10.1970, are read so now: the file shows the order.)
test('375×667: a file with many bad rows offers to import the good ones at the top of its report, and says how to write the dates', async () => {
  const page = await load(browser, server.origin + '/', { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  const rows = Array.from({ length: 113 }, (_, i) => (i < 23 ? `e${i};19${70 + (i % 20)}/10/15;Event ${i}` : `e${i};19${70 + (i % 30)}-10-15;Event ${i}`));
  await importFile(page, { name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFFid;start;title\r\n${rows.join('\r\n')}\r\n`) });
  const report = page.getByRole('dialog').getByRole('alert');
  await report.getByText('“excel.csv” was not imported').waitFor();
  const offer = report.getByRole('button', { name: 'Import the 90 good events, leaving out 23 bad records', exact: true });
  const [box, dialog] = [await offer.boundingBox(), await page.getByRole('dialog').boundingBox()];
  assert.ok(box.y >= dialog.y && box.y + box.height <= Math.min(dialog.y + dialog.height, 667), `the offer is in the dialog's view (${JSON.stringify(box)} in ${JSON.stringify(dialog)})`);
  assert.match(await report.getByRole('listitem').first().textContent(), /'1970\/10\/15' is not a date: write it 1970-10-15 \(YYYY-MM-DD\)/);
  await page.screenshot({ path: artifact('import-report-phone.png') });
  await offer.click();
  await page.getByRole('dialog').getByRole('status').getByText('23 records were left out:').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('past a thousand problems the dialog and the notice count them all; a problem of the whole file is not "in 0 of 1 records"', async () => {
  const page = await load(browser, server.origin + '/');
  // 5,000 rows, every other one with a year that is not one: 2,500 problems, listed up to 1,000.
  const rows = Array.from({ length: 5000 }, (_, i) => `e${i},${i % 2 ? '20x1' : '2000'},Event ${i}`);
  await importFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`id,start,title\n${rows.join('\n')}\n`) });
  const report = page.getByRole('dialog').getByRole('alert');
  await report.getByText('“big.csv” was not imported').waitFor();
  assert.match(await report.textContent(), /2,500 problems in 2,500 of 5,000 records \(read as chronology CSV\)\./);
  const listed = await report.getByRole('listitem').allTextContents();
  assert.equal(listed.length, 1001, 'a thousand problems listed, and a line for the rest');
  assert.equal(listed.at(-1), '… and 1,500 more problems');
  await report.getByRole('button', { name: 'Import the 2,500 good events, leaving out 2,500 bad records', exact: true }).click();
  const skipped = page.getByRole('dialog').getByRole('status');
  await skipped.getByText('2,500 records were left out:').waitFor();
  // Once the dialog is closed, the notice that stays says so too.
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('status').filter({ hasText: 'Imported 2,500 events from big.csv (chronology CSV). 2,500 records were left out.' }).waitFor();

  // A problem of the file as a whole, with one good event.
  const json = { events: [{ id: 'a', start: '2001', title: 'A', summary: '' }], colour: 'red' };
  await importFile(page, { name: 'whole.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
  await report.getByText('“whole.json” was not imported').waitFor();
  assert.match(await report.textContent(), /1 problem with the file as a whole \(read as chronology JSON\)\./);
  assert.doesNotMatch(await report.textContent(), /in 0 of/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a second file replaces what was said of the first one’s saved view', async () => {
  const page = await load(browser, server.origin + '/');
  const first = '# view: ?domain=nope&from=xyz&to=2010\nid,start,title,domains\na,2001,First,dx\nb,2005,Second,dy\n';
  await importFile(page, { name: 'first.csv', mimeType: 'text/csv', buffer: Buffer.from(first) });
  await page.getByRole('heading', { level: 1, name: 'first' }).waitFor();
  const notices = page.getByRole('status');
  await notices.filter({ hasText: "Ignored from='xyz' in the file's saved view" }).waitFor();
  await notices.filter({ hasText: "The file's saved view's domain 'nope'" }).waitFor();
  const second = 'Year,Month,Day,Headline\n1950,,,Other file one\n1960,,,Other file two\n';
  await importFile(page, { name: 'second.csv', mimeType: 'text/csv', buffer: Buffer.from(second) });
  await page.getByRole('heading', { level: 1, name: 'second' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Imported 2 events from second.csv (TimelineJS CSV).' }).waitFor();
  assert.deepEqual(await page.getByRole('status').filter({ hasText: /saved view|first\.csv/ }).allTextContents(), [],
    'nothing is said any more of first.csv or its view');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
