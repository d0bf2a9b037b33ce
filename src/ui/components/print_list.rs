//! What printing (or "Save as PDF") gives: the filtered chronology as a clean list with dates,
//! summaries and sources. Hidden on screen; style.css shows it, and only it, in print.

use super::dialogs::source_credit;
use crate::core::dataset::Chronology;
use crate::store::Shared;
use gloo::events::EventListener;
use yew::prelude::*;

fn print_media() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media("print").ok().flatten()
}

/// Beyond this many matching events, print asks to narrow the filters first.
pub const PRINT_LIMIT: usize = 2_000;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub matches: Shared<Vec<bool>>,
    pub match_count: usize,
    /// The story being told: printing gives the whole story.
    #[prop_or_default]
    pub story: Option<usize>,
}

/// A story as one document: each scene with our text, the brief's sentences and their sources.
fn print_story(data: &Chronology, story: usize) -> Html {
    let Some(story) = data.stories.get(story) else {
        return html! {};
    };
    let scenes = story.scenes.iter().enumerate().map(|(i, scene)| {
        let mut notes: Vec<u32> = scene
            .quotes
            .iter()
            .flat_map(|q| q.footnotes.iter().copied())
            .collect();
        notes.sort_unstable();
        notes.dedup();
        html! {
            <li>
                <p class="print-date">{ format!("Scene {} of {}", i + 1, story.scenes.len()) }</p>
                <h3>{ &scene.title }</h3>
                <p>{ &scene.text }</p>
                { for scene.quotes.iter().map(|q| html! { <blockquote>{ &q.text }</blockquote> }) }
                if !notes.is_empty() {
                    <ol class="print-sources">
                        { for notes.iter().filter_map(|n| data.footnote(*n)).map(|f| html! {
                            <li value={f.number.to_string()}>{ &f.citation }</li>
                        }) }
                    </ol>
                }
            </li>
        }
    });
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ &story.title }</h2>
            <p>{ "From " }{ source_credit(&data.source) }{ "." }</p>
            if !story.summary.is_empty() { <p>{ &story.summary }</p> }
            <ol class="print-events">{ for scenes }</ol>
        </section>
    }
}

#[function_component(PrintList)]
pub fn print_list(props: &Props) -> Html {
    // Built only while printing (or while print media is emulated): it is never on screen, and
    // keeping a copy of a long filtered list up to date would slow every filter change.
    let printing = use_state(|| print_media().is_some_and(|q| q.matches()));
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on = |name: &'static str, value: bool| {
                let printing = printing.clone();
                window
                    .as_ref()
                    .map(|w| EventListener::new(w, name, move |_| printing.set(value)))
            };
            let before = on("beforeprint", true);
            let after = on("afterprint", false);
            let media = print_media().map(|query| {
                let printing = printing.clone();
                let q = query.clone();
                EventListener::new(&query, "change", move |_| printing.set(q.matches()))
            });
            move || drop((before, after, media))
        });
    }
    let data = &props.data;
    if !*printing {
        return html! { <section class="print-only" aria-hidden="true"></section> };
    }
    if let Some(story) = props.story {
        return print_story(data, story);
    }
    if props.match_count > PRINT_LIMIT {
        return html! {
            <section class="print-only" aria-hidden="true">
                <p>{ format!("{} events match: narrow the filters to {PRINT_LIMIT} or fewer to print them.", props.match_count) }</p>
            </section>
        };
    }
    let events = data
        .events
        .iter()
        .enumerate()
        .filter(|(i, _)| props.matches[*i])
        .map(|(_, e)| {
            let sources = e
                .footnotes
                .iter()
                .filter_map(|n| data.footnote(*n))
                .map(|f| {
                    html! { <li value={f.number.to_string()}>{ &f.citation }</li> }
                });
            html! {
                <li>
                    <p class="print-date">{ e.date_label() }</p>
                    <h3>{ &e.title }</h3>
                    <p>{ &e.summary }</p>
                    if !e.evidence.is_empty() {
                        <blockquote>{ &e.evidence }</blockquote>
                    }
                    if let Some(note) = &e.note {
                        <p class="print-note">{ format!("Note: {note}") }</p>
                    }
                    if !e.footnotes.is_empty() {
                        <ol class="print-sources">{ for sources }</ol>
                    }
                </li>
            }
        });
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ &data.title }</h2>
            <p>{ "From " }{ source_credit(&data.source) }{ format!(". {} of {} events.", props.match_count, data.events.len()) }</p>
            <ol class="print-events">{ for events }</ol>
        </section>
    }
}
