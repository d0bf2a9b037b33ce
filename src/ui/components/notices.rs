//! Short messages for the user, each with its own dismiss button, and what went wrong reading
//! the chronology.

use crate::store::{Action, Notice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notices: Vec<Notice>,
    pub error: Option<String>,
    pub dispatch: Callback<Action>,
}

/// A notice in words; a file's name (text from outside) is isolated from the words around it.
fn notice_text(notice: &Notice) -> Html {
    match notice {
        Notice::Imported {
            events,
            eras,
            name,
            format,
            left_out,
        } => html! {
            <>
                { format!("Imported {} from ", crate::core::import::arrived(*events, *eras)) }<bdi>{ name }</bdi>{ format!(" ({}).", format.label()) }
                if let Some(more) = Notice::left_out(*left_out) {
                    { format!(" {more}") }
                }
            </>
        },
        other => html! { { other.to_string() } },
    }
}

/// Where a chronology comes from, with its file's name isolated from the words around it.
pub fn origin_text(origin: &crate::store::Origin) -> Html {
    use crate::store::Origin;
    match origin {
        Origin::File { name, format } => html! {
            <>{ "Imported from " }<bdi>{ name }</bdi>{ format!(" ({})", format.label()) }</>
        },
        Origin::Url(url) => html! { <>{ "Loaded from " }<bdi>{ url }</bdi></> },
        _ => html! {},
    }
}

/// How many notices show before the rest fold under a line saying how many more there are.
const MAX_SHOWN: usize = 3;

/// How long a notice of something done stays, in ms.
const DONE_FOR_MS: u32 = 6_000;

/// One notice with its dismiss button; a toast's words are said by the live region that holds
/// them (there before they come).
fn notice_item(
    dispatch: &Callback<Action>,
    toast: bool,
    hidden: bool,
    (i, n): (usize, &Notice),
) -> Html {
    html! {
        <div class="notice" role={(!toast).then_some("status")} {hidden}>
            <span>{ notice_text(n) }</span>
            <button type="button" aria-label="Dismiss notice" onclick={dispatch.reform(move |_| Action::DismissNotice(i))}>{ "×" }</button>
        </div>
    }
}

/// The notices that stay until dismissed (what went wrong, what was left out), at the top of
/// the page, and what went wrong reading the chronology.
#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    // Indices in the whole list (what DismissNotice takes).
    let kept: Vec<_> = props
        .notices
        .iter()
        .enumerate()
        .filter(|(_, n)| !matches!(n, Notice::Done(_)))
        .collect();
    // A link with a dozen bad parts gave a dozen notices, which filled the screen, the way to
    // dismiss them all under them: past a few, the rest hidden under one line that shows them.
    // (Hidden, not removed: dismissing one of them with the keyboard keeps the focus among
    // them, as their number falls to a few again.)
    let folds = kept.len() > MAX_SHOWN + 1;
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
            if let Some(error) = &props.error {
                <div class="notice error" role="alert">{ error }</div>
            }
            { for kept.iter().enumerate().map(|(k, &n)| {
                notice_item(&props.dispatch, false, folds && !*open && k >= MAX_SHOWN, n)
            }) }
            if folds {
                <p class="notices-all">
                    <button type="button" class="link-button" aria-expanded={open.to_string()} onclick={toggle}>
                        { if *open { "Show fewer notices".to_string() } else { format!("{} more notices", kept.len() - MAX_SHOWN) } }
                    </button>
                </p>
            }
            if kept.len() > 1 {
                <p class="notices-all">
                    <button type="button" class="link-button" onclick={props.dispatch.reform(|_| Action::DismissNotices)}>
                        { format!("Dismiss all {} notices", kept.len()) }
                    </button>
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    pub notices: Vec<Notice>,
    pub dispatch: Callback<Action>,
}

/// Things done ("… is on the clipboard"), said at the foot of the screen over the timeline's
/// column, and gone by themselves: they never push the page down under the reader, nor cover
/// the side column's controls (the details' *Next*, *Copy citation*); on a phone with a sheet
/// open, at the top of the screen, over the timeline rather than the sheet.
#[function_component(Toasts)]
pub fn toasts(props: &ToastProps) -> Html {
    let done: Vec<_> = props
        .notices
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n, Notice::Done(_)))
        .collect();
    {
        let dispatch = props.dispatch.clone();
        let said: Vec<String> = done.iter().map(|(_, n)| n.to_string()).collect();
        use_effect_with(said, move |said| {
            let timer = (!said.is_empty()).then(|| {
                gloo::timers::callback::Timeout::new(DONE_FOR_MS, move || {
                    dispatch.emit(Action::DismissDone)
                })
            });
            move || drop(timer)
        });
    }
    html! {
        <div class="toast-anchor">
            <div class="toasts" role="status">{ for done.iter().map(|&n| notice_item(&props.dispatch, true, false, n)) }</div>
        </div>
    }
}
