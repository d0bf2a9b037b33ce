//! The store, tested natively: every action's effect on the state, the start-up table, and
//! invariants that hold after any sequence of actions.

mod boot;
mod invariants;
mod reduce;

use super::*;
use crate::core::text::Estimate;

/// The built-in chronology, shown afresh (label widths estimated).
fn builtin() -> Prepared {
    Prepared::builtin(&Estimate)
}

fn state() -> State {
    State::new(builtin(), Origin::Builtin, Environment::default())
}

/// The state after `action` (the same state when it changes nothing).
fn after(s: &State, action: Action) -> State {
    reduce(s, action).unwrap_or_else(|| s.clone())
}

/// The state after each action in turn.
fn after_all(s: &State, actions: impl IntoIterator<Item = Action>) -> State {
    actions.into_iter().fold(s.clone(), |s, a| after(&s, a))
}

/// The index of the event with this id in the built-in chronology.
fn event(s: &State, id: &str) -> usize {
    s.chronology
        .position(id)
        .unwrap_or_else(|| panic!("no event {id}"))
}

/// A small chronology of `n` events, one a year from 2000, as a CSV import would give.
fn small(n: usize) -> Prepared {
    let mut data = crate::core::dataset::empty_chronology();
    data.title = "Small".into();
    for i in 0..n {
        data.events.push(crate::core::dataset::Event {
            id: format!("e{i}"),
            start: crate::core::date::PartialDate::year(2000 + i as i32).unwrap(),
            end: None,
            open: None,
            title: format!("Event {i}"),
            summary: String::new(),
            phase: String::new(),
            domains: vec![],
            third_parties: vec![],
            actors: vec![],
            footnotes: vec![],
            evidence: String::new(),
            note: None,
        });
    }
    Prepared::new(data, &Estimate)
}
