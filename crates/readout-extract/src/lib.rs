//! readout-extract
