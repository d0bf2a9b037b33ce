use super::histogram::{first_year, last_year};
use super::*;
use crate::core::date::PartialDate;
use crate::core::synthetic;

fn sample() -> (Chronology, Vec<String>) {
    let mut d = synthetic::generate(500, 3);
    d.events[0].title = "Secretary General Manfred Wörner visits Japan".into();
    let h = search_haystacks(&d);
    (d, h)
}

/// The histogram counted the slow way: each matching event in each bar it touches, stacked
/// under the first of its domains in `chosen`, else its first, and under each of its domains.
fn naive_histogram(
    d: &Chronology,
    matches: &[bool],
    chosen: &BTreeSet<String>,
    h: &YearHistogram,
) -> YearHistogram {
    let width = d.domains.len() + 1;
    let mut counts = vec![vec![0usize; width]; h.counts.len()];
    let mut with_domain = counts.clone();
    let mut several = vec![0usize; h.counts.len()];
    for (e, _) in d.events.iter().zip(matches).filter(|(_, m)| **m) {
        let mut slots: Vec<usize> = Vec::new();
        for id in &e.domains {
            if let Some(slot) = d.domains.iter().position(|x| &x.id == id) {
                if !slots.contains(&slot) {
                    slots.push(slot);
                }
            }
        }
        let stacked = slots
            .iter()
            .copied()
            .find(|s| chosen.contains(&d.domains[*s].id))
            .or(slots.first().copied())
            .unwrap_or(d.domains.len());
        let first = h.bin_of_year(first_year(e)).unwrap();
        let last = h.bin_of_year(last_year(e)).unwrap();
        for b in first..=last {
            counts[b][stacked] += 1;
            if slots.is_empty() {
                with_domain[b][d.domains.len()] += 1;
            }
            for s in &slots {
                with_domain[b][*s] += 1;
            }
            several[b] += usize::from(slots.len() > 1);
        }
    }
    YearHistogram {
        first_year: h.first_year,
        years_per_bin: h.years_per_bin,
        counts,
        with_domain,
        several,
    }
}

fn everything(d: &Chronology) -> YearHistogram {
    year_histogram(d, &vec![true; d.events.len()], &BTreeSet::new())
}

#[test]
fn the_histogram_counts_what_passes_the_filter_by_year_and_domain() {
    let (d, h) = sample();
    let none = BTreeSet::new();
    let all = everything(&d);
    assert_eq!(all.first_year, 1979);
    assert_eq!(all.last_year(), 2019);
    assert_eq!(
        all,
        naive_histogram(&d, &vec![true; d.events.len()], &none, &all)
    );
    let mut f = Filter::default();
    f.domains.insert("cyber".into());
    let m = matching(&d, &h, &f);
    let cyber = year_histogram(&d, &m, &f.domains);
    assert_eq!(cyber.first_year, all.first_year, "the axis stays put");
    assert_eq!(cyber, naive_histogram(&d, &m, &f.domains, &cyber));
    // Points count once; spans once in each year they go on.
    let expected: usize = d
        .events
        .iter()
        .zip(&m)
        .filter(|(_, m)| **m)
        .map(|(e, _)| (last_year(e) - first_year(e) + 1) as usize)
        .sum();
    assert_eq!(cyber.counts.iter().flatten().sum::<usize>(), expected);
    // Every event that passes has the domain filtered on: it is stacked under it, and it is
    // the domain every event of the bar has.
    let slot = d.domains.iter().position(|x| x.id == "cyber").unwrap();
    for (b, stack) in cyber.counts.iter().enumerate() {
        let total: usize = stack.iter().sum();
        assert_eq!(stack[slot], total, "bar {b}");
        assert_eq!(cyber.with_domain[b][slot], total, "bar {b}");
    }
    // Two domains filtered on: the first of an event's that is.
    let mut f = Filter::default();
    f.domains.insert("cyber".into());
    f.domains.insert(d.domains[0].id.clone());
    let m = matching(&d, &h, &f);
    let two = year_histogram(&d, &m, &f.domains);
    assert_eq!(two, naive_histogram(&d, &m, &f.domains, &two));
}

/// An event in several domains is one segment of its bar, stacked under the first of its
/// domains that the filter selects, and the readout counts it under each of its domains: with
/// maritime security filtered, 2014's five events read as five of maritime security (not
/// under their first domains, as they were), and unfiltered, every event with piracy counts
/// under piracy.
#[test]
fn an_event_counts_under_each_of_its_domains_and_is_stacked_under_the_one_filtered() {
    let d = crate::core::dataset::embedded().unwrap();
    let haystacks = search_haystacks(&d);
    let in_2014 = |e: &Event| first_year(e) <= 2014 && 2014 <= last_year(e);
    let having = |id: &str| {
        d.events
            .iter()
            .filter(|e| in_2014(e) && e.domains.iter().any(|x| x == id))
            .count()
    };
    let slot = |id: &str| d.domains.iter().position(|x| x.id == id).unwrap();

    let all = everything(&d);
    let b = all.bin_of_year(2014).unwrap();
    let total = d.events.iter().filter(|e| in_2014(e)).count();
    assert_eq!(
        all.counts[b].iter().sum::<usize>(),
        total,
        "one segment per event"
    );
    assert!(having("piracy") > all.counts[b][slot("piracy")]);
    assert_eq!(all.with_domain[b][slot("piracy")], having("piracy"));
    let several = d
        .events
        .iter()
        .filter(|e| in_2014(e) && e.domains.len() > 1)
        .count();
    assert!(several > 0);
    let text = all.readout(&d, b);
    assert!(
        text.starts_with(&format!(
            "2014: {total} events, {several} in several domains — "
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("Piracy {}", having("piracy"))),
        "{text}"
    );

    let mut f = Filter::default();
    f.domains.insert("maritime-security".into());
    let m = matching(&d, &haystacks, &f);
    let maritime = year_histogram(&d, &m, &f.domains);
    let n = having("maritime-security");
    assert_eq!(maritime.counts[b].iter().sum::<usize>(), n);
    assert_eq!(
        maritime.counts[b][slot("maritime-security")],
        n,
        "all in its colour"
    );
    let text = maritime.readout(&d, b);
    assert!(
        text.starts_with(&format!("2014: {n} events, all in several domains — ")),
        "{text}"
    );
    assert!(
        text.contains(&format!(" — Maritime Security {n}, ")),
        "named first, with every event: {text}"
    );
}

#[test]
fn the_histogram_stays_total_for_odd_domains() {
    // An event naming a domain twice, one the chronology does not know, or none.
    let d = crate::core::dataset::embedded().unwrap();
    let mut small = d.clone();
    small.events.retain(|e| e.id == "1991-worner-visits-japan");
    let mut twice = small.events[0].clone();
    twice.id = "twice".into();
    twice.domains = vec!["piracy".into(), "piracy".into()];
    let mut unknown = twice.clone();
    unknown.id = "unknown".into();
    unknown.domains = vec!["nowhere".into()];
    let mut both = twice.clone();
    both.id = "both".into();
    both.domains = vec!["nowhere".into(), "cyber".into(), "piracy".into()];
    small.events = vec![twice, unknown, both];
    let chosen: BTreeSet<String> = ["piracy".to_string()].into();
    let h = year_histogram(&small, &[true; 3], &chosen);
    assert_eq!(h, naive_histogram(&small, &[true; 3], &chosen, &h));
    assert_eq!(
        h.readout(&small, 0),
        "1991: 3 events, 1 in several domains — Piracy 2, Cyber 1, No domain 1"
    );
}

#[test]
fn a_state_of_affairs_counts_in_every_year_it_spans() {
    let d = crate::core::dataset::embedded().unwrap();
    let h = everything(&d);
    let total = |year: i32| -> usize { h.counts[h.bin_of_year(year).unwrap()].iter().sum() };
    let ongoing = |year: i32| {
        d.events
            .iter()
            .filter(|e| first_year(e) <= year && year <= last_year(e))
            .count()
    };
    for year in [1990, 1995, 2001, 2007, 2014] {
        assert_eq!(total(year), ongoing(year), "{year}");
    }
    // Circa 2005 counts in 2004, 2005 and 2006.
    let circa = d
        .events
        .iter()
        .find(|e| e.id == "2004-common-values-first-invoked")
        .unwrap();
    assert_eq!((first_year(circa), last_year(circa)), (2004, 2006));
    // The 1990s plateau is a plateau: 1995 counts the states of affairs begun in 1990.
    assert!(total(1995) >= 5, "{}", total(1995));
    assert!(total(1990) <= 2 * total(1995), "1990 is no longer a spike");
}

#[test]
fn the_readout_names_the_year_its_count_and_its_domains_by_count() {
    let d = crate::core::dataset::embedded().unwrap();
    let h = everything(&d);
    let b = h.bin_of_year(2014).unwrap();
    let text = h.readout(&d, b);
    let total: usize = h.counts[b].iter().sum();
    let several = h.several[b];
    assert!(
        text.starts_with(&format!(
            "2014: {total} events, {several} in several domains — "
        )),
        "{text}"
    );
    // Most first; every domain's count is there, adding up to more than the events.
    let counts: Vec<usize> = text
        .split(" — ")
        .nth(1)
        .unwrap()
        .split(", ")
        .map(|part| part.rsplit(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{text}");
    assert_eq!(
        counts.iter().sum::<usize>(),
        h.with_domain[b].iter().sum::<usize>()
    );
    assert!(counts.iter().sum::<usize>() > total);

    let mut small = d.clone();
    small.events.retain(|e| e.id == "1991-worner-visits-japan");
    let h = everything(&small);
    assert_eq!(
        h.readout(&small, 0),
        "1991: 1 event — High-Level Diplomacy 1"
    );
    let mut two = small.clone();
    two.events[0].domains.push("afghanistan".into());
    assert_eq!(
        everything(&two).readout(&two, 0),
        "1991: 1 event, in 2 domains — High-Level Diplomacy 1, Afghanistan 1"
    );
    let mut both = two.clone();
    both.events.push(two.events[0].clone());
    assert_eq!(
        everything(&both).readout(&both, 0),
        "1991: 2 events, both in several domains — High-Level Diplomacy 2, Afghanistan 2"
    );
    both.events.push(two.events[0].clone());
    assert!(everything(&both)
        .readout(&both, 0)
        .starts_with("1991: 3 events, all in several domains — "));
    assert_eq!(
        h.bin_at_day(crate::core::date::days_from_civil(1991, 7, 1) as f64),
        Some(0)
    );
    assert_eq!(h.bin_at_day(f64::NAN), None);
    assert_eq!(h.bin_of_year(1990), None);
    let none = year_histogram(&small, &[false], &BTreeSet::new());
    assert_eq!(none.readout(&small, 0), "1991: no events");
    // Ties keep the chronology's order of domains; no domain comes last.
    let mut tied = small.clone();
    let mut other = tied.events[0].clone();
    other.id = "x".into();
    other.domains = vec!["afghanistan".into()];
    let mut bare = other.clone();
    bare.id = "y".into();
    bare.domains.clear();
    tied.events.extend([other, bare]);
    let h = everything(&tied);
    assert_eq!(
        h.readout(&tied, 0),
        "1991: 3 events — Afghanistan 1, High-Level Diplomacy 1, No domain 1"
    );
}

#[test]
fn a_chronology_spanning_two_million_years_gets_at_most_a_thousand_bars() {
    let (mut d, _) = sample();
    d.events[0].start = PartialDate::year(-1_000_000).unwrap();
    d.events[1].start = PartialDate::year(1_000_000).unwrap();
    let h = everything(&d);
    assert!(
        h.counts.len() as i64 <= MAX_HISTOGRAM_BINS,
        "{}",
        h.counts.len()
    );
    assert_eq!(h.years_per_bin, 2_001);
    assert_eq!(h.first_year, -1_000_000);
    assert!(h.last_year() >= 1_000_000);
    assert_eq!(
        h,
        naive_histogram(&d, &vec![true; d.events.len()], &BTreeSet::new(), &h)
    );
    assert_eq!(h.bin_label(0), "1000001 BC–998001 BC");
}

#[test]
fn a_span_of_two_million_years_counts_in_every_bar() {
    let (mut d, _) = sample();
    d.events[0].start = PartialDate::year(-1_000_000).unwrap();
    d.events[0].end = Some(PartialDate::year(1_000_000).unwrap());
    let matches: Vec<bool> = (0..d.events.len()).map(|i| i == 0).collect();
    let h = year_histogram(&d, &matches, &BTreeSet::new());
    assert!(h
        .counts
        .iter()
        .all(|stack| stack.iter().sum::<usize>() == 1));
}

#[test]
fn search_ignores_case_and_diacritics() {
    let (d, h) = sample();
    let f = Filter {
        events: Default::default(),
        text: "worner".into(),
        ..Filter::default()
    };
    let hits: Vec<usize> = (0..d.events.len())
        .filter(|&i| f.matches(&d.events[i], &h[i]))
        .collect();
    assert_eq!(hits, vec![0]);
    assert!(text_matches(&fold("Œuvre STRASSE"), "oeuvre straße"));
}

/// The events a search for `text` finds, scanning each event's text; the index that big
/// chronologies search finds the same.
fn searched(d: &Chronology, h: &[String], index: &SearchText, text: &str) -> Vec<usize> {
    let f = Filter {
        text: text.into(),
        ..Filter::default()
    };
    let scanned: Vec<usize> = (0..d.events.len())
        .filter(|&i| f.matches(&d.events[i], &h[i]))
        .collect();
    assert_eq!(
        index.passing(d, &f).iter().collect::<Vec<_>>(),
        scanned,
        "{text}"
    );
    scanned
}

/// A phrase in quotation marks, as readers type one: `"Tokyo Conference"` found nothing (the
/// marks were taken as letters). It finds the events that hold the words side by side, in that
/// order, whatever the marks (straight, curly, guillemets), and the index finds the same.
#[test]
fn a_phrase_in_quotation_marks_is_found_whole() {
    assert_eq!(
        terms("“Tokyo  Conference” naval \"Abe's\" «x»"),
        vec!["tokyo conference", "naval", "abe's", "x"]
    );
    assert_eq!(
        terms("\"Tokyo Confe"),
        vec!["tokyo confe"],
        "a phrase being typed"
    );
    assert!(terms("\"\" “ ”").is_empty());
    let d = crate::core::dataset::embedded().unwrap();
    let h = search_haystacks(&d);
    let index = SearchText::new(&d);
    let search = |text: &str| searched(&d, &h, &index, text);
    let phrase = search("\"Tokyo Conference\"");
    assert!(!phrase.is_empty(), "the Tokyo Conference is found");
    assert_eq!(search("“tokyo conference”"), phrase);
    assert_eq!(search("«Tokyo Conference»"), phrase);
    for &i in &phrase {
        assert!(h[i].contains("tokyo conference"), "{}", d.events[i].title);
    }
    // The words apart or in another order are not the phrase.
    let words = search("Tokyo Conference");
    assert!(words.len() >= phrase.len());
    assert!(search("\"conference tokyo\"").is_empty());
    // The matches say the phrase where it stands.
    let e = &d.events[phrase[0]];
    let text = format!("{} {} {}", e.title, e.summary, e.evidence);
    let marked = highlight_ranges(&text, "\"Tokyo Conference\"");
    assert!(!marked.is_empty(), "{text}");
    assert!(
        marked
            .iter()
            .any(|&(a, b)| fold(&text[a..b]) == "tokyo conference"),
        "{marked:?}"
    );
}

/// Searching an author finds the events resting on their work: "Stokes" the events citing the
/// brief's footnotes 2, 3 and 5 (the article in full, then "Stokes."), and only those; the works'
/// titles are not searched ("Informal Ties" is no event's words).
#[test]
fn search_finds_the_authors_of_the_works_cited() {
    let d = crate::core::dataset::embedded().unwrap();
    let h = search_haystacks(&d);
    let index = SearchText::new(&d);
    let search = |text: &str| searched(&d, &h, &index, text);
    let stokes: Vec<usize> = (0..d.events.len())
        .filter(|&i| d.events[i].footnotes.iter().any(|n| [2, 3, 5].contains(n)))
        .collect();
    assert!(!stokes.is_empty());
    assert_eq!(search("Stokes"), stokes);
    assert_eq!(search("henry scott stokes"), stokes);
    assert!(search("informal ties to nato").is_empty());
}

#[test]
fn says_where_a_search_found_an_event_whose_title_does_not_show_it() {
    let d = crate::core::dataset::embedded().unwrap();
    let h = search_haystacks(&d);
    let matching = |query: &str| -> Vec<&crate::core::dataset::Event> {
        let f = Filter {
            text: query.into(),
            ..Filter::default()
        };
        (0..d.events.len())
            .filter(|&i| f.matches(&d.events[i], &h[i]))
            .map(|i| &d.events[i])
            .collect()
    };
    // Every event a search finds either shows all its words in the title and date (what the
    // list shows of it) or says where they are, in excerpts that show every word it can.
    for query in [
        "stokes",
        "afghanistan",
        "tokyo",
        "wörner",
        "koizumi",
        "2006",
        "robertson kosovo",
        "summit afghanistan",
        "piracy aden",
        "riga",
    ] {
        let found = matching(query);
        assert!(!found.is_empty(), "{query}");
        for e in found {
            let places = found_in(&d, e, query);
            let shown = format!("{} {}", fold(&e.title), fold(&e.date_label()));
            let words: Vec<String> = fold(query).split_whitespace().map(String::from).collect();
            if words.iter().all(|w| shown.contains(w.as_str())) {
                assert!(places.is_empty(), "{query}: {} {places:?}", e.title);
                continue;
            }
            // Up to the most places given, every word is in the title, the date or an excerpt.
            let missing = words.iter().filter(|w| !shown.contains(w.as_str()));
            for w in missing.take(MAX_FOUND_IN) {
                assert!(
                    places.iter().any(|p| fold(&p.excerpt).contains(w.as_str())),
                    "{query}: {} shows \"{w}\" in {places:?}",
                    e.title
                );
            }
            assert!(!places.is_empty(), "{query}: {} says where", e.title);
            assert!(places.len() <= MAX_FOUND_IN);
            for p in &places {
                assert!(
                    words.iter().any(|w| fold(&p.excerpt).contains(w.as_str())),
                    "{query}: {:?} holds a word",
                    p
                );
                // A few words, not the whole summary.
                assert!(p.excerpt.chars().count() <= 100, "{query}: {:?}", p.excerpt);
            }
        }
    }
    // "Stokes" is in no title: the list names the author and the note.
    let e = matching("stokes")[0];
    let places = found_in(&d, e, "stokes");
    assert!(
        matches!(places[0].field, Field::Author { note } if [2, 3, 5].contains(&note)),
        "{places:?}"
    );
    assert_eq!(places[0].excerpt, "Henry Scott Stokes");
    assert!(places[0].field.label().starts_with("Cited author, note "));
}

#[test]
fn an_excerpt_is_cut_at_spaces_about_its_match() {
    let text = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";
    let e = super::search::excerpt(text, "ten");
    assert!(e.starts_with('…') && e.ends_with('…'), "{e}");
    assert!(e.contains("ten"), "{e}");
    assert!(!e.contains("one two"), "{e}");
    // Whole words only, either side.
    let inner = e.trim_matches('…');
    let at = text.find(inner).expect("a piece of the text");
    assert_eq!(text[..at].chars().last(), Some(' '), "{e}");
    assert_eq!(text[at + inner.len()..].chars().next(), Some(' '), "{e}");
    // A cut through a quotation gives its lone mark a partner at the cut.
    let quoted = "The allies met, as the communique put it, \u{201c}in the beautiful old city of Riga, Latvia,\u{201d} on July 14, 2006, to talk.";
    let e = super::search::excerpt(quoted, "july");
    assert!(e.starts_with("\u{201c}\u{2026}"), "{e}");
    assert_eq!(e.matches(['\u{201c}', '\u{201d}', '"']).count(), 2, "{e}");
    // A short text is given whole.
    assert_eq!(
        super::search::excerpt("Manfred Wörner", "worner"),
        "Manfred Wörner"
    );
}

#[test]
fn highlights_the_original_text() {
    let t = "Manfred Wörner visits; WÖRNER again";
    let r = highlight_ranges(t, "worner");
    let parts: Vec<&str> = r.iter().map(|&(s, e)| &t[s..e]).collect();
    assert_eq!(parts, ["Wörner", "WÖRNER"]);
    assert!(highlight_ranges(t, "  ").is_empty());
}

/// "gulf of aden": the phrase is highlighted whole, and the "of" of other words is not (every
/// "of" of the summaries was); a query of common words alone highlights them.
#[test]
fn common_words_are_highlighted_only_in_the_whole_query() {
    let t = "a series of mutual visits and patrols in the Gulf of Aden";
    let parts = |q: &str| -> Vec<&str> {
        highlight_ranges(t, q)
            .iter()
            .map(|&(s, e)| &t[s..e])
            .collect()
    };
    assert_eq!(parts("gulf of aden"), ["Gulf of Aden"]);
    assert_eq!(parts("aden of patrols"), ["patrols", "Aden"]);
    assert_eq!(parts("of"), ["of", "of"]);
}

#[test]
fn or_within_a_facet_and_across_facets() {
    let (d, h) = sample();
    let count = |f: &Filter| matching(&d, &h, f).iter().filter(|m| **m).count();
    let mut afghanistan = Filter::default();
    afghanistan.domains.insert("afghanistan".into());
    let mut piracy = Filter::default();
    piracy.domains.insert("piracy".into());
    let mut both = afghanistan.clone();
    both.domains.insert("piracy".into());
    let a = count(&afghanistan);
    let p = count(&piracy);
    let union = count(&both);
    assert!(a > 0 && p > 0);
    assert!(union >= a.max(p) && union <= a + p);
    let mut with_china = both.clone();
    with_china.third_parties.insert("china".into());
    assert!(count(&with_china) < union);
}

#[test]
fn an_event_without_a_phase_matches_no_phase_value() {
    let (mut data, _) = sample();
    data.events[0].phase = String::new();
    let haystacks = search_haystacks(&data);
    let mut filter = Filter::default();
    let phase = data.phases[0].id.clone();
    filter.phases.insert(phase);
    assert!(!filter.matches(&data.events[0], &haystacks[0]));
    let counts = facet_counts(&data, &haystacks, &Filter::default(), Facet::Phase);
    let total: usize = counts.iter().map(|c| c.count).sum();
    assert_eq!(total, data.events.len() - 1);
}

#[test]
fn facet_counts_ignore_their_own_selection() {
    let (d, h) = sample();
    let mut f = Filter::default();
    f.domains.insert("afghanistan".into());
    let domains = facet_counts(&d, &h, &f, Facet::Domain);
    let unfiltered = facet_counts(&d, &h, &Filter::default(), Facet::Domain);
    assert_eq!(
        domains.iter().map(|c| c.count).collect::<Vec<_>>(),
        unfiltered.iter().map(|c| c.count).collect::<Vec<_>>()
    );
    assert!(domains.iter().any(|c| c.id == "afghanistan" && c.selected));
    let parties = facet_counts(&d, &h, &f, Facet::ThirdParty);
    let matching_afghanistan = matching(&d, &h, &f);
    for c in parties {
        let expected = d
            .events
            .iter()
            .zip(&matching_afghanistan)
            .filter(|(e, m)| **m && e.third_parties.contains(&c.id))
            .count();
        assert_eq!(c.count, expected, "{}", c.id);
    }
}
