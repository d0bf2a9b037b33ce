//! The scene as SVG.

use super::*;

#[test]
fn the_svg_is_a_standalone_document_with_the_titles_escaped() {
    let (mut data, index) = brief();
    data.events[0].title = "<b>Tom & \"Jerry\"</b>".into();
    let all = vec![true; data.events.len()];
    let scale = TimeScale::new(
        index.extent(0).first_day - 30.0,
        index.extent(0).first_day + 3000.0,
        1400.0,
    );
    let s = scene(&data, &index, &scale, &all, false, None);
    let svg = s.to_svg(|ink| match ink {
        Ink::Background => "#fff".into(),
        _ => "#123".into(),
    });
    assert!(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1400\""));
    assert!(
        svg.contains("&lt;b&gt;Tom &amp; &quot;Jerry&quot;"),
        "{svg}"
    );
    assert!(!svg.contains("<b>"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert_eq!(svg.matches("<text").count(), texts(&s).len());
    let polygons = s
        .items
        .iter()
        .filter(|i| matches!(i.prim, Prim::Polygon { .. } | Prim::Polyline { .. }))
        .count();
    // A marker is a circle or one path; cut between domains, a path per slice and its outline.
    let markers: usize = s
        .items
        .iter()
        .map(|i| match &i.prim {
            Prim::Marker {
                shape,
                cx,
                cy,
                r,
                fills,
                ..
            } => match fills.inks().len() {
                1 => usize::from(*shape != Shape::Circle),
                n => {
                    1 + shape
                        .slices(*cx, *cy, *r, n)
                        .iter()
                        .filter(|s| !s.is_empty())
                        .count()
                }
            },
            _ => 0,
        })
        .sum();
    assert_eq!(svg.matches("<path").count(), polygons + markers);
}

#[test]
fn the_svg_is_well_formed_xml_whatever_the_titles_hold() {
    let (mut data, _) = brief();
    data.events[0].title = "A \u{1}bell\u{7} & <b>\"quotes\"</b> \u{FFFE}".into();
    let index = index_of(&data, measured);
    let all = vec![true; data.events.len()];
    let input = input(&data, &index, &all);
    let first = data.events[0].first_day() as f64;
    let s = Scene::build(&input, &TimeScale::new(first - 400.0, first + 400.0, 900.0));
    let svg = s.to_svg(|_| "#000".to_string());
    assert!(
        svg.contains("A bell &amp; &lt;b&gt;"),
        "the title is drawn, escaped"
    );
    assert!(
        !svg.chars()
            .any(|c| (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || c == '\u{FFFE}'),
        "no character XML forbids"
    );
}
