use super::{Action, DialogKind, Notice, Origin, Report, Shared, State, Theme};
use crate::core::query::Filter;
use crate::core::scene::ClusterOpening;
use crate::core::viewport::Viewport;

/// The state after `action`, or None when the action changes nothing (so that nothing
/// re-renders).
pub fn reduce(state: &State, action: Action) -> Option<State> {
    let mut s = state.clone();
    let limits = s.chronology.limits;
    match action {
        Action::Resize(width) => {
            if (width - s.window.width).abs() < 0.5 || !width.is_finite() || width <= 0.0 {
                return None;
            }
            s.window.width = width;
        }
        Action::ZoomAbout {
            factor,
            at,
            animate,
        } => {
            // The anchor is taken from the window being zoomed, not from what was last drawn:
            // several wheel events may arrive between two frames.
            let from = s.window.target();
            let anchor = from.start + at * from.span();
            let to = from.zoom_about(factor, anchor, &limits);
            s.window.go_to(to, animate);
        }
        Action::Zoom(factor) => {
            let target = s.window.target();
            let to = target.zoom_about(factor, target.center(), &limits);
            s.window.go_to(to, true);
        }
        Action::ZoomOnEvent { factor, index } => {
            let target = s.window.target();
            let anchor = match s.chronology.data.events.get(index) {
                Some(e) => {
                    ((e.first_day() + e.end_day()) as f64 / 2.0).clamp(target.start, target.end)
                }
                None => target.center(),
            };
            let to = target.zoom_about(factor, anchor, &limits);
            s.window.go_to(to, true);
        }
        Action::PanFraction(fraction) => {
            let target = s.window.target();
            let to = target.pan(fraction * target.span(), &limits);
            s.window.go_to(to, true);
        }
        Action::PanToEdge { later } => {
            let target = s.window.target();
            let reach = limits.outer_end - limits.outer_start;
            let to = target.pan(if later { reach } else { -reach }, &limits);
            s.window.go_to(to, true);
        }
        Action::SetViewport(v) => {
            s.window.animation = None;
            s.window.viewport = v.clamp(&limits);
        }
        Action::CenterOn(day) => {
            let to = s.window.target().center_on(day, &limits);
            s.window.go_to(to, true);
        }
        Action::FitAll => {
            let to = s.fit_matches().unwrap_or(s.chronology.fitted);
            s.window.go_to(to, true);
        }
        Action::FitRange(first, end) => {
            s.window.go_to(Viewport::fit(first, end, &limits), true);
        }
        Action::OpenCluster {
            members,
            group,
            spans,
        } => match s.open_cluster(&members, group, spans) {
            ClusterOpening::Zoom(to) => s.window.go_to(to, true),
            ClusterOpening::List => s.chrome.cluster_list = Some(members),
        },
        Action::CloseClusterList => {
            s.chrome.cluster_list.take()?;
        }
        Action::SetGroupBy(by) => {
            if s.lanes.by == by {
                return None;
            }
            s.lanes.by = by;
            s.lanes.regroup(&s.chronology.data, &s.filtering);
            // Chosen during a story: the reader's own, kept when it ends.
            if let Some(touring) = &mut s.story {
                touring.lanes_before = by;
            }
        }
        Action::ToggleGroup(key) => {
            s.lanes.toggle(key);
            s.lanes.regroup(&s.chronology.data, &s.filtering);
        }
        Action::UnfoldLanes => {
            if !s.lanes.unfold_all() {
                return None;
            }
            s.lanes.regroup(&s.chronology.data, &s.filtering);
        }
        Action::SetFollow(follow) => {
            if s.window.follow == follow {
                return None;
            }
            s.window.follow = follow;
            if follow {
                s.follow_filter();
            }
        }
        Action::Select(i) => {
            s.chrome.cluster_list = None;
            s.select(i);
        }
        Action::Step(delta) => {
            let next = match s.selected {
                Some(_) => s.step_from(s.selected, delta)?,
                // Nothing selected: from the window one is looking at.
                None => s.step_from_window(delta)?,
            };
            s.select(Some(next));
        }
        Action::SelectFirst => {
            let first = s.step_from(None, 1)?;
            s.select(Some(first));
        }
        Action::SelectLast => {
            let last = s.step_from(None, -1)?;
            s.select(Some(last));
        }
        Action::ToggleFacet(facet, id) => {
            // Changing the filter is exploring: a story being told ends, its view kept.
            s.leave_story();
            let set = s.filtering.filter.selected_mut(facet);
            if !set.remove(&id) {
                set.insert(id);
            }
            s.refilter();
            s.follow_filter();
        }
        Action::OnlyFacet(facet, id) => {
            // Changing the filter is exploring: a story being told ends, its view kept.
            s.leave_story();
            let set = s.filtering.filter.selected_mut(facet);
            set.clear();
            set.insert(id);
            s.refilter();
            s.follow_filter();
        }
        Action::ClearFacet(facet) => {
            // Changing the filter is exploring: a story being told ends, its view kept.
            s.leave_story();
            s.filtering.filter.selected_mut(facet).clear();
            s.refilter();
            s.follow_filter();
        }
        Action::ClearFilters => {
            // Changing the filter is exploring: a story being told ends, its view kept.
            s.leave_story();
            s.filtering.filter = Filter::default();
            s.refilter();
            s.follow_filter();
        }
        Action::SetSearch(text) => {
            // Changing the filter is exploring: a story being told ends, its view kept.
            s.leave_story();
            s.filtering.filter.text = text;
            s.refilter();
            s.follow_filter();
        }
        Action::IndexSearch => {
            if s.filtering.search.len() >= s.len() {
                return None;
            }
            s.filtering.search.extend(&s.chronology.data);
        }
        Action::NextMatch(delta) => {
            if s.filtering.filter.text.trim().is_empty() {
                return None;
            }
            let next = s
                .step_from(s.selected, delta)
                .or_else(|| s.step_from(None, delta))?;
            s.select(Some(next));
        }
        Action::SetDim(dim) => {
            s.leave_story();
            s.filtering.dim = dim;
            // Dimmed events have lanes of their own where the filter restricts the grouping.
            s.lanes.regroup(&s.chronology.data, &s.filtering);
        }
        Action::ToggleFilters => s.chrome.filters_open = !s.chrome.filters_open,
        Action::ToggleTheme => {
            s.chrome.theme = if s.dark() { Theme::Light } else { Theme::Dark };
        }
        Action::OpenDialog(kind) => s.chrome.dialog = Some(kind),
        Action::CloseDialog => {
            s.chrome.dialog.take()?;
            s.chrome.report = None;
        }
        Action::ApplyView(view) => {
            // Back or Forward to another address: what was said of the last one (the parts of
            // its link that were ignored) no longer holds.
            s.chrome
                .notices
                .retain(|n| !matches!(n, Notice::View(_) | Notice::Message(_)));
            let notices = s.apply_view(&view);
            s.chrome.notices.extend(notices);
        }
        Action::Notify(notice) => s.chrome.notify(notice),
        Action::DismissNotices => {
            if s.chrome.notices.is_empty() {
                return None;
            }
            s.chrome.notices.clear();
        }
        Action::DismissDone => {
            let before = s.chrome.notices.len();
            s.chrome.notices.retain(|n| !matches!(n, Notice::Done(_)));
            if s.chrome.notices.len() == before {
                return None;
            }
        }
        Action::DismissNotice(i) => {
            if i >= s.chrome.notices.len() {
                return None;
            }
            s.chrome.notices.remove(i);
        }
        Action::Loading(loading) => {
            if loading.is_none() {
                // Loading has ended without a chronology: the link follows the page again.
                s.chrome.pending.view = None;
            }
            s.chrome.loading = loading;
        }
        Action::LoadFailed(notice) => {
            s.chrome.loading = None;
            s.chrome.pending = Default::default();
            s.chrome.notify(notice);
        }
        Action::LoadCancelled => {
            let what = s.chrome.loading.take()?.what;
            s.chrome.pending = Default::default();
            let what = what.trim_end_matches('…');
            s.chrome
                .notify(Notice::Message(format!("{what}: stopped.")));
        }
        Action::ImportFailed(report) => {
            // A link's file that did not load: the rest of the link applies to the chronology
            // shown, and the link no longer names the file (a reload, or a copied link, would
            // fail again and lose the view).
            let pending = std::mem::take(&mut s.chrome.pending);
            if let (Some(_), Some(view)) = (pending.data, pending.view) {
                let view = crate::core::url_state::ViewState { data: None, ..view };
                let notices = s.apply_view(&view);
                s.chrome.notices.extend(notices);
            }
            s.chrome.loading = None;
            s.chrome.report = Some(report);
            s.chrome.dialog = Some(DialogKind::Import);
        }
        Action::Imported {
            prepared,
            origin,
            format,
            skipped,
            skipped_records,
            eras,
            changed,
            view,
            view_notices,
            quiet,
        } => {
            let name = match &origin {
                Origin::File { name, .. } => name.clone(),
                Origin::Url(url) => url.clone(),
                _ => String::new(),
            };
            // A file's own saved view is said to be the file's, not the link's (a kept import
            // read back from storage, `quiet`, opens in the link's view or the remembered one).
            let of_file = !quiet && matches!(origin, Origin::File { .. });
            let mut fresh = s.with_chronology(*prepared, origin);
            if !of_file {
                // The file the link names (or the import kept in this browser it names), shown
                // in its place: what was said of the link (parts of it ignored) still holds.
                fresh.chrome.notices = s
                    .chrome
                    .notices
                    .iter()
                    .filter(|n| !n.is_about_chronology() || matches!(n, Notice::View(_)))
                    .cloned()
                    .collect();
            }
            let notices: Vec<Notice> = view_notices
                .into_iter()
                .map(Notice::View)
                .chain(view.map(|v| fresh.apply_view(&v)).unwrap_or_default())
                .map(|n| if of_file { n.of_file_view() } else { n })
                .collect();
            let events = fresh.len();
            if !quiet {
                fresh.chrome.notices.push(Notice::Imported {
                    events,
                    eras,
                    name: name.clone(),
                    format,
                    left_out: skipped_records,
                });
            }
            fresh.chrome.notices.extend(notices);
            if !skipped.is_empty() || skipped_records > 0 || !changed.is_empty() {
                fresh.chrome.report = Some(Report::Skipped {
                    name,
                    imported: events,
                    eras,
                    skipped: Shared::new(skipped),
                    skipped_records,
                    changed: Shared::new(changed),
                });
                fresh.chrome.dialog = Some(DialogKind::Import);
            }
            s = fresh;
        }
        Action::RestoreBuiltin(builtin) => {
            // In the view it had when it was replaced (what was said of that view was said then).
            let view = s.chrome.builtin_view.clone();
            s = s.with_chronology(*builtin, Origin::Builtin);
            if let Some(view) = view {
                let _ = s.apply_view(&view);
            }
            s.chrome.notices.push(Notice::BuiltinAgain);
        }
        Action::BackToBuiltin { builtin, view } => {
            s = s.with_chronology(*builtin, Origin::Builtin);
            let notices = s.apply_view(&view);
            s.chrome.notices.extend(notices);
            s.chrome.notices.push(Notice::BuiltinAgain);
        }
        Action::Dragging(on) => {
            if s.chrome.dragging == on {
                return None;
            }
            s.chrome.dragging = on;
        }
        Action::StartStory(story) => {
            let first = crate::core::story::start(&s.chronology.data, story)?;
            s.show_scene(first, true);
            s.chrome.dialog = None;
        }
        Action::GoToScene(scene) => {
            let mut position = s.story?.position;
            position.scene = scene;
            if Some(position) == s.story.map(|t| t.position) || !s.show_scene(position, true) {
                return None;
            }
        }
        Action::NextScene => {
            let next = s.story?.position.next(&s.chronology.data)?;
            s.show_scene(next, true);
        }
        Action::PreviousScene => {
            let previous = s.story?.position.previous(&s.chronology.data)?;
            s.show_scene(previous, true);
        }
        Action::LeaveStory => {
            if !s.leave_story() {
                return None;
            }
        }
        Action::Dismiss => {
            if s.selected.is_some() {
                s.chrome.cluster_list = None;
                s.select(None);
            } else if s.chrome.cluster_list.is_some() {
                s.chrome.cluster_list = None;
            } else if !s.leave_story() {
                return None;
            }
        }
        Action::Frame(now) => {
            if !s.window.frame(now, &limits) {
                return None;
            }
        }
    }
    // An event newly selected: its details open in the filters' place (or as a sheet on a
    // phone), so a filters' drawer left open would cover them.
    if state.selected.is_none() && s.selected.is_some() {
        s.chrome.filters_open = false;
    }
    Some(s)
}
