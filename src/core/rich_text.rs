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
//! our own summaries are plain text, which reads the same through this parser), so that exports
//! re-import to the same events. The UI shows `RichText::parse(&event.summary)` as nodes (never
//! as HTML text), adding `rel="noopener noreferrer"` to links; search and tooltips use
//! [`plain_text`]; a title taken from a TimelineJS text is its [`one_line`].

use crate::core::dataset::validate::is_web_url;

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

/// The elements whose content is dropped with them.
const DROPPED_WITH_CONTENT: [&str; 19] = [
    "script", "style", "textarea", "title", "iframe", "noscript", "noembed", "noframes", "xmp",
    "template", "svg", "math", "object", "applet", "select", "head", "video", "audio", "canvas",
];

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

/// The character of a named reference (without `&` and `;`).
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{A0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "bull" => "•",
        "middot" => "·",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "minus" => "−",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "iexcl" => "¡",
        "iquest" => "¿",
        "dagger" => "†",
        "Dagger" => "‡",
        "prime" => "′",
        "Prime" => "″",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "Agrave" => "À",
        "acirc" => "â",
        "Acirc" => "Â",
        "auml" => "ä",
        "Auml" => "Ä",
        "atilde" => "ã",
        "Atilde" => "Ã",
        "aring" => "å",
        "Aring" => "Å",
        "aelig" => "æ",
        "AElig" => "Æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "Egrave" => "È",
        "ecirc" => "ê",
        "Ecirc" => "Ê",
        "euml" => "ë",
        "Euml" => "Ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "igrave" => "ì",
        "Igrave" => "Ì",
        "icirc" => "î",
        "Icirc" => "Î",
        "iuml" => "ï",
        "Iuml" => "Ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ograve" => "ò",
        "Ograve" => "Ò",
        "ocirc" => "ô",
        "Ocirc" => "Ô",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "otilde" => "õ",
        "Otilde" => "Õ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "oelig" => "œ",
        "OElig" => "Œ",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "Ugrave" => "Ù",
        "ucirc" => "û",
        "Ucirc" => "Û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        "Yacute" => "Ý",
        "yuml" => "ÿ",
        "szlig" => "ß",
        "scaron" => "š",
        "Scaron" => "Š",
        "zcaron" => "ž",
        "Zcaron" => "Ž",
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => "",
        _ => return None,
    })
}

/// The reference at the start of `s` (which starts with `&`): its text and its length in
/// bytes; `None` when it is not one (the `&` is then text).
fn entity(s: &str) -> Option<(String, usize)> {
    let rest = s.get(1..)?;
    let end = rest.bytes().take(34).position(|b| b == b';')?;
    let body = rest.get(..end)?;
    let len = end + 2;
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            None if !number.is_empty() && number.len() <= 10 => number.parse::<u32>().ok()?,
            _ => return None,
        };
        let text = match char::from_u32(code) {
            None | Some('\0') => "\u{FFFD}".to_string(),
            Some(c) if c.is_control() && !c.is_ascii_whitespace() => String::new(),
            Some(c) => c.to_string(),
        };
        return Some((text, len));
    }
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    named_entity(body).map(|t| (t.to_string(), len))
}

/// Text with its references decoded.
fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let at = rest.get(i..).unwrap_or_default();
        match entity(at) {
            Some((t, len)) => {
                out.push_str(&t);
                rest = at.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = at.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
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

#[derive(Default)]
struct PlainWriter {
    out: String,
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

    fn nodes(&mut self, nodes: &[Node]) {
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

fn write_html(nodes: &[Node], out: &mut String) {
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
mod tests {
    use super::*;

    fn text(t: &str) -> Node {
        Node::Text(t.into())
    }

    fn el(kind: Kind, children: Vec<Node>) -> Node {
        Node::Element(Element { kind, children })
    }

    #[test]
    fn a_timeline_text_keeps_its_paragraphs_emphasis_and_links() {
        let t = RichText::parse(
            "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\">NATO</a>.</p>",
        );
        assert_eq!(
            t.nodes,
            [el(
                Kind::Paragraph,
                vec![
                    text("Leaders met in "),
                    el(Kind::Bold, vec![text("Brussels")]),
                    text(". See "),
                    el(
                        Kind::Link {
                            href: "https://www.nato.int".into()
                        },
                        vec![text("NATO")]
                    ),
                    text("."),
                ]
            )]
        );
        assert_eq!(t.plain_text(), "Leaders met in Brussels. See NATO.");
        assert_eq!(
            t.to_html(),
            "<p>Leaders met in <b>Brussels</b>. See <a href=\"https://www.nato.int\">NATO</a>.</p>"
        );
    }

    #[test]
    fn hostile_markup_becomes_text_or_goes() {
        let cases = [
            ("<script>alert(1)</script>ok", "ok"),
            ("<SCRIPT type=x>alert(1)</SCRIPT >ok", "ok"),
            ("<script>never closed", ""),
            ("<style>p{}</style><p>ok</p>", "ok"),
            ("<img src=x onerror=alert(1)>ok", "ok"),
            ("<iframe src=\"https://evil\"></iframe>ok", "ok"),
            ("<svg><script>alert(1)</script></svg>ok", "ok"),
            ("<!-- <script>alert(1)</script> -->ok", "ok"),
            ("<![CDATA[<script>]]>ok", "ok"),
            ("<!doctype html><?php echo 1 ?>ok", "ok"),
            ("<a href=\"javascript:alert(1)\">text</a>", "text"),
            ("<a href=\"&#106;avascript:alert(1)\">text</a>", "text"),
            ("<a href=\" java\tscript:x\">text</a>", "text"),
            ("<a href=data:text/html,x>text</a>", "text"),
            ("<a>no href</a>", "no href"),
            ("<b onclick=\"alert(1)\" style=\"x\">bold</b>", "bold"),
            ("<span>a</span><font color=red>b</font>", "ab"),
            ("a < b & c > d", "a < b & c > d"),
            ("<3 <b", "<3"),
            ("x</p></b></ul>y", "xy"),
            (
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<script>alert(1)</script>",
            ),
            (
                "&#39;&#x27;&amp;&nbsp;&quot;&copy;&bogus;&#0;&#1;&#xD800;",
                "''&\u{A0}\"©&bogus;\u{FFFD}\u{FFFD}",
            ),
            ("<p>one<p>two", "one\n\ntwo"),
            ("<ul><li>a<li>b</ul><ol><li>c</li></ol>", "• a\n• b\n\n1. c"),
            ("a<br>b<br/>c</br>d", "a\nb\nc\nd"),
            ("<div>a</div><h1>b</h1>", "a\n\nb"),
        ];
        for (markup, plain) in cases {
            let tree = RichText::parse(markup);
            assert_eq!(tree.plain_text(), plain, "{markup}");
            let html = tree.to_html();
            assert!(!html.to_lowercase().contains("<script"), "{markup}: {html}");
            assert!(
                !html.contains("onclick") && !html.contains("onerror"),
                "{markup}: {html}"
            );
            assert!(!html.contains("javascript"), "{markup}: {html}");
            assert_eq!(RichText::parse(&html), tree, "{markup}: {html}");
        }
    }

    #[test]
    fn deep_and_unclosed_markup_is_capped_not_a_crash() {
        let deep = "<b>".repeat(100_000) + "x";
        let tree = RichText::parse(&deep);
        let mut depth = 0;
        let mut nodes = &tree.nodes;
        while let Some(Node::Element(e)) = nodes.first() {
            depth += 1;
            nodes = &e.children;
        }
        assert_eq!(depth, MAX_DEPTH);
        assert_eq!(tree.plain_text(), "x");
        let lists = "<ul><li>".repeat(10_000);
        let nested = RichText::parse(&(lists + "y")).plain_text();
        assert!(nested.ends_with("• y") && nested.matches('•').count() == MAX_DEPTH / 2);
        for broken in [
            "<",
            "<a",
            "<a href=\"x",
            "<a href=",
            "<!--",
            "</",
            "&",
            "&#",
            "&#x;",
            "<p",
            "<<>>",
        ] {
            let _ = RichText::parse(broken).plain_text();
        }
        assert_eq!(RichText::parse("a <b c=\"d").plain_text(), "a");
    }

    #[test]
    fn plain_text_for_search_and_titles() {
        assert_eq!(plain_text("Tom & Jerry <3\nx"), "Tom & Jerry <3 x");
        assert_eq!(plain_text("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(
            RichText::parse("<p onclick=x>Hi <em>there</em><script>x</script></p>").to_html(),
            "<p>Hi <i>there</i></p>"
        );
        assert_eq!(one_line("<p>A</p><p>B <br> C</p>"), "A B C");
        assert_eq!(plain_text("plain"), "plain");
    }
}
