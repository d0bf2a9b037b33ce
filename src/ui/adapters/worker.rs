//! Workers that run the page's own wasm (`scripts/worker.js`, named by the page's
//! `<meta name="worker">`): one imports files ([`super::import_worker`]), one paints the
//! timeline ([`super::paint_worker`]).

/// A worker for the page's own wasm in `role` (`"import"` or `"paint"`), called `name` in the
/// browser's tools; `None` where there is none (the single-file build) or it cannot be made.
/// Its first message is the module, which it instantiates (nothing is fetched or compiled
/// again), and its role.
pub fn start(role: &str, name: &str) -> Option<web_sys::Worker> {
    let document = web_sys::window()?.document()?;
    let script = document
        .query_selector("meta[name='worker']")
        .ok()??
        .get_attribute("content")?;
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    options.set_name(name);
    // The role in the address's fragment (which no request carries): the browser's tools tell the
    // workers apart by it.
    let worker = web_sys::Worker::new_with_options(&format!("{script}#{role}"), &options).ok()?;
    let first = js_sys::Object::new();
    let set = |key: &str, value: &wasm_bindgen::JsValue| {
        js_sys::Reflect::set(&first, &key.into(), value).is_ok()
    };
    if !(set("module", &wasm_bindgen::module()) && set("role", &role.into()))
        || worker.post_message(&first).is_err()
    {
        worker.terminate();
        return None;
    }
    Some(worker)
}
