// The README's first command: `./run.sh` serves the explorer (Trunk's server, release build),
// and the page it serves works. It is run on a free port and into a directory of its own, so
// that the build the other tests use is left alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, load, dataset, listReady, ROOT } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

/** Polls `url` until it answers 200, the process exits, or `ms` pass. */
async function answered(url, child, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until && child.exitCode === null) {
    try { if ((await fetch(url)).ok) return true; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

test('./run.sh serves the explorer on 127.0.0.1, and the page works', async () => {
  const port = await freePort();
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'explorer-serve-'));
  const child = spawn(path.join(ROOT, 'run.sh'), ['--port', String(port), '--dist', dist], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  try {
    const origin = `http://127.0.0.1:${port}`;
    assert.ok(await answered(origin + '/', child, 5 * 60_000), `./run.sh serves ${origin}/ (exit ${child.exitCode}):\n${output.slice(-3000)}`);
    const page = await load(browser, origin + '/', { marks: true });
    const data = dataset();
    await page.getByRole('heading', { level: 1, name: data.title }).waitFor();
    await listReady(page);
    assert.equal(await page.locator('.event-list li').count(), data.events.length);
    await page.getByRole('checkbox', { name: 'Piracy', exact: true }).check();
    await listReady(page);
    assert.equal(await page.locator('.event-list li').count(), data.events.filter((e) => e.domains.includes('piracy')).length);
    const download = await page.request.get(origin + '/data/japan-nato.json');
    assert.equal(download.status(), 200, 'the dataset is served next to the page');
    // The footer offers the explorer as one file: it is there under ./run.sh too.
    const href = await page.getByRole('link', { name: /The explorer as one file/ }).getAttribute('href');
    const single = await page.request.get(new URL(href, origin + '/').href);
    assert.equal(single.status(), 200, `the one-file explorer is served (${href})`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
