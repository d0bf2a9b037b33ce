//! Actions that change the chronology shown, and the view of a link.

use super::*;
use crate::core::import::ImportProblem;
use crate::core::query::Facet;
use crate::core::url_state::ViewState;
use crate::core::viewport::Viewport;

#[test]
fn a_failed_import_changes_nothing_but_the_report() {
    let s = after(
        &state(),
        Action::ToggleFacet(Facet::Domain, "piracy".into()),
    );
    let f = after(&s, Action::ImportFailed(failure_report()));
    assert_eq!(f.chrome.dialog, Some(DialogKind::Import));
    assert!(matches!(f.chrome.report, Some(Report::Failed { .. })));
    assert_eq!(f.chronology, s.chronology);
    assert_eq!(f.filtering, s.filtering);
}

#[test]
fn an_import_replaces_the_chronology_and_says_so() {
    let s = after_all(
        &state(),
        [
            Action::Resize(1234.0),
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::ToggleTheme,
        ],
    );
    let i = after(&s, imported(None, vec![]));
    assert_eq!(i.len(), 5);
    assert_eq!(i.chronology.data.title, "Small");
    assert!(i.filtering.filter.is_empty(), "filters start afresh");
    assert_eq!(i.window.width, 1234.0, "the page's width stays");
    assert_eq!(i.chrome.theme, Theme::Dark, "the theme stays");
    assert_eq!(
        i.chrome.notices.last().map(|n| n.to_string()).as_deref(),
        Some("Imported 5 events from small.csv (chronology CSV).")
    );
    assert_eq!(i.view_state().data.as_deref(), Some(url_state::KEPT_DATA));
}

#[test]
fn an_import_with_a_link_takes_the_link_view() {
    let view = ViewState {
        selected: Some("e3".into()),
        ..ViewState::default()
    };
    let i = after(&state(), imported(Some(view), vec![]));
    assert_eq!(i.selected, i.chronology.position("e3"));
}

#[test]
fn an_import_that_left_records_out_lists_them() {
    let i = after(
        &state(),
        imported(None, vec![ImportProblem::new("row 9", "bad date")]),
    );
    assert_eq!(i.chrome.dialog, Some(DialogKind::Import));
    match &i.chrome.report {
        Some(Report::Skipped {
            imported, skipped, ..
        }) => {
            assert_eq!(*imported, 5);
            assert_eq!(skipped.len(), 1);
        }
        other => panic!("{other:?}"),
    }
}

/// The list of what was left out stops at 1,000 (and a line for the rest); the counts do not,
/// and the notice that stays once the dialog is closed says it too.
#[test]
fn an_import_that_left_out_more_records_than_it_lists_counts_them_all() {
    let mut a = imported(None, vec![]);
    if let Action::Imported {
        skipped,
        skipped_records,
        ..
    } = &mut a
    {
        *skipped = (0..1_000)
            .map(|i| ImportProblem::new(format!("row {i}"), "bad year"))
            .chain([ImportProblem::new("", "… and 1,500 more problems")])
            .collect();
        *skipped_records = 2_500;
    }
    let i = after(&state(), a);
    match &i.chrome.report {
        Some(Report::Skipped {
            skipped_records, ..
        }) => assert_eq!(*skipped_records, 2_500),
        other => panic!("{other:?}"),
    }
    let closed = after(&i, Action::CloseDialog);
    assert_eq!(
        last_notice(&closed).as_deref(),
        Some("Imported 5 events from small.csv (chronology CSV). 2,500 records were left out.")
    );
}

/// A TimelineJS file's eras arrive beside its events (as phases): the report in the dialog and
/// the notice that stays say both, as the offer to leave out its bad records did.
#[test]
fn an_import_says_the_eras_that_arrived_beside_the_events() {
    let mut a = imported(None, vec![ImportProblem::new("event 3", "bad month")]);
    if let Action::Imported {
        origin,
        format,
        eras,
        ..
    } = &mut a
    {
        *format = Format::TimelineJson;
        *origin = Origin::File {
            name: "tl.json".into(),
            format: Format::TimelineJson,
        };
        *eras = 1;
    }
    let i = after(&state(), a);
    match &i.chrome.report {
        Some(Report::Skipped {
            imported,
            eras,
            skipped_records,
            ..
        }) => assert_eq!((*imported, *eras, *skipped_records), (5, 1, 1)),
        other => panic!("{other:?}"),
    }
    let closed = after(&i, Action::CloseDialog);
    assert_eq!(
        last_notice(&closed).as_deref(),
        Some("Imported 5 events and 1 era from tl.json (TimelineJS JSON). 1 record was left out.")
    );
}

#[test]
fn an_import_that_changed_some_text_says_what() {
    let mut a = imported(None, vec![]);
    if let Action::Imported { changed, .. } = &mut a {
        changed.push(ImportProblem::new(
            "event 1 (id 'e0'), field title",
            "1 control character removed (U+0001)",
        ));
    }
    let i = after(&state(), a);
    assert_eq!(i.chrome.dialog, Some(DialogKind::Import));
    match &i.chrome.report {
        Some(Report::Skipped {
            skipped, changed, ..
        }) => {
            assert!(skipped.is_empty());
            assert_eq!(changed.len(), 1);
        }
        other => panic!("{other:?}"),
    }
}

/// What the page says of a file's saved view, given as a link's `query`, once it is imported.
fn file_view_notices(query: &str) -> Vec<String> {
    let (view, view_notices) = crate::core::url_state::parse(query);
    let mut a = imported(Some(view), vec![]);
    if let Action::Imported {
        view_notices: v, ..
    } = &mut a
    {
        *v = view_notices;
    }
    after(&state(), a)
        .chrome
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::View(_)))
        .map(|n| n.to_string())
        .collect()
}

/// A file's saved view is the file's: what it asks that is ignored is said of it, not of the
/// link (an unknown event, a bad window).
#[test]
fn a_file_s_saved_view_is_spoken_of_as_the_file_s() {
    let texts = file_view_notices("?from=3000&to=1000&event=nope");
    assert!(texts.iter().all(|t| !t.contains("link")), "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("the file's saved view's time window")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("'nope'")), "{texts:?}");
}

/// Whatever a file's saved view asks that is ignored, none of what is said of it speaks of a
/// link: every kind of notice the view's parameters can give, each on its own and all at once.
#[test]
fn no_notice_of_a_file_s_saved_view_speaks_of_a_link() {
    let queries = [
        "?domain=nope",
        "?party=nope&phase=nope",
        "?q=%FF",
        "?dim=2",
        "?group=nope",
        "?group=domain&fold=nope",
        "?follow=2",
        "?from=nope&to=2010",
        "?from=2010&to=nope",
        "?from=3000&to=4000",
        "?from=2010",
        "?event=a%20b",
        "?event=nope",
        "?story=a%20b",
        "?story=nope",
        "?story=brief&scene=a%20b",
        "?story=brief&scene=nope",
        "?scene=intro",
        "?synthetic=nope",
        "?data=%01",
        "?nope=1",
        "?event=e1&event=nope",
        "?domain=a&domain=b&domain=c&domain=d&domain=e&domain=f&domain=g&domain=h",
    ];
    let all = queries.map(|q| q.trim_start_matches('?')).join("&");
    for query in queries.iter().copied().chain([format!("?{all}").as_str()]) {
        let texts = file_view_notices(query);
        assert!(!texts.is_empty(), "{query} gives a notice");
        assert!(
            texts.iter().all(|t| !t.to_lowercase().contains("link")),
            "{query}: {texts:?}"
        );
    }
}

#[test]
fn a_second_import_drops_the_first_ones_notice() {
    let i = after_all(&state(), [imported(None, vec![]), imported(None, vec![])]);
    let imported = i
        .chrome
        .notices
        .iter()
        .filter(|n| matches!(n, Notice::Imported { .. }))
        .count();
    assert_eq!(imported, 1);
}

/// What was said of the first file (what its saved view asked that was ignored) goes when a
/// second file replaces it; what was said of the page or the browser stays until read.
#[test]
fn a_second_import_drops_what_was_said_of_the_first_file_s_view() {
    let (view, view_notices) = crate::core::url_state::parse("?domain=nope&from=xyz&to=2010");
    let mut first = imported(Some(view), vec![]);
    if let Action::Imported {
        view_notices: v, ..
    } = &mut first
    {
        *v = view_notices;
    }
    let storage = Notice::Message("Your import could not be kept in this browser.".into());
    let s = after_all(&state(), [first, Action::Notify(storage.clone())]);
    let said =
        |s: &State| -> Vec<String> { s.chrome.notices.iter().map(|n| n.to_string()).collect() };
    assert!(
        said(&s)
            .iter()
            .any(|n| n.contains("from='xyz' in the file's saved view")),
        "{:?}",
        said(&s)
    );
    assert!(
        said(&s).iter().any(|n| n.contains("'nope'")),
        "{:?}",
        said(&s)
    );
    let second = after(&s, imported(None, vec![]));
    assert_eq!(
        said(&second),
        [
            storage.to_string(),
            "Imported 5 events from small.csv (chronology CSV).".to_string()
        ]
    );
}

/// "Restore the Japan–NATO chronology" goes back to the view it had when a file replaced it (it
/// opened the whole chronology afresh, the reader's filters and lanes gone), through any number
/// of imports; the chronology opened afresh by a link forgets it.
#[test]
fn restoring_the_brief_brings_back_the_view_it_had_before_the_import() {
    use crate::core::grouping::GroupBy;
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::SetGroupBy(GroupBy::Domain),
            Action::SetSearch("naval".into()),
        ],
    );
    let before = s.view_state();
    let i = after(&s, imported(None, vec![]));
    assert!(i.filtering.filter.selected(Facet::Domain).is_empty());
    let twice = after(&i, imported(None, vec![]));
    let r = after(&twice, Action::RestoreBuiltin(Box::new(builtin())));
    assert_eq!(r.chronology.origin, Origin::Builtin);
    assert_eq!(r.view_state(), before);
    assert_eq!(r.lanes.by, GroupBy::Domain);
    assert_eq!(r.filtering.match_count, s.filtering.match_count);
    assert_eq!(r.chrome.notices.last(), Some(&Notice::BuiltinAgain));
    assert_eq!(r.chrome.builtin_view, None);
    // Restored, then another import and back: the view of the brief as it was then.
    let again = after(
        &after(&r, imported(None, vec![])),
        Action::RestoreBuiltin(Box::new(builtin())),
    );
    assert_eq!(again.view_state(), before);
}

/// The brief shown only while a link's file loads (in the link's view, the file's) is not a view
/// to go back to: restored, it opens afresh.
#[test]
fn restoring_the_brief_after_a_link_s_file_does_not_bring_back_the_file_s_view() {
    let (s, _) = crate::store::boot::boot(
        crate::store::boot::plan(crate::store::boot::Facts {
            query: "?data=files/x.csv&domain=piracy&from=1990&to=1995".into(),
            builtin_shown: false,
            stored: || unreachable!("storage is not read for this link"),
            stored_view: || None,
        }),
        &Estimate,
        Environment::default(),
    );
    let mut a = imported(None, vec![]);
    if let Action::Imported { origin, .. } = &mut a {
        *origin = Origin::Url("files/x.csv".into());
    }
    let loaded = after(&s, a);
    assert_eq!(loaded.chrome.builtin_view, None);
    let r = after(&loaded, Action::RestoreBuiltin(Box::new(builtin())));
    assert!(r.filtering.filter.selected(Facet::Domain).is_empty());
    assert_eq!(r.view_state().data, None);
    assert_eq!(r.filtering.match_count, r.len());
}

/// Restoring the brief drops what was said of the import's view too.
#[test]
fn restoring_the_brief_drops_what_was_said_of_the_import_s_view() {
    let (view, _) = crate::core::url_state::parse("?domain=nope");
    let i = after(&state(), imported(Some(view), vec![]));
    assert!(i
        .chrome
        .notices
        .iter()
        .any(|n| n.to_string().contains("'nope'")));
    let r = after(&i, Action::RestoreBuiltin(Box::new(builtin())));
    assert_eq!(r.chrome.notices, [Notice::BuiltinAgain]);
}

/// The file a link names, once loaded, is the link's: what was said of the link (a part of it
/// that was ignored) still holds.
#[test]
fn the_file_a_link_names_keeps_what_was_said_of_the_link() {
    let (s, _) = crate::store::boot::boot(
        crate::store::boot::plan(crate::store::boot::Facts {
            query: "?data=files/x.csv&from=xyz&to=2010".into(),
            builtin_shown: false,
            stored: || unreachable!("storage is not read for this link"),
            stored_view: || None,
        }),
        &Estimate,
        Environment::default(),
    );
    // The bad bound, and the good one that goes with it.
    assert_eq!(s.chrome.notices.len(), 2, "{:?}", s.chrome.notices);
    let mut a = imported(None, vec![]);
    if let Action::Imported { origin, .. } = &mut a {
        *origin = Origin::Url("files/x.csv".into());
    }
    let loaded = after(&s, a);
    assert_eq!(loaded.chrome.notices[..2], s.chrome.notices[..]);
}

#[test]
fn a_quiet_import_from_storage_says_nothing() {
    let mut a = imported(None, vec![]);
    if let Action::Imported { quiet, .. } = &mut a {
        *quiet = true;
    }
    assert!(after(&state(), a).chrome.notices.is_empty());
}

#[test]
fn restore_builtin_shows_the_brief_again() {
    let i = after(&state(), imported(None, vec![]));
    let r = after(&i, Action::RestoreBuiltin(Box::new(builtin())));
    assert_eq!(r.chronology.origin, Origin::Builtin);
    assert_eq!(r.len(), state().len());
    assert_eq!(r.chrome.notices.last(), Some(&Notice::BuiltinAgain));
    assert!(!r
        .chrome
        .notices
        .iter()
        .any(|n| matches!(n, Notice::Imported { .. })));
}

#[test]
fn back_to_builtin_applies_the_link_view() {
    let i = after(&state(), imported(None, vec![]));
    let mut view = ViewState::default();
    view.filter.domains.insert("piracy".into());
    let b = after(
        &i,
        Action::BackToBuiltin {
            builtin: Box::new(builtin()),
            view,
        },
    );
    assert_eq!(b.chronology.origin, Origin::Builtin);
    assert_eq!(b.filtering.match_count, domain(&b, "piracy"));
    assert_eq!(b.chrome.notices.last(), Some(&Notice::BuiltinAgain));
}

#[test]
fn apply_view_restores_a_link_and_reports_what_it_cannot_use() {
    let mut view = ViewState::default();
    view.filter.domains.insert("piracy".into());
    view.filter.domains.insert("no-such-domain".into());
    view.window = Some((13_000.0, 14_000.0));
    view.selected = Some(ABE_NAC.into());
    let s = after(&state(), Action::ApplyView(view));
    assert_eq!(s.filtering.filter.domains.len(), 1);
    assert_eq!(s.window.viewport, Viewport::new(13_000.0, 14_000.0));
    assert_eq!(
        s.selected, None,
        "the event is hidden by the link's own filter"
    );
    let texts: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("'no-such-domain' is not in this chronology")),
        "{texts:?}"
    );
    let hidden = texts
        .iter()
        .find(|t| t.contains("is hidden by its filters"))
        .expect("the hidden event is said");
    let abe = &s.chronology.data.events[s.chronology.position(ABE_NAC).unwrap()];
    assert!(
        hidden.contains(&format!(
            "“{}” ({})",
            abe.title,
            abe.interval().format_inline()
        )),
        "named by its title and date: {hidden}"
    );
    assert!(!hidden.contains(ABE_NAC), "not by its id: {hidden}");
}

#[test]
fn every_action_is_tested() {
    // One of each: the match has no wildcard, so a new action fails to compile here until it
    // is added (and tested above).
    let name = |a: &Action| match a {
        Action::Resize(_) => "Resize",
        Action::ZoomAbout { .. } => "ZoomAbout",
        Action::Zoom(_) => "Zoom",
        Action::ZoomOnEvent { .. } => "ZoomOnEvent",
        Action::PanFraction(_) => "PanFraction",
        Action::PanToEdge { .. } => "PanToEdge",
        Action::SetViewport(_) => "SetViewport",
        Action::FitAll => "FitAll",
        Action::CenterOn(_) => "CenterOn",
        Action::FitRange(..) => "FitRange",
        Action::OpenCluster { .. } => "OpenCluster",
        Action::CloseClusterList => "CloseClusterList",
        Action::SetGroupBy(_) => "SetGroupBy",
        Action::ToggleGroup(_) => "ToggleGroup",
        Action::UnfoldLanes => "UnfoldLanes",
        Action::SetFollow(_) => "SetFollow",
        Action::Select(_) => "Select",
        Action::Step(_) => "Step",
        Action::SelectFirst => "SelectFirst",
        Action::SelectLast => "SelectLast",
        Action::ToggleFacet(..) => "ToggleFacet",
        Action::OnlyFacet(..) => "OnlyFacet",
        Action::ClearFacet(_) => "ClearFacet",
        Action::ClearFilters => "ClearFilters",
        Action::SetSearch(_) => "SetSearch",
        Action::IndexSearch => "IndexSearch",
        Action::NextMatch(_) => "NextMatch",
        Action::SetDim(_) => "SetDim",
        Action::DismissNotice(_) => "DismissNotice",
        Action::DismissNotices => "DismissNotices",
        Action::DismissDone => "DismissDone",
        Action::Notify(_) => "Notify",
        Action::ToggleTheme => "ToggleTheme",
        Action::ToggleFilters => "ToggleFilters",
        Action::OpenDialog(_) => "OpenDialog",
        Action::CloseDialog => "CloseDialog",
        Action::ApplyView(_) => "ApplyView",
        Action::BackToBuiltin { .. } => "BackToBuiltin",
        Action::Frame(_) => "Frame",
        Action::Loading(_) => "Loading",
        Action::ImportFailed(_) => "ImportFailed",
        Action::Imported { .. } => "Imported",
        Action::RestoreBuiltin(_) => "RestoreBuiltin",
        Action::Dragging(_) => "Dragging",
        Action::LoadCancelled => "LoadCancelled",
        Action::LoadFailed(_) => "LoadFailed",
        Action::StartStory(_) => "StartStory",
        Action::GoToScene(_) => "GoToScene",
        Action::NextScene => "NextScene",
        Action::PreviousScene => "PreviousScene",
        Action::LeaveStory => "LeaveStory",
        Action::Dismiss => "Dismiss",
    };
    // The tests' sources, up to this test.
    let this = include_str!("chronologies.rs");
    let source = [
        include_str!("mod.rs"),
        include_str!("window.rs"),
        include_str!("selection.rs"),
        include_str!("filter.rs"),
        include_str!("chrome.rs"),
        include_str!("story.rs"),
        include_str!("lanes.rs"),
        &this[..this.find("fn every_action_is_tested").unwrap_or(this.len())],
    ]
    .concat();
    let mut missing = Vec::new();
    for a in [
        Action::Resize(1.0),
        Action::ZoomAbout {
            factor: 1.0,
            at: 0.0,
            animate: false,
        },
        Action::Zoom(1.0),
        Action::ZoomOnEvent {
            factor: 1.0,
            index: 0,
        },
        Action::PanFraction(0.0),
        Action::PanToEdge { later: false },
        Action::SetViewport(Viewport::new(0.0, 1.0)),
        Action::FitAll,
        Action::CenterOn(0.0),
        Action::FitRange(0.0, 1.0),
        Action::OpenCluster {
            members: vec![],
            group: None,
            spans: false,
        },
        Action::CloseClusterList,
        Action::SetGroupBy(crate::core::grouping::GroupBy::None),
        Action::ToggleGroup(String::new()),
        Action::UnfoldLanes,
        Action::SetFollow(true),
        Action::Select(None),
        Action::Step(1),
        Action::SelectFirst,
        Action::SelectLast,
        Action::ToggleFacet(Facet::Domain, String::new()),
        Action::OnlyFacet(Facet::Domain, String::new()),
        Action::ClearFacet(Facet::Domain),
        Action::ClearFilters,
        Action::SetSearch(String::new()),
        Action::NextMatch(1),
        Action::SetDim(true),
        Action::DismissNotice(0),
        Action::DismissNotices,
        Action::Notify(Notice::BuiltinAgain),
        Action::ToggleTheme,
        Action::ToggleFilters,
        Action::OpenDialog(DialogKind::Help),
        Action::CloseDialog,
        Action::ApplyView(ViewState::default()),
        Action::BackToBuiltin {
            builtin: Box::new(small(0)),
            view: ViewState::default(),
        },
        Action::Frame(0.0),
        Action::Loading(None),
        Action::ImportFailed(failure_report()),
        imported(None, vec![]),
        Action::RestoreBuiltin(Box::new(small(0))),
        Action::Dragging(true),
        Action::LoadCancelled,
        Action::LoadFailed(Notice::BuiltinAgain),
        Action::StartStory(0),
        Action::GoToScene(1),
        Action::NextScene,
        Action::PreviousScene,
        Action::LeaveStory,
    ] {
        let n = name(&a);
        // Used in a test of its own.
        if !source.contains(&format!("Action::{n}")) {
            missing.push(n);
        }
    }
    assert!(missing.is_empty(), "actions without a test: {missing:?}");
}

#[test]
fn thousands_of_unknown_values_in_a_link_give_one_notice() {
    let mut view = ViewState::default();
    for i in 0..5_000 {
        view.filter.domains.insert(format!("no-such-{i:04}"));
    }
    view.filter.domains.insert("piracy".into());
    let s = after(&state(), Action::ApplyView(view));
    assert_eq!(s.filtering.filter.domains.len(), 1, "the known one stays");
    let texts: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("5,000"), "{texts:?}");
}

/// A chronology prepared a step at a time (as an import is handed over in short tasks), in
/// several measuring steps, has its events in order and each event's extent as `Extent::of`
/// defines it; its filter indexes, built with it, filter as the scans that define the filter.
#[test]
fn a_chronology_prepared_in_steps_is_the_same_chronology() {
    let n = MEASURE_STEP * 2 + 17;
    let data = crate::core::synthetic::generate(n, 7);
    let mut expected = data.clone();
    expected.sort_events();
    let mut preparing = Box::new(Preparing::new(data));
    let mut steps = 0;
    let staged = loop {
        steps += 1;
        match preparing.step(&Estimate) {
            Ok(prepared) => break *prepared,
            Err(next) => preparing = next,
        }
    };
    // Sorting, three measuring steps, the layout index, the facets, the overview.
    assert_eq!(steps, 7);
    assert_eq!(staged.data, expected);
    for i in [
        0,
        1,
        MEASURE_STEP - 1,
        MEASURE_STEP,
        MEASURE_STEP + 1,
        n - 1,
    ] {
        assert_eq!(
            *staged.index.extent(i),
            crate::core::layout::Extent::estimated(
                &crate::core::layout::DomainLookup::new(&expected),
                &expected,
                i
            ),
            "event {i}"
        );
    }
    // Its indexes filter as the scans that define the filter do.
    let s = State::new(staged, Origin::Synthetic(n), Environment::default());
    let domain = s.chronology.data.domains[1].id.clone();
    let s = after_all(
        &s,
        [
            Action::ToggleFacet(Facet::Domain, domain),
            Action::SetSearch("a".into()),
        ],
    );
    let data = &s.chronology.data;
    let haystacks = crate::core::query::search_haystacks(data);
    let matches = crate::core::query::matching(data, &haystacks, &s.filtering.filter);
    assert!(s.filtering.match_count > 0 && s.filtering.match_count < s.len());
    assert!(*s.filtering.matches == matches, "the same matches");
    let counts: Vec<_> = Facet::ALL
        .iter()
        .map(|f| crate::core::query::facet_counts(data, &haystacks, &s.filtering.filter, *f))
        .collect();
    assert!(*s.filtering.counts == counts, "the same counts");
    assert!(
        *s.filtering.histogram
            == crate::core::query::year_histogram(data, &matches, &s.filtering.filter.domains),
        "the same histogram"
    );
}

/// The last notice on the page, in words.
fn last_notice(s: &State) -> Option<String> {
    s.chrome.notices.last().map(|n| n.to_string())
}
