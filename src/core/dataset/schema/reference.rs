//! The works the footnotes cite, and the people who wrote them.

use super::Chronology;
use crate::core::date::PartialDate;
use crate::core::edtf::Edtf;
use serde::{Deserialize, Serialize};

#[cfg(not(target_arch = "wasm32"))]
use schemars::JsonSchema;

/// A work the footnotes cite, with the fields a reference manager needs. Types and field names
/// follow CSL (the model behind Zotero and CSL-JSON); the exports map them to BibTeX and RIS.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// A short id, also the BibTeX key where it is one (ASCII letters, digits, '-', '_', '.'):
    /// the BibTeX export makes any other id a key of those characters, unique in its file.
    pub id: String,
    #[serde(rename = "type")]
    pub kind: ReferenceType,
    /// The persons who wrote (or spoke) it, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<Person>,
    /// An institution as its author, where the footnote names no person
    /// ("North Atlantic Treaty Organization").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editors: Vec<Person>,
    pub title: String,
    /// The journal, newspaper, website or book it appears in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub container: Option<String>,
    /// The series it belongs to ("Riga Papers", "NDC Research Paper").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collection: Option<String>,
    /// Its number in the series, or a report's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<String>,
    /// The pages of the whole work where a footnote gives them; the pages a footnote points to
    /// stay in its citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<String>,
    /// What kind of speech, statement or document it is ("Press briefing", "Author interview").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub genre: Option<String>,
    /// The meeting or occasion it was given at ("Japan National Press Club").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// The publisher or issuing institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The place of publication or of the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// When it was issued, at the precision the footnote gives (an EDTF date or interval:
    /// `2005-24` is Winter 2005, `2000-01/2000-02` January/February 2000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Edtf>,
    /// Its http(s) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the brief's author accessed `url`, where a footnote says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
    /// Anything a reader should know about the record itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A person's name as reference managers keep it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub family: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub given: String,
}

impl Person {
    /// "Henry Scott Stokes"; a name in Chinese characters, kana or hangul family name first
    /// with no space, as it is written: "岸田文雄"; but one in katakana alone, a foreign name
    /// as Japanese writes it, given name first and the names apart by a middle dot:
    /// "イェンス・ストルテンベルグ".
    pub fn display_name(&self) -> String {
        if self.given.is_empty() {
            self.family.clone()
        } else if self.is_katakana() {
            format!("{}・{}", self.given, self.family)
        } else if self.is_east_asian() {
            format!("{}{}", self.family, self.given)
        } else {
            format!("{} {}", self.given, self.family)
        }
    }

    /// Whether every letter of the name is katakana (with ー): a foreign name, in Japanese.
    fn is_katakana(&self) -> bool {
        self.every_letter(
            |c| matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}' | '\u{31F0}'..='\u{31FF}'),
        )
    }

    /// Whether the name is written in Chinese characters, kana or hangul (every letter of it),
    /// which put the family name first and no space between the names.
    pub fn is_east_asian(&self) -> bool {
        self.every_letter(is_east_asian_letter)
    }

    /// Whether the name has letters, and every one of them is `such`.
    fn every_letter(&self, such: impl Fn(char) -> bool) -> bool {
        let mut letters = self
            .family
            .chars()
            .chain(self.given.chars())
            .filter(|c| c.is_alphabetic())
            .peekable();
        letters.peek().is_some() && letters.all(such)
    }
}

/// A letter of the Chinese characters (with 々), the kana (with ー) or hangul.
fn is_east_asian_letter(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}' // 々 〇
        | '\u{3040}'..='\u{30FF}' // hiragana, katakana (with ー)
        | '\u{31F0}'..='\u{31FF}' // katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{20000}'..='\u{3134F}' // CJK extensions B–G
        | '\u{1100}'..='\u{11FF}' // hangul jamo
        | '\u{3130}'..='\u{318F}' // hangul compatibility jamo
        | '\u{AC00}'..='\u{D7AF}' // hangul syllables
    )
}

/// The kind of a work, by its CSL name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceType {
    /// An article in a scholarly journal or review.
    ArticleJournal,
    ArticleMagazine,
    ArticleNewspaper,
    Book,
    /// A chapter or section of a book.
    Chapter,
    /// A paper in conference proceedings.
    PaperConference,
    /// A report or research paper of an institution.
    Report,
    /// A speech, address, press conference or briefing.
    Speech,
    /// An interview (the brief's author's own interviews are unpublished).
    Interview,
    /// A web page: a news item or a page of a site.
    Webpage,
    /// An official document: a declaration, statement, communiqué, strategy or fact sheet.
    Document,
    /// A law.
    Legislation,
    /// An agreement between governments or organisations.
    Treaty,
}

impl ReferenceType {
    /// The CSL type.
    pub fn csl(self) -> &'static str {
        match self {
            ReferenceType::ArticleJournal => "article-journal",
            ReferenceType::ArticleMagazine => "article-magazine",
            ReferenceType::ArticleNewspaper => "article-newspaper",
            ReferenceType::Book => "book",
            ReferenceType::Chapter => "chapter",
            ReferenceType::PaperConference => "paper-conference",
            ReferenceType::Report => "report",
            ReferenceType::Speech => "speech",
            ReferenceType::Interview => "interview",
            ReferenceType::Webpage => "webpage",
            ReferenceType::Document => "document",
            ReferenceType::Legislation => "legislation",
            ReferenceType::Treaty => "treaty",
        }
    }
}

impl Chronology {
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.sources.iter().find(|r| r.id == id)
    }
}
