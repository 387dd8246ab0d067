//! A search's filters (actor, domain, kind, date window, and the words of a
//! NOT) applied to the matches of its words one by one.
//!
//! Joined to the words as clauses of a boolean query, the filters make
//! tantivy score every match to find the best: block-max WAND, which skips
//! the blocks of postings that cannot reach the page, works only on words
//! alone. [`Filtered`] lets the words' own query find its best hits, and
//! drops a candidate that fails a filter before it can enter the page, as
//! tantivy itself drops deleted documents. The pruning stays exact: the
//! bar a block must clear is the score of the page's last hit that passed.
//! The values are read from the index's columns; the excluded words from
//! their postings, which the candidates, coming in the index's order, walk
//! forward.
//!
//! A rare filter value makes this slow (few candidates pass, the bar stays
//! low): the search index then joins the filters as clauses, which walk the
//! filter's short postings instead ([`SearchIndex`](crate::search_index)).

use std::sync::Arc;
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// What a statement must be to be found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filters {
    /// (column, value): the statement holds the value (an actor, a domain,
    /// its kind).
    pub(crate) values: Vec<(&'static str, String)>,
    /// Its document's last possible day is on or after this (YYYYMMDD).
    pub(crate) since: Option<u64>,
    /// Its document's first possible day is on or before this.
    pub(crate) until: Option<u64>,
}

impl Filters {
    /// Whether there is anything to filter by.
    pub(crate) fn is_empty(&self) -> bool {
        self.values.is_empty() && self.since.is_none() && self.until.is_none()
    }
}

/// The matches of `inner` that pass `filters`, scored as `inner` scores
/// them.
#[derive(Debug)]
pub(crate) struct Filtered {
    inner: Box<dyn Query>,
    filters: Arc<Filters>,
    /// What a match must not match (the right side of a NOT).
    excluded: Option<Box<dyn Query>>,
}

impl Clone for Filtered {
    fn clone(&self) -> Filtered {
        Filtered {
            inner: self.inner.box_clone(),
            filters: self.filters.clone(),
            excluded: self.excluded.as_ref().map(|q| q.box_clone()),
        }
    }
}

impl Filtered {
    pub(crate) fn new(inner: Box<dyn Query>, filters: Filters, excluded: Option<Box<dyn Query>>) -> Filtered {
        Filtered { inner, filters: Arc::new(filters), excluded }
    }
}

impl Query for Filtered {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let excluded = match &self.excluded {
            Some(q) => {
                let unscored = match scoring {
                    EnableScoring::Enabled { searcher, .. } => {
                        EnableScoring::disabled_from_searcher(searcher)
                    }
                    disabled => disabled,
                };
                Some(q.weight(unscored)?)
            }
            None => None,
        };
        let filters = self.filters.clone();
        Ok(Box::new(FilteredWeight { inner: self.inner.weight(scoring)?, filters, excluded }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct FilteredWeight {
    inner: Box<dyn Weight>,
    filters: Arc<Filters>,
    excluded: Option<Box<dyn Weight>>,
}

impl FilteredWeight {
    fn test(&self, reader: &SegmentReader) -> tantivy::Result<Option<SegmentTest>> {
        let excluded = match &self.excluded {
            Some(weight) => Some(weight.scorer(reader, 1.0)?),
            None => None,
        };
        SegmentTest::new(&self.filters, excluded, reader)
    }
}

impl Weight for FilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.test(reader)? {
            Some(test) => Box::new(FilteredScorer::new(self.inner.scorer(reader, boost)?, test)),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if !self.test(reader)?.is_some_and(|mut test| test.passes(doc)) {
            return Err(TantivyError::InvalidArgument(format!("document {doc} does not pass the filters")));
        }
        self.inner.explain(reader, doc)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let Some(mut test) = self.test(reader)? else { return Ok(()) };
        let mut bar = threshold;
        self.inner.for_each_pruning(threshold, reader, &mut |doc, score| {
            if test.passes(doc) {
                bar = callback(doc, score);
            }
            bar
        })
    }
}

/// The filters, read for one segment.
struct SegmentTest {
    /// A column and the ordinal of the value a statement must hold.
    values: Vec<(StrColumn, u64)>,
    since: Option<(Column<u64>, u64)>,
    until: Option<(Column<u64>, u64)>,
    /// The matches of the excluded words, walked forward as the candidates
    /// come (in the index's order: every scorer yields its matches so).
    excluded: Option<Box<dyn Scorer>>,
}

impl SegmentTest {
    /// `None` when no statement of the segment can pass (a value it never
    /// holds).
    fn new(
        filters: &Filters,
        excluded: Option<Box<dyn Scorer>>,
        reader: &SegmentReader,
    ) -> tantivy::Result<Option<SegmentTest>> {
        let fast = reader.fast_fields();
        let mut values = Vec::with_capacity(filters.values.len());
        for (column, value) in &filters.values {
            let Some(column) = fast.str(column)? else { return Ok(None) };
            let Some(ord) = column.dictionary().term_ord(value)? else { return Ok(None) };
            values.push((column, ord));
        }
        let since = match filters.since {
            Some(day) => Some((fast.u64("date_hi")?, day)),
            None => None,
        };
        let until = match filters.until {
            Some(day) => Some((fast.u64("date_lo")?, day)),
            None => None,
        };
        Ok(Some(SegmentTest { values, since, until, excluded }))
    }

    /// Whether `doc` passes; `doc` is never before the last one asked
    /// about.
    fn passes(&mut self, doc: DocId) -> bool {
        self.values.iter().all(|(column, ord)| column.term_ords(doc).any(|o| o == *ord))
            && self.since.as_ref().is_none_or(|(column, day)| column.first(doc).is_some_and(|d| d >= *day))
            && self.until.as_ref().is_none_or(|(column, day)| column.first(doc).is_some_and(|d| d <= *day))
            && self.excluded.as_mut().is_none_or(|excluded| {
                let at = if excluded.doc() < doc { excluded.seek(doc) } else { excluded.doc() };
                at != doc
            })
    }
}

/// The matches of a scorer that pass a segment's filters.
struct FilteredScorer {
    inner: Box<dyn Scorer>,
    test: SegmentTest,
}

impl FilteredScorer {
    fn new(inner: Box<dyn Scorer>, test: SegmentTest) -> FilteredScorer {
        let mut scorer = FilteredScorer { inner, test };
        scorer.skip_failing();
        scorer
    }

    /// Moves on to the first match from here that passes.
    fn skip_failing(&mut self) -> DocId {
        let mut doc = self.inner.doc();
        while doc != TERMINATED && !self.test.passes(doc) {
            doc = self.inner.advance();
        }
        doc
    }
}

impl DocSet for FilteredScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance();
        self.skip_failing()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target);
        self.skip_failing()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for FilteredScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
