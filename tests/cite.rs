//! The citation exports parse back in the tools researchers use: BibTeX with the `biblatex`
//! crate, RIS with a small reader of its tagged lines, CSL-JSON against the CSL data schema.
#![cfg(not(target_arch = "wasm32"))]

use japan_nato_explorer::core::cite::{
    bibliography, cite_view, cited_sources, copy_citation, short_form_in_full,
    short_form_in_full_after, to_bibtex, to_csl_json, to_ris,
};
use japan_nato_explorer::core::dataset::{
    embedded, split_interval, Chronology, Event, Person, Reference,
};
use japan_nato_explorer::core::date::PartialDate;
use japan_nato_explorer::core::edtf::Edtf;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

fn data() -> Chronology {
    embedded().unwrap()
}

/// The events of a domain, as the filter shows them.
fn domain<'a>(data: &'a Chronology, id: &str) -> Vec<&'a Event> {
    data.events
        .iter()
        .filter(|e| e.domains.iter().any(|d| d == id))
        .collect()
}

/// The distinct works the events' footnotes cite, counted straight from the data.
fn distinct_works(data: &Chronology, events: &[&Event]) -> BTreeSet<String> {
    events
        .iter()
        .flat_map(|e| e.footnotes.iter())
        .filter_map(|n| data.footnote(*n))
        .flat_map(|f| f.sources.iter().cloned())
        .collect()
}

// ---- a small RIS reader ------------------------------------------------------------------------

/// RIS records: each a map from tag to its values, in order; `ER` closes a record.
fn read_ris(text: &str) -> Vec<BTreeMap<String, Vec<String>>> {
    let mut records = Vec::new();
    let mut current: Option<BTreeMap<String, Vec<String>>> = None;
    for line in text.split("\r\n") {
        if line.trim().is_empty() {
            continue;
        }
        assert!(
            line.len() >= 6 && &line[2..6] == "  - ",
            "not a RIS line: {line:?}"
        );
        let (tag, value) = (&line[..2], line[6..].to_string());
        assert!(
            tag.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            "{line:?}"
        );
        match tag {
            "TY" => {
                assert!(current.is_none(), "TY inside a record");
                current = Some(BTreeMap::from([(tag.to_string(), vec![value])]));
            }
            "ER" => records.push(current.take().expect("ER without TY")),
            _ => current
                .as_mut()
                .expect("a tag outside a record")
                .entry(tag.to_string())
                .or_default()
                .push(value),
        }
    }
    assert!(current.is_none(), "a record without ER");
    records
}

// ---- CSL-JSON as the CSL data schema has it ----------------------------------------------------

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
enum CslType {
    Article,
    ArticleJournal,
    ArticleMagazine,
    ArticleNewspaper,
    Bill,
    Book,
    Broadcast,
    Chapter,
    Classic,
    Collection,
    Dataset,
    Document,
    Entry,
    EntryDictionary,
    EntryEncyclopedia,
    Figure,
    Graphic,
    Hearing,
    Interview,
    #[serde(rename = "legal_case")]
    LegalCase,
    Legislation,
    Manuscript,
    Map,
    #[serde(rename = "motion_picture")]
    MotionPicture,
    #[serde(rename = "musical_score")]
    MusicalScore,
    Pamphlet,
    PaperConference,
    Patent,
    Performance,
    Periodical,
    #[serde(rename = "personal_communication")]
    PersonalCommunication,
    Post,
    PostWeblog,
    Regulation,
    Report,
    Review,
    ReviewBook,
    Software,
    Song,
    Speech,
    Standard,
    Thesis,
    Treaty,
    Webpage,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CslName {
    family: Option<String>,
    given: Option<String>,
    literal: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[allow(dead_code)]
struct CslDate {
    date_parts: Option<Vec<Vec<serde_json::Value>>>,
    season: Option<serde_json::Value>,
    circa: Option<serde_json::Value>,
    literal: Option<String>,
    raw: Option<String>,
}

/// The variables the export writes, by their CSL names; any other is refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[allow(dead_code)]
struct CslItem {
    id: String,
    #[serde(rename = "type")]
    kind: CslType,
    author: Option<Vec<CslName>>,
    editor: Option<Vec<CslName>>,
    interviewer: Option<Vec<CslName>>,
    title: Option<String>,
    container_title: Option<String>,
    collection_title: Option<String>,
    collection_number: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    page: Option<String>,
    genre: Option<String>,
    event_title: Option<String>,
    event: Option<String>,
    publisher: Option<String>,
    publisher_place: Option<String>,
    issued: Option<CslDate>,
    accessed: Option<CslDate>,
    #[serde(rename = "URL")]
    url: Option<String>,
    note: Option<String>,
}

fn check_csl_date(date: &CslDate) {
    let parts = date.date_parts.as_ref().expect("date-parts");
    assert!((1..=2).contains(&parts.len()), "{} date parts", parts.len());
    for p in parts {
        assert!((1..=3).contains(&p.len()));
        assert!(p.iter().all(|v| v.is_number() || v.is_string()));
    }
    if let Some(s) = &date.season {
        assert!((1..=4).contains(&s.as_u64().unwrap()));
    }
}

/// Parses all three exports of `works` and checks each has exactly those works.
fn check_exports(works: &[&Reference], expected: &BTreeSet<String>) -> (String, String, String) {
    let ids: BTreeSet<String> = works.iter().map(|r| r.id.clone()).collect();
    assert_eq!(&ids, expected);
    assert_eq!(works.len(), expected.len(), "one entry per work");

    let bib = to_bibtex(works);
    let parsed = biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), expected.len());
    for entry in parsed.iter() {
        assert!(expected.contains(&entry.key), "{}", entry.key);
        entry
            .title()
            .unwrap_or_else(|e| panic!("{}: title {e:?}", entry.key));
        if entry.fields.contains_key("date") {
            entry
                .date()
                .unwrap_or_else(|e| panic!("{}: date {e:?}", entry.key));
        }
    }

    let ris = to_ris(works);
    let records = read_ris(&ris);
    assert_eq!(records.len(), expected.len());
    for r in &records {
        let ty = &r["TY"][0];
        assert!(
            [
                "JOUR", "MGZN", "NEWS", "BOOK", "CHAP", "CPAPER", "RPRT", "SLIDE", "PCOMM", "ELEC",
                "GEN", "STAT"
            ]
            .contains(&ty.as_str()),
            "{ty}"
        );
        assert!(expected.contains(&r["ID"][0]));
        assert_eq!(r["TI"].len(), 1);
    }

    let csl = to_csl_json(works);
    let items: Vec<CslItem> = serde_json::from_str(&csl).unwrap_or_else(|e| panic!("{e}\n{csl}"));
    assert_eq!(items.len(), expected.len());
    for item in &items {
        assert!(expected.contains(&item.id));
        assert!(item.title.is_some());
        for d in [&item.issued, &item.accessed].into_iter().flatten() {
            check_csl_date(d);
        }
        for n in [&item.author, &item.editor, &item.interviewer]
            .into_iter()
            .flatten()
            .flatten()
        {
            assert!(n.family.is_some() || n.literal.is_some());
            assert!(n.given.is_none() || n.family.is_some());
        }
    }
    (bib, ris, csl)
}

#[test]
fn afghanistan_exports_one_entry_per_work_in_all_three_formats() {
    let d = data();
    let events = domain(&d, "afghanistan");
    assert!(!events.is_empty());
    let expected = distinct_works(&d, &events);
    // Footnote 26 and 30 both cite the press briefing of May 11, 2012: it is exported once.
    assert!(expected.contains("nato-2012-05-11-press-briefing"));
    let works = cited_sources(&d, events.iter().copied());
    let (bib, ris, csl) = check_exports(&works, &expected);
    assert_eq!(bib.matches("nato-2012-05-11-press-briefing,").count(), 1);
    for text in [&bib, &ris, &csl] {
        assert!(text.contains("https://www.nato.int/"), "no NATO URL");
    }
    // The order is stable: the same whatever the order of the events.
    let reversed = cited_sources(&d, events.iter().rev().copied());
    assert_eq!(
        reversed.iter().map(|r| &r.id).collect::<Vec<_>>(),
        works.iter().map(|r| &r.id).collect::<Vec<_>>()
    );
}

#[test]
fn every_work_of_the_brief_exports_and_parses() {
    let d = data();
    let all: Vec<&Event> = d.events.iter().collect();
    let works = cited_sources(&d, all.iter().copied());
    let expected = distinct_works(&d, &all);
    let (bib, ris, csl) = check_exports(&works, &expected);
    // Uncertain and seasonal dates survive in each format's own terms.
    assert!(
        bib.contains("date = {2005-12/2006-02}"),
        "Winter 2005/06 as months"
    );
    assert!(bib.contains("date = {2000-01/2000-02}"));
    assert!(ris.contains("DA  - 2005///Winter 2005–2006"));
    assert!(csl.contains("\"season\": 4"));
    // An institution is one name, not a family and a given name.
    assert!(bib.contains("author = {{North Atlantic Treaty Organization}}"));
    assert!(csl.contains("\"literal\": \"North Atlantic Treaty Organization\""));
}

#[test]
fn copy_citation_gives_the_brief_and_its_notes_in_the_brief_s_style() {
    let d = data();
    let event = d
        .events
        .iter()
        .find(|e| e.footnotes.contains(&3))
        .expect("an event citing footnote 3");
    let text = copy_citation(&d, event);
    assert!(
        text.starts_with("Mirna Galic, “Navigating by Sun and Compass,” Policy Brief One"),
        "{text}"
    );
    assert!(text.contains(&event.title));
    // Footnote 3 is "Stokes.": the full note of the work follows in brackets.
    assert!(
        text.contains("3. Stokes. [Henry Scott Stokes, “France Blocks Japanese Bid for Informal Ties to NATO,” New York Times, April 2, 1983, https://www.nytimes.com/"),
        "{text}"
    );
    // A footnote that gives the work in full is not repeated.
    let two = d
        .events
        .iter()
        .find(|e| e.footnotes == [2])
        .map(|e| copy_citation(&d, e));
    if let Some(two) = two {
        assert_eq!(two.matches("France Blocks").count(), 1, "{two}");
    }
}

/// The event's date stands in the citation's parentheses: what it says of the date follows
/// commas there, never parentheses of its own ("(1980, uncertain)", not "(1980 (uncertain))"),
/// whatever the date: circa, uncertain, a range with uncertain or open ends.
#[test]
fn copy_citation_writes_an_uncertain_date_without_nested_parentheses() {
    let mut d = data();
    let date_of = |d: &Chronology, id: &str| {
        let event = d.events.iter().find(|e| e.id == id).expect(id);
        let text = copy_citation(d, event);
        let first = text.lines().next().unwrap_or_default().to_string();
        let said = format!(" on “{}” (", event.title);
        let at = first.find(&said).unwrap_or_else(|| panic!("{first}")) + said.len();
        first[at..]
            .strip_suffix(").")
            .unwrap_or_else(|| panic!("{first}"))
            .to_string()
    };
    assert_eq!(
        date_of(&d, "1980-parliamentarians-observe-nato-assembly"),
        "1980, uncertain"
    );
    assert_eq!(
        date_of(&d, "1980-early-1980s-bid-for-formal-ties"),
        "circa 1981 – 1983"
    );
    // Every event of the chronology, and every form a date may take.
    let ids: Vec<String> = d.events.iter().map(|e| e.id.clone()).collect();
    for id in &ids {
        let said = date_of(&d, id);
        assert!(!said.contains(['(', ')']), "{id}: {said}");
    }
    for (text, said) in [
        ("2004%", "circa 2004, uncertain"),
        ("2004-XX?", "2004, month unknown, uncertain"),
        ("1990?/2003?", "1990 – 2003, both ends uncertain"),
        ("1990/2003?", "1990 – 2003, end uncertain"),
        ("2016?/..", "2016 onwards, start uncertain"),
        ("../2003", "until 2003"),
        ("/2003?", "start unknown – 2003, end uncertain"),
    ] {
        let e = &mut d.events[0];
        (e.start, e.end, e.open) = split_interval(Edtf::parse(text).unwrap(), None).unwrap();
        let id = d.events[0].id.clone();
        assert_eq!(date_of(&d, &id), said, "{text}");
    }
    // A journal's date, in parentheses too.
    let mut work = d
        .sources
        .iter()
        .find(|r| r.id == "ueta-2001")
        .unwrap()
        .clone();
    work.issued = Some(Edtf::parse("2001?").unwrap());
    let note = japan_nato_explorer::core::cite::chicago_note(&work);
    assert!(note.contains("no. 1/2 (2001, uncertain)"), "{note}");
}

#[test]
fn the_brief_s_short_notes_are_given_in_full_and_its_full_notes_are_not_repeated() {
    let d = data();
    let expanded: BTreeMap<u32, Vec<String>> = d
        .footnotes
        .iter()
        .map(|f| (f.number, short_form_in_full(&d, f)))
        .filter(|(_, full)| !full.is_empty())
        .collect();
    // "Stokes." (3, 5), "Bridges, p. 236." (7), "Nishihara, p. 3." (8), "Satoh." (10);
    // "…see: Bridges, p. 236; and Takako Ueta, “Japan and the European Security Institutions,”…"
    // (12), "Ueta, p. 134; Robert M. Uriu, “Japan in 1999…”…" (18), which give one of their works
    // in full and the other in short; and the author and title without where and when (16, 22,
    // 41, 46, 52, 67, 70, 77, 78, 87: "Tsuruoka, “NATO and Japan: a View from Tokyo,” p. 64.");
    // and a short reference at the end of a longer note (58: "… Abe asserts in 2014 that … See
    // Abe, “Japan and NATO as ‘Natural Partners.’”", whose 2014 is the note's, not the
    // reference's). Notes that spell a title a little differently ("Program" for "Programme")
    // or give a speech by its place and address name their works.
    assert_eq!(
        expanded.keys().copied().collect::<Vec<_>>(),
        [3, 5, 7, 8, 10, 12, 16, 18, 22, 41, 46, 52, 58, 67, 70, 77, 78, 87]
    );
    assert!(
        expanded[&58][0].starts_with(
            "Shinzo Abe, “Japan and NATO as ‘Natural Partners’,” Kantei, May 5, 2014, https://japan.kantei.go.jp/"
        ),
        "{:?}",
        expanded[&58]
    );
    assert!(
        expanded[&22][0].contains("RUSI Journal"),
        "{:?}",
        expanded[&22]
    );
    assert!(
        expanded[&12][0].starts_with("Brian Bridges"),
        "{:?}",
        expanded[&12]
    );
    assert!(
        expanded[&18][0].starts_with("Takako Ueta"),
        "{:?}",
        expanded[&18]
    );
    assert!(
        expanded[&7][0]
            .starts_with("Brian Bridges, “Japan and Europe: Rebalancing a Relationship,”"),
        "{:?}",
        expanded[&7]
    );
    assert!(expanded.values().all(|full| full.len() == 1));
    // Days of one month are written as the brief writes them.
    assert!(
        expanded[&8][0].contains("Riga, Latvia, November 27–29, 2006"),
        "{:?}",
        expanded[&8]
    );
}

/// In a list of notes, as printed, a short note is followed by its work in full unless an
/// earlier note of the list gives it: printing the Balkans and Cyber, note 16 ("Solana, “NATO’s
/// Role…”") follows note 15, which gives Solana's speech in full; note 18 ("Ueta, p. 134")
/// gives the only reference to Ueta's work, whose full note (12) is not printed.
#[test]
fn a_short_note_among_others_is_given_in_full_unless_an_earlier_one_gives_it() {
    let d = data();
    let printed: Vec<u32> = d
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|x| x == "balkans" || x == "cyber"))
        .flat_map(|e| e.footnotes.iter().copied())
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .collect();
    assert_eq!(printed, [14, 15, 16, 17, 18, 50, 66]);
    let expanded = |notes: &[u32]| -> BTreeMap<u32, Vec<String>> {
        notes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let full = short_form_in_full_after(&d, d.footnote(*n)?, &notes[..i]);
                (!full.is_empty()).then_some((*n, full))
            })
            .collect()
    };
    let shown = expanded(&printed);
    assert_eq!(shown.keys().copied().collect::<Vec<_>>(), [18]);
    assert_eq!(
        shown[&18],
        ["Takako Ueta, “Japan and the European Security Institutions,” Studia Diplomatica 54, no. 1/2 (2001)."]
    );
    // On its own (as in the details), note 16 is given in full too.
    let sixteen = short_form_in_full(&d, d.footnote(16).unwrap());
    assert!(sixteen[0].starts_with("Javier Solana"), "{sixteen:?}");
    assert!(short_form_in_full_after(&d, d.footnote(16).unwrap(), &[15]).is_empty());
    // An earlier note that cites the work gave it in full: in its own words (note 2, Stokes's
    // article), or in the work in full printed after its short form ("Stokes." in 3, printed
    // without 2: a print of Russia gave 3 and 5, "Stokes." both, each followed by the article in
    // full). One that cites another work does not (7).
    assert!(short_form_in_full_after(&d, d.footnote(3).unwrap(), &[2]).is_empty());
    assert!(short_form_in_full_after(&d, d.footnote(5).unwrap(), &[3]).is_empty());
    assert!(!short_form_in_full_after(&d, d.footnote(3).unwrap(), &[7]).is_empty());
    let russia: Vec<u32> = d
        .events
        .iter()
        .filter(|e| e.third_parties.iter().any(|p| p == "russia"))
        .flat_map(|e| e.footnotes.iter().copied())
        .collect::<BTreeSet<u32>>()
        .into_iter()
        .collect();
    assert!(
        russia.contains(&3) && russia.contains(&5) && !russia.contains(&2),
        "{russia:?}"
    );
    let given = expanded(&russia);
    assert!(
        given.contains_key(&3) && !given.contains_key(&5),
        "{given:?}"
    );
    // All the brief's notes printed: each of its short notes comes after the note that gives
    // its work in full, so the notes are printed as the brief gives them, nothing added.
    let all: Vec<u32> = d.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(expanded(&all), BTreeMap::new());
}

#[test]
fn cite_this_view_names_the_explorer_the_brief_the_link_and_the_day() {
    let d = data();
    let link = "https://example.org/explorer/?domain=piracy&from=2008-01-01&to=2012-01-01";
    let day = PartialDate::day(2024, 3, 5).unwrap();
    let text = cite_view(&d, link, &day);
    assert!(
        text.starts_with("Japan–NATO Chronology Explorer, “Japan–NATO relations: a chronology,”"),
        "{text}"
    );
    assert!(text.contains("Mirna Galic, “Navigating by Sun and Compass,”"));
    assert!(text.contains(link));
    assert!(
        text.trim_end().ends_with("accessed March 5, 2024."),
        "{text}"
    );
}

/// A work's title with `~` and `^`, and a link with braces (an imported file may give them): the
/// entry still parses, the title's characters are LaTeX's own commands, and the link its own
/// percent-encoding (a bare `}` ended the field and broke the entry).
#[test]
fn bibtex_escapes_what_latex_and_braces_would_misread() {
    let d = data();
    let mut work: Reference = d.sources[0].clone();
    work.id = "odd".into();
    work.title = "Costs ~ 5% of GDP, 10^3 troops {draft}".into();
    work.url = Some("https://ex.org/a}b{c}\\d".into());
    let bib = to_bibtex(&[&work]);
    let parsed = biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    let entry = parsed.get("odd").expect("the entry");
    assert!(
        bib.contains("\\textasciitilde{}") && bib.contains("\\textasciicircum{}"),
        "{bib}"
    );
    assert!(!bib.contains(" ~ ") && !bib.contains("10^3"), "{bib}");
    let url = entry.url().unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(url, "https://ex.org/a%7Db%7Bc%7D/d");
}

/// The works of an imported chronology whose ids are not BibTeX keys (the importer takes any
/// id): each entry gets a key of the characters BibTeX, biber and `\cite` all read, the same on
/// every export, and no two entries share one; the brief's own keys stay as they are.
#[test]
fn bibtex_keys_are_safe_and_unique_whatever_the_ids() {
    let d = data();
    let ids = [
        "a b,c{d}",
        "日本-2020",
        "x%y#z",
        "key\"q",
        "a-b-c-d",
        "a b c d",
        "",
        "Müller-2005",
        "Case-1",
        "case-1",
    ];
    let works: Vec<Reference> = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let mut w = d.sources[i].clone();
            w.id = (*id).into();
            w.title = format!("Work {i}");
            w
        })
        .collect();
    let refs: Vec<&Reference> = works.iter().collect();
    let bib = to_bibtex(&refs);
    assert_eq!(bib, to_bibtex(&refs), "the same keys on every export");
    let parsed = biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), ids.len(), "{bib}");
    let (mut keys, mut lower) = (BTreeSet::new(), BTreeSet::new());
    for entry in parsed.iter() {
        let key = &entry.key;
        assert!(
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "unsafe key {key:?}\n{bib}"
        );
        // BibTeX takes `Case` and `case` for one key.
        assert!(keys.insert(key.clone()), "key {key:?} twice\n{bib}");
        assert!(lower.insert(key.to_lowercase()), "key {key:?} twice\n{bib}");
        entry
            .title()
            .unwrap_or_else(|e| panic!("{key}: {e:?}\n{bib}"));
    }
    // Each entry keeps its own title: no field ran into the key.
    for i in 0..ids.len() {
        assert_eq!(
            bib.matches(&format!("title = {{Work {i}}}")).count(),
            1,
            "{bib}"
        );
    }
    // An id that is already a key keeps it; the others are readable forms of theirs.
    assert!(bib.contains("{a-b-c-d,\n"), "{bib}");
    assert!(bib.contains("{Case-1,\n"), "{bib}");
    for key in [
        "x-y-z",
        "key-q",
        "Muller-2005",
        "a-b-c-d-2",
        "a-b-c-d-3",
        "ref",
        "2020",
    ] {
        assert!(keys.contains(key), "no key {key}: {keys:?}");
    }
}

// ---- BibTeX as biblatex's data model has it ----------------------------------------------------

/// The fields biblatex's default data model (biber 2.18, `--validate-datamodel`) allows in each
/// entry type the export writes, besides those of every type (dates, links, `entrysubtype`);
/// biber drops any other, and the reader never sees it.
fn biblatex_allows(entry_type: &str, field: &str) -> bool {
    let every = ["date", "url", "urldate", "entrysubtype"];
    let own: &[&str] = match entry_type {
        "article" => &[
            "addendum",
            "author",
            "editor",
            "issue",
            "journaltitle",
            "journaltitleaddon",
            "language",
            "note",
            "number",
            "pages",
            "series",
            "title",
            "titleaddon",
            "volume",
        ],
        "book" => &[
            "addendum",
            "author",
            "editor",
            "language",
            "location",
            "maintitle",
            "note",
            "number",
            "pages",
            "publisher",
            "series",
            "title",
            "titleaddon",
            "volume",
        ],
        "incollection" => &[
            "addendum",
            "author",
            "booktitle",
            "editor",
            "language",
            "location",
            "note",
            "number",
            "pages",
            "publisher",
            "series",
            "title",
            "titleaddon",
            "volume",
        ],
        "inproceedings" => &[
            "addendum",
            "author",
            "booktitle",
            "editor",
            "eventtitle",
            "language",
            "location",
            "note",
            "number",
            "organization",
            "pages",
            "publisher",
            "series",
            "title",
            "titleaddon",
            "venue",
            "volume",
        ],
        "report" => &[
            "addendum",
            "author",
            "institution",
            "language",
            "location",
            "note",
            "number",
            "pages",
            "title",
            "titleaddon",
            "type",
        ],
        "online" => &[
            "addendum",
            "author",
            "editor",
            "language",
            "note",
            "organization",
            "title",
            "titleaddon",
        ],
        "misc" => &[
            "addendum",
            "author",
            "editor",
            "howpublished",
            "language",
            "location",
            "note",
            "organization",
            "title",
            "titleaddon",
            "type",
        ],
        other => panic!("an entry type the export does not write: {other}"),
    };
    every.contains(&field) || own.contains(&field)
}

/// The entries of a `.bib` the export wrote: key → (entry type, fields in order).
fn read_bib(bib: &str) -> BTreeMap<String, (String, Vec<(String, String)>)> {
    let mut out = BTreeMap::new();
    for block in bib.split("\n\n").filter(|b| !b.trim().is_empty()) {
        let mut lines = block.lines();
        let head = lines.next().unwrap();
        let (ty, key) = head[1..].trim_end_matches(',').split_once('{').unwrap();
        let fields = lines
            .filter_map(|l| l.trim().strip_suffix("},")?.split_once(" = {"))
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        out.insert(key.to_string(), (ty.to_string(), fields));
    }
    out
}

/// Every entry holds only fields biblatex keeps for its type, and a report the ones it requires;
/// a work with every field filled, of each kind, keeps each of them somewhere.
#[test]
fn bibtex_writes_only_fields_biblatex_keeps_and_drops_none() {
    let d = data();
    let kinds = [
        "article-journal",
        "article-magazine",
        "article-newspaper",
        "book",
        "chapter",
        "paper-conference",
        "report",
        "speech",
        "interview",
        "webpage",
        "document",
        "legislation",
        "treaty",
    ];
    let mut full: Vec<Reference> = Vec::new();
    for kind in kinds {
        let mut w = d.sources[0].clone();
        w.id = format!("full-{kind}");
        w.kind = serde_json::from_str(&format!("\"{kind}\"")).unwrap();
        w.title = "Ztitle".into();
        w.container = Some("Zcontainer".into());
        w.collection = Some("Zcollection".into());
        w.number = Some("Znumber".into());
        w.volume = Some("Zvolume".into());
        w.issue = Some("Zissue".into());
        w.pages = Some("Zpages".into());
        w.genre = Some("Zgenre".into());
        w.event = Some("Zevent".into());
        w.publisher = Some("Zpublisher".into());
        w.place = Some("Zplace".into());
        w.note = Some("Znote".into());
        w.url = Some("https://example.org/z".into());
        full.push(w);
    }
    let mut works = cited_sources(&d, &d.events);
    works.extend(full.iter());
    let bib = to_bibtex(&works);
    biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    let entries = read_bib(&bib);
    assert_eq!(entries.len(), works.len());
    for (key, (ty, fields)) in &entries {
        for (name, _) in fields {
            assert!(
                biblatex_allows(ty, name),
                "{key}: biblatex drops `{name}` of @{ty}\n{bib}"
            );
        }
        let has = |f: &str| fields.iter().any(|(n, _)| n == f);
        if ty == "report" {
            for f in ["author", "title", "type", "institution"] {
                assert!(has(f), "{key}: @report without its `{f}`\n{bib}");
            }
        }
    }
    for w in &full {
        let (ty, fields) = &entries[&w.id];
        let text: String = fields.iter().map(|(_, v)| format!("{v}\n")).collect();
        for marker in [
            "Ztitle",
            "Zcontainer",
            "Zcollection",
            "Znumber",
            "Zvolume",
            "Zissue",
            "Zpages",
            "Zgenre",
            "Zevent",
            "Zpublisher",
            "Zplace",
            "Znote",
            "Nishihara",
            "Asmus",
        ] {
            assert!(
                text.contains(marker),
                "@{ty} {} lost {marker}:\n{text}",
                w.id
            );
        }
    }
    // The brief's works, as a reader of the bibliography sees them.
    let field = |key: &str, name: &str| {
        entries[key]
            .1
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    for (key, name, value) in [
        ("abe-2014-natural-partners", "howpublished", "Kantei"),
        ("abe-2014-natural-partners", "type", "Speech"),
        (
            "stoltenberg-2017-geography-of-danger",
            "titleaddon",
            "Japan National Press Club",
        ),
        (
            "mofa-2015-crisis-management-exercise",
            "titleaddon",
            "Press release",
        ),
        (
            "mod-2016-defense-of-japan",
            "institution",
            "Ministry of Defense of Japan",
        ),
        ("mod-2016-defense-of-japan", "type", "White paper"),
        ("tsuruoka-2013", "type", "Research Paper"),
        ("tsuruoka-2013", "number", "91"),
        ("tsuruoka-2013", "institution", "NATO Defense College"),
        ("van-der-putten-2009", "type", "Report"),
    ] {
        assert_eq!(field(key, name).as_deref(), Some(value), "{key} {name}");
    }
}

/// The CSL data schema (1.0.2) allows a date only `date-parts`, `season`, `circa`, `literal` and
/// `raw`: the brief's seasons and ranges are said in parts alone; what parts cannot say (an
/// uncertain year, a decade, an open end) goes in the item's note (not in `raw`, which Zotero
/// reads before the parts).
#[test]
fn csl_dates_use_only_the_schema_s_keys_and_keep_what_parts_cannot_say() {
    let d = data();
    let csl = to_csl_json(&cited_sources(&d, &d.events));
    let items: Vec<serde_json::Value> = serde_json::from_str(&csl).unwrap();
    let issued = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .map(|i| i["issued"].clone())
            .unwrap_or_else(|| panic!("no {id}"))
    };
    // A speech's event under CSL 1.0.2's name and the legacy one (Zotero reads either).
    let speech = items
        .iter()
        .find(|i| i["id"] == "stoltenberg-2017-geography-of-danger")
        .expect("the speech");
    assert_eq!(speech["event-title"], "Japan National Press Club");
    assert_eq!(speech["event"], "Japan National Press Club");
    assert_eq!(
        issued("hallams-2009"),
        serde_json::json!({ "date-parts": [[2009]], "season": 1 })
    );
    assert_eq!(
        issued("miller-2005"),
        serde_json::json!({ "date-parts": [[2005]], "season": 4 })
    );
    assert_eq!(
        issued("lincoln-2002"),
        serde_json::json!({ "date-parts": [[2002, 1], [2002, 2]] })
    );
    assert_eq!(
        issued("nishihara-2006"),
        serde_json::json!({ "date-parts": [[2006, 11, 27], [2006, 11, 29]] })
    );
    for item in &items {
        for key in ["issued", "accessed"] {
            if let Some(date) = item[key].as_object() {
                for k in date.keys() {
                    assert!(
                        ["date-parts", "season", "circa", "literal", "raw"].contains(&k.as_str()),
                        "{}: {key} has `{k}`",
                        item["id"]
                    );
                }
            }
        }
    }
    // Imported dates the parts cannot say in full: no `raw` (Zotero reads it before the parts,
    // and "199X" is no year to it); the item's note says the date as the source does.
    let cases = [
        (
            "2005~",
            serde_json::json!({ "date-parts": [[2005]], "circa": true }),
            Some("Date: circa 2005."),
        ),
        (
            "2005?",
            serde_json::json!({ "date-parts": [[2005]] }),
            Some("Date: 2005 (uncertain)."),
        ),
        (
            "2005%",
            serde_json::json!({ "date-parts": [[2005]], "circa": true }),
            Some("Date: circa 2005 (uncertain)."),
        ),
        (
            "199X",
            serde_json::json!({ "date-parts": [[1990], [1999]] }),
            Some("Date: the 1990s (the year given is the earliest it may be)."),
        ),
        (
            "2016/..",
            serde_json::json!({ "date-parts": [[2016]] }),
            Some("Date: 2016 onwards."),
        ),
        (
            "199X/2005",
            serde_json::json!({ "date-parts": [[1990], [2005]] }),
            Some("Date: the 1990s – 2005 (the year given is the earliest it may be)."),
        ),
        (
            "2005-21/2005-22",
            serde_json::json!({ "date-parts": [[2005], [2005]] }),
            Some("Date: Spring 2005 – Summer 2005."),
        ),
        (
            "2005-03-04",
            serde_json::json!({ "date-parts": [[2005, 3, 4]] }),
            None,
        ),
    ];
    for (text, expected, note) in cases {
        let mut w = d.sources[0].clone();
        w.issued = Some(Edtf::parse(text).unwrap());
        w.note = None;
        let csl = to_csl_json(&[&w]);
        let items: Vec<CslItem> =
            serde_json::from_str(&csl).unwrap_or_else(|e| panic!("{e}\n{csl}"));
        check_csl_date(items[0].issued.as_ref().unwrap());
        let value: Vec<serde_json::Value> = serde_json::from_str(&csl).unwrap();
        assert_eq!(value[0]["issued"], expected, "{text}");
        assert_eq!(value[0]["note"].as_str(), note, "{text}");
    }
}

/// RIS has no mark for an uncertain or approximate date, and its year is four digits: a work
/// dated `199X` or `2005~` keeps a year to sort by (the first it may be), the date in words in
/// DA, and a note that says the date as the source does, which every reference manager keeps.
/// An exact date, a season or a range the numbers and words say in full gets no such note.
#[test]
fn ris_says_an_uncertain_date_in_a_note_as_well_as_its_year() {
    let d = data();
    let cases = [
        (
            "199X",
            "1990",
            "1990///the 1990s",
            Some("Date: the 1990s (the year given is the earliest it may be)."),
        ),
        (
            "2005~",
            "2005",
            "2005///circa 2005",
            Some("Date: circa 2005."),
        ),
        (
            "2005?",
            "2005",
            "2005///2005 (uncertain)",
            Some("Date: 2005 (uncertain)."),
        ),
        (
            "2004-XX",
            "2004",
            "2004///2004 (month unknown)",
            Some("Date: 2004 (month unknown)."),
        ),
        ("2005-03-04", "2005", "2005/03/04/", None),
        ("2009-21", "2009", "2009///Spring 2009", None),
        (
            "2016/..",
            "2016",
            "2016///2016 onwards",
            Some("Date: 2016 onwards."),
        ),
    ];
    for (text, py, da, note) in cases {
        let mut w = d.sources[0].clone();
        w.issued = Some(Edtf::parse(text).unwrap());
        w.note = Some("The work's own note.".into());
        let records = read_ris(&to_ris(&[&w]));
        let r = &records[0];
        assert_eq!(r["PY"], [py], "{text}");
        assert_eq!(r["DA"], [da], "{text}");
        let mut notes = vec!["The work's own note.".to_string()];
        notes.extend(note.map(String::from));
        assert_eq!(r["N1"], notes, "{text}");
    }
}

/// A name written in Chinese characters, kana or hangul is read family name first, with no
/// space (岸田文雄), and one in katakana alone (a foreign name) given name first with a middle dot,
/// in the Sources list and in BibTeX; CSL-JSON and RIS keep the family and given
/// names apart, and a name in Latin letters stays as it was.
#[test]
fn names_in_cjk_script_are_written_family_name_first() {
    let mut d = data();
    let kishida = Person {
        family: "岸田".into(),
        given: "文雄".into(),
    };
    let w = d
        .sources
        .iter_mut()
        .find(|r| r.id == "nishihara-2006")
        .unwrap();
    w.authors.insert(0, kishida);
    w.authors.push(Person {
        family: "김".into(),
        given: "대중".into(),
    });
    // A foreign name in katakana is written as Japanese writes it: given name first, a middle
    // dot between.
    w.authors.push(Person {
        family: "ストルテンベルグ".into(),
        given: "イェンス".into(),
    });
    let list = bibliography(&d);
    let line = list
        .lines()
        .find(|l| l.contains("Can Japan Be a Global Partner"))
        .unwrap();
    assert!(
        line.contains(". 岸田文雄, Masashi Nishihara, 김대중, and イェンス・ストルテンベルグ, “Can Japan Be a Global Partner"),
        "{line}"
    );
    assert!(!list.contains("文雄 岸田"), "{list}");
    let work = d.reference("nishihara-2006").unwrap();
    let bib = to_bibtex(&[work]);
    assert!(
        bib.contains(
            "author = {{岸田文雄} and Nishihara, Masashi and {김대중} and {イェンス・ストルテンベルグ}},"
        ),
        "{bib}"
    );
    biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    let csl = to_csl_json(&[work]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&csl).unwrap();
    assert_eq!(
        items[0]["author"][0],
        serde_json::json!({ "family": "岸田", "given": "文雄" })
    );
    let ris = to_ris(&[work]);
    assert!(
        ris.contains("AU  - 岸田, 文雄\r\nAU  - Nishihara, Masashi\r\n"),
        "{ris}"
    );
}

/// A journal issue dated by two months of one year reads as Chicago (and the brief) writes a
/// double issue, "January/February 2000", in every human-readable citation; longer spans of
/// one year name the year once; the machine-readable exports keep the interval.
#[test]
fn a_double_issue_reads_january_slash_february() {
    let d = data();
    let text = bibliography(&d);
    for issue in [
        "Asian Survey 40, no. 1 (January/February 2000).",
        "Asian Survey 42, no. 1 (January/February 2002).",
        "RUSI Journal 161, no. 3 (June/July 2016).",
    ] {
        assert!(text.contains(issue), "{issue} in\n{text}");
    }
    assert!(!text.contains("January 2000–February 2000"), "{text}");
    let uriu = d.reference("uriu-2000").expect("Uriu's article");
    assert!(to_ris(&[uriu]).contains("2000/01"), "{}", to_ris(&[uriu]));
    let mut work = uriu.clone();
    let issued = |work: &mut Reference, text: &str| {
        work.issued = Some(Edtf::parse(text).unwrap());
        japan_nato_explorer::core::cite::chicago_note(work)
    };
    assert!(issued(&mut work, "2016-06/2016-08").contains("(June–August 2016)"));
    // Across a year, each side keeps its year.
    assert!(issued(&mut work, "1999-12/2000-01").contains("(December 1999–January 2000)"));
}
