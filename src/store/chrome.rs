//! Everything around the chronology: dialogs, notices, the theme, the filters drawer, loading.

use super::{Notice, Shared};
use crate::core::import::{ImportFailure, ImportProblem};
use crate::core::url_state::ViewState;

/// The colour theme the user chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Whatever the system asks for.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn is_dark(self, system_dark: bool) -> bool {
        match self {
            Theme::System => system_dark,
            Theme::Light => false,
            Theme::Dark => true,
        }
    }

    /// How the choice is remembered ("light", "dark"; nothing for the system's).
    pub fn stored(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    /// A remembered choice; anything unexpected counts as no choice.
    pub fn from_stored(value: Option<&str>) -> Theme {
        match value {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::System,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    Help,
    About,
    Import,
    /// The chronology's stories, to choose one to tell.
    Stories,
}

/// A file being read, loaded or imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// "Loading slow.json…"
    pub what: String,
    /// Done so far, in `unit`s.
    pub loaded: f64,
    /// In all, when known.
    pub total: Option<f64>,
    /// What `loaded` and `total` count.
    pub unit: Unit,
    /// Whether the reader may stop it (a link's file, an import that runs off the main thread).
    pub cancellable: bool,
}

/// What a [`Progress`] counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Unit {
    /// Bytes of the file, while it is read or loaded.
    #[default]
    Bytes,
    /// Events of the chronology, once the file has been parsed and checked.
    Events,
}

/// What the import dialog reports after an attempt.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// Nothing was changed; every problem found is listed. `bytes` are kept so that the user
    /// may import the good records without choosing the file again.
    Failed {
        name: String,
        failure: Shared<ImportFailure>,
        bytes: Shared<Vec<u8>>,
        /// A file a `?data=` link named, with the link's view: its good records go where the
        /// link said (the link's file and view), not into the browser's kept import.
        link: Option<Shared<(String, ViewState)>>,
    },
    /// Imported, with some records left out as the user asked, or changed on the way in
    /// (control characters removed, columns ignored).
    Skipped {
        name: String,
        /// The events imported, and the file's eras (see [`crate::core::import::arrived`]).
        imported: usize,
        eras: usize,
        /// The problems of the records left out (a list cut at
        /// [`crate::core::import::MAX_PROBLEMS`]).
        skipped: Shared<Vec<ImportProblem>>,
        /// How many records were left out.
        skipped_records: usize,
        changed: Shared<Vec<ImportProblem>>,
    },
}

/// A chronology the link names (`?data=`) that is loading or failed to: the link keeps naming
/// it, and keeps its whole view until the chronology is there to apply it to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PendingLink {
    /// The `data=` value.
    pub data: Option<String>,
    /// The link's view, while its chronology loads.
    pub view: Option<ViewState>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chrome {
    /// The open dialog, if any.
    pub dialog: Option<DialogKind>,
    /// What the last import attempt found, for the import dialog.
    pub report: Option<Report>,
    /// Short messages for the user (e.g. parts of a link that were ignored).
    pub notices: Vec<Notice>,
    /// What went wrong reading the chronology, shown in the page.
    pub error: Option<String>,
    /// Light or dark, as chosen or as the system says.
    pub theme: Theme,
    /// Whether the system asks for dark (what [`Theme::System`] follows).
    pub system_dark: bool,
    /// On narrow screens, whether the filters drawer is open.
    pub filters_open: bool,
    /// A file being read or loaded.
    pub loading: Option<Progress>,
    /// A file is being dragged over the page.
    pub dragging: bool,
    pub pending: PendingLink,
    /// The events of a `+N` badge too crowded to spread, listed for choosing.
    pub cluster_list: Option<Vec<usize>>,
    /// While another chronology is shown, the view the built-in one had when it was replaced:
    /// "Restore the Japan–NATO chronology" goes back to it (filters, lanes, window), as Back does.
    pub builtin_view: Option<ViewState>,
}

impl Chrome {
    /// Adds a notice, once (the same message again moves to the end).
    pub fn notify(&mut self, notice: Notice) {
        self.notices.retain(|n| n != &notice);
        self.notices.push(notice);
    }
}
