//! The page: its layout, the store, and the effects at its edge (start-up, the address bar,
//! storage, the theme, animation frames, keys and file drops).

use crate::core::url_state;
use crate::store::{self, boot::Deferred, Action, Origin, State};
use crate::ui::adapters::{self, exports::Export, storage, timing};
use crate::ui::components::{
    chips::FilterChips,
    detail::Detail,
    dialogs::Dialog,
    event_list::{EventList, FULL_LIST_LIMIT},
    facets::Facets,
    footer::Footer,
    header::Header,
    notices::{Notices, Toasts},
    overview::Overview,
    print_list::PrintList,
    story::StoryPanel,
    timeline::Timeline,
};
use std::rc::Rc;
use yew::prelude::*;

/// The store's reducer, for Yew: an action that changes nothing re-renders nothing.
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match store::reduce(&self, action) {
            Some(next) => Rc::new(next),
            None => self,
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let deferred = use_mut_ref(|| Deferred::Nothing);
    let store = {
        let deferred = deferred.clone();
        use_reducer(move || {
            let (state, later) = adapters::boot::start();
            *deferred.borrow_mut() = later;
            state
        })
    };
    // One stable callback: children whose other props are unchanged (facets, list, details)
    // then skip re-rendering while the timeline zooms.
    let dispatch = use_callback(store.dispatcher(), |action: Action, dispatcher| {
        dispatcher.dispatch(action)
    });
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            crate::ui::mark("explorer:first-render");
            let later = std::mem::take(&mut *deferred.borrow_mut());
            adapters::boot::run_deferred(later, dispatch);
        });
    }
    let view_query = url_state::to_query(&store.view_state());
    storage::use_remember_view(
        matches!(store.chronology.origin, Origin::File { .. }),
        view_query.clone(),
    );
    // The page takes the theme in the render that changes it, before any child's effect reads
    // the stylesheet's colours (the canvases); it is remembered after.
    use_memo(store.chrome.theme, |theme| {
        adapters::environment::apply_theme(*theme)
    });
    use_effect_with(store.chrome.theme, |theme| {
        adapters::environment::remember_theme(*theme)
    });
    adapters::history::use_history(&store);
    // The tab says which chronology it shows.
    use_effect_with(store.chronology.data.title.clone(), |title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
    timing::use_animation_frames(store.window.animation.is_some(), store.dispatcher());
    adapters::keys::use_page_keys(dispatch.clone());
    adapters::keys::use_input_modality();
    adapters::focus::use_focus_keeper();
    // The drawer takes the focus when it opens and gives it back to its button when it closes.
    let drawer_seen = use_mut_ref(|| false);
    use_effect_with(store.chrome.filters_open, move |open| {
        if !std::mem::replace(&mut *drawer_seen.borrow_mut(), true) {
            return;
        }
        let document = web_sys::window().and_then(|w| w.document());
        let lost = document
            .as_ref()
            .and_then(|d| d.active_element())
            .is_none_or(|a| {
                a.tag_name() == "BODY" || a.closest("#facets").ok().flatten().is_some()
            });
        let id = if *open {
            "filters-close"
        } else {
            "filters-toggle"
        };
        if *open || lost {
            if let Some(el) = document
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        }
    });
    adapters::files::use_drop_import(dispatch.clone());
    adapters::environment::use_side_column_top((
        store.chrome.notices.len(),
        store.chrome.error.is_some(),
        store.chrome.loading.is_some(),
    ));
    // The search text is folded a chunk at a time while the page is idle, starting a moment after
    // a chronology shows, so that a first search in a big chronology does not wait for all of it.
    {
        let folded = store.filtering.search.len();
        let complete = folded >= store.len();
        let dispatch = dispatch.clone();
        use_effect_with(
            (store.chronology.data.id(), folded, complete),
            move |&(_, folded, complete)| {
                let step = (!complete).then(|| {
                    let delay = if folded == 0 { 1_000 } else { 30 };
                    gloo::timers::callback::Timeout::new(delay, move || {
                        dispatch.emit(Action::IndexSearch)
                    })
                });
                move || drop(step)
            },
        );
    }

    // The first frame shows the header, the overview and the timeline; the filters, the list and
    // the details (their places kept) follow in a task just after it.
    let full = use_state(|| false);
    {
        // Asked for in the first render itself: Yew runs effects only after that frame.
        let show = full.setter();
        use_mut_ref(move || timing::after_next_frame(move || show.set(true)));
    }
    let full = *full;

    // Exports are made from the state at the time of the click (the callbacks stay the same, so
    // that the facets do not re-render while the timeline moves).
    let latest = use_mut_ref(|| None::<State>);
    *latest.borrow_mut() = Some((*store).clone());
    let on_export = use_callback(
        (latest.clone(), dispatch.clone()),
        |kind: Export, (latest, dispatch)| {
            if let Some(state) = latest.borrow().clone() {
                adapters::exports::export(state, kind, dispatch.clone());
            }
        },
    );
    let on_cite = use_callback(
        (latest, dispatch.clone()),
        |index: usize, (latest, dispatch)| {
            if let Some(state) = latest.borrow().as_ref() {
                adapters::exports::copy_event_citation(state, index, dispatch.clone());
            }
        },
    );
    let on_copy_link = {
        let dispatch = dispatch.clone();
        let imported = matches!(store.chronology.origin, Origin::File { .. });
        Callback::from(move |_| {
            adapters::clipboard::copy_link(dispatch.clone(), &view_query, imported)
        })
    };

    let s = &*store;
    let data = &s.chronology.data;
    let filtering = &s.filtering;
    // What leaves no event to show, said over the timeline and in the list.
    let nothing = (filtering.match_count == 0).then(|| s.nothing_matches());
    let dark = s.dark();
    let selected_announcement = s
        .selected
        .and_then(|i| data.events.get(i))
        .map(|e| format!("Selected: {} — {}", e.date_label(), e.title))
        .unwrap_or_default();
    let filters_label = match s.active_filters() {
        0 => format!(
            "Filters · showing all {}",
            crate::core::text::thousands(s.len())
        ),
        n => format!(
            "Filters ({n} on) · showing {} of {}",
            crate::core::text::thousands(filtering.match_count),
            crate::core::text::thousands(s.len())
        ),
    };
    let import_open = s.chrome.dialog == Some(store::DialogKind::Import);
    // Escape in the filters drawer closes it.
    let on_drawer_key = {
        let (dispatch, open) = (dispatch.clone(), s.chrome.filters_open);
        Callback::from(move |e: KeyboardEvent| {
            if open && e.key() == "Escape" {
                e.prevent_default();
                dispatch.emit(Action::ToggleFilters);
            }
        })
    };
    // What was selected, in view: beside the timeline, or a sheet on a phone.
    let detail = if full && s.selected.is_some() {
        html! {
            <Detail data={data.clone()} selected={s.selected} matches={filtering.matches.clone()}
                    from_brief={s.chronology.is_builtin()} on_cite={on_cite.clone()} dispatch={dispatch.clone()} />
        }
    } else {
        Html::default()
    };
    // Focus leaving the drawer (Tab past its ends) closes it: what the focus goes to is under
    // the backdrop.
    let on_drawer_focus_out = {
        let (dispatch, open) = (dispatch.clone(), s.chrome.filters_open);
        Callback::from(move |e: FocusEvent| {
            let leaving = e
                .related_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|to| to.closest("#facets").ok().flatten().is_none());
            if open && leaving {
                dispatch.emit(Action::ToggleFilters);
            }
        })
    };
    let annotations: Vec<(f64, String)> = s
        .story_scene()
        .map(|(_, scene)| {
            scene
                .annotations
                .iter()
                .map(|a| (a.day(), a.label.clone()))
                .collect()
        })
        .unwrap_or_default();
    html! {
        <>
            <a class="skip-link" href="#timeline-drawing">{ "Skip to timeline" }</a>
            <Header data={data.clone()} origin={s.chronology.origin.clone()} search={filtering.filter.text.clone()}
                    match_count={filtering.match_count} {dark} touring={s.story.is_some()} {on_copy_link}
                    dispatch={dispatch.clone()} />
            if let (Some(loading), false) = (&s.chrome.loading, import_open) {
                <crate::ui::components::import_panel::LoadingBar loading={loading.clone()} dispatch={dispatch.clone()} />
            }
            if s.chrome.dragging {
                <div class="drop-overlay" aria-hidden="true"><p>{ "Drop the file to import it" }</p></div>
            }
            <Notices notices={s.chrome.notices.clone()} error={s.chrome.error.clone()} dispatch={dispatch.clone()} />
            <div class="visually-hidden" role="status" aria-live="polite">{ selected_announcement }</div>
            <div class={classes!("layout", s.selected.is_some().then_some("with-detail"), s.story.is_some().then_some("touring"))}>
                if let Some(touring) = s.story {
                    // A story sets the filters: its panel takes their place, beside the timeline.
                    <StoryPanel data={data.clone()} position={touring.position} take_focus={!touring.from_link}
                                from_brief={s.chronology.is_builtin()} match_count={filtering.match_count} dim={filtering.dim}
                                on_export={on_export.clone()} dispatch={dispatch.clone()} />
                } else {
                    <button type="button" id="filters-toggle" class="filters-toggle" aria-expanded={s.chrome.filters_open.to_string()}
                            aria-controls="facets" onclick={dispatch.reform(|_| Action::ToggleFilters)}>
                        { filters_label }
                    </button>
                    if s.chrome.filters_open {
                        // A tap outside the drawer closes it.
                        <div class="drawer-backdrop" aria-hidden="true" onclick={dispatch.reform(|_| Action::ToggleFilters)}></div>
                    }
                    <div id="facets" class={classes!("facets-drawer", s.chrome.filters_open.then_some("open"))}
                         onkeydown={on_drawer_key} onfocusout={on_drawer_focus_out}>
                        <div class="drawer-head">
                            <button type="button" id="filters-close" onclick={dispatch.reform(|_| Action::ToggleFilters)}>{ "Close the filters" }</button>
                        </div>
                        if full {
                            <Facets data={data.clone()} counts={filtering.counts.clone()} matches={filtering.matches.clone()}
                                    filter={filtering.filter.clone()} match_count={filtering.match_count} dim={filtering.dim}
                                    {dark} dispatch={dispatch.clone()} {on_export} />
                        }
                    </div>
                }
                // The details come before the timeline in the Tab order as on the screen: in the
                // filters' place, or under the story's bar (a sheet on a phone).
                { detail }
                <main class="main">
                    <Overview data={data.clone()} histogram={filtering.histogram.clone()} viewport={s.window.viewport} {dark}
                              limits={s.chronology.limits} width={s.window.width} annotations={annotations.clone()} dispatch={dispatch.clone()} />
                    if s.story.is_none() {
                        <FilterChips data={data.clone()} filter={filtering.filter.clone()} dispatch={dispatch.clone()} />
                    }
                    <Timeline data={data.clone()} index={s.chronology.index.clone()} limits={s.chronology.limits}
                              viewport={s.window.viewport} target={s.window.target()} width={s.window.width} selected={s.selected}
                              matches={filtering.matches.clone()} dim={filtering.dim} {dark}
                              grouping={s.lanes.grouping.clone()} group_by={s.lanes.by} follow={s.window.follow}
                              match_count={filtering.match_count} shown={s.shown_in_words()}
                              nothing={nothing.clone()}
                              annotations={annotations.clone()} cluster_list={s.chrome.cluster_list.clone()}
                              dispatch={dispatch.clone()} />
                    <div class="below">
                        if full {
                            <EventList data={data.clone()} matches={filtering.matches.clone()} match_count={filtering.match_count}
                                       nothing={nothing.clone()}
                                       search={filtering.filter.text.clone()} selected={s.selected}
                                       window={s.list_window(FULL_LIST_LIMIT)}
                                       moving={s.list_window(FULL_LIST_LIMIT).map(|_| (s.window.viewport.start, s.window.viewport.end))}
                                       dispatch={dispatch.clone()} />
                            if s.selected.is_none() {
                                { crate::ui::components::detail::detail_hint() }
                            }
                        }
                    </div>
                    <Toasts notices={s.chrome.notices.clone()} dispatch={dispatch.clone()} />
                </main>
            </div>
            <PrintList data={data.clone()} matches={filtering.matches.clone()} match_count={filtering.match_count}
                       story={s.story.map(|t| t.position.story)} shown={s.shown_in_words()} />
            if let Some(kind) = s.chrome.dialog {
                <Dialog {kind} data={data.clone()} {dark} dispatch={dispatch.clone()} origin={s.chronology.origin.clone()}
                        report={s.chrome.report.clone()} loading={s.chrome.loading.clone()} />
            }
            <Footer data={data.clone()} origin={s.chronology.origin.clone()} dispatch={dispatch.clone()} />
        </>
    }
}
