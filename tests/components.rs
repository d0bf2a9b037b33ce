//! Component tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use japan_nato_explorer::core::dataset::embedded;
use japan_nato_explorer::ui::app::App;
use std::ops::Deref;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The app mounted in an element of its own; dropping it unmounts the app and removes the
/// element, so that the next test starts from a clean page.
struct Mounted {
    root: web_sys::Element,
    app: Option<yew::AppHandle<App>>,
}

impl Deref for Mounted {
    type Target = web_sys::Element;
    fn deref(&self) -> &web_sys::Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// Renders the app into a fresh element and waits for Yew to draw it.
async fn render() -> Mounted {
    let window = web_sys::window().unwrap();
    // Each test starts from a plain URL: the app keeps its view in the query string.
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_attribute("style", "width: 1000px").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    // A debug build draws the first frame in several passes: wait until the events are drawn.
    wait_for(&root, ".marks .mark").await;
    list_ready(&root).await;
    Mounted {
        root,
        app: Some(app),
    }
}

/// Waits (up to about nine seconds) until `check` holds.
async fn wait_until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..150 {
        if check() {
            return;
        }
        settle().await;
    }
    panic!("never happened: {what}");
}

/// Waits (up to about nine seconds) until something under `root` matches `selector`.
async fn wait_for(root: &web_sys::Element, selector: &str) {
    wait_until(&format!("something matches {selector}"), || {
        !all(root, selector).is_empty()
    })
    .await;
}

/// Waits until the event list has drawn its entries (it is `aria-busy` while it adds the rest of
/// its first chunk, just after the frame that shows a new list).
async fn list_ready(root: &web_sys::Element) {
    wait_for(root, ".event-list ol:not([aria-busy])").await;
}

/// One polling step of the waits above (they wait for what they check, not for a fixed time).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(60)).await;
}

/// Every element (HTML or SVG) under `root` matching `selector`.
fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    all(root, selector)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn button(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    all(root, "button")
        .into_iter()
        .find(|b| {
            b.get_attribute("aria-label").as_deref() == Some(label)
                || b.text_content().unwrap_or_default().trim() == label
        })
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| panic!("no button named {label}"))
}

fn window_span(root: &web_sys::Element) -> f64 {
    let svg = root
        .query_selector("svg[aria-roledescription=timeline]")
        .unwrap()
        .unwrap();
    let start: f64 = svg.get_attribute("data-start").unwrap().parse().unwrap();
    let end: f64 = svg.get_attribute("data-end").unwrap().parse().unwrap();
    end - start
}

#[wasm_bindgen_test]
async fn shows_the_title_the_timeline_and_every_event_in_the_list() {
    let data = embedded().unwrap();
    let root = render().await;
    assert_eq!(one(&root, "h1").text_content().unwrap(), data.title);
    let marks = all(&root, ".marks .mark").len() + all(&root, ".marks .cluster").len();
    assert!(
        marks > 5,
        "the timeline draws events: {marks} marks, window {}",
        window_span(&root)
    );
    assert_eq!(all(&root, ".event-list li").len(), data.events.len());
}

#[wasm_bindgen_test]
async fn choosing_an_event_in_the_list_shows_its_details_and_sources() {
    let data = embedded().unwrap();
    let event = data
        .events
        .iter()
        .find(|e| !e.footnotes.is_empty())
        .expect("an event with footnotes");
    let root = render().await;
    let entry = all(&root, ".event-list button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().contains(&event.title))
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap();
    entry.click();
    wait_until("the details show the event", || {
        one(&root, "aside.detail h2")
            .text_content()
            .unwrap_or_default()
            == event.title
    })
    .await;
    let detail = one(&root, "aside.detail");
    assert_eq!(
        one(&detail, "blockquote").text_content().unwrap(),
        event.evidence
    );
    assert_eq!(all(&detail, ".footnotes li").len(), event.footnotes.len());
    button(&root, "Close").click();
    wait_until("the details close", || {
        one(&root, "aside.detail h2")
            .text_content()
            .unwrap_or_default()
            == "Event details"
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_zoom_buttons_halve_and_double_the_visible_span() {
    let root = render().await;
    let fitted = window_span(&root);
    button(&root, "Zoom in").click();
    wait_until("the span halves", || {
        (fitted / window_span(&root) - 2.0).abs() < 0.01
    })
    .await;
    button(&root, "Fit all").click();
    wait_until("the span is the whole chronology's again", || {
        (window_span(&root) - fitted).abs() < 1e-6
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_domain_checkbox_narrows_the_list_and_the_summary() {
    let data = embedded().unwrap();
    let root = render().await;
    let expected = data
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|d| d == "afghanistan"))
        .count();
    // The checkbox labelled Afghanistan, as a user finds it.
    let label = all(&root, ".facet label")
        .into_iter()
        .find(|l| l.text_content().unwrap_or_default().trim() == "Afghanistan")
        .expect("an Afghanistan label");
    let checkbox = root
        .query_selector(&format!("#{}", label.get_attribute("for").unwrap()))
        .unwrap()
        .expect("an Afghanistan checkbox")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    checkbox.click();
    let summary = format!("Showing {expected} of {} events", data.events.len());
    wait_until("the summary follows the filter", || {
        one(&root, ".result-count")
            .text_content()
            .unwrap_or_default()
            == summary
    })
    .await;
    wait_until("the list holds the Afghanistan events only", || {
        all(&root, ".event-list li").len() == expected
    })
    .await;
    list_ready(&root).await;
    assert_eq!(all(&root, ".event-list li").len(), expected);
    assert_eq!(
        one(&root, ".result-count").text_content().unwrap(),
        format!("Showing {expected} of {} events", data.events.len())
    );
    button(&root, "Clear all filters").click();
    wait_until("every event is listed again", || {
        all(&root, ".event-list li").len() == data.events.len()
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_polite_message_in_the_page() {
    let document = web_sys::window().unwrap().document().unwrap();
    let fatal = document.create_element("div").unwrap();
    fatal.set_id("fatal");
    fatal.set_attribute("hidden", "").unwrap();
    let detail = document.create_element("pre").unwrap();
    detail.set_id("fatal-detail");
    fatal.append_child(&detail).unwrap();
    document.body().unwrap().append_child(&fatal).unwrap();
    japan_nato_explorer::ui::adapters::panic::install();
    // Panic in a task of its own, as an event handler would.
    gloo::timers::callback::Timeout::new(0, || panic!("a deliberate test panic")).forget();
    wait_until("the message is shown", || !fatal.has_attribute("hidden")).await;
    assert!(detail
        .text_content()
        .unwrap_or_default()
        .contains("a deliberate test panic"));
    fatal.remove();
}
