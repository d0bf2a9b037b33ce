// What both benchmarks measure, per input (see shared BENCHMARKING notes on these machines): the
// main thread's work, not vsync-quantised frame intervals. For each wheel or pointer event:
// (1) from its arrival (a capturing listener on window) to the end of its dispatch, which
// includes the app's handler and re-render (microtasks); plus (2) the next frame's rendering
// update: from a requestAnimationFrame callback to a message posted from it, which runs once
// style, layout and paint are done. Idle time between the two is not counted.
export const INSTRUMENT = `
  // Setting firstRender says so on the console: the benchmark waits for that message instead of
  // polling the page, which would run the driver's scripts in the page while it loads.
  window.__bench = { samples: [], first: null,
    get firstRender() { return this.first; },
    set firstRender(t) { this.first = t; if (t !== null) console.debug('bench:first-render'); } };
  const record = (type) => {
    const t0 = performance.now();
    let jsEnd = null;
    const end = () => { jsEnd = performance.now(); window.removeEventListener(type, end); };
    window.addEventListener(type, end, { once: true });
    requestAnimationFrame(() => {
      const tRaf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__bench.samples.push({ type, work: ((jsEnd ?? tRaf) - t0) + (performance.now() - tRaf) });
      channel.port2.postMessage(0);
    });
  };
  window.addEventListener('wheel', () => record('wheel'), { capture: true, passive: true });
  window.addEventListener('pointermove', (e) => { if (e.buttons) record('pointermove'); }, { capture: true, passive: true });
  // The explorer paints its timeline in a worker (src/ui/adapters/paint_worker.rs), off the main
  // thread: the time each of its frames took there (what it reports with each frame painted) is
  // kept, to be said beside the main thread's work.
  window.__bench.paints = [];
  if (window.Worker) {
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          if (!e.data || e.data.kind !== 'painted') return;
          window.__bench.paints.push(e.data.ms);
          window.__bench.workerWasm = e.data.memory;
        });
      }
    };
  }
  // Trunk's loader announces the wasm instance: its linear memory is counted with the JS heap.
  window.addEventListener('TrunkApplicationStarted', (e) => { window.__bench.wasm = e.detail && e.detail.wasm; });
`;

/** JS heap (after a full garbage collection, so that both systems are measured alike) and wasm
 *  linear memory, in bytes. */
export async function memoryAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(MEMORY);
}

/** JS heap and wasm linear memory (the page's and, where it paints in a worker, the worker's
 *  as it last reported it), in bytes, measured in the page. */
export const MEMORY = () => ({
  js: performance.memory ? performance.memory.usedJSHeapSize : 0,
  wasm: (window.__bench && window.__bench.wasm && window.__bench.wasm.memory ? window.__bench.wasm.memory.buffer.byteLength : 0)
    + ((window.__bench && window.__bench.workerWasm) || 0),
});

/**
 * Marks the end of the first frame in which the explorer has painted events: the explorer makes
 * the performance mark "explorer:first-paint" when it first paints a scene with events on the
 * canvas (during a frame); a message posted from each animation frame runs once that frame's
 * style, layout and paint are done, and the first one that finds the mark is the time.
 */
export const EXPLORER_FIRST_RENDER = `
  const waitFirst = () => {
    const c = new MessageChannel();
    c.port1.onmessage = () => {
      if (performance.getEntriesByName('explorer:first-paint').length) window.__bench.firstRender = performance.now();
      else requestAnimationFrame(waitFirst);
    };
    c.port2.postMessage(0);
  };
  requestAnimationFrame(waitFirst);
`;

/**
 * The timeline benchmarks' zoom: `repeat` runs of `steps` wheel steps (±120) at (cx, cy), in for
 * the first half of each run and out for the second, 20 ms apart, 200 ms after each run. Returns
 * what each step cost (see INSTRUMENT), in ms.
 */
export async function wheelZooms(page, { cx, cy }, steps, repeat) {
  await page.mouse.move(cx, cy);
  await page.evaluate(() => { window.__bench.samples = []; window.__bench.paints = []; });
  for (let r = 0; r < repeat; r++) {
    for (let i = 0; i < steps; i++) {
      await page.mouse.wheel(0, i < steps / 2 ? -120 : 120);
      await page.waitForTimeout(20);
    }
    await page.waitForTimeout(200);
  }
  return (await page.evaluate(() => window.__bench.samples)).map((s) => s.work);
}

/**
 * The timeline benchmarks' pan: `repeat` drags of `steps` moves of 12 px through (cx, cy),
 * alternating left and right so that none runs into the chronology's end. Returns what each move
 * cost (see INSTRUMENT), in ms.
 */
export async function dragPans(page, { cx, cy }, steps, repeat) {
  await page.evaluate(() => { window.__bench.samples = []; window.__bench.paints = []; });
  for (let r = 0; r < repeat; r++) {
    const dir = r % 2 === 0 ? -1 : 1, from = cx - dir * 180;
    await page.mouse.move(from, cy);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) await page.mouse.move(from + dir * i * 12, cy);
    await page.mouse.up();
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(100);
  return (await page.evaluate(() => window.__bench.samples)).filter((s) => s.type === 'pointermove').map((s) => s.work);
}

/**
 * How long each frame painted in the explorer's paint worker took there since the last
 * `wheelZooms` or `dragPans` began, in ms (none where the page paints on its main thread).
 */
export async function workerPaints(page) {
  return page.evaluate(() => window.__bench.paints);
}

/** Median and p95 of a list of samples. */
export function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
  return { n: v.length, median: at(0.5), p95: at(0.95) };
}

/** How many cold loads (each in a fresh browser context: no cache) a first render is the median of. */
export const LOADS = Number(process.env.BENCH_LOADS || 5);

/**
 * Opens `url` `loads` times, each in a fresh context after one unmeasured warm-up load (which
 * starts the browser's own processes), and returns the median first render and the last page,
 * left open for the rest of the scenario.
 */
export async function coldLoads(browser, url, init, loads = LOADS) {
  const times = [];
  let page = null;
  for (let i = loads > 1 ? 0 : 1; i <= loads; i++) {
    if (page) await page.context().close();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.addInitScript(init);
    page = await context.newPage();
    const rendered = page.waitForEvent('console', { predicate: (m) => m.text() === 'bench:first-render', timeout: 600000 });
    await page.goto(url);
    await rendered;
    if (i > 0) times.push(await page.evaluate(() => window.__bench.firstRender));
  }
  return { firstRender: stats(times).median, page };
}
