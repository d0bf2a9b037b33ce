//! Rich text from HTML, as TimelineJS files carry it in their `text`: a small, total parser
//! that keeps an allow-list and turns everything else into text.
//!
//! Kept: paragraphs (`p`), line breaks (`br`), bold (`b`, `strong`), italic (`i`, `em`), lists
//! (`ul`, `ol`, `li`) and links (`a`) whose `href` is an absolute http(s) URL. Every attribute
//! other than that `href` is dropped (`on*`, `style`, `src` …).
//!
//! Everything else:
//! - the content of `script`, `style`, `textarea`, `title`, `iframe`, `noscript`, `noembed`,
//!   `noframes`, `xmp`, `template`, `svg`, `math`, `object`, `applet`, `select`, `head`,
//!   `video`, `audio` and `canvas` is dropped with the tag (up to its first end tag, or to the
//!   end of the text when there is none; `plaintext` drops the rest);
//! - comments, CDATA sections, `<!doctype …>` and `<?…>` are dropped;
//! - block elements (`div`, `h1`–`h6`, `blockquote`, `pre`, `section`, `article`, `header`,
//!   `footer`, `figure`, `figcaption`, `address`, `table`, `tr`, `dt`, `dd`) become paragraphs;
//! - other tags (`span`, `img`, `font`, unknown ones, `a` without an http(s) `href` …) are
//!   dropped and their content kept as text;
//! - a `<` that does not start a tag is text; a tag left open at the end of the text is
//!   dropped, as browsers do;
//! - character references are decoded (`&amp;`, `&lt;`, `&#39;`, `&#x27;`, `&nbsp;`, and the
//!   common named ones); unknown ones stay as written; one that names a control character or
//!   no character gives nothing, or U+FFFD;
//! - runs of white space become one space, as HTML shows them; other control characters are
//!   kept as text (the importer removes and reports them; a reference to one gives nothing).
//!
//! Elements nest at most [`MAX_DEPTH`] deep; deeper tags are dropped, their content kept. The
//! parser never panics and takes time linear in the input.
//!
//! Where it is used: the importers keep an event's summary as written (TimelineJS text is HTML;
//! our own summaries are plain text), so that exports re-import to the same events. A summary
//! (or a story's text) is markup where [`is_markup`] finds a tag of the allow-list in it (the
//! TimelineJS importer makes sure of it for text with other tags or character references):
//! the UI then shows `RichText::parse(&event.summary)` as nodes (never as HTML text), adding
//! `rel="noopener noreferrer"` to links, and search uses [`plain_text`]; other text is shown
//! and searched as written ("the <blink> tag", "AT&T", "x&lt;y"). A title taken from a
//! TimelineJS headline (or, without one, from its text) is its [`one_line`].

mod entities;
mod parse;
mod write;

pub use parse::{hidden_element, is_markup};
use write::{write_html, PlainWriter};

/// Elements nest at most this deep.
pub const MAX_DEPTH: usize = 32;

/// What an element is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Paragraph,
    LineBreak,
    Bold,
    Italic,
    BulletList,
    NumberedList,
    ListItem,
    /// A link to an absolute http(s) URL.
    Link {
        href: String,
    },
}

impl Kind {
    /// The HTML tag that shows it.
    pub fn tag(&self) -> &'static str {
        match self {
            Kind::Paragraph => "p",
            Kind::LineBreak => "br",
            Kind::Bold => "b",
            Kind::Italic => "i",
            Kind::BulletList => "ul",
            Kind::NumberedList => "ol",
            Kind::ListItem => "li",
            Kind::Link { .. } => "a",
        }
    }

    /// Whether it is a block (a paragraph, a list or a list item) rather than inline.
    pub fn is_block(&self) -> bool {
        matches!(
            self,
            Kind::Paragraph | Kind::BulletList | Kind::NumberedList | Kind::ListItem
        )
    }

    fn is_list(&self) -> bool {
        matches!(self, Kind::BulletList | Kind::NumberedList)
    }

    /// Whether an end tag of `other` closes this kind (links match whatever their href).
    fn same_as(&self, other: &Kind) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// One node of the tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    /// Text, its white space collapsed.
    Text(String),
    Element(Element),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub kind: Kind,
    pub children: Vec<Node>,
}

/// A parsed text: the nodes of its top level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RichText {
    pub nodes: Vec<Node>,
}

impl RichText {
    /// Whether any element is kept (the text is more than text).
    pub fn has_elements(&self) -> bool {
        self.nodes.iter().any(|n| matches!(n, Node::Element(_)))
    }

    /// The text for search, CSV, tooltips and titles: paragraphs separated by a blank line, list
    /// items on lines of their own ("• " or "1. "), line breaks kept, links as their text.
    pub fn plain_text(&self) -> String {
        let mut w = PlainWriter::default();
        w.nodes(&self.nodes);
        let mut out = String::with_capacity(w.out.len());
        let mut blank_lines = 0;
        for line in w.out.split('\n') {
            let line = line.trim_matches(' ');
            if line.is_empty() {
                blank_lines += 1;
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_lines > 0 { "\n\n" } else { "\n" });
            }
            blank_lines = 0;
            out.push_str(line);
        }
        out
    }

    /// The tree as HTML of the allow-list: what the importer stores, and what parses back to
    /// the same tree.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        write_html(&self.nodes, &mut out);
        out
    }
}

/// The plain text of some markup ([`RichText::plain_text`]).
pub fn plain_text(markup: &str) -> String {
    RichText::parse(markup).plain_text()
}

/// The plain text of some markup on one line, for a title.
pub fn one_line(markup: &str) -> String {
    let text = plain_text(markup);
    let mut out = String::with_capacity(text.len());
    for word in text.split(['\n', ' ']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests;
