//! readout's reading room: the ledger over HTTP.
//!
//! - [`api`]: the JSON API under `/api/` (OpenAPI at `/api/openapi.json`);
//! - [`pages`]: server-rendered pages that read well without JavaScript;
//! - assets (CSS, a little JavaScript) compiled into the binary.
//!
//! Safety: binds loopback unless told otherwise; every response carries a
//! Content-Security-Policy that allows only the server's own script and
//! style; document text is escaped in every page and in JSON; request
//! bodies and query strings are limited; no file outside the embedded
//! assets is ever served.

#![warn(missing_docs)]

pub mod api;
mod assets;
mod json;
pub mod pages;
pub mod problem;
pub mod state;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
pub use state::{Ledger, Upload};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

/// The longest query string accepted, in bytes.
pub const MAX_QUERY: usize = 16 * 1024;
/// The largest request body accepted outside uploads, in bytes.
pub const MAX_BODY: usize = 64 * 1024;

/// The Content-Security-Policy of every response: the server's own script
/// and style only, nothing inline, nothing from elsewhere.
pub const CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; \
                       form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Constant-time comparison of a sent token with the expected one.
pub fn token_matches(sent: &str, expected: &str) -> bool {
    if expected.is_empty() || sent.len() != expected.len() {
        return false;
    }
    sent.bytes().zip(expected.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Refuses over-long query strings before any handler reads them.
async fn limit_query(req: Request, next: Next) -> Response {
    if req.uri().query().is_some_and(|q| q.len() > MAX_QUERY) {
        let p = problem::Problem::new(
            StatusCode::URI_TOO_LONG,
            format!("the query string is longer than {MAX_QUERY} bytes"),
        );
        return p.into_response();
    }
    next.run(req).await
}

/// Unknown paths: a problem document under `/api/`, a page elsewhere.
async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        return problem::Problem::not_found("no such endpoint; see /api/openapi.json").into_response();
    }
    pages::error_page(StatusCode::NOT_FOUND, "There is no page here.").into_response()
}

async fn method_not_allowed() -> Response {
    problem::Problem::new(StatusCode::METHOD_NOT_ALLOWED, "this method is not allowed here").into_response()
}

/// The whole application.
pub fn router(ledger: Arc<Ledger>) -> Router {
    let upload_limit = ledger.upload.as_ref().map_or(MAX_BODY, |u| u.max_bytes);
    let api = Router::new()
        .route("/search", get(api::search))
        .route("/documents", get(api::documents).post(api::upload).layer(DefaultBodyLimit::max(upload_limit)))
        .route("/documents/{id}", get(api::document))
        .route("/threads", get(api::threads))
        .route("/threads/{id}", get(api::thread))
        .route("/figures", get(api::figures))
        .route("/compare", get(api::compare))
        .route("/openapi.json", get(api::openapi));
    let header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/", get(pages::home))
        .route("/search", get(pages::search))
        .route("/documents", get(pages::documents))
        .route("/documents/{id}", get(pages::document))
        .route("/threads", get(pages::threads))
        .route("/threads/{id}", get(pages::thread))
        .route("/figures", get(pages::figures))
        .route("/compare", get(pages::compare))
        .route("/assets/{name}", get(assets::serve))
        .nest("/api", api)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn(limit_query))
        .layer(header(header::CONTENT_SECURITY_POLICY, CSP))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "no-referrer"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(ledger)
}

/// Serves `ledger` on `listener` until `shutdown` completes; requests
/// under way are finished first.
pub async fn serve(
    listener: tokio::net::TcpListener,
    ledger: Arc<Ledger>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // Link the ledger while the first requests come in: on a large ledger
    // this takes seconds, and pages that need threads wait for it once.
    let warm = Arc::clone(&ledger);
    tokio::spawn(async move {
        if let Err(p) = warm.views().await {
            tracing::error!(detail = %p.detail, "could not link the ledger");
        }
    });
    axum::serve(listener, router(ledger)).with_graceful_shutdown(shutdown).await
}

/// Binds `addr`, calls `on_bound` with the address bound (the port may
/// have been 0), and serves until Ctrl-C. When binding fails, the ledger
/// is handed back with the error, so that another address can be tried.
pub fn run(
    addr: SocketAddr,
    ledger: Ledger,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), (std::io::Error, Option<Box<Ledger>>)> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| (e, None))?;
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind(addr).await {
            Ok(l) => l,
            Err(e) => return Err((e, Some(Box::new(ledger)))),
        };
        on_bound(listener.local_addr().map_err(|e| (e, None))?);
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
            tracing::info!("shutting down");
        };
        serve(listener, Arc::new(ledger), shutdown).await.map_err(|e| (e, None))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_must_match_exactly() {
        assert!(super::token_matches("s3cret", "s3cret"));
        assert!(!super::token_matches("s3cre", "s3cret"));
        assert!(!super::token_matches("s3creT", "s3cret"));
        assert!(!super::token_matches("", ""), "an empty token never opens uploads");
    }
}
