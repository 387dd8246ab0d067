//! FTS5's query language, read into a tree the search index can run.
//!
//! The ledger's query language stays FTS5's (`readout search`, the API):
//! words, "quoted phrases", `prefix*`, `AND`, `OR`, `NOT` and parentheses.
//! Phrases side by side are ANDed and bind tightest; then NOT, AND, OR. What this
//! reader does not take (column filters, `NEAR`, `^`, or any fault) it
//! declines, and the query goes to FTS5 itself, which runs it or says
//! what is wrong with it.

/// A query as a tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// Words in a row (one word is a phrase of one); `prefix`: the last
    /// word is a prefix.
    Phrase {
        /// The words as written.
        text: String,
        /// Ends with `*`.
        prefix: bool,
    },
    /// All of these.
    And(Vec<Node>),
    /// Any of these.
    Or(Vec<Node>),
    /// The first, without the second.
    Not(Box<Node>, Box<Node>),
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Phrase(String, bool),
    And,
    Or,
    Not,
    Open,
    Close,
}

/// A bareword character, as FTS5 counts them.
fn bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii()
}

fn tokens(q: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = q.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '(' || c == ')' {
            chars.next();
            out.push(if c == '(' { Token::Open } else { Token::Close });
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            loop {
                match chars.next() {
                    // A doubled quote is a quote.
                    Some((_, '"')) if chars.peek().is_some_and(|&(_, c)| c == '"') => {
                        chars.next();
                        text.push('"');
                    }
                    Some((_, '"')) => break,
                    Some((_, c)) => text.push(c),
                    None => return None,
                }
            }
            let prefix = chars.peek().is_some_and(|&(_, c)| c == '*');
            if prefix {
                chars.next();
            }
            out.push(Token::Phrase(text, prefix));
        } else if bare(c) {
            let mut end = i;
            while let Some(&(j, c)) = chars.peek() {
                if !bare(c) {
                    break;
                }
                end = j + c.len_utf8();
                chars.next();
            }
            let word = &q[i..end];
            let prefix = chars.peek().is_some_and(|&(_, c)| c == '*');
            if prefix {
                chars.next();
            }
            out.push(match (word, prefix) {
                ("AND", false) => Token::And,
                ("OR", false) => Token::Or,
                ("NOT", false) => Token::Not,
                // An operator is no word, even before `*`.
                ("AND" | "OR" | "NOT", true) => return None,
                // NEAR(…) and column filters are left to FTS5.
                ("NEAR", false) if chars.peek().is_some_and(|&(_, c)| c == '(') => return None,
                _ if chars.peek().is_some_and(|&(_, c)| c == ':') => return None,
                _ => Token::Phrase(word.to_string(), prefix),
            });
        } else {
            // `^`, `+`, `-`, `.`, `:`, `{`: FTS5's to run or refuse.
            return None;
        }
    }
    Some(out)
}

struct Parser {
    toks: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.toks.get(self.at)
    }

    fn or(&mut self) -> Option<Node> {
        self.joined(&Token::Or, Self::and, Node::Or)
    }

    fn and(&mut self) -> Option<Node> {
        self.joined(&Token::And, Self::not, Node::And)
    }

    /// Operands read by `operand`, joined by `op`: one stands alone, more
    /// make a `join` node.
    fn joined(
        &mut self,
        op: &Token,
        operand: fn(&mut Self) -> Option<Node>,
        join: fn(Vec<Node>) -> Node,
    ) -> Option<Node> {
        let mut parts = vec![operand(self)?];
        while self.peek() == Some(op) {
            self.at += 1;
            parts.push(operand(self)?);
        }
        Some(if parts.len() == 1 { parts.remove(0) } else { join(parts) })
    }

    fn not(&mut self) -> Option<Node> {
        let mut left = self.primary()?;
        while self.peek() == Some(&Token::Not) {
            self.at += 1;
            let right = self.primary()?;
            left = Node::Not(Box::new(left), Box::new(right));
        }
        Some(left)
    }

    /// Phrases side by side (ANDed, binding tightest, as in FTS5's
    /// grammar), or a bracketed query. A bracket next to a phrase without
    /// an operator is FTS5's syntax error: nothing here takes it, so the
    /// whole query is declined.
    fn primary(&mut self) -> Option<Node> {
        match self.toks.get(self.at)?.clone() {
            Token::Phrase(..) => {
                let mut phrases = Vec::new();
                while let Some(Token::Phrase(text, prefix)) = self.peek().cloned() {
                    self.at += 1;
                    phrases.push(Node::Phrase { text, prefix });
                }
                if self.peek() == Some(&Token::Open) {
                    return None;
                }
                Some(if phrases.len() == 1 { phrases.remove(0) } else { Node::And(phrases) })
            }
            Token::Open => {
                self.at += 1;
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return None;
                }
                self.at += 1;
                Some(inner)
            }
            _ => None,
        }
    }
}

/// The tree of an FTS5 query, or `None` for what this reader leaves to
/// FTS5 (including every malformed query).
pub fn parse(query: &str) -> Option<Node> {
    let mut p = Parser { toks: tokens(query)?, at: 0 };
    let node = p.or()?;
    (p.at == p.toks.len()).then_some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(text: &str, prefix: bool) -> Node {
        Node::Phrase { text: text.to_string(), prefix }
    }

    #[test]
    fn reads_what_fts5_reads() {
        let cases: Vec<(&str, Node)> = vec![
            ("energy", phrase("energy", false)),
            ("ener*", phrase("ener", true)),
            ("\"energy cooperation\"", phrase("energy cooperation", false)),
            ("\"say \"\"no\"\"\"", phrase("say \"no\"", false)),
            ("\"free tra\"*", phrase("free tra", true)),
            ("energy japan", Node::And(vec![phrase("energy", false), phrase("japan", false)])),
            ("energy AND japan", Node::And(vec![phrase("energy", false), phrase("japan", false)])),
            ("energy OR security", Node::Or(vec![phrase("energy", false), phrase("security", false)])),
            (
                "energy NOT china",
                Node::Not(Box::new(phrase("energy", false)), Box::new(phrase("china", false))),
            ),
            // Side by side binds tightest, then NOT, AND, OR.
            (
                "a OR b c NOT d",
                Node::Or(vec![
                    phrase("a", false),
                    Node::Not(
                        Box::new(Node::And(vec![phrase("b", false), phrase("c", false)])),
                        Box::new(phrase("d", false)),
                    ),
                ]),
            ),
            (
                "a NOT b c",
                Node::Not(
                    Box::new(phrase("a", false)),
                    Box::new(Node::And(vec![phrase("b", false), phrase("c", false)])),
                ),
            ),
            (
                "a AND b NOT c OR d",
                Node::Or(vec![
                    Node::And(vec![
                        phrase("a", false),
                        Node::Not(Box::new(phrase("b", false)), Box::new(phrase("c", false))),
                    ]),
                    phrase("d", false),
                ]),
            ),
            (
                "(a OR b) AND c",
                Node::And(vec![Node::Or(vec![phrase("a", false), phrase("b", false)]), phrase("c", false)]),
            ),
            ("énergie", phrase("énergie", false)),
        ];
        for (q, want) in cases {
            assert_eq!(parse(q), Some(want), "{q}");
        }
    }

    #[test]
    fn leaves_the_rest_to_fts5() {
        for q in [
            "",
            "   ",
            "AND energy",
            "energy OR",
            "NOT china",
            "(energy",
            "energy)",
            "\"unclosed",
            "U.S.",
            "text:energy",
            "NEAR(a b, 3)",
            "^energy",
            "a + b",
            "-china",
            "()",
            // FTS5 refuses a bracket beside a phrase.
            "(energy OR trade) japan",
            "japan (energy OR trade)",
        ] {
            assert_eq!(parse(q), None, "{q:?}");
        }
    }

    /// Queries of FTS5's pieces, in any order.
    fn queries() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "energy", "japan", "trade", "AND", "OR", "NOT", "NEAR", "(", ")", "\"", "*", " ", " ", ":", "-",
            "^", "é", "_", ",", "2017", "+", "{", "}",
        ]);
        (prop::collection::vec(piece, 0..10), any::<bool>()).prop_map(|(v, spaced)| {
            if spaced {
                v.join(" ")
            } else {
                v.concat()
            }
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// Whatever this reader takes, FTS5 takes too: a query it reads is
        /// never one FTS5 would call malformed (and it never panics).
        #[test]
        fn what_it_reads_fts5_reads(q in queries()) {
            let conn = rusqlite::Connection::open_in_memory().unwrap();
            conn.execute_batch(
                "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'porter unicode61');
                 INSERT INTO t VALUES ('energy trade with japan in 2017');",
            )
            .unwrap();
            if parse(&q).is_some() {
                let run = conn.query_row("SELECT count(*) FROM t WHERE t MATCH ?1", [&q], |r| r.get::<_, i64>(0));
                proptest::prop_assert!(run.is_ok(), "{q:?}: {run:?}");
            }
        }
    }
}
