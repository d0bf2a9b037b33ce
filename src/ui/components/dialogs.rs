//! The help (keyboard shortcuts) and "About the data" dialogs: native modal `<dialog>`s, so
//! focus stays inside while open, Escape closes them, and focus returns to where it was.

use super::import_panel::ImportPanel;
use super::swatch::swatch;
use crate::core::dataset::{Chronology, Source};
use crate::core::keys::BINDINGS;
use crate::store::{Action, DialogKind, Origin, Progress, Report, Shared};
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub kind: DialogKind,
    pub data: Shared<Chronology>,
    pub dispatch: Callback<Action>,
    /// The dark theme shows (the swatches take its colours).
    #[prop_or_default]
    pub dark: bool,
    #[prop_or(Origin::Builtin)]
    pub origin: Origin,
    #[prop_or_default]
    pub report: Option<Report>,
    #[prop_or_default]
    pub loading: Option<Progress>,
}

/// "Title: subtitle, by Author (affiliations), year": how the page credits the source.
pub fn source_credit(s: &Source) -> Html {
    html! {
        <>
            <cite>{ &s.title }</cite>
            if let Some(sub) = &s.subtitle { { ": " }{ sub } }
            if !s.author.is_empty() { { format!(", by {}", s.author) } }
            if !s.affiliations.is_empty() { { format!(" ({})", s.affiliations.join("; ")) } }
            if let Some(year) = s.year { { format!(", {year}") } }
        </>
    }
}

#[function_component(Dialog)]
pub fn dialog(props: &Props) -> Html {
    let dialog_ref = use_node_ref();
    {
        let dialog_ref = dialog_ref.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with(props.kind, move |_| {
            let dialog = dialog_ref.cast::<web_sys::HtmlDialogElement>();
            // Remember what had focus, to give it back on closing.
            let opener = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let listener = dialog.as_ref().map(|d| {
                if !d.open() {
                    let _ = d.show_modal();
                }
                EventListener::new(d, "close", move |_| dispatch.emit(Action::CloseDialog))
            });
            move || {
                drop(listener);
                // Closed by the state (an import done), the modal dialog is still open here, and
                // the page outside it inert: the opener could not take the focus, which fell to
                // the page and then to whatever followed the dialog (the footer's *Restore*,
                // which a keyboard user's next Enter pressed).
                if let Some(d) = dialog.filter(|d| d.open()) {
                    d.close();
                }
                if let Some(opener) = opener {
                    let _ = opener.focus();
                    // An opener the same change removed (the empty timeline's *Import a
                    // chronology…*, once a chronology is there): the focus goes to the timeline
                    // rather than falling to the page, once the render is done.
                    gloo::timers::callback::Timeout::new(0, move || {
                        let document = web_sys::window().and_then(|w| w.document());
                        let fallen = document.as_ref().is_some_and(|d| {
                            d.active_element()
                                .is_none_or(|a| Some(&a) == d.body().as_ref().map(|b| b.as_ref()))
                        });
                        if opener.is_connected() || !fallen {
                            return;
                        }
                        let home = document
                            .and_then(|d| d.query_selector("[data-focus-home]").ok().flatten())
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                        if let Some(home) = home {
                            let _ = home.focus();
                        }
                    })
                    .forget();
                }
            }
        });
    }
    let close = props.dispatch.reform(|_| Action::CloseDialog);
    let data = &props.data;
    let (heading, body) = match props.kind {
        DialogKind::Help => (
            "Keyboard shortcuts and gestures".to_string(),
            html! {
                <table class="shortcuts">
                    <thead><tr><th scope="col">{ "Key or gesture" }</th><th scope="col">{ "Does" }</th></tr></thead>
                    <tbody>
                        { for BINDINGS.iter().map(|b| html! {
                            <tr><td>{ for crate::core::keys::key_parts(b.keys).into_iter().map(|(key, text)| if key {
                                html! { <kbd>{ text }</kbd> }
                            } else {
                                html! { { text } }
                            }) }</td><td>{ b.does }</td></tr>
                        }) }
                    </tbody>
                </table>
            },
        ),
        DialogKind::Import => (
            "Import a chronology".to_string(),
            html! {
                <ImportPanel data={data.clone()} origin={props.origin.clone()} report={props.report.clone()}
                             loading={props.loading.clone()} dispatch={props.dispatch.clone()} />
            },
        ),
        DialogKind::Stories => (
            "Stories".to_string(),
            html! {
                <ul class="stories">
                    { for data.stories.iter().enumerate().map(|(i, s)| {
                        let onclick = props.dispatch.reform(move |_| Action::StartStory(i));
                        html! {
                            <li>
                                <button type="button" {onclick}>{ &s.title }</button>
                                if !s.summary.is_empty() { { super::rich::rich_block(&s.summary, "muted") } }
                                <p class="muted">{ format!("{} scenes", s.scenes.len()) }</p>
                            </li>
                        }
                    }) }
                </ul>
            },
        ),
        DialogKind::About if props.origin != Origin::Builtin => (
            "About the data".to_string(),
            html! {
                <>
                    <p>
                        { format!("“{}”: {} events", data.title, data.events.len()) }
                        { match &props.origin {
                            Origin::File { name, format } => format!(", imported from {name} ({}).", format.label()),
                            Origin::Url(url) => format!(", loaded from {url}."),
                            Origin::Synthetic(_) => ", generated for stress tests.".to_string(),
                            Origin::Builtin => ".".to_string(),
                        } }
                    </p>
                    if let Some(note) = &data.source.note { <p class="muted">{ note }</p> }
                    if !data.phases.is_empty() {
                        <h3>{ "Phases" }</h3>
                        <ul>
                            { for data.phases.iter().map(|p| html! {
                                <li>{ format!("{} ({} – {})", p.label, p.start.format_human(), p.end.format_human()) }</li>
                            }) }
                        </ul>
                    }
                    if !data.domains.is_empty() {
                        <h3>{ "Domains" }</h3>
                        <ul class="plain">
                            { for data.domains.iter().enumerate().map(|(i, d)| html! {
                                <li>{ swatch(i, props.dark) }{ &d.label }</li>
                            }) }
                        </ul>
                    }
                    if !data.third_parties.is_empty() {
                        <h3>{ "Third parties" }</h3>
                        <p>{ data.third_parties.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join(", ") }</p>
                    }
                </>
            },
        ),
        DialogKind::About => {
            let s = &data.source;
            (
                "About the data".to_string(),
                html! {
                    <>
                        <p>
                            { "Every event comes from " }{ source_credit(s) }{ "." }
                            if let Some(series) = &s.series { { format!(" {series}.") } }
                        </p>
                        if let Some(note) = &s.note { <p class="muted">{ note }</p> }
                        <p>
                            { format!("{} events and all {} of the brief's footnotes. ", data.events.len(), data.footnotes.len()) }
                            { "Titles and summaries are in our own words; each event quotes the brief's own phrase as evidence and lists the footnotes behind it. Dates are exactly as precise as the brief: \"1983\" is the whole year, drawn with a bracket over the year when zoomed in. Where the brief contradicts itself, a note says so." }
                        </p>
                        <h3>{ "Phases" }</h3>
                        <dl>
                            { for data.phases.iter().map(|p| html! {
                                <>
                                    <dt>{ format!("{} ({} – {})", p.label, p.start.format_human(), p.end.format_human()) }</dt>
                                    <dd>{ &p.summary }</dd>
                                </>
                            }) }
                        </dl>
                        <h3>{ "Domains" }</h3>
                        <dl>
                            { for data.domains.iter().enumerate().map(|(i, d)| html! {
                                <>
                                    <dt>{ swatch(i, props.dark) }{ &d.label }</dt>
                                    <dd>{ &d.description }</dd>
                                </>
                            }) }
                        </dl>
                        <h3>{ "Third parties" }</h3>
                        <p>{ data.third_parties.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join(", ") }</p>
                    </>
                },
            )
        }
    };
    html! {
        <dialog ref={dialog_ref} class="dialog" aria-labelledby="dialog-heading">
            <div class="dialog-head">
                <h2 id="dialog-heading">{ heading }</h2>
                <button type="button" aria-label="Close" onclick={close}>{ "×" }</button>
            </div>
            <div class="dialog-body">{ body }</div>
        </dialog>
    }
}
