//! Real servers for the library families' tests, from Debian's packages
//! (`.ci/run` installs them), each on a free loopback port for one test
//! and stopped when dropped. A server that is not installed, or does not
//! start, fails the test with what is missing: never a skip.

use crate::otel::{Service, free_port};
use std::path::PathBuf;

/// A running server: `addr()` is where it listens.
pub struct Server {
    pub port: u16,
    _service: Service,
    _data: tempfile::TempDir,
}

impl Server {
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }
}

/// redis-server, in memory only (no snapshot, no append-only file).
pub fn redis() -> Server {
    let program = installed("redis-server", "redis-server");
    start(program, "redis-server", |port, data| {
        let port = port.to_string();
        let dir = data.display().to_string();
        ["--port", &port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", &dir]
            .map(String::from)
            .to_vec()
    })
}

/// memcached (`-u root`: it refuses to run as root otherwise).
pub fn memcached() -> Server {
    let program = installed("memcached", "memcached");
    start(program, "memcached", |port, _| {
        ["-l", "127.0.0.1", "-p", &port.to_string(), "-U", "0", "-u", "root"].map(String::from).to_vec()
    })
}

fn start(program: PathBuf, name: &'static str, args: impl Fn(u16, &std::path::Path) -> Vec<String>) -> Server {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let args = args(port, data.path());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let service = Service::start_args(&program, &args, name, &[], &[port]);
    Server { port, _service: service, _data: data }
}

/// The path of `program`, or a failure naming the Debian package to install.
fn installed(program: &str, package: &str) -> PathBuf {
    which::which(program)
        .or_else(|_| which::which_in(program, Some("/usr/sbin:/usr/bin"), "/"))
        .unwrap_or_else(|_| {
            panic!(
                "{program} is not installed: this test runs a real server from Debian's {package} package \
                 (`apt-get install {package}`, which .ci/run does)"
            )
        })
}
