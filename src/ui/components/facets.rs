//! The facet panel: phase, domain and third party, each value with its count given the other
//! facets' selections; "only" and "clear" actions; the result count; dim or hide.

use super::rows;
use crate::core::dataset::Chronology;
use crate::core::keys::{command, Command, Scope};
use crate::core::query::{Facet, FacetCount, Filter};
use crate::store::{Action, Shared};
use crate::ui::adapters::exports::Export;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    /// Each facet's values with their counts (worked out in the store).
    pub counts: Shared<Vec<Vec<FacetCount>>>,
    /// Whether each event passes the filters (computed once, in the store).
    pub matches: Shared<Vec<bool>>,
    pub filter: Filter,
    pub match_count: usize,
    pub dim: bool,
    /// The dark theme shows (the swatches take its colours).
    pub dark: bool,
    pub dispatch: Callback<Action>,
    /// Saves (or copies) what is shown in one of the export formats.
    pub on_export: Callback<Export>,
}

/// Whether a value's checkbox (or, `only`, its *only* button) can take the focus.
fn usable(c: &FacetCount, only: bool) -> bool {
    if only {
        c.count > 0
    } else {
        c.count > 0 || c.selected
    }
}

/// The control that holds a filter's one Tab stop: the checkbox or *only* button last focused
/// in it (by value id), else its first value ticked, else its first that can be.
fn tab_stop(counts: &[FacetCount], last: Option<&(String, bool)>) -> Option<(usize, bool)> {
    let remembered = last.and_then(|(id, only)| {
        counts
            .iter()
            .position(|c| &c.id == id && usable(c, *only))
            .map(|p| (p, *only))
    });
    remembered
        .or_else(|| counts.iter().position(|c| c.selected).map(|p| (p, false)))
        .or_else(|| {
            counts
                .iter()
                .position(|c| usable(c, false))
                .map(|p| (p, false))
        })
}

/// In a value's row, its checkbox or (`only`) its *only* button, if it can be focused.
fn control_in(row: &web_sys::Element, only: bool) -> Option<web_sys::HtmlElement> {
    let selector = if only {
        "button.only:not(:disabled)"
    } else {
        "input:not(:disabled)"
    };
    rows::control(row, selector)
}

/// The arrow keys, Home and End in a filter's values (see [`Scope::Filter`]): up and down in
/// the same column (or the row's other control where that one cannot be focused), right to a
/// value's *only*, left back to its checkbox.
fn on_values_key(e: KeyboardEvent) {
    let Some((target, li)) = rows::row_of(&e) else {
        return;
    };
    let only = target.matches(".only").unwrap_or(false);
    let command = command(Scope::Filter, &e.key(), e.shift_key());
    let to = match command {
        Some(Command::FocusOnly) => Some(control_in(&li, true)),
        Some(Command::FocusValue) => Some(control_in(&li, false)),
        _ => rows::step(&li, command, |row| {
            control_in(row, only).or_else(|| control_in(row, !only))
        }),
    };
    if let Some(to) = to {
        e.prevent_default();
        if let Some(control) = to {
            let _ = control.focus();
        }
    }
}

/// Once the page has drawn the new filters: if the focus fell to the page (its control was
/// disabled), it goes to `group`'s Tab stop.
fn keep_focus_in(group: web_sys::Element) {
    gloo::timers::callback::Timeout::new(0, move || {
        let document = web_sys::window().and_then(|w| w.document());
        let lost = document
            .as_ref()
            .and_then(|d| d.active_element())
            .is_none_or(|a| a.tag_name() == "BODY");
        if !lost {
            return;
        }
        let stop = group
            .query_selector("ul [tabindex=\"0\"]:not(:disabled)")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
        if let Some(stop) = stop {
            let _ = stop.focus();
        }
    })
    .forget();
}

#[function_component(Facets)]
pub fn facets(props: &Props) -> Html {
    let dispatch = &props.dispatch;
    let total = props.data.events.len();
    // Each filter's values are one Tab stop (its checkbox and *only* button a value were two,
    // 84 presses for the brief's filters); the arrow keys move through them.
    let last_focused = use_state(Vec::<(Facet, String, bool)>::new);
    let groups = Facet::ALL.into_iter().zip(props.counts.iter()).map(|(facet, counts)| {
        if counts.is_empty() {
            return html! {};
        }
        let any_selected = counts.iter().any(|c| c.selected);
        let last = last_focused
            .iter()
            .find(|(f, _, _)| *f == facet)
            .map(|(_, id, only)| (id.clone(), *only));
        let stop = tab_stop(counts, last.as_ref());
        let on_focus = {
            let last_focused = last_focused.clone();
            Callback::from(move |e: FocusEvent| {
                let Some(target) = e.target_dyn_into::<web_sys::Element>() else {
                    return;
                };
                let only = target.matches(".only").unwrap_or(false);
                let Some(id) = target
                    .closest("li[data-value]")
                    .ok()
                    .flatten()
                    .and_then(|li| li.get_attribute("data-value"))
                else {
                    return;
                };
                if !last_focused.contains(&(facet, id.clone(), only)) {
                    let mut next: Vec<_> = last_focused.iter().filter(|(f, _, _)| *f != facet).cloned().collect();
                    next.push((facet, id, only));
                    last_focused.set(next);
                }
            })
        };
        let values = counts.iter().enumerate().map(|(position, c)| {
            let tabindex = |only: bool| if stop == Some((position, only)) { "0" } else { "-1" };
            let id = c.id.clone();
            let toggle = {
                let (dispatch, id) = (dispatch.clone(), id.clone());
                Callback::from(move |e: Event| {
                    let group = e
                        .target_dyn_into::<web_sys::Element>()
                        .and_then(|t| t.closest(".facet").ok().flatten());
                    dispatch.emit(Action::ToggleFacet(facet, id.clone()));
                    // A value ticked off may leave the one focused with nothing to show, and
                    // disabled: the focus goes to the filter's Tab stop, not to the page.
                    if let Some(group) = group {
                        keep_focus_in(group);
                    }
                })
            };
            let only = dispatch.reform({
                let id = id.clone();
                move |_: MouseEvent| Action::OnlyFacet(facet, id.clone())
            });
            // By position: imported ids may hold characters an element id should not.
            let input_id = format!("facet-{}-{position}", facet.key());
            let count_id = format!("{input_id}-count");
            let disabled = c.count == 0 && !c.selected;
            html! {
                <li key={c.id.clone()} data-value={c.id.clone()} class={classes!(disabled.then_some("empty"), c.selected.then_some("selected"))}>
                    <input type="checkbox" id={input_id.clone()} checked={c.selected} {disabled}
                           tabindex={tabindex(false)} onchange={toggle}
                           aria-describedby={if stop == Some((position, false)) { format!("{count_id} filter-keys") } else { count_id.clone() }} />
                    <label for={input_id}>
                        if facet == Facet::Domain {
                            { super::swatch::swatch(position, props.dark) }
                        }
                        { &c.label }
                    </label>
                    <span class="count" id={count_id}>{ crate::core::text::thousands(c.count) }<span class="visually-hidden">{ if c.count == 1 { " event" } else { " events" } }</span></span>
                    <button type="button" class="only" aria-label={format!("Only {}", c.label)}
                            title={format!("Show only {}", c.label)} disabled={c.count == 0} tabindex={tabindex(true)}
                            aria-describedby={(stop == Some((position, true))).then_some("filter-keys")}
                            onclick={only}>{ "only" }</button>
                </li>
            }
        });
        let heading_id = format!("facet-{}-heading", facet.key());
        html! {
            <div class="facet" role="group" aria-labelledby={heading_id.clone()}>
                <div class="facet-head">
                    <h3 id={heading_id}>{ facet.label() }</h3>
                    <button type="button" class="clear-facet" disabled={!any_selected}
                            aria-label={format!("Clear {}", facet.label().to_lowercase())}
                            onclick={dispatch.reform(move |_| Action::ClearFacet(facet))}>{ "clear" }</button>
                </div>
                <ul onkeydown={Callback::from(on_values_key)} onfocusin={on_focus}>{ for values }</ul>
            </div>
        }
    });
    let on_dim = dispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetDim(input.checked())
    });
    html! {
        <section class="facets" aria-labelledby="facets-heading">
            <h2 id="facets-heading">{ "Filters" }</h2>
            <p id="filter-keys" class="visually-hidden">
                { "Up and down arrows move between the values, Home and End to the first and last; Space ticks one; right arrow goes to its only button, left arrow back." }
            </p>
            <p class="result-count" role="status" aria-live="polite">
                { format!("Showing {} of {}", crate::core::text::thousands(props.match_count), crate::core::text::plural(total, "event", "events")) }
            </p>
            <div class="facet-actions">
                <button type="button" disabled={props.filter.is_empty()}
                        onclick={dispatch.reform(|_| Action::ClearFilters)}>{ "Clear all filters" }</button>
                <label class="dim-toggle">
                    <input type="checkbox" checked={props.dim} onchange={on_dim} />
                    { "Dim filtered-out events instead of hiding them" }
                </label>
            </div>
            <super::exports::ExportTools match_count={props.match_count} dim={props.dim} whose="shown"
                                         on_export={props.on_export.clone()} />
            { for groups }
        </section>
    }
}
