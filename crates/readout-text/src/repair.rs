//! Mojibake repair and Unicode normalisation.
//!
//! Mojibake is UTF-8 that was decoded as Windows-1252 (or Latin-1) and
//! written out again: `–` (E2 80 93) becomes `â€“`. Like ftfy, readout
//! repairs only what is unambiguous: a run of characters whose Windows-1252
//! bytes form one well-formed UTF-8 sequence (a lead byte and exactly the
//! continuation bytes it calls for) that decodes to a character of a
//! plausible script. Correct text — accents, CJK, emoji — never has that
//! shape, so it is left alone.

use std::borrow::Cow;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The byte Windows-1252 encodes `c` as, with C1 controls standing for the
/// five bytes Windows-1252 leaves undefined (as a Latin-1 decoder gives them).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 {
        return Some(u as u8);
    }
    if (0xA0..=0xFF).contains(&u) || matches!(u, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
        return Some(u as u8);
    }
    let b = match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        // C1 controls: a Latin-1 decoder's view of the same bytes.
        '\u{80}'..='\u{9F}' => u as u8,
        _ => return None,
    };
    Some(b)
}

/// How many continuation bytes a UTF-8 lead byte calls for.
fn continuations(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Scripts that mojibake of real text decodes to. A sequence that decodes to
/// anything else (NKo from "ß»", say) was most likely correct text.
fn plausible(c: char) -> bool {
    matches!(c as u32,
        0xA0..=0x24F      // Latin-1 supplement, Latin extended
        | 0x370..=0x52F   // Greek, Cyrillic
        | 0x590..=0x6FF   // Hebrew, Arabic
        | 0x900..=0xDFF   // Indic scripts
        | 0xE00..=0xEFF   // Thai, Lao
        | 0x1E00..=0x1FFF // Latin extended additional, Greek extended
        | 0x2000..=0x2BFF // punctuation, currency, letterlike, arrows, symbols
        | 0x3000..=0x9FFF // CJK
        | 0xAC00..=0xD7AF // Hangul
        | 0xFF00..=0xFFEF // full-width forms
        | 0x1F000..=0x1FAFF // emoji
    )
}

/// Repairs UTF-8-as-Windows-1252 mojibake where the repair is unambiguous.
/// Returns the input unchanged (borrowed) when there is nothing to repair.
pub fn fix_mojibake(text: &str) -> Cow<'_, str> {
    // Every mojibake sequence starts with a character whose Windows-1252
    // byte is a UTF-8 lead byte: U+00C2..U+00F4, written C3 82..C3 B4. Only
    // there is a sequence tried; the text between is copied as it is.
    let b = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(0xC3, &b[i..]) {
        let at = i + k;
        i = at + 1;
        if !b.get(at + 1).is_some_and(|n| (0x82..=0xB4).contains(n)) {
            continue;
        }
        // A sequence is at most four characters.
        let mut window = ['\0'; 4];
        let mut n = 0;
        for c in text[at..].chars().take(4) {
            window[n] = c;
            n += 1;
        }
        if let Some((repaired, used)) = try_sequence(&window[..n]) {
            if out.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..at]);
            out.push(repaired);
            copied = at + window[..used].iter().map(|c| c.len_utf8()).sum::<usize>();
            i = copied;
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// The character a mojibake sequence at the start of `chars` stands for, and
/// how many characters it spans.
fn try_sequence(chars: &[char]) -> Option<(char, usize)> {
    let lead = cp1252_byte(chars[0])?;
    let need = continuations(lead)?;
    if chars.len() <= need {
        return None;
    }
    let mut bytes = [lead, 0, 0, 0];
    for k in 1..=need {
        let b = cp1252_byte(chars[k])?;
        if !(0x80..=0xBF).contains(&b) {
            return None;
        }
        bytes[k] = b;
    }
    let s = std::str::from_utf8(&bytes[..=need]).ok()?;
    let repaired = s.chars().next()?;
    plausible(repaired).then_some((repaired, need + 1))
}

/// Unicode NFC and `\n` line endings.
pub fn normalize(text: &str) -> Cow<'_, str> {
    // ASCII is always NFC; most of a text's bytes are ASCII.
    let needs_nfc = !text.is_ascii() && is_nfc_quick(text.chars()) != IsNormalized::Yes;

    let needs_newlines = text.contains('\r');
    if !needs_nfc && !needs_newlines {
        return Cow::Borrowed(text);
    }
    let mut s: String = if needs_nfc { text.nfc().collect() } else { text.to_string() };
    if needs_newlines {
        s = s.replace("\r\n", "\n").replace('\r', "\n");
    }
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_mojibake() {
        let cases = [
            ("world.\" â€“ President", "world.\" – President"),
            ("Japanâ€™s defense", "Japan’s defense"),
            ("cafÃ© and naÃ¯ve", "café and naïve"),
            ("â€œquotedâ€\u{9d}", "“quoted”"),
            ("Â£5 and â‚¬6", "£5 and €6"),
            ("æ—¥æœ¬", "日本"),
            ("ðŸŽŒ flag", "🎌 flag"),
            ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
        ];
        for (bad, good) in cases {
            assert_eq!(fix_mojibake(bad), good, "{bad}");
        }
    }

    #[test]
    fn leaves_correct_text_alone() {
        let cases = [
            "The café in Zürich served crème brûlée to the naïve señor.",
            "日本とアメリカの首脳会談。東京で開催された。",
            "한국어 텍스트와 中文文本",
            "Emoji: 🎌 🇯🇵 🇺🇸 👍🏽 and symbols € £ ¥ © ® ™ ° ± µ ¶ · » «",
            "«Straße» and Fuß» and Ãbc and â alone, ©2019",
            "Ελληνικά και Русский текст",
            "– — ‘ ’ “ ” • …",
        ];
        for ok in cases {
            assert_eq!(fix_mojibake(ok), ok, "{ok}");
            assert!(matches!(fix_mojibake(ok), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize("cafe\u{301}\r\nnext\rlast"), "café\nnext\nlast");
        assert!(matches!(normalize("plain\ntext"), Cow::Borrowed(_)));
    }
}
