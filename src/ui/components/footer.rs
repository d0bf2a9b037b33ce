//! The page's foot: the source and the downloads of the built-in chronology, or what the shown
//! chronology is and the way back to the built-in one.

use super::dialogs::source_credit;
use crate::core::dataset::Chronology;
use crate::core::text::plural;
use crate::store::{Action, Origin, Shared};
use crate::ui::adapters::{environment::opened_from_disk, files::restore_builtin};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub origin: Origin,
    pub dispatch: Callback<Action>,
}

#[function_component(Footer)]
pub fn footer(props: &Props) -> Html {
    let data = &props.data;
    let body = match &props.origin {
        Origin::Synthetic(_) => html! {
            <p>{ "Synthetic data for stress tests: " }<a href="./">{ "back to the Japan–NATO chronology" }</a></p>
        },
        Origin::Builtin => html! {
            <p>
                { "Source: " }{ source_credit(&data.source) }{ ". " }
                { format!("{}, {}. ", plural(data.events.len(), "event", "events"), plural(data.footnotes.len(), "footnote", "footnotes")) }
                if opened_from_disk() {
                    { "This is the explorer as one file: the data can be saved with the JSON export above." }
                } else {
                    <a href="data/japan-nato.json" download="japan-nato.json">{ "Download the data (JSON)" }</a>
                    { " · " }
                    <a href="data/chronology.schema.json" download="chronology.schema.json">{ "its schema" }</a>
                    { " · " }
                    <a href="japan-nato-explorer.html" download="japan-nato-explorer.html">{ "The explorer as one file (works offline)" }</a>
                }
            </p>
        },
        origin => html! {
            <p>
                { "“" }<bdi>{ &data.title }</bdi>{ format!("”: {}. ", plural(data.events.len(), "event", "events")) }
                { super::notices::origin_text(origin) }{ ". " }
                <button type="button" class="link-button" onclick={restore_builtin(&props.dispatch, origin)}>
                    { "Restore the Japan–NATO chronology" }
                </button>
            </p>
        },
    };
    html! { <footer class="app-footer">{ body }</footer> }
}
