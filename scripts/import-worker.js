// The import worker's script: the explorer's own wasm, run off the main thread to parse and check
// an imported file (see src/ui/adapters/import_worker.rs). scripts/csp-loader.mjs writes it into
// the build with the name of the JS glue in place of ./GLUE.js, and names it in the page's
// <meta name="import-worker">. The page's first message is the wasm module it runs itself.
import init, { import_worker } from './GLUE.js';

self.onmessage = async ({ data }) => {
  self.onmessage = null;
  try {
    await init({ module_or_path: data });
  } catch (e) {
    self.postMessage({ note: JSON.stringify({ Unavailable: String(e) }) });
    return;
  }
  // From here the wasm answers every message.
  import_worker();
};
