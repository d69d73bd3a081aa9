//! A real Prometheus server (Debian's `prometheus` package, installed when
//! missing) scrapes a service built with gorch and
//! `OTEL_METRICS_EXPORTER=prometheus`: the request-duration series carry
//! the route, the Go runtime's metrics and the resource (`target_info`)
//! are there, and the scrapes themselves are not counted as requests.

use crate::otel::{Service, free_port, get};
use crate::support::{Module, ok, poll};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The `prometheus` binary, installed from Debian's package when missing.
fn prometheus_binary() -> PathBuf {
    if let Ok(path) = which::which("prometheus") {
        return path;
    }
    let installed = Command::new("sh")
        .args(["-c", "apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus"])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        installed,
        "this test needs a Prometheus server: install Debian's prometheus package (apt-get install prometheus), or put prometheus on PATH"
    );
    which::which("prometheus").expect("prometheus on PATH after apt-get install prometheus")
}

/// A Prometheus server on a loopback port, scraping `target` every 500 ms;
/// killed on drop.
struct Prometheus {
    child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Prometheus {
    fn start(target: u16) -> Prometheus {
        let binary = prometheus_binary();
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("prometheus.yml");
        std::fs::write(
            &config,
            format!(
                "global:\n  scrape_interval: 500ms\nscrape_configs:\n  - job_name: hello\n    static_configs:\n      - targets: ['127.0.0.1:{target}']\n"
            ),
        )
        .unwrap();
        let port = free_port();
        let child = Command::new(binary)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!("--storage.tsdb.path={}", dir.path().join("data").display()))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starting prometheus");
        Prometheus { child, port, _dir: dir }
    }

    /// The body of an instant query's answer.
    fn query(&self, promql: &str) -> String {
        let encoded: String = promql
            .bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect();
        get(self.port, &format!("/api/v1/query?query={encoded}"), &[]).1
    }

    /// Waits (at most 30 s) for a query whose answer holds `want`.
    fn wait_for(&self, promql: &str, want: &str) -> String {
        let answer = || {
            let up = std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok();
            if up { self.query(promql) } else { String::new() }
        };
        poll(Duration::from_secs(30), Duration::from_millis(250), answer, |a| a.contains(want))
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn prometheus_scrapes_request_durations_by_route_and_the_runtime_metrics() {
    let m = Module::copy("bench/service");
    ok(m.gorch(&["pin"]), "gorch pin (bench service)");
    ok(m.gorch(&["go", "build", "-o", "hello", "./cmd/hello"]), "gorch go build (hello)");
    let (web, metrics) = (free_port(), free_port());
    let mut hello = Service::start(
        &m.path().join("hello"),
        "hello",
        &[
            ("LISTEN", format!("127.0.0.1:{web}")),
            ("OTEL_TRACES_EXPORTER", "none".into()),
            ("OTEL_METRICS_EXPORTER", "prometheus".into()),
            ("OTEL_EXPORTER_PROMETHEUS_HOST", "127.0.0.1".into()),
            ("OTEL_EXPORTER_PROMETHEUS_PORT", metrics.to_string()),
        ],
        &[web, metrics],
    );
    for name in ["ada", "bob", "cy"] {
        assert_eq!(get(web, &format!("/hello/{name}"), &[]), (200, format!("hello, {name}\n")));
    }
    let prometheus = Prometheus::start(metrics);

    let requests = prometheus
        .wait_for(r#"http_server_request_duration_seconds_count{http_route="/hello/{name}"}"#, r#""value":["#);
    assert!(requests.contains(r#""http_request_method":"GET""#), "{requests}");
    assert!(requests.contains(r#","3"]"#), "three requests counted for the route: {requests}");
    let runtime = prometheus.wait_for("go_goroutine_count", r#""value":["#);
    assert!(runtime.contains(r#""job":"hello""#), "{runtime}");
    let memory = prometheus.wait_for(r#"{__name__=~"go_memory_used.*"}"#, r#""value":["#);
    assert!(memory.contains("go_memory_used"), "{memory}");
    let resource = prometheus.wait_for(r#"target_info{service_name="hello"}"#, r#""value":["#);
    assert!(resource.contains(r#""telemetry_sdk_language":"go""#), "{resource}");
    // Prometheus has scraped several times by now: none of it is a request.
    let all = prometheus.query("http_server_request_duration_seconds_count");
    assert!(!all.contains("/metrics"), "the scrapes were counted as requests: {all}");
    hello.stop();
}
