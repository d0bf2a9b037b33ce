// Makes dist/japan-nato-explorer.html: the whole explorer (wasm, JS, CSS, data, icon) in one HTML
// file that opens from file:// with no network. Trunk runs it after every build (a post_build hook,
// on $TRUNK_STAGING_DIR), so that `trunk serve` offers the file too; it also runs on dist/ by hand.
import fs from 'node:fs';
import path from 'node:path';

const dist = process.env.TRUNK_STAGING_DIR
  || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../dist');
const OUT = 'japan-nato-explorer.html';
let html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const find = (re, what) => {
  const m = html.match(re);
  if (!m) throw new Error(`single-file: cannot find ${what} in dist/index.html`);
  return m;
};
const read = (href) => fs.readFileSync(path.join(dist, href.replace(/^\.\//, '')));

const css = find(/<link rel="stylesheet" href="([^"]+)"[^>]*>/, 'the stylesheet');
html = html.replace(css[0], () => `<style>\n${read(css[1]).toString('utf8')}\n</style>`);
const icon = find(/<link rel="icon" href="([^"]+)"[^>]*>/, 'the icon');
html = html.replace(icon[0], () => `<link rel="icon" href="data:image/svg+xml;base64,${read(icon[1]).toString('base64')}">`);
// The loader (moved out of line by scripts/csp-loader.mjs) imports the JS glue.
const loader = find(/<script type="module" src="([^"]+)"><\/script>/, 'the loader script');
const glueHref = read(loader[1]).toString('utf8').match(/import init, \* as bindings from '([^']+)';/);
if (!glueHref) throw new Error('single-file: the loader does not import the JS glue');
const script = [loader[0], glueHref[1]];
const wasmHref = find(/<link rel="preload" href="([^"]+\.wasm)"[^>]*>/, 'the wasm')[1];
let glue = read(script[1]).toString('utf8');
glue = glue.replace(/export \{[^}]*\};\s*$/, '');
const wasm = read(wasmHref).toString('base64');
if (glue.includes('</script')) throw new Error('single-file: the JS glue contains </script');
html = html.replace(script[0], () => `<script type="module">
${glue}
const bytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: bytes });
</script>`);
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
// A worker cannot load from file://: opened from disk, the explorer imports and paints on the
// main thread.
html = html.replace(/<meta name="worker"[^>]*>\n?/, '');
if (/(src|href)="\.\/[^"]+\.(js|css|wasm)"/.test(html)) throw new Error('single-file: a reference to a separate file is left');
fs.writeFileSync(path.join(dist, OUT), html);
console.log(`single file: dist/${OUT} (${(html.length / 1024).toFixed(0)} KB)`);
