//! The rows a canvas holds while a gesture goes on: where they begin, and what of the scene is
//! painted in them.

use super::*;

#[test]
fn rows_begin_on_a_whole_device_pixel_at_or_above_the_top_asked_for() {
    for ratio in [1.0, 1.25, 1.5, 2.0, 3.0] {
        for top in [0.0, 0.3, 1.0, 17.4, 159.9, 401.33] {
            let rows = Rows::new(top, top + 300.0, ratio);
            let device = rows.top * ratio;
            assert!(
                (device - device.round()).abs() < 1e-9,
                "{top} at {ratio}: {device}"
            );
            assert!(
                rows.top <= top && top - rows.top < 1.0 / ratio + 1e-9,
                "{top} at {ratio}: {rows:?}"
            );
            assert_eq!(rows.bottom, top + 300.0);
        }
    }
    // Never above the drawing, never upside down.
    assert_eq!(Rows::new(-40.0, 100.0, 2.0).top, 0.0);
    let empty = Rows::new(500.0, 400.0, 1.0);
    assert_eq!(empty.height(), 0.0);
    assert!(Rows::all(800.0).holds(&Rows::new(0.0, 800.0, 1.0)));
    assert!(Rows::all(800.0).holds(&empty) && !empty.holds(&Rows::all(800.0)));
    assert!(!Rows::new(100.0, 500.0, 1.0).holds(&Rows::new(90.0, 300.0, 1.0)));
}

/// The vertical extent of what `prim` draws, as geometry.
fn extent(prim: &Prim) -> (f64, f64) {
    match prim {
        Prim::Rect { y, h, .. } => (*y, y + h),
        Prim::Line { y1, y2, .. } => (y1.min(*y2), y1.max(*y2)),
        Prim::Marker { cy, r, .. } => (cy - r, cy + r),
        // The label font's x-height about the baseline: surely drawn there.
        Prim::Text { y, .. } => (y - 6.0, *y),
        Prim::Polygon { points, .. } | Prim::Polyline { points, .. } => points
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &(_, y)| {
                (a.min(y), b.max(y))
            }),
    }
}

#[test]
fn what_falls_in_the_rows_is_painted_and_what_lies_well_outside_is_not() {
    let (data, index) = brief();
    let all = vec![true; data.events.len()];
    let s = scene(&data, &index, &fit_all(&index, 1200.0), &all, false, None);
    let mut left_out = 0;
    for (top, bottom) in [
        (0.0, 300.0),
        (150.0, 420.0),
        (333.3, 700.0),
        (600.0, s.height),
    ] {
        let rows = Rows::new(top, bottom, 1.0);
        for item in &s.items {
            let (from, to) = extent(&item.prim);
            if to >= rows.top && from <= rows.bottom {
                assert!(
                    rows.reach(&item.prim),
                    "{rows:?} leaves out {:?}",
                    item.prim
                );
            }
            // Farther than any outline, antialiasing or text reaches: not painted.
            if to + 30.0 < rows.top || from - 30.0 > rows.bottom {
                assert!(!rows.reach(&item.prim), "{rows:?} paints {:?}", item.prim);
                left_out += 1;
            }
        }
    }
    assert!(
        left_out > 100,
        "the rows leave out what is not in them ({left_out})"
    );
}
