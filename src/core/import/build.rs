//! The records of a file built into a chronology: the draft, the domains, phases and third
//! parties derived from its events, and the final checks.

use super::clean::{check_ids, clean_texts};
use super::tally::{tally_notices, Change, Tallied};
use super::timeline::label_for_id;
use super::{capped, quoted, Format, ImportFailure, ImportProblem, Imported, MAX_PROBLEMS};
use crate::core::dataset::validate::validate;
use crate::core::dataset::{Chronology, Domain, Event, Footnote, Phase, Story, ThirdParty};
use crate::core::sort;
use crate::core::story::Stripped;
use crate::core::synthetic::MAX_EVENTS;
use crate::core::text::{plural, thousands};
use std::collections::{HashMap, HashSet};

/// What a record of the file turned into.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Event(Box<Event>),
    Era(Phase),
    /// Too broken to build.
    Nothing,
}

/// One record (an event, an era, a CSV row) with its problems.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// "event 5 (id 'x')", "row 14": where problems found later are reported.
    pub location: String,
    pub item: Item,
    pub problems: Vec<ImportProblem>,
    /// A TimelineJS media link, cited by the event.
    pub media: Option<Footnote>,
    /// Our CSV: the links of the footnotes the row cites.
    pub footnote_urls: Vec<(u32, String)>,
    /// What the import changed in the record (reported if the record is kept).
    pub notices: Vec<ImportProblem>,
    /// Changes the report counts by kind rather than lists record by record (media left out,
    /// headlines read as HTML), reported if the record is kept.
    pub tallied: Vec<Tallied>,
}

impl Record {
    pub fn new(location: String) -> Self {
        Self {
            location,
            item: Item::Nothing,
            problems: vec![],
            media: None,
            footnote_urls: vec![],
            notices: vec![],
            tallied: vec![],
        }
    }

    /// A change at `place` ("column Media") that the report counts by kind; `example` is the
    /// value as the file gives it.
    pub fn tally(&mut self, place: &str, change: Change, example: &str) {
        self.tallied.push(Tallied {
            place: place.to_string(),
            change,
            example: example.to_string(),
        });
    }

    /// A problem at `place` within the record ("column Year", "field start").
    pub fn problem(&mut self, place: &str, message: impl Into<String>) {
        let location = if place.is_empty() {
            self.location.clone()
        } else {
            format!("{}, {place}", self.location)
        };
        self.problems.push(ImportProblem::new(location, message));
    }
}

/// How the chronology's facets come from the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Derive {
    /// As the file gives them (our JSON).
    Nothing,
    /// Phases from eras, each event in the first era its start lies in (TimelineJS).
    Eras,
    /// Phases, domains, third parties and footnotes from the ids the events use (our CSV).
    FromEvents,
}

/// A parsed file, before its records are checked together.
pub(crate) struct Draft {
    pub format: Format,
    /// The chronology without events (and, for derived facets, without those).
    pub base: Chronology,
    pub records: Vec<Record>,
    /// Problems not tied to a record.
    pub fatal: Vec<ImportProblem>,
    pub derive: Derive,
    /// The view the file carries (our JSON's `view`, our CSV's `# view:` line).
    pub view: Option<String>,
    /// What the import changed or left out outside the records (ignored columns, cleaned texts).
    pub notices: Vec<ImportProblem>,
    /// Events the file's stories highlight that none of its records is (our JSON's and CSV's
    /// stories are written by hand, or keep naming rows deleted from an export): taken out of
    /// the scenes, and said.
    pub missing_events: HashSet<String>,
}

/// The refusal for a file with more records than the explorer can show.
pub(crate) fn too_many_records(count: usize) -> ImportProblem {
    ImportProblem::new(
        "file",
        format!(
            "the file has {}; at most {} can be imported",
            plural(count, "record", "records"),
            thousands(MAX_EVENTS)
        ),
    )
}

/// The chronology of the included records, and the scenes of its stories that lost events
/// (still there: see [`crate::core::story::strip_events`]).
fn build(draft: &Draft, include: &[bool]) -> (Chronology, Vec<Stripped>) {
    let mut c = draft.base.clone();
    let included = || {
        draft
            .records
            .iter()
            .zip(include)
            .filter(|(_, inc)| **inc)
            .map(|(r, _)| r)
    };
    if draft.derive == Derive::Eras {
        c.phases = included()
            .filter_map(|r| match &r.item {
                Item::Era(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
    }
    // A link's footnote takes a number after every one known or cited (a row citing a footnote
    // the file does not define gets "Footnote N of the source" below, which a link's must not
    // take).
    let cited = included().flat_map(|r| match &r.item {
        Item::Event(e) => e.footnotes.clone(),
        _ => vec![],
    });
    let mut next_note = c
        .footnotes
        .iter()
        .map(|f| f.number)
        .chain(cited)
        .max()
        .unwrap_or(0)
        .saturating_add(1);
    for r in included() {
        let Item::Event(e) = &r.item else { continue };
        let mut e = (**e).clone();
        if draft.derive == Derive::Eras {
            e.phase = c
                .phases
                .iter()
                .find(|p| {
                    e.start.end_day() > p.start.first_day() && e.start.first_day() < p.end.end_day()
                })
                .map(|p| p.id.clone())
                .unwrap_or_default();
        }
        if let Some(f) = &r.media {
            let mut f = f.clone();
            f.number = next_note;
            next_note = next_note.saturating_add(1);
            e.footnotes.push(f.number);
            c.footnotes.push(f);
        }
        c.events.push(e);
    }
    // A story's scenes lose the events that are not in it: those of records left out (an
    // imported TimelineJS story has a scene per slide; a skipped slide takes its scene with
    // it), and those the file does not have. Scenes left about none stay until the chronology
    // is checked (see `finish`).
    let ids: HashSet<&str> = c.events.iter().map(|e| e.id.as_str()).collect();
    let stripped = crate::core::story::strip_events(&mut c.stories, |id| ids.contains(id));
    match draft.derive {
        Derive::Nothing => {}
        Derive::Eras => {
            let used: HashSet<&str> = c
                .events
                .iter()
                .flat_map(|e| e.domains.iter().map(String::as_str))
                .collect();
            let domains = c
                .domains
                .iter()
                .filter(|d| used.contains(d.id.as_str()))
                .cloned()
                .collect();
            c.domains = domains;
        }
        Derive::FromEvents => derive_from_events(&mut c, included()),
    }
    (c, stripped)
}

/// What the stories lost on the way in for events the file does not have (`missing`), in
/// words, placed by story and scene: highlights taken out, scenes left about none of the
/// chronology's events, stories left without scenes. (What they lost with records left out
/// goes without saying: those records are listed.)
fn story_notices(
    stories: &[Story],
    stripped: &[Stripped],
    missing: &HashSet<String>,
) -> Vec<ImportProblem> {
    let story_place = |i: usize| {
        let id = stories.get(i).map_or("", |s| s.id.as_str());
        format!("story {} (id {})", i + 1, quoted(id))
    };
    let mut notices = Vec::new();
    let mut told = Vec::new();
    for s in stripped {
        let absent: Vec<String> = s
            .removed
            .iter()
            .filter(|id| missing.contains(*id))
            .map(|id| quoted(id))
            .collect();
        if absent.is_empty() {
            continue;
        }
        let scene_id = stories
            .get(s.story)
            .and_then(|story| story.scenes.get(s.scene))
            .map_or("", |scene| scene.id.as_str());
        let place = format!(
            "{}, scene {} (id {})",
            story_place(s.story),
            s.scene + 1,
            quoted(scene_id)
        );
        let events = if absent.len() == 1 {
            format!("the highlighted event {} is", absent[0])
        } else {
            format!("the highlighted events {} are", absent.join(", "))
        };
        let message = match (s.emptied, absent.len() == s.removed.len()) {
            (false, _) => format!("{events} not in the file: no longer highlighted"),
            (true, true) if absent.len() == 1 => format!(
                "the scene is left out: the only event it highlights, {}, is not in the file",
                absent[0]
            ),
            (true, true) => format!(
                "the scene is left out: none of the events it highlights ({}) is in the file",
                absent.join(", ")
            ),
            (true, false) => format!(
                "the scene is left out: of the events it highlights, {} not in the file and the others were left out",
                if absent.len() == 1 {
                    format!("{} is", absent[0])
                } else {
                    format!("{} are", absent.join(", "))
                }
            ),
        };
        notices.push(ImportProblem::new(place, message));
        told.push(s.story);
    }
    for (i, story) in stories.iter().enumerate() {
        let emptied = stripped
            .iter()
            .filter(|s| s.story == i && s.emptied)
            .count();
        if told.contains(&i) && !story.scenes.is_empty() && emptied == story.scenes.len() {
            notices.push(ImportProblem::new(
                story_place(i),
                "the story is left out: none of its scenes is left",
            ));
        }
    }
    notices
}

/// Our CSV: the facets and footnotes that the events use and the chronology does not have (all
/// of them when the file has no head lines), from their ids and numbers.
fn derive_from_events<'a>(c: &mut Chronology, records: impl Iterator<Item = &'a Record>) {
    let mut urls: HashMap<u32, String> = HashMap::new();
    for r in records {
        for (n, url) in &r.footnote_urls {
            urls.entry(*n).or_insert_with(|| url.clone());
        }
    }
    let mut seen_domains: HashSet<String> = c.domains.iter().map(|d| d.id.clone()).collect();
    let mut seen_parties: HashSet<String> = c.third_parties.iter().map(|t| t.id.clone()).collect();
    let known_phases: HashSet<String> = c.phases.iter().map(|p| p.id.clone()).collect();
    let known_notes: HashSet<u32> = c.footnotes.iter().map(|f| f.number).collect();
    let mut phases: Vec<Phase> = Vec::new();
    let mut phase_index: HashMap<String, usize> = HashMap::new();
    let mut numbers = Vec::new();
    for e in &c.events {
        for d in &e.domains {
            if seen_domains.insert(d.clone()) {
                c.domains.push(Domain {
                    id: d.clone(),
                    label: label_for_id(d),
                    description: String::new(),
                });
            }
        }
        for t in &e.third_parties {
            if seen_parties.insert(t.clone()) {
                c.third_parties.push(ThirdParty {
                    id: t.clone(),
                    label: label_for_id(t),
                });
            }
        }
        numbers.extend(e.footnotes.iter().filter(|n| !known_notes.contains(n)));
        if !e.phase.is_empty() && !known_phases.contains(&e.phase) {
            let last = e.end.unwrap_or(e.start);
            match phase_index.get(&e.phase) {
                Some(&i) => {
                    if let Some(p) = phases.get_mut(i) {
                        if e.start < p.start {
                            p.start = e.start;
                        }
                        if last.end_day() > p.end.end_day() {
                            p.end = last;
                        }
                    }
                }
                None => {
                    phase_index.insert(e.phase.clone(), phases.len());
                    phases.push(Phase {
                        id: e.phase.clone(),
                        label: label_for_id(&e.phase),
                        start: e.start,
                        end: last,
                        summary: String::new(),
                        evidence: String::new(),
                    });
                }
            }
        }
    }
    c.phases.extend(phases);
    sort::sort_by_key(&mut c.phases, |p| p.start);
    sort::sort(&mut numbers);
    numbers.dedup();
    c.footnotes.extend(numbers.into_iter().map(|n| Footnote {
        number: n,
        citation: format!("Footnote {n} of the source"),
        url: urls.get(&n).cloned(),
        other_urls: vec![],
        sources: vec![],
    }));
    sort::sort_by_key(&mut c.footnotes, |f| f.number);
}

/// Checks the records together, and gives the chronology or every problem.
pub(super) fn finish(draft: Draft, skip: bool) -> Result<Imported, ImportFailure> {
    let format = draft.format;
    let mut draft = draft;
    clean_texts(&mut draft);
    let mut fatal = std::mem::take(&mut draft.fatal);
    check_ids(&mut draft, &mut fatal);
    let count = draft.records.len();
    if count > MAX_EVENTS {
        return Err(ImportFailure {
            records: count,
            ..ImportFailure::of_file(Some(format), vec![too_many_records(count)])
        });
    }
    let mut include: Vec<bool> = draft
        .records
        .iter()
        .map(|r| r.problems.is_empty() && !matches!(r.item, Item::Nothing))
        .collect();
    let mut chronology;
    let mut stripped;
    loop {
        (chronology, stripped) = build(&draft, &include);
        let problems = validate(&chronology);
        if problems.is_empty() {
            break;
        }
        // Which included record each event (and era) id belongs to.
        let mut events: HashMap<&str, usize> = HashMap::new();
        let mut eras: HashMap<&str, usize> = HashMap::new();
        for (i, r) in draft.records.iter().enumerate() {
            if include.get(i).copied().unwrap_or(false) {
                match &r.item {
                    Item::Event(e) => {
                        events.entry(e.id.as_str()).or_insert(i);
                    }
                    Item::Era(p) => {
                        eras.entry(p.id.as_str()).or_insert(i);
                    }
                    Item::Nothing => {}
                }
            }
        }
        let mut attributed: Vec<(usize, String)> = Vec::new();
        let mut unattributed = false;
        for p in problems {
            let record = if let Some(id) = p.subject.strip_prefix("event ") {
                events.get(id).copied()
            } else if let Some(id) = p.subject.strip_prefix("phase ") {
                eras.get(id).copied()
            } else {
                None
            };
            match record {
                Some(i) => attributed.push((i, p.message)),
                None => {
                    unattributed = true;
                    fatal.push(ImportProblem::new(p.subject, p.message));
                }
            }
        }
        for (i, message) in attributed {
            if let Some(r) = draft.records.get_mut(i) {
                r.problem("", message);
            }
            if let Some(inc) = include.get_mut(i) {
                *inc = false;
            }
        }
        if unattributed {
            break;
        }
    }

    let bad_records = draft
        .records
        .iter()
        .filter(|r| !r.problems.is_empty())
        .count();
    let has_events = draft
        .records
        .iter()
        .any(|r| matches!(r.item, Item::Event(_)) || !r.problems.is_empty());
    if !has_events && fatal.is_empty() {
        fatal.push(ImportProblem::new("file", "the file has no events"));
    }
    let good_events = chronology.events.len();
    // The file's eras kept (TimelineJS's; they become phases): said beside the events.
    let good_eras = draft
        .records
        .iter()
        .zip(&include)
        .filter(|(r, included)| **included && matches!(r.item, Item::Era(_)))
        .count();
    let record_problems = || {
        draft
            .records
            .iter()
            .flat_map(|r| r.problems.iter().cloned())
            .collect::<Vec<_>>()
    };
    if !fatal.is_empty() || (bad_records > 0 && !skip) || good_events == 0 {
        let mut problems = fatal.clone();
        problems.extend(record_problems());
        let in_records: usize = draft.records.iter().map(|r| r.problems.len()).sum();
        if problems.is_empty() {
            problems.push(ImportProblem::new(
                "file",
                "no event is left once the records with problems are left out",
            ));
        }
        return Err(ImportFailure {
            format: Some(format),
            problem_count: problems.len(),
            file_problems: problems.len().saturating_sub(in_records),
            problems: capped(problems),
            records: count,
            bad_records,
            good_events,
            good_eras,
            can_skip: fatal.is_empty() && good_events > 0,
        });
    }
    chronology.sort_events();
    let mut notices = std::mem::take(&mut draft.notices);
    notices.extend(tally_notices(
        draft
            .records
            .iter()
            .zip(&include)
            .filter(|(_, included)| **included)
            .map(|(r, _)| r),
    ));
    for (record, included) in draft.records.iter().zip(&include) {
        if *included {
            notices.extend(record.notices.iter().cloned());
        }
    }
    // Every scene has been checked, those left about nothing too: now they go.
    notices.extend(story_notices(
        &chronology.stories,
        &stripped,
        &draft.missing_events,
    ));
    crate::core::story::drop_emptied(&mut chronology.stories, &stripped);
    Ok(Imported {
        chronology,
        format,
        skipped: capped(record_problems()),
        skipped_records: bad_records,
        eras: good_eras,
        view: draft.view.take(),
        notices: capped_notices(notices),
    })
}

/// The list of notices, cut at [`MAX_PROBLEMS`] with a last entry counting the rest.
fn capped_notices(mut notices: Vec<ImportProblem>) -> Vec<ImportProblem> {
    if notices.len() > MAX_PROBLEMS {
        let more = notices.len() - MAX_PROBLEMS;
        notices.truncate(MAX_PROBLEMS);
        notices.push(ImportProblem::new(
            "",
            format!("… and {}", plural(more, "more notice", "more notices")),
        ));
    }
    notices
}
