// Two or more builds of the explorer side by side, on this machine, in one run: the zoom and pan
// of bench/timeline.mjs (30 wheel steps three times, then 30 drag moves three times, at
// 1280×860), each build loaded in turn, round after round, every sample pooled per build. Loading
// the builds in turn spreads the machine's slower and quicker minutes over all of them alike.
//
//   node bench/builds.mjs '?synthetic=100000' 3 dist /path/to/another/dist
//
// (the query, the rounds, then the builds' dist folders). Prints median / p95 ms of each build's
// samples: what bench/instrument.mjs measures for each input. Not part of ./test.sh.
import path from 'node:path';
import { INSTRUMENT, stats } from './instrument.mjs';
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
const pool = roots.map(() => ({ zoom: [], pan: [] }));
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
    await page.mouse.move(cx, cy);
    await page.evaluate(() => { window.__bench.samples = []; });
    for (let r = 0; r < REPEAT; r++) {
      for (let i = 0; i < STEPS; i++) {
        await page.mouse.wheel(0, i < STEPS / 2 ? -120 : 120);
        await page.waitForTimeout(20);
      }
      await page.waitForTimeout(200);
    }
    pool[k].zoom.push(...(await page.evaluate(() => window.__bench.samples)).map((s) => s.work));
    const zoomIn = page.getByRole('button', { name: 'Zoom in', exact: true });
    await zoomIn.click();
    await zoomIn.click();
    await page.waitForTimeout(400);
    await page.evaluate(() => { window.__bench.samples = []; });
    for (let r = 0; r < REPEAT; r++) {
      const dir = r % 2 === 0 ? -1 : 1;
      const from = cx - dir * 180;
      await page.mouse.move(from, cy);
      await page.mouse.down();
      for (let i = 1; i <= STEPS; i++) await page.mouse.move(from + dir * i * 12, cy);
      await page.mouse.up();
      await page.waitForTimeout(200);
    }
    await page.waitForTimeout(100);
    const moves = (await page.evaluate(() => window.__bench.samples)).filter((s) => s.type === 'pointermove');
    pool[k].pan.push(...moves.map((s) => s.work));
    await context.close();
  }
}
for (let k = 0; k < roots.length; k++) {
  const zoom = stats(pool[k].zoom);
  const pan = stats(pool[k].pan);
  const ms = (s) => `${s.median.toFixed(1)} / ${s.p95.toFixed(1)}`;
  console.log(`${dists[k]}: zoom ${ms(zoom)} ms (${zoom.n} steps), pan ${ms(pan)} ms (${pan.n} moves)`);
}
await browser.close();
for (const server of servers) await server.close();
