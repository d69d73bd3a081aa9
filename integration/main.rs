//! gorch's test harness beyond unit tests: golden rewrite cases, and
//! builds of real Go modules with the real go command and the gorch binary
//! under test.

mod broken_aspects;
mod builds;
mod cache;
mod cli;
mod deploy;
mod faults;
mod fuzz;
mod golden;
mod goroutine_context;
mod hostile;
mod inject;
mod libraries;
mod otel;
mod prometheus;
mod reproducible;
mod schema;
mod servers;
mod support;
mod toolchains;
mod toolexec;
