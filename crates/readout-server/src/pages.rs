//! Server-rendered pages. Every piece of document text goes through maud's
//! escaping; no page holds inline script or style (the CSP forbids both),
//! and each reads well with JavaScript off.

use crate::api::{self, CompareParams, Paging, SearchParams};
use crate::problem::Problem;
use crate::state::{Ledger, Views};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use readout_extract::{Document, Kind};
use readout_link::{FigureGroup, Member, Status, Thread};
use std::fmt::Write as _;
use std::sync::Arc;

/// The sections of the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Home,
    Search,
    Documents,
    Threads,
    Figures,
    Compare,
}

fn layout(title: &str, section: Section, query: &str, body: Markup) -> Markup {
    let nav = [
        (Section::Documents, "/documents", "Documents"),
        (Section::Threads, "/threads", "Threads"),
        (Section::Figures, "/figures", "Figures"),
        (Section::Compare, "/compare", "Compare"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · readout" }
                link rel="stylesheet" href="/assets/app.css";
                link rel="icon" href="/assets/favicon.svg" type="image/svg+xml";
                script src="/assets/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    div.bar {
                        a.brand href="/" aria-current=[(section == Section::Home).then_some("page")] { "readout" }
                        form.quick role="search" action="/search" method="get" {
                            label for="q" class="skip" { "Search statements" }
                            input #q type="search" name="q" value=(query) placeholder="Search statements (press /)" maxlength="1000";
                            button type="submit" { "Search" }
                        }
                        nav aria-label="Sections" {
                            ul {
                                @for (s, href, label) in nav {
                                    li { a href=(href) aria-current=[(s == section).then_some("page")] { (label) } }
                                }
                            }
                        }
                    }
                }
                main #main tabindex="-1" { (body) }
            }
        }
    }
}

/// A page saying what went wrong, with its status.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    let body = html! {
        h1 { (status.as_u16()) " " (title) }
        p { (message) }
        p { a href="/" { "Back to the start" } }
    };
    (status, layout(title, Section::Home, "", body)).into_response()
}

/// A problem, shown as a page.
pub struct PageError(Problem);

impl From<Problem> for PageError {
    fn from(p: Problem) -> PageError {
        PageError(p)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        error_page(self.0.status(), &self.0.detail)
    }
}

type PageResult = Result<Markup, PageError>;

/// Query parameters for pages: a bad one is a 400 page.
fn params<T>(q: Result<Query<T>, axum::extract::rejection::QueryRejection>) -> Result<T, PageError> {
    q.map(|q| q.0).map_err(|e| PageError(Problem::bad_request(e.body_text())))
}

fn kind_badge(kind: &str) -> Markup {
    html! { span class={ "kind " (kind) } { (kind) } }
}

fn status_badge(s: Status) -> Markup {
    html! { span class={ "badge " (s.as_str()) } { (s.as_str()) } }
}

fn conflict_badge(conflict: bool) -> Markup {
    html! { @if conflict { " " span.badge.conflict { "conflict" } } }
}

fn doc_link(views: &Views, id: &str) -> Markup {
    match views.doc_index.get(id).map(|&i| &views.docs[i]) {
        Some(d) => html! { a href={ "/documents/" (d.id) } { (crate::state::label(d)) } },
        None => html! { a href={ "/documents/" (id) } { (id) } },
    }
}

/// The document id of a statement id (`d-…:12` → `d-…`).
fn doc_of_statement(statement: &str) -> &str {
    statement.rsplit_once(':').map_or(statement, |(d, _)| d)
}

/// `GET /`: what the ledger holds and where to start.
pub async fn home(State(ledger): State<Arc<Ledger>>) -> PageResult {
    let views = ledger.views().await?;
    let statements: i64 = views.docs.iter().map(|d| d.statements).sum();
    let conflicts: Vec<&FigureGroup> = views.figures.iter().filter(|g| g.conflict).collect();
    let body = html! {
        h1 { "The ledger" }
        p.meta {
            (views.docs.len()) " documents · " (statements) " statements · "
            (views.threads.len()) " threads · " (conflicts.len()) " conflicting figures"
        }
        @let pairs = views.compare_suggestions(10);
        @if !pairs.is_empty() {
            h2 { "Two accounts of one meeting" }
            ul {
                @for (a, b) in &pairs {
                    li {
                        a href={ "/compare?a=" (a.id) "&b=" (b.id) } {
                            (a.date.as_deref().unwrap_or("")) ": " (a.publisher) " against " (b.publisher)
                        }
                    }
                }
            }
        }
        h2 { "Threads" }
        (threads_table(&views.threads.iter().take(25).collect::<Vec<_>>()))
        @if views.threads.len() > 25 { p { a href="/threads" { "All " (views.threads.len()) " threads" } } }
        @if !conflicts.is_empty() {
            h2 { "Conflicting figures" }
            (figure_groups(&views, &conflicts.iter().take(5).copied().collect::<Vec<_>>()))
            @if conflicts.len() > 5 { p { a href="/figures" { "All " (conflicts.len()) " conflicting groups" } } }
        }
        h2 { "Documents" }
        (documents_table(&views.docs.iter().take(50).collect::<Vec<_>>()))
        @if views.docs.len() > 50 { p { a href="/documents" { "All " (views.docs.len()) " documents" } } }
    };
    Ok(layout("The ledger", Section::Home, "", body))
}

fn threads_table(threads: &[&Thread]) -> Markup {
    html! {
        div.scroll {
            table {
                thead { tr { th { "Thread" } th { "Status" } th { "Evidence" } th { "Members" } } }
                tbody {
                    @for t in threads {
                        @let dates: Vec<&str> = t.members.iter().filter_map(|m| m.date.as_deref()).collect();
                        tr {
                            td { a href={ "/threads/" (t.id) } { (t.title) } }
                            td { (status_badge(t.status)) (conflict_badge(t.conflict)) }
                            td.meta {
                                @match (dates.first(), dates.last()) {
                                    (Some(a), Some(b)) if a != b => { (a) " – " (b) }
                                    (Some(a), _) => { (a) }
                                    _ => { "undated" }
                                }
                            }
                            td { (t.members.len()) }
                        }
                    }
                }
            }
        }
    }
}

fn documents_table(docs: &[&crate::state::DocRef]) -> Markup {
    html! {
        div.scroll {
            table {
                thead { tr { th { "Date" } th { "Document" } th { "Publisher" } } }
                tbody {
                    @for d in docs {
                        tr {
                            td.meta.nowrap { (d.date.as_deref().unwrap_or("undated")) }
                            td { a href={ "/documents/" (d.id) } { (crate::state::label(d)) } }
                            td { (d.publisher) }
                        }
                    }
                }
            }
        }
    }
}

/// Figures shown per group; a group on a large ledger can hold thousands.
const FIGURES_SHOWN: usize = 50;

fn figure_groups(views: &Views, groups: &[&FigureGroup]) -> Markup {
    html! {
        @for g in groups {
            section {
                h3 { (g.measure) " " span.muted { "(" (g.kind.as_str()) ")" } (conflict_badge(g.conflict)) }
                @if g.figures.len() > FIGURES_SHOWN {
                    p.meta { "The first " (FIGURES_SHOWN) " of " (g.figures.len()) " figures, in date order." }
                }
                div.scroll {
                    table {
                        thead { tr { th { "Figure" } th { "Value" } th { "Qualifier" } th { "Date" } th { "Source" } } }
                        tbody {
                            @for f in g.figures.iter().take(FIGURES_SHOWN) {
                                tr {
                                    td { (f.text) }
                                    td { (format_value(f.value, f.unit.as_deref())) }
                                    td { (f.qualifier.as_str()) }
                                    td.meta.nowrap { (f.date.as_deref().unwrap_or("undated")) }
                                    td { (doc_link(views, doc_of_statement(&f.statement))) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// 1600000000 → "1,600,000,000 USD".
fn format_value(v: f64, unit: Option<&str>) -> String {
    match unit {
        Some(u) => format!("{} {u}", readout_extract::grouped(v)),
        None => readout_extract::grouped(v),
    }
}

/// `GET /search`: hits with highlighted snippets and facets.
pub async fn search(
    State(ledger): State<Arc<Ledger>>,
    q: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, PageError> {
    let p = params(q)?;
    let query = p.q.clone().unwrap_or_default();
    if query.trim().is_empty() {
        let body = html! {
            h1 { "Search" }
            p { "Words, " code { "\"phrases in quotes\"" } ", " code { "prefix*" } ", and " code { "AND" } " / " code { "OR" } " / " code { "NOT" } "." }
        };
        return Ok(layout("Search", Section::Search, "", body).into_response());
    }
    let results = match api::run_search(&ledger, SearchParams { facets: Some(true), ..p.clone() }).await {
        Ok(r) => r,
        Err(problem) if problem.status == 400 => {
            let body = html! {
                h1 { "Search" }
                p role="alert" { (problem.detail) }
            };
            return Ok(
                (StatusCode::BAD_REQUEST, layout("Search", Section::Search, &query, body)).into_response()
            );
        }
        Err(problem) => return Err(problem.into()),
    };
    let link = |change: &[(&str, Option<&str>)]| -> String {
        let mut pairs: Vec<(&str, Option<String>)> = vec![
            ("q", Some(query.clone())),
            ("actor", p.actor.clone()),
            ("domain", p.domain.clone()),
            ("kind", p.kind.clone()),
            ("since", p.since.clone()),
            ("until", p.until.clone()),
        ];
        for (k, v) in change {
            if let Some(slot) = pairs.iter_mut().find(|(n, _)| n == k) {
                slot.1 = v.map(str::to_string);
            } else {
                pairs.push((k, v.map(str::to_string)));
            }
        }
        let mut url = String::from("/search?");
        for (k, v) in pairs {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                if !url.ends_with('?') {
                    url.push('&');
                }
                let _ = write!(url, "{k}={}", encode(&v));
            }
        }
        url
    };
    let facets = results.facets.clone().unwrap_or_default();
    let facet = |name: &'static str,
                 label: &str,
                 list: &[readout_store::FacetCount],
                 current: Option<&str>| {
        html! {
            h2 { (label) }
            ul {
                @for f in list {
                    @let on = current == Some(f.value.as_str());
                    li {
                        @if on {
                            a href=(link(&[(name, None), ("page", None)])) aria-current="true" title="Remove this filter" { "✓ " (f.value) }
                        } @else {
                            a href=(link(&[(name, Some(f.value.as_str())), ("page", None)])) { (f.value) }
                        }
                        span.muted { (f.count) }
                    }
                }
            }
        }
    };
    let years = |list: &[readout_store::FacetCount]| {
        html! {
            h2 { "Year" }
            ul {
                @for f in list {
                    @let on = p.since.as_deref() == Some(f.value.as_str()) && p.until.as_deref() == Some(f.value.as_str());
                    li {
                        @if on {
                            a href=(link(&[("since", None), ("until", None), ("page", None)])) aria-current="true" { "✓ " (f.value) }
                        } @else {
                            a href=(link(&[("since", Some(f.value.as_str())), ("until", Some(f.value.as_str())), ("page", None)])) { (f.value) }
                        }
                        span.muted { (f.count) }
                    }
                }
            }
        }
    };
    let pages = (results.total as u64).div_ceil(results.limit as u64).max(1);
    let prev = (results.page > 1).then(|| (results.page - 1).to_string());
    let next = ((results.page as u64) < pages).then(|| (results.page + 1).to_string());
    let body = html! {
        h1 { "Search: " (query) }
        form.filters action="/search" method="get" aria-label="Filters" {
            input type="hidden" name="q" value=(query);
            label { "Kind"
                select name="kind" data-autosubmit {
                    option value="" { "any" }
                    @for k in ["commitment", "action", "position", "fact", "other"] {
                        option value=(k) selected[p.kind.as_deref() == Some(k)] { (k) }
                    }
                }
            }
            label { "Actor" input type="text" name="actor" value=(p.actor.as_deref().unwrap_or("")) size="5" maxlength="3" placeholder="JPN"; }
            label { "Domain" input type="text" name="domain" value=(p.domain.as_deref().unwrap_or("")) size="10" placeholder="energy"; }
            label { "Since" input type="text" name="since" value=(p.since.as_deref().unwrap_or("")) size="10" placeholder="2017-01-01"; }
            label { "Until" input type="text" name="until" value=(p.until.as_deref().unwrap_or("")) size="10" placeholder="2019-12-31"; }
            button type="submit" { "Apply" }
        }
        div.with-facets {
            aside.facets aria-label="Facets" {
                p.meta { (results.total) " statements" }
                (facet("kind", "Kind", &facets.kind, p.kind.as_deref()))
                (facet("actor", "Actor", &facets.actor, p.actor.as_deref()))
                (facet("domain", "Domain", &facets.domain, p.domain.as_deref()))
                (years(&facets.year))
            }
            section aria-label="Results" {
                @if results.hits.is_empty() { p { "No statement matches." } }
                ol.hits start=((results.page as usize - 1) * results.limit as usize + 1) {
                    @for h in &results.hits {
                        li {
                            p {
                                @for part in &h.parts {
                                    @if part.matched { mark { (part.text) } } @else { (part.text) }
                                }
                            }
                            p.meta {
                                (kind_badge(&h.hit.kind)) " · "
                                a href={ "/documents/" (h.hit.doc) "#s" (statement_index(&h.hit.statement)) } { (file_name(&h.hit.path)) }
                                " · " (h.hit.date.as_deref().unwrap_or("undated"))
                            }
                        }
                    }
                }
                nav.pager aria-label="Pages" {
                    @if let Some(pg) = &prev { a href=(link(&[("page", Some(pg.as_str()))])) rel="prev" { "← Previous" } }
                    span.muted { "Page " (results.page) " of " (pages) }
                    @if let Some(pg) = &next { a href=(link(&[("page", Some(pg.as_str()))])) rel="next" { "Next →" } }
                }
            }
        }
    };
    Ok(layout(&format!("Search: {query}"), Section::Search, &query, body).into_response())
}

fn statement_index(statement: &str) -> &str {
    statement.rsplit_once(':').map_or("0", |(_, i)| i)
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Percent-encodes a query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Links to the previous and next pages of a list at `base`.
fn pager(base: &str, page: u32, limit: u32, total: i64) -> Markup {
    let pages = (total.max(0) as u64).div_ceil(limit as u64).max(1);
    let tail = if limit == LIST_PAGE { String::new() } else { format!("&limit={limit}") };
    html! {
        @if pages > 1 {
            nav.pager aria-label="Pages" {
                @if page > 1 { a href={ (base) "?page=" (page - 1) (tail) } rel="prev" { "← Previous" } }
                span.muted { "Page " (page) " of " (pages) }
                @if (page as u64) < pages { a href={ (base) "?page=" (page + 1) (tail) } rel="next" { "Next →" } }
            }
        }
    }
}

/// Items per page of the document and thread lists.
const LIST_PAGE: u32 = 100;

/// (page, limit, offset) of a list page; 100 items unless asked.
fn list_paging(
    q: Result<Query<Paging>, axum::extract::rejection::QueryRejection>,
) -> Result<(u32, u32, usize), PageError> {
    let p = params(q)?;
    Ok(Paging { page: p.page, limit: p.limit.or(Some(LIST_PAGE)) }.resolve()?)
}

/// `GET /documents`.
pub async fn documents(
    State(ledger): State<Arc<Ledger>>,
    q: Result<Query<Paging>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let (page, limit, offset) = list_paging(q)?;
    let views = ledger.views().await?;
    let body = html! {
        h1 { "Documents" }
        (documents_table(&views.docs[offset.min(views.docs.len())..].iter().take(limit as usize).collect::<Vec<_>>()))
        (pager("/documents", page, limit, views.docs.len() as i64))
    };
    Ok(layout("Documents", Section::Documents, "", body))
}

/// `GET /documents/{id}`: the cleaned text, statements tinted by kind,
/// quantities and dates marked with their values, each statement linked to
/// its thread.
pub async fn document(State(ledger): State<Arc<Ledger>>, Path(id): Path<String>) -> PageResult {
    let doc = api::load_document(&ledger, &id).await?;
    let views = ledger.views().await?;
    let title = doc.title.clone().unwrap_or_else(|| file_name(&doc.source).to_string());
    let body = html! {
        h1 { (title) }
        p.meta {
            (doc.date.as_deref().unwrap_or("undated")) " · " (doc.publisher.as_str()) " · " (file_name(&doc.source))
            " · " code { (doc.id) }
            " · " (doc.statements.len()) " statements · "
            a href={ "/api/documents/" (doc.id) } { "JSON" }
        }
        div.legend aria-label="Kinds" {
            @for k in ["commitment", "action", "position", "fact"] { (kind_badge(k)) }
            span.meta { "Focus or hover a marked figure or date to read its value." }
        }
        div.doctext { (document_text(&doc, &views)) }
    };
    Ok(layout(&title, Section::Documents, "", body))
}

/// The text with its statements and items marked; text outside any span
/// is written as it stands.
fn document_text(doc: &Document, views: &Views) -> Markup {
    let text = doc.text.as_str();
    let mut out = String::with_capacity(text.len() * 2);
    let mut pos = 0;
    let mut last_speaker: Option<&str> = None;
    let mut last_page = None;
    for (i, s) in doc.statements.iter().enumerate() {
        let (a, b) = (s.span.start, s.span.end);
        let (Some(before), Some(_)) = (text.get(pos..a), text.get(a..b)) else { continue };
        out.push_str(&html! { (before) }.into_string());
        // A PDF's page breaks, where a page's first statement starts.
        if s.page.is_some() && s.page != last_page {
            if let Some(p) = s.page {
                let _ = write!(out, "<span class=\"page\" id=\"page{p}\">p.&nbsp;{p}</span>");
            }
            last_page = s.page;
        }
        let kind = s.kind.as_str();
        let class = if s.kind == Kind::Other { "st" } else { kind };
        let _ = write!(out, "<span class=\"st {class}\" id=\"s{i}\" title=\"{kind}\">");
        if s.speaker.as_deref() != last_speaker {
            if let Some(sp) = &s.speaker {
                out.push_str(&html! { span.speaker title="Speaker" { (sp) } }.into_string());
            }
            last_speaker = s.speaker.as_deref();
        }
        // Quantities and dates, in order, without overlaps.
        let mut items: Vec<(usize, usize, &str, String)> = Vec::new();
        for q in &s.quantities {
            let value = format!(
                "{} {}: {}",
                q.qualifier.as_str(),
                q.kind.as_str(),
                format_value(q.value, q.unit.as_deref())
            );
            items.push((q.span.start, q.span.end, "item qty", value));
        }
        for d in &s.dates {
            items.push((d.span.start, d.span.end, "item date", format!("date: {}", d.value)));
        }
        items.sort_by_key(|it| (it.0, std::cmp::Reverse(it.1)));
        let mut at = a;
        for (x, y, class, value) in items {
            let (Some(gap), Some(inner)) = (text.get(at..x), text.get(x..y)) else { continue };
            if x < at || y > b {
                continue;
            }
            out.push_str(&html! { (gap) mark class=(class) tabindex="0" data-value=(value) aria-label={ (inner) " — " (value) } { (inner) } }.into_string());
            at = y;
        }
        if let Some(rest) = text.get(at..b) {
            out.push_str(&html! { (rest) }.into_string());
        }
        if let Some(&t) = views.thread_of.get(&s.id) {
            let th = &views.threads[t];
            out.push_str(
                &html! { a.to-thread href={ "/threads/" (th.id) } title={ "Thread: " (th.title) } { "→ thread" } }
                    .into_string(),
            );
        }
        out.push_str("</span>");
        pos = b;
    }
    if let Some(rest) = text.get(pos..) {
        out.push_str(&html! { (rest) }.into_string());
    }
    PreEscaped(out)
}

/// `GET /threads`.
pub async fn threads(
    State(ledger): State<Arc<Ledger>>,
    q: Result<Query<Paging>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let (page, limit, offset) = list_paging(q)?;
    let views = ledger.views().await?;
    let shown: Vec<&Thread> = views.threads.iter().skip(offset).take(limit as usize).collect();
    let body = html! {
        h1 { "Threads" }
        p.meta { "Statements of several documents about one undertaking or figure, with their status over time." }
        (threads_table(&shown))
        (pager("/threads", page, limit, views.threads.len() as i64))
    };
    Ok(layout("Threads", Section::Threads, "", body))
}

/// Days since 1970-01-01 of an ISO day, month (its first day) or year.
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next().map_or(Some(1), |m| m.parse().ok())?;
    let d: i64 = parts.next().map_or(Some(1), |d| d.get(..2).unwrap_or(d).parse().ok())?;
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The timeline: one mark per dated member, coloured by kind, with the
/// changes of status marked.
fn timeline(thread: &Thread) -> Markup {
    let (w, left, right, axis_y) = (720.0_f64, 40.0, 680.0, 70.0);
    let dated: Vec<(usize, &Member, i64)> = thread
        .members
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.date.as_deref().and_then(day_number).map(|d| (i, m, d)))
        .collect();
    let (lo, hi) =
        (dated.iter().map(|d| d.2).min().unwrap_or(0), dated.iter().map(|d| d.2).max().unwrap_or(0));
    let x = |d: i64| {
        if hi == lo {
            (left + right) / 2.0
        } else {
            left + (right - left) * (d - lo) as f64 / (hi - lo) as f64
        }
    };
    // Several members on one day stack upwards.
    let mut stack: rustc_hash::FxHashMap<i64, usize> = Default::default();
    let mut changes: Vec<(f64, Status)> = Vec::new();
    let mut last: Option<Status> = None;
    // The status after each day's members: one list of the dated members,
    // read by growing prefixes.
    let in_order: Vec<Member> = dated.iter().map(|&(_, m, _)| m.clone()).collect();
    for (k, &(_, _, d)) in dated.iter().enumerate() {
        let now = readout_link::status(&in_order[..=k]);
        if last != Some(now) && (k + 1 == dated.len() || dated[k + 1].2 != d) {
            changes.push((x(d), now));
            last = Some(now);
        }
    }
    // Date labels, on a second line where two would overlap.
    let mut labels: Vec<(f64, &str, usize)> = Vec::new();
    for &(_, m, d) in &dated {
        if let Some(date) = m.date.as_deref() {
            if !labels.iter().any(|(_, l, _)| *l == date) {
                let line = match labels.last() {
                    Some(&(px, _, pl)) if x(d) - px < 90.0 => 1 - pl,
                    _ => 0,
                };
                labels.push((x(d), date, line));
            }
        }
    }
    html! {
        svg.timeline viewBox={ "0 0 " (w) " 130" } role="group" aria-label={ "Timeline of " (dated.len()) " dated statements" } {
            title { "Timeline: " (thread.title) }
            line.axis x1=(left - 20.0) x2=(right + 20.0) y1=(axis_y) y2=(axis_y) {}
            @for (cx, status) in &changes {
                line.change x1=(cx) x2=(cx) y1="8" y2=(axis_y + 8.0) {}
                text.change-label x=(cx + 4.0) y="16" { (status.as_str()) }
            }
            @for (lx, label, line) in &labels {
                text x=(lx) y=(axis_y + 24.0 + 14.0 * *line as f64) text-anchor="middle" { (label) }
            }
            @for &(i, m, d) in &dated {
                @let level = { let e = stack.entry(d).or_insert(0); *e += 1; *e - 1 };
                a href={ "#m" (i) } data-member=(i) {
                    circle class=(m.kind.as_str()) cx=(x(d)) cy=(axis_y - 14.0 * level as f64) r="7" {
                        title { (m.date.as_deref().unwrap_or("")) " · " (m.kind.as_str()) " · " (m.doc) }
                    }
                }
            }
        }
    }
}

/// Quotes shown on a thread's page.
const MEMBERS_SHOWN: usize = 200;

/// `GET /threads/{id}`: timeline, quotes in date order, figures side by
/// side.
pub async fn thread(State(ledger): State<Arc<Ledger>>, Path(id): Path<String>) -> PageResult {
    let views = ledger.views().await?;
    let Some(&i) = views.by_id.get(&id) else {
        return Err(Problem::not_found(format!("no thread has the id {id:?}")).into());
    };
    let t = &views.threads[i];
    let members: rustc_hash::FxHashSet<&str> = t.members.iter().map(|m| m.statement.as_str()).collect();
    let groups: Vec<FigureGroup> = views
        .figures
        .iter()
        .filter_map(|g| {
            let figures: Vec<_> =
                g.figures.iter().filter(|f| members.contains(f.statement.as_str())).cloned().collect();
            (figures.len() >= 2).then(|| FigureGroup { figures, ..g.clone() })
        })
        .collect();
    let body = html! {
        h1 { (t.title) }
        p { (status_badge(t.status)) (conflict_badge(t.conflict)) " " span.meta { (t.members.len()) " statements · " code { (t.id) } " · " a href={ "/api/threads/" (t.id) } { "JSON" } } }
        (timeline(t))
        div.legend aria-label="Kinds" { @for k in ["commitment", "action", "position", "fact"] { (kind_badge(k)) } }
        h2 { "Statements in date order" }
        @if t.members.len() > MEMBERS_SHOWN {
            p.meta { "The first " (MEMBERS_SHOWN) " of " (t.members.len()) "; all are in " a href={ "/api/threads/" (t.id) } { "the JSON" } "." }
        }
        ol.members {
            @for (k, m) in t.members.iter().enumerate().take(MEMBERS_SHOWN) {
                li #{ "m" (k) } data-member=(k) {
                    p.meta {
                        (m.date.as_deref().unwrap_or("undated")) " · " (kind_badge(m.kind.as_str()))
                        @if let Some(md) = m.modality { " " (md.as_str()) }
                        " · " (doc_link(&views, doc_of_statement(&m.statement)))
                    }
                    blockquote { (m.text) }
                    p.meta { a href={ "/documents/" (doc_of_statement(&m.statement)) "#s" (statement_index(&m.statement)) } { "Read in context" } }
                }
            }
        }
        @if !groups.is_empty() {
            h2 { "Figures" }
            @for g in &groups {
                h3 { (g.measure) (conflict_badge(g.conflict)) }
                div.pair {
                    @for f in &g.figures {
                        div {
                            p { strong { (f.text) } }
                            p.meta { (format_value(f.value, f.unit.as_deref())) " · " (f.qualifier.as_str()) " · " (f.date.as_deref().unwrap_or("undated")) }
                            p { (doc_link(&views, doc_of_statement(&f.statement))) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout(&t.title, Section::Threads, "", body))
}

/// `GET /figures`: the figures ledger, conflicts first.
pub async fn figures(
    State(ledger): State<Arc<Ledger>>,
    q: Result<Query<Paging>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let (page, limit, _) = list_paging(q)?;
    // Groups are long: 20 a page at most.
    let limit = limit.min(20);
    let offset = (page as usize - 1) * limit as usize;
    let views = ledger.views().await?;
    let groups: Vec<&FigureGroup> = views.figures.iter().skip(offset).take(limit as usize).collect();
    let conflicts = views.figures.iter().filter(|g| g.conflict).count();
    let body = html! {
        h1 { "Figures" }
        p.meta { (views.figures.len()) " groups · " (conflicts) " with sources that disagree (first)" }
        (figure_groups(&views, &groups))
        (pager("/figures", page, limit, views.figures.len() as i64))
    };
    Ok(layout("Figures", Section::Figures, "", body))
}

/// Ledgers with more documents than this are compared by id, not from a
/// list.
const SELECTABLE_DOCS: usize = 500;

/// `GET /compare?a=&b=`: two accounts side by side.
pub async fn compare(
    State(ledger): State<Arc<Ledger>>,
    q: Result<Query<CompareParams>, axum::extract::rejection::QueryRejection>,
) -> PageResult {
    let p = params(q)?;
    let views = ledger.views().await?;
    let chosen =
        p.a.as_deref().is_some_and(|s| !s.is_empty()) && p.b.as_deref().is_some_and(|s| !s.is_empty());
    let cmp = if chosen { Some(api::run_compare(&ledger, &p).await?) } else { None };
    let select = |name: &str, label: &str, current: Option<&str>| {
        html! {
            label { (label)
                // A list to choose from while it stays short; past that, a
                // document id (shown on each document's page).
                @if views.docs.len() <= SELECTABLE_DOCS {
                    select name=(name) required {
                        option value="" { "choose a document" }
                        @for d in &views.docs {
                            option value=(d.id) selected[current == Some(d.id.as_str())] {
                                (d.date.as_deref().unwrap_or("undated")) " · " (d.publisher) " · " (crate::state::label(d))
                            }
                        }
                    }
                } @else {
                    input type="text" name=(name) required value=(current.unwrap_or("")) placeholder="d-…" size="16";
                }
            }
        }
    };
    let body = html! {
        h1 { "Compare two accounts" }
        form.filters action="/compare" method="get" {
            (select("a", "Account A", p.a.as_deref()))
            (select("b", "Account B", p.b.as_deref()))
            button type="submit" { "Compare" }
        }
        @if let Some(c) = &cmp {
            h2 { "Reported by both (" (c.aligned.len()) ")" }
            div.scroll {
                table {
                    thead { tr {
                        th { "A: " (c.a.publisher) " " (c.a.date.as_deref().unwrap_or("")) }
                        th { "B: " (c.b.publisher) " " (c.b.date.as_deref().unwrap_or("")) }
                    } }
                    tbody {
                        @for row in &c.aligned {
                            tr { td { (row.a_text) } td { (row.b_text) } }
                        }
                    }
                }
            }
            div.pair {
                div {
                    h2 { "Only in A (" (c.only_a.len()) ")" }
                    ul { @for s in &c.only_a { li { (kind_badge(s.kind.as_str())) " " (s.text) } } }
                }
                div {
                    h2 { "Only in B (" (c.only_b.len()) ")" }
                    ul { @for s in &c.only_b { li { (kind_badge(s.kind.as_str())) " " (s.text) } } }
                }
            }
            @if !c.figures.is_empty() {
                h2 { "Figures on both sides" }
                div.scroll {
                    table {
                        thead { tr { th { "Measure" } th { "A" } th { "B" } th {} } }
                        tbody {
                            @for f in &c.figures {
                                tr {
                                    td { (f.measure) }
                                    td { (f.a.text) }
                                    td { (f.b.text) }
                                    td { @if f.conflict { span.badge.conflict { "differ" } } }
                                }
                            }
                        }
                    }
                }
            }
        } @else {
            @let pairs = views.compare_suggestions(10);
            @if !pairs.is_empty() {
                h2 { "Suggested" }
                ul {
                    @for (a, b) in &pairs {
                        li { a href={ "/compare?a=" (a.id) "&b=" (b.id) } { (a.date.as_deref().unwrap_or("")) ": " (crate::state::label(a)) " / " (crate::state::label(b)) } }
                    }
                }
            }
        }
    };
    Ok(layout("Compare", Section::Compare, "", body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2017-11-06"), Some(17476));
        assert_eq!(day_number("2017"), day_number("2017-01-01"));
        assert_eq!(day_number("nonsense"), None);
    }

    #[test]
    fn values_read_as_numbers() {
        assert_eq!(format_value(1_600_000_000.0, Some("USD")), "1,600,000,000 USD");
        assert_eq!(format_value(8.9, None), "8.9");
        assert_eq!(format_value(860_000.0, None), "860,000");
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode("\"free trade\" & <x>"), "%22free%20trade%22%20%26%20%3Cx%3E");
    }
}
