//! Importing chronologies (placeholder until the importers land).

use crate::core::dataset::Chronology;
use std::fmt;

pub const MAX_IMPORT_BYTES: u64 = 50 * 1024 * 1024;
pub const MAX_NESTING: usize = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    TimelineJson,
    Csv,
    TimelineCsv,
}

impl Format {
    pub fn label(self) -> &'static str {
        match self {
            Format::Json => "chronology JSON",
            Format::TimelineJson => "TimelineJS JSON",
            Format::Csv => "chronology CSV",
            Format::TimelineCsv => "TimelineJS CSV",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportProblem {
    pub location: String,
    pub message: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub chronology: Chronology,
    pub format: Format,
    pub skipped: Vec<ImportProblem>,
    pub skipped_records: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportFailure {
    pub format: Option<Format>,
    pub problems: Vec<ImportProblem>,
    pub records: usize,
    pub bad_records: usize,
    pub can_skip: bool,
}

pub fn import(
    bytes: &[u8],
    _file_name: &str,
    _skip_bad_records: bool,
) -> Result<Imported, ImportFailure> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportFailure {
        format: None,
        problems: vec![ImportProblem {
            location: "file".into(),
            message: "invalid UTF-8".into(),
        }],
        records: 0,
        bad_records: 0,
        can_skip: false,
    })?;
    crate::core::dataset::parse_json(text)
        .map(|chronology| Imported {
            chronology,
            format: Format::Json,
            skipped: vec![],
            skipped_records: 0,
        })
        .map_err(|message| ImportFailure {
            format: Some(Format::Json),
            problems: vec![ImportProblem {
                location: "file".into(),
                message,
            }],
            records: 0,
            bad_records: 0,
            can_skip: false,
        })
}
