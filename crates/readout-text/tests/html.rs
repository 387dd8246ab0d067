//! The web-page reader on arbitrary tag soup: it never panics, answers the
//! same twice, and never lets markup or script through as text.

mod common;
use common::pipeline;
use proptest::prelude::*;
use readout_text::html;

fn tag_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div class=\"content\">".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<nav><a href=\"/\">Home</a></nav>".to_string()),
        Just("<script>var x = '<p>not text</p>';</script>".to_string()),
        Just("<ul><li>".to_string()),
        Just("</li></ul>".to_string()),
        Just("<div class=\"share sidebar\">".to_string()),
        Just("<article>".to_string()),
        Just("<!-- a comment -->".to_string()),
        Just("&amp; &lt;b&gt; &#8217; ".to_string()),
        "[A-Za-z ,.’]{0,60}".prop_map(|s| s),
        "[^<&]{0,12}".prop_map(|s| s),
    ];
    prop::collection::vec(piece, 0..60)
        .prop_map(|v| format!("<!DOCTYPE html><html><body>{}</body></html>", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_page_reads_without_panic_and_the_same_twice(page in tag_soup()) {
        let a = html::read(&page);
        let b = html::read(&page);
        prop_assert_eq!(&a, &b);
        prop_assert!(!a.text.contains("not text"), "script text leaked: {}", a.text);
        prop_assert!(!a.text.contains("<p>") && !a.text.contains("</div>"), "markup leaked: {}", a.text);
    }
}

#[test]
fn deep_nesting_is_read_in_reasonable_time() {
    // 10,000 nested divs: weights come from one pass without recursion;
    // reading blocks descends at most a bounded depth.
    let page = format!(
        "<html><body>{}<p>The leaders agreed to meet again in the autumn to review progress on trade.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    // On a thread with the default stack, as rayon's workers have.
    let r = std::thread::spawn(move || html::read(&page)).join().expect("no stack overflow");
    assert!(r.text.contains("The leaders agreed"), "{}", r.text);
    let shallow = format!(
        "<html><body>{}<p>The leaders agreed to meet again in the autumn to review progress on trade.</p>{}</body></html>",
        "<div>".repeat(300),
        "</div>".repeat(300)
    );
    assert!(html::read(&shallow).text.contains("The leaders agreed"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Through every stage, from the page's bytes: spans cut the cleaned
    /// text at character boundaries, and the same bytes give the same output.
    #[test]
    fn pages_to_spans_are_exact_and_deterministic(page in tag_soup()) {
        let (Ok(a), Ok(b)) = (pipeline().prepare(page.as_bytes()), pipeline().prepare(page.as_bytes())) else {
            return Ok(());
        };
        let t = &a.cleaned.text;
        for block in &a.cleaned.blocks {
            prop_assert!(t.get(block.span.start..block.span.end).is_some());
        }
        for s in &a.sentences {
            prop_assert!(t.get(s.span.start..s.span.end).is_some_and(|x| !x.trim().is_empty()));
        }
        prop_assert_eq!(&a.cleaned.text, &b.cleaned.text);
        prop_assert_eq!(a.sentences.len(), b.sentences.len());
    }
}
