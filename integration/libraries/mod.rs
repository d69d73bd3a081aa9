//! Library families, each proven against the real thing: one folder per
//! family holds programs built on the family's libraries (`<family>/cmd/`,
//! all in one Go module), and a file of tests (`<family>.rs`) that run
//! them, built with the real go command plainly and through gorch, against
//! the OTLP receiver and real servers, and compare what the programs do
//! and which spans they send. Adding a family: its programs under
//! `<family>/cmd/` (command names are unique across families), its
//! libraries in `go.mod`, its tests in `<family>.rs`.

mod caches;
mod cloud;
mod documents;
mod logs;
mod messaging;
mod mysql;
mod nethttp;
mod postgres;
mod routers;

use crate::otel::{Exited, Receiver, Service, Span, free_port, get};
use crate::support::{Module, text};
use std::path::Path;
use std::process::Output;
use std::sync::OnceLock;

/// The span id of the caller that sends the tests' requests, each with a
/// `traceparent` of its own.
pub const CALLER: &str = "b7ad6b7169203331";

/// The environment that sends a program's telemetry to `receiver`, over
/// OTLP/gRPC.
pub fn otlp(receiver: &Receiver) -> Vec<(&'static str, String)> {
    vec![
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
    ]
}

/// GETs each of `paths` from `port`, the `i`th in trace `trace(i)` (its
/// parent CALLER), one after the other; returns the answers.
pub fn get_each(
    port: u16,
    paths: impl IntoIterator<Item = String>,
    trace: impl Fn(usize) -> String,
) -> Vec<(u16, String)> {
    paths
        .into_iter()
        .enumerate()
        .map(|(i, path)| get(port, &path, &[("traceparent", &format!("00-{}-{CALLER}-01", trace(i)))]))
        .collect()
}

/// Runs `command` from `m`'s `dir` (`bin` or `plain`) with `env` and
/// LISTEN on a free port, GETs each of `paths` from it (the `i`th in trace
/// `trace(i)`), and stops it; returns the answers and how it ended.
pub fn serve(
    m: &Module,
    dir: &str,
    command: &'static str,
    mut env: Vec<(&str, String)>,
    paths: impl IntoIterator<Item = String>,
    trace: impl Fn(usize) -> String,
) -> (Vec<(u16, String)>, Exited) {
    let port = free_port();
    env.push(("LISTEN", format!("127.0.0.1:{port}")));
    let mut service = Service::start(&m.path().join(dir).join(command), command, &env, &[port]);
    let answers = get_each(port, paths, trace);
    (answers, service.stop())
}

/// The server span among `spans` (one request's): named `name`, a child of
/// CALLER.
pub fn server_span<'a>(spans: &[&'a Span], name: &str) -> &'a Span {
    let server = spans.iter().find(|s| s.kind == "SERVER").unwrap_or_else(|| panic!("no server span: {spans:#?}"));
    assert_eq!((server.name.as_str(), server.parent.as_str()), (name, CALLER), "{server:#?}");
    server
}

/// What `receiver` got once the server span of each of `count` requests
/// (the `i`th in trace `trace(i)`) is among it.
pub fn wait_for_requests(receiver: &Receiver, count: usize, trace: impl Fn(usize) -> String) -> Vec<Span> {
    receiver.wait_for(|s| (0..count).all(|i| s.iter().any(|s| s.trace == trace(i) && s.kind == "SERVER")))
}

/// The names of the client spans among `spans` that are children of
/// `parent`, sorted.
pub fn client_children<'a>(spans: &[&'a Span], parent: &Span) -> Vec<&'a str> {
    let mut names: Vec<&str> =
        spans.iter().filter(|s| s.parent == parent.id && s.kind == "CLIENT").map(|s| s.name.as_str()).collect();
    names.sort();
    names
}

/// The spans of one trace.
pub fn in_trace<'a>(spans: &'a [Span], trace: &str) -> Vec<&'a Span> {
    spans.iter().filter(|s| s.trace == trace).collect()
}

/// The families' module after `gorch pin`, with every command built
/// through gorch into `bin/` and plainly into `plain/`: built once, by the
/// first test that needs it, and shared by all (the build of the
/// OpenTelemetry SDK and of each library happens once, not once per family).
pub fn built() -> &'static Module {
    static BUILT: OnceLock<Result<Module, String>> = OnceLock::new();
    let built = BUILT.get_or_init(|| {
        let m = Module::copy_into("libraries", &Path::new(env!("CARGO_TARGET_TMPDIR")).join("libraries"));
        let check = |output: Output, what: &str| match output.status.success() {
            true => Ok(()),
            false => Err(format!("{what} of integration/libraries failed:\n{}", text(&output.stderr))),
        };
        check(m.gorch(&["pin"]), "gorch pin")?;
        check(m.gorch(&["go", "build", "-o", "bin/", "./..."]), "gorch go build ./...")?;
        check(m.go(&["build", "-o", "plain/", "./..."]), "go build ./...")?;
        Ok(m)
    });
    built.as_ref().unwrap_or_else(|e| panic!("{e}"))
}
