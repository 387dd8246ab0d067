//! `readout serve`: the reading room over the ledger.

use crate::cli::ServeArgs;
use anyhow::{Context, Result};
use readout_server::{Ledger, Upload};
use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::Path;

/// Request logs on standard error (`RUST_LOG` filters them; default info).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none())
        .try_init();
}

/// Serves the ledger at `db` on `addr` until Ctrl-C, printing the address
/// once bound. With `fallback`, a taken port gives way to a free one.
pub fn serve(db: &Path, addr: SocketAddr, ledger: Ledger, fallback: bool) -> Result<()> {
    let announce = |bound: SocketAddr| {
        println!("readout: serving the ledger {} at http://{bound}/ (Ctrl-C stops)", db.display());
        if !bound.ip().is_loopback() {
            eprintln!("readout: warning: {bound} is reachable from the network");
        }
    };
    let taken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::AddrInUse;
    let ledger = match readout_server::run(addr, ledger, announce) {
        Err((e, Some(ledger))) if fallback && taken(&e) => *ledger,
        Err((e, _)) => return Err(e).with_context(|| format!("cannot serve on {addr}")),
        Ok(()) => return Ok(()),
    };
    let free = SocketAddr::new(addr.ip(), 0);
    readout_server::run(free, ledger, announce)
        .map_err(|(e, _)| e)
        .with_context(|| format!("cannot serve on {free}"))
}

/// Runs `serve`.
pub fn run(args: &ServeArgs) -> Result<bool> {
    init_logging();
    let path = crate::store::db_path(args.db.as_deref())?;
    // Opening checks the file: a missing ledger is an error, not an empty
    // one made on the spot.
    drop(crate::store::open_existing(Some(&path))?);
    let upload = if args.allow_upload {
        let token = std::env::var("READOUT_TOKEN").unwrap_or_default();
        if token.len() < 16 {
            anyhow::bail!("--allow-upload needs READOUT_TOKEN set to a secret of at least 16 characters");
        }
        Some(Upload { token, max_bytes: args.max_upload })
    } else {
        None
    };
    let lexicon = crate::run::lexicon_from(&args.lexicon)?;
    let ledger = Ledger::open(&path, &lexicon, upload)?;
    serve(&path, args.addr, ledger, false)?;
    Ok(true)
}
