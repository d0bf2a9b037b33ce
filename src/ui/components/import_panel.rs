//! The import dialog's body (choose a file, what the last attempt found, restore the built-in
//! chronology) and the progress bar of a file being read or loaded.

use crate::core::dataset::Chronology;
use crate::core::import::{arrived, ImportProblem};
use crate::core::text::{plural, thousands};
use crate::store::{Action, Origin, Progress, Report, Shared, Unit};
use crate::ui::adapters::{files, storage};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The `id` of the file input in the import dialog.
pub const FILE_INPUT_ID: &str = "import-file";

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    pub data: Shared<Chronology>,
    pub origin: Origin,
    pub report: Option<Report>,
    pub loading: Option<Progress>,
    pub dispatch: Callback<Action>,
}

/// A problem of a list, its place first; the list's last line, "… and N more problems", has
/// none.
fn problem_item(p: &ImportProblem) -> Html {
    if p.location.is_empty() {
        html! { <li>{ &p.message }</li> }
    } else {
        html! { <li><strong>{ &p.location }</strong>{ ": " }{ &p.message }</li> }
    }
}

/// The body of the import dialog.
#[function_component(ImportPanel)]
pub fn import_panel(props: &PanelProps) -> Html {
    let dispatch = props.dispatch.clone();
    // A new report takes the focus (the button that led to it may be gone).
    use_effect_with(props.report.clone(), |report| {
        if report.is_some() {
            if let Some(heading) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("import-report-heading"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = heading.focus();
            }
        }
    });
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                files::import_file(dispatch.clone(), file);
            }
            // Choosing the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let report = match &props.report {
        None => html! {},
        Some(Report::Failed {
            name,
            failure,
            bytes,
            link,
        }) => {
            let f = &**failure;
            let summary = f.summary();
            let skip = {
                let (dispatch, name, bytes) = (dispatch.clone(), name.clone(), bytes.clone());
                let link = link.clone();
                Callback::from(move |_| match &link {
                    // A `?data=` link's file: shown as the link said, not kept as an import.
                    Some(link) => files::import_good_records_of_link(
                        dispatch.clone(),
                        (**link).clone(),
                        &bytes,
                    ),
                    None => files::import_good_records(dispatch.clone(), name.clone(), &bytes),
                })
            };
            html! {
                <section class="import-report" role="alert" aria-labelledby="import-report-heading">
                    <h3 id="import-report-heading" tabindex="-1">{ format!("“{name}” was not imported") }</h3>
                    <p>{ summary }{ format!(" Nothing was changed: “{}” is still shown.", props.data.title) }</p>
                    // Before the list, which may be long (on a phone the offer stood 250 px
                    // below the dialog's foot, past 23 rows of one bad date).
                    if let (Some(offer), false) = (f.skip_offer(), bytes.is_empty()) {
                        <button type="button" class="primary" onclick={skip}>{ offer }</button>
                    }
                    <ol class="problems">
                        { for f.problems.iter().map(problem_item) }
                    </ol>
                </section>
            }
        }
        Some(Report::Skipped {
            name,
            imported,
            eras,
            skipped,
            skipped_records,
            changed,
        }) => html! {
            <section class="import-report" role="status" aria-labelledby="import-report-heading">
                <h3 id="import-report-heading" tabindex="-1">
                    { format!("Imported {} from “", arrived(*imported, *eras)) }<bdi>{ name }</bdi>{ "”" }
                </h3>
                if *skipped_records > 0 {
                    <p>{ format!("{} left out:", plural(*skipped_records, "record was", "records were")) }</p>
                    <ol class="problems">
                        { for skipped.iter().map(problem_item) }
                    </ol>
                }
                if !changed.is_empty() {
                    <p>{ "Changed on the way in:" }</p>
                    <ol class="problems">
                        { for changed.iter().map(problem_item) }
                    </ol>
                }
            </section>
        },
    };
    html! {
        <>
            <p>
                { "Open a chronology of your own: the JSON of this explorer (as its downloads), a " }
                <strong>{ "TimelineJS" }</strong>{ " JSON file (TimelineJS 3, or the older TimelineJS 2), or a " }<strong>{ "CSV" }</strong>
                { " with this explorer's columns (id, start, end, title, summary …) or TimelineJS's spreadsheet columns (Year, Month, Day, End Year …, Headline, Text, Group), separated by commas, semicolons or tabs. Up to 50 MB." }
                <span class="key-hint">{ " You can also drop a file anywhere on the page." }</span>
            </p>
            <p class="file-choice">
                <label for={FILE_INPUT_ID}>{ "Choose a chronology file" }</label>
                <input type="file" id={FILE_INPUT_ID} accept=".json,.csv,.tsv,.txt,application/json,text/csv,text/tab-separated-values,text/plain" onchange={on_file} />
            </p>
            if let Some(loading) = &props.loading {
                <LoadingBar loading={loading.clone()} dispatch={dispatch.clone()} />
            }
            { report }
            if props.origin != Origin::Builtin {
                <p>
                    <button type="button" onclick={files::restore_builtin(&dispatch, &props.origin)}>{ "Restore the Japan–NATO chronology" }</button>
                </p>
            } else if storage::has_kept() {
                <p>
                    // The chronology imported earlier is still kept (e.g. after going Back from it).
                    <button type="button" onclick={files::open_kept()}>{ "Open the chronology you imported" }</button>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    pub loading: Progress,
    pub dispatch: Callback<Action>,
}

/// A progress bar with its text.
#[function_component(LoadingBar)]
pub fn loading_bar(props: &LoadingProps) -> Html {
    let l = &props.loading;
    let text = match l.total {
        Some(total) if l.unit == Unit::Events => format!(
            "{} {} of {} events",
            l.what,
            thousands(l.loaded as usize),
            thousands(total as usize)
        ),
        Some(total) if total > 0.0 => {
            format!(
                "{} {} of {}",
                l.what,
                files::megabytes(l.loaded),
                files::megabytes(total)
            )
        }
        _ if l.loaded > 0.0 => format!("{} {}", l.what, files::megabytes(l.loaded)),
        _ => l.what.clone(),
    };
    html! {
        <div class="loading" role="status">
            <label>
                { text }
                if let Some(total) = l.total.filter(|t| *t > 0.0) {
                    <progress max={format!("{total}")} value={format!("{}", l.loaded)}></progress>
                } else {
                    <progress></progress>
                }
            </label>
            if l.cancellable {
                <button type="button" onclick={
                    let dispatch = props.dispatch.clone();
                    Callback::from(move |_: MouseEvent| files::cancel_load(&dispatch))
                }>{ "Cancel" }</button>
            }
        </div>
    }
}
