//! What printing (or "Save as PDF") gives: a document that says what it prints (the title, the
//! filters, search or story, the day printed), the timeline as drawn, the filtered events with
//! dates, summaries and the notes they rest on, then one numbered list of those notes. Hidden
//! on screen; style.css shows it, and only it, in print.

use super::dialogs::source_credit;
use crate::core::dataset::{Chronology, Footnote};
use crate::core::scene::Rows;
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
    /// What is shown, in words: "Domain: Piracy · Search: “abe”".
    #[prop_or_default]
    pub shown: String,
}

/// What the page prints with: the day and the timeline as drawn.
#[derive(Clone, Debug, Default, PartialEq)]
struct Printing {
    day: String,
    /// The timeline's canvas as images (data URLs), a page's worth each (see [`Rows::pages`]).
    timeline: Vec<String>,
}

/// The timeline's canvas in pieces (see [`Rows::pages`]), each as a PNG data URL.
fn timeline_pages(document: &web_sys::Document) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(shown) = document
        .query_selector(".timeline-canvas canvas.drawing")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return Vec::new();
    };
    // (Its picture painted again here, to be read, in the print's colours; see `printable`.)
    let Some((canvas, ratio)) = crate::ui::adapters::paint_worker::printable(&shown) else {
        return Vec::new();
    };
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    // Where the lanes' groups start, in the canvas's pixels (the layer's boxes are in CSS px).
    let heads = document
        .query_selector_all(".timeline-canvas .marks .group-head rect.hit")
        .ok();
    let cuts: Vec<f64> = heads
        .map(|list| {
            (0..list.length())
                .filter_map(|n| list.item(n)?.dyn_into::<web_sys::Element>().ok())
                .filter_map(|r| r.get_attribute("y")?.parse::<f64>().ok())
                .map(|y| (y * ratio).round())
                .collect()
        })
        .unwrap_or_default();
    // The axis, printed again over each piece after the first.
    let axis = (crate::core::scene::AXIS_HEIGHT * ratio).round();
    let pieces = Rows::pages(height, width, axis, &cuts);
    if pieces.len() <= 1 {
        return canvas.to_data_url().ok().into_iter().collect();
    }
    pieces
        .into_iter()
        .enumerate()
        .filter_map(|(n, Rows { top, bottom })| {
            let over = if n == 0 { 0.0 } else { axis };
            let piece: web_sys::HtmlCanvasElement =
                document.create_element("canvas").ok()?.dyn_into().ok()?;
            piece.set_width(width as u32);
            piece.set_height((over + bottom - top).round().max(1.0) as u32);
            let ctx = crate::ui::adapters::paint::context(&piece)?;
            let copy = |from: f64, rows: f64, to: f64| {
                ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                    &canvas, 0.0, from, width, rows, 0.0, to, width, rows,
                )
            };
            if over > 0.0 {
                copy(0.0, over, 0.0).ok()?;
            }
            copy(top, bottom - top, over).ok()?;
            piece.to_data_url().ok()
        })
        .collect()
}

impl Printing {
    /// Taken when printing starts.
    fn now() -> Self {
        let now = js_sys::Date::new_0();
        let day = crate::core::date::PartialDate::day(
            now.get_full_year() as i32,
            now.get_month() as u8 + 1,
            now.get_date() as u8,
        )
        .map(|d| d.format_human())
        .unwrap_or_default();
        let timeline = web_sys::window()
            .and_then(|w| w.document())
            .map(|d| timeline_pages(&d))
            .unwrap_or_default();
        Printing { day, timeline }
    }
}

/// A note as printed, in the source's numbering, after the notes `earlier` in the same list:
/// the brief's text and, after a short form ("Ueta, p. 134"), the work in full, as the details
/// give it, unless an earlier note printed gives it in full (as the brief itself, and Chicago,
/// give a work in full once and in short after that; a print leaves out the notes of the events
/// not shown, and with them, often, the note that gave the work in full).
fn printed_note(data: &Chronology, f: &Footnote, earlier: &[u32]) -> Html {
    html! {
        <li value={f.number.to_string()}>
            <span class="citation">{ &f.citation }</span>
            { super::detail::in_full(&crate::core::cite::short_form_in_full_after(data, f, earlier)) }
        </li>
    }
}

/// The notes numbered `notes` (in order, each once) as printed, each after those before it.
fn printed_notes(data: &Chronology, notes: &[u32]) -> Html {
    notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| Some(printed_note(data, data.footnote(*n)?, &notes[..i])))
        .collect()
}

/// A story as one document: each scene with our text, the brief's sentences and their sources.
fn print_story(data: &Chronology, story: usize, heading: Html) -> Html {
    let Some(story) = data.stories.get(story) else {
        return html! {};
    };
    let scenes = story.scenes.iter().enumerate().map(|(i, scene)| {
        let mut notes: Vec<u32> = scene
            .quotes
            .iter()
            .flat_map(|q| q.footnotes.iter().copied())
            .collect();
        crate::core::sort::sort(&mut notes);
        notes.dedup();
        html! {
            <li>
                <p class="print-date">{ format!("Scene {} of {}", i + 1, story.scenes.len()) }</p>
                <h3>{ &scene.title }</h3>
                <p>{ &scene.text }</p>
                { for scene.quotes.iter().map(|q| html! { <blockquote>{ &q.text }</blockquote> }) }
                if !notes.is_empty() {
                    <ol class="print-sources">
                        { printed_notes(data, &notes) }
                    </ol>
                }
            </li>
        }
    });
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ &story.title }</h2>
            { heading }
            <p>{ "From " }{ source_credit(&data.source) }{ "." }</p>
            if !story.summary.is_empty() { { super::rich::rich_block(&story.summary, "print-summary") } }
            <ol class="print-events">{ for scenes }</ol>
        </section>
    }
}

#[function_component(PrintList)]
pub fn print_list(props: &Props) -> Html {
    // Built only while printing (or while print media is emulated): it is never on screen, and
    // keeping a copy of a long filtered list up to date would slow every filter change.
    let printing = use_state(|| {
        print_media()
            .is_some_and(|q| q.matches())
            .then(Printing::now)
    });
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let on = |name: &'static str, value: bool| {
                let printing = printing.clone();
                window.as_ref().map(|w| {
                    EventListener::new(w, name, move |_| printing.set(value.then(Printing::now)))
                })
            };
            let before = on("beforeprint", true);
            let after = on("afterprint", false);
            let media = print_media().map(|query| {
                let printing = printing.clone();
                let q = query.clone();
                EventListener::new(&query, "change", move |_| {
                    printing.set(q.matches().then(Printing::now))
                })
            });
            move || drop((before, after, media))
        });
    }
    let data = &props.data;
    let Some(printing) = (*printing).clone() else {
        return html! { <section class="print-only" aria-hidden="true"></section> };
    };
    let heading = html! {
        <>
            <p class="print-context">
                { if props.shown.is_empty() { "All events".to_string() } else { props.shown.clone() } }
                { format!(" · printed {}", printing.day) }
            </p>
            { for printing.timeline.iter().enumerate().map(|(n, src)| {
                let alt = match (n, printing.timeline.len()) {
                    (_, 1) => "The timeline as drawn on screen".to_string(),
                    (n, of) => format!("The timeline as drawn on screen, part {} of {of}", n + 1),
                };
                html! { <img class="print-timeline" src={src.clone()} {alt} /> }
            }) }
        </>
    };
    if let Some(story) = props.story {
        return print_story(data, story, heading);
    }
    if props.match_count > PRINT_LIMIT {
        return html! {
            <section class="print-only" aria-hidden="true">
                <p>{ format!("{} events match: narrow the filters to {PRINT_LIMIT} or fewer to print them.", props.match_count) }</p>
            </section>
        };
    }
    let shown = || {
        data.events
            .iter()
            .enumerate()
            .filter(|(i, _)| props.matches[*i])
            .map(|(_, e)| e)
    };
    // One list of the notes behind the events printed, each once, in the source's numbering.
    let notes: Vec<u32> =
        crate::core::sort::sorted_unique(shown().flat_map(|e| e.footnotes.iter().copied()));
    let events = shown().map(|e| {
        let numbers = e
            .footnotes
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        // "Note 14", "Notes 15, 16", as the Sources export says "Footnote 14", "Footnotes 15, 16".
        let notes_word = if e.footnotes.len() == 1 {
            "Note"
        } else {
            "Notes"
        };
        html! {
            <li>
                <p class="print-date">{ e.date_label() }</p>
                <h3>{ &e.title }</h3>
                { super::rich::rich_block(&e.summary, "print-summary") }
                if !e.evidence.is_empty() {
                    <blockquote>{ &e.evidence }</blockquote>
                }
                if let Some(note) = &e.note {
                    <p class="print-note">{ format!("Note: {note}") }</p>
                }
                if !e.footnotes.is_empty() {
                    <p class="print-refs">{ format!("{notes_word} {numbers}") }</p>
                }
            </li>
        }
    });
    let bibliography = printed_notes(data, &notes);
    html! {
        <section class="print-only" aria-hidden="true">
            <h2>{ &data.title }</h2>
            { heading }
            <p>{ "From " }{ source_credit(&data.source) }{ format!(". {} of {}.", props.match_count, crate::core::text::plural(data.events.len(), "event", "events")) }</p>
            <ol class="print-events">{ for events }</ol>
            if !notes.is_empty() {
                <h3 class="print-notes-heading">{ "Notes" }</h3>
                <ol class="print-bibliography">{ bibliography }</ol>
            }
        </section>
    }
}
