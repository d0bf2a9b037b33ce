//! Marks' pixels put together in one image: the paint's point marks are kept as small squares of
//! pixels (drawn once each by the canvas), and each frame lays them, "source over", into one
//! image that goes on the canvas in a single draw (`ui::adapters::sprites`). At 10,000 events a
//! frame lays about a thousand; this is the loop that does it.

/// A mark's pixels: `side` × `side`, RGBA, not premultiplied (as a canvas gives them).
#[derive(Clone, Debug, PartialEq)]
pub struct Sprite {
    side: usize,
    pixels: Vec<u8>,
    /// Each row's pixels that are not transparent, from the first to the last: (from, to), in
    /// pixels from the row's start (from = to where the row is all transparent). A mark's
    /// corners are transparent: about a quarter of its square is never looked at.
    rows: Vec<(usize, usize)>,
}

impl Sprite {
    /// The sprite of `pixels`, `side` × `side` RGBA (missing pixels are transparent, extra
    /// ones left out).
    pub fn new(side: usize, mut pixels: Vec<u8>) -> Sprite {
        pixels.resize(side * side * 4, 0);
        let rows = (0..side)
            .map(|row| {
                let (row, _) = pixels[row * side * 4..(row + 1) * side * 4].as_chunks::<4>();
                let from = row.iter().position(|p| p[3] != 0).unwrap_or(side);
                let to = row
                    .iter()
                    .rposition(|p| p[3] != 0)
                    .map_or(from, |last| last + 1);
                (from, to)
            })
            .collect();
        Sprite { side, pixels, rows }
    }

    pub fn side(&self) -> usize {
        self.side
    }
}

/// Lays `sprite` over `image` (`w` × `h` RGBA, not premultiplied) with its top left corner at
/// (`left`, `up`), which may lie outside the image: "source over".
///
/// Pixel by pixel: where the image is still clear (marks seldom overlap) a pixel is copied.
/// (Testing a whole row for clear pixels and copying it in one call cost more: a call for every
/// row of every mark.)
pub fn blit(image: &mut [u8], w: usize, h: usize, sprite: &Sprite, left: i64, up: i64) {
    let side = sprite.side as i64;
    let (x0, x1) = (left.max(0), (left + side).min(w as i64));
    let (y0, y1) = (up.max(0), (up + side).min(h as i64));
    if x0 >= x1 || y0 >= y1 || image.len() < w * h * 4 {
        return;
    }
    // The sprite's columns that fall in the image.
    let (first, last) = ((x0 - left) as usize, (x1 - left) as usize);
    let (image, _) = image.as_chunks_mut::<4>();
    let (pixels, _) = sprite.pixels.as_chunks::<4>();
    for y in y0..y1 {
        let row = (y - up) as usize;
        let (from, to) = sprite.rows[row];
        let (from, to) = (from.max(first), to.min(last));
        if from >= to {
            continue;
        }
        let src = &pixels[row * sprite.side + from..row * sprite.side + to];
        let at = y as usize * w + (left + from as i64) as usize;
        let dst = &mut image[at..at + (to - from)];
        for (s, d) in src.iter().zip(dst.iter_mut()) {
            over(*s, d);
        }
    }
}

/// `s` over `d`, on colours that are not premultiplied.
#[inline(always)]
fn over(s: [u8; 4], d: &mut [u8; 4]) {
    let sa = u32::from(s[3]);
    if sa == 0 {
        return;
    }
    let da = u32::from(d[3]);
    if sa == 255 || da == 0 {
        *d = s;
        return;
    }
    // out = src + dst × (1 − src alpha), weighted by each one's alpha.
    let keep = da * (255 - sa) / 255;
    let a = sa + keep;
    for c in 0..3 {
        d[c] = ((u32::from(s[c]) * sa + u32::from(d[c]) * keep + a / 2) / a) as u8;
    }
    d[3] = a as u8;
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`blit`] must give: every pixel of the square, in the image or not, laid over.
    fn reference(image: &mut [u8], w: usize, h: usize, sprite: &Sprite, left: i64, up: i64) {
        for row in 0..sprite.side {
            for col in 0..sprite.side {
                let (x, y) = (left + col as i64, up + row as i64);
                if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
                    continue;
                }
                let s = (row * sprite.side + col) * 4;
                let d = (y as usize * w + x as usize) * 4;
                let mut px = [image[d], image[d + 1], image[d + 2], image[d + 3]];
                over(
                    [
                        sprite.pixels[s],
                        sprite.pixels[s + 1],
                        sprite.pixels[s + 2],
                        sprite.pixels[s + 3],
                    ],
                    &mut px,
                );
                image[d..d + 4].copy_from_slice(&px);
            }
        }
    }

    /// A mark-like sprite: a disc of `colour`, its edge half transparent, its corners clear.
    fn disc(side: usize, colour: [u8; 3]) -> Sprite {
        let mut pixels = vec![0; side * side * 4];
        let c = (side as f64 - 1.0) / 2.0;
        for row in 0..side {
            for col in 0..side {
                let d = ((row as f64 - c).powi(2) + (col as f64 - c).powi(2)).sqrt();
                let alpha = if d <= c - 1.0 {
                    255
                } else if d <= c {
                    128
                } else {
                    0
                };
                let i = (row * side + col) * 4;
                pixels[i..i + 4].copy_from_slice(&[colour[0], colour[1], colour[2], alpha]);
            }
        }
        Sprite::new(side, pixels)
    }

    #[test]
    fn rows_say_where_each_row_is_not_clear() {
        let sprite = disc(7, [10, 20, 30]);
        assert_eq!(sprite.rows[3], (0, 7), "the middle row runs across");
        assert!(
            sprite.rows[0].0 > 0 && sprite.rows[0].1 < 7,
            "the top row's corners are clear"
        );
        let clear = Sprite::new(3, vec![0; 36]);
        assert!(clear.rows.iter().all(|(from, to)| from == to));
    }

    #[test]
    fn a_mark_on_a_clear_image_is_its_pixels_and_over_another_is_blended() {
        let (w, h) = (12, 9);
        let red = disc(7, [200, 0, 0]);
        let blue = disc(7, [0, 0, 200]);
        let mut image = vec![0; w * h * 4];
        blit(&mut image, w, h, &red, 1, 1);
        // The middle of the red mark is red, untouched by anything.
        let at =
            |x: usize, y: usize, image: &[u8]| image[(y * w + x) * 4..(y * w + x) * 4 + 4].to_vec();
        assert_eq!(at(4, 4, &image), vec![200, 0, 0, 255]);
        assert_eq!(
            at(0, 0, &image),
            vec![0, 0, 0, 0],
            "outside the mark, clear"
        );
        // A blue mark overlapping it: opaque blue wins where it is opaque; where blue's edge is
        // half transparent over opaque red, the two mix.
        blit(&mut image, w, h, &blue, 4, 1);
        assert_eq!(at(7, 4, &image), vec![0, 0, 200, 255]);
        let edge = at(4, 4, &image);
        assert!(edge[0] > 50 && edge[2] > 50 && edge[3] == 255, "{edge:?}");
    }

    proptest! {
        /// Any marks, anywhere (partly or wholly outside the image), in any order: as laying
        /// every pixel of their squares.
        #[test]
        fn blit_lays_each_pixel_of_the_square_over_the_image(
            marks in prop::collection::vec((3usize..12, 0u8..=255, -14i64..30, -14i64..24), 1..12),
            (w, h) in (1usize..26, 1usize..20),
        ) {
            let mut fast = vec![0; w * h * 4];
            let mut slow = vec![0; w * h * 4];
            for (side, shade, left, up) in marks {
                let sprite = disc(side, [shade, 255 - shade, shade / 2]);
                blit(&mut fast, w, h, &sprite, left, up);
                reference(&mut slow, w, h, &sprite, left, up);
            }
            prop_assert_eq!(fast, slow);
        }
    }
}
