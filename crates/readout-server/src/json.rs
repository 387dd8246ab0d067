//! JSON responses that stay inert wherever they end up: `<`, `>` and `&`
//! inside strings are written as `\u003c`, `\u003e`, `\u0026`, so that a
//! document's `<script>` cannot become markup even in a page that embeds
//! or sniffs the response.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A value answered as `application/json`.
pub struct Json<T>(pub T);

/// `value` as JSON text with the markup characters escaped.
pub fn body<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string(value).unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not serialise a response");
        "null".to_string()
    });
    // These characters occur in JSON only inside strings, where the
    // escapes mean the same.
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        let mut res = body(&self.0).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        res
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_strings_is_escaped_and_the_json_still_parses() {
        let v = serde_json::json!({"text": "<script>alert(1)</script> & \"><img src=x>"});
        let s = super::body(&v);
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }
}
