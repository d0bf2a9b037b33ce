//! Text shared by the importers, the link parser, the exporters and the layout: characters that
//! are not text (controls, invisible characters), ids that survive a link, text that is safe in
//! XML, counts written for people ("1 event", "5,000 events"), and label widths.

use std::borrow::Cow;

/// `n` with a comma between thousands: "5,000", "1,000,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A count and its noun, in the singular for exactly one: "1 event", "0 events", "5,000 events".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// Whether the import removes this character from text: the control characters other than tab,
/// line feed and carriage return (C0, DEL and C1; XML 1.0 forbids the C0 ones), and U+FFFE and
/// U+FFFF, which XML 1.0 forbids too. Carriage returns are line ends, made line feeds instead.
pub fn is_removed_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// What [`without_controls`] removed from a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// How many characters were removed.
    pub count: usize,
    /// The first few different characters removed, for the message.
    pub examples: Vec<char>,
}

impl Removed {
    /// At most this many different characters are named in the message.
    const EXAMPLES: usize = 3;

    fn note(&mut self, c: char) {
        self.count += 1;
        if self.examples.len() < Self::EXAMPLES && !self.examples.contains(&c) {
            self.examples.push(c);
        }
    }

    /// Adds what was removed from another text of the same field.
    pub fn add(&mut self, other: &Removed) {
        self.count += other.count;
        for &c in &other.examples {
            if self.examples.len() < Self::EXAMPLES && !self.examples.contains(&c) {
                self.examples.push(c);
            }
        }
    }

    /// "2 control characters removed (U+0001, U+007F)".
    pub fn message(&self) -> String {
        let names: Vec<String> = self.examples.iter().map(|c| code_point(*c)).collect();
        format!(
            "{} removed ({})",
            plural(self.count, "control character", "control characters"),
            names.join(", ")
        )
    }
}

/// "U+0001".
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A value as a message may show it: control characters as their symbols (␁, ␡; U+FFFD for
/// C1), never as themselves, and cut after `max` characters with "…".
pub fn shown(value: &str, max: usize) -> String {
    let visible = |c: char| match u32::from(c) {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ if c.is_control() => '\u{FFFD}',
        _ => c,
    };
    let mut s: String = value.chars().take(max).map(visible).collect();
    if value.chars().nth(max).is_some() {
        s.push('…');
    }
    s
}

/// The name a `data=` link's file goes by in the page's words: the last part of its path
/// ("voyages.csv" of "files/voyages.csv"), else the link itself, shortened ("d/", a `data:`
/// URL).
pub fn link_file_name(data: &str) -> String {
    let path = data.split(['?', '#']).next().unwrap_or(data);
    match path.rsplit('/').next() {
        Some(last) if !last.is_empty() && !data.starts_with("data:") => shown(last, 80),
        _ => shown(data, 80),
    }
}

/// The text without the characters of [`is_removed_control`], its line ends made `\n` (CRLF and
/// lone CR), and what was removed (line ends are not counted: they are kept as line ends).
pub fn without_controls(text: &str) -> (Cow<'_, str>, Removed) {
    let mut removed = Removed::default();
    if !text.chars().any(|c| c == '\r' || is_removed_control(c)) {
        return (Cow::Borrowed(text), removed);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else if is_removed_control(c) {
            removed.note(c);
        } else {
            out.push(c);
        }
    }
    (Cow::Owned(out), removed)
}

/// Whether a character is invisible: it draws nothing yet changes what a text is (zero-width
/// spaces and joiners, bidirectional controls, the byte-order mark, soft hyphens, variation
/// selectors, tags …: Unicode's default-ignorable code points). Two ids that differ only by one
/// look the same, and a link address with one is a trap.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The longest id, in characters, that an import accepts (and a link carries).
pub const MAX_ID_CHARS: usize = 500;

/// The longest event title, in characters (the brief's longest is under 100): a title of tens of
/// thousands of characters without a space held the page for seconds each time it came into
/// view, the browser breaking it into lines anywhere.
pub const MAX_TITLE_CHARS: usize = 1_000;

/// What is wrong with an event's title's length, if anything.
pub fn title_length_problem(title: &str) -> Option<String> {
    let chars = title.chars().count();
    (chars > MAX_TITLE_CHARS).then(|| {
        format!(
            "the title is {} long; at most {} are allowed",
            plural(chars, "character", "characters"),
            thousands(MAX_TITLE_CHARS)
        )
    })
}

/// A chronology's title cut to [`MAX_TITLE_CHARS`] (its last character an ellipsis), with a
/// message saying so; `None` when it is no longer than that. (An event's title that long is a
/// problem of its record; a chronology has only one title, so it is cut rather than refused.)
pub fn capped_title(title: &str) -> Option<(String, String)> {
    let chars = title.chars().count();
    if chars <= MAX_TITLE_CHARS {
        return None;
    }
    let letters: Vec<char> = title.chars().take(MAX_TITLE_CHARS).collect();
    // Cut between characters as seen, not inside one: while the first character left out goes
    // with the one before it (an accent written as a mark of its own, a variation selector, a
    // skin tone, the rest of a sequence joined by U+200D), that one is left out too.
    let mut end = MAX_TITLE_CHARS - 1;
    while end > 0 && (joins(letters[end]) || letters[end - 1] == '\u{200D}') {
        end -= 1;
    }
    let kept: String = letters[..end].iter().collect();
    let cut = format!("{}…", kept.trim_end());
    let message = format!(
        "the title is {} long; cut to {}, ending in '…' (a title has at most {}, as an event's)",
        plural(chars, "character", "characters"),
        thousands(cut.chars().count()),
        thousands(MAX_TITLE_CHARS)
    );
    Some((cut, message))
}

/// Whether `c` belongs to the character before it as one sees them: a combining mark (the
/// common blocks), U+200D (zero-width joiner), a variation selector or an emoji skin tone.
fn joins(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200D}'
        | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{3099}'..='\u{309A}')
}

/// What is wrong with an id (of an event, phase, domain or third party), if anything. Every id
/// without a problem goes through a link and back unchanged; the others are refused at import:
/// empty, longer than [`MAX_ID_CHARS`], with a control or invisible character, or with spaces
/// at either end (a link's lists are trimmed).
pub fn id_problem(id: &str) -> Option<String> {
    if id.trim().is_empty() {
        return Some("the id is empty".into());
    }
    let chars = id.chars().count();
    if chars > MAX_ID_CHARS {
        return Some(format!(
            "the id is {} long; at most {} are allowed",
            plural(chars, "character", "characters"),
            thousands(MAX_ID_CHARS)
        ));
    }
    if let Some(c) = id.chars().find(|c| c.is_control()) {
        return Some(format!(
            "the id contains a control character ({})",
            code_point(c)
        ));
    }
    if let Some(c) = id.chars().find(|c| is_invisible(*c)) {
        return Some(format!(
            "the id contains an invisible character ({})",
            code_point(c)
        ));
    }
    if id.trim() != id {
        return Some("the id starts or ends with a space".into());
    }
    None
}

/// Whether XML 1.0 allows a character in a document (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text made safe for XML 1.0, in element content and in attribute values (in either quotes):
/// `& < > " '` escaped, a carriage return written as a reference (a parser would make it a line
/// feed), and every character XML forbids (C0 controls, U+FFFE, U+FFFF) dropped. Every XML
/// writer (the SVG export) must put user text through this.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

// Label widths: what the layout needs to keep labels from overlapping. The browser measures them
// exactly (an adapter implements [`LabelMeasure`] with a canvas); natively, and beyond a few
// thousand events, a conservative estimate stands in.

pub use crate::core::scene::estimate;

/// Gives the width in CSS pixels of a label (padding included) in the timeline's label font.
pub trait LabelMeasure {
    fn width(&self, text: &str) -> f64;
}

/// The conservative estimate, as a measure.
#[derive(Clone, Copy, Debug, Default)]
pub struct Estimate;

impl LabelMeasure for Estimate {
    fn width(&self, text: &str) -> f64 {
        estimate(text)
    }
}

/// Any function of the text, as a measure (a fixed width, say, in tests).
impl<F: Fn(&str) -> f64> LabelMeasure for F {
    fn width(&self, text: &str) -> f64 {
        self(text)
    }
}

/// An id (or a file name) made of lower-case letters, digits and '-' from `text`, never empty:
/// `fallback` where `text` has no letter or digit.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
        if out.len() > 80 {
            break;
        }
    }
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_title_is_cut_between_characters_as_seen() {
        // "é" as e + U+0301 across the cut: kept whole or left out whole, never "e…".
        let title = format!(
            "{}{}",
            "a".repeat(MAX_TITLE_CHARS - 2),
            "e\u{301}".repeat(10)
        );
        let (cut, _) = capped_title(&title).unwrap();
        assert!(cut.ends_with("a…"), "{:?}", &cut[cut.len() - 8..]);
        // A sequence joined by U+200D (👩‍💻) is not broken.
        let title = format!(
            "{}{}",
            "a".repeat(MAX_TITLE_CHARS - 3),
            "👩\u{200D}💻".repeat(5)
        );
        let (cut, message) = capped_title(&title).unwrap();
        assert!(cut.ends_with("a…"), "{:?}", &cut[cut.len() - 12..]);
        assert!(
            message.starts_with(&format!(
                "the title is {} characters long",
                thousands(MAX_TITLE_CHARS - 3 + 15)
            )),
            "{message}"
        );
        // Plain letters: 999 and the ellipsis.
        let (cut, _) = capped_title(&"w".repeat(5_000)).unwrap();
        assert_eq!(cut.chars().count(), MAX_TITLE_CHARS);
    }

    /// A `data=` link's file is named by its path's last part, or by the link where it has
    /// none ("“” was not imported" said nothing).
    #[test]
    fn a_link_file_is_named_by_its_last_part_or_by_the_link() {
        use super::link_file_name;
        assert_eq!(link_file_name("files/voyages.csv"), "voyages.csv");
        assert_eq!(link_file_name("voyages.csv?v=2"), "voyages.csv");
        assert_eq!(link_file_name("d/"), "d/");
        assert_eq!(
            link_file_name("data:application/json,{}"),
            "data:application/json,{}"
        );
        assert_eq!(
            link_file_name(&format!("x/{}", "a".repeat(200)))
                .chars()
                .count(),
            81
        );
    }

    use super::*;

    #[test]
    fn counts_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(5_000), "5,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(plural(1, "event", "events"), "1 event");
        assert_eq!(plural(0, "event", "events"), "0 events");
        assert_eq!(plural(100_000, "event", "events"), "100,000 events");
        assert_eq!(plural(2, "third party", "third parties"), "2 third parties");
    }

    #[test]
    fn controls_are_removed_and_line_ends_kept() {
        let (text, removed) = without_controls("a\u{1}b\u{1}\u{7f}c\u{85}\r\nd\re\tf\n\u{FFFF}");
        assert_eq!(text, "abc\nd\ne\tf\n");
        assert_eq!(removed.count, 5);
        assert_eq!(
            removed.message(),
            "5 control characters removed (U+0001, U+007F, U+0085)"
        );
        let (text, removed) = without_controls("plain\ttext\n");
        assert!(matches!(text, Cow::Borrowed("plain\ttext\n")));
        assert_eq!(removed, Removed::default());
    }

    #[test]
    fn ids_that_a_link_cannot_carry_are_named() {
        for good in [
            "event 1",
            "a/b?c#d",
            "a,b;c&d=e+f%20",
            "日本",
            "-5",
            "'x",
            &"x".repeat(MAX_ID_CHARS),
        ] {
            assert_eq!(id_problem(good), None, "{good}");
        }
        assert_eq!(id_problem(""), Some("the id is empty".into()));
        assert_eq!(id_problem(" \t"), Some("the id is empty".into()));
        assert_eq!(
            id_problem(&"é".repeat(501)),
            Some("the id is 501 characters long; at most 500 are allowed".into())
        );
        assert_eq!(
            id_problem("a\u{1}"),
            Some("the id contains a control character (U+0001)".into())
        );
        assert_eq!(
            id_problem("a\u{200B}b"),
            Some("the id contains an invisible character (U+200B)".into())
        );
        assert_eq!(
            id_problem("\u{202E}abc"),
            Some("the id contains an invisible character (U+202E)".into())
        );
        assert_eq!(
            id_problem(" a"),
            Some("the id starts or ends with a space".into())
        );
    }

    #[test]
    fn xml_escaped_text_has_only_characters_xml_allows() {
        let hostile =
            "<b>&\"'\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}\u{85}\u{FFFE}\u{FFFF}\r\n\tok ☃ 𝄞";
        let escaped = xml_escape(hostile);
        assert_eq!(
            escaped,
            "&lt;b&gt;&amp;&quot;&#39;\u{7F}\u{85}&#13;\n\tok ☃ 𝄞"
        );
        assert!(escaped.chars().all(is_xml_char));
        assert!(!is_xml_char('\u{1}') && !is_xml_char('\u{FFFE}') && is_xml_char('\u{10FFFF}'));
    }
}
