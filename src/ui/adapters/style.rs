//! Elements' styles set through the CSS object model: a strict Content-Security-Policy (the one
//! the README recommends) refuses `style` attributes, and what they placed stood in a corner.

use yew::NodeRef;

/// Sets the CSS properties `props` (name, value) on the element of `node`, if it is there.
pub fn set(node: &NodeRef, props: &[(&str, String)]) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let style = el.style();
        for (name, value) in props {
            let _ = style.set_property(name, value);
        }
    }
}

/// A box's place by its sides, px from its container's edges: those given, the others `auto`.
pub fn sides(
    left: Option<f64>,
    right: Option<f64>,
    top: Option<f64>,
    bottom: Option<f64>,
) -> [(&'static str, String); 4] {
    let px = |v: Option<f64>| v.map_or_else(|| "auto".to_string(), |v| format!("{v:.1}px"));
    [
        ("left", px(left)),
        ("right", px(right)),
        ("top", px(top)),
        ("bottom", px(bottom)),
    ]
}
