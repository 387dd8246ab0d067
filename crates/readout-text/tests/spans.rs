//! Property tests: on any text, spans are exact and output is deterministic.

mod common;
use common::pipeline;
use proptest::prelude::*;

/// Text built from the pieces that make segmentation hard.
fn diplomatic_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S. ".to_string()),
        Just("S.-Japan ".to_string()),
        Just("Mr. Abe: ".to_string()),
        Just("Abe: ".to_string()),
        Just("$1.6 billion. ".to_string()),
        Just("“Quoted. Text.” ".to_string()),
        Just("\"epigraph\" – President Trump\n".to_string()),
        Just("\n• ".to_string()),
        Just("\n- ".to_string()),
        Just("\n1. ".to_string()),
        Just("\n\n".to_string()),
        Just("SHARED PROSPERITY: ".to_string()),
        Just("â€“ Ã© ".to_string()),
        Just("print PRINT\n".to_string()),
        Just("… ".to_string()),
        Just("\u{a0}\r\n".to_string()),
        "[A-Za-z]{1,12}[ .,!?]{0,2}",
        "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn spans_are_exact_and_output_deterministic(text in diplomatic_text()) {
        let a = pipeline().prepare_text(text.clone(), "UTF-8");
        let b = pipeline().prepare_text(text, "UTF-8");
        let t = &a.cleaned.text;
        for block in &a.cleaned.blocks {
            prop_assert!(t.get(block.span.start..block.span.end).is_some());
            prop_assert!(block.span.contains(block.body) || block.body.is_empty());
            for s in [block.lead_in, block.speaker, block.attribution].into_iter().flatten() {
                prop_assert!(t.get(s.start..s.end).is_some());
            }
        }
        for s in &a.sentences {
            let piece = t.get(s.span.start..s.span.end);
            prop_assert!(piece.is_some(), "span {:?} not on char boundaries", s.span);
            let piece = piece.unwrap();
            prop_assert_eq!(piece, piece.trim());
            prop_assert!(!piece.is_empty());
            prop_assert!(a.cleaned.blocks[s.block].body.contains(s.span));
        }
        prop_assert_eq!(&a.cleaned, &b.cleaned);
        prop_assert_eq!(&a.sentences, &b.sentences);
    }

    #[test]
    fn any_bytes_decode_or_are_refused(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(p) = pipeline().prepare(&bytes) {
            for s in &p.sentences {
                prop_assert!(p.cleaned.text.get(s.span.start..s.span.end).is_some());
            }
        }
    }
}
