//! The page's header: the chronology's title and source, the search box and the page's tools.

use super::search::Search;
use crate::core::dataset::Chronology;
use crate::store::{Action, DialogKind, Origin, Shared};
use crate::ui::adapters::files::restore_builtin;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub data: Shared<Chronology>,
    pub origin: Origin,
    pub search: String,
    pub match_count: usize,
    pub dark: bool,
    /// Whether a story is being told (its panel has the way out, and so has the pressed
    /// button that started it).
    pub touring: bool,
    /// Copies the link to the view.
    pub on_copy_link: Callback<MouseEvent>,
    pub dispatch: Callback<Action>,
}

#[function_component(Header)]
pub fn header(props: &Props) -> Html {
    let dispatch = &props.dispatch;
    let source = &props.data.source;
    let stories = props.data.stories.len();
    // The button stays where it is while the story is told, pressed (pressing it again leaves
    // the story), so that nothing in the header moves.
    let tour = match (stories, props.touring) {
        (0, _) => None,
        (_, true) => Some(dispatch.reform(|_| Action::LeaveStory)),
        (1, false) => Some(dispatch.reform(|_| Action::StartStory(0))),
        (_, false) => Some(dispatch.reform(|_| Action::OpenDialog(DialogKind::Stories))),
    };
    // Leaving a story takes its way out (the button, or Escape) away: the focus, if it went
    // with it, comes back to the button that starts the story.
    let tour_button = use_node_ref();
    let was_touring = use_mut_ref(|| props.touring);
    {
        let tour_button = tour_button.clone();
        use_effect_with(props.touring, move |&touring| {
            let left = std::mem::replace(&mut *was_touring.borrow_mut(), touring) && !touring;
            let document = web_sys::window().and_then(|w| w.document());
            let lost = document
                .and_then(|d| d.active_element())
                .is_none_or(|e| e.tag_name() == "BODY");
            if let (true, true, Some(button)) =
                (left, lost, tour_button.cast::<web_sys::HtmlElement>())
            {
                let _ = button.focus();
            }
        });
    }
    let tour_label = if props.origin == Origin::Builtin {
        "Tour the brief"
    } else {
        "Tell the story"
    };
    html! {
        <header class="app-header">
            <div class="titles">
                <h1>{ &props.data.title }</h1>
                if props.origin.describe().is_some() {
                    <p class="source-line">
                        { super::notices::origin_text(&props.origin) }{ " · " }
                        <button type="button" class="link-button" onclick={restore_builtin(dispatch, &props.origin)}>
                            { "Restore the Japan–NATO chronology" }
                        </button>
                    </p>
                } else if !source.title.is_empty() {
                    <p class="source-line">
                        { "From " }<cite>{ &source.title }</cite>
                        if let Some(sub) = &source.subtitle { { ": " }{ sub } }
                        { format!(" — {}", source.author) }
                        if let Some(year) = source.year { { format!(", {year}") } }
                    </p>
                }
            </div>
            <div class="header-tools">
                <Search text={props.search.clone()} match_count={props.match_count} dispatch={dispatch.clone()} />
                if let Some(onclick) = tour {
                    <button type="button" class="tour" id={super::story::STORY_START_ID} {onclick} ref={tour_button}
                            aria-pressed={props.touring.to_string()}
                            aria-haspopup={(stories > 1 && !props.touring).then_some("dialog")}>{ tour_label }</button>
                }
                <button type="button" class="copy-link" onclick={props.on_copy_link.clone()}>{ "Copy link" }</button>
                <button type="button" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::Import))}>{ "Import…" }</button>
                <button type="button" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::About))}>{ "About the data" }</button>
                <button type="button" aria-pressed={props.dark.to_string()} onclick={dispatch.reform(|_| Action::ToggleTheme)}>{ "Dark theme" }</button>
                <button type="button" aria-keyshortcuts="?" onclick={dispatch.reform(|_| Action::OpenDialog(DialogKind::Help))}>{ "Help" }</button>
            </div>
        </header>
    }
}
