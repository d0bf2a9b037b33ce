//! Character references: `&amp;`, `&#39;`, `&#x27;` and the common named ones.

/// The character of a named reference (without `&` and `;`).
fn named_entity(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" | "AMP" => "&",
        "lt" | "LT" => "<",
        "gt" | "GT" => ">",
        "quot" | "QUOT" => "\"",
        "apos" => "'",
        "nbsp" => "\u{A0}",
        "ensp" => "\u{2002}",
        "emsp" => "\u{2003}",
        "thinsp" => "\u{2009}",
        "ndash" => "–",
        "mdash" => "—",
        "hellip" => "…",
        "lsquo" => "‘",
        "rsquo" => "’",
        "sbquo" => "‚",
        "ldquo" => "“",
        "rdquo" => "”",
        "bdquo" => "„",
        "laquo" => "«",
        "raquo" => "»",
        "lsaquo" => "‹",
        "rsaquo" => "›",
        "bull" => "•",
        "middot" => "·",
        "copy" => "©",
        "reg" => "®",
        "trade" => "™",
        "deg" => "°",
        "euro" => "€",
        "pound" => "£",
        "yen" => "¥",
        "cent" => "¢",
        "sect" => "§",
        "para" => "¶",
        "times" => "×",
        "divide" => "÷",
        "plusmn" => "±",
        "minus" => "−",
        "frac12" => "½",
        "frac14" => "¼",
        "frac34" => "¾",
        "iexcl" => "¡",
        "iquest" => "¿",
        "dagger" => "†",
        "Dagger" => "‡",
        "prime" => "′",
        "Prime" => "″",
        "larr" => "←",
        "rarr" => "→",
        "uarr" => "↑",
        "darr" => "↓",
        "aacute" => "á",
        "Aacute" => "Á",
        "agrave" => "à",
        "Agrave" => "À",
        "acirc" => "â",
        "Acirc" => "Â",
        "auml" => "ä",
        "Auml" => "Ä",
        "atilde" => "ã",
        "Atilde" => "Ã",
        "aring" => "å",
        "Aring" => "Å",
        "aelig" => "æ",
        "AElig" => "Æ",
        "ccedil" => "ç",
        "Ccedil" => "Ç",
        "eacute" => "é",
        "Eacute" => "É",
        "egrave" => "è",
        "Egrave" => "È",
        "ecirc" => "ê",
        "Ecirc" => "Ê",
        "euml" => "ë",
        "Euml" => "Ë",
        "iacute" => "í",
        "Iacute" => "Í",
        "igrave" => "ì",
        "Igrave" => "Ì",
        "icirc" => "î",
        "Icirc" => "Î",
        "iuml" => "ï",
        "Iuml" => "Ï",
        "ntilde" => "ñ",
        "Ntilde" => "Ñ",
        "oacute" => "ó",
        "Oacute" => "Ó",
        "ograve" => "ò",
        "Ograve" => "Ò",
        "ocirc" => "ô",
        "Ocirc" => "Ô",
        "ouml" => "ö",
        "Ouml" => "Ö",
        "otilde" => "õ",
        "Otilde" => "Õ",
        "oslash" => "ø",
        "Oslash" => "Ø",
        "oelig" => "œ",
        "OElig" => "Œ",
        "uacute" => "ú",
        "Uacute" => "Ú",
        "ugrave" => "ù",
        "Ugrave" => "Ù",
        "ucirc" => "û",
        "Ucirc" => "Û",
        "uuml" => "ü",
        "Uuml" => "Ü",
        "yacute" => "ý",
        "Yacute" => "Ý",
        "yuml" => "ÿ",
        "szlig" => "ß",
        "scaron" => "š",
        "Scaron" => "Š",
        "zcaron" => "ž",
        "Zcaron" => "Ž",
        "shy" | "zwnj" | "zwj" | "lrm" | "rlm" => "",
        _ => return None,
    })
}

/// The reference at the start of `s` (which starts with `&`): its text and its length in
/// bytes; `None` when it is not one (the `&` is then text).
fn entity(s: &str) -> Option<(String, usize)> {
    let rest = s.get(1..)?;
    let end = rest.bytes().take(34).position(|b| b == b';')?;
    let body = rest.get(..end)?;
    let len = end + 2;
    if let Some(number) = body.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) if !hex.is_empty() && hex.len() <= 8 => u32::from_str_radix(hex, 16).ok()?,
            None if !number.is_empty() && number.len() <= 10 => number.parse::<u32>().ok()?,
            _ => return None,
        };
        let text = match char::from_u32(code) {
            None | Some('\0') => "\u{FFFD}".to_string(),
            Some(c) if c.is_control() && !c.is_ascii_whitespace() => String::new(),
            Some(c) => c.to_string(),
        };
        return Some((text, len));
    }
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    named_entity(body).map(|t| (t.to_string(), len))
}

/// Text with its references decoded.
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let at = rest.get(i..).unwrap_or_default();
        match entity(at) {
            Some((t, len)) => {
                out.push_str(&t);
                rest = at.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = at.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}
