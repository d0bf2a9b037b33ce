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

#[test]
fn select_first_and_last_take_the_ends_of_the_filtered_chronology() {
    let s = state();
    assert_eq!(after(&s, Action::SelectFirst).selected, Some(0));
    assert_eq!(after(&s, Action::SelectLast).selected, Some(s.len() - 1));
    let none = after(&s, Action::SetSearch("zzzz no such thing".into()));
    assert!(reduce(&none, Action::SelectFirst).is_none());
    assert!(reduce(&none, Action::SelectLast).is_none());
}
