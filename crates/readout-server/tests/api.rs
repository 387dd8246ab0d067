//! The JSON API and the pages against a real server on an ephemeral port:
//! paging, problem documents, security headers, inert document text,
//! path traversal, limits and uploads.

use readout_extract::{DocHints, Extractor};
use readout_lexicon::Lexicon;
use readout_server::{Ledger, Upload};
use reqwest::blocking::Client;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

const TOKEN: &str = "test-token-0123456789abcdef";

/// A document whose text tries every trick a page could fall for.
const HOSTILE: &str = "Hostile <script>alert(1)</script> test document\n\n\
The leaders agreed to <script>alert(1)</script> cooperate on hostile energy projects.\n\n\
The ministers will sign \"><img src=x onerror=alert(1)> a hostile memorandum on trade.\n\n\
Readers may visit <a href=\"javascript:alert(1)\">this hostile link</a> or javascript:alert(1) today.\n";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// A ledger of the bundled corpus and the hostile document.
fn build_ledger(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("readout-server-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("ledger.db");
    let lexicon = Lexicon::builtin().unwrap();
    let extractor = Extractor::new(&lexicon);
    let mut store = readout_store::Store::open(&db).unwrap();
    let manifest = std::fs::read_to_string(corpus().join("manifest.csv")).unwrap();
    let manifest = readout_extract::Manifest::parse(&manifest, &corpus()).unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let hints = manifest.hints_for(Path::new(&name)).cloned().unwrap_or_default();
        let doc = extractor
            .extract(&std::fs::read(&f).unwrap(), &format!("examples/corpus/{name}"), &hints)
            .unwrap();
        store.ingest(&doc, &doc.source).unwrap();
    }
    let hints = DocHints { date: Some("2019-05-27".into()), ..Default::default() };
    let doc = extractor.extract(HOSTILE.as_bytes(), "hostile.txt", &hints).unwrap();
    store.ingest(&doc, "hostile.txt").unwrap();
    db
}

/// Starts a server on an ephemeral port; returns its base URL.
fn start(db: &Path, upload: Option<Upload>) -> String {
    let ledger = Ledger::open(db, &Lexicon::builtin().unwrap(), upload).unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            readout_server::serve(listener, Arc::new(ledger), std::future::pending()).await.unwrap();
        });
    });
    format!("http://{}", rx.recv().unwrap())
}

fn server() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| start(&build_ledger("main"), None))
}

fn client() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

fn get(path: &str) -> reqwest::blocking::Response {
    client().get(format!("{}{path}", server())).send().unwrap()
}

fn json(path: &str) -> (u16, String, Value) {
    let r = get(path);
    let status = r.status().as_u16();
    let ctype = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let body: Value = serde_json::from_str(&r.text().unwrap()).unwrap();
    (status, ctype, body)
}

fn assert_problem(path: &str, status: u16) -> Value {
    let (got, ctype, body) = json(path);
    assert_eq!(got, status, "{path}: {body}");
    assert_eq!(ctype, "application/problem+json", "{path}");
    assert_eq!(body["status"], status, "{path}");
    assert!(
        body["title"].is_string() && body["detail"].is_string() && body["type"].is_string(),
        "{path}: {body}"
    );
    body
}

fn doc_id(prefix: &str) -> String {
    let (_, _, page) = json("/api/documents?limit=100");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"].as_str().unwrap().rsplit('/').next().unwrap().starts_with(prefix))
        .map(|d| d["id"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no document {prefix}"))
}

#[test]
fn documents_are_paged_in_a_stable_order_and_the_limit_is_capped() {
    let (status, ctype, all) = json("/api/documents");
    assert_eq!((status, ctype.as_str()), (200, "application/json"));
    assert_eq!(all["total"], 6);
    let (_, _, first) = json("/api/documents?limit=2");
    let (_, _, second) = json("/api/documents?limit=2&page=2");
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    assert_eq!(first["items"][0], all["items"][0]);
    assert_eq!(second["items"][0], all["items"][2]);
    let (_, _, capped) = json("/api/documents?limit=5000");
    assert_eq!(capped["limit"], 100, "a limit above the cap is capped");
    let (_, _, again) = json("/api/documents");
    assert_eq!(all, again, "the same answer twice");
}

#[test]
fn a_document_comes_with_its_text_and_spans_into_it() {
    let id = doc_id("001");
    let (status, _, d) = json(&format!("/api/documents/{id}"));
    assert_eq!(status, 200);
    let text = d["text"].as_str().unwrap();
    let statements = d["statements"].as_array().unwrap();
    assert!(statements.len() > 10);
    for s in statements {
        let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&text[a..b], s["text"].as_str().unwrap());
        for q in s["quantities"].as_array().unwrap() {
            let (a, b) = (q["span"][0].as_u64().unwrap() as usize, q["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[a..b], q["text"].as_str().unwrap());
        }
    }
}

#[test]
fn bad_requests_are_problem_documents() {
    assert_problem("/api/documents/d-000000000000", 404);
    assert_problem("/api/threads/t-000000000000", 404);
    assert_problem("/api/no-such-endpoint", 404);
    assert_problem("/api/search", 400);
    assert_problem("/api/search?q=", 400);
    assert_problem("/api/search?q=%22unterminated", 400);
    assert_problem("/api/search?q=AND", 400);
    assert_problem("/api/search?q=%2Aw", 400);
    assert_problem("/api/search?q=foo%3Abar", 400);
    assert_problem("/api/search?q=trade&page=0", 400);
    assert_problem("/api/search?q=trade&page=abc", 400);
    assert_problem("/api/search?q=trade&kind=bogus", 400);
    assert_problem("/api/search?q=trade&since=yesterday", 400);
    assert_problem("/api/compare?a=only-one", 400);
    assert_problem("/api/compare?a=d-000000000000&b=d-111111111111", 404);
    assert_problem("/api/figures?conflicts=perhaps", 400);
    let r = client().delete(format!("{}/api/threads", server())).send().unwrap();
    assert_eq!(r.status().as_u16(), 405);
    let long = "x".repeat(readout_server::MAX_QUERY + 1);
    assert_problem(&format!("/api/search?q={long}"), 414);
}

#[test]
fn search_ranks_marks_and_counts() {
    let (status, _, r) = json("/api/search?q=OPIC");
    assert_eq!(status, 200);
    let hits = r["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits[0]["parts"].as_array().unwrap().iter().any(|p| p["matched"] == true && p["text"] == "OPIC"));
    let (_, _, r) = json("/api/search?q=energy&kind=commitment&limit=3&facets=true");
    assert!(r["hits"].as_array().unwrap().len() <= 3);
    assert!(r["hits"].as_array().unwrap().iter().all(|h| h["kind"] == "commitment"));
    let kinds = r["facets"]["kind"].as_array().unwrap();
    assert_eq!(kinds.len(), 1, "facets count within the filters");
    assert_eq!(kinds[0]["count"], r["total"]);
    let (_, _, plain) = json("/api/search?q=energy&kind=commitment&limit=3");
    assert_eq!(plain["total"], r["total"], "the same count without facets");
    assert_eq!(plain["total_relation"], "eq", "under a thousand hits, counted exactly");
    assert_eq!(r["total_relation"], "eq");
    assert!(plain.get("facets").is_none());
    let (_, _, phrase) = json("/api/search?q=%22energy%20partnership%22");
    assert!(phrase["total"].as_i64().unwrap() >= 1);
}

#[test]
fn threads_figures_and_a_comparison() {
    let (_, _, page) = json("/api/threads?limit=100");
    let threads = page["items"].as_array().unwrap();
    let opic =
        threads.iter().find(|t| t["title"].as_str().unwrap().contains("OPIC")).expect("an OPIC thread");
    let (status, _, t) = json(&format!("/api/threads/{}", opic["id"].as_str().unwrap()));
    assert_eq!(status, 200);
    let dates: Vec<&str> =
        t["members"].as_array().unwrap().iter().filter_map(|m| m["date"].as_str()).collect();
    assert!(dates.contains(&"2017-11-06") && dates.contains(&"2018"), "{dates:?}");
    let (_, _, figures) = json("/api/figures?conflicts=true");
    assert!(figures["items"].as_array().unwrap().iter().all(|g| g["conflict"] == true));
    assert!(figures["total"].as_i64().unwrap() >= 2);
    let (status, _, c) = json(&format!("/api/compare?a={}&b={}", doc_id("000"), doc_id("003")));
    assert_eq!(status, 200);
    assert!(!c["aligned"].as_array().unwrap().is_empty());
    assert!(!c["only_a"].as_array().unwrap().is_empty());
    assert!(c["figures"].as_array().unwrap().iter().any(|f| f["conflict"] == true));
}

#[test]
fn the_openapi_document_names_every_endpoint() {
    let (status, _, spec) = json("/api/openapi.json");
    assert_eq!(status, 200);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/search",
        "/api/documents",
        "/api/documents/{id}",
        "/api/threads",
        "/api/threads/{id}",
        "/api/figures",
        "/api/compare",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} missing");
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    for path in ["/", "/search?q=trade", "/api/threads", "/assets/app.css", "/nowhere", "/api/documents/nope"]
    {
        let r = get(path);
        let csp = r.headers().get("content-security-policy").unwrap().to_str().unwrap().to_string();
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(r.headers().get("x-content-type-options").unwrap(), "nosniff", "{path}");
    }
}

#[test]
fn no_path_reaches_outside_the_assets() {
    for path in [
        "/assets/../../etc/passwd",
        "/assets/..%2f..%2fetc%2fpasswd",
        "/assets/%2e%2e/%2e%2e/etc/passwd",
        "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/assets/..%5c..%5cetc%5cpasswd",
        "/assets/%252e%252e%252fetc%252fpasswd",
        "/assets/app.css%00.png",
        "/../Cargo.toml",
    ] {
        // Sent as written: the client must not normalise the dots away.
        let url = format!("{}{path}", server());
        let mut stream =
            std::net::TcpStream::connect(url.trim_start_matches("http://").split('/').next().unwrap())
                .unwrap();
        use std::io::{Read, Write};
        write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        let status: u16 = answer.split(' ').nth(1).unwrap().parse().unwrap();
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(!answer.contains("root:") && !answer.contains("[workspace]"), "{path}");
    }
    let r = get("/assets/app.js");
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers().get("content-type").unwrap().to_str().unwrap().starts_with("text/javascript"));
}

#[test]
fn hostile_text_is_inert_in_every_view_and_in_json() {
    let id = doc_id("hostile");
    let pages = [
        format!("/documents/{id}"),
        "/search?q=hostile".to_string(),
        format!("/compare?a={id}&b={}", doc_id("000")),
        "/".to_string(),
        "/documents".to_string(),
        "/figures".to_string(),
        "/threads".to_string(),
        "/search?q=script".to_string(),
    ];
    for path in &pages {
        let r = get(path);
        assert_eq!(r.status().as_u16(), 200, "{path}");
        let html = r.text().unwrap();
        assert!(!html.contains("<script>alert"), "{path}: a live script");
        assert!(!html.contains("<img src=x"), "{path}: a live image");
        assert!(!html.contains("href=\"javascript:"), "{path}: a live javascript: link");
        assert!(
            !html.to_lowercase().contains("onerror=alert") || html.contains("onerror=alert(1)&gt;"),
            "{path}"
        );
    }
    let html = get(&format!("/documents/{id}")).text().unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    let list = get("/documents").text().unwrap();
    assert!(
        list.contains("Hostile &lt;script&gt;alert(1)&lt;/script&gt; test document"),
        "a hostile title, as text"
    );
    for path in [format!("/api/documents/{id}"), "/api/search?q=hostile".to_string()] {
        let raw = get(&path).text().unwrap();
        assert!(!raw.contains('<'), "{path}: markup characters are escaped in JSON");
        let v: Value = serde_json::from_str(&raw).unwrap();
        assert!(v.to_string().contains("<script>alert(1)</script>"), "{path}: the text is intact");
    }
}

#[test]
fn pages_render_and_unknown_ones_are_404() {
    for path in
        ["/", "/documents", "/threads", "/figures", "/compare", "/search", "/search?q=energy&kind=commitment"]
    {
        let r = get(path);
        assert_eq!(r.status().as_u16(), 200, "{path}");
        assert!(r.headers().get("content-type").unwrap().to_str().unwrap().starts_with("text/html"));
    }
    assert_eq!(get("/documents/d-nothing").status().as_u16(), 404);
    assert_eq!(get("/threads/t-nothing").status().as_u16(), 404);
    assert_eq!(get("/search?q=%22open").status().as_u16(), 400);
    let html = get(&format!("/documents/{}", doc_id("001"))).text().unwrap();
    assert!(
        html.contains("data-value=\"more than money: 1,600,000,000 USD\"")
            || html.contains("1,600,000,000 USD")
    );
    assert!(html.contains("class=\"st commitment\""));
    assert!(html.contains("href=\"/threads/t-"), "statements link to their threads");
}

#[test]
fn uploads_need_the_switch_and_the_token() {
    let r =
        client().post(format!("{}/api/documents", server())).body("The leaders will meet.").send().unwrap();
    assert_eq!(r.status().as_u16(), 401, "no token");
    let r = client()
        .post(format!("{}/api/documents", server()))
        .bearer_auth(TOKEN)
        .body("The leaders will meet.")
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 403, "off by default");
    let db = build_ledger("upload");
    let url = start(&db, Some(Upload { token: TOKEN.into(), max_bytes: 4096 }));
    let post = |token: Option<&str>, body: Vec<u8>, name: &str| {
        let mut req = client().post(format!("{url}/api/documents?name={name}")).body(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        req.send().unwrap()
    };
    let text =
        b"On May 27, 2019, the two leaders agreed to launch a new lunar exploration partnership.".to_vec();
    assert_eq!(post(None, text.clone(), "moon.txt").status().as_u16(), 401);
    assert_eq!(post(Some("wrong-token-0123456789abcd"), text.clone(), "moon.txt").status().as_u16(), 401);
    assert_eq!(post(Some(TOKEN), vec![b'x'; 5000], "big.txt").status().as_u16(), 413);
    assert_eq!(post(Some(TOKEN), vec![0, 159, 146, 150, 0, 0, 1, 2], "bin.txt").status().as_u16(), 422);
    assert_eq!(post(Some(TOKEN), text.clone(), "..%2Fescape.txt").status().as_u16(), 400);
    let r = post(Some(TOKEN), text.clone(), "moon.txt");
    assert_eq!(r.status().as_u16(), 201);
    let v: Value = r.json().unwrap();
    assert_eq!(v["outcome"], "added");
    let again: Value = post(Some(TOKEN), text, "moon.txt").json().unwrap();
    assert_eq!(again["outcome"], "unchanged");
    let hits: Value = client().get(format!("{url}/api/search?q=lunar")).send().unwrap().json().unwrap();
    assert_eq!(hits["total"], 1, "searchable at once");

    // A PDF: its statements know their pages, and its page shows them.
    use readout_text::pdf::write::{write_pdf, PdfLayout};
    let pages =
        "Readout\n".to_string() + &"The two leaders agreed to expand cooperation on energy.\n".repeat(60);
    let pdf = write_pdf(&pages, &PdfLayout { font_size: 6.0, ..PdfLayout::default() });
    assert!(pdf.len() < 4096, "{} bytes", pdf.len());
    let r = post(Some(TOKEN), pdf, "energy.pdf");
    assert_eq!(r.status().as_u16(), 201);
    let id = r.json::<Value>().unwrap()["id"].as_str().unwrap().to_string();
    let doc: Value = client().get(format!("{url}/api/documents/{id}")).send().unwrap().json().unwrap();
    assert_eq!(doc["statements"][0]["page"], 1);
    let html = client().get(format!("{url}/documents/{id}")).send().unwrap().text().unwrap();
    assert!(html.contains("id=\"page1\"") && html.contains("id=\"page2\""), "{html}");
}

#[test]
fn long_lists_are_paged_in_pages_too() {
    let one = get("/documents?limit=2").text().unwrap();
    assert_eq!(one.matches("<td><a href=\"/documents/").count(), 2);
    assert!(
        one.contains("Page 1 of 3") && one.contains("href=\"/documents?page=2&amp;limit=2\" rel=\"next\"")
    );
    let last = get("/documents?limit=2&page=3").text().unwrap();
    assert_eq!(last.matches("<td><a href=\"/documents/").count(), 2);
    assert!(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""));
    assert_eq!(get("/threads?page=0").status().as_u16(), 400);
}
