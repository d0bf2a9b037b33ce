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
            name,
            format,
        } => html! {
            <>{ format!("Imported {} from ", crate::core::text::plural(*events, "event", "events")) }<bdi>{ name }</bdi>{ format!(" ({}).", format.label()) }</>
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

/// How long a notice of something done stays, in ms.
const DONE_FOR_MS: u32 = 6_000;

#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    // Indices in the whole list (what DismissNotice takes).
    let (done, kept): (Vec<_>, Vec<_>) = props
        .notices
        .iter()
        .enumerate()
        .partition(|(_, n)| matches!(n, Notice::Done(_)));
    // A toast's words are said by the live region that holds them (there before they come).
    let item = |toast: bool, (i, n): &(usize, &Notice)| {
        let i = *i;
        html! {
            <div class="notice" role={(!toast).then_some("status")}>
                <span>{ notice_text(n) }</span>
                <button type="button" aria-label="Dismiss notice" onclick={props.dispatch.reform(move |_| Action::DismissNotice(i))}>{ "×" }</button>
            </div>
        }
    };
    // Things done are said over the page's foot, and go by themselves: they never push the page
    // down under the reader.
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
        <>
            if let Some(error) = &props.error {
                <div class="notice error" role="alert">{ error }</div>
            }
            { for kept.iter().map(|n| item(false, n)) }
            if kept.len() > 1 {
                <p class="notices-all">
                    <button type="button" class="link-button" onclick={props.dispatch.reform(|_| Action::DismissNotices)}>
                        { format!("Dismiss all {} notices", kept.len()) }
                    </button>
                </p>
            }
            <div class="toasts" role="status">{ for done.iter().map(|n| item(true, n)) }</div>
        </>
    }
}
