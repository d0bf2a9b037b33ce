//! Properties over random extents: lanes never overlap, every event is accounted for, the
//! index matches a linear scan.

use super::*;
use proptest::prelude::*;

fn extent_strategy() -> impl Strategy<Value = Extent> {
    (
        0.0f64..2000.0,
        prop_oneof![Just(1.0), Just(31.0), Just(365.0), 0.0f64..600.0],
        any::<bool>(),
        0.0f64..250.0,
        0u16..20,
        prop_oneof![Just(None), (0.3f64..0.8).prop_map(Some)],
    )
        .prop_map(
            |(first_day, length, is_span, label_width, priority, wrap)| Extent {
                first_day,
                end_day: first_day + length,
                is_span,
                label_width,
                // Some points' titles in two lines, narrower by a random part.
                wrap: wrap.filter(|_| !is_span).map(|part| Wrap {
                    at: std::num::NonZeroU32::MIN,
                    width: (label_width * part) as f32,
                }),
                priority,
                domains: Default::default(),
                stated: None,
            },
        )
}

/// Options with as many lanes for points as for spans, and a mark gap a third of the label gap.
fn options(labelled: usize, max: usize, gap: f64, radius: f64) -> LayoutOptions {
    let lanes = LaneLimits { labelled, max };
    LayoutOptions {
        points: lanes,
        spans: lanes,
        label_gap: gap,
        mark_gap: gap / 3.0,
        point_radius: radius,
    }
}

proptest! {
    #[test]
    fn lanes_never_overlap_and_every_visible_event_is_accounted_for(
        extents in proptest::collection::vec(extent_strategy(), 0..150),
        start in -100.0f64..2000.0,
        span in 5.0f64..2500.0,
        width in 50.0f64..1600.0,
        labelled in 0usize..8,
        max in 0usize..10,
        gap in 0.0f64..20.0,
        // Marks of no width (a radius of 0, which the timeline never draws: 4–6 px) take no
        // room in a lane, and the check below finds room beside them that the packer never had.
        radius in 0.5f64..8.0,
        mask in any::<u64>(),
        context_mask in prop_oneof![Just(0u64), any::<u64>()],
    ) {
        let one_line: Vec<Extent> = extents.iter().map(|e| Extent { wrap: None, ..*e }).collect();
        let index = TimelineIndex::new(extents);
        let scale = TimeScale::new(start, start + span, width);
        let options = options(labelled, max, gap, radius);
        let include = |i: usize| (mask >> (i % 64)) & 1 == 1;
        // Some of the others drawn as context (rank 0).
        let context = |i: usize| !include(i) && (context_mask >> (i % 64)) & 1 == 1;
        let l = layout(&index, &scale, &options, |i| {
            if include(i) {
                Some(1 + u32::from(index.extent(i).priority))
            } else {
                context(i).then_some(0)
            }
        });
        check_context(&l, &context);
        let counted = |i: usize| include(i) || context(i);
        check_band(&index, &scale, &options, &l.points, false);
        check_band(&index, &scale, &options, &l.spans, true);
        for (band, spans) in [(&l.points, false), (&l.spans, true)] {
            let ranked = Band {
                placed: band.placed.iter().filter(|p| include(p.index)).cloned().collect(),
                ..band.clone()
            };
            check_accounting(&index, &scale, &ranked, spans, &include);
            prop_assert!(band.placed.iter().all(|p| counted(p.index)));
        }
        // Titles in two lines only add names: every event that counts and is named with no
        // title allowed two lines is named the same with them; one unnamed may be named in two
        // lines; nothing is folded otherwise. (Faint context, packed in the lanes left, may move.)
        let plain = layout(&TimelineIndex::new(one_line), &scale, &options, |i| {
            if include(i) {
                Some(1 + u32::from(index.extent(i).priority))
            } else {
                context(i).then_some(0)
            }
        });
        for (with, without) in [(&l.points, &plain.points), (&l.spans, &plain.spans)] {
            prop_assert_eq!(&with.clusters, &without.clusters);
            for p in without.placed.iter().filter(|p| include(p.index)) {
                let q = with.placed.iter().find(|q| q.index == p.index);
                prop_assert!(q.is_some(), "{:?} is gone", p);
                let q = q.unwrap();
                if p.labelled {
                    prop_assert_eq!(q, p);
                } else if q.labelled {
                    prop_assert!(q.wrapped, "{:?} {:?}", p, q);
                }
            }
        }
        // A clustered mark found every lane taken where it stands.
        let r = options.point_radius.max(0.0);
        for (band, spans) in [(&l.points, false), (&l.spans, true)] {
            for c in &band.clusters {
                for &m in &c.indices {
                    let e = index.extent(m);
                    let probe = Placed {
                        index: m,
                        lane: 0,
                        x: if spans { scale.to_px(e.first_day) } else { scale.to_px(e.mark_day()) },
                        x_start: scale.to_px(e.first_day),
                        x_end: scale.to_px(e.effective_end()),
                        label_x: 0.0,
                        label_width: 0.0,
                        labelled: false,
                        wrapped: false,
                        mark_shown: true,
                    };
                    let clamp = |x: f64| x.clamp(-BAR_OVERHANG, width + BAR_OVERHANG);
                    let probe = Placed {
                        x: clamp(probe.x),
                        x_start: clamp(probe.x_start),
                        x_end: clamp(probe.x_end).max(if spans { clamp(probe.x_start) + 2.0 } else { f64::MIN }),
                        ..probe
                    };
                    let (a, b) = mark(&probe, r, spans);
                    let gap = options.mark_gap;
                    for lane in 0..band.lanes - 1 {
                        let taken = band.placed.iter().filter(|p| p.lane == lane).any(|p| {
                            let (c, d) = mark(p, r, spans);
                            c < b + gap + 1e-6 && a < d + gap + 1e-6
                        });
                        prop_assert!(taken, "lane {} had room for clustered {}", lane, m);
                    }
                }
            }
        }
    }

    #[test]
    fn visible_matches_a_linear_scan(
        extents in proptest::collection::vec(extent_strategy(), 0..200),
        start in -700.0f64..2700.0,
        span in 0.0f64..1000.0,
    ) {
        let index = TimelineIndex::new(extents.clone());
        let found: Vec<usize> = index.visible(start, start + span).collect();
        for pair in found.windows(2) {
            prop_assert!(index.extent(pair[0]).first_day <= index.extent(pair[1]).first_day);
        }
        let mut found = found;
        found.sort_unstable();
        let expected: Vec<usize> = (0..extents.len())
            .filter(|&i| extents[i].intersects(start, start + span))
            .collect();
        prop_assert_eq!(found, expected);
    }
}

proptest! {
    /// The short way crowded events take to their clusters changes nothing: the layout is the
    /// one of packing every event one by one, in one block or several, with context or not.
    #[test]
    fn crowded_events_folded_the_short_way_land_where_packing_puts_them(
        extents in proptest::collection::vec(extent_strategy(), 0..400),
        start in -100.0f64..2000.0,
        span in 5.0f64..2500.0,
        width in 20.0f64..600.0,
        labelled in 0usize..4,
        max in 0usize..4,
        gap in 0.0f64..20.0,
        radius in 0.0f64..8.0,
        mask in any::<u64>(),
        context_mask in prop_oneof![Just(0u64), any::<u64>()],
        blocks in 1usize..4,
    ) {
        let index = TimelineIndex::new(extents);
        let scale = TimeScale::new(start, start + span, width);
        let options = options(labelled, max, gap, radius);
        let rank = |i: usize| {
            if (mask >> (i % 64)) & 1 == 1 {
                Some(1 + u32::from(index.extent(i).priority))
            } else {
                ((context_mask >> (i % 64)) & 1 == 1).then_some(0)
            }
        };
        // Block b holds the events whose index is b modulo their number, some are in two
        // blocks, and some in none.
        let of = |i: usize| {
            let mut of = vec![i % blocks, (i / 7) % blocks];
            of.dedup();
            if i % 11 == 5 {
                of.clear();
            }
            of
        };
        let short = lay_out_blocks(&index, &scale, &options, blocks, rank, of, Folding::Short);
        let each = lay_out_blocks(&index, &scale, &options, blocks, rank, of, Folding::OneByOne);
        prop_assert_eq!(short, each);
    }
}

proptest! {
    /// Any title, however it is made (spaces, dashes, letters of several bytes), breaks without
    /// a panic into two lines that are its start and its end, neither empty, both narrower.
    #[test]
    fn any_title_breaks_into_its_start_and_its_end(title in "[a-zé–— “”]{0,80}") {
        let measure = crate::core::text::Estimate;
        let full = crate::core::text::estimate(&title);
        if let Some(wrap) = Wrap::of(&title, full, &measure) {
            let (first, second) = wrap.lines(&title);
            prop_assert!(!first.is_empty() && !second.is_empty());
            prop_assert!(title.starts_with(first) && title.ends_with(second));
            prop_assert!(f64::from(wrap.width) < full);
        }
    }
}
