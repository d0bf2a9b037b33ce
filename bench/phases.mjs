// Benchmark (not a test): where the time of a zoom goes, phase by phase, from a trace of headless
// Chromium's main thread during the zoom of bench/timeline.mjs (3 × 30 wheel steps), per input.
//
//   node bench/phases.mjs                  (after `trunk build --release`)
//   node bench/phases.mjs /path/to/dist    (another build, e.g. an earlier release, to compare)
//
// Phases (Chromium's trace event names): the wheel's handler (EventDispatch: the reducer and the
// view's update, with the scene built), the frame's callback (FireAnimationFrame: the scene
// handed to the paint worker, which paints it on another thread; see bench/timeline.mjs for its
// time there),
// style and layout, paint, the commit to the compositor (Commit) and the update of its layers
// (DoUpdateLayers: the canvas's picture handed over), and the tasks that follow a frame (the
// accessible layer, the list; FunctionCall outside the handler and the frame).
import path from 'node:path';
import { serveDist, launchBrowser, TIMELINE } from '../tests/e2e/harness.mjs';

const root = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const SIZES = [
  { name: 'the chronology', query: '' },
  { name: 'synthetic 10,000', query: '?synthetic=10000' },
  { name: 'synthetic 100,000', query: '?synthetic=100000' },
];
const STEPS = 30, REPEAT = 3, INPUTS = STEPS * REPEAT;
const PHASES = [
  ['handler', 'EventDispatch'],
  ['frame callback', 'FireAnimationFrame'],
  ['style + layout', 'LocalFrameView::UpdateStyleAndLayout'],
  ['paint', 'Paint'],
  ['commit', 'Commit'],
  ['layers', 'LayerTreeHost::DoUpdateLayers'],
  ['tasks after', 'FunctionCall'],
];

const server = await serveDist(root ? { root } : {});
const browser = await launchBrowser();
const rows = [];
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    await page.goto(server.origin + '/' + size.query);
    const svg = page.locator(TIMELINE);
    await svg.waitFor();
    await page.waitForTimeout(2000);
    const box = await svg.boundingBox();
    await page.mouse.move(Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc'] });
    for (let r = 0; r < REPEAT; r++) {
      for (let i = 0; i < STEPS; i++) {
        await page.mouse.wheel(0, i < STEPS / 2 ? -120 : 120);
        await page.waitForTimeout(20);
      }
      await page.waitForTimeout(200);
    }
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const events = trace.traceEvents || trace;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const onMain = events.filter((e) => e.ph === 'X' && e.dur && e.pid === main.pid && e.tid === main.tid);
    const total = (name) => onMain.filter((e) => e.name === name).reduce((t, e) => t + e.dur, 0) / 1000;
    // FunctionCall also counts the script inside the handler and the frame: the rest is what
    // runs in the tasks after.
    const inside = (outer, inner) => {
      const outers = onMain.filter((o) => o.name === outer);
      return onMain.filter((e) => e.name === inner && outers.some((o) => o.ts <= e.ts && e.ts + e.dur <= o.ts + o.dur))
        .reduce((t, e) => t + e.dur, 0) / 1000;
    };
    const perInput = {};
    for (const [label, name] of PHASES) perInput[label] = total(name) / INPUTS;
    perInput['tasks after'] = (total('FunctionCall') - inside('EventDispatch', 'FunctionCall') - inside('FireAnimationFrame', 'FunctionCall')) / INPUTS;
    const height = await page.evaluate(() => document.querySelector('.timeline-canvas canvas')?.height ?? 0);
    rows.push({ size: size.name, perInput, height });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nWhere a zoom's time goes — headless Chromium, 1280×860, ${REPEAT} × ${STEPS} wheel steps; ms per input on the main thread${root ? ` (build in ${root})` : ''}\n`);
console.log(`| data | drawing height | ${PHASES.map(([l]) => l).join(' | ')} |`);
console.log(`|---|---|${PHASES.map(() => '---').join('|')}|`);
for (const r of rows) {
  console.log(`| ${r.size} | ${r.height} px | ${PHASES.map(([l]) => r.perInput[l].toFixed(1)).join(' | ')} |`);
}
