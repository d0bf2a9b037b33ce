// Two or more builds of the explorer side by side, on this machine, in one run: the zoom and pan
// of bench/timeline.mjs (30 wheel steps three times, then 30 drag moves three times, at
// 1280×860), each build loaded in turn, round after round, every sample pooled per build. Loading
// the builds in turn spreads the machine's slower and quicker minutes over all of them alike.
//
//   node bench/builds.mjs '?synthetic=100000' 3 dist /path/to/another/dist
//
// (the query, the rounds, then the builds' dist folders). Prints median / p95 ms of each build's
// samples: what bench/instrument.mjs measures for each input; then, for each build after the
// first, its p95s over the first build's, pooled and round by round (the spread of those says
// how far one round's ratio can be trusted on this machine). Not part of ./test.sh.
import path from 'node:path';
import { INSTRUMENT, stats, wheelZooms, dragPans, workerPaints } from './instrument.mjs';
import { serveDist, launchBrowser } from '../tests/e2e/harness.mjs';

const [query = '?synthetic=10000', rounds = '3', ...dists] = process.argv.slice(2);
if (dists.length === 0 || !/^[1-9]\d*$/.test(rounds)) {
  console.error("usage: node bench/builds.mjs '?synthetic=N' <rounds> <dist> [<dist> …]");
  process.exit(2);
}
const roots = dists.map((d) => path.resolve(d));
const STEPS = 30;
const REPEAT = 3;
const servers = await Promise.all(roots.map((root) => serveDist({ root })));
const browser = await launchBrowser();
const pool = roots.map(() => ({ zoom: [], pan: [], paint: [] }));
// Each round's samples too, per build.
const byRound = roots.map(() => []);
for (let round = 0; round < Number(rounds); round++) {
  for (let k = 0; k < roots.length; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto(servers[k].origin + '/' + query);
    const timeline = page.locator('svg[aria-roledescription="timeline"]');
    await timeline.waitFor();
    await page.waitForTimeout(1500);
    const box = await timeline.boundingBox();
    const cx = Math.round(box.x + box.width / 2);
    const cy = Math.round(box.y + box.height / 2);
    const zoom = await wheelZooms(page, { cx, cy }, STEPS, REPEAT);
    pool[k].zoom.push(...zoom);
    pool[k].paint.push(...(await workerPaints(page)));
    const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
    await zoomIn.click();
    await zoomIn.click();
    await page.waitForTimeout(400);
    const pan = await dragPans(page, { cx, cy }, STEPS, REPEAT);
    pool[k].pan.push(...pan);
    byRound[k].push({ zoom, pan });
    pool[k].paint.push(...(await workerPaints(page)));
    await context.close();
  }
}
for (let k = 0; k < roots.length; k++) {
  const zoom = stats(pool[k].zoom);
  const pan = stats(pool[k].pan);
  const ms = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
  const paint = stats(pool[k].paint);
  const worker = paint.n ? `; paint in the worker ${ms(paint)} ms (${paint.n} frames)` : '';
  console.log(`${dists[k]}: zoom ${ms(zoom)} ms (${zoom.n} steps), pan ${ms(pan)} ms (${pan.n} moves)${worker}`);
}
const ratio = (a, b) => (stats(a).p95 / stats(b).p95).toFixed(2);
for (let k = 1; k < roots.length; k++) {
  const each = (what) => byRound[k].map((r, n) => ratio(r[what], byRound[0][n][what]));
  console.log(`${dists[k]} over ${dists[0]}, p95: zoom ${ratio(pool[k].zoom, pool[0].zoom)} (rounds ${each('zoom').join(', ')}), pan ${ratio(pool[k].pan, pool[0].pan)} (rounds ${each('pan').join(', ')})`);
}
await browser.close();
for (const server of servers) await server.close();
