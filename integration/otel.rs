//! The built-in OpenTelemetry aspects, end to end: services built with
//! gorch send spans over OTLP/gRPC to a receiver that decodes them with the
//! official OTLP protobuf definitions (integration/modules/receiver).

use crate::support::{Module, command, gorch, ok, poll, run, text};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// One span as the receiver wrote it.
#[derive(Debug, Clone)]
pub struct Span {
    pub service: String,
    pub trace: String,
    pub id: String,
    pub parent: String,
    pub kind: String,
    pub name: String,
    pub status: String,
    pub attributes: BTreeMap<String, String>,
}

/// One metric data point as the receiver wrote it.
#[derive(Debug, Clone)]
pub struct MetricPoint {
    pub service: String,
    pub name: String,
    /// SUM, GAUGE, HISTOGRAM, ...
    pub kind: String,
    /// A histogram's count, or a sum's or gauge's value.
    pub value: String,
    pub attributes: BTreeMap<String, String>,
}

/// One log record as the receiver wrote it.
#[derive(Debug, Clone)]
pub struct LogRecord {
    pub service: String,
    pub trace: String,
    pub span: String,
    pub severity: String,
    pub body: String,
    pub attributes: BTreeMap<String, String>,
}

pub struct Receiver {
    child: Child,
    /// OTLP/gRPC.
    pub endpoint: String,
    /// OTLP/HTTP.
    pub http_endpoint: String,
    out: PathBuf,
    metrics_out: PathBuf,
    logs_out: PathBuf,
    _dir: Module,
}

impl Receiver {
    pub fn start() -> Receiver {
        let dir = Module::copy("modules/receiver");
        ok(dir.go(&["build", "-o", "receiver", "."]), "building the receiver");
        let out = dir.path().join("spans.tsv");
        let metrics_out = dir.path().join("metrics.tsv");
        let logs_out = dir.path().join("logs.tsv");
        let mut child = Command::new(dir.path().join("receiver"))
            .args(["-listen", "127.0.0.1:0", "-out"])
            .arg(&out)
            .arg("-metrics")
            .arg(&metrics_out)
            .arg("-logs")
            .arg(&logs_out)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut address = |prefix: &str| {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            let addr = line.trim().strip_prefix(prefix).expect("the receiver says where it listens").to_string();
            format!("http://{addr}")
        };
        let endpoint = address("listening ");
        let http_endpoint = address("listening-http ");
        Receiver { child, endpoint, http_endpoint, out, metrics_out, logs_out, _dir: dir }
    }

    pub fn metric_points(&self) -> Vec<MetricPoint> {
        lines(&self.metrics_out)
            .iter()
            .filter_map(|line| {
                let [service, name, kind, value, attrs] = line.split('\t').collect::<Vec<_>>()[..] else { return None };
                Some(MetricPoint {
                    service: service.into(),
                    name: name.into(),
                    kind: kind.into(),
                    value: value.into(),
                    attributes: parse_attributes(attrs),
                })
            })
            .collect()
    }

    pub fn log_records(&self) -> Vec<LogRecord> {
        lines(&self.logs_out)
            .iter()
            .filter_map(|line| {
                let [service, trace, span, severity, body, attrs] = line.split('\t').collect::<Vec<_>>()[..] else {
                    return None;
                };
                Some(LogRecord {
                    service: service.into(),
                    trace: trace.into(),
                    span: span.into(),
                    severity: severity.into(),
                    body: body.into(),
                    attributes: parse_attributes(attrs),
                })
            })
            .collect()
    }

    pub fn spans(&self) -> Vec<Span> {
        std::fs::read_to_string(&self.out).unwrap_or_default().lines().filter_map(parse_span).collect()
    }

    /// Waits until `done` holds for the spans received (or 20 s pass).
    pub fn wait_for(&self, done: impl Fn(&[Span]) -> bool) -> Vec<Span> {
        poll(Duration::from_secs(20), Duration::from_millis(100), || self.spans(), |spans| done(spans))
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path).unwrap_or_default().lines().map(str::to_string).collect()
}

fn parse_attributes(text: &str) -> BTreeMap<String, String> {
    text.split(';').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn parse_span(line: &str) -> Option<Span> {
    let f: Vec<&str> = line.split('\t').collect();
    let [service, trace, id, parent, kind, name, status, attrs] = f[..] else { return None };
    let attributes = parse_attributes(attrs);
    Some(Span {
        service: service.into(),
        trace: trace.into(),
        id: id.into(),
        parent: parent.into(),
        kind: kind.into(),
        name: name.into(),
        status: status.into(),
        attributes,
    })
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A service process, stopped with SIGTERM.
pub struct Service {
    child: Option<Child>,
    pub name: &'static str,
    /// Its standard output and error.
    out: tempfile::NamedTempFile,
    err: tempfile::NamedTempFile,
}

/// How a service ended.
pub struct Exited {
    /// From SIGTERM (or from the call to `wait`) to the exit.
    pub took: Duration,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Service {
    pub fn start(binary: &Path, name: &'static str, env: &[(&str, String)], ports: &[u16]) -> Service {
        Service::start_args(binary, &[], name, env, ports)
    }

    /// `program args...`, exporting as `name`, ready once it listens on
    /// every one of `ports`.
    pub fn start_args(
        program: &Path,
        args: &[&str],
        name: &'static str,
        env: &[(&str, String)],
        ports: &[u16],
    ) -> Service {
        let mut cmd = Command::new(program);
        cmd.args(args);
        cmd.env("OTEL_SERVICE_NAME", name).env("OTEL_BSP_SCHEDULE_DELAY", "100");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let (out, err) = (tempfile::NamedTempFile::new().unwrap(), tempfile::NamedTempFile::new().unwrap());
        let mut child = cmd
            .stdout(out.reopen().unwrap())
            .stderr(err.reopen().unwrap())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {name}: {e}"));
        for port in ports {
            wait_for_port(*port, name, &mut child, &err);
        }
        Service { child: Some(child), name, out, err }
    }

    /// What the process wrote to its standard output so far.
    pub fn stdout(&self) -> String {
        std::fs::read_to_string(self.out.path()).unwrap_or_default()
    }

    /// Sends SIGTERM and waits for the exit.
    pub fn stop(&mut self) -> Exited {
        self.signal("TERM")
    }

    /// Sends a signal (`TERM`, `INT`) and waits for the exit.
    pub fn signal(&mut self, name: &str) -> Exited {
        let child = self.child.as_ref().expect("running");
        Command::new("kill").args([&format!("-{name}"), &child.id().to_string()]).status().unwrap();
        self.wait()
    }

    /// Waits (at most 30 s) for the process to exit.
    pub fn wait(&mut self) -> Exited {
        let mut child = self.child.take().expect("running");
        let started = Instant::now();
        let deadline = started + Duration::from_secs(30);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let read = |f: &tempfile::NamedTempFile| std::fs::read_to_string(f.path()).unwrap_or_default();
                return Exited { took: started.elapsed(), status, stdout: read(&self.out), stderr: read(&self.err) };
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("{} did not exit within 30 s", self.name);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Waits (at most 20 s) until `port` takes connections; a process that
/// exits first fails with what it wrote to its standard error.
fn wait_for_port(port: u16, name: &str, child: &mut Child, err: &tempfile::NamedTempFile) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Some(status) = child.try_wait().unwrap() {
            let stderr = std::fs::read_to_string(err.path()).unwrap_or_default();
            panic!("{name} exited ({status}) before listening on port {port}:\n{stderr}");
        }
        assert!(Instant::now() < deadline, "{name} does not listen on port {port}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A GET over plain HTTP/1.1; returns the status code and the body.
pub fn get(port: u16, path: &str, headers: &[(&str, &str)]) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut request = format!("GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n");
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// The services module after `gorch pin`, its commands built into bin/
/// with gorch (and into plain/ without, when asked).
pub fn services(plain: bool) -> Module {
    let m = Module::copy("modules/services");
    ok(m.gorch(&["pin"]), "gorch pin (services)");
    ok(m.gorch(&["go", "build", "-o", "bin/", "./cmd/..."]), "gorch go build (services)");
    if plain {
        ok(m.go(&["build", "-o", "plain/", "./cmd/frontend", "./cmd/inventory"]), "go build (services)");
    }
    m
}

/// Frontend and inventory from `dir`, exporting to `receiver`.
fn start_pair(dir: &Path, receiver: &Receiver) -> (Service, Service, u16) {
    let (web, shop, rpc) = (free_port(), free_port(), free_port());
    let otlp = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
    ];
    let mut env = otlp.to_vec();
    env.extend([("LISTEN", format!("127.0.0.1:{shop}")), ("LISTEN_GRPC", format!("127.0.0.1:{rpc}"))]);
    let inventory = Service::start(&dir.join("inventory"), "inventory", &env, &[shop, rpc]);
    let mut env = otlp.to_vec();
    env.extend([
        ("LISTEN", format!("127.0.0.1:{web}")),
        ("INVENTORY_URL", format!("http://127.0.0.1:{shop}")),
        ("INVENTORY_GRPC", format!("127.0.0.1:{rpc}")),
    ]);
    let frontend = Service::start(&dir.join("frontend"), "frontend", &env, &[web]);
    (frontend, inventory, web)
}

fn one<'s>(spans: &'s [Span], what: &str, pick: impl Fn(&Span) -> bool) -> &'s Span {
    let found: Vec<&Span> = spans.iter().filter(|s| pick(s)).collect();
    assert_eq!(found.len(), 1, "expected exactly one {what} span, found {}:\n{spans:#?}", found.len());
    found[0]
}

const TRACE: &str = "0af7651916cd43dd8448eb211c80319c";
const CALLER: &str = "b7ad6b7169203331";
const MISSING_TRACE: &str = "1bf7651916cd43dd8448eb211c80319c";

#[test]
fn two_services_make_one_trace_across_http_grpc_and_sql() {
    let m = services(false);
    let receiver = Receiver::start();
    let (mut frontend, mut inventory, web) = start_pair(&m.path().join("bin"), &receiver);
    let traceparent = format!("00-{TRACE}-{CALLER}-01");
    let (status, body) = get(web, "/checkout/tea", &[("traceparent", &traceparent)]);
    assert_eq!((status, body.as_str()), (200, "tea in stock: 42 (inventory SERVING)\n"));
    // An item not in stock: lookup returns sql.ErrNoRows, which its span records.
    let missing = format!("00-{MISSING_TRACE}-{CALLER}-01");
    assert_eq!(get(web, "/checkout/coffee", &[("traceparent", &missing)]).0, 200);
    let (front, back) = (frontend.stop(), inventory.stop());
    let took = [front.took, back.took];
    assert!(took.iter().all(|t| *t < Duration::from_secs(10)), "exits took {took:?}");

    let spans = receiver.wait_for(|s| {
        s.iter().filter(|s| s.trace == TRACE).count() >= 8
            && s.iter().any(|s| s.trace == MISSING_TRACE && s.name == "stock.lookup")
    });
    let failed = one(&spans, "failed lookup", |s| s.trace == MISSING_TRACE && s.name == "stock.lookup");
    assert_eq!(failed.status, "ERROR", "{failed:#?}");
    let trace: Vec<Span> = spans.into_iter().filter(|s| s.trace == TRACE).collect();
    let server_a = one(&trace, "frontend server", |s| s.service == "frontend" && s.kind == "SERVER");
    assert_eq!((server_a.name.as_str(), server_a.parent.as_str()), ("GET /checkout/{item}", CALLER));
    for (k, v) in
        [("http.request.method", "GET"), ("http.route", "/checkout/{item}"), ("http.response.status_code", "200")]
    {
        assert_eq!(server_a.attributes.get(k).map(String::as_str), Some(v), "{k} of {server_a:#?}");
    }
    let client_a = one(&trace, "frontend HTTP client", |s| s.service == "frontend" && s.name == "HTTP GET");
    assert_eq!((client_a.kind.as_str(), client_a.parent.as_str()), ("CLIENT", server_a.id.as_str()));
    // gin routed it: the span has gin's route.
    let server_b = one(&trace, "inventory HTTP server", |s| s.service == "inventory" && s.name.starts_with("GET"));
    assert_eq!((server_b.name.as_str(), server_b.parent.as_str()), ("GET /stock/:item", client_a.id.as_str()));
    assert_eq!(server_b.attributes.get("http.route").map(String::as_str), Some("/stock/:item"));
    assert_eq!(server_b.attributes.get("http.response.status_code").map(String::as_str), Some("200"));
    let lookup = one(&trace, "//gorch:span", |s| s.name == "stock.lookup");
    assert_eq!((lookup.service.as_str(), lookup.parent.as_str()), ("inventory", server_b.id.as_str()));
    assert_eq!(lookup.status, "UNSET");
    let query = one(&trace, "inventory query", |s| s.name == "SELECT stock");
    assert_eq!(
        (query.service.as_str(), query.parent.as_str(), query.kind.as_str()),
        ("inventory", lookup.id.as_str(), "CLIENT")
    );
    for (k, v) in [
        ("db.system.name", "sqlite"),
        ("db.query.text", "SELECT count FROM stock WHERE item = ?"),
        ("db.operation.name", "SELECT"),
        ("db.collection.name", "stock"),
    ] {
        assert_eq!(query.attributes.get(k).map(String::as_str), Some(v), "{k} of {query:#?}");
    }
    let grpc_client = one(&trace, "gRPC client", |s| s.kind == "CLIENT" && s.name == "grpc.health.v1.Health/Check");
    assert_eq!((grpc_client.service.as_str(), grpc_client.parent.as_str()), ("frontend", server_a.id.as_str()));
    let grpc_server = one(&trace, "gRPC server", |s| s.kind == "SERVER" && s.name == "grpc.health.v1.Health/Check");
    assert_eq!((grpc_server.service.as_str(), grpc_server.parent.as_str()), ("inventory", grpc_client.id.as_str()));

    // The logs: in each program's own output, with the ids of the span
    // current where they were written (slog.Info in a handler: the
    // request's server span; slog.InfoContext: the context's span) ...
    let logged = |output: &str, what: &str| -> String {
        output
            .lines()
            .find(|l| l.contains(what) && l.contains(TRACE))
            .unwrap_or_else(|| panic!("no {what} line with the request's trace id in:\n{output}"))
            .to_string()
    };
    let checkout = logged(&front.stdout, r#""msg":"checkout""#);
    assert!(checkout.contains(&format!(r#""trace_id":"{TRACE}","span_id":"{}""#, server_a.id)), "{checkout}");
    assert!(checkout.contains(r#""item":"tea""#), "{checkout}");
    let lookup_line = logged(&back.stderr, "INFO lookup");
    assert!(
        lookup_line.contains(&format!("item=tea count=42 trace_id={TRACE} span_id={}", lookup.id)),
        "{lookup_line}"
    );
    // ... and as OpenTelemetry log records, the OTLP endpoint being set.
    let records = receiver.log_records();
    let exported = records
        .iter()
        .find(|r| r.service == "frontend" && r.body == "checkout" && r.trace == TRACE)
        .unwrap_or_else(|| panic!("no exported checkout record: {records:#?}"));
    assert_eq!((exported.span.as_str(), exported.severity.as_str()), (server_a.id.as_str(), "INFO"), "{exported:#?}");
    assert_eq!(exported.attributes.get("item").map(String::as_str), Some("tea"), "{exported:#?}");
    assert!(
        records.iter().any(|r| r.service == "inventory" && r.body == "lookup" && r.span == lookup.id),
        "{records:#?}"
    );

    // The metrics, flushed when SIGTERM stopped the services.
    let points = receiver.metric_points();
    let names: BTreeMap<(String, String), usize> = points.iter().fold(BTreeMap::new(), |mut all, p| {
        *all.entry((p.service.clone(), p.name.clone())).or_default() += 1;
        all
    });
    let point = |service: &str, name: &str, pick: &dyn Fn(&MetricPoint) -> bool| -> MetricPoint {
        points
            .iter()
            .find(|p| p.service == service && p.name == name && pick(p))
            .cloned()
            .unwrap_or_else(|| panic!("no {name} point from {service} as wanted; received {names:#?}"))
    };
    let by_route = point("frontend", "http.server.request.duration", &|p| {
        p.attributes.get("http.route").map(String::as_str) == Some("/checkout/{item}")
    });
    assert_eq!((by_route.kind.as_str(), by_route.value.as_str()), ("HISTOGRAM", "2"), "{by_route:#?}");
    assert_eq!(by_route.attributes.get("http.request.method").map(String::as_str), Some("GET"), "{by_route:#?}");
    let client = point("frontend", "http.client.request.duration", &|_| true);
    assert_eq!(client.kind, "HISTOGRAM", "{client:#?}");
    point("inventory", "http.server.request.duration", &|_| true);
    let queries = point("inventory", "db.client.operation.duration", &|p| {
        p.attributes.get("db.collection.name").map(String::as_str) == Some("stock")
    });
    assert_eq!(queries.kind, "HISTOGRAM", "{queries:#?}");
    for (k, v) in [("db.system.name", "sqlite"), ("db.operation.name", "SELECT")] {
        assert_eq!(queries.attributes.get(k).map(String::as_str), Some(v), "{k} of {queries:#?}");
    }
    assert!(!queries.attributes.contains_key("db.query.text"), "{queries:#?}");
    for (service, prefix) in [("frontend", "rpc.client."), ("inventory", "rpc.server.")] {
        let rpc = points.iter().find(|p| p.service == service && p.name.starts_with(prefix) && p.kind == "HISTOGRAM");
        assert!(rpc.is_some(), "no {prefix}* histogram from {service}; received {names:#?}");
    }
    for service in ["frontend", "inventory"] {
        let goroutines = point(service, "go.goroutine.count", &|_| true);
        assert!(goroutines.value.parse::<u64>().is_ok_and(|n| n > 0), "{goroutines:#?}");
        point(service, "go.memory.used", &|_| true);
    }
}

#[test]
fn the_same_services_built_without_gorch_emit_nothing() {
    let m = services(true);
    let receiver = Receiver::start();
    let (mut frontend, mut inventory, web) = start_pair(&m.path().join("plain"), &receiver);
    assert_eq!(get(web, "/checkout/tea", &[]).0, 200);
    frontend.stop();
    inventory.stop();
    std::thread::sleep(Duration::from_secs(1));
    assert!(receiver.spans().is_empty(), "{:#?}", receiver.spans());
    assert!(receiver.metric_points().is_empty(), "{:#?}", receiver.metric_points());
    assert!(receiver.log_records().is_empty(), "{:#?}", receiver.log_records());
}

#[test]
fn a_service_instrumented_by_hand_gets_no_second_span() {
    let m = services(false);
    let receiver = Receiver::start();
    let port = free_port();
    let env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
        ("LISTEN", format!("127.0.0.1:{port}")),
    ];
    let mut manual = Service::start(&m.path().join("bin/manual"), "manual", &env, &[port]);
    assert_eq!(get(port, "/ping", &[]), (200, "pong\n".to_string()));
    manual.stop();
    receiver.wait_for(|s| s.len() >= 3);
    std::thread::sleep(Duration::from_millis(500));
    let spans = receiver.spans();
    // One span each, made by the program's own instrumentation: the HTTP
    // server span, the gRPC client span of the health check, and the gRPC
    // server span of the check.
    assert_eq!(spans.len(), 3, "{spans:#?}");
    let server = one(&spans, "HTTP server", |s| s.kind == "SERVER" && s.name == "GET /ping");
    let client = one(&spans, "gRPC client", |s| s.kind == "CLIENT" && s.name == "grpc.health.v1.Health/Check");
    assert_eq!(client.parent, server.id);
    let rpc = one(&spans, "gRPC server", |s| s.kind == "SERVER" && s.name == "grpc.health.v1.Health/Check");
    assert_eq!(rpc.parent, client.id);
}

/// `//gorch:span` on a type is an error, not a silent no-op.
#[test]
fn span_directives_on_non_functions_stop_the_build() {
    let m = Module::copy("modules/services");
    m.write("cmd/inventory/config.go", "package main\n\n//gorch:span\ntype config struct{}\n");
    let mut pin = command(gorch(), m.path());
    pin.arg("pin");
    ok(run(pin), "gorch pin");
    let out = m.gorch(&["go", "build", "-o", "bin/", "./cmd/inventory"]);
    assert!(!out.status.success());
    let aspects =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("aspects/span/span.yaml")).unwrap();
    let line = aspects.lines().position(|l| l.trim() == "- id: otel-span").unwrap() + 1;
    let want = format!(
        "cmd/inventory/config.go:3:1: aspect \"otel-span\" (builtin:aspects/span/span.yaml:{line}): prepend-statements changes functions, but this is a type declaration"
    );
    assert!(text(&out.stderr).contains(&want), "{}", text(&out.stderr));
}

#[test]
fn gorch_go_build_summarizes_and_reports_every_site() {
    let m = Module::copy("modules/services");
    ok(m.gorch(&["pin"]), "gorch pin (services)");
    let out = ok(m.gorch(&["go", "--report", "report.json", "build", "-o", "bin/", "./cmd/..."]), "gorch go build");
    let summary = text(&out.stderr);
    assert!(summary.starts_with("gorch: instrumented "), "{summary}");
    assert!(summary.contains(" otel-sql-query 1") && summary.contains(" otel-grpc-server 2"), "{summary}");
    let report = m.read("report.json");
    let grpc = m.line_of("cmd/inventory/main.go", "grpc.NewServer(");
    for site in [
        "{\"aspect\": \"otel-sql-hooks\", \"package\": \"example.com/services/cmd/inventory\", \"file\": null, \"line\": null}".to_string(),
        format!("{{\"aspect\": \"otel-grpc-server\", \"package\": \"example.com/services/cmd/inventory\", \"file\": \"cmd/inventory/main.go\", \"line\": {grpc}}}"),
        "{\"aspect\": \"otel-sdk\", \"package\": \"example.com/services/cmd/frontend\", \"file\": null, \"line\": null}".to_string(),
    ] {
        assert!(report.contains(&site), "missing {site} in:\n{report}");
    }
    // The instrumentation is instrumented only where an aspect names it:
    // its HTTP exporters' requests, and its Prometheus endpoint, are
    // marked untraced.
    for line in report.lines().filter(|l| l.contains("\"package\": \"go.opentelemetry.io/")) {
        assert!(
            line.contains("\"aspect\": \"otel-http-exporters-untraced\"")
                || line.contains("\"aspect\": \"otel-http-exporters-untraced-server\""),
            "{line}"
        );
    }
    // The same summary when everything comes from the build cache.
    let again = ok(m.gorch(&["go", "build", "-o", "bin/", "./cmd/..."]), "second gorch go build");
    assert_eq!(text(&again.stderr), summary);
}

/// With the collector down, a service built with gorch keeps serving and
/// exits within the exporter's timeout once main returns.
#[test]
fn a_dead_collector_slows_nothing_and_bounds_the_exit() {
    let m = Module::copy("bench/service");
    ok(m.gorch(&["pin"]), "gorch pin (bench service)");
    ok(m.gorch(&["go", "build", "-o", "hello", "./cmd/hello"]), "gorch go build");
    let (port, closed) = (free_port(), free_port());
    let env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", format!("http://127.0.0.1:{closed}")),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
        ("OTEL_EXPORTER_OTLP_TIMEOUT", "1500".to_string()),
        ("LISTEN", format!("127.0.0.1:{port}")),
    ];
    let mut hello = Service::start(&m.path().join("hello"), "hello", &env, &[port]);
    let started = Instant::now();
    for i in 0..300 {
        assert_eq!(get(port, &format!("/hello/{i}"), &[]), (200, format!("hello, {i}\n")));
    }
    let served = started.elapsed();
    let exit = hello.stop().took;
    assert!(served < Duration::from_secs(20), "300 requests took {served:?}");
    assert!(exit < Duration::from_secs(4), "exit took {exit:?}, more than the 1.5 s export timeout allows");
}

/// The smaller SDK setup the bench service ships (otlp-http-only.yaml as
/// its gorch.yaml: OTLP over HTTP only, no autoexport) exports all three
/// signals' providers through the built-in otel-sdk's resource and flush:
/// the server span and the request-duration metric arrive, with the
/// service's name.
#[test]
fn the_otlp_http_only_setup_exports_spans_and_metrics() {
    let m = Module::copy("bench/service");
    std::fs::copy(m.path().join("otlp-http-only.yaml"), m.path().join("gorch.yaml")).unwrap();
    ok(m.gorch(&["pin"]), "gorch pin (bench service, OTLP/HTTP only)");
    ok(m.gorch(&["go", "build", "-o", "hello", "./cmd/hello"]), "gorch go build");
    let receiver = Receiver::start();
    let port = free_port();
    let env =
        [("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.http_endpoint.clone()), ("LISTEN", format!("127.0.0.1:{port}"))];
    let mut hello = Service::start(&m.path().join("hello"), "hello", &env, &[port]);
    assert_eq!(get(port, "/hello/ada", &[]), (200, "hello, ada\n".to_string()));
    hello.stop();
    let spans = receiver.wait_for(|s| s.iter().any(|s| s.kind == "SERVER"));
    let server = one(&spans, "server", |s| s.kind == "SERVER");
    assert_eq!((server.service.as_str(), server.name.as_str()), ("hello", "GET /hello/{name}"), "{server:#?}");
    let points = receiver.metric_points();
    assert!(
        points.iter().any(|p| p.service == "hello"
            && p.name == "http.server.request.duration"
            && p.attributes.get("http.route").map(String::as_str) == Some("/hello/{name}")),
        "{points:#?}"
    );
}
