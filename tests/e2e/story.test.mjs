// Story mode: the brief's argument told scene by scene beside the timeline (the scene in the
// link, Back and Forward through scenes, Escape out with the view kept, printed as one
// document), a TimelineJS file's slides as a story, and the overview that carries it (its count
// axis, a readout of any year, the dark theme).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, load, timelineReady, timelineWindow, windowSettled, until, artifact, dataset, ROOT, TIMELINE, TL_WITH_ERA_AND_BAD_MONTH } from './harness.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const DATA = dataset();
const STORY = DATA.stories[0];
const SCENES = STORY.scenes;
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-story-'));

/** axe-core's WCAG A/AA violations on the page (as in a11y.test.mjs). */
async function audit(page, state) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join('\n    ')}`);
  });
  console.log(`axe-core, ${state}: ${result.length} violation(s)`);
  return result;
}

/** A scene's own window, in days: its `from` year's first day to the day after its `to` year. */
function sceneWindow(scene) {
  const { from, to } = scene.view.window;
  assert.match(`${from} ${to}`, /^\d{4} \d{4}$/, 'the brief\'s scenes name years');
  return { start: Date.UTC(+from, 0, 1) / 86_400_000, end: Date.UTC(+to + 1, 0, 1) / 86_400_000 };
}

/** The timeline shows `scene`'s window (to the day). */
function assertSceneWindow(w, scene) {
  const want = sceneWindow(scene);
  assert.ok(Math.abs(w.start - want.start) <= 1 && Math.abs(w.end - want.end) <= 1,
    `the window ${w.start} – ${w.end} is scene "${scene.id}"'s ${want.start} – ${want.end} (${scene.view.window.from}–${scene.view.window.to})`);
}

const panel = (page) => page.locator('section.story');
const progress = (page) => page.getByRole('status').filter({ hasText: /^Scene \d+ of \d+/ });
const sceneParam = (page) => new URL(page.url()).searchParams.get('scene');

/** Waits until the story panel shows scene `n` (1-based) of the brief's story, with its window. */
async function showsScene(page, n) {
  const scene = SCENES[n - 1];
  await panel(page).getByRole('heading', { level: 2, name: scene.title, exact: true }).waitFor();
  await until(async () => (await progress(page).textContent()).startsWith(`Scene ${n} of ${SCENES.length}`), `the live region says scene ${n}`);
  assertSceneWindow(await windowSettled(page), scene);
}

test('"Tour the brief" starts at scene 1: its title, "Scene 1 of 11" announced, its window, the focus on it', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const fitted = await windowSettled(page);
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  const heading = page.getByRole('heading', { level: 2, name: SCENES[0].title, exact: true });
  await heading.waitFor();
  assert.equal(await panel(page).getByRole('heading', { level: 2 }).textContent(), SCENES[0].title);
  assert.match(await progress(page).textContent(), new RegExp(`^Scene 1 of ${SCENES.length}\\b`));
  assert.equal(await progress(page).getAttribute('aria-live'), 'polite');
  assertSceneWindow(await windowSettled(page, { from: fitted }), SCENES[0]);
  assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'the scene\'s heading takes the focus');
  await until(() => sceneParam(page) === SCENES[0].id, 'the link names scene 1');
  assert.equal(new URL(page.url()).searchParams.get('story'), STORY.id);
  // The story's panel takes the filters' place; the way in stays where it was, pressed.
  assert.equal(await page.getByRole('button', { name: 'Tour the brief' }).getAttribute('aria-pressed'), 'true');
  await page.screenshot({ path: artifact('story-scene-1.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Next goes to scene 2: the window and the link change', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  await showsScene(page, 1);
  const first = await timelineWindow(page);
  await page.getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name: 'Next scene →' }).click();
  await panel(page).getByRole('heading', { level: 2, name: SCENES[1].title, exact: true }).waitFor();
  const second = await windowSettled(page, { from: first });
  assert.ok(second.start !== first.start || second.end !== first.end, 'the window moves');
  assertSceneWindow(second, SCENES[1]);
  await until(() => sceneParam(page) === SCENES[1].id, `the link names scene 2 (${page.url()})`);
  assert.match(await progress(page).textContent(), new RegExp(`^Scene 2 of ${SCENES.length}\\b`));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the scene buttons stand side by side, each on one line, in the story\'s column at 1280×800 and in its sheet on a phone', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const page = await load(browser, server.origin + '/?story=the-brief&scene=take-off-2007', { viewport });
    const walk = page.getByRole('navigation', { name: 'Scenes' });
    await walk.getByRole('button', { name: 'Next scene →' }).waitFor();
    const lines = await walk.evaluate((nav) => [...nav.querySelectorAll('button')].map((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      // One box per line the button's words take.
      const rows = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      return { name: b.textContent, lines: rows.size, top: Math.round(b.getBoundingClientRect().top) };
    }));
    assert.deepEqual(lines.map((b) => b.name), ['← Previous scene', 'Next scene →']);
    for (const b of lines) assert.equal(b.lines, 1, `"${b.name}" is on one line at ${viewport.width} px (${JSON.stringify(lines)})`);
    assert.equal(lines[0].top, lines[1].top, `the two stand side by side at ${viewport.width} px`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a scene\'s events, their sources and its picture can be downloaded from its panel, named after the scene, at 1280×800 and on a phone', async () => {
  const scene = SCENES.find((c) => c.id === 'take-off-2007');
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const page = await load(browser, server.origin + '/?story=the-brief&scene=take-off-2007', { viewport, acceptDownloads: true });
    const downloads = panel(page).getByRole('group', { name: `Download the ${scene.view.highlight.length} events of this scene` });
    const save = async (group, name) => {
      const [file] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name, exact: true }).click()]);
      const saved = path.join(TMP, `${Date.now()}-${file.suggestedFilename()}`);
      await file.saveAs(saved);
      return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
    };
    const json = await save(downloads, 'JSON');
    assert.equal(json.name, 'japan-nato-relations-a-chronology-take-off-2007.json');
    const ids = JSON.parse(json.text).events.map((e) => e.id).sort();
    assert.deepEqual(ids, [...scene.view.highlight].sort(), 'the file holds the scene\'s events, no others');
    const bib = await save(panel(page).getByRole('group', { name: 'Their sources, for a reference manager' }), 'BibTeX');
    assert.equal(bib.name, 'japan-nato-relations-a-chronology-take-off-2007-sources.bib');
    assert.match(bib.text, /^@\w+\{/m, 'it has entries');
    await windowSettled(page);
    const svg = await save(panel(page).getByRole('group', { name: 'Save the timeline as drawn' }), 'SVG');
    assert.equal(svg.name, 'japan-nato-relations-a-chronology-take-off-2007-2006-2010.svg');
    // Its caption (in lines, on a phone) names the scene.
    const words = [...svg.text.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    assert.ok(words.includes(`Scene 6 of ${SCENES.length}, ${scene.title}`), `the picture names the scene: ${words.slice(0, 200)}`);
    if (viewport.width === 1280) await page.screenshot({ path: artifact('story-downloads-1280.png'), fullPage: false });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('at 1280×800 Next, at the foot of a long scene, leaves the timeline in view and opens the next scene at its top; on a phone the scenes are a sheet at the foot of the screen, under the timeline they change', async () => {
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=2`, { marks: true, viewport: { width: 1280, height: 800 } });
  await showsScene(page, 2);
  const next = page.getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name: 'Next scene →' });
  // Read to the foot of the scene: Next is still in view, without scrolling back.
  const box = await panel(page).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 300);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
  await until(() => panel(page).evaluate((p) => p.scrollTop + p.clientHeight >= p.scrollHeight - 1), 'the panel is read to its foot');
  await until(async () => { const b = await next.boundingBox(); return b && b.y >= 0 && b.y + b.height <= 800; }, 'Next is in view at the foot of the scene');
  const leave = page.getByRole('button', { name: 'Leave the story' });
  const l = await leave.boundingBox();
  assert.ok(l && l.y >= 0 && l.y + l.height <= 800, 'so is Leave the story');
  await next.click();
  await showsScene(page, 3);
  const heading = panel(page).getByRole('heading', { level: 2, name: SCENES[2].title, exact: true });
  await until(async () => { const b = await heading.boundingBox(); return b && b.y >= 0 && b.y + b.height <= 800; }, 'the next scene\'s title is in view');
  const timeline = await page.locator(TIMELINE).boundingBox();
  assert.ok(timeline.y >= 0 && timeline.y < 800 - 200, `the timeline is still in view (its top at ${timeline.y})`);
  await page.screenshot({ path: artifact('story-next-desktop.png') });
  await page.context().close();

  const phone = await load(browser, server.origin + `/?story=${STORY.id}&scene=2`, { marks: true, viewport: { width: 375, height: 667 }, hasTouch: true });
  await showsScene(phone, 2);
  const [scrollWidth, clientWidth] = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(scrollWidth <= clientWidth, `the page is no wider than the phone (${scrollWidth} px in ${clientWidth}): the panel wraps its text`);
  // The scene in a sheet at the foot of the screen, the timeline's drawing in view above it.
  const inView = async () => {
    const [tl, sheet] = await Promise.all([phone.locator(TIMELINE).boundingBox(), panel(phone).boundingBox()]);
    return { tl, sheet, ok: Math.round(sheet.y + sheet.height) === 667 && sheet.height <= 667 / 2 && tl.y >= 0 && tl.y + 120 <= sheet.y };
  };
  await until(async () => (await inView()).ok, 'the timeline shows above the scene\'s sheet');
  await phone.screenshot({ path: artifact('story-phone.png') });
  const phoneNext = phone.getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name: 'Next scene →' });
  await phoneNext.click();
  await showsScene(phone, 3);
  const title = panel(phone).getByRole('heading', { level: 2, name: SCENES[2].title, exact: true });
  await until(async () => {
    const [b, sheet] = await Promise.all([title.boundingBox(), panel(phone).boundingBox()]);
    return b && b.y >= sheet.y && b.y + b.height <= 667;
  }, 'on a phone too, the next scene opens at its title, in the sheet');
  const after = await inView();
  assert.ok(after.ok, `and the timeline is still in view above it (${JSON.stringify(after)})`);
  assert.deepEqual([...page.problems, ...phone.problems], []);
  await phone.context().close();
});

test('on a phone, the scene\'s sheet folds to its bar to show the timeline under it, and the next scene opens unfolded; a wide screen has nothing to fold', async () => {
  const phone = await load(browser, server.origin + `/?story=${STORY.id}&scene=5`, { marks: true, viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
  await showsScene(phone, 5);
  const hide = panel(phone).getByRole('button', { name: 'Hide the text' });
  assert.equal(await hide.getAttribute('aria-expanded'), 'true');
  const open = await panel(phone).boundingBox();
  await hide.click();
  const show = panel(phone).getByRole('button', { name: 'Show the text' });
  assert.equal(await show.getAttribute('aria-expanded'), 'false');
  await until(async () => !(await panel(phone).getByRole('heading', { level: 2 }).isVisible()), "the scene's text is folded away");
  const folded = await panel(phone).boundingBox();
  assert.ok(folded.y > open.y + 120 && Math.round(folded.y + folded.height) === 667, `the sheet folds to its foot (its top from ${open.y} to ${folded.y})`);
  // Where it stands and the way on stay.
  assert.ok(await panel(phone).getByRole('status').isVisible());
  await phone.screenshot({ path: artifact('story-phone-folded.png') });
  await panel(phone).getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name: 'Next scene →' }).click();
  await showsScene(phone, 6);
  await panel(phone).getByRole('heading', { level: 2, name: SCENES[5].title, exact: true }).waitFor();
  assert.equal(await panel(phone).getByRole('button', { name: 'Hide the text' }).getAttribute('aria-expanded'), 'true');
  assert.deepEqual(phone.problems, []);
  await phone.context().close();

  const desktop = await load(browser, server.origin + `/?story=${STORY.id}&scene=5`, { marks: true, viewport: { width: 1280, height: 800 } });
  await showsScene(desktop, 5);
  assert.equal(await panel(desktop).getByRole('button', { name: /the text$/ }).count(), 0, 'no fold beside the timeline');
  await desktop.context().close();
});

// On a phone on its side (667×375) the scene's sheet took 72 % of the screen at its foot, and
// the page brought the timeline's bar above it: only the axis showed, none of the scene's events.
test('on a phone on its side, Next scene shows the scene\'s events on the timeline beside its sheet', async () => {
  const size = { width: 667, height: 375 };
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=3`, { marks: true, viewport: size, hasTouch: true, isMobile: true });
  await showsScene(page, 3);
  await panel(page).getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name: 'Next scene →' }).click();
  await showsScene(page, 4);
  const shownBeside = async () => {
    const sheet = await panel(page).boundingBox();
    const marks = await page.locator(TIMELINE).locator('.mark[role="button"]').evaluateAll((els) => els.map((m) => {
      const r = m.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
    }));
    return marks.filter((m) => m.y >= 0 && m.bottom <= size.height && m.x >= 0 && m.right <= sheet.x).length;
  };
  await until(async () => (await shownBeside()) >= 3, 'the scene\'s events show beside the sheet');
  await page.screenshot({ path: artifact('story-phone-on-its-side.png') });
  // Folded, the sheet goes to the foot and the timeline takes the whole width again.
  await panel(page).getByRole('button', { name: 'Hide the text' }).click();
  await until(async () => {
    const [sheet, drawing] = [await panel(page).boundingBox(), await page.locator(TIMELINE).boundingBox()];
    return sheet.x < 20 && drawing.width > size.width * 0.8;
  }, 'folded, the bar is at the foot and the timeline as wide as the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Opened from a link on a phone on its side, a scene placed the drawing at the top of the
// screen before what stands above it shrank: its years stayed 56 px above the screen.
test('on a phone on its side, a scene opened from a link shows the drawing from its years down', async () => {
  const size = { width: 667, height: 375 };
  for (const scene of [1, 6]) {
    const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${SCENES[scene - 1].id}`, { marks: true, viewport: size, hasTouch: true, isMobile: true });
    await showsScene(page, scene);
    const top = () => page.locator('#timeline .timeline-canvas').evaluate((el) => el.getBoundingClientRect().top);
    await until(async () => Math.abs(await top()) < 2, `scene ${scene}: the drawing's top (its years) at the top of the screen (now ${await top()})`);
    await page.waitForTimeout(400); // what must not happen: the page moving it off again
    assert.ok(Math.abs(await top()) < 2, `scene ${scene}: the drawing's top stays at the screen's (${await top()})`);
    // Its buttons each on one line ("Next scene" broke before its arrow).
    for (const name of ['Next scene →', '← Previous scene']) {
      const button = panel(page).getByRole('navigation', { name: 'Scenes' }).getByRole('button', { name, exact: true });
      const lines = await button.evaluate((b) => Math.round(b.getBoundingClientRect().height / parseFloat(getComputedStyle(b).lineHeight || '20')));
      assert.ok((await button.boundingBox()).height < 40, `scene ${scene}: "${name}" on one line (${lines})`);
    }
    if (scene === 1) await page.screenshot({ path: artifact('story-phone-on-its-side-link.png') });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a scene lists the events it is about; on a phone, where their marks are too crowded to be named, choosing one opens its details', async () => {
  const scene = SCENES[1];
  const about = scene.view.highlight.map((id) => DATA.events.find((e) => e.id === id));
  for (const size of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=2`, { marks: true, viewport: size, hasTouch: size.width < 600 });
    await showsScene(page, 2);
    const list = panel(page).getByRole('list', { name: 'In this scene' });
    const entries = list.getByRole('button');
    assert.equal(await entries.count(), about.length, `${size.width} px: one entry per event of the scene`);
    const texts = await entries.allTextContents();
    for (const e of about) assert.ok(texts.some((t) => t.endsWith(e.title)), `${size.width} px: "${e.title}" is listed (${texts.join(' | ')})`);
    const days = about.map((e) => DATA.events.findIndex((d) => d.id === e.id)).sort((a, b) => a - b);
    assert.deepEqual(texts.map((t) => DATA.events.findIndex((d) => t.endsWith(d.title))), days, 'in time order');
    const france = about.find((e) => /France blocks/.test(e.title));
    await list.getByRole('button', { name: new RegExp(france.title) }).click();
    await page.getByRole('complementary', { name: france.title }).waitFor();
    await page.screenshot({ path: artifact(`story-scene-event-${size.width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('in a story at 1280×800, choosing a mark on the timeline opens its details under the story\'s bar, and nothing moves under the pointer', async () => {
  const n = SCENES.findIndex((s) => (s.view.highlight ?? []).length > 2) + 1;
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${n}`, { marks: true, viewport: { width: 1280, height: 800 } });
  await showsScene(page, n);
  await page.waitForTimeout(600);
  const id = SCENES[n - 1].view.highlight[0];
  const event = DATA.events.find((e) => e.id === id);
  const mark = page.locator(`${TIMELINE} .mark`).filter({ hasText: event.title }).first();
  const [drawing, at] = [await page.locator(TIMELINE).boundingBox(), await mark.boundingBox()];
  await page.mouse.click(at.x + 4, at.y + at.height / 2);
  const details = page.getByRole('complementary', { name: event.title });
  await details.waitFor();
  await page.waitForTimeout(300);
  const [drawing2, at2] = [await page.locator(TIMELINE).boundingBox(), await mark.boundingBox()];
  assert.deepEqual(drawing2, drawing, 'the timeline keeps its width and place');
  assert.ok(Math.abs(at2.x - at.x) < 2 && Math.abs(at2.y - at.y) < 2, `the mark stays under the pointer (${JSON.stringify(at)} → ${JSON.stringify(at2)})`);
  // The story's way on and out stay in view above the details, whose heading and Close are in view too.
  for (const name of ['Next scene →', 'Leave the story']) {
    const b = await panel(page).getByRole('button', { name, exact: true }).boundingBox();
    assert.ok(b && b.y >= 0 && b.y + b.height <= 800, `${name} is in view`);
  }
  for (const el of [details.getByRole('heading', { name: event.title }), details.getByRole('button', { name: 'Close' })]) {
    const b = await el.boundingBox();
    assert.ok(b && b.y >= 0 && b.y + b.height <= 800 && b.x + b.width <= drawing.x, `${await el.textContent()} is in view, beside the timeline`);
  }
  await page.screenshot({ path: artifact('story-details-1280.png') });
  // As the page scrolls (to the list, to its foot), the story's bar and the details both stay
  // in view, the details' foot (their Previous and Next) too.
  for (const y of [400, 100_000]) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await until(async () => {
      const [next, close, box] = await Promise.all([
        panel(page).getByRole('button', { name: 'Next scene →', exact: true }).boundingBox(),
        details.getByRole('button', { name: 'Close' }).boundingBox(),
        details.boundingBox(),
      ]);
      return next.y >= 0 && close.y > next.y && box.y + box.height <= 800;
    }, `scrolled to ${y}: the story's Next, the details' Close and their foot are in view`);
  }
  // Closed, the scene's text is back.
  await details.getByRole('button', { name: 'Close' }).click();
  await panel(page).getByRole('heading', { name: SCENES[n - 1].title }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a scene\'s marked moment is named whole, inside the drawing and the overview, at 1280×800 and on a phone', async () => {
  const n = SCENES.findIndex((s) => s.annotations?.length) + 1;
  assert.ok(n > 0, 'a scene marks a moment');
  for (const size of [{ width: 1280, height: 800 }, { width: 375, height: 667 }]) {
    const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${n}`, { marks: true, viewport: size, hasTouch: size.width < 600 });
    await showsScene(page, n);
    const text = page.locator(`${TIMELINE} .annotation text`).first();
    await text.waitFor();
    const want = SCENES[n - 1].annotations[0].label;
    const lines = await text.locator('tspan').allTextContents();
    assert.equal(lines.join(' '), want, `${size.width} px: the whole name, in ${lines.length} line(s)`);
    const [drawing, box] = [await page.locator(TIMELINE).boundingBox(), await text.boundingBox()];
    assert.ok(box.x >= drawing.x - 1 && box.x + box.width <= drawing.x + drawing.width + 1,
      `${size.width} px: "${want}" lies inside the drawing (${box.x}–${box.x + box.width} in ${drawing.x}–${drawing.x + drawing.width})`);
    // It stands on a box, so that a phase's name under it (on a phone, "From September 11 to
    // direct cooperation") does not show between its letters; the box, in parts, has the colour
    // of what it stands over, the phases' bands (in the page's colour it read as a blank bar
    // across the band).
    const parts = await page.locator(`${TIMELINE} .annotation rect.backing`).evaluateAll((rects) => rects.map((r) => {
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height, fill: getComputedStyle(r).fill, tint: [...r.classList].find((c) => c.startsWith('phase-')) ?? null };
    }));
    const [page_bg, tints] = await page.evaluate(() => {
      const css = getComputedStyle(document.documentElement);
      const rgb = (hex) => { const n = parseInt(hex.trim().slice(1), 16); return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`; };
      return [getComputedStyle(document.body).backgroundColor, { 'phase-0': rgb(css.getPropertyValue('--phase-0')), 'phase-1': rgb(css.getPropertyValue('--phase-1')) }];
    });
    const left = Math.min(...parts.map((p) => p.x));
    const under = { x: left, y: parts[0].y, width: Math.max(...parts.map((p) => p.x + p.width)) - left, height: parts[0].height };
    // (The text's box takes in its halo, 2 px of the page's colour either side.)
    assert.ok(under.x <= box.x + 3 && under.x + under.width >= box.x + box.width - 3 && under.y <= box.y + 3 && under.y + under.height >= box.y + box.height - 3,
      `${size.width} px: the box (${JSON.stringify(under)}) holds the name (${JSON.stringify(box)})`);
    const sorted = [...parts].sort((a, b) => a.x - b.x);
    for (let k = 1; k < sorted.length; k++) assert.ok(Math.abs(sorted[k].x - (sorted[k - 1].x + sorted[k - 1].width)) < 0.6, `${size.width} px: the box's parts meet`);
    for (const part of parts) assert.equal(part.fill, part.tint ? tints[part.tint] : page_bg, `${size.width} px: a part of the box has the colour of what it stands over`);
    assert.ok(parts.some((p) => p.tint), `${size.width} px: the box stands on a phase's band, in its colour`);
    // What runs in under the box from its left (the phase's name) fades out before it, to the
    // colour the box starts with: cut short, it does not read as a whole name.
    const fade = page.locator(`${TIMELINE} .annotation rect.backing-fade`).first();
    const faded = await fade.boundingBox();
    assert.ok(Math.abs(faded.x + faded.width - under.x) < 1 && faded.width >= 10 && Math.abs(faded.y - under.y) < 1,
      `${size.width} px: the fade (${JSON.stringify(faded)}) runs up to the box's left edge`);
    const stops = await fade.evaluate((r) => {
      const gradient = document.querySelector(r.getAttribute('fill').replace(/^url\((#[^)]+)\)$/, '$1'));
      return [...gradient.querySelectorAll('stop')].map((s) => [getComputedStyle(s).stopColor, s.getAttribute('stop-opacity')]);
    });
    const first = sorted[0].fill;
    assert.deepEqual(stops, [[first, '0'], [first, '1']], 'from clear to the colour the box starts with');
    // A phase's name is whole or not at all: on a phone, where the box would cut "From September
    // 11 to direct cooperation", it hides the name from its start; at 1280 px the name ends
    // before the box and shows whole.
    const strip = await page.locator(`${TIMELINE} .phases rect.phase-strip`)
      .filter({ has: page.locator('title', { hasText: /^From September 11/ }) }).boundingBox();
    if (size.width < 600) assert.ok(under.x <= strip.x + 4 + 1, `${size.width} px: the box (from ${under.x}) hides the phase's name from its start (${strip.x + 4})`);
    else assert.ok(faded.x > strip.x + 4 + 100, `${size.width} px: the phase's name (from ${strip.x + 4}) is left to show, whole (the box's fade from ${faded.x})`);
    // Its line strikes through no event's name: it stops short of each named event of the scene
    // it meets (a mark whose target takes in its name) and resumes below, and is drawn.
    const runs = (await page.locator(`${TIMELINE} .annotation .moment-line`).getAttribute('d'))
      .match(/M[^M]+/g).map((run) => run.match(/-?[\d.]+/g).map(Number));
    assert.ok(runs.length >= 1, `${size.width} px: the moment's line is drawn`);
    const svgBox = await page.locator(TIMELINE).boundingBox();
    const x = svgBox.x + runs[0][0];
    const names = (await page.locator(`${TIMELINE} .marks .mark:not(.dimmed)`).evaluateAll((els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute('aria-label'), x: r.x, y: r.y, width: r.width, height: r.height };
    }))).filter((m) => m.width >= 30 && m.x <= x && x <= m.x + m.width);
    assert.ok(names.length >= 2, `${size.width} px: the line meets named events (${names.length})`);
    for (const [, top, bottom] of runs) {
      for (const m of names) {
        const [a, b] = [svgBox.y + top, svgBox.y + bottom];
        assert.ok(b <= m.y + 1 || a >= m.y + m.height - 1, `${size.width} px: the line (${a}–${b}) strikes through "${m.name}" (${m.y}–${m.y + m.height})`);
      }
    }
    if (size.width < 600) await page.screenshot({ path: artifact('story-moment-line-375.png'), fullPage: true });
    // The overview names it too where it fits on one line (on a phone, the timeline below does).
    const overview = page.locator('.overview svg.overview-labels .annotation');
    await overview.first().waitFor({ state: 'attached' });
    const named = await overview.locator('text').count();
    if (size.width >= 1280) assert.equal(await overview.locator('text').first().textContent(), want, 'the overview names it');
    for (let k = 0; k < named; k++) {
      const [chart, b] = [await page.locator('.overview svg.overview-labels:not(.overview-counts)').boundingBox(), await overview.locator('text').nth(k).boundingBox()];
      assert.ok(b.x >= chart.x - 1 && b.x + b.width <= chart.x + chart.width + 1, `${size.width} px: the overview's name lies inside it`);
    }
    await page.context().close();
  }
});

// → pressed on an event in the scene's list: the next scene's list put another event, or the
// scene's downloads, where the focus had been, and the panel was scrolled down to it, the scene's
// heading and text out of view. The next scene opens at its top, its heading with the focus.
test('→ from an event in a scene\'s list opens the next scene at its top, its heading with the focus', async () => {
  for (const scene of ['september-11', 'piracy']) {
    const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${scene}`, { marks: true, viewport: { width: 1280, height: 800 } });
    const panel = page.locator('.story');
    const events = panel.locator('.scene-events button');
    await until(async () => (await events.count()) > 1, `scene ${scene} lists its events`);
    const at = SCENES.findIndex((s) => s.id === scene);
    await events.last().focus();
    await page.keyboard.press('ArrowRight');
    await panel.getByRole('heading', { level: 2, name: SCENES[at + 1].title }).waitFor();
    await until(() => page.evaluate(() => document.activeElement?.id === 'story-heading'), `${scene}: the next scene's heading takes the focus`);
    const shown = await page.evaluate(() => {
      const h = document.getElementById('story-heading').getBoundingClientRect(), box = document.querySelector('.story').getBoundingClientRect();
      return h.top >= box.top - 1 && h.bottom <= Math.min(box.bottom, innerHeight) + 1;
    });
    assert.ok(shown, `${scene}: the next scene's heading in view`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  // → at the last scene does nothing, and leaves nothing behind: Previous scene, pressed then,
  // keeps the focus (it went to the heading).
  const last = SCENES.at(-1);
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${last.id}`, { marks: true, viewport: { width: 1280, height: 800 } });
  const events = page.locator('.story .scene-events button');
  await until(async () => (await events.count()) > 0, 'the last scene lists its events');
  await events.first().focus();
  await page.keyboard.press('ArrowRight');
  const previous = page.getByRole('button', { name: '← Previous scene' });
  await previous.focus();
  await page.keyboard.press('Enter');
  await page.locator('.story').getByRole('heading', { level: 2, name: SCENES.at(-2).title }).waitFor();
  await page.waitForTimeout(300); // (what must not happen: the focus moving on)
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), '← Previous scene', 'Previous scene keeps the focus');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// With the reader's lanes by domain, a scene's dimmed context filled the lanes none of whose
// events it is about, and at 200 % zoom only empty lanes showed, the scene's events below.
test('in a story with lanes, the lanes without the scene\'s events fold to their header; one opens with a click; all open when the story is left', async () => {
  const page = await load(browser, server.origin + `/?group=domain&story=${STORY.id}&scene=formalisation`, { marks: true, viewport: { width: 1280, height: 800 } });
  const head = (name) => page.getByRole('button', { name: new RegExp(`^${name} \\(`) });
  await head('Afghanistan').waitFor();
  assert.match(await head('Afghanistan').getAttribute('aria-label'), /\(0 of 16 events\)/);
  assert.equal(await head('Afghanistan').getAttribute('aria-expanded'), 'false', 'a lane without the scene\'s events is folded');
  assert.equal(await head('Cyber').getAttribute('aria-expanded'), 'true', 'a lane with one of them is open');
  // The scene's first lane with its events is on the first screen.
  const cyber = await head('Cyber').boundingBox();
  assert.ok(cyber && cyber.y < 800, `the Cyber lane on the first screen (${cyber?.y})`);
  await page.screenshot({ path: artifact('story-quiet-lanes.png') });
  await head('Afghanistan').click();
  await until(async () => (await head('Afghanistan').getAttribute('aria-expanded')) === 'true', 'a click opens it');
  assert.equal(await head('Piracy').getAttribute('aria-expanded'), 'false', 'the others stay folded');
  await page.getByRole('button', { name: 'Leave the story' }).click();
  await until(async () => (await head('Piracy').getAttribute('aria-expanded')) === 'true', 'every lane opens once the story is left');
  assert.doesNotMatch(page.url(), /fold=/, 'and none is said folded in the link');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link to scene 5 opens scene 5; Next then Back returns to it', async () => {
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=5`, { marks: true });
  await showsScene(page, 5);
  await until(() => sceneParam(page) === SCENES[4].id, 'the link is tidied to name the scene');
  await page.getByRole('button', { name: 'Next scene →' }).click();
  await showsScene(page, 6);
  await until(() => sceneParam(page) === SCENES[5].id, 'the link names scene 6');
  await page.goBack();
  await showsScene(page, 5);
  assert.equal(sceneParam(page), SCENES[4].id);
  await page.screenshot({ path: artifact('story-scene-5.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Back returns to scene 4 from scene 5, and Forward goes to 5 again', async () => {
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=${SCENES[3].id}`, { marks: true });
  await showsScene(page, 4);
  await page.getByRole('button', { name: 'Next scene →' }).click();
  await showsScene(page, 5);
  await until(() => sceneParam(page) === SCENES[4].id, 'the link names scene 5');
  await page.goBack();
  await showsScene(page, 4);
  assert.equal(sceneParam(page), SCENES[3].id);
  await page.goForward();
  await showsScene(page, 5);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Escape in the story\'s panel leaves the story and keeps its view to explore from', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  await showsScene(page, 1);
  await page.getByRole('button', { name: 'Next scene →' }).click();
  await showsScene(page, 2);
  const scene = await timelineWindow(page);
  assert.equal(await panel(page).evaluate((p) => p.contains(document.activeElement)), true, 'the focus is in the story\'s panel');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Tour the brief' }).waitFor();
  assert.equal(await panel(page).count(), 0, 'the story\'s panel is gone');
  await page.getByRole('heading', { name: 'Filters', exact: true }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: 'Piracy', exact: true }).isVisible(), 'the filters are back');
  await until(() => !new URL(page.url()).searchParams.has('story'), 'the link no longer names the story');
  // Leaving must not ease the window anywhere (e.g. following the filters to every event):
  // give it the time an animation would take to start, then check that it stayed.
  await windowSettled(page);
  await new Promise((r) => setTimeout(r, 400));
  const kept = await timelineWindow(page);
  assert.deepEqual([kept.start, kept.end], [scene.start, scene.end], 'the scene\'s window stays');
  assertSceneWindow(kept, SCENES[1]);
  await page.getByText(`Showing ${DATA.events.length} of ${DATA.events.length} events`).waitFor();
  await page.screenshot({ path: artifact('story-left.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Escape with the timeline focused leaves the story too; clicked to the last scene, "Next scene" keeps the focus, said unavailable, and ← walks back', async () => {
  const page = await load(browser, server.origin + `/?story=the-brief&scene=${SCENES.length - 1}`, { marks: true });
  await showsScene(page, SCENES.length - 1);
  const next = panel(page).getByRole('button', { name: 'Next scene →' });
  await next.click();
  await showsScene(page, SCENES.length);
  assert.equal(await next.getAttribute('aria-disabled'), 'true', 'at the last scene it says it can go no further');
  assert.ok(await next.evaluate((b) => b === document.activeElement), 'the focus stays on it, not on the page');
  await next.click({ force: true }); // (Playwright will not click what says it is disabled)
  await page.waitForTimeout(300); // what must not happen: a scene past the last
  assert.match(await progress(page).textContent(), new RegExp(`^Scene ${SCENES.length} of ${SCENES.length}\\b`));
  await page.keyboard.press('ArrowLeft');
  await showsScene(page, SCENES.length - 1);
  // Escape on the drawing, nothing else open: the story ends.
  await page.locator(TIMELINE).focus();
  await page.keyboard.press('Escape');
  await until(async () => (await panel(page).count()) === 0, 'the story\'s panel is gone');
  await until(() => !new URL(page.url()).searchParams.has('story'), 'the link no longer names the story');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Leave the story" from a scene with lanes of its own gives the reader\'s lanes back, and the focus to "Tour the brief", which stays in the header, pressed, and leaves the story too', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const lanes = page.getByRole('combobox', { name: 'Lanes' });
  assert.equal(await lanes.inputValue(), 'none', 'one set of lanes, the reader\'s choice');
  const search = page.getByRole('searchbox');
  const box = await search.boundingBox();
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  await showsScene(page, 1);
  assert.deepEqual(await search.boundingBox(), box, 'the header does not move as the story starts');
  const own = SCENES.findIndex((s) => s.view.group_by) + 1;
  assert.ok(own > 0, 'a scene of the brief\'s story sets its own lanes');
  for (let n = 2; n <= own; n++) {
    await page.getByRole('button', { name: 'Next scene →' }).click();
    await showsScene(page, n);
  }
  await until(async () => (await lanes.inputValue()) !== 'none', 'the scene sets its lanes');
  await page.getByRole('button', { name: 'Leave the story' }).click();
  const tour = page.getByRole('button', { name: 'Tour the brief' });
  await tour.waitFor();
  await until(() => tour.evaluate((b) => b === document.activeElement), 'the focus is on "Tour the brief", not lost to the page');
  await until(async () => (await lanes.inputValue()) === 'none', 'the reader\'s lanes are back');
  assert.equal(new URL(page.url()).searchParams.get('group'), null, 'the link has no lanes');
  assert.equal(await tour.getAttribute('aria-pressed'), 'false');
  // The pressed "Tour the brief" is a way out too.
  await tour.click();
  await showsScene(page, 1);
  assert.equal(await tour.getAttribute('aria-pressed'), 'true');
  await tour.click();
  await until(async () => (await tour.getAttribute('aria-pressed')) === 'false', 'pressing it again leaves the story');
  assert.equal(await page.getByRole('navigation', { name: 'Scenes' }).count(), 0, 'the story\'s panel is gone');
  assert.equal(await tour.evaluate((b) => b === document.activeElement), true, 'the focus stays on it');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('axe-core finds no violation in story mode, in the light and the dark theme', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, colorScheme: 'light' });
  await page.getByRole('button', { name: 'Tour the brief' }).click();
  await showsScene(page, 1);
  await timelineReady(page);
  const found = [...await audit(page, 'story, scene 1, light')];
  const dark = page.getByRole('button', { name: 'Dark theme' });
  await dark.click();
  await until(async () => await dark.getAttribute('aria-pressed') === 'true', 'the dark theme is on');
  await until(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor === 'rgb(18, 23, 29)'), 'the page is dark');
  found.push(...await audit(page, 'story, scene 1, dark'));
  // The scene with a moment marked on the timeline and the overview, from the list of scenes.
  await panel(page).getByText(`All ${SCENES.length} scenes`).click();
  await panel(page).getByRole('button', { name: SCENES[5].title, exact: true }).click();
  await showsScene(page, 6);
  await timelineReady(page);
  found.push(...await audit(page, 'story, scene 6 with its marked moment, dark'));
  await page.screenshot({ path: artifact('story-dark.png'), fullPage: true });
  assert.deepEqual(found, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an imported TimelineJS file is a story: "Tell the story" shows its title slide, then its slides in order', async () => {
  const slides = [
    { start_date: { year: 1903, month: 12, day: 17 }, text: { headline: 'First powered flight', text: 'Kitty Hawk.' } },
    { start_date: { year: 1919, month: 6 }, text: { headline: 'First non-stop Atlantic crossing' } },
    { start_date: { year: 1927, month: 5, day: 21 }, text: { headline: 'Lindbergh lands in Paris' } },
    { start_date: { year: 1947 }, text: { headline: 'The sound barrier is broken' } },
    { start_date: { year: 1969, month: 7, day: 20 }, text: { headline: 'Apollo 11 lands on the Moon' } },
  ];
  const file = path.join(TMP, 'flight.json');
  fs.writeFileSync(file, JSON.stringify({ title: { text: { headline: 'A short history of flight', text: 'From Kitty Hawk to the Moon' } }, events: slides }));
  const page = await load(browser, server.origin + '/', { marks: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles(file);
  await page.getByRole('heading', { level: 1, name: 'A short history of flight' }).waitFor();
  await page.getByRole('button', { name: 'Tell the story' }).click();
  await panel(page).getByRole('heading', { level: 2, name: 'A short history of flight', exact: true }).waitFor();
  assert.match(await progress(page).textContent(), /^Scene 1 of 6\b/);
  await panel(page).getByText('All 6 scenes').click();
  const list = await panel(page).locator('.scene-list li').allTextContents();
  assert.deepEqual(list.map((t) => t.trim()), ['A short history of flight', ...slides.map((s) => s.text.headline)], 'the title slide, then the slides in order');
  // A slide of the list is a scene of its own: the window comes to its date, its event marked.
  const day = (y, m = 1, d = 1) => Date.UTC(y, m - 1, d) / 86_400_000;
  const onSlide = async (n, title, date) => {
    await panel(page).getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
    await until(async () => (await progress(page).textContent()).startsWith(`Scene ${n} of 6`), `the live region says scene ${n}`);
    const w = await windowSettled(page);
    assert.ok(w.start <= date && date <= w.end, `scene ${n}'s window ${w.start} – ${w.end} shows its slide's day ${date}`);
    const marks = await page.locator(`${TIMELINE} .marks .mark:not(.dimmed)`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.ok(marks.some((m) => m.endsWith(' — ' + title)), `"${title}" is marked (${marks.join(' | ')})`);
  };
  await panel(page).getByRole('button', { name: 'Lindbergh lands in Paris', exact: true }).click();
  await onSlide(4, 'Lindbergh lands in Paris', day(1927, 5, 21));
  await page.getByRole('button', { name: 'Next scene →' }).click();
  await onSlide(5, 'The sound barrier is broken', day(1947, 7, 1));
  await page.screenshot({ path: artifact('story-timelinejs.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an imported file\'s title slide leaves the margin Fit all leaves: its first mark is not on the drawing\'s edge', async () => {
  const page = await load(browser, server.origin + '/', { marks: true, viewport: { width: 1280, height: 800 } });
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('Choose a chronology file').setInputFiles({ name: 'tl.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TL_WITH_ERA_AND_BAD_MONTH)) });
  await page.getByRole('dialog').getByRole('alert').getByRole('button', { name: /^Import the .*good/ }).click();
  await page.getByRole('heading', { level: 1, name: 'My TL story' }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  // The chronology opens at what Fit all shows.
  const fitted = await windowSettled(page);
  await page.getByRole('button', { name: 'Tell the story' }).click();
  await panel(page).getByRole('heading', { level: 2, name: 'My TL story', exact: true }).waitFor();
  assert.match(await progress(page).textContent(), /^Scene 1 of 3\b/);
  const w = await windowSettled(page);
  const day = (y, m = 1, d = 1) => Date.UTC(y, m - 1, d) / 86_400_000;
  const first = day(1999, 5, 1);
  assert.ok(w.start <= fitted.start + 0.5 && w.end >= fitted.end - 0.5,
    `the title slide's window ${w.start} – ${w.end} holds Fit all's ${fitted.start} – ${fitted.end}`);
  assert.ok(first - w.start >= 0.025 * (w.end - w.start), `a margin before the first event (${first - w.start} days of ${w.end - w.start})`);
  // On screen: the first event's mark stands clear of the drawing's left edge.
  const mark = await page.locator(`${TIMELINE} .marks .mark`).evaluateAll((els) =>
    els.filter((e) => /Alpha event$/.test(e.getAttribute('aria-label') || '')).map((e) => e.getBoundingClientRect().left));
  assert.equal(mark.length, 1, 'the first event has one mark');
  assert.ok(mark[0] - w.left >= 20, `the first mark is ${mark[0] - w.left} px from the drawing's left edge`);
  await page.screenshot({ path: artifact('story-title-slide-margin.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the overview has a count axis and reads out a year on hover and from the keyboard; it is dark in the dark theme', async () => {
  const page = await load(browser, server.origin + '/', { marks: true });
  const readout = page.locator('p#overview-readout');
  const overview = page.locator('.overview-box');
  // The count axis: its ticks, numbers rising upwards.
  const ticks = await page.locator('.overview svg.overview-counts text.count').evaluateAll((ts) => ts.map((t) => [+t.textContent, t.getBoundingClientRect().y]));
  assert.ok(ticks.length >= 2, `the count axis has ticks (${ticks.map(([n]) => n)})`);
  for (let i = 1; i < ticks.length; i++) assert.ok(ticks[i][0] > ticks[i - 1][0] && ticks[i][1] < ticks[i - 1][1], 'greater counts stand higher');
  // Hovering 2014 (just right of its label, which starts at the start of the year).
  const label = await page.locator('.overview-box svg.years text').filter({ hasText: /^2014$/ }).boundingBox();
  await page.mouse.move(label.x + 4, label.y - 30);
  await until(async () => /^2014: \d+ events?(, (\d+|all|both) in several domains)? — /.test(await readout.textContent()), 'the readout reads 2014');
  const text = await readout.textContent();
  const points = DATA.events.filter((e) => e.start.startsWith('2014') && !e.end).length;
  assert.ok(+/^2014: (\d+)/.exec(text)[1] >= points, `2014 counts at least its ${points} events of that year (${text})`);
  assert.match(text, /— [A-Z][^,]+ \d+(, [A-Z][^,]+ \d+)*$/, `the readout names the domains with their counts (${text})`);
  // The pointer leaves; the keyboard reads bar by bar.
  await page.mouse.move(5, 5);
  await until(async () => !/^\d{4}: /.test(await readout.textContent()), 'the readout is cleared when the pointer leaves');
  const chart = page.locator('.overview .chart-focus');
  assert.equal(await page.getByRole('group', { name: 'Events per year' }).count(), 1);
  await chart.focus();
  await until(async () => /^\d{4}: /.test(await readout.textContent()), 'focusing the chart reads a year');
  const focused = await readout.textContent();
  await page.keyboard.press('ArrowRight');
  await until(async () => (await readout.textContent()) !== focused, 'ArrowRight reads another year');
  const next = await readout.textContent();
  assert.equal(+next.slice(0, 4), +focused.slice(0, 4) + 1, `ArrowRight reads the next year ("${focused}" then "${next}")`);
  // ↓ as on a slider, the page left where it is (it scrolled, the chart with the focus out of
  // sight).
  const scrolled = await page.evaluate(() => scrollY);
  await page.keyboard.press('ArrowDown');
  await until(async () => +(await readout.textContent()).slice(0, 4) === +focused.slice(0, 4), 'ArrowDown reads the year before');
  assert.equal(await page.evaluate(() => scrollY), scrolled, 'the page stays');
  // The canvas in the light theme, then in the dark.
  const pixel = () => page.locator('.overview canvas').evaluate((c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data]);
  const mean = () => page.locator('.overview canvas').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
    return sum / (d.length / 4);
  });
  const light = await pixel();
  assert.ok(light.slice(0, 3).every((v) => v > 200), `the light overview's background is light (${light})`);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await until(async () => (await pixel()).slice(0, 3).every((v) => v < 60), 'the overview is redrawn dark');
  const dark = await pixel();
  assert.ok(dark[3] === 255, 'the dark background is painted, not transparent');
  const lightness = await mean();
  assert.ok(lightness < 0.3, `the dark overview is dark overall (mean lightness ${lightness.toFixed(2)})`);
  await overview.hover({ position: { x: label.x - (await overview.boundingBox()).x + 4, y: 40 } });
  await until(async () => /^2014: /.test(await readout.textContent()), 'the readout reads 2014 in the dark theme');
  await page.locator('.overview').screenshot({ path: artifact('story-overview-dark.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('printing in story mode gives the whole story: its title and every scene', async () => {
  const page = await load(browser, server.origin + `/?story=${STORY.id}&scene=3`, { marks: true });
  await showsScene(page, 3);
  await page.emulateMedia({ media: 'print' });
  const printed = page.locator('.print-only');
  // Built when printing starts (beforeprint, or print media emulated as here).
  await printed.locator('.print-events > li').first().waitFor({ timeout: 5000 });
  assert.ok(await printed.isVisible(), 'the story is printed');
  assert.equal(await page.locator(TIMELINE).isVisible(), false, 'the interface is not');
  assert.equal((await printed.locator('h2').first().textContent()).trim(), STORY.title);
  assert.deepEqual(await printed.locator('.print-events > li h3').allTextContents(), SCENES.map((s) => s.title), 'every scene, in order');
  const text = await printed.textContent();
  for (const s of SCENES) assert.ok(text.includes(s.text), `scene "${s.id}" is printed with its text`);
  await page.screenshot({ path: artifact('story-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await until(async () => !(await printed.isVisible()), 'the printed story is hidden on screen');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
