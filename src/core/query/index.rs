//! Indexes built once per chronology, so that a facet change or a search keystroke costs little
//! however many events there are: the events of each facet value as a set of bits, and the
//! folded search text of every event in one buffer.
//!
//! They give exactly what the plain scans of [`super::matching`] and [`super::facet_counts`]
//! give (the tests compare the two on random chronologies and filters); the scans stay as the
//! definition.

use super::{search::fold_event_into, terms, Facet, FacetCount, Filter};
use crate::core::dataset::Chronology;
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// A set of events (by index in the chronology), one bit each.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSet {
    words: Vec<u64>,
    len: usize,
}

impl EventSet {
    /// No event of `len`.
    pub fn empty(len: usize) -> Self {
        Self {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    /// Every event of `len`.
    pub fn full(len: usize) -> Self {
        let mut s = Self {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        s.trim();
        s
    }

    /// The events whose flag is set.
    pub fn from_flags(flags: &[bool]) -> Self {
        let mut s = Self::empty(flags.len());
        for (i, _) in flags.iter().enumerate().filter(|(_, f)| **f) {
            s.insert(i);
        }
        s
    }

    /// Clears the bits past `len` in the last word.
    fn trim(&mut self) {
        let tail = self.len % 64;
        if tail != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << tail) - 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    pub fn remove(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] &= !(1 << (i % 64));
        }
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// How many events are in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// How many events are in both sets.
    pub fn count_and(&self, other: &EventSet) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Keeps only the events also in `other`.
    pub fn and_with(&mut self, other: &EventSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds the events of `other`.
    pub fn or_with(&mut self, other: &EventSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// The events in the set, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + b
                })
            })
        })
    }

    /// One flag per event.
    pub fn to_flags(&self) -> Vec<bool> {
        (0..self.len).map(|i| self.contains(i)).collect()
    }
}

/// The events of each facet value, built once per chronology.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetIndex {
    len: usize,
    /// Per facet (in [`Facet::ALL`]'s order): each value any event has, and its events.
    values: [HashMap<String, EventSet>; 3],
}

impl FacetIndex {
    pub fn new(data: &Chronology) -> Self {
        let len = data.events.len();
        let values = Facet::ALL.map(|facet| {
            let mut sets: HashMap<String, EventSet> = HashMap::default();
            for (i, e) in data.events.iter().enumerate() {
                for v in facet.values(e) {
                    match sets.get_mut(v.as_str()) {
                        Some(set) => set.insert(i),
                        None => {
                            let mut set = EventSet::empty(len);
                            set.insert(i);
                            sets.insert(v.clone(), set);
                        }
                    }
                }
            }
            sets
        });
        Self { len, values }
    }

    fn sets(&self, facet: Facet) -> &HashMap<String, EventSet> {
        &self.values[Facet::ALL.iter().position(|f| *f == facet).unwrap_or(0)]
    }

    /// The events passing one facet's selection (every event when nothing is selected).
    fn passing(&self, filter: &Filter, facet: Facet) -> Option<EventSet> {
        let selected = filter.selected(facet);
        if selected.is_empty() {
            return None;
        }
        let mut set = EventSet::empty(self.len);
        for v in selected {
            if let Some(events) = self.sets(facet).get(v) {
                set.or_with(events);
            }
        }
        Some(set)
    }

    /// The events passing every facet but `skip`, within `base`.
    fn passing_except(&self, filter: &Filter, skip: Option<Facet>, base: &EventSet) -> EventSet {
        let mut set = base.clone();
        for facet in Facet::ALL.into_iter().filter(|f| Some(*f) != skip) {
            if let Some(passing) = self.passing(filter, facet) {
                set.and_with(&passing);
            }
        }
        set
    }

    /// The events passing the filter; `text` is what passes its search and its list of events
    /// ([`SearchText::passing`]).
    pub fn matching(&self, filter: &Filter, text: &EventSet) -> EventSet {
        self.passing_except(filter, None, text)
    }

    /// As [`super::facet_counts`]: each value of `facet` with the count of events having it
    /// among those passing the other facets and `text`.
    pub fn counts(
        &self,
        data: &Chronology,
        filter: &Filter,
        facet: Facet,
        text: &EventSet,
    ) -> Vec<FacetCount> {
        let others = self.passing_except(filter, Some(facet), text);
        let selected = filter.selected(facet);
        facet
            .options(data)
            .into_iter()
            .map(|(id, label)| FacetCount {
                count: self
                    .sets(facet)
                    .get(&id)
                    .map_or(0, |events| events.count_and(&others)),
                selected: selected.contains(&id),
                id,
                label,
            })
            .collect()
    }
}

/// The folded search text of every event, in a few large buffers (one allocation per
/// [`SEARCH_CHUNK`] events instead of one per event), each with where its events' texts start.
/// Texts are separated by a line break, which no query word holds, so a word found is always
/// within one event's text.
///
/// It can be built a chunk at a time ([`SearchText::extend`], in idle time) so that a first
/// search at a million events does not wait seconds for it; copies share the chunks built.
#[derive(Clone, Debug, Default)]
pub struct SearchText {
    chunks: Vec<Rc<TextChunk>>,
    /// How many events' texts are in.
    len: usize,
}

/// Events per chunk of [`SearchText`]: tens of milliseconds of folding at most.
pub const SEARCH_CHUNK: usize = 20_000;

#[derive(Debug)]
struct TextChunk {
    /// The index of its first event.
    first: usize,
    text: String,
    starts: Vec<u32>,
}

impl TextChunk {
    fn of(&self, i: usize) -> &str {
        let at = i - self.first;
        let end = self
            .starts
            .get(at + 1)
            .map_or(self.text.len(), |&s| s as usize);
        &self.text[self.starts[at] as usize..end]
    }
}

/// Chunks are never changed once built: two texts are the same when they share their chunks.
impl PartialEq for SearchText {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len
            && self.chunks.len() == other.chunks.len()
            && self
                .chunks
                .iter()
                .zip(&other.chunks)
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

impl SearchText {
    /// Every event's text.
    pub fn new(data: &Chronology) -> Self {
        let mut text = Self::default();
        while !text.extend(data) {}
        text
    }

    /// Folds the texts of up to [`SEARCH_CHUNK`] more events; true when every event's text is
    /// in (then it does nothing).
    pub fn extend(&mut self, data: &Chronology) -> bool {
        let total = data.events.len();
        if self.len >= total {
            return true;
        }
        let events = &data.events[self.len..(self.len + SEARCH_CHUNK).min(total)];
        let authors = super::search::cited_authors(data);
        let mut text = String::new();
        let mut starts = Vec::with_capacity(events.len());
        for e in events {
            // Beyond 4 GB of text in one chunk the offsets would wrap: a chunk ends earlier.
            starts.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
            fold_event_into(e, &authors, &mut text);
            text.push('\n');
        }
        text.shrink_to_fit();
        self.chunks.push(Rc::new(TextChunk {
            first: self.len,
            text,
            starts,
        }));
        self.len += events.len();
        self.len >= total
    }

    /// How many events it holds the text of (0 until built).
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Event `i`'s folded text (empty if not built yet).
    fn of(&self, i: usize) -> &str {
        let c = self.chunks.partition_point(|c| c.first <= i);
        match c.checked_sub(1).map(|c| &self.chunks[c]) {
            Some(chunk) if i < self.len => chunk.of(i),
            _ => "",
        }
    }

    /// The events whose text holds `word` (folded), found in one pass over each chunk.
    fn holding(&self, word: &str, len: usize) -> EventSet {
        let mut set = EventSet::empty(len);
        for chunk in &self.chunks {
            let mut from = 0;
            while let Some(at) = chunk.text[from..].find(word) {
                let event = chunk.starts.partition_point(|&s| s as usize <= from + at) - 1;
                set.insert(chunk.first + event);
                // The next event's text: this one is found already.
                match chunk.starts.get(event + 1) {
                    Some(&next) => from = next as usize,
                    None => break,
                }
            }
        }
        set
    }

    /// The events of the chronology passing the filter's search text and its list of events.
    /// The text must be complete ([`SearchText::new`]) when the filter has a search.
    pub fn passing(&self, data: &Chronology, filter: &Filter) -> EventSet {
        let len = data.events.len();
        let mut set = EventSet::full(len);
        for word in terms(&filter.text) {
            let word = word.as_str();
            if set.count() < len / 16 {
                // Few candidates left: look in their texts only.
                let mut kept = EventSet::empty(len);
                for i in set.iter().filter(|&i| self.of(i).contains(word)) {
                    kept.insert(i);
                }
                set = kept;
            } else {
                set.and_with(&self.holding(word, len));
            }
        }
        if !filter.events.is_empty() {
            for (i, e) in data.events.iter().enumerate() {
                if !filter.events.contains(&e.id) {
                    set.remove(i);
                }
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::embedded;
    use crate::core::query::{facet_counts, matching, search_haystacks};

    fn indexed(data: &Chronology, filter: &Filter) -> (Vec<bool>, Vec<Vec<FacetCount>>) {
        let facets = FacetIndex::new(data);
        let text = if filter.text.trim().is_empty() {
            SearchText::default()
        } else {
            SearchText::new(data)
        };
        let passing = text.passing(data, filter);
        let counts = Facet::ALL
            .iter()
            .map(|f| facets.counts(data, filter, *f, &passing))
            .collect();
        (facets.matching(filter, &passing).to_flags(), counts)
    }

    fn scanned(data: &Chronology, filter: &Filter) -> (Vec<bool>, Vec<Vec<FacetCount>>) {
        let haystacks = search_haystacks(data);
        let counts = Facet::ALL
            .iter()
            .map(|f| facet_counts(data, &haystacks, filter, *f))
            .collect();
        (matching(data, &haystacks, filter), counts)
    }

    #[test]
    fn sets_count_combine_and_list_their_events() {
        let mut a = EventSet::empty(130);
        for i in [0, 63, 64, 129, 200] {
            a.insert(i);
        }
        assert_eq!(a.count(), 4, "200 is past the end and not added");
        assert_eq!(a.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        let full = EventSet::full(130);
        assert_eq!(full.count(), 130);
        assert_eq!(a.count_and(&full), 4);
        let mut b = EventSet::empty(130);
        b.insert(64);
        b.insert(65);
        let mut both = a.clone();
        both.and_with(&b);
        let mut less = both.clone();
        less.remove(64);
        assert!(less.is_empty() && !both.is_empty());
        assert_eq!(both.iter().collect::<Vec<_>>(), vec![64]);
        b.or_with(&a);
        assert_eq!(b.count(), 5);
        assert_eq!(EventSet::from_flags(&a.to_flags()), a);
        assert!(EventSet::empty(0).is_empty() && EventSet::full(0).count() == 0);
    }

    #[test]
    fn the_indexes_agree_with_the_scans_on_the_chronology() {
        let data = embedded().unwrap();
        let mut filter = Filter::default();
        assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
        filter.domains.insert("piracy".into());
        filter.domains.insert("afghanistan".into());
        assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
        filter.text = "  Wörner  ".into();
        filter.domains.clear();
        let (matches, _) = indexed(&data, &filter);
        assert!(matches.iter().any(|m| *m));
        assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
        filter.text = "japan nato 20".into();
        filter.third_parties.insert("united-states".into());
        assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
        filter.events.insert(data.events[3].id.clone());
        filter.events.insert(data.events[40].id.clone());
        filter.text.clear();
        filter.third_parties.clear();
        assert_eq!(indexed(&data, &filter).0.iter().filter(|m| **m).count(), 2);
        assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
    }

    #[test]
    fn a_word_is_never_found_across_two_events_texts() {
        let data = embedded().unwrap();
        let text = SearchText::new(&data);
        // The end of one event's text and the start of the next, joined, is nowhere.
        let last = text
            .of(0)
            .trim_end()
            .rsplit('\n')
            .next()
            .unwrap()
            .to_string();
        let joined = format!("{}{}", last.rsplit(' ').next().unwrap(), &text.of(1)[..3]);
        let filter = Filter {
            text: joined.clone(),
            ..Filter::default()
        };
        assert_eq!(
            text.passing(&data, &filter).to_flags(),
            matching(&data, &search_haystacks(&data), &filter),
            "{joined}"
        );
    }

    #[test]
    fn the_search_text_built_a_chunk_at_a_time_finds_what_the_whole_finds() {
        let data = crate::core::synthetic::generate(SEARCH_CHUNK * 2 + 7, 3);
        let mut text = SearchText::default();
        let mut steps = 0;
        while !text.extend(&data) {
            steps += 1;
            let copy = text.clone();
            assert_eq!(copy, text, "a copy shares the chunks");
        }
        assert_eq!((steps, text.len()), (2, data.events.len()));
        assert!(text.extend(&data), "complete: nothing more to do");
        let last = data.events.len() - 1;
        let filter = Filter {
            text: format!("synthetic {last}"),
            ..Filter::default()
        };
        // The last event of the last chunk, and events in every chunk.
        assert!(text.passing(&data, &filter).contains(last));
        let filter = Filter {
            text: "synthetic".into(),
            ..Filter::default()
        };
        assert_eq!(text.passing(&data, &filter).count(), data.events.len());
        assert_ne!(
            SearchText::new(&data),
            text,
            "built apart: not the same chunks"
        );
    }

    #[test]
    fn the_indexes_agree_with_the_scans_across_chunks_of_search_text() {
        let data = crate::core::synthetic::generate(SEARCH_CHUNK * 3 + 11, 7);
        for (text, domain) in [
            ("summit", "piracy"),
            ("synthetic 4", ""),
            ("ex 20", "cyber"),
        ] {
            let mut filter = Filter {
                text: text.into(),
                ..Filter::default()
            };
            if !domain.is_empty() {
                filter.domains.insert(domain.into());
            }
            let (matches, counts) = indexed(&data, &filter);
            assert!(matches.iter().any(|m| *m), "{text}");
            assert!(
                (matches, counts) == scanned(&data, &filter),
                "{text} {domain}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use crate::core::query::fold;
        use crate::core::synthetic;
        use proptest::prelude::*;

        const WORDS: [&str; 10] = [
            "a",
            "synthetic",
            "summit",
            "ex",
            "2014",
            "ö",
            "generated",
            "zz",
            "-",
            "may",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]

            #[test]
            fn the_indexes_agree_with_the_scans(
                n in 0usize..300,
                seed in 0u64..1000,
                phases in proptest::collection::btree_set(0usize..5, 0..3),
                domains in proptest::collection::btree_set(0usize..18, 0..4),
                parties in proptest::collection::btree_set(0usize..12, 0..3),
                words in proptest::collection::vec(0usize..WORDS.len(), 0..3),
            ) {
                let data = synthetic::generate(n, seed);
                let pick = |ids: Vec<String>, chosen: &std::collections::BTreeSet<usize>| {
                    chosen.iter().map(|&i| ids.get(i).cloned().unwrap_or_else(|| format!("unknown-{i}"))).collect()
                };
                let filter = Filter {
                    phases: pick(data.phases.iter().map(|p| p.id.clone()).collect(), &phases),
                    domains: pick(data.domains.iter().map(|d| d.id.clone()).collect(), &domains),
                    third_parties: pick(data.third_parties.iter().map(|t| t.id.clone()).collect(), &parties),
                    text: words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "),
                    events: Default::default(),
                };
                prop_assert_eq!(indexed(&data, &filter), scanned(&data, &filter));
            }

            #[test]
            fn folding_runs_of_ascii_at_once_folds_each_character_alike(text in "\\PC{0,40}") {
                let mut by_char = String::new();
                for c in text.chars() {
                    crate::core::query::search::fold_char(c, &mut by_char);
                }
                prop_assert_eq!(fold(&text), by_char);
            }
        }
    }
}
