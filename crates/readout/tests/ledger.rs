//! End-to-end tests of the ledger: ingest, versions, search, bad databases,
//! crash safety and concurrent writers.

mod common;

use common::{readout, temp_dir};
use std::path::Path;
use std::process::{Command, Stdio};

fn corpus() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus").display().to_string()
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

/// `n` documents, each a seed with its numbers changed, so that all differ.
fn make_corpus(dir: &Path, n: usize) {
    let seeds: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect();
    for i in 0..n {
        let text = seeds[i % seeds.len()].replace("2017", &format!("{}", 1990 + i % 30))
            + &format!("\nThe leaders met {i} times.\n");
        std::fs::write(dir.join(format!("doc{i:04}.txt")), text).unwrap();
    }
}

fn counts(db: &Path) -> readout_store::Counts {
    readout_store::Store::open(db).unwrap().counts().unwrap()
}

#[test]
fn ingest_versions_and_search() {
    let dir = temp_dir("ingest");
    let db = dir.join("ledger.db");
    let out = readout(&["ingest", "--db", &s(&db), &corpus()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("5 added"));
    let again = readout(&["ingest", "--db", &s(&db), &corpus()]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("5 unchanged"));
    assert_eq!(counts(&db).documents, 5);

    // A changed file at the same path is a new version; the old one is kept.
    let doc = dir.join("note.txt");
    std::fs::write(&doc, "The two leaders agreed to expand energy cooperation.").unwrap();
    readout(&["ingest", "--db", &s(&db), &s(&doc)]);
    std::fs::write(&doc, "The two leaders signed an energy agreement.").unwrap();
    let out = readout(&["ingest", "--db", &s(&db), &s(&doc)]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 new versions"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = counts(&db);
    assert_eq!((c.documents, c.superseded), (6, 1));

    // Search: stemming, filters, formats.
    let out = readout(&["search", "--db", &s(&db), "sign", "--format", "json"]);
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = hits.as_array().unwrap().iter().map(|h| h["snippet"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("[signed]")), "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("agreed to expand")),
        "superseded text is not searched: {texts:?}"
    );
    let out = readout(&[
        "search",
        "--db",
        &s(&db),
        "energy",
        "--actor",
        "JPN",
        "--kind",
        "action",
        "--since",
        "2018",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("statement,doc,path,date,kind,score,snippet"));
    assert!(csv.lines().skip(1).all(|l| l.contains(",action,")), "{csv}");
    // A malformed query gets a clear message, not an SQL error.
    let out = readout(&["search", "--db", &s(&db), "\"unbalanced"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("malformed search query"));
    let out = readout(&["search", "--db", &s(&db), "energy", "--since", "last year"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad date"));

    // Export streams every statement.
    let out = readout(&["export", "--db", &s(&db)]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).lines().count() > 100);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_databases_are_refused_and_left_alone() {
    let dir = temp_dir("bad");
    let not_db = dir.join("notes.db");
    std::fs::write(&not_db, "these are my notes, not a database").unwrap();
    let before = std::fs::read(&not_db).unwrap();
    let out = readout(&["ingest", "--db", &s(&not_db), &corpus()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a readout database"));
    assert_eq!(std::fs::read(&not_db).unwrap(), before);

    let newer = dir.join("newer.db");
    {
        let conn = rusqlite_like_newer(&newer);
        drop(conn);
    }
    let out = readout(&["search", "--db", &s(&newer), "energy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer than this readout"));

    let out = readout(&["threads", "--db", &s(&dir.join("missing.db"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no ledger here yet"));
    let empty = dir.join("empty.db");
    readout_store::Store::open(&empty).unwrap();
    let out = readout(&["threads", "--db", &s(&empty)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("the ledger is empty"));
    let out = readout(&["thread", "--db", &s(&empty), "t-000000000000"]);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A database whose schema version is from the future.
fn rusqlite_like_newer(path: &Path) -> readout_store::Store {
    let store = readout_store::Store::open(path).unwrap();
    store.set_user_version_for_tests(99).unwrap();
    store
}

/// FTS5 indexes exactly the ledger's statements, and says it does.
fn full_text_holds_every_statement(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    // With rank 1, FTS5 also checks its index against the statements.
    conn.execute("INSERT INTO statements_fts (statements_fts, rank) VALUES ('integrity-check', 1)", [])
        .unwrap();
    let (upto, last): (i64, i64) = conn
        .query_row(
            "SELECT CAST(value AS INTEGER), (SELECT max(rowid) FROM statements) FROM ledger WHERE key = 'full_text_upto'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(upto, last);
}

#[test]
fn a_store_that_defers_full_text_catches_up_in_one_step() {
    let dir = temp_dir("full-text");
    let db = dir.join("ledger.db");
    let extractor = readout_extract::Extractor::new(&readout_lexicon::Lexicon::builtin().unwrap());
    let doc = |text: &str, name: &str| {
        extractor.extract(text.as_bytes(), name, &readout_extract::DocHints::default()).unwrap()
    };
    let fts_hits = |query: &str| {
        let store = readout_store::Store::open(&db).unwrap().without_search_index();
        store.count(query, &readout_store::SearchFilter { limit: 10, ..Default::default() }).unwrap()
    };
    let mut store = readout_store::Store::open(&db).unwrap();
    store.defer_full_text();
    store.ingest(&doc("The two leaders signed an energy accord.", "a.txt"), "a.txt").unwrap();
    store.ingest(&doc("Japan will build a port in Kenya.", "b.txt"), "b.txt").unwrap();
    let behind: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("SELECT CAST(value AS INTEGER) FROM ledger WHERE key = 'full_text_upto'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(behind, 0, "nothing went into FTS5 with the documents");
    store.update_full_text().unwrap();
    full_text_holds_every_statement(&db);
    // A store that does not defer writes FTS5 with each document, and
    // takes along what a deferring one left behind.
    store.ingest(&doc("The leaders welcomed the port in Mombasa.", "c.txt"), "c.txt").unwrap();
    drop(store);
    let mut plain = readout_store::Store::open(&db).unwrap();
    plain.ingest(&doc("Canada pledged $5 million for the port.", "d.txt"), "d.txt").unwrap();
    full_text_holds_every_statement(&db);
    assert_eq!((fts_hits("port"), fts_hits("Mombasa"), fts_hits("energy")), (3, 1, 1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_ingest_loses_nothing_committed() {
    let dir = temp_dir("crash");
    let docs = dir.join("docs");
    std::fs::create_dir(&docs).unwrap();
    make_corpus(&docs, 300);
    let db = dir.join("ledger.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["ingest", "-j", "1", "--db", &s(&db), &s(&docs)])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some documents are committed, then kill without warning.
    for _ in 0..200 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if db.exists()
            && readout_store::Store::open(&db).is_ok_and(|st| st.counts().is_ok_and(|c| c.documents > 20))
        {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = counts(&db).documents;
    assert!(partial < 300, "the ingest finished before it was killed ({partial})");
    let st = readout_store::Store::open(&db).unwrap();
    assert_eq!(st.integrity_check().unwrap(), "ok");
    drop(st);
    // FTS5 follows the ingest a batch behind; the stopped ingest left it
    // short, and a search through it adds what it lacks first.
    let fts = Command::new(env!("CARGO_BIN_EXE_readout"))
        .args(["search", "--db", &s(&db), "met", "--limit", "1000", "--format", "json"])
        .env("READOUT_SEARCH_INDEX", "off")
        .output()
        .unwrap();
    assert!(fts.status.success(), "{}", String::from_utf8_lossy(&fts.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&fts.stdout).unwrap();
    let met =
        hits.as_array().unwrap().iter().filter(|h| h["snippet"].as_str().unwrap().contains("[met] ")).count();
    assert!(
        met as i64 >= partial,
        "every committed document's \"The leaders met\" is found: {met} < {partial}"
    );
    full_text_holds_every_statement(&db);
    let out = readout(&["ingest", "--db", &s(&db), &s(&docs)]);
    assert!(out.status.success());
    let c = counts(&db);
    assert_eq!((c.documents, c.superseded), (300, 0), "every document exactly once");
    assert_eq!(readout_store::Store::open(&db).unwrap().integrity_check().unwrap(), "ok");
    full_text_holds_every_statement(&db);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_writers_and_a_reader_at_once() {
    let dir = temp_dir("concurrent");
    let (a, b) = (dir.join("a"), dir.join("b"));
    std::fs::create_dir(&a).unwrap();
    std::fs::create_dir(&b).unwrap();
    make_corpus(&a, 60);
    // b holds other documents: shift the numbers.
    for i in 0..60 {
        let t = std::fs::read_to_string(a.join(format!("doc{i:04}.txt"))).unwrap();
        std::fs::write(b.join(format!("other{i:04}.txt")), format!("{t}\nA second account, number {i}.\n"))
            .unwrap();
    }
    let db = dir.join("ledger.db");
    readout_store::Store::open(&db).unwrap();
    let spawn = |d: &Path| {
        Command::new(env!("CARGO_BIN_EXE_readout"))
            .args(["ingest", "-j", "1", "--db", &s(&db), &s(d)])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (pa, pb) = (spawn(&a), spawn(&b));
    // A reader during the writes sees a consistent ledger.
    for _ in 0..10 {
        let out = readout(&["search", "--db", &s(&db), "leaders", "--limit", "5", "--format", "json"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::thread::sleep(std::time::Duration::from_millis(30));
    }
    let (oa, ob) = (pa.wait_with_output().unwrap(), pb.wait_with_output().unwrap());
    assert!(oa.status.success(), "{}", String::from_utf8_lossy(&oa.stderr));
    assert!(ob.status.success(), "{}", String::from_utf8_lossy(&ob.stderr));
    assert_eq!(counts(&db).documents, 120);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn threads_figures_and_a_timeline_from_the_ledger() {
    let dir = temp_dir("views");
    let db = dir.join("ledger.db");
    let manifest = Path::new(&corpus()).join("manifest.csv");
    readout(&["ingest", "--db", &s(&db), "--manifest", &s(&manifest), &corpus()]);
    let out = readout(&["threads", "--db", &s(&db), "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let threads: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = threads.as_array().unwrap();
    assert!(list.len() >= 10);
    for t in list {
        for key in ["id", "title", "status", "conflict", "members"] {
            assert!(t.get(key).is_some(), "thread lacks {key}");
        }
        let docs: std::collections::HashSet<&str> =
            t["members"].as_array().unwrap().iter().map(|m| m["doc"].as_str().unwrap()).collect();
        assert!(docs.len() >= 2, "a thread spans two documents");
    }
    let employment = list
        .iter()
        .find(|t| {
            t["members"].as_array().unwrap().iter().any(|m| m["text"].as_str().unwrap().contains("860,000"))
        })
        .expect("the employment thread");
    assert_eq!(employment["conflict"], true);
    // Every gold thread with a conflict is flagged: investment too.
    let investment = list
        .iter()
        .find(|t| {
            t["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["text"].as_str().unwrap().contains("$424 billion"))
        })
        .expect("the investment thread");
    assert_eq!(investment["conflict"], true, "$400 billion against $424 billion");
    assert!(investment["members"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["text"].as_str().unwrap().contains("$400 billion")));

    let id = employment["id"].as_str().unwrap();
    let out = readout(&["thread", "--db", &s(&db), id]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && text.contains("status: unknown") && text.contains("860,000"), "{text}");
    let out = readout(&["figures", "--db", &s(&db), "--conflicts", "--format", "json"]);
    let groups: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(groups.as_array().unwrap().iter().all(|g| g["conflict"] == true));
    let a = Path::new(&corpus()).join("000_253014d5e65da500.txt");
    let b = Path::new(&corpus()).join("003_89bd6e2a19a88483.txt");
    let out = readout(&["compare", "--format", "json", "--manifest", &s(&manifest), &s(&a), &s(&b)]);
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!c["aligned"].as_array().unwrap().is_empty());
    assert!(c["figures"].as_array().unwrap().iter().any(|f| f["conflict"] == true));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pdf_statements_keep_their_pages_in_the_ledger_and_old_ledgers_migrate() {
    use readout_text::pdf::write::{write_pdf, PdfLayout};
    let dir = temp_dir("pdf");
    let db = dir.join("ledger.db");
    // A ledger of schema version 1 (before pages) is migrated on open.
    drop(readout_store::Store::open(&db).unwrap());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "DROP TABLE ledger; DROP INDEX documents_live; ALTER TABLE statements DROP COLUMN page;
         CREATE INDEX statements_by_kind ON statements(kind);
         CREATE INDEX statement_actors_by_actor ON statement_actors(actor, statement);
         CREATE INDEX statement_domains_by_domain ON statement_domains(domain, statement);
         INSERT INTO statements_fts (statements_fts, rank) VALUES ('automerge', 4);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    drop(conn);
    let seed = std::fs::read_to_string(Path::new(&corpus()).join("002_b38c4054fa3aa486.txt")).unwrap();
    std::fs::write(dir.join("fact-sheet.pdf"), write_pdf(&seed, &PdfLayout::default())).unwrap();
    let out = readout(&["ingest", "--db", &s(&db), &s(&dir.join("fact-sheet.pdf"))]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let store = readout_store::Store::open(&db).unwrap();
    let id = store.list_documents(0, 10).unwrap().0.remove(0).id;
    let doc = store.document(&id).unwrap().unwrap();
    let pages: Vec<u32> = doc.statements.iter().map(|s| s.page.unwrap()).collect();
    assert_eq!(pages[0], 1);
    assert!(*pages.last().unwrap() >= 2, "{pages:?}");
    drop(store);
    // Every later migration ran too.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, readout_store::SCHEMA_VERSION);
    let live: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'documents_live'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(live, 1);
    let id: String = conn.query_row("SELECT value FROM ledger WHERE key = 'id'", [], |r| r.get(0)).unwrap();
    assert_eq!(id.len(), 32, "{id}");
    // Version 5: the indexes no query reads are gone; FTS5 merges sixteen
    // segments at a time.
    let unread: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index'
             AND name IN ('statements_by_kind', 'statement_actors_by_actor', 'statement_domains_by_domain')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(unread, 0);
    let automerge: i64 = conn
        .query_row("SELECT v FROM statements_fts_config WHERE k = 'automerge'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(automerge, 16);
    // Version 7: FTS5's mark, and FTS5 up to it.
    drop(conn);
    full_text_holds_every_statement(&db);
    let _ = std::fs::remove_dir_all(&dir);
}
