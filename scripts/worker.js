// The workers' script: the explorer's own wasm, run off the main thread, in one of two roles:
// `import` parses and checks an imported file (src/ui/adapters/import_worker), `paint` paints the
// timeline's canvas (src/ui/adapters/paint_worker.rs). scripts/csp-loader.mjs writes it into the
// build with the name of the JS glue in place of ./GLUE.js, and names it in the page's
// <meta name="worker">. The page's first message is `{ module, role }`: the wasm module it runs
// itself, and the worker's role.
import init, { import_worker, paint_worker } from './GLUE.js';

self.onmessage = async ({ data }) => {
  self.onmessage = null;
  try {
    await init({ module_or_path: data.module });
  } catch (e) {
    self.postMessage({ kind: 'unavailable', reason: String(e) });
    return;
  }
  // From here the wasm answers every message.
  if (data.role === 'paint') paint_worker();
  else import_worker();
};
