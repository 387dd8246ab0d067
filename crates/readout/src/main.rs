//! The `readout` command: command-line parsing and I/O only; the work is
//! done by the library crates.

mod bench;
mod cli;
mod demo;
mod eval;
mod extract;
mod inputs;
mod ledger;
mod render;
mod run;
mod serve;
mod store;

use clap::Parser;
use std::process::ExitCode;

// Extraction makes and drops many small strings and vectors a statement;
// mimalloc's thread-local free lists serve them faster than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let outcome = match &cli.command {
        cli::Command::Extract(args) => extract::run(args),
        cli::Command::Demo(args) => demo::run(args),
        cli::Command::Serve(args) => serve::run(args),
        cli::Command::Eval(args) => eval::run(args),
        cli::Command::Bench(args) => bench::run(args),
        cli::Command::Ingest(args) => store::ingest(args),
        cli::Command::Search(args) => store::search(args),
        cli::Command::Export(args) => store::export(args),
        cli::Command::Threads(args) => ledger::threads(args),
        cli::Command::Thread(args) => ledger::thread(args),
        cli::Command::Figures(args) => ledger::figures(args),
        cli::Command::Compare(args) => ledger::compare(args),
    };
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("readout: {e:#}");
            ExitCode::from(2)
        }
    }
}
