//! The parser: tags read from the text and applied to the tree under construction, which
//! keeps the allow-list.

use super::entities::decode;
use super::{Element, Kind, Node, RichText, MAX_DEPTH};
use crate::core::dataset::validate::is_web_url;

/// The elements whose content is dropped with them.
const DROPPED_WITH_CONTENT: [&str; 19] = [
    "script", "style", "textarea", "title", "iframe", "noscript", "noembed", "noframes", "xmp",
    "template", "svg", "math", "object", "applet", "select", "head", "video", "audio", "canvas",
];

/// The first element of `markup` whose content is never shown (see [`DROPPED_WITH_CONTENT`]):
/// `script`, `style`, `iframe` … as its tag opens it, whatever its case (`<SCRIPT src=…>`).
pub fn hidden_element(markup: &str) -> Option<&'static str> {
    let lower = markup.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    lower.match_indices('<').find_map(|(at, _)| {
        DROPPED_WITH_CONTENT.iter().copied().find(|name| {
            let end = at + 1 + name.len();
            lower[at + 1..].starts_with(name)
                && bytes
                    .get(end)
                    .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        })
    })
}

/// The block elements that become paragraphs.
const PARAGRAPH_LIKE: [&str; 20] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "address",
    "table",
    "tr",
    "dd",
];

/// The kind an element name maps to, if it is kept (links are decided by their href).
fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "br" => Kind::LineBreak,
        "b" | "strong" => Kind::Bold,
        "i" | "em" => Kind::Italic,
        "ul" => Kind::BulletList,
        "ol" => Kind::NumberedList,
        "li" => Kind::ListItem,
        "a" => Kind::Link {
            href: String::new(),
        },
        "dt" => Kind::Paragraph,
        _ if PARAGRAPH_LIKE.contains(&name) => Kind::Paragraph,
        _ => return None,
    })
}

/// Whether `text` is markup: it has a start or end tag of an element the allow-list keeps or
/// turns into a paragraph (`<p>`, `</b>`, `<br/>`, `<a href=…>` …). Text written as text, however
/// many `<`, `>` or `&` it has ("the <blink> tag", "x<y and y>z", "AT&T"), is not; it is shown as
/// written. Linear in the text.
pub fn is_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(last_close) = text.rfind('>') else {
        return false;
    };
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find('<')) {
        let start = from + at;
        from = start + 1;
        let name_start = if bytes.get(start + 1) == Some(&b'/') {
            start + 2
        } else {
            start + 1
        };
        let name_end = (name_start..bytes.len())
            .find(|&i| !bytes[i].is_ascii_alphanumeric())
            .unwrap_or(bytes.len());
        let ends_well = matches!(bytes.get(name_end), Some(b) if b.is_ascii_whitespace() || *b == b'/' || *b == b'>');
        if name_end > name_start
            && ends_well
            && name_end <= last_close
            && bytes[name_start].is_ascii_alphabetic()
            && kind_of(&text[name_start..name_end].to_ascii_lowercase()).is_some()
        {
            return true;
        }
    }
    false
}

/// A start or end tag read from the text.
struct Tag {
    name: String,
    end: bool,
    href: Option<String>,
}

/// The tree under construction.
struct Builder {
    root: Vec<Node>,
    /// The open elements, outermost first.
    open: Vec<Element>,
}

impl Builder {
    fn children(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some(e) => &mut e.children,
            None => &mut self.root,
        }
    }

    fn top_kind(&self) -> Option<&Kind> {
        self.open.last().map(|e| &e.kind)
    }

    /// Opens an element, unless too deep (its content then goes to the parent).
    fn open(&mut self, kind: Kind) {
        if self.open.len() < MAX_DEPTH {
            self.open.push(Element {
                kind,
                children: Vec::new(),
            });
        }
    }

    /// Closes the innermost open elements down to (and with) the one at `index`.
    fn close_to(&mut self, index: usize) {
        while self.open.len() > index {
            let Some(e) = self.open.pop() else { break };
            // Empty elements (but line breaks) are left out.
            if e.kind != Kind::LineBreak && e.children.is_empty() {
                continue;
            }
            self.children().push(Node::Element(e));
        }
    }

    /// The index of the innermost open element of this kind, not looking past a `barrier`.
    fn find_open(&self, kind: &Kind, barrier: impl Fn(&Kind) -> bool) -> Option<usize> {
        for (i, e) in self.open.iter().enumerate().rev() {
            if e.kind.same_as(kind) {
                return Some(i);
            }
            if barrier(&e.kind) {
                return None;
            }
        }
        None
    }

    /// Inside a list, content other than items goes into an item of its own.
    fn ensure_item(&mut self) {
        if self.top_kind().is_some_and(Kind::is_list) {
            self.open(Kind::ListItem);
        }
    }

    fn text(&mut self, decoded: &str) {
        let mut clean = String::with_capacity(decoded.len());
        for c in decoded.chars() {
            if c.is_ascii_whitespace() {
                if !clean.ends_with(' ') {
                    clean.push(' ');
                }
            } else {
                // Control characters are kept for the importer to remove and report.
                clean.push(c);
            }
        }
        if clean.is_empty() {
            return;
        }
        if clean == " " && self.top_kind().is_some_and(Kind::is_list) {
            return;
        }
        self.ensure_item();
        let children = self.children();
        if let Some(Node::Text(last)) = children.last_mut() {
            if last.ends_with(' ') && clean.starts_with(' ') {
                last.push_str(clean.get(1..).unwrap_or_default());
            } else {
                last.push_str(&clean);
            }
        } else {
            children.push(Node::Text(clean));
        }
    }

    fn start(&mut self, kind: Kind) {
        let not_past_items = |k: &Kind| *k == Kind::ListItem;
        match &kind {
            Kind::Paragraph | Kind::BulletList | Kind::NumberedList => {
                if let Some(i) = self.find_open(&Kind::Paragraph, not_past_items) {
                    self.close_to(i);
                }
            }
            Kind::ListItem => {
                if let Some(i) = self.find_open(&Kind::ListItem, Kind::is_list) {
                    self.close_to(i);
                }
                if !self.top_kind().is_some_and(Kind::is_list) {
                    if let Some(i) = self.find_open(&Kind::Paragraph, not_past_items) {
                        self.close_to(i);
                    }
                    self.open(Kind::BulletList);
                }
                self.open(kind);
                return;
            }
            Kind::Link { .. } => {
                if let Some(i) = self.find_open(&kind, |_| false) {
                    self.close_to(i);
                }
            }
            _ => {}
        }
        self.ensure_item();
        if kind == Kind::LineBreak {
            self.children().push(Node::Element(Element {
                kind,
                children: Vec::new(),
            }));
        } else {
            self.open(kind);
        }
    }

    fn end(&mut self, kind: &Kind) {
        if *kind == Kind::LineBreak {
            // `</br>` is a line break, as browsers read it.
            self.start(Kind::LineBreak);
        } else if let Some(i) = self.find_open(kind, |_| false) {
            self.close_to(i);
        }
    }

    fn finish(mut self) -> RichText {
        self.close_to(0);
        let mut nodes = self.root;
        tidy(&mut nodes, true);
        RichText { nodes }
    }
}

/// Drops the white space that only separates blocks (and that at the edges of a block), and
/// the elements left empty, merging the texts that then meet: the tree is then the same as
/// that of its own HTML.
fn tidy(nodes: &mut Vec<Node>, in_block: bool) {
    let mut kept: Vec<Node> = Vec::with_capacity(nodes.len());
    for mut n in std::mem::take(nodes) {
        if let Node::Element(e) = &mut n {
            let block = e.kind.is_block();
            tidy(&mut e.children, block);
            if e.kind != Kind::LineBreak && e.children.is_empty() {
                continue;
            }
        }
        match (kept.last_mut(), n) {
            (Some(Node::Text(last)), Node::Text(t)) => {
                if last.ends_with(' ') && t.starts_with(' ') {
                    last.push_str(t.get(1..).unwrap_or_default());
                } else {
                    last.push_str(&t);
                }
            }
            (_, n) => kept.push(n),
        }
    }
    let is_block = |n: Option<&Node>| matches!(n, Some(Node::Element(e)) if e.kind.is_block());
    let count = kept.len();
    let blank_to_drop: Vec<bool> = (0..count)
        .map(|i| {
            let blank = matches!(kept.get(i), Some(Node::Text(t)) if t == " ");
            let edge = (i == 0 || i + 1 == count) && in_block;
            let by_block =
                is_block(i.checked_sub(1).and_then(|j| kept.get(j))) || is_block(kept.get(i + 1));
            blank && (edge || by_block)
        })
        .collect();
    *nodes = kept
        .into_iter()
        .zip(blank_to_drop)
        .filter(|(_, drop)| !drop)
        .map(|(n, _)| n)
        .collect();
}

/// Reads the tag at the start of `s` (which starts with `<` and a letter, or `</` and a
/// letter): the tag and its length, or `None` when the text ends inside it.
fn read_tag(s: &str) -> Option<(Tag, usize)> {
    let bytes = s.as_bytes();
    let end = bytes.get(1) == Some(&b'/');
    let mut i = if end { 2 } else { 1 };
    let name_start = i;
    while bytes
        .get(i)
        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'/' && *b != b'>')
    {
        i += 1;
    }
    let name = s.get(name_start..i)?.to_ascii_lowercase();
    let mut href = None;
    loop {
        while bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            Some(b'>') => return Some((Tag { name, end, href }, i + 1)),
            Some(_) => {}
        }
        // An attribute: a name, then perhaps `=` and a value.
        let attr_start = i;
        i += 1;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        let attr = s.get(attr_start..i)?.to_ascii_lowercase();
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = None;
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let from = i + 1;
                    let close = s.get(from..)?.find(q as char)?;
                    value = Some(s.get(from..from + close)?);
                    i = from + close + 1;
                }
                Some(_) => {
                    let from = i;
                    while bytes
                        .get(i)
                        .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                    {
                        i += 1;
                    }
                    value = Some(s.get(from..i)?);
                }
                None => return None,
            }
        }
        if attr == "href" && href.is_none() {
            href = Some(decode(value.unwrap_or_default()));
        }
    }
}

/// The length of what starts at `s` up to and with `close` (the whole of `s` without it).
fn skip_past(s: &str, from: usize, close: &str) -> usize {
    match s.get(from..).and_then(|rest| rest.find(close)) {
        Some(i) => from + i + close.len(),
        None => s.len(),
    }
}

/// The length of `s` up to and with the end tag `</name…>` (case-insensitive), or all of it.
fn skip_element(s: &str, name: &str) -> usize {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s.get(from..).and_then(|rest| rest.find("</")) {
        let at = from + i + 2;
        let end = at + name.len();
        let same = bytes
            .get(at..end)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()));
        let next = bytes.get(end);
        if same && next.is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/') {
            return skip_past(s, end, ">");
        }
        from = at;
    }
    s.len()
}
impl RichText {
    /// Parses HTML (or plain text) into the allow-listed tree. Total: any text gives a tree.
    pub fn parse(markup: &str) -> RichText {
        let mut b = Builder {
            root: Vec::new(),
            open: Vec::new(),
        };
        let mut rest = markup;
        while !rest.is_empty() {
            let Some(lt) = rest.find('<') else {
                b.text(&decode(rest));
                break;
            };
            if lt > 0 {
                b.text(&decode(rest.get(..lt).unwrap_or_default()));
                rest = rest.get(lt..).unwrap_or_default();
            }
            let bytes = rest.as_bytes();
            let next = bytes.get(1).copied();
            let consumed = if rest.starts_with("<!--") {
                skip_past(rest, 2, "-->")
            } else if rest.starts_with("<![CDATA[") {
                skip_past(rest, 9, "]]>")
            } else if matches!(next, Some(b'!') | Some(b'?')) {
                skip_past(rest, 2, ">")
            } else if next == Some(b'/') && !bytes.get(2).is_some_and(u8::is_ascii_alphabetic) {
                // `</>` and `</ …>` are dropped, as browsers do.
                skip_past(rest, 2, ">")
            } else if next.is_some_and(|c| c.is_ascii_alphabetic() || c == b'/') {
                match read_tag(rest) {
                    None => rest.len(),
                    Some((tag, len)) => {
                        let after = rest.get(len..).unwrap_or_default();
                        len + apply(&mut b, tag, after)
                    }
                }
            } else {
                b.text("<");
                1
            };
            rest = rest.get(consumed..).unwrap_or_default();
        }
        b.finish()
    }
}
/// Applies a tag to the tree; returns how much of the text after it is skipped (the content
/// of an element dropped with its content).
fn apply(b: &mut Builder, tag: Tag, after: &str) -> usize {
    let name = tag.name.as_str();
    if !tag.end {
        if name == "plaintext" {
            return after.len();
        }
        if DROPPED_WITH_CONTENT.contains(&name) {
            return skip_element(after, name);
        }
    }
    if matches!(name, "td" | "th") {
        b.text(" ");
    }
    let Some(kind) = kind_of(name) else { return 0 };
    if tag.end {
        b.end(&kind);
        return 0;
    }
    match kind {
        Kind::Link { .. } => match tag.href.map(|h| h.trim().to_string()) {
            Some(href) if is_web_url(&href) => b.start(Kind::Link { href }),
            // A link to anything else is its text.
            _ => {}
        },
        kind => b.start(kind),
    }
    0
}
