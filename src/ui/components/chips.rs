//! The active filters as chips above the timeline: each says what it keeps and removes itself.

use crate::core::dataset::Chronology;
use crate::core::query::{Facet, Filter};
use crate::store::{Action, Shared};
use yew::prelude::*;

/// How many characters of the search its chip shows (a longer one is cut with "…").
const SEARCH_SHOWN: usize = 40;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub filter: Filter,
    pub dispatch: Callback<Action>,
}

#[function_component(FilterChips)]
pub fn filter_chips(props: &Props) -> Html {
    let filter = &props.filter;
    if filter.is_empty() {
        return html! {};
    }
    let dispatch = &props.dispatch;
    let facets = Facet::ALL.into_iter().flat_map(|facet| {
        let options = facet.options(&props.data);
        filter
            .selected(facet)
            .iter()
            .map(move |id| {
                let label = options
                    .iter()
                    .find(|(o, _)| o == id)
                    .map_or(id.clone(), |(_, l)| l.clone());
                let id = id.clone();
                // Keyed: removing a chip removes its own element, not the last one's (the
                // focus on another chip would stay on a button that now names the one before).
                let key = format!("{}={id}", facet.key());
                html! {
                    <li {key}>
                        <button type="button" class="chip"
                                title={format!("{}: {label} (remove)", facet.label())}
                                onclick={dispatch.reform(move |_| Action::ToggleFacet(facet, id.clone()))}>
                            <span class="visually-hidden">{ "Remove the filter " }</span>
                            <span class="chip-facet">{ facet.label() }</span>
                            <bdi>{ label }</bdi>
                            <span aria-hidden="true">{ " ×" }</span>
                        </button>
                    </li>
                }
            })
            .collect::<Vec<_>>()
    });
    let text = filter.text.trim();
    html! {
        <nav class="chips" aria-label="Active filters" data-focus-next="timeline-drawing">
            <ul>
                { for facets }
                if !text.is_empty() {
                    <li>
                        // A query pasted from a paragraph made a chip as tall as the screen: cut,
                        // and on one line (the narrow screen's cut with "…" by the style sheet),
                        // whole in its tooltip.
                        <button type="button" class="chip search-chip" title={(text.chars().count() > SEARCH_SHOWN).then(|| text.to_string())}
                                onclick={dispatch.reform(|_| Action::SetSearch(String::new()))}>
                            <span class="visually-hidden">{ "Remove the " }</span>
                            <span class="chip-facet">{ "Search" }</span>
                            <bdi>{ format!("“{}”", crate::core::text::shown(text, SEARCH_SHOWN)) }</bdi>
                            <span aria-hidden="true">{ " ×" }</span>
                        </button>
                    </li>
                }
                <li>
                    <button type="button" class="link-button" onclick={dispatch.reform(|_| Action::ClearFilters)}>
                        { "Clear all" }
                    </button>
                </li>
            </ul>
        </nav>
    }
}
