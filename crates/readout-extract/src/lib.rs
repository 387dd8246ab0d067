//! Statements to what they say: kind, modality, actors, domains,
//! quantities and dates; and each document's metadata.
//!
//! [`Extractor`] runs the whole pipeline on one document's bytes and returns
//! a [`Document`] in the shape of the output contract. Every stage is a pure
//! function of its input and the [`readout_lexicon::Lexicon`]; nothing here
//! does I/O or panics on any input.

#![warn(missing_docs)]

pub mod actors;
pub mod aliases;
pub mod dates;
pub mod domains;
pub mod kinds;
pub mod manifest;
pub mod meta;
pub mod model;
pub mod patterns;
pub mod pipeline;
pub mod quantities;
pub mod words;

pub use manifest::{Manifest, ManifestError};
pub use model::*;
pub use pipeline::{DocHints, Extractor};
pub use readout_text::Span;
