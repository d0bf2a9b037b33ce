//! The search box: instant, case- and diacritic-insensitive; Enter goes to the next match,
//! Shift+Enter to the previous one, Escape clears, `/` anywhere focuses it.

use crate::core::keys::{command, Scope};
use crate::store::Action;
use crate::ui::adapters::keys::SEARCH_INPUT_ID;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: String,
    pub match_count: usize,
    pub dispatch: Callback<Action>,
}

#[function_component(Search)]
pub fn search(props: &Props) -> Html {
    let oninput = props.dispatch.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        Action::SetSearch(input.value())
    });
    let onkeydown = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(action) =
                command(Scope::Search, &e.key(), e.shift_key()).and_then(Action::for_command)
            {
                e.prevent_default();
                dispatch.emit(action);
            }
        })
    };
    let searching = !props.text.trim().is_empty();
    html! {
        <div class="search" role="search">
            <label for={SEARCH_INPUT_ID} class="visually-hidden">{ "Search events" }</label>
            <input type="search" id={SEARCH_INPUT_ID} value={props.text.clone()} {oninput} {onkeydown}
                   placeholder="Search events" autocomplete="off" spellcheck="false"
                   aria-describedby="search-hint" aria-keyshortcuts="/" />
            // The key that comes here from anywhere, where there is a keyboard to press it.
            <kbd class="search-key" aria-hidden="true" title="Press / to search">{ "/" }</kbd>
            <span id="search-hint" class="search-hint">
                if searching {
                    { format!("{} match{}", props.match_count, if props.match_count == 1 { "" } else { "es" }) }
                    // Where there is a keyboard to press it, and a match to go to.
                    if props.match_count > 0 {
                        <span class="key-hint">{ " · Enter: next" }</span>
                    }
                } else {
                    <span class="visually-hidden">{ "Type to filter the events; Enter goes to the next match, Escape clears." }</span>
                }
            </span>
        </div>
    }
}
