//! Bytes to text: encoding detection and decoding.
//!
//! UTF-8 (with or without a byte-order mark) is taken as it is; UTF-16 needs
//! its byte-order mark (or an unmistakable pattern of zero bytes); anything
//! else that is not valid UTF-8 is a legacy single-byte text, whose encoding
//! `chardetng` guesses (Windows-1252 and Latin-1 in practice). Binary files —
//! images, archives, executables, anything with NUL bytes that is not UTF-16
//! — are refused, never decoded into garbage.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use thiserror::Error;

/// Why bytes could not be read as a text document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    /// The input holds no bytes (or only a byte-order mark and whitespace).
    #[error("empty file")]
    Empty,
    /// The input is a known binary format, or has NUL bytes.
    #[error("binary file ({0}), not a text document")]
    Binary(&'static str),
    /// The input says it is UTF-8 (it has the UTF-8 byte-order mark) but is not.
    #[error("invalid UTF-8 at byte {0} in a file marked as UTF-8")]
    InvalidUtf8(usize),
    /// A PDF that gave no text (malformed, encrypted, or a scan).
    #[error(transparent)]
    Pdf(#[from] crate::pdf::PdfError),
}

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text, byte-order mark removed.
    pub text: String,
    /// The encoding's WHATWG name ("UTF-8", "windows-1252", "UTF-16LE").
    pub encoding: &'static str,
}

/// File signatures of common binary formats.
const MAGIC: [(&[u8], &str); 12] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"SQLite format 3\x00", "SQLite database"),
];

/// Decodes a document's bytes.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == UTF_8 {
            return match std::str::from_utf8(body) {
                Ok(s) => finish(s.to_string(), "UTF-8"),
                Err(e) => Err(DecodeError::InvalidUtf8(bom_len + e.valid_up_to())),
            };
        }
        let (text, _) = encoding.decode_without_bom_handling(body);
        return finish(text.into_owned(), encoding.name());
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            // "MZ" and "RIFF" are also how some words start: only call them
            // binary when the rest does not read as text either.
            let weak = magic.len() <= 2 && !magic.contains(&0) && what != "gzip archive";
            if !weak || looks_binary(bytes) {
                return Err(DecodeError::Binary(what));
            }
        }
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return finish(text.into_owned(), encoding.name());
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary("NUL or control bytes"));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => finish(s.to_string(), "UTF-8"),
        Err(_) => {
            // A web page's own declaration, then detection.
            if let Some(encoding) = crate::html::declared_charset(bytes).filter(|e| *e != UTF_8) {
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                return finish(text.into_owned(), encoding.name());
            }
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            let encoding = detector.guess(None, true);
            // A UTF-8 guess for invalid UTF-8 would only make U+FFFD.
            let encoding = if encoding == UTF_8 { encoding_rs::WINDOWS_1252 } else { encoding };
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            finish(text.into_owned(), encoding.name())
        }
    }
}

fn finish(text: String, encoding: &'static str) -> Result<Decoded, DecodeError> {
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(Decoded { text, encoding })
}

/// NUL bytes, or many C0 control bytes other than tab, newline, form feed
/// and carriage return, in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    controls * 20 > head.len().max(1)
}

/// UTF-16 without a byte-order mark: text in a Latin script has a zero byte
/// at every other position.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_zero = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_zero = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_zero * 10 >= pairs * 9 && even_zero * 10 <= pairs {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend(if le { [0xff, 0xfe] } else { [0xfe, 0xff] });
        }
        for u in s.encode_utf16() {
            out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    }

    #[test]
    fn encodings() {
        let s = "Prime Minister Abe – “café” 日本 🎌";
        let cases: Vec<(Vec<u8>, &str)> = vec![
            (s.as_bytes().to_vec(), "UTF-8"),
            ([b"\xef\xbb\xbf".as_slice(), s.as_bytes()].concat(), "UTF-8"),
            (utf16(s, true, true), "UTF-16LE"),
            (utf16(s, false, true), "UTF-16BE"),
        ];
        for (bytes, enc) in cases {
            let d = decode(&bytes).unwrap();
            assert_eq!(d.text, s);
            assert_eq!(d.encoding, enc);
        }
        let d = decode(&utf16("The two leaders met in Tokyo.", true, false)).unwrap();
        assert_eq!(d.text, "The two leaders met in Tokyo.");
    }

    #[test]
    fn legacy_single_byte() {
        // "café – naïve" in Windows-1252.
        let bytes = b"The caf\xe9 \x96 a na\xefve \x93quote\x94 in Windows-1252 text of some length.";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "The café – a naïve “quote” in Windows-1252 text of some length.");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"  \n\t "), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf"), Err(DecodeError::Empty));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0"), Err(DecodeError::Binary("PNG image"))));
        assert!(matches!(decode(b"text\0with nul"), Err(DecodeError::Binary(_))));
        assert_eq!(decode(b"\xef\xbb\xbfok \xff\xfe bad"), Err(DecodeError::InvalidUtf8(6)));
        // Words that start like a signature are still text.
        assert!(decode(b"MZ Holdings signed a memorandum.").is_ok());
    }
}
