//! What each action does to the state, by the part of the state it acts on.

mod chrome;
mod chronologies;
mod filter;
mod lanes;
mod selection;
mod story;
mod window;

use super::*;
use crate::core::import::{Format, ImportFailure, ImportProblem};
use crate::core::url_state::ViewState;

pub(super) const ABE_NAC: &str = "2007-01-12-abe-visits-nato-hq";

pub(super) fn domain(s: &State, id: &str) -> usize {
    s.chronology
        .data
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|d| d == id))
        .count()
}

pub(super) fn failure_report() -> Report {
    Report::Failed {
        name: "bad.csv".into(),
        failure: Shared::new(ImportFailure {
            format: Some(Format::Csv),
            problems: vec![ImportProblem::new("row 2", "no title")],
            problem_count: 1,
            file_problems: 0,
            records: 3,
            bad_records: 1,
            good_events: 2,
            good_eras: 0,
            can_skip: true,
        }),
        bytes: Shared::new(b"id,title".to_vec()),
        link: None,
    }
}

pub(super) fn imported(view: Option<ViewState>, skipped: Vec<ImportProblem>) -> Action {
    Action::Imported {
        prepared: Box::new(small(5)),
        origin: Origin::File {
            name: "small.csv".into(),
            format: Format::Csv,
        },
        format: Format::Csv,
        skipped_records: skipped.len(),
        eras: 0,
        skipped,
        changed: vec![],
        view,
        view_notices: vec![],
        quiet: false,
    }
}
