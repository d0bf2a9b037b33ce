//! Exports of what is shown, as downloads or on the clipboard: the events (JSON, CSV, with the
//! view they were made from), the works they cite (BibTeX, RIS, CSL-JSON, plain text), the
//! timeline as drawn (SVG, PNG) and citations of the view or of an event.

use super::{clipboard, download::download, snapshot};
use crate::core::cite;
use crate::core::dataset::export;
use crate::core::date::PartialDate;
use crate::core::url_state;
use crate::store::{Action, Notice, State};
use yew::Callback;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    Json,
    Csv,
    /// The works cited, as plain text.
    Sources,
    Bibtex,
    Ris,
    CslJson,
    Svg,
    Png,
    /// *Cite this view*, on the clipboard.
    CiteView,
}

/// Today, as the page's clock says (for "accessed" dates).
pub fn today() -> Option<PartialDate> {
    let now = js_sys::Date::new_0();
    PartialDate::day(
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .ok()
}

/// The page's address for a view.
pub fn link(query: &str) -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!(
                "{}{}{query}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// *Cite this view*'s words for what `state` shows (None where the page has no clock).
pub fn view_citation(state: &State) -> Option<String> {
    let query = url_state::to_query(&state.view_state());
    Some(cite::cite_view(
        &state.chronology.data,
        &link(&query),
        &today()?,
    ))
}

/// Saves (or copies) `kind` of what `state` shows; a failure becomes a notice.
pub fn export(state: State, kind: Export, dispatch: Callback<Action>) {
    let data = &state.chronology.data;
    let shown = || export::filtered(data, |i| state.passes(i));
    let view = state.view_state();
    // Files named after the chronology ("japan-nato-relations-a-chronology.csv").
    let stem = state.file_stem(false);
    let (name, mime, text) = match kind {
        Export::Svg | Export::Png => return snapshot::save(state, kind == Export::Png, dispatch),
        Export::CiteView => {
            let Some(text) = view_citation(&state) else {
                return;
            };
            let done = Notice::Done("A citation of this view is on the clipboard.".into());
            return clipboard::copy_text(dispatch, text, done);
        }
        Export::Json => (
            format!("{stem}.json"),
            "application/json",
            export::to_json(&export::with_view(shown(), &view)),
        ),
        Export::Csv => (
            format!("{stem}.csv"),
            "text/csv;charset=utf-8",
            // After a BOM, so that Excel reads the UTF-8 ("Japan–NATO", not "Japanâ€“NATO").
            export::to_csv_file(&export::with_view(shown(), &view)),
        ),
        Export::Sources => (
            format!("{stem}-sources.txt"),
            "text/plain;charset=utf-8",
            export::bibliography(&shown()),
        ),
        Export::Bibtex | Export::Ris | Export::CslJson => {
            let events = data
                .events
                .iter()
                .enumerate()
                .filter(|(i, _)| state.passes(*i))
                .map(|(_, e)| e);
            let works = cite::cited_sources(data, events);
            if works.is_empty() {
                // An empty file would look like a failed download.
                dispatch.emit(Action::Notify(
                    "No event shown cites a work (its footnotes name none): there is nothing to \
                     download for a reference manager. Sources gives the footnotes as text."
                        .to_string()
                        .into(),
                ));
                return;
            }
            match kind {
                Export::Bibtex => (
                    format!("{stem}-sources.bib"),
                    "application/x-bibtex",
                    cite::to_bibtex(&works),
                ),
                Export::Ris => (
                    format!("{stem}-sources.ris"),
                    "application/x-research-info-systems",
                    cite::to_ris(&works),
                ),
                _ => (
                    format!("{stem}-sources.json"),
                    "application/vnd.citationstyles.csl+json",
                    cite::to_csl_json(&works),
                ),
            }
        }
    };
    if download(&name, mime, &text).is_err() {
        dispatch.emit(Action::Notify(
            format!("The browser refused to save {name}.").into(),
        ));
    }
}

/// *Copy citation* of one event: the brief and the footnotes behind the event, on the clipboard.
pub fn copy_event_citation(state: &State, index: usize, dispatch: Callback<Action>) {
    let data = &state.chronology.data;
    if let Some(event) = data.events.get(index) {
        let done = Notice::Done(format!(
            "A citation of “{}” is on the clipboard.",
            event.title
        ));
        clipboard::copy_text(dispatch, cite::copy_citation(data, event), done);
    }
}
