//! The start-up table, a test per row.

use super::*;
use crate::core::saved::{self, Saved};
use crate::store::boot::{boot, plan, Deferred, Facts, Plan, Start, Stored};

fn kept() -> Saved {
    let data = small(4).data;
    saved::decode(&saved::encode("mine.csv", "chronology CSV", &data)).unwrap()
}

/// The plan for a link, with what this browser keeps; panics if storage is read when the row
/// says it must not be.
fn plan_for(query: &str, builtin_shown: bool, stored: Option<Stored>, view: Option<&str>) -> Plan {
    let view = view.map(str::to_string);
    plan(Facts {
        query: query.into(),
        builtin_shown,
        stored: move || stored.expect("storage is not read for this link"),
        stored_view: move || view,
    })
}

fn messages(p: &Plan) -> Vec<String> {
    p.notices
        .iter()
        .chain(&p.then_notices)
        .map(|n| n.to_string())
        .collect()
}

#[test]
fn synthetic_link_shows_generated_events_without_reading_storage() {
    let p = plan_for("?synthetic=500&domain=domain-1", false, None, None);
    assert_eq!(p.start, Start::Synthetic(500));
    assert_eq!(p.then, Deferred::Nothing);
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert_eq!(s.len(), 500);
    assert_eq!(s.synthetic(), Some(500));
}

#[test]
fn data_link_shows_the_builtin_chronology_while_the_file_loads() {
    let p = plan_for("?data=files/x.csv&domain=piracy", false, None, None);
    assert_eq!(p.start, Start::Builtin);
    assert!(
        matches!(&p.then, Deferred::LoadUrl(url, view) if url == "files/x.csv" && view.filter.domains.contains("piracy"))
    );
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert_eq!(
        s.chrome.loading.as_ref().map(|l| l.what.as_str()),
        Some("Loading files/x.csv…")
    );
    assert!(
        s.filtering.filter.is_empty(),
        "the link's view waits for its file"
    );
    let link = url_state::to_query(&s.view_state());
    assert!(
        link.contains("data=files") && link.contains("domain=piracy"),
        "{link}"
    );
}

/// The link's file does not load (a 404, say): the rest of the link applies to the built-in
/// chronology, and the link no longer names the file (it kept `data=` and lost the filter).
#[test]
fn a_data_link_whose_file_fails_keeps_its_view_and_drops_the_file() {
    let p = plan_for("?data=nope.json&domain=piracy", false, None, None);
    let (s, _) = boot(p, &Estimate, Environment::default());
    let failed = super::reduce::failure_report();
    let s = crate::store::reduce(&s, Action::ImportFailed(failed)).expect("a new state");
    assert!(s.filtering.filter.domains.contains("piracy"));
    assert_eq!(
        s.chrome.dialog,
        Some(crate::store::DialogKind::Import),
        "the failure is reported"
    );
    let link = url_state::to_query(&s.view_state());
    assert!(
        !link.contains("data=") && link.contains("domain=piracy"),
        "{link}"
    );
    // A file chosen in the dialog that fails leaves the view as it was.
    let again = crate::store::reduce(&s, Action::ImportFailed(super::reduce::failure_report()));
    let again = again.unwrap_or(s.clone());
    assert_eq!(again.filtering.filter, s.filtering.filter);
}

#[test]
fn a_bare_address_opens_the_import_kept_in_local_storage_with_its_remembered_view() {
    let p = plan_for(
        "",
        false,
        Some(Stored::Here(Box::new(kept()))),
        Some("?event=e2"),
    );
    assert!(matches!(p.start, Start::Kept(_)));
    let (s, then) = boot(p, &Estimate, Environment::default());
    assert_eq!(then, Deferred::Nothing);
    assert_eq!(
        s.chronology.origin,
        Origin::File {
            name: "mine.csv".into(),
            format: crate::core::import::Format::Csv
        }
    );
    assert_eq!(s.selected, s.chronology.position("e2"));
    assert!(s.chrome.notices.is_empty(), "a kept import opens quietly");
}

#[test]
fn a_bare_address_reads_a_large_import_from_indexed_db_after_the_first_render() {
    let p = plan_for("", false, Some(Stored::InIndexedDb), Some("?event=e1"));
    assert_eq!(p.start, Start::Builtin);
    assert!(matches!(&p.then, Deferred::FromIndexedDb(v) if v.selected.as_deref() == Some("e1")));
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert_eq!(
        s.chrome.loading.as_ref().map(|l| l.what.as_str()),
        Some("Loading your imported chronology…")
    );
    assert_eq!(
        s.view_state().data.as_deref(),
        Some(url_state::KEPT_DATA),
        "the link names the import while it loads"
    );
}

#[test]
fn a_discarded_import_says_why_and_shows_the_builtin_chronology() {
    let p = plan_for(
        "",
        false,
        Some(Stored::Discarded("it is corrupt".into())),
        None,
    );
    assert_eq!(p.start, Start::Builtin);
    assert_eq!(messages(&p), vec!["it is corrupt".to_string()]);
}

#[test]
fn a_bare_address_with_nothing_kept_shows_the_builtin_chronology() {
    let p = plan_for("", false, Some(Stored::Nothing), None);
    assert_eq!(p.start, Start::Builtin);
    assert!(messages(&p).is_empty());
    assert_eq!(p.then, Deferred::Nothing);
}

#[test]
fn after_back_from_the_import_a_bare_address_keeps_the_builtin_chronology() {
    // Storage is not even read (plan_for panics if it is).
    let p = plan_for("", true, None, None);
    assert_eq!(p.start, Start::Builtin);
}

#[test]
fn a_link_to_the_builtin_chronology_applies_its_view_without_reading_storage() {
    let p = plan_for(
        "?domain=piracy&event=2016-operation-ocean-shield-ends",
        false,
        None,
        None,
    );
    assert_eq!(p.start, Start::Builtin);
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert!(s.filtering.filter.domains.contains("piracy"));
    assert!(s.selected.is_some());
}

#[test]
fn a_link_naming_the_kept_import_opens_it_with_the_link_view() {
    let p = plan_for(
        "?data=@browser&event=e3",
        true,
        Some(Stored::Here(Box::new(kept()))),
        Some("?event=e0"),
    );
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert_eq!(
        s.selected,
        s.chronology.position("e3"),
        "the link's view, not the remembered one"
    );
}

#[test]
fn a_link_naming_an_import_this_browser_does_not_keep_says_so() {
    let p = plan_for(
        "?data=@browser&domain=piracy",
        false,
        Some(Stored::Nothing),
        None,
    );
    assert_eq!(p.start, Start::Builtin);
    let m = messages(&p);
    assert!(
        m.iter()
            .any(|t| t.starts_with("This link is to a chronology imported in another browser")),
        "{m:?}"
    );
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert!(
        s.filtering.filter.is_empty(),
        "the import's filter is not put on the brief"
    );
}

#[test]
fn a_link_naming_a_discarded_import_says_why() {
    let p = plan_for(
        "?data=@browser",
        false,
        Some(Stored::Discarded("it is too large".into())),
        None,
    );
    assert_eq!(p.start, Start::Builtin);
    assert_eq!(messages(&p), vec!["it is too large".to_string()]);
}

/// The link's view was the import's: the brief opens in its own, with the one notice that
/// says why (a domain and a window of the import's gave two more, about the brief).
#[test]
fn a_link_with_the_view_of_a_discarded_import_says_why_once() {
    let p = plan_for(
        // (Ids the brief has too, so that each would take if it were applied.)
        "?data=@browser&domain=piracy&from=1902&to=1964&event=2014-05-06-ipcp-signed",
        false,
        Some(Stored::Discarded("it is corrupt".into())),
        None,
    );
    assert_eq!(messages(&p), vec!["it is corrupt".to_string()]);
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert_eq!(
        s.chrome
            .notices
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>(),
        vec!["it is corrupt".to_string()]
    );
    assert!(s.filtering.filter.is_empty());
    assert_eq!(s.window.viewport, s.chronology.fitted);
    assert_eq!(s.selected, None);
}

#[test]
fn the_theme_and_motion_come_from_the_environment() {
    let p = plan_for("", true, None, None);
    let env = Environment {
        reduced_motion: true,
        theme: Some(Theme::Dark),
        system_dark: false,
    };
    let (s, _) = boot(p, &Estimate, env);
    assert!(s.dark());
    assert!(s.window.reduced_motion);
}

#[test]
fn a_garbled_link_still_opens_with_notices() {
    let p = plan_for("?from=yesterday&domain=no-such&zoom=%%", false, None, None);
    let (s, _) = boot(p, &Estimate, Environment::default());
    assert!(s.chrome.notices.len() >= 2, "{:?}", s.chrome.notices);
    assert_eq!(s.window.viewport, s.chronology.fitted);
}

#[test]
fn a_link_with_filters_but_no_window_opens_framed_on_what_they_match_unless_the_window_stays() {
    // Piracy's events run from 2008 to 2017 or so; the chronology from 1979.
    let (s, _) = boot(
        plan_for("?domain=piracy", false, None, None),
        &Estimate,
        Environment::default(),
    );
    let framed = s.fit_matches().expect("piracy has events");
    assert_eq!(s.window.viewport, framed);
    assert!(s.window.viewport.span() < s.chronology.fitted.span() / 2.0);
    // Its link names that window, so that it opens the same again.
    let link = url_state::to_query(&s.view_state());
    assert!(link.contains("from=") && link.contains("to="), "{link}");
    let (again, _) = boot(
        plan_for(&link, false, None, None),
        &Estimate,
        Environment::default(),
    );
    // (To the day, the window being years wide: within half a day, under a pixel.)
    let (a, b) = (again.window.viewport, s.window.viewport);
    assert!(
        (a.start - b.start).abs() <= 0.5 && (a.end - b.end).abs() <= 0.5,
        "{a:?} {b:?}"
    );

    // The window told not to follow the filters: the whole chronology, and a link without one.
    let (still, _) = boot(
        plan_for("?domain=piracy&follow=0", false, None, None),
        &Estimate,
        Environment::default(),
    );
    assert_eq!(still.window.viewport, still.chronology.fitted);
    let link = url_state::to_query(&still.view_state());
    assert!(!link.contains("from="), "{link}");
}

/// A link that names its event twice opens on the first, and says the second was ignored
/// (it selected nothing, saying only that the second was not in the chronology).
#[test]
fn a_link_naming_two_events_or_stories_opens_the_first() {
    let (s, _) = boot(
        plan_for("?event=2014-05-06-ipcp-signed&event=foo", false, None, None),
        &Estimate,
        Environment::default(),
    );
    assert_eq!(s.selected, s.chronology.position("2014-05-06-ipcp-signed"));
    assert!(s.selected.is_some());
    let notices: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        ["Ignored the second event= in the link ('foo'): a view selects one event."]
    );
    let (s, _) = boot(
        plan_for("?story=the-brief&story=nope", false, None, None),
        &Estimate,
        Environment::default(),
    );
    assert!(s.story.is_some(), "the story opens");
    let notices: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        notices,
        ["Ignored the second story= in the link ('nope'): a view opens one story."]
    );
}
