//! Colours for domains: Paul Tol's colour-blind-safe "muted" scheme, then his "light" scheme,
//! so that up to 16 domains get distinct colours (the legend and facets name them too).
//!
//! The dark theme uses the same hues, with the few that are too dark to see on its background
//! (indigo, green, wine, purple and grey) made lighter until they stand out from it by at least
//! 3:1, the contrast WCAG asks of the parts of a graphic that carry meaning.

const LIGHT: [&str; 16] = [
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255",
    "#AA4499", "#EE8866", "#77AADD", "#BBCC33", "#FFAABB", "#99DDFF", "#44BB99", "#555555",
];

const DARK: [&str; 16] = [
    "#715DD7", "#88CCEE", "#44AA99", "#138238", "#999933", "#DDCC77", "#CC6677", "#C9327E",
    "#AF469E", "#EE8866", "#77AADD", "#BBCC33", "#FFAABB", "#99DDFF", "#44BB99", "#707070",
];

/// The colour of the domain at `position` in the dataset's domain list, in the light or the
/// dark theme.
pub fn domain_colour(position: usize, dark: bool) -> &'static str {
    let colours = if dark { &DARK } else { &LIGHT };
    colours[position % colours.len()]
}

/// The colour of events with no domain (it stands out from both themes' backgrounds).
pub const NO_DOMAIN: &str = "#A0A0A0";

/// `#rrggbb` as red, green and blue in 0..=1.
pub fn parse_hex(colour: &str) -> Option<[f64; 3]> {
    let hex = colour.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let channel = |i: usize| {
        u8::from_str_radix(&hex[i..i + 2], 16)
            .ok()
            .map(|v| f64::from(v) / 255.0)
    };
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let luminance = |c: [f64; 3]| {
        let f = |v: f64| {
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values of the custom property `name` in the stylesheet's two dark-theme blocks (the
    /// toggle's and the system's).
    fn dark_property(name: &str) -> Vec<[f64; 3]> {
        let css = include_str!("../../assets/style.css");
        let blocks: Vec<&str> = [
            ":root[data-theme=\"dark\"]",
            ":root:not([data-theme=\"light\"])",
        ]
        .iter()
        .map(|selector| {
            css.split(selector)
                .nth(1)
                .and_then(|rest| rest.split('}').next())
                .unwrap_or_else(|| panic!("the stylesheet has a block for {selector}"))
        })
        .collect();
        blocks
            .iter()
            .map(|block| {
                let value = block
                    .lines()
                    .find_map(|line| line.trim().strip_prefix(&format!("{name}:")))
                    .unwrap_or_else(|| panic!("the dark theme sets {name}"));
                parse_hex(value.trim_end_matches(';')).expect("a #rrggbb colour")
            })
            .collect()
    }

    #[test]
    fn every_domain_stands_out_from_the_dark_themes_backgrounds() {
        for background in ["--bg", "--panel", "--phase-0", "--phase-1"] {
            for bg in dark_property(background) {
                for position in 0..16 {
                    let colour = domain_colour(position, true);
                    let ratio = contrast(parse_hex(colour).unwrap(), bg);
                    assert!(
                        ratio >= 3.0,
                        "domain {position} ({colour}) on {background}: {ratio:.2}:1"
                    );
                }
                let ratio = contrast(parse_hex(NO_DOMAIN).unwrap(), bg);
                assert!(ratio >= 3.0, "no domain on {background}: {ratio:.2}:1");
            }
        }
    }

    #[test]
    fn the_dark_palette_keeps_every_domain_distinct_and_only_lightens() {
        let distinct: std::collections::HashSet<_> =
            (0..16).map(|p| domain_colour(p, true)).collect();
        assert_eq!(distinct.len(), 16);
        assert!(!distinct.contains(NO_DOMAIN));
        for position in 0..16 {
            let (light, dark) = (
                domain_colour(position, false),
                domain_colour(position, true),
            );
            let black = [0.0; 3];
            let (l, d) = (parse_hex(light).unwrap(), parse_hex(dark).unwrap());
            assert!(
                contrast(d, black) >= contrast(l, black),
                "domain {position} is never darker in the dark theme"
            );
        }
        // The palette wraps around after 16 domains.
        assert_eq!(domain_colour(16, true), domain_colour(0, true));
        assert_eq!(domain_colour(3, false), "#117733");
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast([0.0; 3], [1.0; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast([0.5; 3], [0.5; 3]) - 1.0).abs() < 1e-9);
        assert_eq!(parse_hex("#zz0000"), None);
        assert_eq!(parse_hex("#fff"), None);
    }
}
