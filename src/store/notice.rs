use crate::core::import::Format;
use std::fmt;

/// A short message for the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A chronology was imported (dropped when another one is shown), with the records left out
    /// of it, if any (the import dialog lists them, until it is closed).
    Imported {
        events: usize,
        /// The file's eras imported (as phases), said beside the events.
        eras: usize,
        name: String,
        format: Format,
        left_out: usize,
    },
    /// Back to the built-in chronology.
    BuiltinAgain,
    /// What a link's or a file's saved view asked that was ignored or changed ("Ignored
    /// from='xyz' in the link", "The link's domain 'nope' is not in this chronology"): said of
    /// the chronology it was applied to, and dropped with it when another one is shown.
    View(String),
    /// Anything else, in words.
    Message(String),
    /// What the reader just did has worked (e.g. a copy to the clipboard): said in passing, it
    /// goes by itself.
    Done(String),
}

impl Notice {
    /// What an import's notice says of the records left out ("2,500 records were left out."),
    /// if any were.
    pub fn left_out(records: usize) -> Option<String> {
        (records > 0).then(|| {
            format!(
                "{} left out.",
                crate::core::text::plural(records, "record was", "records were")
            )
        })
    }

    /// Whether the notice is about the chronology shown (that it was imported, or shown again,
    /// and what its view asked that was ignored), rather than about the page or the browser (a
    /// storage that is full, a load that failed or stopped): when another chronology is shown,
    /// such notices go with the one they are about.
    pub fn is_about_chronology(&self) -> bool {
        matches!(
            self,
            Notice::Imported { .. } | Notice::BuiltinAgain | Notice::View(_)
        )
    }

    /// A link's notice said of a file's saved view instead ("The link's event …" → "The file's
    /// saved view's event …", "… in the link." → "… in the file's saved view.").
    pub fn of_file_view(self) -> Notice {
        match self {
            Notice::View(m) => Notice::View(
                m.replace("The link's", "The file's saved view's")
                    .replace("the link's", "the file's saved view's")
                    .replace("in the link", "in the file's saved view"),
            ),
            other => other,
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::Imported {
                events,
                eras,
                name,
                format,
                left_out,
            } => {
                write!(
                    f,
                    "Imported {} from {name} ({}).",
                    crate::core::import::arrived(*events, *eras),
                    format.label()
                )?;
                if let Some(more) = Notice::left_out(*left_out) {
                    write!(f, " {more}")?;
                }
                Ok(())
            }
            Notice::BuiltinAgain => f.write_str("The Japan–NATO chronology is shown again."),
            Notice::View(text) | Notice::Message(text) | Notice::Done(text) => f.write_str(text),
        }
    }
}

impl From<String> for Notice {
    fn from(text: String) -> Self {
        Notice::Message(text)
    }
}
