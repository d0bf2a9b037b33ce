//! Colours for domains: Paul Tol's colour-blind-safe "muted" scheme, then his "light" scheme,
//! so that up to 16 domains get distinct colours (the legend and facets name them too); past 16
//! the colours come round again with other shapes ([`crate::core::shape::Shape::of_domain`]).
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

/// The light theme's colours as the stylesheet gives them (its custom properties at `:root`):
/// what the canvas paints with where the page gives none, and on paper whatever the screen's
/// theme (a test holds them to `assets/style.css`).
pub const LIGHT_THEME: [(&str, &str); 9] = [
    ("--bg", "#ffffff"),
    ("--panel", "#f5f7fa"),
    ("--fg", "#1b1f24"),
    ("--muted", "#4a5562"),
    ("--line", "#d5dae0"),
    ("--major-line", "#b8c0c9"),
    ("--phase-0", "#eef3f9"),
    ("--phase-1", "#f8f4ea"),
    ("--focus", "#c2410c"),
];

/// The light theme's value of the stylesheet's custom property `name` (see [`LIGHT_THEME`]).
pub fn light_theme(name: &str) -> &'static str {
    LIGHT_THEME
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("#000000", |(_, value)| value)
}

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

/// How a reader sees colours: typical vision, or one of the common colour-vision deficiencies
/// (each the complete form, the hardest case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vision {
    Typical,
    /// No long-wavelength (red) cones.
    Protanopia,
    /// No medium-wavelength (green) cones: the most common.
    Deuteranopia,
    /// No short-wavelength (blue) cones.
    Tritanopia,
}

impl Vision {
    pub const ALL: [Vision; 4] = [
        Vision::Typical,
        Vision::Protanopia,
        Vision::Deuteranopia,
        Vision::Tritanopia,
    ];

    /// Machado, Oliveira & Fernandes (2009), severity 1.0: a matrix on linear RGB.
    fn matrix(self) -> Option<[[f64; 3]; 3]> {
        match self {
            Vision::Typical => None,
            Vision::Protanopia => Some([
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ]),
            Vision::Deuteranopia => Some([
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ]),
            Vision::Tritanopia => Some([
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ]),
        }
    }
}

/// Two colours closer than this (CIEDE2000) are "near": a reader may take one for the other in
/// a small mark, so domains with near colours must differ in shape.
pub const NEAR: f64 = 10.0;

fn to_linear(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn from_linear(v: f64) -> f64 {
    if v <= 0.0031308 {
        v * 12.92
    } else {
        1.055 * v.powf(1.0 / 2.4) - 0.055
    }
}

/// How an sRGB colour (channels in 0..=1) looks with `vision`, as sRGB.
pub fn simulate(rgb: [f64; 3], vision: Vision) -> [f64; 3] {
    let Some(m) = vision.matrix() else {
        return rgb;
    };
    let l = rgb.map(to_linear);
    let mut out = [0.0; 3];
    for (row, o) in m.iter().zip(&mut out) {
        let v = row[0] * l[0] + row[1] * l[1] + row[2] * l[2];
        *o = from_linear(v.clamp(0.0, 1.0));
    }
    out
}

/// CIE L*a*b* (D65 white) of an sRGB colour with channels in 0..=1.
pub fn srgb_to_lab(rgb: [f64; 3]) -> [f64; 3] {
    let [r, g, b] = rgb.map(to_linear);
    let x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    let y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    let z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    let f = |t: f64| {
        if t > 216.0 / 24389.0 {
            t.cbrt()
        } else {
            (24389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu & Dalal 2005), with the
/// parametric factors at 1. About 1 is just noticeable side by side; 10 tells apart at a glance.
pub fn ciede2000(lab1: [f64; 3], lab2: [f64; 3]) -> f64 {
    let [l1, a1, b1] = lab1;
    let [l2, a2, b2] = lab2;
    let pow7 = |v: f64| v.powi(7);
    let c_bar = (a1.hypot(b1) + a2.hypot(b2)) / 2.0;
    let g = 0.5 * (1.0 - (pow7(c_bar) / (pow7(c_bar) + pow7(25.0))).sqrt());
    let (a1p, a2p) = ((1.0 + g) * a1, (1.0 + g) * a2);
    let (c1p, c2p) = (a1p.hypot(b1), a2p.hypot(b2));
    let hue = |b: f64, a: f64| {
        if a == 0.0 && b == 0.0 {
            0.0
        } else {
            b.atan2(a).to_degrees().rem_euclid(360.0)
        }
    };
    let (h1p, h2p) = (hue(b1, a1p), hue(b2, a2p));
    let dlp = l2 - l1;
    let dcp = c2p - c1p;
    let chroma_product = c1p * c2p;
    let dhp = if chroma_product == 0.0 {
        0.0
    } else {
        let d = h2p - h1p;
        if d > 180.0 {
            d - 360.0
        } else if d < -180.0 {
            d + 360.0
        } else {
            d
        }
    };
    let d_hp = 2.0 * chroma_product.sqrt() * (dhp.to_radians() / 2.0).sin();
    let l_bar = (l1 + l2) / 2.0;
    let c_bar_p = (c1p + c2p) / 2.0;
    let h_bar = if chroma_product == 0.0 {
        h1p + h2p
    } else if (h1p - h2p).abs() <= 180.0 {
        (h1p + h2p) / 2.0
    } else if h1p + h2p < 360.0 {
        (h1p + h2p + 360.0) / 2.0
    } else {
        (h1p + h2p - 360.0) / 2.0
    };
    let cos = |deg: f64| deg.to_radians().cos();
    let t =
        1.0 - 0.17 * cos(h_bar - 30.0) + 0.24 * cos(2.0 * h_bar) + 0.32 * cos(3.0 * h_bar + 6.0)
            - 0.20 * cos(4.0 * h_bar - 63.0);
    let d_theta = 30.0 * (-((h_bar - 275.0) / 25.0).powi(2)).exp();
    let r_c = 2.0 * (pow7(c_bar_p) / (pow7(c_bar_p) + pow7(25.0))).sqrt();
    let s_l = 1.0 + 0.015 * (l_bar - 50.0).powi(2) / (20.0 + (l_bar - 50.0).powi(2)).sqrt();
    let s_c = 1.0 + 0.045 * c_bar_p;
    let s_h = 1.0 + 0.015 * c_bar_p * t;
    let r_t = -(2.0 * d_theta).to_radians().sin() * r_c;
    let (l, c, h) = (dlp / s_l, dcp / s_c, d_hp / s_h);
    (l * l + c * c + h * h + r_t * c * h).max(0.0).sqrt()
}

/// The CIEDE2000 difference of two sRGB colours as seen with `vision`.
pub fn difference(a: [f64; 3], b: [f64; 3], vision: Vision) -> f64 {
    ciede2000(
        srgb_to_lab(simulate(a, vision)),
        srgb_to_lab(simulate(b, vision)),
    )
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
    fn ciede2000_matches_sharmas_test_data() {
        let pairs = [
            ([50.0, 2.6772, -79.7751], [50.0, 0.0, -82.7485], 2.0425),
            ([50.0, 0.0, 0.0], [50.0, -1.0, 2.0], 2.3669),
            ([50.0, 2.49, -0.001], [50.0, -2.49, 0.0009], 7.1792),
            ([50.0, 2.5, 0.0], [73.0, 25.0, -18.0], 27.1492),
            ([50.0, 2.5, 0.0], [50.0, 3.1736, 0.5854], 1.0),
            (
                [60.2574, -34.0099, 36.2677],
                [60.4626, -34.1751, 39.4387],
                1.2644,
            ),
            (
                [22.7233, 20.0904, -46.694],
                [23.0331, 14.973, -42.5619],
                2.0373,
            ),
        ];
        for (a, b, expected) in pairs {
            assert!((ciede2000(a, b) - expected).abs() < 1e-4, "{a:?} {b:?}");
            assert!((ciede2000(b, a) - expected).abs() < 1e-4, "symmetric");
        }
        assert_eq!(ciede2000([40.0, 10.0, -5.0], [40.0, 10.0, -5.0]), 0.0);
    }

    #[test]
    fn lab_and_the_simulations_keep_white_black_and_greys() {
        let white = srgb_to_lab([1.0; 3]);
        assert!((white[0] - 100.0).abs() < 1e-3 && white[1].abs() < 1e-3 && white[2].abs() < 1e-3);
        assert!(srgb_to_lab([0.0; 3])[0].abs() < 1e-9);
        for vision in Vision::ALL {
            for grey in [0.0, 0.3, 0.6, 1.0] {
                let seen = simulate([grey; 3], vision);
                assert!(
                    difference([grey; 3], seen, Vision::Typical) < 1.5,
                    "{vision:?} {grey}"
                );
            }
        }
        // Red and green, far apart with typical vision, are near without red or green cones.
        let (red, green) = ([0.8, 0.2, 0.2], [0.45, 0.5, 0.1]);
        assert!(difference(red, green, Vision::Typical) > 20.0);
        assert!(
            difference(red, green, Vision::Deuteranopia)
                < difference(red, green, Vision::Typical) / 2.0
        );
    }

    #[test]
    fn no_two_domains_share_a_shape_and_a_near_colour() {
        use crate::core::shape::Shape;
        // The domains and the events with none, in both themes, with each kind of vision.
        // Past 16 domains the colours come round again, with other shapes: 32 are told apart.
        let marks: Vec<(Option<usize>, Shape)> = (0..32)
            .map(Some)
            .chain([None])
            .map(|p| (p, Shape::of_domain(p)))
            .collect();
        let mut near_pairs = 0;
        for dark in [false, true] {
            let colour = |p: Option<usize>| {
                parse_hex(p.map_or(NO_DOMAIN, |p| domain_colour(p, dark))).unwrap()
            };
            for vision in Vision::ALL {
                for (n, &(a, shape_a)) in marks.iter().enumerate() {
                    for &(b, shape_b) in &marks[n + 1..] {
                        let d = difference(colour(a), colour(b), vision);
                        if d < NEAR {
                            near_pairs += 1;
                            assert_ne!(
                                shape_a, shape_b,
                                "{a:?} and {b:?} are near ({d:.1}) for {vision:?} (dark: {dark})"
                            );
                        }
                    }
                }
            }
        }
        // The palette's known near pairs: e.g. cyan and pale blue (Piracy and Shared Values).
        assert!(
            difference(
                parse_hex(LIGHT[1]).unwrap(),
                parse_hex(LIGHT[13]).unwrap(),
                Vision::Typical
            ) < NEAR
        );
        assert!(
            near_pairs > 10,
            "the test sees the palette's near pairs: {near_pairs}"
        );
    }

    #[test]
    fn contrast_is_the_wcag_ratio() {
        assert!((contrast([0.0; 3], [1.0; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast([0.5; 3], [0.5; 3]) - 1.0).abs() < 1e-9);
        assert_eq!(parse_hex("#zz0000"), None);
        assert_eq!(parse_hex("#fff"), None);
    }

    #[test]
    fn the_light_theme_is_the_stylesheet_s_own() {
        let css = include_str!("../../assets/style.css");
        let root = css
            .split_once(":root {")
            .and_then(|(_, rest)| rest.split_once('}'))
            .map(|(block, _)| block)
            .expect("the stylesheet sets its colours at :root");
        for (name, value) in LIGHT_THEME {
            let declared = root
                .split(';')
                .filter_map(|d| d.split_once(':'))
                .find(|(n, _)| n.trim() == name)
                .map(|(_, v)| v.trim());
            assert_eq!(declared, Some(value), "{name}");
            assert_eq!(light_theme(name), value);
        }
    }
}
