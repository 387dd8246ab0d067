//! The JSON API under `/api/`: the CLI's views over HTTP, with stable
//! ordering, capped pages and problem documents for every error.

use crate::json::Json;
use crate::problem::Problem;
use crate::state::Ledger;
use axum::body::Bytes;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use readout_extract::Document;
use readout_link::{Comparison, FigureGroup, Thread};
use readout_store::{DocumentSummary, Facets, Hit, SearchFilter, Total};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

/// Items per page when the request does not say.
pub const DEFAULT_LIMIT: u32 = 20;
/// The most items a page holds, whatever the request says.
pub const MAX_LIMIT: u32 = 100;

/// Query parameters, with a rejection that is a problem document.
pub struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|q| ApiQuery(q.0))
            .map_err(|e| Problem::bad_request(e.body_text()))
    }
}

/// Paging parameters.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 2147483647)]
    pub page: Option<u32>,
    /// Items per page (default 20; more than 100 are capped to 100).
    #[param(minimum = 1, maximum = 2147483647)]
    pub limit: Option<u32>,
}

impl Paging {
    /// (page, limit, offset), checked and capped.
    pub fn resolve(self) -> Result<(u32, u32, usize), Problem> {
        let page = self.page.unwrap_or(1);
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        // The schema declares 32-bit signed integers; hold to it.
        if page == 0 || page > i32::MAX as u32 {
            return Err(Problem::bad_request("page counts from 1 (at most 2147483647)"));
        }
        if limit == 0 || limit > i32::MAX as u32 {
            return Err(Problem::bad_request(
                "limit must be at least 1 (at most 2147483647; above 100 it is capped)",
            ));
        }
        let limit = limit.min(MAX_LIMIT);
        Ok((page, limit, (page as usize - 1) * limit as usize))
    }
}

/// A page of items.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub limit: u32,
    /// Items in all.
    pub total: i64,
    /// The items.
    pub items: Vec<T>,
}

fn page_of<T: Clone>(all: &[T], page: u32, limit: u32, offset: usize) -> Page<T> {
    Page {
        page,
        limit,
        total: all.len() as i64,
        items: all.iter().skip(offset).take(limit as usize).cloned().collect(),
    }
}

/// Search parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// FTS5 query: words, "phrases", prefix*, AND / OR / NOT.
    #[param(required = true, min_length = 1, max_length = 1000)]
    pub q: Option<String>,
    /// Only statements with this actor (ISO 3166-1 alpha-3).
    pub actor: Option<String>,
    /// Only statements with this domain.
    pub domain: Option<String>,
    /// Only statements of this kind.
    pub kind: Option<String>,
    /// Only documents dated on or after this day, month or year.
    #[param(pattern = r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$")]
    pub since: Option<String>,
    /// Only documents dated on or before this day, month or year.
    #[param(pattern = r"^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$")]
    pub until: Option<String>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 2147483647)]
    pub page: Option<u32>,
    /// Hits per page (default 20; more than 100 are capped to 100).
    #[param(minimum = 1, maximum = 2147483647)]
    pub limit: Option<u32>,
    /// Also count the hits by actor, domain, kind and year (costs time on
    /// a large ledger).
    pub facets: Option<bool>,
}

/// A piece of a snippet: matched words or the text around them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SnippetPart {
    /// The text.
    pub text: String,
    /// Whether the query matched it.
    pub matched: bool,
}

/// A search hit with its snippet in pieces.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchHit {
    /// The hit.
    #[serde(flatten)]
    pub hit: Hit,
    /// The snippet split at the matches.
    pub parts: Vec<SnippetPart>,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query.
    pub query: String,
    /// This page's number.
    pub page: u32,
    /// Hits per page.
    pub limit: u32,
    /// Hits in all: the count, or with `total_relation` `gte` a lower bound
    /// of it. A query whose best hits are found without scoring every
    /// match (words alone, AND or OR of words, prefixes, with filters) is
    /// counted exactly up to 1,000; `facets=true` counts every match.
    pub total: i64,
    /// Whether `total` is the count (`eq`) or a lower bound (`gte`).
    pub total_relation: TotalRelation,
    /// This page's hits, best first.
    pub hits: Vec<SearchHit>,
    /// How all hits spread over actors, domains, kinds and years (with
    /// `facets=true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
}

/// Whether a search's `total` is its count or a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TotalRelation {
    /// `total` is the count.
    Eq,
    /// There are at least `total` hits.
    Gte,
}

/// Snippet marks no document text contains (Unicode private use).
pub const MARK_OPEN: &str = "\u{E000}";
/// See [`MARK_OPEN`].
pub const MARK_CLOSE: &str = "\u{E001}";

/// A snippet with private-use marks, split into parts.
pub fn snippet_parts(snippet: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut rest = snippet;
    while let Some(open) = rest.find(MARK_OPEN) {
        if open > 0 {
            parts.push(SnippetPart { text: rest[..open].to_string(), matched: false });
        }
        let after = &rest[open + MARK_OPEN.len()..];
        let close = after.find(MARK_CLOSE).unwrap_or(after.len());
        parts.push(SnippetPart { text: after[..close].to_string(), matched: true });
        rest = after.get(close + MARK_CLOSE.len()..).unwrap_or("");
    }
    if !rest.is_empty() {
        parts.push(SnippetPart { text: rest.to_string(), matched: false });
    }
    parts
}

const KINDS: [&str; 5] = ["commitment", "action", "position", "fact", "other"];

/// Runs a search: the page of hits and the facets.
pub async fn run_search(ledger: &Arc<Ledger>, p: SearchParams) -> Result<SearchResults, Problem> {
    let query = p.q.clone().unwrap_or_default();
    if query.trim().is_empty() {
        return Err(Problem::bad_request("the query `q` is missing or empty"));
    }
    if query.chars().count() > 1000 {
        return Err(Problem::bad_request("the query is longer than 1000 characters"));
    }
    if let Some(k) = p.kind.as_ref().filter(|k| !k.is_empty()) {
        if !KINDS.contains(&k.as_str()) {
            return Err(Problem::bad_request(format!("unknown kind {k:?}: one of {}", KINDS.join(", "))));
        }
    }
    let (page, limit, offset) = Paging { page: p.page, limit: p.limit }.resolve()?;
    let filter = SearchFilter {
        actor: p.actor.filter(|s| !s.is_empty()),
        domain: p.domain.filter(|s| !s.is_empty()),
        kind: p.kind.filter(|s| !s.is_empty()),
        since: p.since.filter(|s| !s.is_empty()),
        until: p.until.filter(|s| !s.is_empty()),
        limit: limit as usize,
        offset,
        marks: Some((MARK_OPEN.to_string(), MARK_CLOSE.to_string())),
    };
    let q = query.clone();
    let want_facets = p.facets == Some(true);
    let (hits, total, facets) = ledger
        .with_store(move |s| {
            // The facets count the hits.
            if want_facets {
                let hits = s.search(&q, &filter)?;
                let facets = s.facets(&q, &filter)?;
                return Ok((hits, Total::exact(facets.total.max(0) as usize), Some(facets)));
            }
            let (hits, total) = s.search_with_total(&q, &filter)?;
            Ok((hits, total, None))
        })
        .await?;
    let total_relation = if total.exact { TotalRelation::Eq } else { TotalRelation::Gte };
    let hits = hits
        .into_iter()
        .map(|mut hit| {
            let parts = snippet_parts(&hit.snippet);
            hit.snippet = parts.iter().map(|p| p.text.as_str()).collect();
            SearchHit { hit, parts }
        })
        .collect();
    Ok(SearchResults { query, page, limit, total: total.value, total_relation, hits, facets })
}

/// Full-text search over the statements of current documents.
#[utoipa::path(get, path = "/api/search", params(SearchParams),
    responses((status = 200, body = SearchResults), (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 414, body = Problem, content_type = "application/problem+json")))]
pub async fn search(
    State(ledger): State<Arc<Ledger>>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<SearchResults>, Problem> {
    Ok(Json(run_search(&ledger, p).await?))
}

/// The current documents, by date.
#[utoipa::path(get, path = "/api/documents", params(Paging),
    responses((status = 200, body = Page<DocumentSummary>), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn documents(
    State(ledger): State<Arc<Ledger>>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<DocumentSummary>>, Problem> {
    let (page, limit, offset) = paging.resolve()?;
    let (items, total) = ledger.with_store(move |s| s.list_documents(offset, limit as usize)).await?;
    Ok(Json(Page { page, limit, total, items }))
}

/// A document with its cleaned text (spans point into it).
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentWithText {
    /// The document as `readout extract` gives it.
    #[serde(flatten)]
    pub document: Document,
    /// The cleaned text.
    pub text: String,
}

/// Loads one document, any version.
pub async fn load_document(ledger: &Arc<Ledger>, id: &str) -> Result<Document, Problem> {
    if id.len() > 200 {
        return Err(Problem::not_found("no document has this id"));
    }
    let key = id.to_string();
    ledger
        .with_store(move |s| s.document(&key))
        .await?
        .ok_or_else(|| Problem::not_found(format!("no document has the id {id:?}")))
}

/// One document: its text, statements and everything extracted, with spans.
#[utoipa::path(get, path = "/api/documents/{id}", params(("id" = String, Path, description = "Document id (d-…)")),
    responses((status = 200, body = DocumentWithText), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn document(
    State(ledger): State<Arc<Ledger>>,
    Path(id): Path<String>,
) -> Result<Json<DocumentWithText>, Problem> {
    let mut document = load_document(&ledger, &id).await?;
    let text = std::mem::take(&mut document.text);
    Ok(Json(DocumentWithText { document, text }))
}

/// The threads of the ledger.
#[utoipa::path(get, path = "/api/threads", params(Paging),
    responses((status = 200, body = Page<Thread>), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn threads(
    State(ledger): State<Arc<Ledger>>,
    ApiQuery(paging): ApiQuery<Paging>,
) -> Result<Json<Page<Thread>>, Problem> {
    let (page, limit, offset) = paging.resolve()?;
    let views = ledger.views().await?;
    Ok(Json(page_of(&views.threads, page, limit, offset)))
}

/// One thread: its members in date order, status and conflict.
#[utoipa::path(get, path = "/api/threads/{id}", params(("id" = String, Path, description = "Thread id (t-…)")),
    responses((status = 200, body = Thread), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn thread(
    State(ledger): State<Arc<Ledger>>,
    Path(id): Path<String>,
) -> Result<Json<Thread>, Problem> {
    let views = ledger.views().await?;
    let i = views.by_id.get(&id).ok_or_else(|| Problem::not_found(format!("no thread has the id {id:?}")))?;
    Ok(Json(views.threads[*i].clone()))
}

/// Figure parameters.
#[derive(Debug, Clone, Copy, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FigureParams {
    /// Only groups whose sources disagree.
    pub conflicts: Option<bool>,
    /// Page number, from 1.
    #[param(minimum = 1, maximum = 2147483647)]
    pub page: Option<u32>,
    /// Groups per page (default 20; more than 100 are capped to 100).
    #[param(minimum = 1, maximum = 2147483647)]
    pub limit: Option<u32>,
}

/// Every figure, grouped by what it measures; conflicting groups first.
#[utoipa::path(get, path = "/api/figures", params(FigureParams),
    responses((status = 200, body = Page<FigureGroup>), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn figures(
    State(ledger): State<Arc<Ledger>>,
    ApiQuery(p): ApiQuery<FigureParams>,
) -> Result<Json<Page<FigureGroup>>, Problem> {
    let (page, limit, offset) = Paging { page: p.page, limit: p.limit }.resolve()?;
    let views = ledger.views().await?;
    if p.conflicts == Some(true) {
        let only: Vec<FigureGroup> = views.figures.iter().filter(|g| g.conflict).cloned().collect();
        return Ok(Json(page_of(&only, page, limit, offset)));
    }
    Ok(Json(page_of(&views.figures, page, limit, offset)))
}

/// Comparison parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CompareParams {
    /// Document A's id.
    #[param(required = true, min_length = 1)]
    pub a: Option<String>,
    /// Document B's id.
    #[param(required = true, min_length = 1)]
    pub b: Option<String>,
}

/// Compares two documents of the ledger.
pub async fn run_compare(ledger: &Arc<Ledger>, p: &CompareParams) -> Result<Comparison, Problem> {
    let (Some(a), Some(b)) =
        (p.a.as_deref().filter(|s| !s.is_empty()), p.b.as_deref().filter(|s| !s.is_empty()))
    else {
        return Err(Problem::bad_request("give two document ids, `a` and `b`"));
    };
    let da = load_document(ledger, a).await?;
    let db = load_document(ledger, b).await?;
    Ok(ledger.linker().compare(&da, &db))
}

/// Two accounts side by side: aligned statements, what each left out,
/// figures that differ (the shape of `readout compare --format json`).
#[utoipa::path(get, path = "/api/compare", params(CompareParams),
    responses((status = 200, body = Comparison), (status = 400, body = Problem, content_type = "application/problem+json"),
              (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn compare(
    State(ledger): State<Arc<Ledger>>,
    ApiQuery(p): ApiQuery<CompareParams>,
) -> Result<Json<Comparison>, Problem> {
    Ok(Json(run_compare(&ledger, &p).await?))
}

/// Upload parameters.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadParams {
    /// The document's file name (default `upload.txt`): no slashes.
    #[param(min_length = 1, max_length = 255, pattern = r"^[^/\\\x00]+$")]
    pub name: Option<String>,
}

/// What an upload did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Uploaded {
    /// The document's id.
    pub id: String,
    /// `added`, `unchanged` or `new-version`.
    pub outcome: String,
    /// Statements extracted.
    pub statements: usize,
}

/// Ingests one document (only with `--allow-upload`; `Authorization:
/// Bearer $READOUT_TOKEN`). The body is the document's bytes.
#[utoipa::path(post, path = "/api/documents", params(UploadParams),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    security(("token" = [])),
    responses((status = 201, body = Uploaded), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 401, body = Problem, content_type = "application/problem+json"),
              (status = 403, body = Problem, content_type = "application/problem+json"),
              (status = 413, body = Problem, content_type = "application/problem+json"),
              (status = 422, body = Problem, content_type = "application/problem+json")))]
pub async fn upload(
    State(ledger): State<Arc<Ledger>>,
    headers: HeaderMap,
    ApiQuery(p): ApiQuery<UploadParams>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, Problem> {
    let sent = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let Some(sent) = sent else {
        return Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "a token is needed: Authorization: Bearer $READOUT_TOKEN",
        ));
    };
    let Some(upload) = &ledger.upload else {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "uploads are off: start the server with --allow-upload",
        ));
    };
    if !crate::token_matches(sent, &upload.token) {
        return Err(Problem::new(
            StatusCode::UNAUTHORIZED,
            "a valid token is needed: Authorization: Bearer $READOUT_TOKEN",
        ));
    }
    let body = body.map_err(|e| Problem::new(e.status(), e.body_text()))?;
    if body.len() > upload.max_bytes {
        return Err(Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the limit is {} bytes", upload.max_bytes),
        ));
    }
    let name = p.name.unwrap_or_else(|| "upload.txt".to_string());
    if name.is_empty() || name.chars().count() > 255 || name.contains(['/', '\\', '\0']) {
        return Err(Problem::bad_request("`name` must be a plain file name"));
    }
    let (doc, outcome) = ledger.ingest(body.to_vec(), format!("upload/{name}")).await?;
    let outcome = match outcome {
        readout_store::Ingested::Added => "added",
        readout_store::Ingested::Unchanged => "unchanged",
        readout_store::Ingested::NewVersion { .. } => "new-version",
    };
    let body =
        Uploaded { id: doc.id.clone(), outcome: outcome.to_string(), statements: doc.statements.len() };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The OpenAPI document of this API.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "readout", description = "The ledger of what governments promise each other: documents, statements, threads, figures and comparisons."),
    paths(search, documents, document, threads, thread, figures, compare, upload),
    components(schemas(Problem)),
    modifiers(&TokenScheme)
)]
pub struct ApiDoc;

struct TokenScheme;

impl utoipa::Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(<ApiDoc as utoipa::OpenApi>::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_split_at_their_marks() {
        let s = format!("a {MARK_OPEN}OPIC{MARK_CLOSE} b [c] {MARK_OPEN}x{MARK_CLOSE}");
        let parts = snippet_parts(&s);
        let shown: Vec<(&str, bool)> = parts.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(shown, [("a ", false), ("OPIC", true), (" b [c] ", false), ("x", true)]);
    }

    #[test]
    fn pages_are_checked_and_capped() {
        assert_eq!(Paging { page: None, limit: Some(5000) }.resolve().unwrap(), (1, MAX_LIMIT, 0));
        assert_eq!(Paging { page: Some(3), limit: Some(10) }.resolve().unwrap(), (3, 10, 20));
        assert!(Paging { page: Some(0), limit: None }.resolve().is_err());
        assert!(Paging { page: None, limit: Some(0) }.resolve().is_err());
    }
}
