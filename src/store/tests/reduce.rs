//! What each action does to the state.

use super::*;
use crate::core::import::{Format, ImportFailure, ImportProblem};
use crate::core::query::Facet;
use crate::core::url_state::ViewState;
use crate::core::viewport::Viewport;

const ABE_NAC: &str = "2007-01-12-abe-visits-nato-hq";

fn domain(s: &State, id: &str) -> usize {
    s.chronology
        .data
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|d| d == id))
        .count()
}

// --- the window -------------------------------------------------------------------------------

#[test]
fn resize_takes_a_new_width_and_ignores_nonsense() {
    let s = state();
    assert_eq!(after(&s, Action::Resize(1200.0)).window.width, 1200.0);
    assert!(reduce(&s, Action::Resize(s.window.width + 0.2)).is_none());
    assert!(reduce(&s, Action::Resize(f64::NAN)).is_none());
    assert!(reduce(&s, Action::Resize(-5.0)).is_none());
}

#[test]
fn zoom_about_keeps_the_anchor_date_in_place() {
    let s = state();
    let v = s.window.viewport;
    let anchor = v.start + 0.25 * v.span();
    let z = after(
        &s,
        Action::ZoomAbout {
            factor: 2.0,
            at: 0.25,
            animate: false,
        },
    );
    let w = z.window.viewport;
    assert!((w.span() - v.span() / 2.0).abs() < 1e-6, "{w:?}");
    assert!((w.start + 0.25 * w.span() - anchor).abs() < 1e-6);
    assert!(z.window.animation.is_none(), "wheel zooms do not animate");
}

#[test]
fn zoom_buttons_animate_towards_half_the_span() {
    let s = after(&state(), Action::Zoom(2.0));
    let a = s.window.animation.expect("an animation");
    assert!((a.to.span() - s.chronology.fitted.span() / 2.0).abs() < 1e-6);
    assert_eq!(
        s.window.viewport, s.chronology.fitted,
        "not moved before a frame"
    );
}

#[test]
fn reduced_motion_jumps_instead_of_easing() {
    let s = State::new(
        builtin(),
        Origin::Builtin,
        Environment {
            reduced_motion: true,
            ..Environment::default()
        },
    );
    let z = after(&s, Action::Zoom(2.0));
    assert!(z.window.animation.is_none());
    assert!((z.window.viewport.span() - s.window.viewport.span() / 2.0).abs() < 1e-6);
}

#[test]
fn pan_fraction_moves_by_part_of_the_span() {
    let s = after_all(
        &state(),
        [Action::SetViewport(Viewport::new(12_000.0, 13_000.0))],
    );
    let p = after(&s, Action::PanFraction(0.2));
    assert_eq!(p.window.target(), Viewport::new(12_200.0, 13_200.0));
}

#[test]
fn set_viewport_is_clamped_to_the_limits() {
    let s = state();
    let v = after(&s, Action::SetViewport(Viewport::new(-1e9, 1e9)))
        .window
        .viewport;
    let l = s.chronology.limits;
    assert!(
        v.start >= l.outer_start - 1e-6 && v.end <= l.outer_end + 1e-6,
        "{v:?}"
    );
    let tiny = after(&s, Action::SetViewport(Viewport::new(12_000.0, 12_001.0)))
        .window
        .viewport;
    assert!(tiny.span() >= l.min_span - 1e-9);
}

#[test]
fn fit_all_heads_back_to_the_whole_chronology() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(12_000.0, 13_000.0)),
    );
    let f = after(&s, Action::FitAll);
    assert_eq!(f.window.target(), s.chronology.fitted);
}

#[test]
fn center_on_puts_the_day_in_the_middle() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(12_000.0, 13_000.0)),
    );
    let c = after(&s, Action::CenterOn(14_000.0));
    assert!((c.window.target().center() - 14_000.0).abs() < 1e-6);
}

#[test]
fn fit_range_shows_the_range() {
    let s = state();
    let f = after(&s, Action::FitRange(16_000.0, 16_400.0));
    let t = f.window.target();
    assert!(
        t.start <= 16_000.0 && t.end >= 16_400.0 && t.span() < 1_000.0,
        "{t:?}"
    );
}

#[test]
fn frames_ease_to_the_target_and_stop() {
    let s = after(&state(), Action::Zoom(2.0));
    let target = s.window.target();
    let first = after(&s, Action::Frame(1_000.0));
    assert_eq!(
        first.window.viewport, s.window.viewport,
        "the first frame only starts the clock"
    );
    let mid = after(&first, Action::Frame(1_000.0 + ANIMATION_MS / 2.0));
    assert!(mid.window.viewport.span() < s.window.viewport.span());
    assert!(mid.window.viewport.span() > target.span());
    let end = after(&mid, Action::Frame(1_000.0 + ANIMATION_MS));
    assert_eq!(end.window.viewport, target);
    assert!(end.window.animation.is_none());
    assert!(
        reduce(&end, Action::Frame(2_000.0)).is_none(),
        "no animation, no change"
    );
}

// --- the selection ----------------------------------------------------------------------------

#[test]
fn select_brings_an_event_out_of_view_into_view() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(3_000.0, 4_000.0)),
    );
    let i = event(&s, ABE_NAC);
    let t = after(&s, Action::Select(Some(i)));
    assert_eq!(t.selected, Some(i));
    let day = t.chronology.data.events[i].first_day() as f64;
    assert!(t.window.target().contains(day));
}

#[test]
fn select_refuses_what_is_filtered_out_or_missing() {
    let s = after(&state(), Action::OnlyFacet(Facet::Domain, "piracy".into()));
    let i = event(&s, ABE_NAC);
    assert_eq!(after(&s, Action::Select(Some(i))).selected, None);
    assert_eq!(after(&s, Action::Select(Some(10_000))).selected, None);
    let j = event(&s, "2016-operation-ocean-shield-ends");
    assert_eq!(after(&s, Action::Select(Some(j))).selected, Some(j));
    assert_eq!(after(&s, Action::Select(None)).selected, None);
}

#[test]
fn step_walks_the_filtered_events_in_time_order() {
    let s = after(&state(), Action::OnlyFacet(Facet::Domain, "piracy".into()));
    let first = after(&s, Action::SelectFirst).selected.unwrap();
    let second = after_all(&s, [Action::SelectFirst, Action::Step(1)])
        .selected
        .unwrap();
    assert!(second > first);
    assert!(
        (first + 1..second).all(|i| !s.passes(i)),
        "no piracy event between"
    );
    let back = after_all(&s, [Action::SelectFirst, Action::Step(1), Action::Step(-1)]);
    assert_eq!(back.selected, Some(first));
    // Before the first there is nothing: nothing changes.
    let at_first = after(&s, Action::SelectFirst);
    assert!(reduce(&at_first, Action::Step(-1)).is_none());
}

#[test]
fn select_first_and_last_take_the_ends_of_the_filtered_chronology() {
    let s = state();
    assert_eq!(after(&s, Action::SelectFirst).selected, Some(0));
    assert_eq!(after(&s, Action::SelectLast).selected, Some(s.len() - 1));
    let none = after(&s, Action::SetSearch("zzzz no such thing".into()));
    assert!(reduce(&none, Action::SelectFirst).is_none());
    assert!(reduce(&none, Action::SelectLast).is_none());
}

// --- the filter -------------------------------------------------------------------------------

#[test]
fn toggle_facet_turns_a_value_on_and_off() {
    let s = state();
    let on = after(&s, Action::ToggleFacet(Facet::Domain, "afghanistan".into()));
    assert_eq!(on.filtering.match_count, domain(&s, "afghanistan"));
    assert!(on.filtering.filter.domains.contains("afghanistan"));
    let off = after(
        &on,
        Action::ToggleFacet(Facet::Domain, "afghanistan".into()),
    );
    assert_eq!(off.filtering.match_count, s.len());
}

#[test]
fn values_of_one_facet_add_up() {
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "afghanistan".into()),
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
        ],
    );
    let either = s
        .chronology
        .data
        .events
        .iter()
        .filter(|e| {
            e.domains
                .iter()
                .any(|d| d == "afghanistan" || d == "piracy")
        })
        .count();
    assert_eq!(s.filtering.match_count, either);
}

#[test]
fn only_facet_keeps_just_that_value() {
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "afghanistan".into()),
            Action::OnlyFacet(Facet::Domain, "piracy".into()),
        ],
    );
    assert_eq!(s.filtering.filter.domains.len(), 1);
    assert_eq!(s.filtering.match_count, domain(&s, "piracy"));
}

#[test]
fn clear_facet_empties_one_facet_only() {
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::ToggleFacet(Facet::ThirdParty, "china".into()),
            Action::ClearFacet(Facet::Domain),
        ],
    );
    assert!(s.filtering.filter.domains.is_empty());
    assert!(s.filtering.filter.third_parties.contains("china"));
}

#[test]
fn clear_filters_shows_everything_again() {
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::SetSearch("abe".into()),
            Action::ClearFilters,
        ],
    );
    assert!(s.filtering.filter.is_empty());
    assert_eq!(s.filtering.match_count, s.len());
}

#[test]
fn a_filter_that_hides_the_selection_deselects_it() {
    let s = state();
    let i = event(&s, ABE_NAC);
    let t = after_all(
        &s,
        [
            Action::Select(Some(i)),
            Action::OnlyFacet(Facet::Domain, "piracy".into()),
        ],
    );
    assert_eq!(t.selected, None);
}

#[test]
fn search_matches_regardless_of_case_and_accents() {
    let s = after(&state(), Action::SetSearch("WORNER".into()));
    assert!(s.filtering.match_count >= 1);
    assert!(s.filtering.match_count < s.len());
    assert_eq!(
        s.filtering.haystacks.len(),
        s.len(),
        "search texts folded on the first search"
    );
    assert!(state().filtering.haystacks.is_empty(), "and not before");
}

#[test]
fn next_match_walks_the_matches_and_wraps() {
    let s = after(&state(), Action::SetSearch("abe".into()));
    let first = after(&s, Action::NextMatch(1)).selected.unwrap();
    assert!(s.passes(first));
    let last = after(&s, Action::NextMatch(-1)).selected.unwrap();
    assert!(last > first);
    let wrapped = after_all(&s, [Action::NextMatch(-1), Action::NextMatch(1)]);
    assert_eq!(
        wrapped.selected,
        Some(first),
        "after the last comes the first"
    );
    assert!(
        reduce(&state(), Action::NextMatch(1)).is_none(),
        "no search, nothing to do"
    );
}

#[test]
fn set_dim_keeps_filtered_out_events_as_context() {
    let s = after(&state(), Action::SetDim(true));
    assert!(s.filtering.dim);
    assert!(s.view_state().dim);
}

#[test]
fn the_histogram_follows_the_filter() {
    let s = state();
    let all: usize = s.filtering.histogram.counts.iter().flatten().sum();
    let piracy = after(&s, Action::OnlyFacet(Facet::Domain, "piracy".into()));
    let some: usize = piracy.filtering.histogram.counts.iter().flatten().sum();
    assert!(some < all, "{some} < {all}");
}

// --- chrome -----------------------------------------------------------------------------------

#[test]
fn notify_adds_a_notice_once() {
    let n = Notice::Message("Link copied.".into());
    let s = after_all(
        &state(),
        [
            Action::Notify(n.clone()),
            Action::Notify(Notice::Message("Other.".into())),
            Action::Notify(n.clone()),
        ],
    );
    assert_eq!(s.chrome.notices.len(), 2);
    assert_eq!(
        s.chrome.notices.last(),
        Some(&n),
        "the repeated one moves to the end"
    );
}

#[test]
fn dismiss_notice_removes_that_one() {
    let s = after_all(
        &state(),
        [
            Action::Notify(Notice::Message("a".into())),
            Action::Notify(Notice::Message("b".into())),
            Action::DismissNotice(0),
        ],
    );
    assert_eq!(s.chrome.notices, vec![Notice::Message("b".into())]);
    assert!(reduce(&s, Action::DismissNotice(5)).is_none());
}

#[test]
fn toggle_theme_switches_from_what_shows() {
    let s = state();
    assert_eq!(after(&s, Action::ToggleTheme).chrome.theme, Theme::Dark);
    let mut dark_system = s.clone();
    dark_system.chrome.system_dark = true;
    assert!(dark_system.dark());
    assert_eq!(
        after(&dark_system, Action::ToggleTheme).chrome.theme,
        Theme::Light
    );
}

#[test]
fn toggle_filters_opens_and_closes_the_drawer() {
    let s = after(&state(), Action::ToggleFilters);
    assert!(s.chrome.filters_open);
    assert!(!after(&s, Action::ToggleFilters).chrome.filters_open);
}

#[test]
fn dialogs_open_and_close_and_closing_drops_the_report() {
    let s = after(&state(), Action::OpenDialog(DialogKind::Help));
    assert_eq!(s.chrome.dialog, Some(DialogKind::Help));
    let closed = after(&s, Action::CloseDialog);
    assert_eq!(closed.chrome.dialog, None);
    assert!(reduce(&closed, Action::CloseDialog).is_none());
    let failed = after(&state(), Action::ImportFailed(failure_report()));
    assert!(after(&failed, Action::CloseDialog).chrome.report.is_none());
}

#[test]
fn dragging_shows_the_drop_overlay_once() {
    let s = after(&state(), Action::Dragging(true));
    assert!(s.chrome.dragging);
    assert!(reduce(&s, Action::Dragging(true)).is_none());
    assert!(!after(&s, Action::Dragging(false)).chrome.dragging);
}

#[test]
fn loading_shows_progress_and_its_end_releases_the_link() {
    let mut s = state();
    s.chrome.pending = PendingLink {
        data: Some("x.csv".into()),
        view: Some(ViewState::default()),
    };
    let progress = Progress {
        what: "Loading x.csv…".into(),
        loaded: 10.0,
        total: Some(100.0),
    };
    let l = after(&s, Action::Loading(Some(progress.clone())));
    assert_eq!(l.chrome.loading, Some(progress));
    assert!(
        l.chrome.pending.view.is_some(),
        "the link keeps its view while loading"
    );
    let done = after(&l, Action::Loading(None));
    assert_eq!(done.chrome.loading, None);
    assert_eq!(done.chrome.pending.view, None);
    assert_eq!(done.chrome.pending.data.as_deref(), Some("x.csv"));
}

// --- chronologies -----------------------------------------------------------------------------

fn failure_report() -> Report {
    Report::Failed {
        name: "bad.csv".into(),
        failure: Shared::new(ImportFailure {
            format: Some(Format::Csv),
            problems: vec![ImportProblem::new("row 2", "no title")],
            records: 3,
            bad_records: 1,
            can_skip: true,
        }),
        bytes: Shared::new(b"id,title".to_vec()),
    }
}

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

fn imported(view: Option<ViewState>, skipped: Vec<ImportProblem>) -> Action {
    Action::Imported {
        prepared: Box::new(small(5)),
        origin: Origin::File {
            name: "small.csv".into(),
            format: Format::Csv,
        },
        format: Format::Csv,
        skipped,
        view,
        quiet: false,
    }
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
    assert!(
        texts.iter().any(|t| t.contains("is hidden by its filters")),
        "{texts:?}"
    );
}

#[test]
fn every_action_is_tested() {
    // One of each: the match has no wildcard, so a new action fails to compile here until it
    // is added (and tested above).
    let name = |a: &Action| match a {
        Action::Resize(_) => "Resize",
        Action::ZoomAbout { .. } => "ZoomAbout",
        Action::Zoom(_) => "Zoom",
        Action::PanFraction(_) => "PanFraction",
        Action::SetViewport(_) => "SetViewport",
        Action::FitAll => "FitAll",
        Action::CenterOn(_) => "CenterOn",
        Action::FitRange(..) => "FitRange",
        Action::Select(_) => "Select",
        Action::Step(_) => "Step",
        Action::SelectFirst => "SelectFirst",
        Action::SelectLast => "SelectLast",
        Action::ToggleFacet(..) => "ToggleFacet",
        Action::OnlyFacet(..) => "OnlyFacet",
        Action::ClearFacet(_) => "ClearFacet",
        Action::ClearFilters => "ClearFilters",
        Action::SetSearch(_) => "SetSearch",
        Action::NextMatch(_) => "NextMatch",
        Action::SetDim(_) => "SetDim",
        Action::DismissNotice(_) => "DismissNotice",
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
    };
    let source = include_str!("reduce.rs");
    let mut missing = Vec::new();
    for a in [
        Action::Resize(1.0),
        Action::ZoomAbout {
            factor: 1.0,
            at: 0.0,
            animate: false,
        },
        Action::Zoom(1.0),
        Action::PanFraction(0.0),
        Action::SetViewport(Viewport::new(0.0, 1.0)),
        Action::FitAll,
        Action::CenterOn(0.0),
        Action::FitRange(0.0, 1.0),
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
    ] {
        let n = name(&a);
        // Used in a test of its own, beyond this list and the match above.
        if source.matches(&format!("Action::{n}")).count() < 3 {
            missing.push(n);
        }
    }
    assert!(missing.is_empty(), "actions without a test: {missing:?}");
}
