//! Command-line interface definitions.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// readout — track what governments promise each other, from the documents.
///
/// readout reads joint statements, fact sheets and readouts as they are
/// found (noise, mojibake and all), splits them into statements and tells
/// what each one says: its kind (commitment, action, position, fact), who
/// acts, the domains, the money and jobs and dates it names.
///
/// Start with `readout demo`, which runs on the bundled corpus of five
/// Trump–Abe summit texts. Then `readout extract FILE_OR_FOLDER...` on your
/// own documents, or `readout ingest FILE_OR_FOLDER...` to build a ledger
/// you can `search`, follow in `threads` and `export`.
#[derive(Debug, Parser)]
#[command(name = "readout", version, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// What readout does.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract statements from documents and print them as JSON lines.
    ///
    /// Reads files and folders (recursively; hidden files are skipped),
    /// prints one JSON object per document to standard output, in the order
    /// the paths were given (folders sorted by name). Problems with a file
    /// go to standard error, one line each; the other files are still
    /// processed, and the exit code is 1 at the end.
    Extract(ExtractArgs),
    /// Run on the bundled demo corpus and print a readable summary.
    Demo(DemoArgs),
    /// Serve the ledger to a browser and over a JSON API (the reading
    /// room), on 127.0.0.1 unless told otherwise.
    Serve(ServeArgs),
    /// Score extraction against hand-made gold files (the metrics of
    /// shared/tools/score.py).
    Eval(EvalArgs),
    /// Store documents and everything extracted from them in the ledger
    /// (an SQLite database).
    Ingest(IngestArgs),
    /// Full-text search of the ledger's statements, with filters.
    Search(SearchArgs),
    /// Write the ledger's statements, threads or figures as JSON lines or
    /// CSV, for pandas, DuckDB and spreadsheets.
    Export(ExportArgs),
    /// Link statements across documents into threads (one per undertaking
    /// or figure), with a status over time and conflicting figures.
    Threads(ThreadsArgs),
    /// One thread as a timeline: date, document, kind, quote.
    Thread(ThreadArgs),
    /// Every figure, grouped by what it measures; conflicting groups first.
    Figures(FiguresArgs),
    /// Two accounts of one meeting side by side: what both reported, what
    /// each left out, and figures that differ.
    Compare(CompareArgs),
    /// Time the pipeline's stages on a large corpus made by repeating the
    /// bundled seeds.
    Bench(BenchArgs),
}

/// Table for people, JSON for programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableOrJson {
    /// A table for an 80-column terminal.
    Table,
    /// JSON (the contract of shared/spec/output.md).
    Json,
}

/// `readout ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Files or folders to store.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The ledger (default: $READOUT_DB, else the platform data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Output formats of `search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SearchFormat {
    /// Hits with their snippets.
    Table,
    /// A JSON array.
    Json,
    /// CSV with a header.
    Csv,
}

/// `readout search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// An FTS5 query: words (stemmed), "a phrase", prefix*, AND, OR, NOT.
    #[arg(value_name = "QUERY")]
    pub query: String,
    /// Only statements with this actor (ISO 3166-1 alpha-3, e.g. JPN).
    #[arg(long)]
    pub actor: Option<String>,
    /// Only statements in this domain (e.g. energy).
    #[arg(long)]
    pub domain: Option<String>,
    /// Only statements of this kind (commitment, action, position, fact).
    #[arg(long)]
    pub kind: Option<String>,
    /// Only documents dated on or after this day, month or year.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only documents dated on or before this day, month or year.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// At most this many hits (up to 1000).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = SearchFormat::Table)]
    pub format: SearchFormat,
    /// The ledger (default: $READOUT_DB, else the platform data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    /// Every statement of the current documents.
    Statements,
    /// Every thread.
    Threads,
    /// Every figure with its measure.
    Figures,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header.
    Csv,
}

/// `readout export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
    /// What to write.
    #[arg(long, value_enum, default_value_t = ExportWhat::Statements)]
    pub what: ExportWhat,
    /// The ledger (default: $READOUT_DB, else the platform data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// `readout thread`.
#[derive(Debug, Args)]
pub struct ThreadArgs {
    /// The thread's id (t-…), as `readout threads` shows it.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    /// The ledger (default: $READOUT_DB, else the platform data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// `readout threads`.
#[derive(Debug, Args)]
pub struct ThreadsArgs {
    /// Files or folders to read; without any, the ledger's documents.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The ledger, when no PATH is given.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `readout figures`.
#[derive(Debug, Args)]
pub struct FiguresArgs {
    /// Files or folders to read; without any, the ledger's documents.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The ledger, when no PATH is given.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Only groups whose sources disagree.
    #[arg(long)]
    pub conflicts: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `readout compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The first account: a file, or the id (d-…) of a document in the ledger.
    #[arg(value_name = "DOC_A")]
    pub a: PathBuf,
    /// The second account: a file or a document id.
    #[arg(value_name = "DOC_B")]
    pub b: PathBuf,
    /// The ledger, for document ids.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    pub format: TableOrJson,
    #[command(flatten)]
    pub input: InputArgs,
}

/// Options every document-reading command shares.
#[derive(Debug, Args, Clone)]
pub struct InputArgs {
    /// A CSV file saying what you know about the documents: columns `file`
    /// and any of `date`, `publisher`, `title`.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// A TOML file adding to readout's knowledge (actor aliases, cue words,
    /// banner phrases…); may be given more than once.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// Refuse files larger than this many bytes (they are not read).
    #[arg(long, value_name = "BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per document per line.
    Jsonl,
    /// One JSON array of documents, pretty-printed.
    Json,
}

/// `readout extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files or folders to read.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Add each document's cleaned text (the text spans point into) as "text".
    #[arg(long)]
    pub with_text: bool,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `readout demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Print the demo's extraction as JSON lines instead of the summary.
    #[arg(long)]
    pub json: bool,
    /// Print the summary and stop, without serving the ledger.
    #[arg(long)]
    pub no_serve: bool,
    /// Where to serve the ledger (if the port is taken, a free one is used).
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Build the demo's ledger here (default: a fresh readout-demo.db in the
    /// temporary folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

/// `readout serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The ledger (default: $READOUT_DB, else the platform data folder).
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// The address to listen on; anything but loopback exposes the ledger
    /// to the network.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Accept documents by `POST /api/documents`, from clients that send
    /// the token in $READOUT_TOKEN (`Authorization: Bearer …`).
    #[arg(long)]
    pub allow_upload: bool,
    /// The largest upload accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_upload: usize,
    /// A TOML file adding to readout's knowledge (for uploads and linking);
    /// may be given more than once.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
}

/// `readout eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The folder of gold files (`<document>.json`, and `threads.json`).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// The folder of the documents the gold names (default: the gold's
    /// folder if it holds them, else a `corpus` folder beside it, as for
    /// the bundled gold). Its `manifest.csv`, if any, is read unless
    /// `--manifest` is given.
    #[arg(long, value_name = "DIR")]
    pub docs: Option<PathBuf>,
    /// Score this `extract --format jsonl` output instead of extracting.
    #[arg(long, value_name = "FILE")]
    pub extract: Option<PathBuf>,
    /// Print the metrics as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also link the documents into threads and score the links against
    /// the gold's threads.json (the metric link_f1).
    #[arg(long)]
    pub threads: bool,
    /// Fail (exit 1) when a metric is below a floor: `--min qty_f1=0.95`.
    #[arg(long, value_name = "METRIC=VALUE")]
    pub min: Vec<String>,
    #[command(flatten)]
    pub input: InputArgs,
}

/// `readout bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Megabytes of corpus to make from the seeds (10^6 bytes).
    #[arg(long, default_value_t = 50)]
    pub mb: usize,
    /// Which stages to time: `text` (decode, clean, segment) or `extract`
    /// (the whole pipeline).
    #[arg(long, value_enum, default_value_t = BenchStages::Extract)]
    pub stages: BenchStages,
    /// Worker threads (default: 1; 0 for one per core).
    #[arg(long, short = 'j', default_value_t = 1)]
    pub jobs: usize,
    /// Read the corpus from this folder instead of repeating the seeds.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// The ledger to run `--stages search` on.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// The largest PDF `--stages pdf` makes, in pages.
    #[arg(long, default_value_t = 1000)]
    pub pages: usize,
}

/// Stages `bench` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchStages {
    /// Decode, repair, clean and segment.
    Text,
    /// Everything `extract` does.
    Extract,
    /// 1,000 searches of mixed shape on a ledger (`--db`): latency p50/p99.
    Search,
    /// PDFs of the seeds in two columns, from an eighth of `--pages` to all
    /// of them: read and extract, time per page at each size.
    Pdf,
}
