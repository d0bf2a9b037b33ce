//! The tree written out: as plain text, and as HTML of the allow-list.

use super::{Element, Kind, Node};

#[derive(Default)]
pub(super) struct PlainWriter {
    pub(super) out: String,
    /// Line ends owed before the next text.
    owed: usize,
}

impl PlainWriter {
    fn owe(&mut self, n: usize) {
        self.owed = self.owed.max(n);
    }

    fn text(&mut self, t: &str) {
        if !self.out.is_empty() {
            for _ in 0..self.owed {
                self.out.push('\n');
            }
        }
        self.owed = 0;
        self.out.push_str(t);
    }

    pub(super) fn nodes(&mut self, nodes: &[Node]) {
        for n in nodes {
            match n {
                Node::Text(t) => self.text(t),
                Node::Element(e) => self.element(e),
            }
        }
    }

    fn element(&mut self, e: &Element) {
        match &e.kind {
            Kind::LineBreak => {
                self.text("");
                self.out.push('\n');
            }
            Kind::Paragraph => {
                self.owe(2);
                self.nodes(&e.children);
                self.owe(2);
            }
            Kind::BulletList | Kind::NumberedList => {
                self.owe(2);
                let mut number = 0usize;
                for child in &e.children {
                    match child {
                        Node::Element(item) if item.kind == Kind::ListItem => {
                            number += 1;
                            self.owe(1);
                            if e.kind == Kind::NumberedList {
                                self.text(&format!("{number}. "));
                            } else {
                                self.text("• ");
                            }
                            self.nodes(&item.children);
                        }
                        other => self.nodes(std::slice::from_ref(other)),
                    }
                }
                self.owe(2);
            }
            Kind::ListItem => {
                self.owe(1);
                self.text("• ");
                self.nodes(&e.children);
                self.owe(1);
            }
            Kind::Bold | Kind::Italic | Kind::Link { .. } => self.nodes(&e.children),
        }
    }
}

/// Text escaped for HTML content and double-quoted attributes.
fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            c => out.push(c),
        }
    }
}

pub(super) fn write_html(nodes: &[Node], out: &mut String) {
    for n in nodes {
        match n {
            Node::Text(t) => escape_html(t, out),
            Node::Element(e) => {
                out.push('<');
                out.push_str(e.kind.tag());
                if let Kind::Link { href } = &e.kind {
                    out.push_str(" href=\"");
                    escape_html(href, out);
                    out.push('"');
                }
                out.push('>');
                if e.kind != Kind::LineBreak {
                    write_html(&e.children, out);
                    out.push_str("</");
                    out.push_str(e.kind.tag());
                    out.push('>');
                }
            }
        }
    }
}
