//! readout-eval
