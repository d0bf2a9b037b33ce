//! What the drawing stands on: the phases' tinted bands, and which tint lies behind a stretch of
//! it ([`behind`]). Where two phases share a stretch of time (phases dated by the year:
//! "September 2001 – 2012" and "2012 – 2019" both hold 2012), the stretch is drawn in both
//! phases' colours, in stripes: the later phase's band alone there put the earlier phase's events
//! of that year in the later phase's colour, as if they belonged to it.

use crate::core::dataset::Chronology;

/// The stretches that phase `n` and a later one share: `(n, first day, end day)` (days from
/// 1970-01-01, the end exclusive), in the chronology's order.
pub fn shared_periods(data: &Chronology) -> Vec<(usize, f64, f64)> {
    let mut shared = Vec::new();
    for (n, p) in data.phases.iter().enumerate() {
        let (start, end) = (p.start.first_day() as f64, p.end.end_day() as f64);
        for q in &data.phases[n + 1..] {
            let (from, to) = (
                (q.start.first_day() as f64).max(start),
                (q.end.end_day() as f64).min(end),
            );
            if from < to {
                shared.push((n, from, to));
            }
        }
    }
    shared
}

/// Between two stripes' starts, px.
pub const STRIPE_PERIOD: f64 = 8.0;
/// A stripe's width, across the box, px.
pub const STRIPE_WIDTH: f64 = 4.0;

/// Stripes rising to the right at 45°, [`STRIPE_PERIOD`] apart, over the box from `x1` to `x2`
/// and `y1` to `y2`: each a polygon inside the box (those the box cuts, cut at its edges). They
/// stand where they would over the whole drawing, so that a box that moves with the time axis
/// does not make them crawl.
pub fn stripes(x1: f64, x2: f64, y1: f64, y2: f64) -> Vec<Vec<(f64, f64)>> {
    let (w, h) = (x2 - x1, y2 - y1);
    if !(w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite()) {
        return Vec::new();
    }
    // Stripe k's left edge meets the box's top at x = k·P − (y1 mod P) (lines x + y = c).
    let first = ((x1 + y1 - STRIPE_WIDTH) / STRIPE_PERIOD).floor() as i64;
    let last = ((x2 + y2) / STRIPE_PERIOD).ceil() as i64;
    (first..=last)
        .filter_map(|k| {
            let c = k as f64 * STRIPE_PERIOD;
            // The band c ≤ x + y ≤ c + width (measured along x), between y1 and y2.
            let band = [
                (c - y1, y1),
                (c + STRIPE_WIDTH - y1, y1),
                (c + STRIPE_WIDTH - y2, y2),
                (c - y2, y2),
            ];
            let cut = clip_x(&clip_x(&band, x1, true), x2, false);
            (cut.len() >= 3).then_some(cut)
        })
        .collect()
}

/// The convex polygon `points` cut at the vertical line `x = at`: what lies right of it
/// (`keep_right`), or left.
fn clip_x(points: &[(f64, f64)], at: f64, keep_right: bool) -> Vec<(f64, f64)> {
    let inside = |p: &(f64, f64)| if keep_right { p.0 >= at } else { p.0 <= at };
    let mut out = Vec::with_capacity(points.len() + 2);
    for (n, p) in points.iter().enumerate() {
        let q = &points[(n + 1) % points.len()];
        if inside(p) {
            out.push(*p);
        }
        if inside(p) != inside(q) {
            let t = (at - p.0) / (q.0 - p.0);
            out.push((at, p.1 + t * (q.1 - p.1)));
        }
    }
    out
}

/// The stretches of `[left, right]` and what is drawn behind each: the tint of the phase band
/// drawn last there (`bands`: each phase's band along the drawing, `(x1, x2, tint)`, in the order
/// they are drawn), or none (the page).
pub fn behind(left: f64, right: f64, bands: &[(f64, f64, u8)]) -> Vec<(f64, f64, Option<u8>)> {
    let mut cuts: Vec<f64> = bands
        .iter()
        .flat_map(|&(a, b, _)| [a, b])
        .filter(|&v| v > left && v < right)
        .chain([left, right])
        .collect();
    crate::core::sort::sort_by(&mut cuts, f64::total_cmp);
    cuts.dedup();
    let mut out: Vec<(f64, f64, Option<u8>)> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let middle = (a + b) / 2.0;
        let tint = bands
            .iter()
            .rev()
            .find(|&&(x1, x2, _)| x1 <= middle && middle < x2)
            .map(|&(_, _, t)| t);
        match out.last_mut() {
            Some(last) if last.2 == tint => last.1 = b,
            _ => out.push((a, b, tint)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_brief_s_phases_share_september_2001_and_2012() {
        let data = crate::core::dataset::embedded().unwrap();
        let day = |y, m, d| crate::core::date::days_from_civil(y, m, d) as f64;
        let shared = shared_periods(&data);
        assert_eq!(
            shared,
            vec![
                (1, day(2001, 9, 1), day(2001, 10, 1)),
                (2, day(2012, 1, 1), day(2013, 1, 1)),
            ]
        );
    }

    #[test]
    fn stripes_lie_in_their_box_and_cover_about_half_of_it() {
        let (x1, x2, y1, y2) = (103.5, 131.0, 40.0, 400.0);
        let all = stripes(x1, x2, y1, y2);
        assert!(all.len() > 10);
        let mut area = 0.0;
        for s in &all {
            for &(x, y) in s {
                assert!(x >= x1 - 1e-9 && x <= x2 + 1e-9 && y >= y1 - 1e-9 && y <= y2 + 1e-9);
            }
            // The shoelace formula.
            area += (0..s.len())
                .map(|n| {
                    let (a, b) = (s[n], s[(n + 1) % s.len()]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum::<f64>()
                .abs()
                / 2.0;
        }
        let whole = (x2 - x1) * (y2 - y1);
        let share = area / whole;
        assert!(
            (share - STRIPE_WIDTH / STRIPE_PERIOD).abs() < 0.05,
            "{share}"
        );
        assert!(stripes(10.0, 10.0, 0.0, 5.0).is_empty());
        assert!(stripes(0.0, f64::NAN, 0.0, 5.0).is_empty());
    }

    #[test]
    fn behind_a_stretch_is_the_band_drawn_last_there_or_the_page() {
        // Two bands that share 40–50 (the later one drawn over), then none past 90.
        let bands = [(0.0, 50.0, 0), (40.0, 90.0, 1)];
        assert_eq!(
            behind(30.0, 100.0, &bands),
            vec![
                (30.0, 40.0, Some(0)),
                (40.0, 90.0, Some(1)),
                (90.0, 100.0, None)
            ]
        );
        assert_eq!(behind(60.0, 70.0, &bands), vec![(60.0, 70.0, Some(1))]);
        assert_eq!(behind(5.0, 6.0, &[]), vec![(5.0, 6.0, None)]);
    }
}
