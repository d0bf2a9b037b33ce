//! The ways out of a view: the events shown as a file, their sources for a reference manager,
//! and the timeline as drawn. In the filters' column, and at the foot of a story's scene (whose
//! panel takes the filters' place), for the events the scene highlights.

use crate::ui::adapters::exports::Export;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// How many events are shown (highlighted, in a story's scene).
    pub match_count: usize,
    /// Filtered-out events are drawn faint: a picture has something to show even when no
    /// event matches.
    pub dim: bool,
    /// "shown", or "of this scene".
    pub whose: AttrValue,
    pub on_export: Callback<Export>,
}

#[function_component(ExportTools)]
pub fn export_tools(props: &Props) -> Html {
    let export = |kind: Export| props.on_export.reform(move |_: MouseEvent| kind);
    // Nothing shown: nothing to download, nor sources to cite.
    let none = props.match_count == 0;
    let events = crate::core::text::plural(props.match_count, "event", "events");
    html! {
        <>
            <div class="export" role="group" aria-labelledby="export-heading">
                <h3 id="export-heading">{ format!("Download the {events} {}", props.whose) }</h3>
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
                <button type="button" disabled={none && !props.dim} onclick={export(Export::Svg)}>{ "SVG" }</button>
                <button type="button" disabled={none && !props.dim} onclick={export(Export::Png)}>{ "PNG" }</button>
            </div>
        </>
    }
}
