//! The packages a compile or a link can see, and the ones advice adds.

pub mod archive;
pub mod buildflags;
pub mod depends;
pub mod fingerprint;
pub mod gocmd;
pub mod gomod;
pub mod importcfg;
pub mod modinfo;
pub mod pgo;
pub mod resolve;
