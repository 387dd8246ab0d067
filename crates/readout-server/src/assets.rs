//! The reading room's own files, compiled in: nothing is read from disk
//! and nothing is fetched from elsewhere.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// (name, content type, bytes) of every asset.
const ASSETS: [(&str, &str, &str); 3] = [
    ("app.css", "text/css; charset=utf-8", include_str!("../assets/app.css")),
    ("app.js", "text/javascript; charset=utf-8", include_str!("../assets/app.js")),
    ("favicon.svg", "image/svg+xml", include_str!("../assets/favicon.svg")),
];

/// The asset called `name`, if there is one.
pub fn find(name: &str) -> Option<(&'static str, &'static str)> {
    ASSETS.iter().find(|(n, _, _)| *n == name).map(|(_, t, b)| (*t, *b))
}

/// `GET /assets/{name}`: one of the embedded files, or 404. Names are
/// looked up in a fixed table, so no path can reach the file system.
pub async fn serve(Path(name): Path<String>) -> Response {
    let Some((content_type, body)) = find(&name) else {
        return crate::pages::error_page(StatusCode::NOT_FOUND, "There is no such asset.").into_response();
    };
    let mut res = body.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    res
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_the_table_is_served() {
        assert!(super::find("app.css").is_some());
        for bad in ["../Cargo.toml", "..%2fCargo.toml", "/etc/passwd", "", "app.css/"] {
            assert!(super::find(bad).is_none(), "{bad}");
        }
    }
}
