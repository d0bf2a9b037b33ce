//! Text that may carry markup (TimelineJS files write their slides' text in HTML), shown through
//! the core's allow-list ([`crate::core::rich_text`]) as Yew nodes: paragraphs, line breaks, bold,
//! italic, lists and http(s) links (opened apart, with no referrer). Never set as innerHTML;
//! anything else in the markup is shown as text or left out.

use crate::core::rich_text::{is_markup, Kind, Node, RichText};
use yew::prelude::*;

fn node(n: &Node) -> Html {
    match n {
        Node::Text(text) => html! { { text } },
        Node::Element(e) => {
            let children = e.children.iter().map(node).collect::<Html>();
            match &e.kind {
                Kind::Paragraph => html! { <p>{ children }</p> },
                Kind::LineBreak => html! { <br /> },
                Kind::Bold => html! { <strong>{ children }</strong> },
                Kind::Italic => html! { <em>{ children }</em> },
                Kind::BulletList => html! { <ul>{ children }</ul> },
                Kind::NumberedList => html! { <ol>{ children }</ol> },
                Kind::ListItem => html! { <li>{ children }</li> },
                Kind::Link { href } => html! {
                    <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ children }</a>
                },
            }
        }
    }
}

/// A block of text (a summary, a story's text): paragraphs of its markup, or the text as written
/// in a paragraph (see [`is_markup`]).
pub fn rich_block(text: &str, class: &'static str) -> Html {
    if !is_markup(text) {
        return html! { <p {class}>{ text }</p> };
    }
    let tree = RichText::parse(text);
    html! { <div {class}>{ for tree.nodes.iter().map(node) }</div> }
}
