//! The goroutine context (aspects/context/goroutine.yaml): spans that a
//! service starts without a context that carries one still join the
//! request. `modules/forgetful` forgets the context in every way the
//! aspect covers; it is built through gorch with each Go release the
//! runtime aspect knows (on Go 1.25 with the OpenTelemetry releases that
//! support it, required by hand in its go.mod; on the others after
//! `gorch pin`), run against the OTLP receiver, and its spans' parents
//! are checked, request by request.

use crate::otel::{Receiver, Service, Span, free_port, get};
use crate::support::{Module, ok, text};
use std::ffi::OsStr;

const CALLER: &str = "b7ad6b7169203331";
const FIRST: &str = "5af7651916cd43dd8448eb211c80319c";
const SECOND: &str = "6af7651916cd43dd8448eb211c80319c";
const PAGE: &str = "3 items, leaf get, leaf do, SERVING, 3 names, top 3, least 1, sum 6, mean 2.0\n";

/// (release, whether `gorch pin` runs first).
const RELEASES: &[(&str, bool)] = &[("go1.25.5", false), ("go1.26.8", true), ("go1.27.3", true)];

/// Builds forgetful with `release`, serves two requests (each with a
/// trace of its own, from a caller), and returns what it sent once `done`
/// holds for it.
fn serve_two_requests(m: &Module, release: &str, binary: &str, done: impl Fn(&[Span]) -> bool) -> Vec<Span> {
    let toolchain = [("GOTOOLCHAIN", OsStr::new(release))];
    ok(m.go_gorch_with(&["build", "-o", binary, "."], &toolchain), &format!("go build through gorch with {release}"));
    let receiver = Receiver::start();
    let (web, rpc) = (free_port(), free_port());
    let mut service = Service::start(
        &m.path().join(binary),
        "forgetful",
        &[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".into()),
            ("LISTEN", format!("127.0.0.1:{web}")),
            ("RPC", format!("127.0.0.1:{rpc}")),
        ],
        &[web, rpc],
    );
    for trace in [FIRST, SECOND] {
        let page = get(web, "/work", &[("traceparent", &format!("00-{trace}-{CALLER}-01"))]);
        assert_eq!(page, (200, PAGE.to_string()), "{release}");
    }
    let spans = receiver.wait_for(done);
    service.stop();
    spans
}

fn in_trace<'s>(spans: &'s [Span], trace: &str) -> Vec<&'s Span> {
    spans.iter().filter(|s| s.trace == trace).collect()
}

fn query(span: &Span) -> &str {
    span.attributes.get("db.query.text").map_or("", String::as_str)
}

fn only<'s>(spans: &[&'s Span], what: &str, pick: impl Fn(&Span) -> bool) -> &'s Span {
    let found: Vec<&Span> = spans.iter().copied().filter(|s| pick(s)).collect();
    assert_eq!(found.len(), 1, "expected exactly one {what} span, found {}:\n{spans:#?}", found.len());
    found[0]
}

/// Every span the request should have, under its server span.
fn check_request(spans: &[Span], trace: &str, release: &str) {
    let request = in_trace(spans, trace);
    let what = |s: &str| format!("{release}, {s}");
    let page = only(&request, &what("GET /work"), |s| s.kind == "SERVER" && s.name == "GET /work");
    assert_eq!(page.parent, CALLER, "{release}");
    let child_of = |parent: &Span, name: &str, pick: &dyn Fn(&Span) -> bool| {
        let span = only(&request, &what(name), pick);
        assert_eq!(span.parent, parent.id, "{}: the parent of {name}", release);
        span
    };

    // db.Query in the handler.
    child_of(page, "db.Query", &|s| query(s) == "SELECT count(*) FROM items");
    // http.Get and http.NewRequest + Do, each with its server span.
    for via in ["get", "do"] {
        let url = |s: &Span| s.attributes.get("url.full").is_some_and(|u| u.ends_with(&format!("/leaf?via={via}")));
        let call = child_of(page, via, &|s| s.kind == "CLIENT" && url(s));
        child_of(call, "GET /leaf", &|s| s.kind == "SERVER" && s.parent == call.id);
    }
    // A gRPC call with context.Background(), and its server span.
    let check = child_of(page, "gRPC client", &|s| s.kind == "CLIENT" && s.name == "grpc.health.v1.Health/Check");
    child_of(check, "gRPC server", &|s| s.kind == "SERVER" && s.name == "grpc.health.v1.Health/Check");
    // A gRPC server's handler, querying without a context.
    let names = "forgetful.Items/Names";
    let call = child_of(page, "gRPC client of Names", &|s| s.kind == "CLIENT" && s.name == names);
    let served = child_of(call, "gRPC server of Names", &|s| s.kind == "SERVER" && s.name == names);
    child_of(served, "Names' query", &|s| query(s) == "SELECT count(name) FROM items");
    // A //gorch:span function without a context, and its query.
    let price = child_of(page, "price", &|s| s.name == "price");
    child_of(price, "price's query", &|s| query(s) == "SELECT max(id) FROM items");
    // A goroutine the handler started.
    child_of(page, "the goroutine's query", &|s| query(s) == "SELECT min(id) FROM items");
    assert_eq!(request.len(), 14, "{}: {request:#?}", release);

    // The worker started before any request works in no request.
    let worker: Vec<&Span> = spans.iter().filter(|s| query(s) == "SELECT sum(id) FROM items").collect();
    assert_eq!(worker.len(), 2, "{release}: {worker:#?}");
    assert!(worker.iter().all(|s| s.parent.is_empty() && s.trace != FIRST && s.trace != SECOND), "{worker:#?}");
    // A context of the program's own keeps its own parent.
    let own: Vec<&Span> = spans.iter().filter(|s| s.name == "detached").collect();
    assert_eq!(own.len(), 2, "{release}: {own:#?}");
    for detached in own {
        assert!(detached.parent.is_empty() && detached.trace != trace, "{detached:?}");
        let its =
            only(&in_trace(spans, &detached.trace), "detached query", |s| query(s) == "SELECT avg(id) FROM items");
        assert_eq!(its.parent, detached.id, "{release}");
    }
}

#[test]
fn spans_started_without_a_context_join_the_request_on_go_1_25_to_1_27() {
    for (release, pin) in RELEASES {
        let m = Module::copy("modules/forgetful");
        if *pin {
            ok(m.gorch(&["pin"]), "gorch pin (forgetful)");
        }
        let spans = serve_two_requests(&m, release, "forgetful", |s| {
            in_trace(s, SECOND).len() >= 14 && s.iter().filter(|s| s.name == "detached").count() >= 2
        });
        for trace in [FIRST, SECOND] {
            check_request(&spans, trace, release);
        }
    }
}

/// `disable: [otel-context*]` turns the goroutine context off: the
/// program behaves the same, spans started from a context are still
/// parented, and those started without one are roots again.
#[test]
fn the_goroutine_context_turns_off_with_its_aspects() {
    let m = Module::copy("modules/forgetful");
    m.write("gorch.yaml", "disable:\n  - otel-context*\n");
    ok(m.gorch(&["pin"]), "gorch pin (forgetful)");
    let spans = serve_two_requests(&m, "local", "forgetful", |s| {
        s.iter().filter(|s| query(s) == "SELECT min(id) FROM items").count() >= 2
    });
    // Only the server span: the clients (http.Get, Do, the gRPC call), the
    // queries and price start from no context, each a trace of its own.
    let request = in_trace(&spans, FIRST);
    assert_eq!(request.len(), 1, "{request:#?}");
    assert_eq!(request[0].name, "GET /work");
    let queries: Vec<&Span> = spans.iter().filter(|s| query(s) == "SELECT count(*) FROM items").collect();
    assert_eq!(queries.len(), 2, "{queries:#?}");
    assert!(queries.iter().all(|s| s.parent.is_empty()), "{queries:#?}");
    let own: Vec<&Span> = spans.iter().filter(|s| s.name == "detached").collect();
    assert_eq!(own.len(), 2, "{own:#?}");
    for detached in own {
        let its =
            only(&in_trace(&spans, &detached.trace), "detached query", |s| query(s) == "SELECT avg(id) FROM items");
        assert_eq!(its.parent, detached.id);
    }
}

/// The race detector finds nothing in a test that serves requests side by
/// side, each starting goroutines, built through gorch as without.
#[test]
fn requests_side_by_side_race_with_nothing_under_race() {
    let m = Module::copy("modules/forgetful");
    ok(m.gorch(&["pin"]), "gorch pin (forgetful)");
    let plain = ok(m.go(&["test", "-race", "-count=1", "."]), "go test -race");
    let gorch = ok(m.go_gorch(&["test", "-race", "-count=1", "."]), "go test -race through gorch");
    for out in [plain, gorch] {
        assert!(!text(&out.stderr).contains("DATA RACE"), "{}", text(&out.stderr));
        assert!(text(&out.stdout).starts_with("ok"), "{}", text(&out.stdout));
    }
}
