//! The embedded chronology keeps every rule, cites the brief verbatim, and matches its schema.
#![cfg(not(target_arch = "wasm32"))]

use japan_nato_explorer::core::dataset::validate::{
    evidence_occurs, normalise_for_evidence, validate,
};
use japan_nato_explorer::core::dataset::{
    embedded, parse_json, Chronology, ReferenceType, EMBEDDED_JSON,
};
use japan_nato_explorer::core::date::days_from_civil;
use std::path::PathBuf;

fn manifest_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn data() -> Chronology {
    embedded().unwrap_or_else(|e| panic!("assets/data/japan-nato.json does not parse: {e}"))
}

/// The brief, where this checkout sits beside the project's shared/ folder (always so in CI).
fn brief() -> Option<String> {
    let path = manifest_path("../shared/seed/000_de24f83294463f6f.txt");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) if std::env::var_os("CI").is_some() => {
            panic!("CI must have the brief at {}", path.display())
        }
        Err(_) => {
            eprintln!(
                "note: the brief is not at {}; evidence not checked",
                path.display()
            );
            None
        }
    }
}

#[test]
fn the_embedded_chronology_keeps_every_rule() {
    let problems = validate(&data());
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn all_88_footnotes_are_there_in_order_with_web_links() {
    let d = data();
    let numbers: Vec<u32> = d.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, (1..=88).collect::<Vec<u32>>());
    for f in &d.footnotes {
        assert!(
            !f.citation.trim().is_empty(),
            "footnote {} has no citation",
            f.number
        );
        assert!(
            !f.citation.contains("<sup>") && !f.citation.contains('*'),
            "footnote {} keeps markup",
            f.number
        );
    }
    // Footnote 1 gives no URL; footnote 2 cites the New York Times.
    assert_eq!(d.footnotes[0].url, None);
    assert!(d.footnotes[1]
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://www.nytimes.com/1983/04/02/")));
}

#[test]
fn every_evidence_phrase_occurs_verbatim_in_the_brief() {
    let Some(brief) = brief() else { return };
    let source = normalise_for_evidence(&brief);
    let d = data();
    let mut missing = Vec::new();
    for e in &d.events {
        if !evidence_occurs(&e.evidence, &source) {
            missing.push(format!(
                "event {} [evidence-verbatim]: {:?}",
                e.id, e.evidence
            ));
        }
    }
    for p in &d.phases {
        if !evidence_occurs(&p.evidence, &source) {
            missing.push(format!(
                "phase {} [evidence-verbatim]: {:?}",
                p.id, p.evidence
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "not found in the brief:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_story_quote_occurs_verbatim_in_the_brief() {
    let Some(brief) = brief() else { return };
    let source = normalise_for_evidence(&brief);
    let d = data();
    let mut missing = Vec::new();
    for story in &d.stories {
        for scene in &story.scenes {
            for quote in &scene.quotes {
                if !evidence_occurs(&quote.text, &source) {
                    missing.push(format!(
                        "story {}, scene {} [quote-verbatim]: {:?}",
                        story.id, scene.id, quote.text
                    ));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not found in the brief:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_brief_is_told_as_a_story_of_scenes_anchored_in_its_sentences() {
    let d = data();
    let story = d.story("the-brief").expect("the brief's story");
    assert!(
        story.scenes.len() >= 8,
        "only {} scenes: the brief's arc needs at least 8",
        story.scenes.len()
    );
    for scene in &story.scenes {
        let name = format!("scene {}", scene.id);
        assert!(!scene.text.trim().is_empty(), "{name} has no text");
        assert!(
            (1..=3).contains(&scene.quotes.len()),
            "{name} has {} quotes (1 to 3)",
            scene.quotes.len()
        );
        assert!(
            !scene.view.highlight.is_empty(),
            "{name} highlights no event"
        );
        let window = &scene.view.window;
        let filter = japan_nato_explorer::core::story::scene_filter(scene);
        for id in &scene.view.highlight {
            let e = d
                .events
                .iter()
                .find(|e| &e.id == id)
                .unwrap_or_else(|| panic!("{name} highlights the unknown event {id}"));
            assert!(
                window.overlaps(e.first_day(), e.end_day()),
                "{name}: {id} ({}) is outside the window {} – {}",
                e.date_label(),
                window.from.to_iso(),
                window.to.to_iso()
            );
            assert!(
                filter.matches(e, ""),
                "{name}: {id} is hidden by the scene's own filters"
            );
        }
        for a in &scene.annotations {
            assert!(
                window.overlaps(a.date.first_day(), a.date.end_day()),
                "{name}: the annotation '{}' is outside the window",
                a.label
            );
        }
    }
    // The take-off of practical cooperation is marked on the axis.
    let take_off = story
        .scenes
        .iter()
        .flat_map(|s| &s.annotations)
        .find(|a| a.label.contains("practical cooperation"))
        .expect("an annotation of the 2007 take-off");
    assert_eq!(take_off.date.to_iso(), "2007");
    // The narrative moves forward in time up to the scenes that look across it (the third
    // parties, then the lessons).
    let across = story
        .scene_index("third-parties")
        .expect("a scene on the third parties");
    let starts: Vec<i64> = story.scenes[..across]
        .iter()
        .map(|s| s.view.window.from.first_day())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "the narrative scenes go back in time: {:?}",
        story.scenes.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
}

#[test]
fn story_validation_names_the_story_the_scene_and_the_rule() {
    use japan_nato_explorer::core::date::PartialDate;
    let mut d = data();
    let mut story = d.stories[0].clone();
    let scene = &mut story.scenes[1];
    scene.view.highlight.push("no-such-event".into());
    scene.view.filters.domains.push("astrology".into());
    scene.view.filters.third_parties.push("atlantis".into());
    scene.quotes[0].footnotes.push(999);
    scene
        .quotes
        .push(japan_nato_explorer::core::dataset::Quote {
            text: " ".into(),
            footnotes: vec![],
        });
    scene.view.window.from = PartialDate::parse("2000").unwrap();
    scene.view.window.to = PartialDate::parse("1999-12").unwrap();
    let dup = story.scenes[1].clone();
    story.scenes.push(dup);
    d.stories.push(story);
    let problems: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    let subject = "story the-brief, scene the-1983-bid";
    for needle in [
        "story the-brief [unique-id]".to_string(),
        format!("{subject} [unique-id]"),
        format!("{subject} [known-event]: the highlighted event 'no-such-event' does not exist"),
        format!("{subject} [known-domain]: the filter's domain 'astrology' is not defined"),
        format!("{subject} [known-third-party]: the filter's third party 'atlantis'"),
        format!("{subject} [known-footnote]: quote 1 cites footnote 999"),
        format!("{subject} [non-empty]: quote 3 is empty"),
        format!("{subject} [window-order]: the window ends (1999-12) before it begins (2000)"),
    ] {
        assert!(has(&needle), "{needle}\n{problems:#?}");
    }
}

#[test]
fn the_facets_the_product_promises_exist_and_are_used() {
    let d = data();
    for id in ["afghanistan", "piracy", "cyber"] {
        assert!(d.domain(id).is_some(), "domain {id} is missing");
    }
    for id in ["united-states", "china", "north-korea", "russia", "france"] {
        assert!(d.third_party(id).is_some(), "third party {id} is missing");
    }
    for dom in &d.domains {
        assert!(
            d.events.iter().any(|e| e.domains.contains(&dom.id)),
            "domain {} has no event",
            dom.id
        );
    }
    for t in &d.third_parties {
        assert!(
            d.events.iter().any(|e| e.third_parties.contains(&t.id)),
            "third party {} has no event",
            t.id
        );
    }
    assert!(
        d.events.len() >= 80,
        "only {} events: the brief states far more",
        d.events.len()
    );
    assert!(
        d.phases.len() >= 3,
        "the brief draws at least three periods"
    );
}

#[test]
fn dates_are_as_precise_as_the_brief_and_no_more() {
    let d = data();
    // "in 1991, Secretary General Manfred Wörner became the first NATO head to visit Japan"
    let worner = d
        .events
        .iter()
        .find(|e| e.title.contains("Wörner"))
        .expect("Wörner's 1991 visit");
    assert_eq!(worner.start.to_iso(), "1991");
    // Nothing is dated to 1 January unless the brief says so.
    for e in &d.events {
        assert!(
            !e.start.to_iso().ends_with("-01-01"),
            "event {} claims 1 January",
            e.id
        );
    }
}

#[test]
fn the_committed_schema_is_generated_from_the_types() {
    let schema = schemars::schema_for!(Chronology);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = manifest_path("assets/data/chronology.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "assets/data/chronology.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test dataset`"
    );
}

#[test]
fn export_to_json_round_trips_the_file() {
    let d = data();
    let text = serde_json::to_string_pretty(&d).unwrap();
    assert_eq!(parse_json(&text).unwrap(), d);
    // The committed file is already in the canonical form (so edits stay reviewable).
    let reparsed: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    assert_eq!(reparsed, serde_json::to_value(&d).unwrap());
}

#[test]
fn validation_names_the_record_and_the_rule() {
    let mut d = data();
    let first = d.events[0].clone();
    let mut dup = first.clone();
    dup.phase = "no-such-phase".into();
    dup.domains.push("astrology".into());
    dup.footnotes.push(999);
    dup.end = Some(japan_nato_explorer::core::date::PartialDate::parse("1900").unwrap());
    d.events.push(dup);
    d.footnotes[4].url = Some("javascript:alert(1)".into());
    let problems: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has(&format!("event {} [unique-id]", first.id)),
        "{problems:#?}"
    );
    assert!(
        has("[known-phase]: the phase 'no-such-phase' is not defined"),
        "{problems:#?}"
    );
    assert!(
        has("[known-domain]: the domain 'astrology'"),
        "{problems:#?}"
    );
    assert!(
        has("[known-footnote]: footnote 999 does not exist"),
        "{problems:#?}"
    );
    assert!(has("[end-after-start]"), "{problems:#?}");
    assert!(has("footnote 5 [web-url]"), "{problems:#?}");
}

/// A phase's end is checked by the days its dates state, as an event's: from 1990 to the 1990s,
/// or from March 2001 to the spring of 2001, it ends after it starts (the order of dates puts
/// the longer time first, and an import made such a phase from its rows, then refused itself).
#[test]
fn a_phase_ends_after_it_starts_by_the_days_its_dates_state() {
    use japan_nato_explorer::core::date::PartialDate;
    let date = |s: &str| PartialDate::parse(s).unwrap();
    let end_problems = |start: &str, end: &str| {
        let mut d = data();
        d.phases[0].start = date(start);
        d.phases[0].end = date(end);
        validate(&d)
            .iter()
            .map(|p| p.to_string())
            .filter(|p| p.contains("[end-after-start]"))
            .collect::<Vec<_>>()
    };
    for (start, end) in [
        ("1990", "199X"),
        ("2001-03", "2001-21"),
        ("1990-01", "1990"),
    ] {
        assert_eq!(
            end_problems(start, end),
            Vec::<String>::new(),
            "{start} to {end}"
        );
    }
    assert_eq!(
        end_problems("1990", "1985").len(),
        1,
        "one that does end before"
    );
}

#[test]
fn malformed_files_are_refused_with_the_place_of_the_error() {
    let err = parse_json("{\n  \"title\": \"x\",\n  \"source\": 3\n}").unwrap_err();
    assert!(err.starts_with("line 3"), "{err}");
    let err =
        parse_json(&EMBEDDED_JSON.replacen("\"start\": \"", "\"start\": \"19x4", 1)).unwrap_err();
    assert!(err.contains("is not a date"), "{err}");
}

#[test]
fn every_source_is_what_its_footnotes_say() {
    use japan_nato_explorer::core::dataset::validate::sources_match_citations;
    let d = data();
    let problems: Vec<String> = sources_match_citations(&d)
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn footnotes_cite_their_works_and_commentary_cites_none() {
    let d = data();
    let sources = |n: u32| d.footnote(n).unwrap().sources.clone();
    // Short forms cite the work of their long form.
    assert_eq!(sources(2), ["stokes-1983"]);
    assert_eq!(sources(3), sources(2));
    assert_eq!(sources(5), sources(2));
    assert_eq!(sources(10), sources(9));
    assert_eq!(sources(7), ["bridges-1992"]);
    assert_eq!(sources(1), ["nishihara-2006", "bridges-1992"]);
    // Commentary only.
    for n in [23, 25, 28, 47, 54, 75] {
        assert!(sources(n).is_empty(), "footnote {n} only comments");
    }
    // The author's interviews are works without an address.
    for n in [69, 85, 86] {
        let r = d.reference(&sources(n)[0]).unwrap();
        assert_eq!(r.kind, ReferenceType::Interview);
        assert!(r.url.is_none());
    }
    assert_eq!(sources(85), sources(86));
    // Every footnote that gives a URL cites a work with it (or says why not).
    for f in &d.footnotes {
        for url in f.urls() {
            assert!(
                f.sources
                    .iter()
                    .filter_map(|id| d.reference(id))
                    .any(|r| r.url.as_deref() == Some(url)
                        || r.note.as_deref().is_some_and(|n| n.contains(url))),
                "footnote {}: no cited work has {url}",
                f.number
            );
        }
    }
    assert!(
        (60..=90).contains(&d.sources.len()),
        "{} works",
        d.sources.len()
    );
}

#[test]
fn source_rules_name_the_record() {
    let mut d = data();
    d.sources[0].url = Some("ftp://example.org/x".into());
    d.footnotes[0].sources.push("no-such-work".into());
    let lonely = d.footnotes[3].sources.clone();
    d.footnotes[3].sources.clear();
    let problems: Vec<String> = validate(&d).iter().map(|p| p.to_string()).collect();
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(
        has(&format!("source {} [web-url]", d.sources[0].id)),
        "{problems:#?}"
    );
    assert!(
        has("footnote 1 [known-source]: the source 'no-such-work' is not defined"),
        "{problems:#?}"
    );
    assert!(
        has(&format!("source {} [cited-source]", lonely[0])),
        "{problems:#?}"
    );
}

#[test]
fn vague_dates_are_uncertain_dates_not_conventions() {
    let d = data();
    let event = |id: &str| d.events.iter().find(|e| e.id == id).unwrap().clone();
    // "the mid-2000s": circa 2005, possibly 2004–2006, and said so in words.
    let mid = event("2004-common-values-first-invoked");
    assert_eq!(mid.start.to_iso(), "2005~");
    assert!(mid.start.is_approximate() && !mid.is_exact());
    assert_eq!(mid.date_label(), "circa 2005");
    assert_eq!(mid.first_day(), days_from_civil(2004, 1, 1));
    assert_eq!(mid.end_day(), days_from_civil(2007, 1, 1));
    assert_eq!(
        mid.stated_days(),
        (days_from_civil(2005, 1, 1), days_from_civil(2006, 1, 1))
    );
    // "the mid and late 1990s", "the 1990s and early 2000s", "the late 2010s".
    assert_eq!(
        event("1994-bosnia-parallel-efforts").interval().to_edtf(),
        "1995~/1998~"
    );
    assert_eq!(
        event("1990-plateau-of-the-relationship")
            .interval()
            .to_edtf(),
        "1990/2001~"
    );
    assert_eq!(
        event("2017-relations-progress-late-2010s").date_label(),
        "circa 2018"
    );
    // "after 1980": 1980 is only a lower bound, and the date says it is uncertain.
    let after = event("1980-parliamentarians-observe-nato-assembly");
    assert_eq!(after.start.to_iso(), "1980?");
    assert_eq!(after.date_label(), "1980 (uncertain)");
    // No note speaks of the old year convention any more, every date that is not exact says
    // why, in words a reader follows (not in EDTF's signs: "written 2005~").
    for e in &d.events {
        let note = e.note.as_deref().unwrap_or_default();
        assert!(!note.contains("0-3, 4-6 and 7-9"), "event {}", e.id);
        assert!(
            !note.contains('~') && !note.contains("EDTF"),
            "event {}: {note}",
            e.id
        );
        // An approximate date says "circa", an uncertain one "uncertain".
        let approximate = e.start.is_approximate() || e.end.is_some_and(|end| end.is_approximate());
        if !e.is_exact() && approximate {
            assert!(note.contains("circa"), "event {}: {note}", e.id);
        } else if !e.is_exact() {
            assert!(note.contains("uncertain"), "event {}: {note}", e.id);
        }
    }
}
