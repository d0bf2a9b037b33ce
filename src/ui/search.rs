//! The search box: instant, case- and diacritic-insensitive; Enter goes to the next match,
//! Shift+Enter to the previous one, Escape clears, `/` anywhere focuses it.

use crate::ui::app::Action;
use yew::prelude::*;

pub const SEARCH_INPUT_ID: &str = "search";

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
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                dispatch.emit(Action::NextMatch(if e.shift_key() { -1 } else { 1 }));
            }
            "Escape" => {
                e.prevent_default();
                dispatch.emit(Action::SetSearch(String::new()));
            }
            _ => {}
        })
    };
    let searching = !props.text.trim().is_empty();
    html! {
        <div class="search" role="search">
            <label for={SEARCH_INPUT_ID} class="visually-hidden">{ "Search events" }</label>
            <input type="search" id={SEARCH_INPUT_ID} value={props.text.clone()} {oninput} {onkeydown}
                   placeholder="Search events  ( / )" autocomplete="off" spellcheck="false"
                   aria-describedby="search-hint" />
            <span id="search-hint" class="search-hint">
                if searching {
                    { format!("{} match{} · Enter: next", props.match_count, if props.match_count == 1 { "" } else { "es" }) }
                } else {
                    <span class="visually-hidden">{ "Type to filter the events; Enter goes to the next match, Escape clears." }</span>
                }
            </span>
        </div>
    }
}
