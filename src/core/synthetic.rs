//! A deterministic synthetic chronology for stress tests and benchmarks (`?synthetic=10000`).
//!
//! Same count and seed, same data, on every machine: 1979–2019 like the real chronology, about a
//! quarter spans (days to years long), dates at day, month and year precision, and three facets.

use crate::core::dataset::{Chronology, Domain, Event, Phase, Source, ThirdParty};
use crate::core::date::{civil_from_days, days_from_civil, PartialDate};

/// The seed of the app's `?synthetic=N` chronologies: the same link gives the same data everywhere.
pub const APP_SEED: u64 = 2019;

/// The largest synthetic chronology the app will generate.
pub const MAX_EVENTS: usize = 1_000_000;

/// SplitMix64: tiny, fast, and good enough to spread events about.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const DOMAINS: [(&str, &str); 8] = [
    ("afghanistan", "Afghanistan"),
    ("piracy", "Piracy"),
    ("cyber", "Cyber"),
    ("balkans", "Balkans"),
    ("maritime-security", "Maritime security"),
    ("exercises", "Exercises"),
    ("high-level-diplomacy", "High-level diplomacy"),
    ("agreements-institutions", "Agreements and institutions"),
];

const PARTIES: [(&str, &str); 6] = [
    ("united-states", "United States"),
    ("china", "China"),
    ("north-korea", "North Korea"),
    ("russia", "Russia / Soviet Union"),
    ("france", "France"),
    ("united-kingdom", "United Kingdom"),
];

const WORDS: [&str; 16] = [
    "meeting",
    "exercise",
    "visit",
    "statement",
    "agreement",
    "conference",
    "review",
    "mission",
    "dialogue",
    "summit",
    "briefing",
    "programme",
    "speech",
    "report",
    "patrol",
    "workshop",
];

fn date(year: i32, month: u8, day: u8) -> PartialDate {
    // Inputs are generated in range; fall back to the year should that ever change.
    PartialDate::day(year, month, day).unwrap_or_else(|_| year_only(year))
}

fn year_only(year: i32) -> PartialDate {
    PartialDate::year(year).expect("generated years (1979–2019) are in range")
}

/// How many events a request for `count` gets.
pub fn capped(count: usize) -> usize {
    count.min(MAX_EVENTS)
}

/// `count` events (at most [`MAX_EVENTS`]) from `seed`.
pub fn generate(count: usize, seed: u64) -> Chronology {
    let count = capped(count);
    let mut rng = Rng(seed ^ 0x4A50_4E41_544F);
    let first = days_from_civil(1979, 1, 1);
    let last = days_from_civil(2019, 12, 31);
    let phases = [
        ("initial", "Initial phase", 1979, 1989),
        ("plateau", "Plateau", 1990, 2000),
        ("cooperation", "Direct cooperation", 2001, 2011),
        ("formalisation", "Formalisation", 2012, 2019),
    ];
    let mut events = Vec::with_capacity(count);
    for i in 0..count {
        let day = first + rng.below((last - first) as u64) as i64;
        let (y, m, d) = civil_from_days(day);
        let precision = rng.below(10);
        let start = match precision {
            0 => year_only(y),
            1 | 2 => PartialDate::month(y, m).unwrap_or_else(|_| year_only(y)),
            _ => date(y, m, d),
        };
        let end = rng.chance(25).then(|| {
            let length = match rng.below(3) {
                0 => 1 + rng.below(30),
                1 => 30 + rng.below(330),
                _ => 365 + rng.below(365 * 6),
            } as i64;
            let (ey, em, ed) = civil_from_days((start.first_day() + length).min(last));
            match start.precision() {
                crate::core::date::Precision::Year => year_only(ey.max(y)),
                crate::core::date::Precision::Month => {
                    PartialDate::month(ey, em).unwrap_or_else(|_| year_only(ey))
                }
                crate::core::date::Precision::Day => date(ey, em, ed),
            }
        });
        let end = end.filter(|e| e.end_day() > start.end_day());
        let phase = phases
            .iter()
            .find(|p| y >= p.2 && y <= p.3)
            .map(|p| p.0)
            .unwrap_or("formalisation");
        let mut domains = vec![DOMAINS[rng.below(DOMAINS.len() as u64) as usize]
            .0
            .to_string()];
        if rng.chance(20) {
            let other = DOMAINS[rng.below(DOMAINS.len() as u64) as usize]
                .0
                .to_string();
            if other != domains[0] {
                domains.push(other);
            }
        }
        let third_parties = if rng.chance(40) {
            vec![PARTIES[rng.below(PARTIES.len() as u64) as usize]
                .0
                .to_string()]
        } else {
            vec![]
        };
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        events.push(Event {
            id: format!("synthetic-{i}"),
            start,
            end,
            open: None,
            title: format!("Synthetic {word} {i}"),
            summary: format!("A generated {word} for stress-testing the explorer."),
            phase: phase.to_string(),
            domains,
            third_parties,
            actors: vec![],
            footnotes: vec![],
            evidence: String::new(),
            note: None,
        });
    }
    Chronology {
        title: format!(
            "Synthetic chronology ({})",
            crate::core::text::plural(count, "event", "events")
        ),
        view: None,
        source: Source {
            title: "Synthetic data".into(),
            subtitle: None,
            series: None,
            author: "the explorer's generator".into(),
            affiliations: vec![],
            year: None,
            note: Some(format!("Deterministic, seed {seed}.")),
        },
        phases: phases
            .iter()
            .map(|(id, label, from, to)| Phase {
                id: id.to_string(),
                label: label.to_string(),
                start: year_only(*from),
                end: year_only(*to),
                summary: String::new(),
                evidence: String::new(),
            })
            .collect(),
        domains: DOMAINS
            .iter()
            .map(|(id, label)| Domain {
                id: id.to_string(),
                label: label.to_string(),
                description: String::new(),
            })
            .collect(),
        third_parties: PARTIES
            .iter()
            .map(|(id, label)| ThirdParty {
                id: id.to_string(),
                label: label.to_string(),
            })
            .collect(),
        footnotes: vec![],
        sources: vec![],
        events,
        stories: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::validate::validate;

    #[test]
    fn is_deterministic_valid_and_mixed() {
        let a = generate(2_000, 7);
        assert_eq!(a, generate(2_000, 7));
        assert_ne!(a.events, generate(2_000, 8).events);
        assert_eq!(a.events.len(), 2_000);
        assert!(validate(&a).is_empty(), "{:?}", validate(&a).first());
        let spans = a.events.iter().filter(|e| e.end.is_some()).count();
        assert!((300..700).contains(&spans), "{spans} spans");
        let years = a
            .events
            .iter()
            .filter(|e| e.start.precision() == crate::core::date::Precision::Year)
            .count();
        assert!(years > 50, "some year-only dates");
        assert!(a
            .events
            .iter()
            .all(|e| (1979..=2019).contains(&e.start.year_number())));
    }

    /// Its title counts as the page does: "1 event", "1,000,000 events".
    #[test]
    fn is_titled_with_its_count() {
        assert_eq!(generate(1, 1).title, "Synthetic chronology (1 event)");
        assert_eq!(
            generate(2_000, 1).title,
            "Synthetic chronology (2,000 events)"
        );
    }

    #[test]
    fn is_capped() {
        assert_eq!(generate(0, 1).events.len(), 0);
        assert_eq!(capped(MAX_EVENTS + 5), MAX_EVENTS);
        assert_eq!(capped(10), 10);
    }
}
