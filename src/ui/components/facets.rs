//! The facet panel: phase, domain and third party, each value with its count given the other
//! facets' selections; "only" and "clear" actions; the result count; dim or hide.

use crate::core::dataset::Chronology;
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

#[function_component(Facets)]
pub fn facets(props: &Props) -> Html {
    let dispatch = &props.dispatch;
    let total = props.data.events.len();
    let groups = Facet::ALL.into_iter().zip(props.counts.iter()).map(|(facet, counts)| {
        if counts.is_empty() {
            return html! {};
        }
        let any_selected = counts.iter().any(|c| c.selected);
        let values = counts.iter().enumerate().map(|(position, c)| {
            let id = c.id.clone();
            let toggle = dispatch.reform({
                let id = id.clone();
                move |_: Event| Action::ToggleFacet(facet, id.clone())
            });
            let only = dispatch.reform({
                let id = id.clone();
                move |_: MouseEvent| Action::OnlyFacet(facet, id.clone())
            });
            // By position: imported ids may hold characters an element id should not.
            let input_id = format!("facet-{}-{position}", facet.key());
            let count_id = format!("{input_id}-count");
            let disabled = c.count == 0 && !c.selected;
            html! {
                <li key={c.id.clone()} class={classes!(disabled.then_some("empty"), c.selected.then_some("selected"))}>
                    <input type="checkbox" id={input_id.clone()} checked={c.selected} {disabled}
                           aria-describedby={count_id.clone()} onchange={toggle} />
                    <label for={input_id}>
                        if facet == Facet::Domain {
                            { super::swatch::swatch(position, props.dark) }
                        }
                        { &c.label }
                    </label>
                    <span class="count" id={count_id}>{ crate::core::text::thousands(c.count) }<span class="visually-hidden">{ if c.count == 1 { " event" } else { " events" } }</span></span>
                    <button type="button" class="only" aria-label={format!("Only {}", c.label)}
                            title={format!("Show only {}", c.label)} disabled={c.count == 0} onclick={only}>{ "only" }</button>
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
                <ul>{ for values }</ul>
            </div>
        }
    });
    let export = |kind: Export| props.on_export.reform(move |_: MouseEvent| kind);
    // Nothing shown: nothing to download, nor sources to cite.
    let none = props.match_count == 0;
    let on_dim = dispatch.reform(|e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetDim(input.checked())
    });
    html! {
        <section class="facets" aria-labelledby="facets-heading">
            <h2 id="facets-heading">{ "Filters" }</h2>
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
            <div class="export" role="group" aria-labelledby="export-heading">
                <h3 id="export-heading">{ format!("Download the {} shown", crate::core::text::plural(props.match_count, "event", "events")) }</h3>
                <button type="button" disabled={none} onclick={export(Export::Json)}>{ "JSON" }</button>
                <button type="button" disabled={none} onclick={export(Export::Csv)}>{ "CSV" }</button>
            </div>
            <div class="export" role="group" aria-labelledby="cite-heading">
                <h3 id="cite-heading">{ "Their sources, for a reference manager" }</h3>
                <button type="button" title="BibTeX (biblatex), for LaTeX and most reference managers" disabled={none} onclick={export(Export::Bibtex)}>{ "BibTeX" }</button>
                <button type="button" title="RIS, for EndNote, Zotero, Mendeley" disabled={none} onclick={export(Export::Ris)}>{ "RIS" }</button>
                <button type="button" title="CSL-JSON, for Zotero and Pandoc" disabled={none} onclick={export(Export::CslJson)}>{ "CSL-JSON" }</button>
                <button type="button" title="The works cited, numbered, as plain text" disabled={none} onclick={export(Export::Sources)}>{ "Sources" }</button>
                <button type="button" onclick={export(Export::CiteView)}>{ "Cite this view" }</button>
            </div>
            <div class="export" role="group" aria-labelledby="snapshot-heading">
                <h3 id="snapshot-heading">{ "Save the timeline as drawn" }</h3>
                <button type="button" onclick={export(Export::Svg)}>{ "SVG" }</button>
                <button type="button" onclick={export(Export::Png)}>{ "PNG" }</button>
            </div>
            { for groups }
        </section>
    }
}
