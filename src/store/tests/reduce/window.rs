//! Actions on the window: zoom, pan, fit, frames.

use super::*;
use crate::core::viewport::Viewport;

#[test]
fn resize_takes_a_new_width_and_ignores_nonsense() {
    let s = state();
    assert_eq!(after(&s, Action::Resize(1200.0)).window.width, 1200.0);
    assert!(reduce(&s, Action::Resize(s.window.width + 0.2)).is_none());
    assert!(reduce(&s, Action::Resize(f64::NAN)).is_none());
    assert!(reduce(&s, Action::Resize(-5.0)).is_none());
}

#[test]
fn zoom_about_keeps_the_anchor_date_in_place() {
    let s = state();
    let v = s.window.viewport;
    let anchor = v.start + 0.25 * v.span();
    let z = after(
        &s,
        Action::ZoomAbout {
            factor: 2.0,
            at: 0.25,
            animate: false,
        },
    );
    let w = z.window.viewport;
    assert!((w.span() - v.span() / 2.0).abs() < 1e-6, "{w:?}");
    assert!((w.start + 0.25 * w.span() - anchor).abs() < 1e-6);
    assert!(z.window.animation.is_none(), "wheel zooms do not animate");
}

#[test]
fn zoom_buttons_animate_towards_half_the_span() {
    let s = after(&state(), Action::Zoom(2.0));
    let a = s.window.animation.expect("an animation");
    assert!((a.to.span() - s.chronology.fitted.span() / 2.0).abs() < 1e-6);
    assert_eq!(
        s.window.viewport, s.chronology.fitted,
        "not moved before a frame"
    );
}

/// `+` on a focused event zooms about it: its day stays where it was on screen (the window's
/// centre would push an event near the edge out of view), and an event beyond the window is
/// zoomed about the nearest edge.
#[test]
fn zoom_on_an_event_keeps_it_where_it_is() {
    let s = state();
    let v = s.window.viewport;
    let events = &s.chronology.data.events;
    let mid = |i: usize| (events[i].first_day() + events[i].end_day()) as f64 / 2.0;
    let early = (0..events.len())
        .find(|&i| mid(i) > v.start + 0.05 * v.span())
        .expect("an event near the window's left edge");
    let at = (mid(early) - v.start) / v.span();
    assert!(at < 0.2, "{at}");
    let z = after(
        &s,
        Action::ZoomOnEvent {
            factor: 4.0,
            index: early,
        },
    );
    let w = z.window.target();
    assert!((w.span() - v.span() / 4.0).abs() < 1e-6, "{w:?}");
    assert!(
        ((mid(early) - w.start) / w.span() - at).abs() < 1e-6,
        "the event stays at {at} of the width"
    );
    // Zoomed about the centre instead, it would have left the window.
    let c = after(&s, Action::Zoom(4.0)).window.target();
    assert!(mid(early) < c.start, "{c:?}");
    // An event out of the window: about the edge it is beyond.
    let narrow = after(
        &s,
        Action::SetViewport(Viewport::new(v.center(), v.center() + 400.0)),
    );
    let n = narrow.window.target();
    let z = after(
        &narrow,
        Action::ZoomOnEvent {
            factor: 2.0,
            index: early,
        },
    );
    assert!((z.window.target().start - n.start).abs() < 1e-6);
    // No such event: about the centre.
    let none = after(
        &s,
        Action::ZoomOnEvent {
            factor: 4.0,
            index: usize::MAX,
        },
    );
    assert_eq!(none.window.target(), c);
}

/// The overview's window, a slider: Home and End take it to the chronology's ends, keeping its
/// span; Page Up and Page Down move it a whole window.
#[test]
fn pan_to_an_edge_keeps_the_span() {
    let s = after_all(
        &state(),
        [Action::SetViewport(Viewport::new(12_000.0, 13_000.0))],
    );
    let limits = s.chronology.limits;
    let start = after(&s, Action::PanToEdge { later: false })
        .window
        .target();
    assert!((start.start - limits.outer_start).abs() < 1e-6, "{start:?}");
    assert!((start.span() - 1_000.0).abs() < 1e-6);
    let end = after(&s, Action::PanToEdge { later: true }).window.target();
    assert!((end.end - limits.outer_end).abs() < 1e-6, "{end:?}");
    assert!((end.span() - 1_000.0).abs() < 1e-6);
    let page = after(
        &s,
        Action::for_command(crate::core::keys::Command::PageLater).unwrap(),
    );
    assert_eq!(page.window.target(), Viewport::new(13_000.0, 14_000.0));
}

#[test]
fn reduced_motion_jumps_instead_of_easing() {
    let s = State::new(
        builtin(),
        Origin::Builtin,
        Environment {
            reduced_motion: true,
            ..Environment::default()
        },
    );
    let z = after(&s, Action::Zoom(2.0));
    assert!(z.window.animation.is_none());
    assert!((z.window.viewport.span() - s.window.viewport.span() / 2.0).abs() < 1e-6);
}

#[test]
fn pan_fraction_moves_by_part_of_the_span() {
    let s = after_all(
        &state(),
        [Action::SetViewport(Viewport::new(12_000.0, 13_000.0))],
    );
    let p = after(&s, Action::PanFraction(0.2));
    assert_eq!(p.window.target(), Viewport::new(12_200.0, 13_200.0));
}

#[test]
fn set_viewport_is_clamped_to_the_limits() {
    let s = state();
    let v = after(&s, Action::SetViewport(Viewport::new(-1e9, 1e9)))
        .window
        .viewport;
    let l = s.chronology.limits;
    assert!(
        v.start >= l.outer_start - 1e-6 && v.end <= l.outer_end + 1e-6,
        "{v:?}"
    );
    let tiny = after(&s, Action::SetViewport(Viewport::new(12_000.0, 12_001.0)))
        .window
        .viewport;
    assert!(tiny.span() >= l.min_span - 1e-9);
}

#[test]
fn fit_all_heads_back_to_the_whole_chronology() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(12_000.0, 13_000.0)),
    );
    let f = after(&s, Action::FitAll);
    assert_eq!(f.window.target(), s.chronology.fitted);
}

#[test]
fn center_on_puts_the_day_in_the_middle() {
    let s = after(
        &state(),
        Action::SetViewport(Viewport::new(12_000.0, 13_000.0)),
    );
    let c = after(&s, Action::CenterOn(14_000.0));
    assert!((c.window.target().center() - 14_000.0).abs() < 1e-6);
}

#[test]
fn fit_range_shows_the_range() {
    let s = state();
    let f = after(&s, Action::FitRange(16_000.0, 16_400.0));
    let t = f.window.target();
    assert!(
        t.start <= 16_000.0 && t.end >= 16_400.0 && t.span() < 1_000.0,
        "{t:?}"
    );
}

#[test]
fn frames_ease_to_the_target_and_stop() {
    let s = after(&state(), Action::Zoom(2.0));
    let target = s.window.target();
    let first = after(&s, Action::Frame(1_000.0));
    assert_eq!(
        first.window.viewport, s.window.viewport,
        "the first frame only starts the clock"
    );
    let mid = after(&first, Action::Frame(1_000.0 + ANIMATION_MS / 2.0));
    assert!(mid.window.viewport.span() < s.window.viewport.span());
    assert!(mid.window.viewport.span() > target.span());
    let end = after(&mid, Action::Frame(1_000.0 + ANIMATION_MS));
    assert_eq!(end.window.viewport, target);
    assert!(end.window.animation.is_none());
    assert!(
        reduce(&end, Action::Frame(2_000.0)).is_none(),
        "no animation, no change"
    );
}

#[test]
fn saved_files_are_named_after_the_chronology_and_a_pictures_window() {
    let s = state();
    assert_eq!(s.file_stem(false), "japan-nato-relations-a-chronology");
    let from = crate::core::date::days_from_civil(2008, 1, 1) as f64;
    let to = crate::core::date::days_from_civil(2019, 1, 1) as f64;
    let s = after(&s, Action::SetViewport(Viewport::new(from, to)));
    assert_eq!(
        s.file_stem(true),
        "japan-nato-relations-a-chronology-2008-2018"
    );
    // The picture: the title over the drawing, the window and what shows under it.
    let picture = s.picture("Credit line.".into());
    let words: Vec<&str> = picture
        .items
        .iter()
        .filter_map(|i| match &i.prim {
            crate::core::scene::Prim::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(words[0], "Japan–NATO relations: a chronology");
    assert_eq!(words[1], "2008 – 2018");
    assert_eq!(words.last(), Some(&"Credit line."));
}

/// Files saved from a filtered view say what the filters keep (the values' names, then the
/// search), cut between words; two downloads filtered two ways are two files.
#[test]
fn saved_files_of_a_filtered_view_name_its_filters() {
    use crate::core::query::Facet;
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::SetSearch("summit".into()),
        ],
    );
    assert_eq!(
        s.file_stem(false),
        "japan-nato-relations-a-chronology-piracy-summit"
    );
    let from = crate::core::date::days_from_civil(2008, 1, 1) as f64;
    let to = crate::core::date::days_from_civil(2019, 1, 1) as f64;
    let s = after(&s, Action::SetViewport(Viewport::new(from, to)));
    assert_eq!(
        s.file_stem(true),
        "japan-nato-relations-a-chronology-piracy-summit-2008-2018"
    );
    // Many values: cut between words at 40 characters.
    let ids: Vec<String> = s
        .chronology
        .data
        .domains
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let many = after_all(
        &state(),
        ids.iter()
            .map(|id| Action::ToggleFacet(Facet::Domain, id.clone())),
    );
    let stem = many.file_stem(false);
    let tail = stem
        .strip_prefix("japan-nato-relations-a-chronology-")
        .expect(&stem);
    assert!(tail.len() <= 40 && !tail.ends_with('-'), "{stem}");
    assert!(
        tail.starts_with(&crate::core::text::slug(
            &s.chronology.data.domains[0].label,
            ""
        )),
        "{stem}"
    );
    // Cleared, the name is the chronology's again.
    let cleared = after(&many, Action::ClearFilters);
    assert_eq!(
        cleared.file_stem(false),
        "japan-nato-relations-a-chronology"
    );
}

/// The saved SVG is named and described for screen readers, slide software and file viewers:
/// its `<title>` the chronology's title and the window (as its caption and file name say), its
/// `<desc>` what it shows, as the drawing on the page is named: how many events, the filters,
/// the lanes' grouping.
#[test]
fn a_saved_svg_has_a_title_and_a_description_of_what_it_shows() {
    use crate::core::grouping::GroupBy;
    use crate::core::query::Facet;
    let from = crate::core::date::days_from_civil(2008, 1, 1) as f64;
    let to = crate::core::date::days_from_civil(2019, 1, 1) as f64;
    let s = after_all(
        &state(),
        [
            Action::ToggleFacet(Facet::Domain, "piracy".into()),
            Action::SetGroupBy(GroupBy::Phase),
            Action::SetViewport(Viewport::new(from, to)),
        ],
    );
    let (total, matches) = (s.chronology.data.events.len(), domain(&s, "piracy"));
    assert_eq!(s.filtering.match_count, matches);
    let svg = s.picture("Credit line.".into()).to_svg(|_| "#000".into());
    let title = "<title id=\"timeline-picture-title\">Japan–NATO relations: a chronology, 2008 – 2018</title>";
    let desc = format!(
        "<desc id=\"timeline-picture-desc\">Timeline of {matches} of {total} events (Domain: Piracy), \
         in lanes by phase; in view: 2008 – 2018</desc>"
    );
    assert!(
        svg.contains(&format!(
            " role=\"img\" aria-labelledby=\"timeline-picture-title timeline-picture-desc\">\n{title}\n{desc}\n<rect "
        )),
        "{}",
        &svg[..600]
    );
    // A title with XML's special characters is escaped.
    let mut data = (*s.chronology.data).clone();
    data.title = "Tom & Jerry <draft>".into();
    let mut t = s.clone();
    t.chronology.data = Shared::new(data);
    let svg = t.picture(String::new()).to_svg(|_| "#000".into());
    assert!(
        svg.contains(">Tom &amp; Jerry &lt;draft&gt;, 2008 – 2018</title>"),
        "{}",
        &svg[..600]
    );
}

#[test]
fn a_long_or_non_latin_title_keeps_a_pictures_years_in_its_file_name() {
    let from = crate::core::date::days_from_civil(2008, 1, 1) as f64;
    let to = crate::core::date::days_from_civil(2019, 1, 1) as f64;
    let mut s = after(&state(), Action::SetViewport(Viewport::new(from, to)));
    let mut data = (*s.chronology.data).clone();
    data.title = "The extraordinarily long title of an imported chronology of partnerships between alliances and their partners".into();
    s.chronology.data = Shared::new(data.clone());
    assert_eq!(
        s.file_stem(true),
        "the-extraordinarily-long-title-of-an-imported-chronology-of-2008-2018",
        "cut between words, the years kept"
    );
    // Three bytes a character (the slug keeps 80 bytes of a title): the years stay all the same.
    data.title = "日本と北大西洋条約機構の関係についての年表と資料と分析と展望と課題と提言".into();
    s.chronology.data = Shared::new(data);
    assert_eq!(
        s.file_stem(true),
        "日本と北大西洋条約機構の関係についての年表と資料と分析-2008-2018"
    );
}

/// A link's window wholly outside the chronology is moved to its nearest part, and says so; one
/// inside it is taken as it is, without a word.
#[test]
fn a_link_window_outside_the_chronology_is_moved_and_said() {
    use crate::core::date::days_from_civil;
    use crate::core::url_state::ViewState;
    let year = |y: i32| days_from_civil(y, 1, 1) as f64;
    let view = |from: i32, to: i32| ViewState {
        window: Some((year(from), year(to))),
        ..ViewState::default()
    };
    let s = after(&state(), Action::ApplyView(view(0, 1)));
    let texts: Vec<String> = s.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(texts.len(), 1, "{texts:?}");
    let (first, end) = (
        s.chronology.index.first_day().unwrap(),
        s.chronology.index.end_day().unwrap(),
    );
    let year = |day: f64| crate::core::date::civil_from_days(day as i64).0;
    assert_eq!(year(first), 1979, "the brief's first event");
    assert_eq!(
        texts[0],
        format!(
            "The link's window (Jan 1 BC – Dec 1 BC) lies outside this chronology ({} – {}): its nearest part is shown.",
            year(first),
            year(end - 1.0)
        )
    );
    assert!(s.window.viewport.start >= s.chronology.limits.outer_start);
    // The nearest part shown holds events: the first ones (a window of a year from 0 showed
    // 1977–78, before the first event, empty), or the last ones.
    let shown = |s: &State| {
        (0..s.len())
            .filter(|&i| {
                let e = s.chronology.index.extent(i);
                e.first_day < s.window.viewport.end && e.end_day > s.window.viewport.start
            })
            .count()
    };
    assert!(shown(&s) > 0, "{:?}", s.window.viewport);
    assert!(s.window.viewport.start <= first && s.window.viewport.span() < 800.0);
    // One as long as the chronology, or longer, shows all of it, and says so.
    // (Through 1960: the window ends as 1961 begins.)
    let long = after(&state(), Action::ApplyView(view(1900, 1961)));
    let said: Vec<String> = long.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        said.iter().any(
            |t| t.starts_with("The link's window (1900 – 1960) lies outside")
                && t.ends_with(": the whole of it is shown.")
        ),
        "{said:?}"
    );
    assert_eq!(
        said.len(),
        1,
        "one notice, not a second that it was cut: {said:?}"
    );
    assert!(long.window.viewport.start <= first && long.window.viewport.end >= end - 1.0);
    // Past the end: the last dated events, not a span that runs on years past them (the
    // "Transformation Decade" to 2024 alone in an empty window).
    let late = after(&state(), Action::ApplyView(view(2500, 2501)));
    // A link written by hand names its window as the timeline does: `to=2040` is through 2040.
    let (linked, _) = crate::core::url_state::parse("?from=2030&to=2040");
    let said = after(&state(), Action::ApplyView(linked));
    assert!(
        said.chrome.notices.iter().any(|n| n
            .to_string()
            .starts_with("The link's window (2030 – 2040) lies outside")),
        "{:?}",
        said.chrome.notices
    );
    let points = |s: &State| {
        (0..s.len())
            .filter(|&i| {
                let e = s.chronology.index.extent(i);
                !e.is_span
                    && e.first_day < s.window.viewport.end
                    && e.end_day > s.window.viewport.start
            })
            .count()
    };
    assert!(points(&late) > 0, "{:?}", late.window.viewport);
    assert!(late.window.viewport.span() < 800.0);
    // A window shorter than the timeline shows (a minute), or longer than it (two million
    // years): widened or cut, and said.
    let day = days_from_civil(2014, 5, 6) as f64;
    let short = after(
        &state(),
        Action::ApplyView(ViewState {
            window: Some((day + 0.5, day + 0.501)),
            ..ViewState::default()
        }),
    );
    let texts: Vec<String> = short.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        texts,
        [format!(
            "The link's window is shorter than the timeline can show: the three weeks around it are shown ({}).",
            crate::core::describe::window_label(&short.window.viewport)
        )]
    );
    assert!(short.window.viewport.start < day && short.window.viewport.end > day + 1.0);
    let long = after(
        &state(),
        Action::ApplyView(ViewState {
            window: Some((-365_000_000.0, 365_000_000.0)),
            ..ViewState::default()
        }),
    );
    let texts: Vec<String> = long.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        texts,
        [format!(
            "The link's window reaches past what the timeline can show: {} is shown.",
            crate::core::describe::window_label(&long.window.viewport)
        )]
    );
    // Partly before the chronology's start (1950 – 1990): moved inside, and said.
    let early = after(&state(), Action::ApplyView(view(1950, 1990)));
    let texts: Vec<String> = early.chrome.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        texts,
        [format!(
            "The link's window reaches past what the timeline can show: {} is shown.",
            crate::core::describe::window_label(&early.window.viewport)
        )]
    );
    assert!(early.window.viewport.start > days_from_civil(1970, 1, 1) as f64);
    // The explorer's own fit-all link says nothing.
    let fitted = state().window.viewport;
    let own = after(
        &state(),
        Action::ApplyView(ViewState {
            window: Some((fitted.start, fitted.end)),
            ..ViewState::default()
        }),
    );
    assert!(own.chrome.notices.is_empty(), "{:?}", own.chrome.notices);
    let inside = after(&state(), Action::ApplyView(view(2000, 2004)));
    assert!(
        inside.chrome.notices.is_empty(),
        "{:?}",
        inside.chrome.notices
    );
}
