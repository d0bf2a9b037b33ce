// Shared pieces of the end-to-end tests: a static server for the release build (at the root and
// under a sub-path, as a static host would serve it) and a headless Chromium that records every
// console error and failed request.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
export const SUB_PATH = '/some/sub/path/';

/** The strict Content-Security-Policy the explorer must run under (csp.test.mjs; imports in a worker). */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.csv': 'text/csv', '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves dist/ (or `root`) at `/` and at SUB_PATH on 127.0.0.1 (a free port); `headers` are added to every
 * response. `routes` maps a path (e.g. '/slow.json') to a `(req, res)` handler that answers it
 * instead (a slow file, a redirect, another kind of page).
 */
export async function serveDist({ headers = {}, routes = {}, root = DIST } = {}) {
  // Links as long as a browser sends (a hand-made one may name thousands of filter values).
  const server = http.createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    const route = routes[new URL(req.url, 'http://x').pathname];
    if (route) return route(req, res);
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (url.startsWith(SUB_PATH)) url = '/' + url.slice(SUB_PATH.length);
    else if (url.startsWith('/some/')) { res.writeHead(404); res.end('not found'); return; }
    if (url.endsWith('/')) url += 'index.html';
    const file = path.join(root, path.normalize(url));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Closing also ends the connections still open (a response that trickles, a kept-alive one).
  const close = () => new Promise((r) => { server.close(r); server.closeAllConnections(); });
  return { origin: `http://127.0.0.1:${port}`, close };
}

/** The timeline's drawing (its accessible SVG layer). */
export const TIMELINE = 'svg[aria-roledescription="timeline"]';

/** Opens the filters where they are folded into a drawer (on a phone, and on a desktop while an
 *  event's details take their place) by their button, as a user would; where they show in the
 *  page, there is nothing to do. */
export async function showFilters(page) {
  const toggle = page.getByRole('button', { name: /^Filters\b.* · showing/ });
  if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
    await page.getByRole('button', { name: 'Close the filters' }).waitFor();
  }
}

/** Waits until the event list has drawn its entries (it is `aria-busy` while it adds the rest of
 *  its first chunk, just after the frame that shows a new list). */
export async function listReady(page) {
  await page.locator('.event-list ol:not([aria-busy])').waitFor();
}

/** Waits until the timeline's accessible layer has caught up with the drawing (it is `aria-busy`
 *  while it follows a new filter or window, just after the frame that shows it). */
export async function timelineReady(page) {
  await page.locator(`${TIMELINE} .marks:not([aria-busy])`).waitFor();
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A new page that collects console errors, page errors and failed requests in `page.problems`. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  return page;
}

/** Waits until the page shows the timeline; with `marks`, until it has drawn an event too. */
export async function timelineShown(page, { marks = false } = {}) {
  await page.locator(TIMELINE).waitFor();
  if (marks) await page.locator(`${TIMELINE} .mark`).first().waitFor();
}

/** Goes to `url` in `page` and waits for the timeline (see timelineShown); returns the response. */
export async function goto(page, url, { marks = false } = {}) {
  const response = await page.goto(url);
  await timelineShown(page, { marks });
  return response;
}

/**
 * A new page (see openPage; `contextOptions` are the browser context's) at `url`, once it shows
 * the timeline, and with `marks` once it has drawn an event. A test that must prepare the page
 * before it loads (routes, init scripts, listeners) uses openPage and goto instead.
 */
export async function load(browser, url, { marks = false, ...contextOptions } = {}) {
  const page = await openPage(browser, contextOptions);
  await goto(page, url, { marks });
  return page;
}

/**
 * Polls `check` (sync or async) until it returns something truthy, and returns that; fails
 * after `timeout` ms, saying what was awaited.
 */
export async function until(check, what, { timeout = 10_000, interval = 20 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The visible window of the timeline, in days, and the drawing's box. */
export async function timelineWindow(page) {
  return page.locator(TIMELINE).evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { start: +svg.dataset.start, end: +svg.dataset.end, left: r.left, top: r.top, width: r.width, height: r.height };
  });
}

/**
 * Waits until the timeline's window has come to rest, and returns it (as timelineWindow does):
 * first moved away from `from` (a window from timelineWindow, taken before the zoom, pan or
 * selection that moves it), then unchanged over a few animation frames (so painted too), with
 * its accessible layer caught up. Without `from`, it waits only for rest, over a few more frames
 * (an animation asked for has not moved the window in its first frame).
 */
export async function windowSettled(page, { from = null, timeout = 10_000 } = {}) {
  await page.evaluate(({ selector, from, frames, timeout }) => new Promise((resolve, reject) => {
    const read = () => {
      const svg = document.querySelector(selector);
      return svg ? { start: +svg.dataset.start, end: +svg.dataset.end, busy: svg.querySelector('.marks[aria-busy]') !== null } : null;
    };
    const deadline = performance.now() + timeout;
    let moved = from === null, last = null, still = 0;
    const tick = () => {
      const now = read();
      if (now && from && (now.start !== from.start || now.end !== from.end)) moved = true;
      still = now && last && now.start === last.start && now.end === last.end ? still + 1 : 0;
      last = now;
      if (moved && still >= frames && !now.busy) return resolve();
      if (performance.now() > deadline) {
        return reject(new Error(`the timeline's window did not ${moved ? 'come to rest' : `move from ${from.start} – ${from.end}`} in ${timeout} ms (now ${now?.start} – ${now?.end}${now?.busy ? ', busy' : ''})`));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }), { selector: TIMELINE, from: from && { start: from.start, end: from.end }, frames: from ? 3 : 5, timeout });
  return timelineWindow(page);
}

/**
 * The window a link or a saved view names (its `from` and `to`), in days; null without one. A
 * year or a month is its first day in `from` and runs to its end in `to`, as the explorer reads it.
 */
export function queryWindow(search) {
  const params = new URLSearchParams(search);
  const day = (text, end) => {
    const m = /^(-?\d+)(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d))?)?)?$/.exec(text || '');
    if (!m) return NaN;
    const date = new Date(0);
    // The year or the month after the one named, for an end.
    const after = end && m[3] === undefined ? 1 : 0;
    if (m[2] === undefined) date.setUTCFullYear(+m[1] + after, 0, 1);
    else date.setUTCFullYear(+m[1], +m[2] - 1 + after, m[3] === undefined ? 1 : +m[3]);
    return date.getTime() / 86_400_000 + ((+m[4] || 0) * 60 + (+m[5] || 0)) / 1440;
  };
  const window = [day(params.get('from'), false), day(params.get('to'), true)];
  return window.every(Number.isFinite) ? window : null;
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** The embedded dataset as committed. */
export function dataset() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/data/japan-nato.json'), 'utf8'));
}

/** The RGBA pixels of a PNG as Playwright writes screenshots (8 bits, RGB or RGBA, not
 *  interlaced): { width, height, data }. */
export function decodePng(png) {
  const u32 = (at) => png.readUInt32BE(at);
  let at = 8, width = 0, height = 0, channels = 4;
  const idat = [];
  while (at < png.length) {
    const length = u32(at), type = png.toString('latin1', at + 4, at + 8), body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || ![2, 6].includes(body[9]) || body[12] !== 0) throw new Error('decodePng: not an 8-bit RGB(A) PNG without interlace');
      channels = body[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      rows[y * stride + x] = (line[x] + predicted) & 255;
    }
  }
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0, o = 0; i < rows.length; i += channels, o += 4) {
    data[o] = rows[i]; data[o + 1] = rows[i + 1]; data[o + 2] = rows[i + 2]; data[o + 3] = channels === 4 ? rows[i + 3] : 255;
  }
  return { width, height, data };
}

/**
 * What the page shows inside a box of the viewport (CSS pixels, as from boundingBox()), as a
 * user sees it, the part of it in the window: { width, height, ratio, data, origin } (RGBA, at
 * the screen's pixel density, `ratio` device pixels per CSS pixel, from `origin`, the part's top
 * left corner in the viewport).. The timeline is painted in a worker, and its picture reaches the
 * screen a frame or so after the page's own changes: the pixels are taken once two screenshots
 * some frames apart agree.
 */
export async function shownPixels(page, box) {
  // The part in the window: a screenshot of the page beyond it (`fullPage`) paints the worker's
  // canvas from an older picture of it.
  const view = page.viewportSize();
  if (box.x + box.width <= 0 || box.y + box.height <= 0 || box.x >= view.width || box.y >= view.height) {
    throw new Error(`shownPixels: the box ${JSON.stringify(box)} is outside the window`);
  }
  const x = Math.max(0, box.x), y = Math.max(0, box.y);
  const clip = { x, y, width: Math.max(1, Math.min(view.width, box.x + box.width) - x), height: Math.max(1, Math.min(view.height, box.y + box.height) - y) };
  const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
  await frames();
  let shot = await page.screenshot({ clip });
  for (let tries = 0; tries < 50; tries++) {
    await frames();
    const again = await page.screenshot({ clip });
    if (again.equals(shot)) break;
    shot = again;
  }
  const image = decodePng(shot);
  return { ...image, ratio: image.width / clip.width, origin: { x: clip.x, y: clip.y } };
}

/**
 * The box of the timeline's canvas (as from boundingBox()): once it has one (the page paints its
 * first picture itself, then the canvas is made anew for the paint worker).
 */
export async function drawingBox(page) {
  return until(() => page.locator('.timeline-canvas canvas.drawing').boundingBox(), 'the timeline\'s canvas is in the page');
}

/**
 * What the page shows inside a box of the viewport (CSS pixels, as from boundingBox()): its
 * colours, most frequent first, as [css colour, pixel count] (see `shownPixels`).
 */
export async function drawnColours(page, box) {
  const { data } = await shownPixels(page, box);
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const key = `rgb(${data[i]}, ${data[i + 1]}, ${data[i + 2]})`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/**
 * Writes a chronology of `n` minimal events to `file`: in the explorer's JSON schema (id, start,
 * title, summary: ~37 MB at 300,000 events), or, when `file` ends in .csv, as CSV with our
 * export's columns id, start, title (~30 MB at 1,000,000: imports take at most 50 MB). The import
 * tests and the big-data benchmark use it.
 */
export function writeBigChronology(file, title, n) {
  const csv = file.endsWith('.csv');
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, csv ? 'id,start,title\n' : `{"title":${JSON.stringify(title)},"source":{"title":"Generated","author":"The tests"},"events":[\n`);
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const year = 1900 + (i % 125), month = 1 + (i % 12), day = 1 + (i % 28);
    const start = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    chunk += csv
      ? `e${i},${start},Event ${i}\n`
      : `${i ? ',\n' : ''}{"id":"event-${i}","start":"${start}","title":"Event ${i} of the big file","summary":"Generated event ${i}, ${start}."}`;
    if (chunk.length > 1 << 20) { fs.writeSync(out, chunk); chunk = ''; }
  }
  fs.writeSync(out, csv ? chunk : `${chunk}\n]}\n`);
  fs.closeSync(out);
  return file;
}

/** A TimelineJS3 file with a title slide, two good events, one with a month 13, and an era. */
export const TL_WITH_ERA_AND_BAD_MONTH = {
  title: { text: { headline: 'My <b>TL</b> story', text: '<p>Intro text</p>' } },
  events: [
    { start_date: { year: '1999', month: '5', day: '1' }, text: { headline: 'Alpha event', text: '<p>Alpha</p>' }, group: 'Group A' },
    { start_date: { year: '2002' }, end_date: { year: '2004' }, text: { headline: 'Beta span', text: 'Beta' }, group: 'Group B' },
    { start_date: { year: '2010', month: '13' }, text: { headline: 'Bad month' } },
  ],
  eras: [{ start_date: { year: '1998' }, end_date: { year: '2005' }, text: { headline: 'Era one' } }],
};

/**
 * Whether the timeline's canvas is painted by a worker (its context is not the page's to take).
 * Not asked while the worker takes the drawing over (the page's last picture covers its new
 * canvas): taking the new canvas's context then would keep the worker from having it.
 */
export const inWorker = (page) => page.evaluate(() => {
  if (document.querySelector('.timeline-canvas canvas.cover')) return false;
  try {
    document.querySelector('.timeline-canvas canvas.drawing').getContext('2d');
    return false;
  } catch (e) {
    return e.name === 'InvalidStateError';
  }
});
