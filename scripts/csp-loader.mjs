// Trunk post-build hook: moves Trunk's inline module script (which loads the wasm) into a file
// of its own, so that the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no inline script), and writes the workers'
// script beside it. Works on $TRUNK_STAGING_DIR.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-loader: TRUNK_STAGING_DIR is not set (run by trunk as a post_build hook)');
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/g;
const found = [...html.matchAll(inline)].filter((m) => m[1].includes('import init'));
if (found.length !== 1) throw new Error(`csp-loader: expected one inline module script, found ${found.length}`);
const code = found[0][1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, name), code);
html = html.replace(found[0][0], () => `<script type="module" src="./${name}"></script>`);
// The workers (scripts/worker.js: importing files, painting the timeline) import the same JS
// glue; the page finds their script through <meta name="worker">.
const glue = code.match(/import init, \* as bindings from '(\.\/[^']+\.js)';/);
if (!glue) throw new Error('csp-loader: the loader does not import the JS glue');
const template = fs.readFileSync(new URL('./worker.js', import.meta.url), 'utf8');
if (!template.includes("'./GLUE.js'")) throw new Error('csp-loader: worker.js does not import ./GLUE.js');
const worker = template.replace("'./GLUE.js'", () => `'${glue[1]}'`);
const workerName = `worker-${crypto.createHash('sha256').update(worker).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, workerName), worker);
html = html.replace('</head>', () => `<meta name="worker" content="./${workerName}">\n</head>`);
// The wasm's preload (`as="fetch"`) cannot be checked against an `integrity` (browsers ignore it
// there, and Chromium says so on the console at every load): left out. The glue and the styles
// keep theirs.
// (A build without integrities has none to leave out.)
const preload = /<link rel="preload" href="[^"]+_bg\.wasm"[^>]*>/;
const wasmPreload = html.match(preload);
if (!wasmPreload) throw new Error('csp-loader: the page does not preload the wasm');
html = html.replace(wasmPreload[0], () => wasmPreload[0].replace(/ integrity="[^"]*"/, ''));
// `trunk serve` adds its own inline live-reload script (development only, never in dist/).
const left = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].filter((m) => !/__TRUNK_ADDRESS__|_trunk\/ws/.test(m[1]));
if (left.length > 0) throw new Error(`csp-loader: an inline script is left: ${left[0][0].slice(0, 300)}`);
if (/\sstyle="/.test(html)) throw new Error('csp-loader: an inline style attribute is left');
fs.writeFileSync(file, html);
console.log(`csp-loader: the loader is ${name}, the workers' script ${workerName}`);
