//! Web pages to text: the page's main content as blocks (headings,
//! paragraphs, list items), and what the page says of itself (title,
//! publication date, site name).
//!
//! The main content is found the way readability-style extractors do it:
//! what is certainly not content goes first (scripts, navigation, forms,
//! and elements whose class, id or role names a menu, a share bar, a cookie
//! banner, related links or comments); then, from the body down, the
//! reader follows the child that holds most of the paragraph text that is
//! not link text, and stops where the text spreads over several children.
//! Blocks with mostly link text are dropped on the way out.

use scraper::{ElementRef, Html, Node, Selector};

/// A page read as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlText {
    /// The main content: blocks separated by blank lines, list items
    /// starting with "• ".
    pub text: String,
    /// `og:title`, else `<title>`.
    pub title: Option<String>,
    /// The publication date the page declares (ISO day, as written).
    pub date: Option<String>,
    /// `og:site_name`.
    pub site: Option<String>,
}

/// Whether `text` is an HTML page rather than plain text.
pub fn is_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(1024).collect();
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || lower.starts_with("<?xml") && lower.contains("<html")
        || lower.starts_with("<!--") && (lower.contains("<html") || lower.contains("<!doctype html"))
        || lower.starts_with("<head")
        || lower.starts_with("<meta") && lower.contains("<body")
}

/// The character set a page declares in its first 1024 bytes
/// (`<meta charset>` or `http-equiv` Content-Type).
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = find(&lower, b"charset=")?;
    let rest = &lower[at + 8..];
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Elements that are never content.
const DROP_TAGS: [&str; 20] = [
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "form", "button", "select",
    "input", "textarea", "nav", "footer", "aside", "menu", "object", "embed", "dialog", "head",
];

/// Words in a class, id or role that mark boilerplate.
const BOILERPLATE: [&str; 37] = [
    "nav",
    "menu",
    "footer",
    "sidebar",
    "side-bar",
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "comment",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "ads",
    "sponsor",
    "breadcrumb",
    "pagination",
    "pager",
    "toolbar",
    "popup",
    "modal",
    "signup",
    "login",
    "skip",
    "banner",
    "masthead",
    "byline-share",
    "print",
    "tags",
    "outbrain",
    "taboola",
    "read-more",
];

/// Words in a class or id that mark the content.
const CONTENT_HINTS: [&str; 8] = ["article", "content", "entry", "post", "story", "body", "text", "main"];

/// How deep the reader descends into nested elements.
const MAX_DEPTH: usize = 400;

/// Block-level elements whose text is one block.
const BLOCK_TAGS: [&str; 14] =
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption", "td"];

fn attr_words(e: &ElementRef<'_>) -> String {
    let v = e.value();
    let mut s = String::new();
    for a in ["class", "id", "role", "itemprop"] {
        if let Some(x) = v.attr(a) {
            s.push(' ');
            s.push_str(&x.to_ascii_lowercase());
        }
    }
    s
}

/// Whether an element's class, id or role names boilerplate (and not the
/// content itself: "article-share" is boilerplate, "article-body" not).
fn is_boilerplate(e: &ElementRef<'_>, paras: &Paras) -> bool {
    let tag = e.value().name();
    if DROP_TAGS.contains(&tag) {
        return true;
    }
    if matches!(tag, "body" | "html" | "main" | "article") {
        return false;
    }
    let v = e.value();
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = v.attr("style") {
        let s = style.replace(' ', "").to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    let words = attr_words(e);
    if words.trim().is_empty() {
        return false;
    }
    // A class or id says "sidebar" or "share", but an element that holds
    // several real paragraphs is content all the same ("for_sidebar"
    // layouts, "widget-container" wrappers).
    if paras.get(&e.id()).copied().unwrap_or(0) >= 3 {
        return false;
    }
    if words.contains("navigation") || words.contains("contentinfo") || words.contains("complementary") {
        return true;
    }
    // Token by token: a token naming boilerplate ("article-share",
    // "sticky-sidebar") marks the element unless another token names the
    // content alone ("article-content", "the-content").
    let mut boiler = false;
    let mut content = false;
    for token in words.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        if token_is_boilerplate(token) {
            boiler = true;
        } else if CONTENT_HINTS.iter().any(|h| token.contains(h)) {
            content = true;
        }
    }
    boiler && !content
}

/// Whether one class or id token names boilerplate. The last part
/// decides where it names something ("sidebar-and-content-body" is
/// content, "article-share" is not); otherwise any part does.
fn token_is_boilerplate(token: &str) -> bool {
    let parts: Vec<&str> =
        token.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let boiler = |part: &str| BOILERPLATE.iter().any(|b| part == *b || (b.len() > 4 && part.starts_with(b)));
    match parts.last() {
        Some(last) if CONTENT_HINTS.iter().any(|h| last.contains(h)) => false,
        Some(last) if boiler(last) => true,
        _ => parts.iter().any(|p| boiler(p)),
    }
}

/// How many substantial paragraphs (`<p>` of 80 characters or more) each
/// element holds.
type Paras = rustc_hash::FxHashMap<ego_tree::NodeId, u32>;

fn count_paragraphs(root: ElementRef<'_>) -> Paras {
    let mut paras = Paras::default();
    for node in root.descendants() {
        let Some(e) = ElementRef::wrap(node) else { continue };
        if e.value().name() == "p" && e.text().map(|t| t.trim().chars().count()).sum::<usize>() >= 80 {
            let mut up = Some(node);
            while let Some(n) = up {
                *paras.entry(n.id()).or_default() += 1;
                up = n.parent();
            }
        }
    }
    paras
}

/// Paragraph text and link text under an element, boilerplate skipped.
#[derive(Debug, Clone, Copy, Default)]
struct Weight {
    text: usize,
    link: usize,
    paragraphs: usize,
}

impl Weight {
    fn score(self) -> f64 {
        let density = if self.text == 0 { 1.0 } else { self.link as f64 / self.text as f64 };
        (self.text as f64) * (1.0 - density).max(0.0) + 30.0 * self.paragraphs as f64
    }
}

/// The weight of every element under `root` that is not boilerplate, in
/// one pass without recursion: text counts inside block elements, as link
/// text inside `<a>`, each as its ancestors place it.
fn weights(root: ElementRef<'_>, paras: &Paras) -> Weights {
    // Pre-order with the context each element inherits; then children are
    // added to their parents in reverse order.
    let mut order: Vec<(ego_tree::NodeId, Option<ego_tree::NodeId>, Weight, bool)> = Vec::new();
    let mut stack = vec![(root, None, false, false)];
    while let Some((e, parent, in_link, in_block)) = stack.pop() {
        let tag = e.value().name();
        let link = in_link || tag == "a";
        let block = in_block || matches!(tag, "p" | "li" | "blockquote" | "pre" | "dd" | "td" | "h2" | "h3");
        let mut own = Weight::default();
        for child in e.children() {
            match child.value() {
                Node::Text(t) if block => {
                    let n = t.trim().chars().count();
                    own.text += n;
                    if link {
                        own.link += n;
                    }
                }
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        if !is_boilerplate(&c, paras) {
                            stack.push((c, Some(e.id()), link, block));
                        }
                    }
                }
                _ => {}
            }
        }
        order.push((e.id(), parent, own, tag == "p"));
    }
    let mut out = Weights::default();
    for &(id, _, own, _) in &order {
        out.insert(id, own);
    }
    for &(id, parent, _, is_p) in order.iter().rev() {
        let mut w = out.get(&id).copied().unwrap_or_default();
        if is_p && w.text >= 40 {
            w.paragraphs += 1;
            out.insert(id, w);
        }
        if let Some(p) = parent {
            if let Some(pw) = out.get_mut(&p) {
                pw.text += w.text;
                pw.link += w.link;
                pw.paragraphs += w.paragraphs;
            }
        }
    }
    out
}

/// Weights by element.
type Weights = rustc_hash::FxHashMap<ego_tree::NodeId, Weight>;

fn weight_of(e: &ElementRef<'_>, weights: &Weights) -> Weight {
    weights.get(&e.id()).copied().unwrap_or_default()
}

/// From `root` down: the child holding most of the content, while one does.
fn main_content<'a>(root: ElementRef<'a>, paras: &Paras, weights: &Weights) -> ElementRef<'a> {
    // A marked article body wins when it holds real text.
    let marked = Selector::parse(
        "[itemprop=articleBody], article, main, [role=main], #content, #main-content, .article-body, .entry-content, .post-content, .story-body",
    )
    .ok();
    let total = weight_of(&root, weights).score();
    let mut best: Option<(ElementRef<'_>, f64)> = None;
    if let Some(sel) = &marked {
        for e in root.select(sel) {
            if is_boilerplate(&e, paras) {
                continue;
            }
            let s = weight_of(&e, weights).score();
            if s >= 0.5 * total && best.is_none_or(|(_, b)| s > b) {
                best = Some((e, s));
            }
        }
    }
    let mut node = best.map_or(root, |(e, _)| e);
    loop {
        let here = weight_of(&node, weights).score();
        if here <= 0.0 {
            return node;
        }
        let mut top: Option<(ElementRef<'_>, f64)> = None;
        for child in node.children().filter_map(ElementRef::wrap) {
            // Containers only: a paragraph is read as a whole, not entered.
            if is_boilerplate(&child, paras) || BLOCK_TAGS.contains(&child.value().name()) {
                continue;
            }
            let s = weight_of(&child, weights).score();
            if top.is_none_or(|(_, t)| s > t) {
                top = Some((child, s));
            }
        }
        match top {
            // Descend while one child holds nearly all; a content hint in
            // its class or id lowers the bar a little.
            Some((c, s)) => {
                let hinted = {
                    let w = attr_words(&c);
                    CONTENT_HINTS.iter().any(|h| w.contains(h))
                };
                let bar = if hinted { 0.75 } else { 0.85 };
                if s >= bar * here {
                    node = c;
                } else {
                    return node;
                }
            }
            None => return node,
        }
    }
}

/// Writes the blocks under `e` into `out`.
fn blocks(e: ElementRef<'_>, out: &mut Vec<String>, paras: &Paras, weights: &Weights, depth: usize) {
    // Deeper than any real page: what is below is not read (and the
    // stack stays bounded whatever the input).
    if depth > MAX_DEPTH {
        return;
    }
    for child in e.children() {
        let Some(c) = ElementRef::wrap(child) else {
            if let Node::Text(t) = child.value() {
                // Text directly in a container (a `div` used as a paragraph).
                let s = squash(t);
                if s.chars().count() >= 20 {
                    out.push(s);
                }
            }
            continue;
        };
        if is_boilerplate(&c, paras) {
            continue;
        }
        let tag = c.value().name();
        if BLOCK_TAGS.contains(&tag) && !has_block_child(c) {
            let text = inline_text(c, paras);
            let w = weight_of(&c, weights);
            let linky = w.text > 0 && w.link * 2 > w.text;
            if text.is_empty() || linky && !tag.starts_with('h') {
                continue;
            }
            if tag == "li" {
                out.push(format!("• {text}"));
            } else {
                out.push(text);
            }
        } else if tag == "br" || tag == "hr" || tag == "img" {
            continue;
        } else {
            blocks(c, out, paras, weights, depth + 1);
        }
    }
}

fn has_block_child(e: ElementRef<'_>) -> bool {
    e.children().filter_map(ElementRef::wrap).any(|c| {
        let t = c.value().name();
        BLOCK_TAGS.contains(&t) || matches!(t, "div" | "ul" | "ol" | "table" | "section" | "article")
    })
}

/// The text of an element with inline markup flattened and whitespace
/// folded.
fn inline_text(e: ElementRef<'_>, paras: &Paras) -> String {
    let mut s = String::new();
    collect(e, &mut s, paras, 0);
    squash(&s)
}

fn collect(e: ElementRef<'_>, s: &mut String, paras: &Paras, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(el) => {
                if el.name() == "br" {
                    s.push(' ');
                    continue;
                }
                if let Some(c) = ElementRef::wrap(child) {
                    if !is_boilerplate(&c, paras) {
                        collect(c, s, paras, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meta(doc: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel).find_map(|e| e.value().attr("content").map(squash)).filter(|s| !s.is_empty())
}

/// An ISO day at the start of `s` ("2019-05-27T09:00:00Z" → "2019-05-27").
fn iso_day(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    ok.then(|| d.to_string())
}

fn declared_date(doc: &Html) -> Option<String> {
    for sel in [
        "meta[property='article:published_time']",
        "meta[name='article:published_time']",
        "meta[itemprop=datePublished]",
        "meta[name=date]",
        "meta[name='dc.date']",
        "meta[name='DC.date.issued']",
        "meta[name=pubdate]",
        "meta[property='og:published_time']",
    ] {
        if let Some(d) = meta(doc, sel).as_deref().and_then(iso_day) {
            return Some(d);
        }
    }
    if let Ok(sel) = Selector::parse("script[type='application/ld+json']") {
        for e in doc.select(&sel) {
            let json: String = e.text().collect();
            if let Some(at) = json.find("\"datePublished\"") {
                let rest = &json[at + 15..];
                if let Some(q) = rest.find('"') {
                    if let Some(d) = iso_day(&rest[q + 1..]) {
                        return Some(d);
                    }
                }
            }
        }
    }
    let sel = Selector::parse("time[datetime]").ok()?;
    doc.select(&sel).find_map(|e| e.value().attr("datetime").and_then(iso_day))
}

/// Elements nested deeper than this are flattened before parsing.
const MAX_NESTING: usize = 1000;

/// Elements that take no end tag, or whose end tag may be left out: they
/// do not count towards nesting.
const UNCOUNTED: [&str; 24] = [
    "br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr",
    "param", "p", "li", "dt", "dd", "tr", "td", "th", "option", "tbody", "thead",
];

/// The page with start and end tags past [`MAX_NESTING`] levels removed:
/// the HTML tree builder looks through the stack of open elements at each
/// start tag, so 100,000 nested `<div>`s would cost it 10¹⁰ steps. Real
/// pages nest a few dozen levels and pass unchanged.
fn flatten_deep(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    // (start, end, is_end_tag, counted) of every tag, in order.
    let mut tags: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut i = 0;
    let mut depth = 0usize;
    let mut deepest = 0usize;
    while let Some(k) = memchr_lt(&bytes[i..]) {
        let at = i + k;
        let rest = &bytes[at + 1..];
        let Some(close) = rest.iter().position(|&b| b == b'>') else { break };
        let end = at + 1 + close + 1;
        let inner = &html[at + 1..end - 1];
        if inner.starts_with('!') || inner.starts_with('?') {
            i = end;
            continue;
        }
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            i = at + 1;
            continue;
        }
        let counted = !UNCOUNTED.contains(&name.as_str()) && !inner.ends_with('/');
        if counted {
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
        }
        tags.push((at, end, closing, counted));
        i = end;
        // Script and style bodies are text: skip to their end tag.
        if !closing && (name == "script" || name == "style") {
            match end_tag(bytes, i, name.as_bytes()) {
                Some(k) => i = k,
                None => break,
            }
        }
    }
    if deepest <= MAX_NESTING {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    let mut depth = 0usize;
    let mut dropped = 0usize;
    for (start, end, closing, counted) in tags {
        if !counted {
            continue;
        }
        let keep = if closing {
            if dropped > 0 {
                dropped -= 1;
                false
            } else {
                depth = depth.saturating_sub(1);
                true
            }
        } else if depth >= MAX_NESTING {
            dropped += 1;
            false
        } else {
            depth += 1;
            true
        };
        if !keep {
            out.push_str(&html[from..start]);
            from = end;
        }
    }
    out.push_str(&html[from..]);
    std::borrow::Cow::Owned(out)
}

/// Where `</name` starts at or after `from`, any case.
fn end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(k) = bytes.get(i..)?.windows(2).position(|w| w == b"</") {
        let at = i + k;
        let tag = bytes.get(at + 2..at + 2 + name.len())?;
        if tag.eq_ignore_ascii_case(name) {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

/// A `<title>` without the site's name after it ("Joint Statement | The
/// White House"): the site's declared name, else a last segment of at most
/// four words after a bar or a dash.
fn without_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " – ", " — ", " - "] {
        let Some((head, tail)) = title.rsplit_once(sep) else { continue };
        let named = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()));
        let short = site.is_none() && sep == " | " && tail.split_whitespace().count() <= 4;
        if (named || short) && !head.trim().is_empty() {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// Reads a page: its main content as text, and its metadata.
pub fn read(html: &str) -> HtmlText {
    let html = flatten_deep(html);
    let doc = Html::parse_document(&html);
    let site = meta(&doc, "meta[property='og:site_name']");
    let title = meta(&doc, "meta[property='og:title']").or_else(|| {
        let sel = Selector::parse("title").ok()?;
        let title = squash(&doc.select(&sel).next()?.text().collect::<String>());
        Some(without_site_suffix(&title, site.as_deref())).filter(|s| !s.is_empty())
    });
    let date = declared_date(&doc);
    let body = Selector::parse("body")
        .ok()
        .and_then(|s| doc.select(&s).next())
        .unwrap_or_else(|| doc.root_element());
    let paras = count_paragraphs(body);
    let weights = weights(body, &paras);
    let root = main_content(body, &paras, &weights);
    let mut out = Vec::new();
    // The page's headline, when the content found starts below it.
    if let Ok(h1) = Selector::parse("h1") {
        if let Some(h) = body.select(&h1).next() {
            let inside = root.select(&h1).next().is_some();
            let text = inline_text(h, &paras);
            if !inside && !text.is_empty() {
                out.push(text);
            }
        }
    }
    // Siblings of the content that read as content too (a standfirst, a
    // second column of the text), in document order.
    let parent = root.parent().and_then(ElementRef::wrap).filter(|_| root != body);
    match parent {
        Some(parent) => {
            for sib in parent.children().filter_map(ElementRef::wrap) {
                if sib == root {
                    blocks(root, &mut out, &paras, &weights, 0);
                    continue;
                }
                if is_boilerplate(&sib, &paras) {
                    continue;
                }
                let block = BLOCK_TAGS.contains(&sib.value().name());
                let w = weight_of(&sib, &weights);
                if w.text < 150 || w.link * 4 >= w.text {
                    continue;
                }
                if block {
                    out.push(inline_text(sib, &paras));
                } else {
                    blocks(sib, &mut out, &paras, &weights, 0);
                }
            }
        }
        None => blocks(root, &mut out, &paras, &weights, 0),
    }
    HtmlText { text: out.join("\n\n"), title, date, site }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Leaders meet | Example News</title>
<meta property="og:title" content="Leaders meet in Tokyo">
<meta property="article:published_time" content="2019-05-27T09:00:00+09:00">
<meta property="og:site_name" content="Example News">
<script>var tracking = "do not keep";</script></head>
<body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>
<h1>Leaders meet in Tokyo</h1>
<p class="byline">By Jane Doe</p>
<p>The two leaders agreed on Monday to expand cooperation on energy and infrastructure in the Indo-Pacific region.</p>
<p>They will sign a memorandum on <a href="/lng">liquefied natural gas</a> trade in June, officials said.</p>
<ul><li>A new fund of $2 billion for regional projects.</li><li>Joint exercises in the autumn.</li></ul>
<div class="share-bar"><a href="#">Share on X</a><a href="#">Email</a></div>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></aside>
</main>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"##;

    #[test]
    fn the_article_is_kept_and_the_chrome_goes() {
        assert!(is_html(PAGE));
        let r = read(PAGE);
        assert!(r.text.contains("The two leaders agreed on Monday"), "{}", r.text);
        assert!(
            r.text.contains("They will sign a memorandum on liquefied natural gas trade in June"),
            "{}",
            r.text
        );
        assert!(r.text.contains("• A new fund of $2 billion"), "{}", r.text);
        assert!(r.text.starts_with("Leaders meet in Tokyo"), "{}", r.text);
        for gone in ["Home", "cookies", "Share on X", "Another story", "Copyright", "tracking"] {
            assert!(!r.text.contains(gone), "{gone} kept:\n{}", r.text);
        }
        assert_eq!(r.title.as_deref(), Some("Leaders meet in Tokyo"));
        // A <title> loses the site's name.
        let site = "<html><head><title>Joint Statement | The White House</title>\
                    <meta property=\"og:site_name\" content=\"The White House\"></head><body></body></html>";
        assert_eq!(read(site).title.as_deref(), Some("Joint Statement"));
        let bar =
            "<html><head><title>Japan-Philippines Summit Meeting | MOFA</title></head><body></body></html>";
        assert_eq!(read(bar).title.as_deref(), Some("Japan-Philippines Summit Meeting"));
        let dash =
            "<html><head><title>U.S.-Japan Relations - A Long History</title></head><body></body></html>";
        assert_eq!(read(dash).title.as_deref(), Some("U.S.-Japan Relations - A Long History"));
        assert_eq!(r.date.as_deref(), Some("2019-05-27"));
        assert_eq!(r.site.as_deref(), Some("Example News"));
    }

    #[test]
    fn only_pathological_nesting_is_flattened() {
        assert!(matches!(flatten_deep(PAGE), std::borrow::Cow::Borrowed(_)));
        let deep = format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(1500),
            "</div>".repeat(1500)
        );
        let flat = flatten_deep(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_NESTING - 2, "html and body count too");
        assert_eq!(flat.matches("</div>").count(), MAX_NESTING - 2);
        assert!(flat.contains("<p>Deep text.</p>"));
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(2000));
        assert!(matches!(flatten_deep(&script), std::borrow::Cow::Borrowed(_)), "script text is not markup");
    }

    #[test]
    fn plain_text_is_not_html() {
        assert!(!is_html("The leaders met.\n<b>bold</b> is not a page"));
        assert!(is_html("  <!doctype HTML><html><body><p>x</p></body></html>"));
    }

    #[test]
    fn a_declared_charset_is_read() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>";
        assert_eq!(declared_charset(page).map(|e| e.name()), Some("windows-1252"));
        assert_eq!(declared_charset(b"<meta charset='Shift_JIS'>").map(|e| e.name()), Some("Shift_JIS"));
        assert_eq!(declared_charset(b"plain text"), None);
    }

    #[test]
    fn markup_in_attributes_and_scripts_never_reaches_the_text() {
        let r = read("<html><body><p title=\"<script>\">Safe <script>alert(1)</script>text that is long enough to keep.</p></body></html>");
        assert!(!r.text.contains("alert"), "{}", r.text);
        assert!(r.text.contains("Safe text that is long enough"), "{}", r.text);
    }
}
