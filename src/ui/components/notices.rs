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

#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    let notices = props.notices.iter().enumerate().map(|(i, n)| {
        html! {
            <div class="notice" role="status">
                <span>{ notice_text(n) }</span>
                <button type="button" aria-label="Dismiss notice" onclick={props.dispatch.reform(move |_| Action::DismissNotice(i))}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <>
            if let Some(error) = &props.error {
                <div class="notice error" role="alert">{ error }</div>
            }
            { for notices }
            if props.notices.len() > 1 {
                <p class="notices-all">
                    <button type="button" class="link-button" onclick={props.dispatch.reform(|_| Action::DismissNotices)}>
                        { format!("Dismiss all {} notices", props.notices.len()) }
                    </button>
                </p>
            }
        </>
    }
}
