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

#[function_component(Notices)]
pub fn notices(props: &Props) -> Html {
    let notices = props.notices.iter().enumerate().map(|(i, n)| {
        html! {
            <div class="notice" role="status">
                <span>{ n.to_string() }</span>
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
        </>
    }
}
