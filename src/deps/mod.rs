//! The packages a compile can see.

pub mod importcfg;
