use super::*;
use crate::core::query::Facet;

#[test]
fn a_full_link_round_trips() {
    let mut view = ViewState::default();
    view.filter.domains.insert("afghanistan".into());
    view.filter.domains.insert("piracy".into());
    view.filter.third_parties.insert("china".into());
    view.filter.text = "Wörner & co".into();
    view.dim = true;
    view.group = GroupBy::Domain;
    view.follow = false;
    view.window = Some(round_window(
        year_start(1990) + 0.25,
        year_start(1993) + 17.5,
    ));
    view.selected = Some("1991-worner-visit".into());
    let q = to_query(&view);
    assert!(q.starts_with("?domain=afghanistan,piracy&party=china&q=W%C3%B6rner+%26+co&dim=1&group=domain&follow=0&from=1990-01-01T06:00"), "{q}");
    let (back, notices) = parse(&q);
    assert_eq!(notices, Vec::<String>::new());
    assert_eq!(back, view);
    assert_eq!(to_query(&ViewState::default()), "");
}

/// A window of years (one eased to the filters' events) is named to the day: its link read
/// `from=2000-07-09T16:19&to=2017-06-25T07:41`, minutes that are a fraction of a pixel. A
/// narrower one keeps its minutes; either way the link opens the window it names.
#[test]
fn a_window_of_years_is_named_to_the_day() {
    let wide = round_window(year_start(2000) + 190.68, year_start(2017) + 175.32);
    assert_eq!(wide, (year_start(2000) + 191.0, year_start(2017) + 175.0));
    let view = ViewState {
        window: Some(wide),
        ..ViewState::default()
    };
    let q = to_query(&view);
    assert_eq!(q, "?from=2000-07-10&to=2017-06-25");
    assert_eq!(parse(&q).0, view);
    assert_eq!(
        round_window(wide.0, wide.1),
        wide,
        "rounding again changes nothing"
    );
    let narrow = round_window(year_start(2014) + 0.25, year_start(2016) + 3.5);
    assert_eq!(narrow, (year_start(2014) + 0.25, year_start(2016) + 3.5));
    // Wider than five years by a hair: days, and then still wider than five years.
    let edge = round_window(0.4, DAYS_FROM + 0.9);
    assert!(
        edge.1 - edge.0 >= DAYS_FROM - 1.0 && edge.0.fract() == 0.0,
        "{edge:?}"
    );
    assert_eq!(round_window(edge.0, edge.1), edge);
}

#[test]
fn a_data_file_travels_in_the_link() {
    let view = ViewState {
        data: Some("data/thesis timeline.csv".into()),
        ..ViewState::default()
    };
    let q = to_query(&view);
    assert_eq!(q, "?data=data/thesis+timeline.csv");
    assert_eq!(parse(&q), (view, vec![]));
    let kept = ViewState {
        data: Some(KEPT_DATA.into()),
        ..ViewState::default()
    };
    assert_eq!(to_query(&kept), "?data=@browser");
    assert_eq!(parse("?data=@browser"), (kept, vec![]));
    let (bad, notices) = parse("?data=");
    assert_eq!(bad.data, None);
    assert_eq!(notices.len(), 1, "{notices:?}");
}

#[test]
fn a_story_and_its_scene_travel_in_the_link() {
    let view = ViewState {
        story: Some("the-brief".into()),
        scene: Some("take-off-2007".into()),
        ..ViewState::default()
    };
    let q = to_query(&view);
    assert_eq!(q, "?story=the-brief&scene=take-off-2007");
    assert_eq!(parse(&q), (view, vec![]));
    // A scene by its number, and a story alone (its first scene).
    let (by_number, notices) = parse("?story=the-brief&scene=5");
    assert_eq!(by_number.scene.as_deref(), Some("5"));
    assert!(notices.is_empty());
    let (alone, _) = parse("?story=the-brief");
    assert_eq!(
        (alone.story.as_deref(), alone.scene),
        (Some("the-brief"), None)
    );
}

#[test]
fn a_broken_story_link_falls_back_to_no_story_with_a_notice() {
    // Any id a chronology may have travels (a story of an import may be named `<b>`); one
    // with a control or invisible character cannot be an id.
    let (view, _) = parse("?story=%3Cb%3E&scene=a%20b");
    assert_eq!(
        (view.story.as_deref(), view.scene.as_deref()),
        (Some("<b>"), Some("a b"))
    );
    let (view, notices) = parse("?story=x%E2%80%8By&scene=x&domain=cyber");
    assert_eq!((view.story, view.scene), (None, None));
    assert!(view.filter.domains.contains("cyber"));
    assert!(
        notices.iter().any(|n| n.contains("not a story id")),
        "{notices:?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.contains("scene='x'") && n.contains("needs a story")),
        "{notices:?}"
    );
    let (view, notices) = parse("?story=the-brief&scene=a%01b");
    assert_eq!(view.story.as_deref(), Some("the-brief"));
    assert_eq!(view.scene, None);
    assert!(
        notices.iter().any(|n| n.contains("not a scene id")),
        "{notices:?}"
    );
}

#[test]
fn garbage_is_ignored_with_a_notice_and_the_rest_applies() {
    let (view, notices) = parse(
        "?domain=cyber&bogus=1&from=19x4&to=2000&event=<script>%00&dim=maybe&synthetic=-3&%ZZ=%&group=year&follow=sometimes",
    );
    assert_eq!(view.group, GroupBy::None);
    assert!(view.follow, "following stays on");
    assert!(
        notices.iter().any(|n| n.contains("group='year'")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("follow='sometimes'")),
        "{notices:?}"
    );
    assert!(view.filter.domains.contains("cyber"));
    assert_eq!(view.window, None);
    assert_eq!(view.selected, None);
    assert!(!view.dim);
    assert_eq!(view.synthetic, None);
    assert!(
        notices
            .iter()
            .any(|n| n.contains("2 unknown parameters in the link ignored: 'bogus', '%ZZ'")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("from='19x4'")),
        "{notices:?}"
    );
    assert!(
        notices.iter().any(|n| n.contains("event='<script>␀'")),
        "{notices:?}"
    );
    assert!(notices.len() >= 7, "{notices:?}");
}

#[test]
fn grouping_and_following_travel_in_the_link_and_default_to_none_and_on() {
    let (view, notices) = parse("");
    assert_eq!((view.group, view.follow), (GroupBy::None, true));
    assert!(notices.is_empty());
    for group in GroupBy::ALL {
        let view = ViewState {
            group,
            ..ViewState::default()
        };
        let q = to_query(&view);
        if group == GroupBy::None {
            assert_eq!(q, "");
        } else {
            assert_eq!(q, format!("?group={}", group.key()));
        }
        assert_eq!(parse(&q), (view, vec![]));
    }
    let still = ViewState {
        follow: false,
        ..ViewState::default()
    };
    assert_eq!(to_query(&still), "?follow=0");
    assert_eq!(parse("?follow=0").0, still);
    assert!(parse("?follow=1").0.follow);
    assert_eq!(parse("?group=party").0.group, GroupBy::Party);
    // Folded lanes: a list of keys, with the grouping.
    let folded = ViewState {
        group: GroupBy::Domain,
        folded: ["cyber".to_string(), "a,b".to_string()].into(),
        ..ViewState::default()
    };
    assert_eq!(to_query(&folded), "?group=domain&fold=a%2Cb,cyber");
    assert_eq!(parse(&to_query(&folded)), (folded, vec![]));
    let (bad, notices) = parse("?group=domain&fold=cyber,%01x");
    assert_eq!(bad.folded.len(), 1);
    assert_eq!(notices.len(), 1, "{notices:?}");
}

#[test]
fn a_data_address_with_invisible_characters_is_refused() {
    for address in [
        "data/a%E2%80%8Bb.json",
        "data/%E2%80%AEnosj.csv",
        "%EF%BB%BFdata.json",
        "data/a%C2%ADb.json",
        "data/a%E2%81%A0b.json",
    ] {
        let (view, notices) = parse(&format!("?data={address}"));
        assert_eq!(view.data, None, "{address}");
        assert_eq!(notices.len(), 1, "{address}: {notices:?}");
        assert!(notices[0].contains("invisible"), "{notices:?}");
    }
    let (view, notices) = parse("?synthetic=2000000");
    assert_eq!(view.synthetic, None);
    assert_eq!(
        notices,
        ["Ignored synthetic='2000000' in the link: a number of events up to 1,000,000 is expected."]
    );
}

#[test]
fn many_ignored_values_of_one_kind_give_one_notice() {
    let bad_domains: Vec<String> = (0..5_000).map(|i| format!("%00d{i}")).collect();
    let unknown: Vec<String> = (0..5_000).map(|i| format!("x{i}=1")).collect();
    let dims = vec!["dim=maybe"; 5_000];
    let q = format!(
        "?domain={}&{}&{}&phase=%00p",
        bad_domains.join(","),
        unknown.join("&"),
        dims.join("&")
    );
    let (_, notices) = parse(&q);
    assert_eq!(
        notices,
        [
            "5,000 domain values in the link ignored: '␀d0', '␀d1', '␀d2' …",
            "5,000 unknown parameters in the link ignored: 'x0', 'x1', 'x2' …",
            "5,000 dim values in the link ignored: 'maybe' …",
            "Ignored the phase value '␀p' in the link.",
        ]
    );
}

#[test]
fn any_id_an_import_accepts_travels_in_the_link() {
    let long = "x".repeat(250);
    let ids = [
        "event 1",
        "a/b?c#d",
        "a,b",
        "a+b",
        "100%",
        "x=y&z",
        "日本 と NATO",
        "'-5",
        long.as_str(),
    ];
    assert_eq!(
        parse("?event=event+1").0.selected.as_deref(),
        Some("event 1")
    );
    assert_eq!(
        parse("?event=event%201").0.selected.as_deref(),
        Some("event 1")
    );
    for id in ids {
        let mut view = ViewState {
            selected: Some(id.to_string()),
            ..ViewState::default()
        };
        view.filter.domains.insert(id.to_string());
        view.filter.domains.insert("cyber".to_string());
        view.filter.phases.insert(id.to_string());
        view.filter.third_parties.insert(id.to_string());
        let q = to_query(&view);
        assert_eq!(parse(&q), (view, vec![]), "{id}: {q}");
    }
    // A comma inside an id is not the list's separator.
    let mut view = ViewState::default();
    view.filter.domains.insert("a,b".into());
    assert_eq!(to_query(&view), "?domain=a%2Cb");
    assert_eq!(parse("?domain=a,b").0.filter.domains.len(), 2);
}

/// The first key a query string names twice, if any.
fn repeated_key(query: &str) -> Option<String> {
    let mut seen = std::collections::HashSet::new();
    query
        .trim_start_matches('?')
        .split('&')
        .map(|pair| pair.split_once('=').map_or(pair, |(k, _)| k))
        .find(|key| !seen.insert(*key))
        .map(str::to_string)
}

/// A parameter of one value named twice keeps its first value; the second is said, not lost
/// (`?event=a&event=foo` selected 'foo' and said nothing of 'a').
#[test]
fn a_repeated_parameter_keeps_its_first_value_and_says_the_second() {
    let said = |key: &str, value: &str, why: &str| {
        vec![format!(
            "Ignored the second {key}= in the link ('{value}'): {why}."
        )]
    };
    let (v, n) = parse("?event=2014-05-06-ipcp-signed&event=foo");
    assert_eq!(v.selected.as_deref(), Some("2014-05-06-ipcp-signed"));
    assert_eq!(n, said("event", "foo", "a view selects one event"));
    let (v, n) = parse("?story=the-brief&story=nope");
    assert_eq!(v.story.as_deref(), Some("the-brief"));
    assert_eq!(n, said("story", "nope", "a view opens one story"));
    let (v, n) = parse("?story=the-brief&scene=take-off-2007&scene=5");
    assert_eq!(v.scene.as_deref(), Some("take-off-2007"));
    assert_eq!(n, said("scene", "5", "a view opens one scene"));
    let (v, n) = parse("?q=abe&q=piracy");
    assert_eq!(v.filter.text, "abe");
    assert_eq!(n, said("q", "piracy", "a view has one search"));
    let (v, n) = parse("?group=domain&group=phase");
    assert_eq!(v.group, GroupBy::Domain);
    assert_eq!(n, said("group", "phase", "a view groups the lanes one way"));
    // A first value that is the default still wins.
    let (v, n) = parse("?dim=0&dim=1");
    assert!(!v.dim);
    assert_eq!(
        n,
        said(
            "dim",
            "1",
            "a view says once whether to dim the events filtered out"
        )
    );
    let (v, n) = parse("?follow=1&follow=0");
    assert!(v.follow);
    assert_eq!(
        n,
        said(
            "follow",
            "0",
            "a view says once whether the window follows the filters"
        )
    );
    let (v, n) = parse("?from=2010&from=2012&to=2014");
    assert_eq!(v.window, Some((year_start(2010), year_start(2015))));
    assert_eq!(n, said("from", "2012", "a window has one start"));
    let (v, n) = parse("?from=2010&to=2014&to=2012");
    assert_eq!(v.window, Some((year_start(2010), year_start(2015))));
    assert_eq!(n, said("to", "2012", "a window has one end"));
    let (v, n) = parse("?synthetic=10&synthetic=20");
    assert_eq!(v.synthetic, Some(10));
    assert_eq!(
        n,
        said("synthetic", "20", "a view makes one synthetic chronology")
    );
    let (v, n) = parse("?data=a.json&data=b.json");
    assert_eq!(v.data.as_deref(), Some("a.json"));
    assert_eq!(
        n,
        said("data", "b.json", "a view opens one chronology file")
    );
    // The same value twice is still said: the link is not what the app writes.
    let (v, n) = parse("?q=abe&q=abe");
    assert_eq!(v.filter.text, "abe");
    assert_eq!(n.len(), 1, "{n:?}");
    // The lists add up, as before.
    let (v, n) = parse("?domain=cyber&domain=piracy&group=domain&fold=a&fold=b");
    assert_eq!(v.filter.domains.len(), 2);
    assert_eq!(v.folded.len(), 2);
    assert!(n.is_empty(), "{n:?}");
}

/// A first value that cannot be used is said as before, and the next usable one is kept.
#[test]
fn a_repeated_parameter_skips_an_unusable_first_value() {
    for (q, kept, said) in [
        ("?event=%00&event=e1", "selected", "event='␀'"),
        ("?story=a%01b&story=the-brief", "story", "story='a␁b'"),
        ("?story=the-brief&scene=%01&scene=3", "scene", "scene='␁'"),
        ("?q=%FF&q=abe", "q", "search (q=)"),
        ("?group=year&group=party", "group", "group='year'"),
        ("?dim=maybe&dim=1", "dim", "dim='maybe'"),
        ("?follow=sometimes&follow=0", "follow", "follow='sometimes'"),
        ("?from=xyz&from=2000&to=2010", "window", "from='xyz'"),
        ("?from=2000&to=soon&to=2010", "window", "to='soon'"),
        ("?synthetic=-3&synthetic=7", "synthetic", "synthetic='-3'"),
        ("?data=&data=a.json", "data", "data=''"),
    ] {
        let (v, notices) = parse(q);
        let got = match kept {
            "selected" => v.selected.is_some(),
            "story" => v.story.is_some(),
            "scene" => v.scene.as_deref() == Some("3"),
            "q" => v.filter.text == "abe",
            "group" => v.group == GroupBy::Party,
            "dim" => v.dim,
            "follow" => !v.follow,
            "window" => v.window == Some((year_start(2000), year_start(2011))),
            "synthetic" => v.synthetic == Some(7),
            "data" => v.data.is_some(),
            _ => unreachable!(),
        };
        assert!(got, "{q}: {v:?}");
        assert_eq!(notices.len(), 1, "{q}: {notices:?}");
        assert!(notices[0].contains(said), "{q}: {notices:?}");
    }
    // Its place is counted: the value after the kept one is the third.
    let (v, notices) = parse("?event=%00&event=a&event=b");
    assert_eq!(v.selected.as_deref(), Some("a"));
    assert_eq!(
        notices,
        [
            "Ignored event='␀' in the link.",
            "Ignored the third event= in the link ('b'): a view selects one event.",
        ]
    );
    let bad = ["event=%00"; 20].join("&");
    let (_, notices) = parse(&format!("?{bad}&event=a&event=b"));
    assert!(
        notices.contains(
            &"Ignored the 22nd event= in the link ('b'): a view selects one event.".to_string()
        ),
        "{notices:?}"
    );
}

/// Thousands of repeats give one notice per parameter, whatever they hold.
#[test]
fn many_repeats_of_a_parameter_give_one_notice() {
    let qs: Vec<String> = (0..5_000).map(|i| format!("q=x{i}")).collect();
    let events = ["event=%00"; 3].join("&");
    let (v, notices) = parse(&format!(
        "?q=abe&{}&event=e1&{events}&group=domain&group=phase",
        qs.join("&")
    ));
    assert_eq!(
        (v.filter.text.as_str(), v.selected.as_deref()),
        ("abe", Some("e1"))
    );
    assert_eq!(
        notices,
        [
            "5,000 further q= values in the link ignored: 'x0', 'x1', 'x2' …",
            "3 further event= values in the link ignored: '␀' …",
            "Ignored the second group= in the link ('phase'): a view groups the lanes one way.",
        ]
    );
}

/// The links the app writes name each parameter once, whatever the view holds.
#[test]
fn a_written_link_names_each_parameter_once() {
    let mut view = ViewState {
        dim: true,
        group: GroupBy::Phase,
        folded: ["a".to_string(), "b".to_string()].into(),
        follow: false,
        window: Some(round_window(year_start(2000), year_start(2010))),
        selected: Some("e1".into()),
        synthetic: Some(10),
        data: Some("data/x.json".into()),
        story: Some("the-brief".into()),
        scene: Some("3".into()),
        ..ViewState::default()
    };
    view.filter.text = "abe".into();
    for facet in Facet::ALL {
        view.filter.selected_mut(facet).insert("a".into());
        view.filter.selected_mut(facet).insert("b".into());
    }
    let q = to_query(&view);
    assert_eq!(repeated_key(&q), None, "{q}");
    assert_eq!(repeated_key("?a=1&b=2&a=3").as_deref(), Some("a"));
    assert_eq!(parse(&q), (view, vec![]));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::super::*;
    use crate::core::synthetic::MAX_EVENTS;
    use crate::core::text::id_problem;
    use proptest::prelude::*;

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9][a-z0-9-]{0,20}"
    }

    /// Any id an import accepts: arbitrary Unicode, with the link's own punctuation.
    fn any_id() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{1,24}",
            "[ ,+%&=#?/;:@'\"<>a-z0-9-]{1,12}",
            proptest::collection::vec(any::<char>(), 1..12)
                .prop_map(|c| c.into_iter().collect::<String>()),
        ]
        .prop_filter("an id an import accepts", |s| id_problem(s).is_none())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_string_parses_without_panicking(s in "\\PC{0,200}") {
            let _ = parse(&s);
        }

        #[test]
        fn any_query_like_string_parses_without_panicking(
            pairs in proptest::collection::vec(("(domain|party|phase|q|dim|group|follow|from|to|event|synthetic|story|scene|x)", "[%+,=&a-zA-Z0-9:T.-]{0,30}"), 0..8)
        ) {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = parse(&q.join("&"));
        }

        #[test]
        fn any_accepted_id_round_trips_with_the_rest_of_the_view(
            domains in proptest::collection::btree_set(any_id(), 0..4),
            parties in proptest::collection::btree_set(any_id(), 0..3),
            phases in proptest::collection::btree_set(any_id(), 0..3),
            text in "\\PC{0,30}",
            dim: bool,
            window in proptest::option::of((-200_000.0f64..200_000.0, 1.0f64..50_000.0)),
            selected in proptest::option::of(any_id()),
            data in proptest::option::of("[a-zA-Z0-9/:._~%?&=#-]{1,40}"),
        ) {
            let view = ViewState {
                filter: Filter { phases, domains, third_parties: parties, text, ..Filter::default() },
                dim,
                window: window.map(|(start, span)| round_window(start, start + span)),
                selected,
                data,
                ..ViewState::default()
            };
            let (back, notices) = parse(&to_query(&view));
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(back, view);
        }

        #[test]
        fn views_round_trip(
            domains in proptest::collection::btree_set(id(), 0..4),
            parties in proptest::collection::btree_set(id(), 0..3),
            phases in proptest::collection::btree_set(id(), 0..3),
            text in "\\PC{0,30}",
            dim: bool,
            group in proptest::sample::select(GroupBy::ALL.to_vec()),
            folded in proptest::collection::btree_set(id(), 0..3),
            follow: bool,
            start in -200_000.0f64..200_000.0,
            span in 1.0f64..50_000.0,
            selected in proptest::option::of(id()),
            synthetic in proptest::option::of(0usize..MAX_EVENTS),
            data in proptest::option::of("[a-zA-Z0-9/:._~%?&=#-]{1,40}"),
            story in proptest::option::of((id(), proptest::option::of(id()))),
        ) {
            let (story, scene) = match story {
                Some((story, scene)) => (Some(story), scene),
                None => (None, None),
            };
            let view = ViewState {
                filter: Filter { phases, domains, third_parties: parties, text: text.clone(), events: Default::default() },
                dim,
                group,
                // Written only with a grouping.
                folded: if group == GroupBy::None { Default::default() } else { folded },
                follow,
                window: Some(round_window(start, start + span)),
                selected,
                synthetic,
                data,
                story,
                scene,
            };
            let query = to_query(&view);
            prop_assert_eq!(super::repeated_key(&query), None, "{}", query);
            let (back, notices) = parse(&query);
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(back, view);
        }
    }
}

#[test]
fn a_window_before_1970_survives_the_link_to_the_minute() {
    // -0.48055… days (11:28 on 31 December 1969) came back as -0.48055…57.
    let window = round_window(-0.480_555_555_555_555_5, 3.0);
    let view = ViewState {
        window: Some(window),
        ..ViewState::default()
    };
    assert_eq!(parse(&to_query(&view)).0.window, Some(window));
}

#[test]
fn a_hand_written_year_or_month_to_runs_to_its_end() {
    let window = |q: &str| parse(q).0.window;
    // The year 2010, and the months of March and April 2014.
    assert_eq!(
        window("?from=2010&to=2010"),
        Some((year_start(2010), year_start(2011)))
    );
    assert_eq!(
        window("?from=2014-03&to=2014-04"),
        Some((
            days_from_civil(2014, 3, 1) as f64,
            days_from_civil(2014, 5, 1) as f64
        ))
    );
    assert_eq!(
        window("?from=2014-04&to=2014-04"),
        Some((
            days_from_civil(2014, 4, 1) as f64,
            days_from_civil(2014, 5, 1) as f64
        ))
    );
    // Later than `from` too: to 2011 is through 2011, to January 2015 through January.
    assert_eq!(
        window("?from=2010&to=2011"),
        Some((year_start(2010), year_start(2012)))
    );
    assert_eq!(
        window("?from=2014-01&to=2015-01"),
        Some((year_start(2014), days_from_civil(2015, 2, 1) as f64))
    );
    // A day (what the explorer's links write) is the window's end as it is.
    assert_eq!(
        window("?from=2014-01-01&to=2015-01-01"),
        Some((year_start(2014), year_start(2015)))
    );
    // A day no later than `from`, or a year before it, is still refused.
    for q in ["?from=2010-05-01&to=2010-05-01", "?from=2010&to=2009"] {
        let (view, notices) = parse(q);
        assert_eq!(view.window, None, "{q}");
        assert!(notices.iter().any(|n| n.contains("to after from")), "{q}");
    }
}

#[test]
fn a_window_of_whole_years_or_months_is_written_as_a_hand_written_link_names_it() {
    let query = |start: f64, end: f64| {
        to_query(&ViewState {
            window: Some((start, end)),
            ..ViewState::default()
        })
    };
    let day = |y, m, d| days_from_civil(y, m, d) as f64;
    for (start, end, written) in [
        // 2008 through 2011, as `?from=2008&to=2011` is read.
        (year_start(2008), year_start(2012), "?from=2008&to=2011"),
        // March through April 2014; from March to the end of 2014.
        (day(2014, 3, 1), day(2014, 5, 1), "?from=2014-03&to=2014-04"),
        (day(2014, 3, 1), year_start(2015), "?from=2014-03&to=2014"),
        // A bound in the middle of a month, or at a minute past midnight, is a day (to the
        // minute); an end on a month's first day is the month before.
        (
            day(2014, 3, 2),
            day(2014, 5, 1),
            "?from=2014-03-02&to=2014-04",
        ),
        (
            year_start(2014) + 1.0 / 1440.0,
            day(2014, 6, 15),
            "?from=2014-01-01T00:01&to=2014-06-15",
        ),
        // Before the common era's first years too.
        (year_start(-44), year_start(-43), "?from=-0044&to=-0044"),
    ] {
        assert_eq!(query(start, end), written);
        assert_eq!(parse(written).0.window, Some((start, end)), "{written}");
    }
}

/// A bound that is not a date is said by its own notice, not again as a window that "needs
/// both from and to"; the other bound, a date, is said to go with it (it went without a word:
/// `?from=1000000&to=1000001` said only "Ignored to…").
#[test]
fn a_bound_that_is_not_a_date_is_said_with_the_bound_that_goes_with_it() {
    for (q, bad, other) in [
        ("?from=xyz&to=2010", "from='xyz'", Some("to='2010'")),
        ("?from=2000&to=soon", "to='soon'", Some("from='2000'")),
        ("?from=xyz", "from='xyz'", None),
    ] {
        let (view, notices) = parse(q);
        assert_eq!(view.window, None, "{q}");
        assert_eq!(
            notices.len(),
            1 + usize::from(other.is_some()),
            "{q}: {notices:?}"
        );
        assert!(
            notices[0].contains(bad) && notices[0].contains("not a date"),
            "{q}"
        );
        if let Some(other) = other {
            assert!(
                notices[1].contains(other) && notices[1].contains("needs both"),
                "{q}: {notices:?}"
            );
        }
    }
    // Said together, whatever else the link got wrong between them.
    let (_, notices) = parse("?from=2000&dim=2&to=soon&follow=maybe");
    let at = notices
        .iter()
        .position(|n| n.contains("to='soon'"))
        .unwrap();
    assert!(notices[at + 1].contains("from='2000'"), "{notices:?}");
    // A bad value beside a good one of the same bound: the window holds, the bad one is said.
    let (view, notices) = parse("?from=xyz&from=2000&to=2010");
    assert!(view.window.is_some());
    assert_eq!(notices.len(), 1, "{notices:?}");
    // Both bounds dates, in the wrong order: the window's own notice.
    let (_, notices) = parse("?from=2010&to=2009");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("to after from"));
    // A bound missing (not bad): said as before.
    let (_, notices) = parse("?to=2010");
    assert!(
        notices.iter().any(|n| n.contains("needs both")),
        "{notices:?}"
    );
}

/// A search whose bytes are not text (`%FF`) is ignored with a notice: as "�" it hid every
/// event. Encoded text, even a literal "�", is kept.
#[test]
fn a_search_that_is_not_text_is_ignored_and_said() {
    let (view, notices) = parse("?q=%FF&domain=piracy");
    assert_eq!(view.filter.text, "");
    assert!(view.filter.domains.contains("piracy"));
    assert_eq!(
        notices,
        ["Ignored the link's search (q=): it is not valid text (UTF-8)."]
    );
    let (view, notices) = parse("?q=W%C3%B6rner+%EF%BF%BD");
    assert_eq!(view.filter.text, "Wörner �");
    assert!(notices.is_empty());
}
