//! Human-readable tables of the ledger, for an 80-column terminal, with
//! colour only on a terminal (and never with `NO_COLOR` set).

use readout_link::{Comparison, FigureGroup, Status, Thread};
use std::io::{IsTerminal, Write};

/// Whether standard output gets colour.
pub fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Text styles.
#[derive(Clone, Copy)]
pub enum Style {
    /// Bold.
    Strong,
    /// Red: conflicts.
    Alarm,
    /// Green: done.
    Good,
    /// Yellow: in progress.
    Warm,
    /// Dim: secondary text.
    Dim,
}

/// `s` in `style` when `on`.
pub fn paint(s: &str, style: Style, on: bool) -> String {
    if !on {
        return s.to_string();
    }
    let code = match style {
        Style::Strong => "1",
        Style::Alarm => "1;31",
        Style::Good => "32",
        Style::Warm => "33",
        Style::Dim => "2",
    };
    format!("\x1b[{code}m{s}\x1b[0m")
}

/// Cuts to `n` characters with an ellipsis.
pub fn fit(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

fn short_doc(doc: &str) -> String {
    doc.split('_').next().unwrap_or(doc).chars().take(8).collect()
}

fn status_style(s: Status) -> Style {
    match s {
        Status::Done => Style::Good,
        Status::InProgress => Style::Warm,
        _ => Style::Dim,
    }
}

/// Threads with their status and evidence dates.
pub fn threads_table(out: &mut impl Write, threads: &[Thread], on: bool) -> std::io::Result<()> {
    if threads.is_empty() {
        return writeln!(out, "no threads: no statement is linked across two documents");
    }
    for t in threads {
        let status = format!("{:<11}", t.status.as_str());
        let conflict = if t.conflict { paint(" CONFLICT", Style::Alarm, on) } else { String::new() };
        writeln!(
            out,
            "{} {} {}{}",
            paint(&t.id, Style::Dim, on),
            paint(&status, status_style(t.status), on),
            paint(&fit(&t.title, 44), Style::Strong, on),
            conflict
        )?;
        for m in &t.members {
            writeln!(
                out,
                "  {:<10} {:<4} {:<10} {}",
                m.date.as_deref().unwrap_or("—"),
                short_doc(&m.doc),
                m.kind.as_str(),
                fit(&m.text, 51)
            )?;
        }
    }
    Ok(())
}

pub use readout_extract::grouped;

/// The figures ledger, conflicting groups first.
pub fn figures_table(out: &mut impl Write, groups: &[FigureGroup], on: bool) -> std::io::Result<()> {
    if groups.is_empty() {
        return writeln!(out, "no figures");
    }
    for g in groups {
        let flag = if g.conflict { paint(" CONFLICT", Style::Alarm, on) } else { String::new() };
        writeln!(out, "{}{}", paint(&fit(&g.measure, 68), Style::Strong, on), flag)?;
        for f in &g.figures {
            let q = f.qualifier.as_str();
            let value = match &f.unit {
                Some(u) => format!("{} {u}", grouped(f.value)),
                None => grouped(f.value),
            };
            writeln!(
                out,
                "  {:<10} {:<4} {:<9} {:<22} {}",
                f.date.as_deref().unwrap_or("—"),
                short_doc(&f.doc),
                fit(q, 9),
                fit(&value, 22),
                fit(&f.text, 26)
            )?;
        }
    }
    Ok(())
}

/// Two accounts side by side.
pub fn comparison_table(out: &mut impl Write, c: &Comparison, on: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "A: {} ({}, {})\nB: {} ({}, {})\n",
        c.a.doc,
        c.a.publisher,
        c.a.date.as_deref().unwrap_or("undated"),
        c.b.doc,
        c.b.publisher,
        c.b.date.as_deref().unwrap_or("undated")
    )?;
    writeln!(out, "{}", paint(&format!("Reported by both ({})", c.aligned.len()), Style::Strong, on))?;
    for a in &c.aligned {
        writeln!(out, "  {:.2} A {}", a.score, fit(&a.a_text, 70))?;
        writeln!(out, "       B {}", fit(&a.b_text, 70))?;
    }
    for (label, list) in [("Only in A", &c.only_a), ("Only in B", &c.only_b)] {
        writeln!(out, "\n{}", paint(&format!("{label} ({})", list.len()), Style::Strong, on))?;
        for s in list.iter() {
            writeln!(out, "  {:<10} {}", s.kind.as_str(), fit(&s.text, 66))?;
        }
    }
    writeln!(out, "\n{}", paint(&format!("Figures on both sides ({})", c.figures.len()), Style::Strong, on))?;
    for f in &c.figures {
        let flag = if f.conflict { paint("CONFLICT", Style::Alarm, on) } else { "same".to_string() };
        writeln!(
            out,
            "  {:<16} A {:<22} B {:<22} {}",
            fit(&f.measure, 16),
            fit(&f.a.text, 22),
            fit(&f.b.text, 22),
            flag
        )?;
    }
    Ok(())
}

/// One thread as a timeline, each change of status marked.
pub fn timeline(out: &mut impl Write, t: &Thread, on: bool) -> std::io::Result<()> {
    let flag = if t.conflict { paint("  CONFLICT", Style::Alarm, on) } else { String::new() };
    writeln!(out, "{} {}{}", paint(&t.id, Style::Dim, on), paint(&t.title, Style::Strong, on), flag)?;
    writeln!(out, "status: {}\n", paint(t.status.as_str(), status_style(t.status), on))?;
    let mut so_far: Vec<readout_link::Member> = Vec::new();
    let mut last: Option<Status> = None;
    for m in &t.members {
        so_far.push(m.clone());
        let now = readout_link::status(&so_far);
        let change = if last != Some(now) { format!("→ {}", now.as_str()) } else { String::new() };
        last = Some(now);
        writeln!(
            out,
            "{:<10} {:<8} {:<10} {}",
            m.date.as_deref().unwrap_or("—"),
            short_doc(&m.doc),
            m.kind.as_str(),
            paint(&change, status_style(now), on)
        )?;
        writeln!(out, "  {}", fit(&m.text, 76))?;
    }
    Ok(())
}

/// A comparison in brief: counts, a few of what each side alone reported,
/// and the figures that differ.
pub fn comparison_summary(out: &mut impl Write, c: &Comparison, on: bool) -> std::io::Result<()> {
    writeln!(
        out,
        "A {} ({})   B {} ({})",
        short_doc(&c.a.doc),
        c.a.publisher,
        short_doc(&c.b.doc),
        c.b.publisher
    )?;
    writeln!(
        out,
        "reported by both: {}   only by A: {}   only by B: {}",
        c.aligned.len(),
        c.only_a.len(),
        c.only_b.len()
    )?;
    for a in c.aligned.iter().take(3) {
        writeln!(out, "  both  A {}", fit(&a.a_text, 68))?;
        writeln!(out, "        B {}", fit(&a.b_text, 68))?;
    }
    for s in c
        .only_b
        .iter()
        .filter(|s| matches!(s.kind, readout_extract::Kind::Commitment | readout_extract::Kind::Action))
        .take(4)
    {
        writeln!(out, "  only B  {}", fit(&s.text, 68))?;
    }
    for f in c.figures.iter().filter(|f| f.conflict) {
        writeln!(
            out,
            "  {} {}: A {} / B {}",
            paint("differs", Style::Alarm, on),
            f.measure,
            fit(&f.a.text, 24),
            fit(&f.b.text, 24)
        )?;
    }
    Ok(())
}
