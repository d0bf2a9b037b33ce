//! Actions on the filter.

use super::*;
use crate::core::query::Facet;

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
        s.filtering.search.len(),
        s.len(),
        "search texts folded on the first search"
    );
    assert!(state().filtering.search.is_empty(), "and not before");
}

#[test]
fn the_search_text_is_folded_a_chunk_at_a_time_and_a_search_finishes_it() {
    use crate::core::query::SEARCH_CHUNK;
    let s = State::new(
        Prepared::synthetic(SEARCH_CHUNK + 10, &Estimate),
        Origin::Synthetic(SEARCH_CHUNK + 10),
        Environment::default(),
    );
    let one = after(&s, Action::IndexSearch);
    assert_eq!(one.filtering.search.len(), SEARCH_CHUNK);
    assert_eq!(one.filtering.match_count, one.len(), "nothing else changes");
    let all = after(&one, Action::IndexSearch);
    assert_eq!(all.filtering.search.len(), all.len());
    assert!(
        reduce(&all, Action::IndexSearch).is_none(),
        "once every text is in, it changes nothing"
    );
    // A search that comes before the texts are all in folds the rest, and finds the same.
    let early = after(&one, Action::SetSearch("synthetic 20005".into()));
    let late = after(&all, Action::SetSearch("synthetic 20005".into()));
    assert_eq!(early.filtering.search.len(), early.len());
    assert!(*early.filtering.matches == *late.filtering.matches);
    assert!(early.filtering.match_count >= 1);
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

#[test]
fn the_filters_are_said_in_words() {
    assert_eq!(state().shown_in_words(), "");
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::ToggleFacet(Facet::ThirdParty, "china".into()),
            Action::SetSearch(" abe ".into()),
        ],
    );
    assert_eq!(
        s.shown_in_words(),
        "Domain: Piracy · Third party: China · Search: “abe”"
    );
    // A query pasted from a paragraph is cut, as the "no match" message cuts it.
    let long = after(&state(), Action::SetSearch("japan nato ".repeat(300)));
    let said = long.shown_in_words();
    assert!(said.starts_with("Search: “japan nato japan"), "{said}");
    assert!(said.ends_with("…”") && said.chars().count() < 120, "{said}");
    let story = after(&state(), Action::StartStory(0));
    assert!(
        story.shown_in_words().contains("Scene 1 of"),
        "{}",
        story.shown_in_words()
    );
}

/// With nothing matching, the page says what leaves nothing: the search, the filters, or the
/// search among the filtered events (a search that found nothing was worded as the filters').
#[test]
fn nothing_matching_says_whether_the_search_or_the_filters_leave_nothing() {
    let searched = after(&state(), Action::SetSearch("zzzqqq".into()));
    assert_eq!(searched.filtering.match_count, 0);
    assert_eq!(
        searched.nothing_matches(),
        "No event matches the search “zzzqqq”."
    );
    let both = after(&searched, Action::OnlyFacet(Facet::Domain, "piracy".into()));
    assert_eq!(
        both.nothing_matches(),
        "No event matches the search “zzzqqq” among the filtered events."
    );
    // Piracy in the 1980s' phase: nothing, and no search.
    let cleared = after(&both, Action::SetSearch(String::new()));
    let phase = cleared.chronology.data.phases[0].id.clone();
    let none = after(&cleared, Action::OnlyFacet(Facet::Phase, phase));
    assert_eq!(none.filtering.match_count, 0);
    assert_eq!(none.nothing_matches(), "No event matches the filters.");
    // A chronology of no events (`?synthetic=0`, an empty file's): no filter is to blame.
    let data = crate::core::synthetic::generate(0, 7);
    let empty = state().with_chronology(Prepared::new(data, &Estimate), Origin::Synthetic(0));
    assert_eq!(empty.filtering.match_count, 0);
    assert_eq!(empty.nothing_matches(), "This chronology has no events.");
}
