//! Actions on the chrome: notices, theme, dialogs, loading.

use super::*;
use crate::core::url_state::ViewState;

#[test]
fn notify_adds_a_notice_once() {
    let n = Notice::Message("Link copied.".into());
    let s = after_all(
        &state(),
        [
            Action::Notify(n.clone()),
            Action::Notify(Notice::Message("Other.".into())),
            Action::Notify(n.clone()),
        ],
    );
    assert_eq!(s.chrome.notices.len(), 2);
    assert_eq!(
        s.chrome.notices.last(),
        Some(&n),
        "the repeated one moves to the end"
    );
}

#[test]
fn dismiss_done_removes_the_notices_of_things_done_only() {
    let s = after_all(
        &state(),
        [
            Action::Notify(Notice::Message("The file has no events.".into())),
            Action::Notify(Notice::Done("Link copied.".into())),
            Action::DismissDone,
        ],
    );
    assert_eq!(
        s.chrome.notices,
        vec![Notice::Message("The file has no events.".into())]
    );
    assert!(reduce(&s, Action::DismissDone).is_none(), "nothing to do");
}

#[test]
fn dismiss_notice_removes_that_one() {
    let s = after_all(
        &state(),
        [
            Action::Notify(Notice::Message("a".into())),
            Action::Notify(Notice::Message("b".into())),
            Action::DismissNotice(0),
        ],
    );
    assert_eq!(s.chrome.notices, vec![Notice::Message("b".into())]);
    assert!(reduce(&s, Action::DismissNotice(5)).is_none());
    let none = after(&s, Action::DismissNotices);
    assert!(none.chrome.notices.is_empty());
    assert!(reduce(&none, Action::DismissNotices).is_none());
}

#[test]
fn toggle_theme_switches_from_what_shows() {
    let s = state();
    assert_eq!(after(&s, Action::ToggleTheme).chrome.theme, Theme::Dark);
    let mut dark_system = s.clone();
    dark_system.chrome.system_dark = true;
    assert!(dark_system.dark());
    assert_eq!(
        after(&dark_system, Action::ToggleTheme).chrome.theme,
        Theme::Light
    );
}

#[test]
fn toggle_filters_opens_and_closes_the_drawer() {
    let s = after(&state(), Action::ToggleFilters);
    assert!(s.chrome.filters_open);
    assert!(!after(&s, Action::ToggleFilters).chrome.filters_open);
}

#[test]
fn dialogs_open_and_close_and_closing_drops_the_report() {
    let s = after(&state(), Action::OpenDialog(DialogKind::Help));
    assert_eq!(s.chrome.dialog, Some(DialogKind::Help));
    let closed = after(&s, Action::CloseDialog);
    assert_eq!(closed.chrome.dialog, None);
    assert!(reduce(&closed, Action::CloseDialog).is_none());
    let failed = after(&state(), Action::ImportFailed(failure_report()));
    assert!(after(&failed, Action::CloseDialog).chrome.report.is_none());
}

#[test]
fn dragging_shows_the_drop_overlay_once() {
    let s = after(&state(), Action::Dragging(true));
    assert!(s.chrome.dragging);
    assert!(reduce(&s, Action::Dragging(true)).is_none());
    assert!(!after(&s, Action::Dragging(false)).chrome.dragging);
}

#[test]
fn loading_shows_progress_and_its_end_releases_the_link() {
    let mut s = state();
    s.chrome.pending = PendingLink {
        data: Some("x.csv".into()),
        view: Some(ViewState::default()),
    };
    let progress = Progress {
        what: "Loading x.csv…".into(),
        loaded: 10.0,
        total: Some(100.0),
        unit: Unit::Bytes,
        cancellable: true,
    };
    let l = after(&s, Action::Loading(Some(progress.clone())));
    assert_eq!(l.chrome.loading, Some(progress));
    assert!(
        l.chrome.pending.view.is_some(),
        "the link keeps its view while loading"
    );
    let failed = after(&l, Action::LoadFailed(Notice::Message("unreadable".into())));
    assert_eq!(failed.chrome.loading, None);
    assert_eq!(
        failed.chrome.pending,
        PendingLink::default(),
        "the link forgets the import"
    );
    assert_eq!(
        failed.chrome.notices.last(),
        Some(&Notice::Message("unreadable".into()))
    );
    let cancelled = after(&l, Action::LoadCancelled);
    assert_eq!(cancelled.chrome.loading, None);
    assert_eq!(
        cancelled.chrome.pending,
        PendingLink::default(),
        "the link forgets the file"
    );
    assert_eq!(
        cancelled
            .chrome
            .notices
            .last()
            .map(|n| n.to_string())
            .as_deref(),
        Some("Loading x.csv: stopped.")
    );
    assert!(reduce(&cancelled, Action::LoadCancelled).is_none());
    let done = after(&l, Action::Loading(None));
    assert_eq!(done.chrome.loading, None);
    assert_eq!(done.chrome.pending.view, None);
    assert_eq!(done.chrome.pending.data.as_deref(), Some("x.csv"));
}

#[test]
fn selecting_an_event_closes_the_drawer_that_would_cover_its_details() {
    let open = after(&state(), Action::ToggleFilters);
    let selected = after(&open, Action::Select(Some(3)));
    assert_eq!(selected.selected, Some(3));
    assert!(
        !selected.chrome.filters_open,
        "the details show, not the drawer"
    );
    // With the details open, the filters open as a drawer from their button and stay open
    // while another event is chosen, or the selection is cleared, from inside it.
    let both = after(&selected, Action::ToggleFilters);
    assert!(after(&both, Action::Select(Some(4))).chrome.filters_open);
    assert!(after(&both, Action::Select(None)).chrome.filters_open);
}

/// Back or Forward to another address: the notices of the last one (the parts of its link that
/// were ignored) go, and the new one's are said.
#[test]
fn back_and_forward_leave_the_last_address_notices_behind() {
    let (first, _) = crate::core::url_state::parse("?domain=nope");
    let s = after(&state(), Action::ApplyView(first));
    assert_eq!(s.chrome.notices.len(), 1, "{:?}", s.chrome.notices);
    let (other, _) = crate::core::url_state::parse("?event=also-nope");
    let after_nav = after(&s, Action::ApplyView(other));
    let texts: Vec<String> = after_nav
        .chrome
        .notices
        .iter()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(texts[0].contains("also-nope"), "{texts:?}");
}
