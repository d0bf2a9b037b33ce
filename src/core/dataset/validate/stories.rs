//! The rules of stories.

use super::{problem, Known, Problem};
use crate::core::dataset::schema::Chronology;
use std::collections::HashSet;

/// The rules of stories: ids unique (stories in the chronology, scenes in their story), every
/// event, footnote and filter value they name exists, windows end after they begin, and nothing
/// that is shown is empty. Each problem names the story, the scene and the rule.
pub(super) fn validate_stories(c: &Chronology, known: &Known, problems: &mut Vec<Problem>) {
    let mut story_ids = HashSet::new();
    for (i, story) in c.stories.iter().enumerate() {
        let subject = if story.id.trim().is_empty() {
            format!("story {}", i + 1)
        } else {
            format!("story {}", story.id)
        };
        if story.id.trim().is_empty() {
            problems.push(problem(
                &subject,
                "non-empty-id",
                "the story has an empty id",
            ));
        } else if !story_ids.insert(story.id.as_str()) {
            problems.push(problem(
                &subject,
                "unique-id",
                format!("the id '{}' is used by more than one story", story.id),
            ));
        }
        if story.title.trim().is_empty() {
            problems.push(problem(&subject, "non-empty", "the title is empty"));
        }
        if story.scenes.is_empty() {
            problems.push(problem(&subject, "non-empty", "the story has no scenes"));
        }
        let mut scene_ids = HashSet::new();
        for (j, scene) in story.scenes.iter().enumerate() {
            let subject = if scene.id.trim().is_empty() {
                format!("{subject}, scene {}", j + 1)
            } else {
                format!("{subject}, scene {}", scene.id)
            };
            if scene.id.trim().is_empty() {
                problems.push(problem(
                    &subject,
                    "non-empty-id",
                    "the scene has an empty id",
                ));
            } else if !scene_ids.insert(scene.id.as_str()) {
                problems.push(problem(
                    &subject,
                    "unique-id",
                    format!(
                        "the id '{}' is used by more than one scene of the story",
                        scene.id
                    ),
                ));
            }
            if scene.title.trim().is_empty() {
                problems.push(problem(&subject, "non-empty", "the title is empty"));
            }
            let window = &scene.view.window;
            if !window.is_well_formed() {
                problems.push(problem(
                    &subject,
                    "window-order",
                    format!(
                        "the window ends ({}) before it begins ({})",
                        window.to.to_iso(),
                        window.from.to_iso()
                    ),
                ));
            }
            for id in &scene.view.highlight {
                if !known.events.contains(id.as_str()) {
                    problems.push(problem(
                        &subject,
                        "known-event",
                        format!("the highlighted event '{id}' does not exist"),
                    ));
                }
            }
            let filters = &scene.view.filters;
            for (values, set, rule, kind) in [
                (&filters.phases, &known.phases, "known-phase", "phase"),
                (&filters.domains, &known.domains, "known-domain", "domain"),
                (
                    &filters.third_parties,
                    &known.parties,
                    "known-third-party",
                    "third party",
                ),
            ] {
                for v in values {
                    if !set.contains(v.as_str()) {
                        problems.push(problem(
                            &subject,
                            rule,
                            format!("the filter's {kind} '{v}' is not defined"),
                        ));
                    }
                }
            }
            for (k, quote) in scene.quotes.iter().enumerate() {
                if quote.text.trim().is_empty() {
                    problems.push(problem(
                        &subject,
                        "non-empty",
                        format!("quote {} is empty", k + 1),
                    ));
                }
                for n in &quote.footnotes {
                    if !known.footnotes.contains(n) {
                        problems.push(problem(
                            &subject,
                            "known-footnote",
                            format!("quote {} cites footnote {n}, which does not exist", k + 1),
                        ));
                    }
                }
            }
            for (k, a) in scene.annotations.iter().enumerate() {
                if a.label.trim().is_empty() {
                    problems.push(problem(
                        &subject,
                        "non-empty",
                        format!("annotation {} ({}) has no label", k + 1, a.date.to_iso()),
                    ));
                }
            }
        }
    }
}
