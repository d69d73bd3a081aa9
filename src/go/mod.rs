//! Go source: parsing, name resolution, positions and edits. Nothing here
//! knows about aspects.

pub mod edit;
pub mod imports;
pub mod lines;
pub mod literals;
pub mod paths;
pub mod scope;
pub mod source;
pub mod stdlib;
pub mod types;
