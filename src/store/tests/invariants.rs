//! Properties that hold after any sequence of actions.

use super::*;
use crate::core::query::{self, Facet};
use crate::core::url_state::{self, ViewState};
use crate::core::viewport::Viewport;
use proptest::prelude::*;

const DOMAINS: [&str; 5] = ["afghanistan", "piracy", "cyber", "balkans", "exercises"];
const PARTIES: [&str; 3] = ["china", "united-states", "russia"];
const WORDS: [&str; 6] = ["", "abe", "nato", "worner", "exercise", "zz"];

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0usize..DOMAINS.len()).prop_map(|i| Action::ToggleFacet(Facet::Domain, DOMAINS[i].into())),
        (0usize..PARTIES.len())
            .prop_map(|i| Action::ToggleFacet(Facet::ThirdParty, PARTIES[i].into())),
        (0usize..DOMAINS.len()).prop_map(|i| Action::OnlyFacet(Facet::Domain, DOMAINS[i].into())),
        Just(Action::ClearFilters),
        Just(Action::ClearFacet(Facet::Domain)),
        (0usize..WORDS.len()).prop_map(|i| Action::SetSearch(WORDS[i].into())),
        proptest::option::of(0usize..130).prop_map(Action::Select),
        (-2i32..3).prop_map(Action::Step),
        (-1i32..2).prop_map(Action::NextMatch),
        Just(Action::SelectFirst),
        Just(Action::SelectLast),
        any::<bool>().prop_map(Action::SetDim),
        (0.01f64..100.0, -1.0f64..2.0, any::<bool>()).prop_map(|(factor, at, animate)| {
            Action::ZoomAbout {
                factor,
                at,
                animate,
            }
        }),
        (0.1f64..10.0).prop_map(Action::Zoom),
        (-3.0f64..3.0).prop_map(Action::PanFraction),
        (-1e7f64..1e7, 0.0f64..1e7).prop_map(|(s, w)| Action::SetViewport(Viewport::new(s, s + w))),
        (-1e6f64..1e6).prop_map(Action::CenterOn),
        (0.0f64..20_000.0, 0.0f64..5_000.0).prop_map(|(a, w)| Action::FitRange(a, a + w)),
        Just(Action::FitAll),
        (0.0f64..10_000.0).prop_map(Action::Frame),
        (1.0f64..3_000.0).prop_map(Action::Resize),
        (0usize..2).prop_map(Action::StartStory),
        (0usize..12).prop_map(Action::GoToScene),
        Just(Action::NextScene),
        Just(Action::PreviousScene),
        Just(Action::LeaveStory),
    ]
}

fn within_limits(s: &State) -> bool {
    let l = s.chronology.limits;
    let ok = |v: Viewport| {
        v.start.is_finite()
            && v.end.is_finite()
            && v.span() >= l.min_span - 1e-6
            && v.span() <= l.max_span + 1e-6
            && v.start >= l.outer_start - 1e-6
            && v.end <= l.outer_end + 1e-6
    };
    ok(s.window.viewport) && ok(s.window.target())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_state_stays_consistent(actions in proptest::collection::vec(action(), 1..25)) {
        let mut s = state();
        for a in actions {
            s = after(&s, a);
            // The matches are always the query of the filter.
            let haystacks = query::search_haystacks(&s.chronology.data);
            let expected = query::matching(&s.chronology.data, &haystacks, &s.filtering.filter);
            prop_assert_eq!(&*s.filtering.matches, &expected);
            prop_assert_eq!(s.filtering.match_count, expected.iter().filter(|m| **m).count());
            // The selection is always an event that passes the filter (shown, not dimmed away).
            if let Some(i) = s.selected {
                prop_assert!(i < s.len() && s.passes(i), "selected {} does not pass", i);
            }
            // The window stays within its limits.
            prop_assert!(within_limits(&s), "{:?}", s.window);
        }
    }

    #[test]
    fn back_and_forward_restore_the_view(actions in proptest::collection::vec(action(), 1..15)) {
        let s = after_all(&state(), actions);
        // Settle any animation, as the history entry is written once the motion pauses.
        let s = after(&after(&s, Action::Frame(0.0)), Action::Frame(1e9));
        let query = url_state::to_query(&s.view_state());
        let (view, notices) = url_state::parse(&query);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        // Another state (elsewhere in history) goes Back to this entry.
        let other = after_all(&state(), [Action::OnlyFacet(Facet::Domain, "cyber".into()), Action::Zoom(4.0)]);
        let back = after(&other, Action::ApplyView(view.clone()));
        let again: ViewState = back.view_state();
        prop_assert_eq!(&again.filter, &s.view_state().filter);
        prop_assert_eq!(again.dim, s.view_state().dim);
        prop_assert_eq!(&again.story, &s.view_state().story);
        prop_assert_eq!(&again.scene, &s.view_state().scene);
        prop_assert_eq!(&again.selected, &s.view_state().selected);
        prop_assert_eq!(url_state::to_query(&again), query);
    }
}
