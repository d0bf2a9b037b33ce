// End-to-end: the timeline is painted in a worker, off the main thread (src/ui/adapters/
// paint_worker.rs), under the strict Content-Security-Policy; the picture is the one the page
// paints itself where no worker starts, and it follows zooms, the theme and a selection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openPage, goto, load, shownPixels, drawingBox, windowSettled, until, artifact, inWorker, STRICT_CSP, TIMELINE } from './harness.mjs';

let server, browser;
before(async () => { server = await serveDist({ headers: { 'content-security-policy': STRICT_CSP } }); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The drawing as shown. */
async function drawing(page) {
  await windowSettled(page);
  return shownPixels(page, await drawingBox(page));
}

/** How many pixels of two pictures of one size differ. */
function differing(a, b) {
  assert.deepEqual([a.width, a.height], [b.width, b.height], 'the pictures have one size');
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) n++;
  }
  return n;
}

const VIEW = '/?from=2004&to=2012&event=2007-01-12-abe-visits-nato-hq';

/** VIEW opened at 1280×800 and painted by the worker (the page's first picture gone), and the worker. */
async function paintedByWorker() {
  const page = await load(browser, server.origin + VIEW, { marks: true, viewport: { width: 1280, height: 800 } });
  await until(() => inWorker(page), 'the worker paints the timeline');
  await until(async () => await page.locator('.timeline-canvas canvas.cover').count() === 0, 'the page\'s first picture gives way to the worker\'s');
  const worker = page.workers().find((w) => w.url().endsWith('#paint'));
  assert.ok(worker, 'a worker paints');
  return { page, worker };
}

test('the timeline is painted in a worker, and shows what the page itself paints where no worker starts', async () => {
  const page = await load(browser, server.origin + VIEW, { marks: true, viewport: { width: 1280, height: 800 } });
  await until(() => inWorker(page), 'the worker paints the timeline');
  assert.ok(page.workers().some((w) => w.url().endsWith('#paint')), 'a worker paints');
  // The page painted the first picture; a copy of it stood in for the worker's canvas until the
  // worker had painted that: it is gone.
  await until(async () => await page.locator('.timeline-canvas canvas.cover').count() === 0, 'the page\'s first picture gives way to the worker\'s');
  const painted = await drawing(page);

  // The same view where the workers' script is refused: painted on the main thread.
  const here = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await here.route('**/worker-*.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  const refused = here.waitForResponse((r) => /\/worker-[^/]*\.js/.test(r.url()));
  await goto(here, server.origin + VIEW, { marks: true });
  await refused;
  // (A pause to show that nothing takes the canvas over once the worker is refused.)
  await here.waitForTimeout(500);
  assert.equal(await inWorker(here), false, 'without a worker, the page paints the timeline');
  const byPage = await drawing(here);
  assert.equal(differing(painted, byPage), 0, 'the worker\'s picture is the page\'s, pixel for pixel');
  // The refused script is the only problem.
  assert.deepEqual(here.problems.filter((p) => !/worker-|404/.test(p)), []);
  await here.context().close();

  // Zoomed, selected, in the dark theme: the worker's picture follows each change.
  const box = await page.locator(TIMELINE).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 120);
  await page.mouse.wheel(0, -240);
  const zoomed = await drawing(page);
  assert.ok(differing(painted, zoomed) > 1000, 'zooming changes the picture');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  const dark = await drawing(page);
  const brightness = (p) => {
    let sum = 0;
    for (let i = 0; i < p.data.length; i += 4) sum += (p.data[i] + p.data[i + 1] + p.data[i + 2]) / 3;
    return sum / (p.data.length / 4);
  };
  assert.ok(brightness(dark) < brightness(zoomed) - 100, `the dark theme is painted dark (${brightness(dark).toFixed(0)} vs ${brightness(zoomed).toFixed(0)} of 255)`);
  await page.screenshot({ path: artifact('paint-worker-dark.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a canvas whose context was lost and has come back is painted again', async () => {
  const { page, worker } = await paintedByWorker();
  // The canvas the worker paints, as it takes its context (which it does for every picture).
  await worker.evaluate(() => {
    const take = OffscreenCanvas.prototype.getContext;
    self.paints = 0;
    OffscreenCanvas.prototype.getContext = function (...args) {
      self.painted = this;
      self.paints += 1;
      return take.apply(this, args);
    };
  });
  // A zoom: the worker paints again, then (the window at rest, the layer made) paints no more.
  const box = await page.locator(TIMELINE).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 120);
  await page.mouse.wheel(0, -120);
  await until(() => worker.evaluate(() => Boolean(self.painted)), 'the worker paints again');
  const paints = () => worker.evaluate(() => self.paints);
  await until(async () => {
    const before = await paints();
    await page.waitForTimeout(600);
    return (await paints()) === before;
  }, 'the worker paints no more');
  const again = await drawing(page);
  // What a lost context leaves: a blank canvas; then the context comes back.
  await worker.evaluate(() => {
    const c = self.painted;
    const context = c.getContext('2d');
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, c.width, c.height);
  });
  const cleared = await paints();
  const blank = await drawing(page);
  assert.ok(differing(again, blank) > 1000, 'the cleared canvas shows nothing of the timeline');
  assert.equal(await paints(), cleared, 'nothing else paints the canvas meanwhile');
  await worker.evaluate(() => self.painted.dispatchEvent(new Event('contextrestored')));
  // (Pixels the frame's rows do not reach may hold an older picture's: a few dozen at most.)
  await until(async () => differing(again, await drawing(page)) < 50, 'the timeline is painted again once the context is back');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a paint worker that goes away without a word is replaced by the page painting the timeline again', async () => {
  const { page, worker } = await paintedByWorker();
  const painted = await drawing(page);
  // The worker closes itself: no error event, no more pictures.
  await worker.evaluate(() => self.close()).catch(() => {});
  // The dark theme and back: two new pictures of the same view, which the worker will not paint.
  const dark = page.getByRole('button', { name: 'Dark theme' });
  await dark.click();
  await dark.click();
  await until(async () => !(await inWorker(page)), 'the page paints the timeline again', { timeout: 15_000 });
  await until(async () => differing(painted, await drawing(page)) === 0, 'the picture is the view\'s, painted by the page');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Printed in the moment the worker takes the drawing over (its new canvas in the page, not yet
// handed to it), the timeline was a blank 300 × 150 picture.
test('printing as the worker takes the drawing over prints the whole drawing', async () => {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    let drawings = 0;
    new MutationObserver((records) => {
      for (const node of records.flatMap((r) => [...r.addedNodes])) {
        // The first drawing canvas is the page's own; the second, the one made for the worker.
        if (node.nodeName === 'CANVAS' && node.classList.contains('drawing') && ++drawings === 2) {
          queueMicrotask(() => {
            window.printedAmong = document.querySelectorAll('.timeline-canvas canvas.drawing, .timeline-canvas canvas.cover').length;
            window.dispatchEvent(new Event('beforeprint'));
          });
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await goto(page, server.origin + '/?group=domain', { marks: true });
  await until(() => inWorker(page), 'the worker paints the timeline');
  assert.equal(await page.evaluate(() => window.printedAmong), 2, 'printed with the page\'s picture and the worker\'s new canvas in the page');
  const pieces = page.locator('.print-only img.print-timeline');
  await until(async () => (await pieces.count()) > 0, 'the drawing is printed');
  const sizes = await pieces.evaluateAll((imgs) => imgs.map((img) => [img.naturalWidth, img.naturalHeight]));
  const box = await drawingBox(page);
  const ratio = await page.evaluate(() => window.devicePixelRatio);
  assert.ok(sizes.length >= 2, `the drawing of lanes by domain, pages tall, in pieces (${JSON.stringify(sizes)})`);
  for (const [w] of sizes) assert.equal(w, Math.round(box.width * ratio), 'each piece as wide as the drawing');
  const tall = sizes.reduce((sum, [, h]) => sum + h, 0);
  assert.ok(tall >= box.height * ratio, `the pieces hold the drawing's height (${tall} of ${box.height * ratio} px)`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
