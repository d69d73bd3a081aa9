//! net/http, instrumented inside the library: servers that echo and gin
//! create and start, clients that resty and go-retryablehttp build (one
//! given a CA and a proxy on the *http.Transport it asserts, one wrapping
//! another client), SQL through database/sql, a handler wrapped by hand,
//! and the ways a program ends. The programs are in `nethttp/`.

use super::CALLER;
use crate::otel::{Exited, Receiver, Service, Span, free_port, get};
use crate::support::{Module, ok};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

const CHECKOUT: &str = "0af7651916cd43dd8448eb211c80319c";
const RETRY: &str = "1af7651916cd43dd8448eb211c80319c";
const HAND: &str = "2af7651916cd43dd8448eb211c80319c";
const AUTO: &str = "3af7651916cd43dd8448eb211c80319c";
const WORK: &str = "4af7651916cd43dd8448eb211c80319c";

fn traceparent(trace: &str) -> String {
    format!("00-{trace}-{CALLER}-01")
}

/// The proxy and fresh certificates, from the plain build: test equipment.
struct Equipment {
    proxy: PathBuf,
    certs: tempfile::TempDir,
}

fn equipment(m: &Module) -> Equipment {
    let certs = tempfile::tempdir().unwrap();
    let dir = certs.path().to_str().unwrap();
    ok(m.exec("plain/certs", &["-dir", dir]), "certs");
    Equipment { proxy: m.path().join("plain/proxy"), certs }
}

/// The proxy; the backend, exporting over OTLP/gRPC with a batch delay of
/// a minute (its spans reach the receiver only if its exit flushes them);
/// the frontend, exporting over OTLP/HTTP every 100 ms.
struct Shop {
    proxy: Service,
    backend: Service,
    frontend: Service,
    backend_port: u16,
    web: u16,
}

impl Shop {
    fn start(bin: &Path, kit: &Equipment, receiver: &Receiver) -> Shop {
        let (proxy_port, backend_port, web) = (free_port(), free_port(), free_port());
        let proxy =
            Service::start(&kit.proxy, "proxy", &[("LISTEN", format!("127.0.0.1:{proxy_port}"))], &[proxy_port]);
        let cert = |f: &str| kit.certs.path().join(f).display().to_string();
        let backend = Service::start(
            &bin.join("backend"),
            "backend",
            &[
                ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
                ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".into()),
                ("OTEL_BSP_SCHEDULE_DELAY", "60000".into()),
                ("LISTEN", format!("127.0.0.1:{backend_port}")),
                ("CERT", cert("cert.pem")),
                ("KEY", cert("key.pem")),
            ],
            &[backend_port],
        );
        let frontend = Service::start(
            &bin.join("frontend"),
            "frontend",
            &[
                ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.http_endpoint.clone()),
                ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf".into()),
                ("LISTEN", format!("127.0.0.1:{web}")),
                ("BACKEND", format!("https://127.0.0.1:{backend_port}")),
                ("CA", cert("ca.pem")),
                ("PROXY", format!("http://127.0.0.1:{proxy_port}")),
            ],
            &[web],
        );
        Shop { proxy, backend, frontend, backend_port, web }
    }

    /// What a user sees of the shop: each page, and how the programs end.
    fn visit_and_stop(mut self) -> Visit {
        let page = |path: &str, trace: &str| get(self.web, path, &[("traceparent", &traceparent(trace))]);
        let pages =
            vec![page("/checkout/42", CHECKOUT), page("/retry", RETRY), page("/hand", HAND), page("/auto", AUTO)];
        // Long enough for the frontend to export a few times: an export
        // that traced itself would show.
        std::thread::sleep(Duration::from_millis(800));
        let tunnels = self.proxy.stdout();
        Visit {
            pages,
            tunnels,
            frontend: self.frontend.stop(),
            backend: self.backend.stop(),
            backend_port: self.backend_port,
        }
    }
}

struct Visit {
    pages: Vec<(u16, String)>,
    tunnels: String,
    frontend: Exited,
    backend: Exited,
    backend_port: u16,
}

impl Visit {
    /// The behaviour of the programs, which gorch must not change.
    fn check_behaviour(&self) {
        let want = [
            (200, "widget via *sqlite.conn\n"),
            (200, "steady\n"),
            (200, "hello from /hand\n"),
            (200, "hello from /auto\n"),
        ];
        let got: Vec<(u16, &str)> = self.pages.iter().map(|(s, b)| (*s, b.as_str())).collect();
        assert_eq!(got, want);
        // resty's proxy and CA settings took effect (the page above shows
        // that TLS verified with the CA).
        assert_eq!(self.tunnels, format!("CONNECT 127.0.0.1:{}\n", self.backend_port));
        // The frontend handles SIGTERM itself; the backend dies of it.
        assert_eq!((self.frontend.status.code(), self.frontend.stdout.as_str()), (Some(3), "frontend: stopping\n"));
        assert_eq!(self.backend.status.signal(), Some(15), "backend: {:?}", self.backend.status);
    }
}

fn spans_of<'s>(spans: &'s [Span], trace: &str) -> Vec<&'s Span> {
    spans.iter().filter(|s| s.trace == trace).collect()
}

fn only<'s>(spans: &[&'s Span], what: &str, pick: impl Fn(&Span) -> bool) -> &'s Span {
    let found: Vec<&Span> = spans.iter().copied().filter(|s| pick(s)).collect();
    assert_eq!(found.len(), 1, "expected exactly one {what} span, found {}:\n{spans:#?}", found.len());
    found[0]
}

#[test]
fn one_span_per_request_and_per_round_trip_whatever_the_library() {
    let m = super::built();
    let kit = equipment(m);
    let receiver = Receiver::start();
    let visit = Shop::start(&m.path().join("bin"), &kit, &receiver).visit_and_stop();
    visit.check_behaviour();
    let spans = receiver.wait_for(|s| spans_of(s, CHECKOUT).len() >= 4 && spans_of(s, RETRY).len() >= 5);

    // gin's server (started inside gin), resty's round trip through the
    // proxy, echo's TLS server (its own new(http.Server), started by a
    // method call on that field), the SQL query.
    let checkout = spans_of(&spans, CHECKOUT);
    assert_eq!(checkout.len(), 4, "{checkout:#?}");
    let page = only(&checkout, "frontend server", |s| s.service == "frontend" && s.kind == "SERVER");
    assert_eq!(page.parent, CALLER);
    let call = only(&checkout, "frontend client", |s| s.kind == "CLIENT" && s.service == "frontend");
    assert_eq!(call.parent, page.id);
    assert_eq!(call.attributes.get("http.response.status_code").map(String::as_str), Some("200"));
    let item = only(&checkout, "backend server", |s| s.service == "backend" && s.kind == "SERVER");
    assert_eq!(item.parent, call.id);
    let query = only(&checkout, "SQL", |s| s.name == "SELECT items");
    assert_eq!((query.parent.as_str(), query.kind.as_str()), (item.id.as_str(), "CLIENT"));
    assert_eq!(query.attributes.get("db.system.name").map(String::as_str), Some("sqlite"));

    // go-retryablehttp: one client span per attempt, each with its server.
    let retry = spans_of(&spans, RETRY);
    assert_eq!(retry.len(), 5, "{retry:#?}");
    let page = only(&retry, "frontend server", |s| s.service == "frontend" && s.kind == "SERVER");
    let attempts: Vec<&&Span> = retry.iter().filter(|s| s.kind == "CLIENT").collect();
    let mut statuses: Vec<&str> =
        attempts.iter().map(|s| s.attributes.get("http.response.status_code").map_or("", String::as_str)).collect();
    statuses.sort();
    assert_eq!(statuses, ["200", "503"], "{retry:#?}");
    for attempt in attempts {
        assert_eq!(attempt.parent, page.id);
        only(&retry, "backend server of an attempt", |s| s.kind == "SERVER" && s.parent == attempt.id);
    }

    // A handler wrapped in otelhttp by hand is the request's server span;
    // its neighbour, left to gorch, gets gorch's.
    let hand = spans_of(&spans, HAND);
    assert_eq!(hand.len(), 1, "{hand:#?}");
    assert_eq!(
        (hand[0].name.as_str(), hand[0].kind.as_str(), hand[0].parent.as_str()),
        ("hand-made", "SERVER", CALLER)
    );
    let auto = spans_of(&spans, AUTO);
    assert_eq!(auto.len(), 1, "{auto:#?}");
    assert_eq!((auto[0].kind.as_str(), auto[0].parent.as_str()), ("SERVER", CALLER));

    // Every span of the frontend belongs to a request: the exporters' own
    // requests (the frontend's go over OTLP/HTTP) are never traced. (The
    // backend's one other span is its SQL at start-up.)
    let known = [CHECKOUT, RETRY, HAND, AUTO];
    let strays: Vec<&Span> =
        spans.iter().filter(|s| s.service == "frontend" && !known.contains(&s.trace.as_str())).collect();
    assert!(strays.is_empty(), "spans of no request:\n{strays:#?}");
}

#[test]
fn the_programs_built_without_gorch_behave_the_same_and_send_nothing() {
    let m = super::built();
    let kit = equipment(m);
    let receiver = Receiver::start();
    Shop::start(&m.path().join("plain"), &kit, &receiver).visit_and_stop().check_behaviour();
    std::thread::sleep(Duration::from_millis(500));
    assert!(receiver.spans().is_empty(), "{:#?}", receiver.spans());
}

/// quitter in one mode, after one GET /work (its server span, the client
/// span of its call to itself, and that call's server span); `end` ends
/// it. The batch delay is a minute: spans arrive only if the exit flushes.
fn quit(bin: &Path, mode: &str, traced: bool, end: impl FnOnce(&mut Service, u16) -> Exited) -> (Exited, Vec<Span>) {
    let receiver = Receiver::start();
    let port = free_port();
    let env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.http_endpoint.clone()),
        ("OTEL_BSP_SCHEDULE_DELAY", "60000".into()),
        ("LISTEN", format!("127.0.0.1:{port}")),
        ("MODE", mode.into()),
    ];
    // Started with SIGTERM and SIGINT at their default disposition, as a
    // service manager starts a program (a shell's background jobs ignore
    // SIGINT, and so would their children).
    let quitter_path = bin.join("quitter");
    let args = ["--default-signal=TERM,INT", quitter_path.to_str().unwrap()];
    let mut quitter = Service::start_args(Path::new("env"), &args, "quitter", &env, &[port]);
    assert_eq!(get(port, "/work", &[("traceparent", &traceparent(WORK))]), (200, "pong".to_string()));
    let exited = end(&mut quitter, port);
    if !traced {
        std::thread::sleep(Duration::from_millis(500));
        return (exited, receiver.spans());
    }
    let spans = receiver.wait_for(|s| spans_of(s, WORK).len() >= 3);
    (exited, spans)
}

#[test]
fn spans_are_flushed_on_log_fatal_sigterm_and_sigint() {
    let m = super::built();
    for bin in ["bin", "plain"] {
        let bin = m.path().join(bin);
        let traced = bin.ends_with("bin");
        let (fatal, spans) = quit(&bin, "fatal", traced, |q, port| {
            assert_eq!(get(port, "/quit", &[]), (200, "bye".to_string()));
            q.wait()
        });
        assert_eq!(fatal.status.code(), Some(1), "{bin:?}");
        assert!(fatal.stderr.ends_with(" quitting\n"), "{bin:?}: {}", fatal.stderr);
        assert_eq!(spans_of(&spans, WORK).len(), if traced { 3 } else { 0 }, "log.Fatal, {bin:?}: {spans:#?}");

        for (name, number) in [("TERM", 15), ("INT", 2)] {
            let (signal, spans) = quit(&bin, "signal", traced, |q, _| q.signal(name));
            assert_eq!(signal.status.signal(), Some(number), "SIG{name}, {bin:?}");
            assert_eq!((signal.stdout.as_str(), signal.stderr.as_str()), ("", ""));
            assert_eq!(spans_of(&spans, WORK).len(), if traced { 3 } else { 0 }, "SIG{name}, {bin:?}: {spans:#?}");
        }
    }
}
