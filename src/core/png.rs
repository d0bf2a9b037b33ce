//! A saved PNG's pixel density. The canvas makes a PNG without one, and Word, LaTeX and other
//! layout programs then take it for 96 (or 72) dpi: a picture saved at a pixel ratio of 2 was
//! placed at twice its size. A `pHYs` chunk right after the header says how many pixels make a
//! metre (PNG specification, 11.3.5.3).

/// The eight bytes every PNG starts with.
pub const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

/// The pixels per metre of a screen pixel at `ratio` device pixels each: CSS's 96 dpi times
/// the ratio (3,780 at 1, 7,559 at 2), at least 1.
pub fn pixels_per_metre(ratio: f64) -> u32 {
    let ppm = (96.0 * ratio / 0.0254).round();
    if ppm.is_finite() && ppm >= 1.0 {
        ppm.min(f64::from(u32::MAX)) as u32
    } else {
        3780
    }
}

/// The CRC-32 (ISO 3309, as PNG computes it) of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    // Bitwise: a picture's few bytes of chunk header need no table.
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A chunk of `kind` holding `data`: its length, kind, data and CRC (of kind and data).
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(12 + data.len());
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[4..]);
    out.extend_from_slice(&crc.to_be_bytes());
    out
}

/// A PNG's chunks: each one's kind and its whole bytes (length to CRC); `None` when `png` is
/// not a PNG whose chunks run to its end, the header first.
pub fn chunks(png: &[u8]) -> Option<Vec<([u8; 4], &[u8])>> {
    let mut rest = png.strip_prefix(&SIGNATURE)?;
    let mut out = Vec::new();
    while !rest.is_empty() {
        let length = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?) as usize;
        let whole = rest.get(..length.checked_add(12)?)?;
        let kind: [u8; 4] = whole[4..8].try_into().ok()?;
        out.push((kind, whole));
        rest = &rest[whole.len()..];
    }
    (out.first()?.0 == *b"IHDR").then_some(out)
}

/// `png` saying that `pixels_per_metre` of its pixels make a metre, both ways: a `pHYs` chunk
/// right after its header (any it had left out). `None` when `png` is not a PNG as [`chunks`]
/// reads it; then the picture is better saved as it was.
pub fn with_density(png: &[u8], pixels_per_metre: u32) -> Option<Vec<u8>> {
    let chunks = chunks(png)?;
    let mut data = [0u8; 9];
    data[..4].copy_from_slice(&pixels_per_metre.to_be_bytes());
    data[4..8].copy_from_slice(&pixels_per_metre.to_be_bytes());
    data[8] = 1; // The unit is the metre.
    let phys = chunk(b"pHYs", &data);
    let mut out = Vec::with_capacity(png.len() + phys.len());
    out.extend_from_slice(&SIGNATURE);
    for (n, (kind, bytes)) in chunks.iter().enumerate() {
        if kind == b"pHYs" {
            continue;
        }
        out.extend_from_slice(bytes);
        if n == 0 {
            out.extend_from_slice(&phys);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of one white pixel, as Pillow encodes it (IHDR, IDAT, IEND, with their CRCs).
    const ONE_PIXEL: [u8; 70] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, // signature
        0x00, 0x00, 0x00, 0x0D, b'I', b'H', b'D', b'R', 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, // 1×1 RGBA
        0x00, 0x00, 0x00, 0x0D, b'I', b'D', b'A', b'T', 0x78, 0x9C, 0x63, 0xF8, 0xFF, 0xFF, 0xFF,
        0x7F, 0x00, 0x09, 0xFB, 0x03, 0xFD, 0x2A, 0x86, 0xE3, 0x8A, // one row, deflated
        0x00, 0x00, 0x00, 0x00, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82,
    ];

    /// Every chunk's CRC is the one its kind and data give.
    fn crcs_hold(png: &[u8]) -> bool {
        chunks(png).unwrap().iter().all(|(_, whole)| {
            let (body, crc) = whole.split_at(whole.len() - 4);
            crc32(&body[4..]).to_be_bytes() == crc
        })
    }

    #[test]
    fn the_crc_is_png_s() {
        // The check value of CRC-32 (ISO-HDLC), and the IEND chunk's CRC that every PNG ends with.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert!(crcs_hold(&ONE_PIXEL));
    }

    #[test]
    fn a_screen_pixel_is_96_dpi_times_the_ratio() {
        assert_eq!(pixels_per_metre(1.0), 3780);
        assert_eq!(pixels_per_metre(2.0), 7559);
        assert_eq!(pixels_per_metre(1.5), 5669);
        assert_eq!(pixels_per_metre(0.0), 3780);
        assert_eq!(pixels_per_metre(f64::NAN), 3780);
    }

    #[test]
    fn the_density_goes_right_after_the_header_and_nothing_else_changes() {
        for png in [
            &ONE_PIXEL[..],
            // A picture as the browser makes them (the README's screenshot).
            include_bytes!("../../docs/screenshot.png"),
        ] {
            let before = chunks(png).unwrap();
            assert!(!before.iter().any(|(k, _)| k == b"pHYs"));
            let out = with_density(png, 7559).unwrap();
            assert!(out.starts_with(&SIGNATURE));
            assert_eq!(out.len(), png.len() + 21);
            assert!(crcs_hold(&out));
            let after = chunks(&out).unwrap();
            let kinds: Vec<&[u8; 4]> = after.iter().map(|(k, _)| k).collect();
            assert_eq!(kinds[..2], [b"IHDR", b"pHYs"]);
            // 7,559 pixels a metre both ways (192 dpi), the unit the metre; its CRC the one
            // Python's zlib.crc32 gives for its kind and data.
            let phys = after[1].1;
            assert_eq!(
                phys[..17],
                [0, 0, 0, 9, b'p', b'H', b'Y', b's', 0, 0, 0x1D, 0x87, 0, 0, 0x1D, 0x87, 1]
            );
            assert_eq!(phys[17..], 0x8FE5_F165u32.to_be_bytes()[..]);
            // The image's chunks as they were, in their order: it decodes to the same pixels.
            let rest: Vec<_> = after.iter().filter(|(k, _)| k != b"pHYs").collect();
            assert_eq!(rest.len(), before.len());
            assert!(rest.iter().zip(&before).all(|(a, b)| a.1 == b.1));
            // Once is enough: saying it again replaces it.
            assert_eq!(with_density(&out, 7559).unwrap(), out);
            let again = with_density(&out, 3780).unwrap();
            assert_eq!(chunks(&again).unwrap().len(), after.len());
        }
    }

    #[test]
    fn what_is_not_a_png_is_left_alone() {
        assert_eq!(with_density(b"", 3780), None);
        assert_eq!(with_density(b"GIF89a", 3780), None);
        // Cut short, or a chunk running past the end.
        assert_eq!(with_density(&ONE_PIXEL[..40], 3780), None);
        let mut long = ONE_PIXEL;
        long[11] = 0xFF;
        assert_eq!(with_density(&long, 3780), None);
        // No header first.
        assert_eq!(with_density(&SIGNATURE, 3780), None);
    }
}
