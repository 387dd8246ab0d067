//! The search index beside the ledger: it finds what FTS5 finds, follows
//! the ledger through new documents and versions, rebuilds itself when
//! lost or broken, and leaves what it does not read to FTS5.

mod common;

use common::{readout, temp_dir};
use readout_store::{SearchFilter, Store, Total};
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn ingest(db: &Path, paths: &[&Path]) {
    let mut args = vec!["ingest".to_string(), "--db".to_string(), db.display().to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = readout(&args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

fn index_dir(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}.search", db.display()))
}

fn all(f: SearchFilter) -> SearchFilter {
    SearchFilter { limit: 10_000, ..f }
}

fn ids(store: &Store, q: &str, f: &SearchFilter) -> Vec<String> {
    let mut ids: Vec<String> = store.search(q, f).unwrap().into_iter().map(|h| h.statement).collect();
    ids.sort();
    ids
}

#[test]
fn the_index_finds_what_fts5_finds() {
    let dir = temp_dir("same");
    let db = dir.join("ledger.db");
    ingest(&db, &[&corpus()]);
    assert!(index_dir(&db).join("meta.json").exists(), "ingest builds the index");
    let indexed = Store::open(&db).unwrap();
    let plain = Store::open(&db).unwrap().without_search_index();
    assert!(indexed.search_index_ready());
    assert!(!plain.search_index_ready());
    let filters = [
        all(SearchFilter::default()),
        all(SearchFilter { actor: Some("JPN".into()), ..Default::default() }),
        all(SearchFilter {
            domain: Some("energy".into()),
            kind: Some("commitment".into()),
            ..Default::default()
        }),
        all(SearchFilter { since: Some("2017-11-07".into()), ..Default::default() }),
        all(SearchFilter { since: Some("2018".into()), until: Some("2019-04".into()), ..Default::default() }),
    ];
    let queries = [
        "energy",
        "Japan",
        "\"free and open\"",
        "\"energy partnership\"",
        "\"Prime Minister\"",
        "invest*",
        "jobs*",
        "investments*",
        "\"trade defi\"*",
        "trade AND japan",
        "defense OR security",
        "energy NOT infrastructure",
        "(energy OR trade) AND japan",
        "japan NOT defense security",
        "trade japan OR energy",
        "nothingatall",
    ];
    let mut found = 0;
    for q in queries {
        for f in &filters {
            let (a, b) = (ids(&indexed, q, f), ids(&plain, q, f));
            assert_eq!(a, b, "{q:?} with {f:?}");
            assert_eq!(indexed.count(q, f).unwrap(), plain.count(q, f).unwrap(), "{q:?} with {f:?}");
            let facets = |s: &Store| serde_json::to_value(s.facets(q, f).unwrap()).unwrap();
            assert_eq!(facets(&indexed), facets(&plain), "{q:?} with {f:?}");
            // A page and the total in one call: the total is the count,
            // whether the page was found by pruning or by scoring every
            // match, and whatever the page.
            let n = plain.count(q, f).unwrap();
            for (limit, offset) in [(3, 0), (3, 2), (0, 0), (10_000, 0)] {
                let page = SearchFilter { limit, offset, ..f.clone() };
                for store in [&indexed, &plain] {
                    let (hits, total) = store.search_with_total(q, &page).unwrap();
                    assert_eq!(total, Total::exact(n as usize), "{q:?} with {page:?}");
                    assert_eq!(hits.len(), (n as usize).saturating_sub(offset).min(limit), "{q:?} {page:?}");
                }
            }
            found += a.len();
        }
    }
    assert!(found > 100, "the queries find things: {found}");
    // The best hit comes first in both, and words are marked.
    let f = SearchFilter { limit: 3, ..Default::default() };
    let (a, b) = (indexed.search("JUSEP", &f).unwrap(), plain.search("JUSEP", &f).unwrap());
    assert_eq!(a[0].statement, b[0].statement);
    assert!(a.iter().all(|h| h.snippet.contains("[JUSEP]")), "{a:?}");
    // Paging: the second page follows the first.
    let first = indexed.search("japan", &SearchFilter { limit: 5, ..Default::default() }).unwrap();
    let second =
        indexed.search("japan", &SearchFilter { limit: 5, offset: 5, ..Default::default() }).unwrap();
    let both = indexed.search("japan", &SearchFilter { limit: 10, ..Default::default() }).unwrap();
    let paged: Vec<_> = first.iter().chain(&second).map(|h| &h.statement).collect();
    assert_eq!(paged, both.iter().map(|h| &h.statement).collect::<Vec<_>>());
    // Pages past the end are empty, however far (the index's collector must
    // not be asked to hold them), and the last page is as FTS5's.
    for offset in [usize::MAX / 2, 1 << 31, 100_000] {
        let far = SearchFilter { limit: 20, offset, ..Default::default() };
        assert!(indexed.search("japan", &far).unwrap().is_empty(), "{offset}");
    }
    let n = indexed.count("japan", &SearchFilter::default()).unwrap() as usize;
    let last = SearchFilter { limit: 20, offset: n - 3, ..Default::default() };
    assert_eq!(indexed.search("japan", &last).unwrap().len(), 3);
    assert_eq!(plain.search("japan", &last).unwrap().len(), 3);
    let none = SearchFilter { limit: 0, ..Default::default() };
    assert!(indexed.search("japan", &none).unwrap().is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_index_follows_the_ledger_and_rebuilds_itself() {
    let dir = temp_dir("follow");
    let db = dir.join("ledger.db");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let note = docs.join("note.txt");
    std::fs::write(&note, "The two leaders agreed to build a zeppelin port in Osaka.\n").unwrap();
    ingest(&db, &[&note]);
    let store = Store::open(&db).unwrap();
    assert!(store.search_index_ready());
    let f = SearchFilter { limit: 10, ..Default::default() };
    let old = store.search("zeppelin", &f).unwrap();
    assert_eq!(old.len(), 1);

    // A new version, ingested by another process: the open store's index
    // catches up; the superseded statement is gone from it.
    std::fs::write(&note, "The two leaders agreed to build a zeppelin port in Kobe.\n").unwrap();
    ingest(&db, &[&note]);
    let new = store.search("zeppelin", &f).unwrap();
    assert_eq!(new.len(), 1);
    assert_ne!(new[0].statement, old[0].statement);
    assert!(new[0].snippet.contains("Kobe"), "{new:?}");
    assert!(store.search("Osaka", &f).unwrap().is_empty());

    // Lost: rebuilt on the next open.
    drop(store);
    std::fs::remove_dir_all(index_dir(&db)).unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(store.search("zeppelin", &f).unwrap().len(), 1);
    assert!(index_dir(&db).join("meta.json").exists());

    // Broken: rebuilt too.
    drop(store);
    std::fs::write(index_dir(&db).join("meta.json"), "not json").unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.search_index_ready());
    assert_eq!(store.search("Kobe", &f).unwrap().len(), 1);

    // Another ledger's index at this path is not read for this one.
    drop(store);
    let other = dir.join("other.db");
    ingest(&other, &[&corpus()]);
    std::fs::remove_dir_all(index_dir(&db)).unwrap();
    std::fs::rename(index_dir(&other), index_dir(&db)).unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store.search("JUSEP", &f).unwrap().is_empty());
    assert_eq!(store.search("zeppelin", &f).unwrap().len(), 1);

    // A ledger made anew at the same path, from the same first document and
    // as many rows: its own index, not the old one's.
    drop(store);
    let fresh = dir.join("fresh.db");
    let (a, b, c) = (docs.join("a.txt"), docs.join("b.txt"), docs.join("c.txt"));
    std::fs::write(&a, "The leaders met in Tokyo.\n").unwrap();
    std::fs::write(&b, "The leaders agreed on an airship port.\n").unwrap();
    std::fs::write(&c, "The leaders agreed on a hovercraft port.\n").unwrap();
    ingest(&fresh, &[&a, &b]);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
    }
    ingest(&fresh, &[&a, &c]);
    let store = Store::open(&fresh).unwrap();
    assert!(store.search("airship", &f).unwrap().is_empty());
    assert_eq!(store.search("hovercraft", &f).unwrap().len(), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn queries_the_index_does_not_read_go_to_fts5() {
    let dir = temp_dir("fts5");
    let db = dir.join("ledger.db");
    ingest(&db, &[&corpus()]);
    let store = Store::open(&db).unwrap();
    let f = SearchFilter { limit: 10, ..Default::default() };
    // NEAR and column filters: FTS5's own.
    assert!(!store.search("NEAR(energy partnership, 3)", &f).unwrap().is_empty());
    assert!(!store.search("text:JUSEP", &f).unwrap().is_empty());
    // Malformed: FTS5's message, as before.
    let err = store.search("U.S.", &f).unwrap_err().to_string();
    assert!(err.contains("malformed search query"), "{err}");
    let err = store.search("energy AND", &f).unwrap_err().to_string();
    assert!(err.contains("malformed search query"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_index_follows_a_long_ingest() {
    let dir = temp_dir("long-ingest");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    // More documents than the writer gets ahead of the index, twice over.
    let n = 2_100;
    for i in 0..n {
        let text = format!(
            "Joint Statement {i}\n\nOn March 3, 2018, Japan and the United States signed memorandum q{i}x on energy cooperation.\n"
        );
        std::fs::write(docs.join(format!("d{i:05}.txt")), text).unwrap();
    }
    let db = dir.join("ledger.db");
    ingest(&db, &[&docs]);
    // What the index took in while the writer went on and what it took in
    // at the end add up to the ledger, once each.
    let indexed = Store::open(&db).unwrap();
    let plain = Store::open(&db).unwrap().without_search_index();
    assert!(indexed.search_index_ready());
    let f = all(SearchFilter::default());
    assert_eq!(indexed.count("energy", &f).unwrap(), n);
    assert_eq!(indexed.count("energy", &f).unwrap(), plain.count("energy", &f).unwrap());
    for i in [0, 999, 1_000, n - 1] {
        assert_eq!(ids(&indexed, &format!("q{i}x"), &f).len(), 1, "q{i}x");
    }
    // Past a thousand matches, a page found by pruning is counted up to a
    // thousand; a word's count is exact (its document frequency), and so
    // is the count of a page that scored every match, and FTS5's.
    let page = SearchFilter { limit: 5, ..Default::default() };
    let jpn = SearchFilter { actor: Some("JPN".into()), ..page.clone() };
    let total = |store: &Store, q: &str, f: &SearchFilter| store.search_with_total(q, f).unwrap().1;
    assert_eq!(total(&indexed, "energy AND japan", &page), Total::at_least(1_000));
    assert_eq!(total(&indexed, "energy OR nothingatall", &page), Total::at_least(1_000));
    assert_eq!(total(&indexed, "energy", &jpn), Total::at_least(1_000));
    assert_eq!(total(&indexed, "energy NOT nothingatall", &page), Total::at_least(1_000));
    assert_eq!(total(&indexed, "energy", &page), Total::exact(n as usize));
    assert_eq!(total(&indexed, "\"energy cooperation\"", &page), Total::exact(n as usize));
    assert_eq!(total(&plain, "energy AND japan", &page), Total::exact(n as usize));
    assert_eq!(total(&indexed, "q7x OR q8x", &page), Total::exact(2));
    let _ = std::fs::remove_dir_all(&dir);
}
