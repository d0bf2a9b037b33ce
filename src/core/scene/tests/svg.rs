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
    // Painted as on screen: text over every shape and mark (no grid line crosses a name).
    let first_text = svg.find("<text").unwrap();
    for shape in ["<line", "<rect", "<path", "<circle"] {
        assert!(
            svg.rfind(shape).is_none_or(|at| at < first_text),
            "a {shape} over the text"
        );
    }
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

/// A saved picture stands on its own: the chronology's title and what it shows above the
/// drawing, the legend of the domains drawn and where it comes from below, all inside its width.
#[test]
fn a_saved_picture_has_its_title_legend_and_credit_around_the_drawing() {
    let (data, index) = brief();
    let piracy = in_domain(&data, "piracy");
    let width = 700.0;
    let drawing = scene(&data, &index, &fit_all(&index, width), &piracy, false, None);
    let domains = drawn_domains(&drawing, &index);
    let piracy_at = data.domains.iter().position(|d| d.id == "piracy").unwrap();
    assert!(domains.contains(&piracy_at));
    // Only the domains of the events drawn: the piracy events' own.
    let theirs: BTreeSet<usize> = data
        .events
        .iter()
        .filter(|e| e.domains.iter().any(|d| d == "piracy"))
        .flat_map(|e| e.domains.iter())
        .filter_map(|id| data.domains.iter().position(|d| &d.id == id))
        .collect();
    assert_eq!(domains, theirs.into_iter().collect::<Vec<_>>());
    let credit = "Japan–NATO Chronology Explorer, “Japan–NATO relations: a chronology,” interactive chronology based on Mirna Galic, Navigating by Sun and Compass (2019), https://example.org/explorer/?domain=piracy&from=2008-01-01&to=2019-01-01, accessed 3 December 2026.";
    let caption = Caption {
        title: data.title.clone(),
        shown: "2008 – 2018 · Domain: Piracy".into(),
        legend: domains
            .iter()
            .map(|&p| (p, data.domains[p].label.clone()))
            .collect(),
        credit: credit.into(),
    };
    let drawn_height = drawing.height;
    let picture = drawing.clone().captioned(&caption);
    let words = texts(&picture);
    assert_eq!(words[0], data.title, "the title first");
    assert!(words.contains(&"2008 – 2018 · Domain: Piracy"));
    for (_, name) in &caption.legend {
        assert!(words.contains(&name.as_str()), "the legend names {name}");
    }
    // The credit is all there, in lines that fit, the link whole on its line.
    let credit_lines: Vec<&str> = picture
        .items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text {
                text,
                font: Font::Tick,
                y,
                ..
            } if *y > drawn_height => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(credit_lines.len() >= 2, "{credit_lines:?}");
    assert_eq!(credit_lines.join(" "), credit);
    assert!(credit_lines
        .iter()
        .any(|l| l.contains("https://example.org/explorer/?domain=piracy")));
    // Everything inside the picture: texts within its width (the link may not break), the
    // drawing moved down whole, below the head, and the picture taller than the drawing.
    for item in &picture.items {
        if let Prim::Text {
            x, text, y, font, ..
        } = &item.prim
        {
            assert!(*y <= picture.height, "'{text}' below the picture");
            // label_width is a conservative 12 px sans-serif; the title is 15 px bold.
            let scale = match font {
                Font::Title => 1.375,
                Font::Tick => 11.0 / 12.0,
                _ => 1.0,
            };
            if !text.contains("https://") && !data.events.iter().any(|e| &e.title == text) {
                assert!(
                    x + label_width(text) * scale <= width + 1.0,
                    "'{text}' runs past the edge"
                );
            }
        }
    }
    assert!(picture.height > drawn_height + 60.0);
    // The drawing follows the two lines of the head, each of its items lowered by as much.
    let lowered: Vec<f64> = drawing
        .items
        .iter()
        .zip(&picture.items[2..])
        .filter_map(|(a, b)| match (&a.prim, &b.prim) {
            (Prim::Text { y: a, .. }, Prim::Text { y: b, .. }) => Some(b - a),
            _ => None,
        })
        .collect();
    assert_eq!(lowered.len(), texts(&drawing).len());
    assert!(
        lowered
            .iter()
            .all(|dy| (dy - lowered[0]).abs() < 1e-9 && *dy >= 40.0),
        "{lowered:?}"
    );
    assert!(picture.targets.is_empty(), "a picture has nothing to click");
    let svg = picture.to_svg(|_| "#000".into());
    assert!(svg.contains(&format!("height=\"{}\"", picture.height.round())));
}

/// A caption's lines fit the picture, and a link too long for a line is broken after its
/// separators, never cut off.
#[test]
fn a_long_link_in_a_caption_is_broken_over_lines_not_cut() {
    let link = "https://example.org/explorer/?phase=direct-cooperation&domain=afghanistan,balkans,piracy,cyber&q=Japan&from=2001-09-11&to=2012-12-31&group=domain";
    let text = format!(
        "Japan–NATO Chronology Explorer, interactive chronology, {link}, accessed 3 December 2026."
    );
    for width in [200.0, 351.0, 700.0] {
        let lines = wrap(&text, width, Font::Tick);
        for line in &lines {
            assert!(
                label_width(line) * 11.0 / 12.0 <= width,
                "'{line}' is wider than {width} px"
            );
        }
        let joined: String = lines.concat().split_whitespace().collect();
        let whole: String = text.split_whitespace().collect();
        assert_eq!(joined, whole, "nothing is lost at {width} px");
    }
    // Broken after a separator where one is at hand.
    let lines = wrap(link, 351.0, Font::Tick);
    assert!(lines.len() > 1);
    assert!(
        lines[..lines.len() - 1]
            .iter()
            .all(|l| l.ends_with(['/', '?', '&', '=', ','])),
        "{lines:?}"
    );
}

/// A legend's name longer than the picture is wide is wrapped on rows of its own, inside it.
#[test]
fn a_long_domain_name_in_a_pictures_legend_is_wrapped_inside_it() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let width = 351.0;
    let drawing = scene(&data, &index, &fit_all(&index, width), &all, false, None);
    let long = "Relations with international organisations, regional bodies and their member states' delegations".to_string();
    let caption = Caption {
        title: data.title.clone(),
        shown: "1977 – 2021".into(),
        legend: vec![
            (0, "Afghanistan".into()),
            (1, long.clone()),
            (2, "Cyber".into()),
        ],
        credit: "Credit.".into(),
    };
    let drawn_height = drawing.height;
    let picture = drawing.captioned(&caption);
    let legend: Vec<(f64, f64, &str)> = picture
        .items
        .iter()
        .filter_map(|i| match &i.prim {
            Prim::Text {
                x,
                y,
                text,
                font: Font::Label,
                ..
            } if *y > drawn_height + 52.0 => Some((*x, *y, text.as_str())),
            _ => None,
        })
        .collect();
    for (x, _, text) in &legend {
        assert!(
            x + label_width(text) <= width,
            "'{text}' runs past the picture"
        );
    }
    let parts: Vec<&str> = legend
        .iter()
        .map(|l| l.2)
        .filter(|t| !["Afghanistan", "Cyber"].contains(t))
        .collect();
    assert!(parts.len() > 1, "{legend:?}");
    assert_eq!(parts.join(" "), long);
    // Each on its own row: nothing shares the long name's rows.
    let rows: Vec<f64> = legend
        .iter()
        .filter(|l| parts.contains(&l.2))
        .map(|l| l.1)
        .collect();
    assert!(legend
        .iter()
        .filter(|l| !parts.contains(&l.2))
        .all(|l| !rows.contains(&l.1)));
}

/// A saved picture has a name and a description that screen readers, slide software and file
/// viewers read: a `<title>` and a `<desc>` first in the document, escaped, which the image's
/// `aria-labelledby` names. The page's drawing has neither.
#[test]
fn a_saved_picture_is_named_and_described_for_readers() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let drawing = scene(&data, &index, &fit_all(&index, 700.0), &all, false, None);
    assert_eq!(drawing.about, None);
    let bare = drawing.to_svg(|_| "#000".into());
    assert!(!bare.contains("<title") && !bare.contains("<desc") && !bare.contains("role="));
    let about = crate::core::scene::About {
        title: "Tom & \"Jerry\" <b>\u{1}, 2008 – 2018".into(),
        description: "Timeline of all 3 events (Search: “a<b”); in view: 2008 – 2018".into(),
    };
    let picture = Scene {
        about: Some(about),
        ..drawing
    }
    .captioned(&Caption {
        title: "Tom".into(),
        shown: "2008 – 2018".into(),
        legend: Vec::new(),
        credit: "Credit.".into(),
    });
    let svg = picture.to_svg(|_| "#000".into());
    let head = svg.split("<rect").next().unwrap();
    assert_eq!(
        head,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"700\" height=\"".to_string()
            + &format!("{}", picture.height.round())
            + "\" viewBox=\"0 0 700 "
            + &format!("{}", picture.height.round())
            + "\" role=\"img\" aria-labelledby=\"timeline-picture-title timeline-picture-desc\">\n\
               <title id=\"timeline-picture-title\">Tom &amp; &quot;Jerry&quot; &lt;b&gt;, 2008 – 2018</title>\n\
               <desc id=\"timeline-picture-desc\">Timeline of all 3 events (Search: “a&lt;b”); in view: 2008 – 2018</desc>\n"
    );
}

/// Under forced colours the grid's lines are as strong as text (the system's grey text colour):
/// saved as SVG, as on the canvas, they are dotted and every text stands on a halo of the
/// background's colour, so that no name reads struck through ("Japanese parliament|tarians");
/// in a theme's colours, where the grid is faint, neither.
#[test]
fn under_forced_colours_the_svg_s_grid_is_dotted_and_its_texts_on_a_halo() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let scale = fit_all(&index, 1280.0);
    let s = scene(&data, &index, &scale, &all, false, None);
    let colour = |ink: Ink| match ink {
        Ink::Background => "Canvas".to_string(),
        Ink::Line | Ink::MajorLine => "GrayText".to_string(),
        _ => "CanvasText".to_string(),
    };
    let forced = s.to_svg_in(colour, Contrast::Forced);
    let grid: Vec<&str> = forced
        .lines()
        .filter(|l| l.starts_with("<line") && l.contains("stroke=\"GrayText\""))
        .collect();
    assert!(grid.len() > 20, "the grid: {}", grid.len());
    for line in &grid {
        assert!(line.contains("stroke-dasharray=\"1 3\""), "{line}");
    }
    let texts: Vec<&str> = forced.lines().filter(|l| l.starts_with("<text")).collect();
    assert!(texts.len() > 20, "{}", texts.len());
    for text in &texts {
        assert!(
            text.contains("stroke=\"Canvas\" stroke-width=\"3\"")
                && text.contains("paint-order=\"stroke\""),
            "{text}"
        );
    }
    // The marks keep their whole outlines.
    assert!(!forced
        .lines()
        .filter(|l| !l.starts_with("<line"))
        .any(|l| l.contains("dasharray")));
    let theme = s.to_svg(colour);
    assert!(!theme.contains("dasharray") && !theme.contains("paint-order"));
    assert_eq!(theme.lines().count(), forced.lines().count());
    // Marks of the second domain of each shape are hollow: outlined in the text's colour.
    let hollow = |svg: &str| {
        svg.lines()
            .filter(|l| l.starts_with("<circle") || l.starts_with("<path"))
            .filter(|l| l.contains("fill=\"Canvas\" stroke=\"CanvasText\""))
            .count()
    };
    assert!(hollow(&forced) > 5, "{}", hollow(&forced));
    assert_eq!(hollow(&theme), 0);
}
