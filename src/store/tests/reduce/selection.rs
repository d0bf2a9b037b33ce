//! Actions on the selection.

use super::*;
use crate::core::query::Facet;
use crate::core::viewport::Viewport;

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

/// With nothing selected, `]` and `[` start from the window one is looking at, not from the
/// chronology's first event (2008–2010: `]` took the reader to 1979).
#[test]
fn step_with_nothing_selected_starts_from_the_window() {
    use crate::core::date::days_from_civil;
    let s = state();
    let at = |y: i32| days_from_civil(y, 1, 1) as f64;
    let window = after(
        &s,
        Action::SetViewport(Viewport {
            start: at(2008),
            end: at(2010),
        }),
    );
    let start_of = |st: &State, i: usize| st.chronology.data.events[i].start.stated_days().0 as f64;
    let next = after(&window, Action::Step(1)).selected.unwrap();
    assert!(start_of(&window, next) >= at(2008), "{next}");
    assert!(
        (0..next).all(|i| start_of(&window, i) < at(2008)),
        "the first event of 2008 or after"
    );
    let previous = after(&window, Action::Step(-1)).selected.unwrap();
    assert!(start_of(&window, previous) < at(2010), "{previous}");
    assert!(
        (previous + 1..window.len()).all(|i| start_of(&window, i) >= at(2010)),
        "the last event before 2010"
    );
    // The window shows them: it does not move.
    assert_eq!(
        after(&window, Action::Step(1)).window.target(),
        window.window.target()
    );
    // Filtered, the first matching event of the window or after it.
    let piracy = after(&window, Action::OnlyFacet(Facet::Domain, "piracy".into()));
    let piracy = after(
        &piracy,
        Action::SetViewport(Viewport {
            start: at(2008),
            end: at(2010),
        }),
    );
    let next = after(&piracy, Action::Step(1)).selected.unwrap();
    assert!(piracy.passes(next) && start_of(&piracy, next) >= at(2008));
    assert!((0..next).all(|i| !piracy.passes(i) || start_of(&piracy, i) < at(2008)));
    // Past the last event's start, `]` takes the last.
    let late = after(
        &s,
        Action::SetViewport(Viewport {
            start: at(2030),
            end: at(2032),
        }),
    );
    let last = after(&s, Action::SelectLast).selected;
    assert_eq!(after(&late, Action::Step(1)).selected, last);
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
