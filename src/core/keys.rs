//! The one key-binding table: what each key does where, read by the key handlers and listed,
//! row by row, in the Help dialog.

/// Where a key is pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere on the page outside a text field.
    Page,
    /// The search box.
    Search,
    /// The timeline (focused as a whole).
    Timeline,
    /// An event or a `+N` group on the timeline (focused).
    Mark,
    /// The overview's brush (focused).
    Brush,
    /// The event's details.
    Details,
    /// The panel of a story being told.
    Story,
    /// The overview chart (focused), read bar by bar.
    Chart,
    /// The list of events (an entry focused).
    List,
    /// A filter's values (a value's checkbox or its *only* button focused).
    Filter,
}

/// What a key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    FocusSearch,
    Help,
    NextMatch,
    PreviousMatch,
    ClearSearch,
    ZoomIn,
    ZoomOut,
    PanEarlier,
    PanLater,
    FitAll,
    SelectFirst,
    SelectLast,
    SelectPrevious,
    SelectNext,
    ClearSelection,
    /// The overview's window to the start or the end of the chronology, or a whole window
    /// earlier or later (a slider's Home, End, Page Down and Page Up).
    WindowToStart,
    WindowToEnd,
    PageEarlier,
    PageLater,
    /// Move the focus to the previous/next mark on the timeline.
    FocusPreviousMark,
    FocusNextMark,
    /// Select the focused event, or open the focused group.
    Activate,
    NextScene,
    PreviousScene,
    /// Escape on the timeline, in a story's panel or on the page: close the details (or a
    /// badge's list) first, then leave the story.
    Dismiss,
    /// Read the overview's previous, next, first or last bar.
    EarlierBar,
    LaterBar,
    FirstBar,
    LastBar,
    /// Move the focus through the list of events.
    FocusPreviousEntry,
    FocusNextEntry,
    FocusFirstEntry,
    FocusLastEntry,
    /// In a filter's values: from a value's checkbox to its *only* button, and back.
    FocusOnly,
    FocusValue,
}

/// One way to give a command: a key (`KeyboardEvent.key`) in a scope, with or without Shift
/// (None: either).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trigger {
    pub scope: Scope,
    pub key: &'static str,
    pub shift: Option<bool>,
    pub command: Command,
}

/// A row of the Help: the keys as shown, what they do, and the triggers behind them (none for
/// gestures).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: &'static str,
    pub does: &'static str,
    pub triggers: &'static [Trigger],
}

const fn on(scope: Scope, key: &'static str, command: Command) -> Trigger {
    Trigger {
        scope,
        key,
        shift: None,
        command,
    }
}

const fn shifted(scope: Scope, key: &'static str, shift: bool, command: Command) -> Trigger {
    Trigger {
        scope,
        key,
        shift: Some(shift),
        command,
    }
}

use Command as C;
use Scope as S;

/// Every shortcut and gesture, in the order the Help lists them.
pub const BINDINGS: [Binding; 23] = [
    Binding {
        keys: "/",
        does: "Search (Escape clears, Enter goes to the next match, Shift+Enter the previous)",
        triggers: &[
            on(S::Page, "/", C::FocusSearch),
            shifted(S::Search, "Enter", false, C::NextMatch),
            shifted(S::Search, "Enter", true, C::PreviousMatch),
            on(S::Search, "Escape", C::ClearSearch),
        ],
    },
    Binding {
        keys: "?",
        does: "This help",
        triggers: &[on(S::Page, "?", C::Help)],
    },
    Binding {
        keys: "+ or =",
        does: "Zoom in (timeline focused; about the event, on one)",
        triggers: &[
            on(S::Timeline, "+", C::ZoomIn),
            on(S::Timeline, "=", C::ZoomIn),
            on(S::Brush, "+", C::ZoomIn),
            on(S::Brush, "=", C::ZoomIn),
        ],
    },
    Binding {
        keys: "−",
        does: "Zoom out",
        triggers: &[
            on(S::Timeline, "-", C::ZoomOut),
            on(S::Timeline, "_", C::ZoomOut),
            on(S::Brush, "-", C::ZoomOut),
        ],
    },
    Binding {
        keys: "← →",
        does: "Pan earlier / later (timeline focused)",
        triggers: &[
            on(S::Timeline, "ArrowLeft", C::PanEarlier),
            on(S::Timeline, "ArrowRight", C::PanLater),
            on(S::Brush, "ArrowLeft", C::PanEarlier),
            on(S::Brush, "ArrowRight", C::PanLater),
        ],
    },
    Binding {
        keys: "Home / End, Page Down / Page Up",
        does: "Move the overview's window to the start / end, or a window earlier / later (the window focused)",
        triggers: &[
            on(S::Brush, "Home", C::WindowToStart),
            on(S::Brush, "End", C::WindowToEnd),
            on(S::Brush, "PageDown", C::PageEarlier),
            on(S::Brush, "PageUp", C::PageLater),
        ],
    },
    Binding {
        keys: "↑ ↓",
        does: "Move the overview's window later / earlier, as → and ← do (the window focused, as a slider's value)",
        triggers: &[
            on(S::Brush, "ArrowUp", C::PanLater),
            on(S::Brush, "ArrowDown", C::PanEarlier),
        ],
    },
    Binding {
        keys: "← → ↑ ↓",
        does: "Move between events (an event focused)",
        triggers: &[
            on(S::Mark, "ArrowLeft", C::FocusPreviousMark),
            on(S::Mark, "ArrowUp", C::FocusPreviousMark),
            on(S::Mark, "ArrowRight", C::FocusNextMark),
            on(S::Mark, "ArrowDown", C::FocusNextMark),
        ],
    },
    Binding {
        keys: "0",
        does: "Fit all the events shown (those that match the filters)",
        triggers: &[on(S::Timeline, "0", C::FitAll)],
    },
    Binding {
        keys: "Home / End",
        does: "Go to the first / last event",
        triggers: &[
            on(S::Timeline, "Home", C::SelectFirst),
            on(S::Timeline, "End", C::SelectLast),
        ],
    },
    Binding {
        keys: "[ / ]",
        does: "Previous / next event (from the window when none is selected)",
        triggers: &[
            on(S::Timeline, "[", C::SelectPrevious),
            on(S::Timeline, "]", C::SelectNext),
            on(S::Details, "[", C::SelectPrevious),
            on(S::Details, "]", C::SelectNext),
        ],
    },
    Binding {
        keys: "Enter or Space",
        does: "Select the focused event, or expand a +N group",
        triggers: &[
            on(S::Mark, "Enter", C::Activate),
            on(S::Mark, " ", C::Activate),
        ],
    },
    Binding {
        keys: "↑ ↓ Home End",
        does: "Move through the list of events, or a \u{201c}+N\u{201d} badge\u{2019}s list (an entry focused; a list is one Tab stop)",
        triggers: &[
            on(S::List, "ArrowUp", C::FocusPreviousEntry),
            on(S::List, "ArrowDown", C::FocusNextEntry),
            on(S::List, "Home", C::FocusFirstEntry),
            on(S::List, "End", C::FocusLastEntry),
        ],
    },
    Binding {
        keys: "↑ ↓ Home End, → ←",
        does: "Move through a filter's values (each filter is one Tab stop); → to a value's only, ← back",
        triggers: &[
            on(S::Filter, "ArrowUp", C::FocusPreviousEntry),
            on(S::Filter, "ArrowDown", C::FocusNextEntry),
            on(S::Filter, "Home", C::FocusFirstEntry),
            on(S::Filter, "End", C::FocusLastEntry),
            on(S::Filter, "ArrowRight", C::FocusOnly),
            on(S::Filter, "ArrowLeft", C::FocusValue),
        ],
    },
    Binding {
        keys: "← → ↓ ↑ Home End",
        does: "Read the overview year by year (the chart focused)",
        triggers: &[
            on(S::Chart, "ArrowLeft", C::EarlierBar),
            on(S::Chart, "ArrowRight", C::LaterBar),
            // (↓ scrolled the page, the chart with the focus out of sight.)
            on(S::Chart, "ArrowDown", C::EarlierBar),
            on(S::Chart, "ArrowUp", C::LaterBar),
            on(S::Chart, "Home", C::FirstBar),
            on(S::Chart, "End", C::LastBar),
        ],
    },
    Binding {
        keys: "← →",
        does: "Previous / next scene (a story's panel focused)",
        triggers: &[
            on(S::Story, "ArrowLeft", C::PreviousScene),
            on(S::Story, "ArrowRight", C::NextScene),
        ],
    },
    Binding {
        keys: "Escape",
        does: "Close the details (clear the selection); close a dialog; leave a story",
        triggers: &[
            // On the timeline too, a story is left once nothing else is open (it did nothing).
            on(S::Timeline, "Escape", C::Dismiss),
            on(S::Details, "Escape", C::ClearSelection),
            on(S::Story, "Escape", C::Dismiss),
            on(S::Page, "Escape", C::Dismiss),
        ],
    },
    Binding {
        keys: "Wheel, pinch",
        does: "Zoom about the pointer",
        triggers: &[],
    },
    Binding {
        keys: "Drag",
        does: "Pan (one finger on a touch screen)",
        triggers: &[],
    },
    Binding {
        keys: "Click or tap",
        does: "Select an event (its details open); on a \u{201c}+N\u{201d} badge, show its events",
        triggers: &[],
    },
    Binding {
        keys: "Double-click",
        does: "Zoom in at that point",
        triggers: &[],
    },
    Binding {
        keys: "Swipe down",
        does: "Close the details (on a phone, from the sheet\u{2019}s top)",
        triggers: &[],
    },
    Binding {
        keys: "Tab",
        does: "Move between controls and events",
        triggers: &[],
    },
];

/// Whether an element takes the keys a reader types, so that the page's own keys (`/`, `?`,
/// Escape) are left to it: a text area, an editable element, or an input one types into; not a
/// checkbox, a radio button, a slider, a button or a drop-down list (`<select>`), where `/` and
/// `?` would otherwise do nothing at all (and the filters are where a keyboard user spends the
/// most time).
/// `tag` is the element's tag name (upper case, as the DOM gives it), `input_type` its `type`.
pub fn takes_typing(tag: &str, input_type: &str, editable: bool) -> bool {
    match tag {
        "TEXTAREA" => true,
        "INPUT" => !matches!(
            input_type.to_ascii_lowercase().as_str(),
            "checkbox"
                | "radio"
                | "range"
                | "button"
                | "submit"
                | "reset"
                | "color"
                | "file"
                | "image"
        ),
        _ => editable,
    }
}

/// What `key` (with Shift or not) does in `scope`, if anything.
pub fn command(scope: Scope, key: &str, shift: bool) -> Option<Command> {
    BINDINGS
        .iter()
        .flat_map(|b| b.triggers.iter())
        .find(|t| t.scope == scope && t.key == key && t.shift.is_none_or(|s| s == shift))
        .map(|t| t.command)
}

/// A binding's keys cut at their separators (", ", " / ", " or "): each part between them a
/// `<kbd>` of its own (`true`; keys side by side, "← → ↑ ↓", stay one), the separators plain
/// text, so that a narrow screen can wrap the keys between parts and never inside one.
pub fn key_parts(keys: &str) -> Vec<(bool, &str)> {
    const SEPARATORS: [&str; 3] = [", ", " / ", " or "];
    let mut parts = Vec::new();
    let mut rest = keys;
    while let Some((at, sep)) = SEPARATORS
        .iter()
        .filter_map(|sep| rest.find(sep).map(|at| (at, *sep)))
        .min()
    {
        parts.push((true, &rest[..at]));
        parts.push((false, sep));
        rest = &rest[at + sep.len()..];
    }
    parts.push((true, rest));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_keys_do_what_the_help_says() {
        assert_eq!(command(S::Timeline, "+", false), Some(C::ZoomIn));
        assert_eq!(command(S::Timeline, "=", false), Some(C::ZoomIn));
        assert_eq!(command(S::Timeline, "-", false), Some(C::ZoomOut));
        assert_eq!(command(S::Timeline, "0", false), Some(C::FitAll));
        assert_eq!(command(S::Timeline, "Home", false), Some(C::SelectFirst));
        assert_eq!(command(S::Timeline, "]", false), Some(C::SelectNext));
        assert_eq!(command(S::Timeline, "Escape", false), Some(C::Dismiss));
        assert_eq!(command(S::Timeline, "x", false), None);
        // The brush zooms and pans too, but does not select.
        assert_eq!(command(S::Brush, "ArrowLeft", false), Some(C::PanEarlier));
        assert_eq!(command(S::Brush, "Home", false), Some(C::WindowToStart));
        assert_eq!(command(S::Brush, "PageUp", false), Some(C::PageLater));
        assert_eq!(command(S::Brush, "]", false), None);
        // A slider's ↑ and ↓ (the page scrolled instead, and the focused window with it).
        assert_eq!(command(S::Brush, "ArrowUp", false), Some(C::PanLater));
        assert_eq!(command(S::Brush, "ArrowDown", false), Some(C::PanEarlier));
    }

    #[test]
    fn only_fields_one_types_in_keep_the_page_keys_from_the_page() {
        for (tag, kind) in [
            ("INPUT", "text"),
            ("INPUT", "search"),
            ("INPUT", ""),
            ("TEXTAREA", ""),
        ] {
            assert!(takes_typing(tag, kind, false), "{tag} {kind}");
        }
        for (tag, kind) in [
            ("INPUT", "checkbox"),
            ("INPUT", "Radio"),
            ("INPUT", "range"),
            ("SELECT", ""),
            ("BUTTON", ""),
            ("DIV", ""),
        ] {
            assert!(!takes_typing(tag, kind, false), "{tag} {kind}");
        }
        assert!(takes_typing("DIV", "", true), "an editable element");
    }

    #[test]
    fn a_filters_values_are_walked_with_the_arrows() {
        assert_eq!(
            command(S::Filter, "ArrowDown", false),
            Some(C::FocusNextEntry)
        );
        assert_eq!(command(S::Filter, "End", false), Some(C::FocusLastEntry));
        assert_eq!(command(S::Filter, "ArrowRight", false), Some(C::FocusOnly));
        assert_eq!(command(S::Filter, "ArrowLeft", false), Some(C::FocusValue));
        // Space and Enter keep their own work: ticking a box, pressing a button.
        assert_eq!(command(S::Filter, " ", false), None);
        assert_eq!(command(S::Filter, "Enter", false), None);
    }

    #[test]
    fn shift_tells_the_next_match_from_the_previous() {
        assert_eq!(command(S::Search, "Enter", false), Some(C::NextMatch));
        assert_eq!(command(S::Search, "Enter", true), Some(C::PreviousMatch));
        assert_eq!(command(S::Page, "?", true), Some(C::Help));
    }

    #[test]
    fn no_key_means_two_things_in_one_scope() {
        let triggers: Vec<&Trigger> = BINDINGS.iter().flat_map(|b| b.triggers).collect();
        for (i, a) in triggers.iter().enumerate() {
            for b in &triggers[i + 1..] {
                let overlap = a.scope == b.scope
                    && a.key == b.key
                    && (a.shift.is_none() || b.shift.is_none() || a.shift == b.shift);
                assert!(!overlap || a.command == b.command, "{a:?} and {b:?}");
            }
        }
    }

    #[test]
    fn every_key_command_is_listed_in_the_help() {
        let listed: Vec<Command> = BINDINGS
            .iter()
            .flat_map(|b| b.triggers.iter().map(|t| t.command))
            .collect();
        for c in [
            C::FocusSearch,
            C::Help,
            C::ZoomIn,
            C::ZoomOut,
            C::PanEarlier,
            C::PanLater,
            C::WindowToStart,
            C::WindowToEnd,
            C::PageEarlier,
            C::PageLater,
            C::FitAll,
            C::SelectFirst,
            C::SelectLast,
            C::SelectPrevious,
            C::SelectNext,
            C::ClearSelection,
            C::Activate,
            C::NextScene,
            C::PreviousScene,
            C::Dismiss,
            C::FocusNextEntry,
            C::FocusOnly,
            C::FocusValue,
        ] {
            assert!(listed.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn a_binding_s_keys_are_cut_between_keys_never_inside_one() {
        let keys = |text| {
            key_parts(text)
                .into_iter()
                .filter_map(|(key, t)| key.then_some(t))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys("Home / End, Page Down / Page Up"),
            ["Home", "End", "Page Down", "Page Up"]
        );
        assert_eq!(keys("Enter or Space"), ["Enter", "Space"]);
        assert_eq!(keys("← → ↑ ↓"), ["← → ↑ ↓"]);
        // Put together again, the parts are the binding's text, as the help reads it.
        for b in BINDINGS {
            let whole: String = key_parts(b.keys).into_iter().map(|(_, t)| t).collect();
            assert_eq!(whole, b.keys);
            assert!(
                key_parts(b.keys)
                    .iter()
                    .all(|(key, t)| !key || !t.is_empty()),
                "{}",
                b.keys
            );
        }
    }
}
