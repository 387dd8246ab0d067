//! The whole pipeline for one document: bytes in, [`Document`] out.

use crate::actors::{self, ActorContext, ActorRules};
use crate::aliases::{AliasHit, AliasIndex, AliasKind, GroupIndex};
use crate::dates::{self, Anchor, DateFinder};
use crate::domains::DomainScorer;
use crate::kinds::{KindClassifier, StatementContext};
use crate::meta::{self, DatedText, EventBounds, PublisherCues};
use crate::model::{DateMention, DateSource, Document, Kind, Publisher, Statement, SCHEMA};
use crate::model::{Quantity, QuantityKind};
use crate::quantities::QuantityFinder;
use crate::words;
use readout_lexicon::Lexicon;
use readout_text::{BlockKind, Cleaned, DecodeError, Format, Prepared, Span, TextPipeline};

/// The speaker of a paragraph that is one quotation, named after it
/// ("“We discussed Ukraine. … We need resolve,” Kishida said."): every
/// sentence of it is theirs.
fn quoted_paragraph_speaker(text: &str, span: Span, hits: &[AliasHit]) -> Option<&'static str> {
    let s = span.of(text);
    if !s.starts_with(['"', '“']) {
        return None;
    }
    let inside: Vec<AliasHit> = hits
        .iter()
        .filter(|h| h.start >= span.start && h.end <= span.end)
        .map(|h| AliasHit { start: h.start - span.start, end: h.end - span.start, ..*h })
        .collect();
    actors::quoted_speaker(s, &inside)
}

/// How a text's own words mark it (cue lists): a reporter's question in a
/// transcript (`question_openings`), a joint text's title
/// (`joint_title_marks` with `joint_title_kinds`), a text that speaks for
/// every party it names ("We, the Leaders of …", "WE THE HEADS OF STATE":
/// `all_parties_openings` then `all_parties`).
#[derive(Debug, Clone)]
struct TextMarks {
    question_openings: Vec<String>,
    /// Lower case.
    joint_marks: Vec<String>,
    /// Lower case.
    joint_kinds: Vec<String>,
    /// Each opening as written and in capitals, with the space after it.
    openings: Vec<String>,
    /// Lower case.
    all_parties: Vec<String>,
    /// Lower case.
    authored: Vec<String>,
    /// The first bytes of `openings`.
    first_bytes: Vec<u8>,
}

impl TextMarks {
    fn new(lexicon: &Lexicon) -> TextMarks {
        let list = |name: &str| lexicon.cues.lists.get(name).cloned().unwrap_or_default();
        let lower = |name: &str| list(name).iter().map(|w| w.to_lowercase()).collect();
        let openings: Vec<String> = list("all_parties_openings")
            .iter()
            .flat_map(|o| [format!("{o} "), format!("{} ", o.to_uppercase())])
            .collect();
        let mut first_bytes: Vec<u8> = openings.iter().filter_map(|o| o.bytes().next()).collect();
        first_bytes.sort_unstable();
        first_bytes.dedup();
        TextMarks {
            question_openings: list("question_openings"),
            joint_marks: lower("joint_title_marks"),
            joint_kinds: lower("joint_title_kinds"),
            openings,
            all_parties: lower("all_parties"),
            authored: lower("authored_title_openings"),
            first_bytes,
        }
    }

    /// A reporter's question ("Q: …", "QUESTION: …", "Q. …").
    fn is_question(&self, block: &str) -> bool {
        let b = block.trim_start();
        self.question_openings.iter().any(|q| b.starts_with(q.as_str()))
    }

    /// The country of the author a title names ("Statement from President
    /// Biden on …").
    fn author_of(&self, title: &str, aliases: &AliasIndex) -> Option<&'static str> {
        let t = title.trim_start();
        let opening = self.authored.iter().find(|o| {
            t.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o))
                && t[o.len()..].starts_with(|c: char| !c.is_alphanumeric())
        })?;
        let rest = &t[opening.len()..];
        aliases.find(rest).into_iter().find(|h| h.kind == AliasKind::Person)?.country
    }

    /// A joint text's title ("Joint Leaders' Statement").
    fn is_joint_title(&self, title: &str) -> bool {
        let t = title.to_lowercase();
        self.joint_marks.iter().any(|m| t.contains(m.as_str()))
            && self.joint_kinds.iter().any(|k| t.contains(k.as_str()))
    }

    /// Where the parties are named when `text` speaks for all the parties
    /// it names: the byte after its opening ("We, the Leaders"); `None`
    /// when it does not.
    fn speaks_for_all(&self, text: &str) -> Option<usize> {
        // One pass per first byte (one, "W"), not one search per opening:
        // this runs on every document.
        self.first_bytes.iter().find_map(|&b| {
            memchr::memchr_iter(b, text.as_bytes()).find_map(|at| {
                let rest = |opening: &String| text[at..].strip_prefix(opening.as_str());
                self.openings.iter().filter_map(rest).find_map(|rest| {
                    self.all_parties.iter().find_map(|who| {
                        let named = rest.get(..who.len()).is_some_and(|r| r.eq_ignore_ascii_case(who));
                        named.then(|| text.len() - rest.len() + who.len())
                    })
                })
            })
        })
    }
}

/// Where an opening that speaks for all parties names them: up to the end
/// of its sentence or line, at most a few hundred bytes ("of the Group of
/// Seven (G7), met in Hiroshima").
fn parties_named_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let mut end = rest.find(['.', '\n', ';', ':']).unwrap_or(rest.len()).min(200);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    &rest[..end]
}

/// A clause that opens a list ("We will:"): its block, and what its items
/// without a verb of their own take from it.
#[derive(Debug, Clone)]
struct ListLead {
    block: usize,
    kind: Kind,
    modality: Option<crate::model::Modality>,
    actors: Vec<actors::Country>,
}

/// What the user knows about a document that its text may not say (a row
/// of the manifest).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocHints {
    /// An ISO day, month or year.
    pub date: Option<String>,
    /// The publisher.
    pub publisher: Option<Publisher>,
    /// The title.
    pub title: Option<String>,
}

/// Every stage, compiled once from a lexicon and shared across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    text: TextPipeline,
    dates: DateFinder,
    publishers: PublisherCues,
    events: EventBounds,
    aliases: AliasIndex,
    groups: GroupIndex,
    meeting_cues: Vec<String>,
    metadata_labels: Vec<String>,
    marks: TextMarks,
    quantities: QuantityFinder,
    kinds: KindClassifier,
    actors: ActorRules,
    domains: DomainScorer,
}

impl Extractor {
    /// Compiles every stage's knowledge.
    pub fn new(lexicon: &Lexicon) -> Extractor {
        Extractor {
            text: TextPipeline::new(lexicon),
            dates: DateFinder::new(lexicon),
            publishers: PublisherCues::new(lexicon),
            events: EventBounds::new(lexicon),
            aliases: AliasIndex::new(lexicon),
            groups: GroupIndex::new(lexicon),
            meeting_cues: lexicon.dates.meeting_cues.clone(),
            marks: TextMarks::new(lexicon),
            metadata_labels: lexicon.boilerplate.metadata_labels.clone(),
            quantities: QuantityFinder::new(lexicon),
            kinds: KindClassifier::new(lexicon),
            actors: ActorRules::new(lexicon),
            domains: DomainScorer::new(lexicon),
        }
    }

    /// The country of each block's speaker: its label's ("Abe:"), its
    /// attribution's, or a quoted paragraph's. A transcript's label in
    /// capitals ("PRESIDENT BIDEN:") also holds for the paragraphs after
    /// it, until the next label, question or heading; a gist's "Abe:"
    /// does not, since its narrative paragraphs follow the labels.
    fn block_speakers(&self, cleaned: &Cleaned, all_hits: &[AliasHit]) -> Vec<Option<&'static str>> {
        let text = &cleaned.text;
        let mut carried: Option<&'static str> = None;
        cleaned
            .blocks
            .iter()
            .map(|block| {
                if let Some(label) = block.speaker.map(|l| l.of(text)) {
                    let who = self.aliases.country_of_label(label);
                    carried = if label.chars().any(char::is_lowercase) { None } else { who };
                    return who;
                }
                let own = block
                    .attribution
                    .and_then(|label| self.aliases.country_of_label(label.of(text)))
                    .or_else(|| quoted_paragraph_speaker(text, block.span, all_hits));
                let question = self.marks.is_question(block.span.of(text));
                if block.kind == BlockKind::Heading || block.lead_in.is_some() || question {
                    carried = None;
                }
                own.or(carried)
            })
            .collect()
    }

    /// Extracts one document from its bytes. `source` is how the caller
    /// names it (a path); `hints` is what the user knows about it.
    pub fn extract(&self, bytes: &[u8], source: &str, hints: &DocHints) -> Result<Document, DecodeError> {
        let prepared = self.text.prepare(bytes)?;
        Ok(self.extract_prepared(prepared, meta::document_id(bytes), source, hints))
    }

    /// Extraction after the text stages.
    pub fn extract_prepared(
        &self,
        prepared: Prepared,
        id: String,
        source: &str,
        hints: &DocHints,
    ) -> Document {
        let pages: Vec<Option<u32>> =
            prepared.sentences.iter().map(|s| prepared.page_of(s.span.start)).collect();
        let Prepared { encoding, raw, cleaned, sentences, meta: page, .. } = prepared;
        let text = &cleaned.text;

        // Date expressions of every sentence, and of headings for the
        // document's date.
        let mut dated: Vec<DatedText<'_>> = Vec::with_capacity(sentences.len());
        let mut sentence_dates = Vec::with_capacity(sentences.len());
        let mut sentence_words = Vec::with_capacity(sentences.len());
        let mut next = 0;
        for (bi, block) in cleaned.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading || block.lead_in.is_some() {
                let span = block.lead_in.unwrap_or(block.span);
                let s = span.of(text);
                dated.push(DatedText { text: s, block: bi, heading: true, found: self.dates.find(s) });
            }
            while next < sentences.len() && sentences[next].block == bi {
                let s = sentences[next].span.of(text);
                let words = words::words(s);
                let found = self.dates.find_in(s, &words);
                sentence_words.push(words);
                dated.push(DatedText { text: s, block: bi, heading: false, found: found.clone() });
                sentence_dates.push(found);
                next += 1;
            }
        }

        let declared = page
            .as_ref()
            .and_then(|p| Some((p.format, meta::parse_iso(p.date.as_deref()?)?)))
            .map(|(format, (day, precision))| (format, Anchor { day, precision }));
        let (anchor, date_source) = match (hints.date.as_deref().and_then(meta::parse_iso), declared) {
            (Some((day, precision)), _) => (Some(Anchor { day, precision }), Some(DateSource::Manifest)),
            // A web page declares when it was published.
            (None, Some((Format::Html, a))) => (Some(a), Some(DateSource::HtmlMeta)),
            // A PDF's creation date is when the file was made, which the
            // text's own dates outrank.
            (None, declared) => {
                let a = meta::infer_date(&dated, &self.events, text, &self.meeting_cues);
                match (a, declared) {
                    (Some(a), _) => (Some(a), Some(DateSource::Text)),
                    (None, Some((_, d))) => (Some(d), Some(DateSource::PdfMeta)),
                    (None, None) => (None, None),
                }
            }
        };
        // A web page's site name and title are cues too ("The White House").
        // A publisher the user names needs the text only to tell which
        // other government it is.
        let publication = match hints.publisher {
            Some(p) if p != Publisher::OtherGov => meta::Publication { publisher: p, country: p.country() },
            given => match &page {
                Some(p) => {
                    let head = [p.site.as_deref(), p.title.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("\n");
                    self.publishers.classify_as(&format!("{head}\n{raw}"), given)
                }
                None => self.publishers.classify_as(&raw, given),
            },
        };
        let publisher = publication.publisher;
        let title =
            hints.title.clone().or_else(|| page.as_ref().and_then(|p| p.title.clone())).or_else(|| {
                // A heading that is only a name, or that opens with a date
                // (a dateline: "March 21, 2023, 16:00, The Kremlin"), is no
                // title.
                // So is a date with a word or three before it ("Issued on
                // 10 September 2023", "Updated May 2, 2024").
                let not_a_title = |heading: &str| {
                    let dates = self.dates.find(heading);
                    let dateline = dates.first().is_some_and(|d| d.start == 0)
                        || dates.last().is_some_and(|d| {
                            heading[d.end..].trim_matches(|c: char| !c.is_alphanumeric()).is_empty()
                                && heading[..d.start].split_whitespace().count() <= 3
                        });
                    self.aliases.is_only_a_name(heading) || dateline
                };
                meta::title(&cleaned, not_a_title, &self.metadata_labels)
            });

        // Who the document is about, and who its bare titles stand for.
        let all_hits = self.aliases.find(text);
        let opening = self.marks.speaks_for_all(text);
        let joint = title.as_deref().is_some_and(|t| self.marks.is_joint_title(t)) || opening.is_some();
        // "We, the Leaders of the Group of Seven (G7), …": the group's
        // members are the parties, whoever else the text names.
        let group = opening.and_then(|at| self.groups.members_named_in(parties_named_after(text, at)));
        let principals = match group {
            Some(members) => actors::own_first(members.to_vec(), publication.country),
            None => actors::principals(&self.actors, text, &all_hits, publication.country),
        };
        let titles = actors::TitleIndex::new(&self.actors, text, &all_hits, publication.country);
        let voice = title.as_deref().and_then(|t| self.marks.author_of(t, &self.aliases));

        let mut statements = Vec::with_capacity(sentences.len());
        // A clause that opens a list ("We will:", "The leaders agreed to:")
        // and its block: the list's items under it that say no verb of
        // their own ("Implement sound fiscal policies.") are its.
        let mut lead: Option<ListLead> = None;
        let mut previous: Vec<actors::Country> = Vec::new();
        let mut previous_plural: Vec<actors::Country> = Vec::new();
        let mut hit_cursor = 0;
        let speakers = self.block_speakers(&cleaned, &all_hits);
        // Read only once a bare dollar needs it: most texts have none.
        let dollar = std::cell::OnceCell::new();
        for (i, ((sentence, found), words)) in
            sentences.iter().zip(sentence_dates).zip(sentence_words).enumerate()
        {
            let block = &cleaned.blocks[sentence.block];
            let span = sentence.span;
            let s = span.of(text);
            // This sentence's alias hits, relative to it.
            while hit_cursor < all_hits.len() && all_hits[hit_cursor].start < span.start {
                hit_cursor += 1;
            }
            let mut hits: Vec<AliasHit> = all_hits[hit_cursor..]
                .iter()
                .take_while(|h| h.end <= span.end)
                .map(|h| AliasHit { start: h.start - span.start, end: h.end - span.start, ..*h })
                .collect();
            let speaker = speakers[sentence.block];
            let dates: Vec<DateMention> = found
                .iter()
                .filter_map(|f| {
                    let value = dates::resolve(f.expr, f.tense, anchor)?;
                    let span = Span::new(f.start, f.end).shift(span.start);
                    Some(DateMention { text: span.of(text).to_string(), value, span })
                })
                .collect();
            let masked: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
            let quantities: Vec<Quantity> = self
                .quantities
                .find_in(s, &words, &masked)
                .into_iter()
                .map(|q| {
                    let qspan = Span::new(q.start, q.end).shift(span.start);
                    // "All amounts are in Australian dollars": so is "$5m".
                    // Without a note, a government's "$" is its own dollar.
                    let declared = || {
                        *dollar.get_or_init(|| {
                            self.quantities
                                .declared_dollar(text)
                                .or_else(|| self.quantities.publisher_dollar(publication.country))
                        })
                    };
                    let unit = match q.bare_dollar.then(declared).flatten() {
                        Some(d) => Some(d.to_string()),
                        None => q.unit,
                    };
                    Quantity {
                        kind: q.kind,
                        value: q.value,
                        unit,
                        qualifier: q.qualifier,
                        text: qspan.of(text).to_string(),
                        span: qspan,
                    }
                })
                .collect();
            // A currency's name is no party: "150 billion U.S. dollars".
            hits.retain(|h| {
                !quantities.iter().any(|q| {
                    q.kind == QuantityKind::Money
                        && q.span.start <= h.start + span.start
                        && h.end + span.start <= q.span.end
                })
            });
            let ctx = StatementContext {
                bullet: block.kind == BlockKind::Bullet,
                quote: block.kind == BlockKind::Quote,
                has_quantity: !quantities.is_empty(),
            };
            let mut class = self.kinds.classify(s, &words, ctx);
            // The lead holds over the list right after it, item by item.
            lead = lead.filter(|l| l.block == sentence.block || block.kind == BlockKind::Bullet);
            let item_of = lead.as_ref().filter(|l| l.block != sentence.block);
            if let Some(l) = item_of.filter(|_| class.verb.is_none() && class.kind != Kind::Other) {
                class.kind = l.kind;
                class.modality = l.modality;
            }
            let (mut actors, domains) = if class.kind == Kind::Other {
                (Vec::new(), Vec::new())
            } else {
                let actx = ActorContext {
                    speaker,
                    previous: &previous,
                    principals: &principals,
                    titles: &titles,
                    at: span.start,
                    previous_plural: &previous_plural,
                    publisher_country: publication.country.or(voice),
                    joint,
                };
                (self.actors.actors(s, &words, &class, &hits, &actx), self.domains.domains(&words, &hits))
            };
            if let Some(l) = item_of.filter(|_| actors.is_empty() && class.kind != Kind::Other) {
                actors = l.actors.clone();
            }
            if s.trim_end().ends_with(':')
                && matches!(class.kind, Kind::Commitment | Kind::Action | Kind::Position)
            {
                lead = Some(ListLead {
                    block: sentence.block,
                    kind: class.kind,
                    modality: class.modality,
                    actors: actors.clone(),
                });
            }
            if actors.len() >= 2 {
                previous_plural = actors.clone();
            }
            if !actors.is_empty() {
                previous = actors.clone();
            }
            statements.push(Statement {
                id: format!("{id}:{i}"),
                span,
                text: s.to_string(),
                speaker: speaker.map(str::to_string),
                kind: class.kind,
                modality: class.modality.filter(|_| class.kind != Kind::Other),
                actors: actors.iter().map(|c| c.to_string()).collect(),
                domains,
                quantities,
                dates,
                page: pages.get(i).copied().flatten(),
            });
        }

        Document {
            schema: SCHEMA,
            id,
            source: source.to_string(),
            title,
            date: anchor.map(|a| meta::format_date(a.day, a.precision)),
            date_precision: anchor.map(|a| a.precision),
            date_source,
            publisher,
            encoding,
            statements,
            text: cleaned.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TextMarks;

    #[test]
    fn questions_and_joint_titles_are_read_from_the_cue_lists() {
        let marks = TextMarks::new(&readout_lexicon::Lexicon::builtin().unwrap());
        for q in ["Q: Mr. President, on trade?", "  QUESTION: Thank you.", "Q. And Japan?", "Question: When?"]
        {
            assert!(marks.is_question(q), "{q}");
        }
        for not in ["Quad leaders met.", "Questions remain on trade.", "QUAD: the leaders met."] {
            assert!(!marks.is_question(not), "{not}");
        }
        assert!(marks.is_joint_title("Joint Leaders' Statement"));
        assert!(marks.is_joint_title("JAPAN-AUSTRALIA JOINT DECLARATION ON SECURITY COOPERATION"));
        assert!(!marks.is_joint_title("Joint press conference"));
        assert!(!marks.is_joint_title("Statement by the Press Secretary"));
        // A user's lexicon adds its own.
        let mut lexicon = readout_lexicon::Lexicon::builtin().unwrap();
        lexicon.cues.lists.get_mut("joint_title_kinds").unwrap().push("communiqué".into());
        assert!(TextMarks::new(&lexicon).is_joint_title("Joint Communiqué of the Summit"));
    }

    #[test]
    fn a_text_that_speaks_for_all_its_parties() {
        let all = TextMarks::new(&readout_lexicon::Lexicon::builtin().unwrap());
        let speaks_for_all = |text: &str| all.speaks_for_all(text).is_some();
        assert!(speaks_for_all("We, the Leaders of the Group of Seven (G7), are united"));
        assert!(speaks_for_all("Text.\nWe the leaders of Australia, India, Japan and the United States"));
        assert!(speaks_for_all("WE, THE HEADS OF STATE of the Quad"));
        assert!(!speaks_for_all("We, the undersigned, welcome"));
        assert!(!speaks_for_all("We will lead"));
        // The openings are data: a user's lexicon adds its own.
        let mut lexicon = readout_lexicon::Lexicon::builtin().unwrap();
        lexicon.cues.lists.insert("all_parties_openings".into(), vec!["Now we, the".into()]);
        let theirs = TextMarks::new(&lexicon);
        assert_eq!(theirs.speaks_for_all("Now we, the leaders of the Quad, declare"), Some(19));
        assert!(theirs.speaks_for_all("NOW WE, THE LEADERS of the Quad").is_some());
        assert!(theirs.speaks_for_all("We, the Leaders of the G7").is_none());
    }
}
