//! Real servers for the library families' tests, from Debian's packages
//! (`.ci/run` installs them), each on a free loopback port for one test
//! and stopped when dropped. A server that is not installed, or does not
//! start, fails the test with what is missing: never a skip.

use crate::otel::{Service, free_port};
use crate::support::{command, ok, run};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// A running server: `addr()` is where it listens.
pub struct Server {
    pub port: u16,
    service: Service,
    /// The signal that stops it at once (the default, SIGKILL, would leave
    /// a PostgreSQL server's children behind).
    stop: Option<&'static str>,
    _data: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(signal) = self.stop {
            self.service.signal(signal);
        }
    }
}

impl Server {
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// Where a server started by `postgres()` takes connections.
    pub fn postgres_url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres?sslmode=disable", self.port)
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

/// A MariaDB server that user `root` reaches without a password (no grant
/// tables: it is a throwaway), with no database yet.
pub fn mariadb() -> Server {
    let (install, server) =
        (installed("mariadb-install-db", "mariadb-server"), installed("mariadbd", "mariadb-server"));
    let data = tempfile::tempdir().unwrap();
    let datadir = format!("--datadir={}", data.path().join("data").display());
    let out = Command::new(install)
        .args(["--no-defaults", &datadir, "--user=root", "--skip-test-db", "--auth-root-authentication-method=normal"])
        .output()
        .expect("running mariadb-install-db");
    assert!(out.status.success(), "mariadb-install-db failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let port = free_port();
    let (port_arg, socket) = (format!("--port={port}"), format!("--socket={}", data.path().join("socket").display()));
    let args = ["--no-defaults", &datadir, &port_arg, &socket, "--bind-address=127.0.0.1", "--user=root"];
    let args = [&args[..], &["--skip-grant-tables", "--skip-log-bin", "--innodb-flush-log-at-trx-commit=0"]].concat();
    let service = Service::start_args(&server, &args, "mariadbd", &[], &[port]);
    Server { port, service, stop: Some("TERM"), _data: data }
}

/// nats-server, without JetStream.
pub fn nats() -> Server {
    let program = installed("nats-server", "nats-server");
    start(program, "nats-server", |port, _| ["-a", "127.0.0.1", "-p", &port.to_string()].map(String::from).to_vec())
}

/// etcd, a single member, its peer port on loopback too.
pub fn etcd() -> Server {
    let program = installed("etcd", "etcd-server");
    start(program, "etcd", |port, data| {
        let (client, peer) = (format!("http://127.0.0.1:{port}"), format!("http://127.0.0.1:{}", free_port()));
        vec![
            "--name".into(),
            "test".into(),
            "--data-dir".into(),
            data.display().to_string(),
            "--listen-client-urls".into(),
            client.clone(),
            "--advertise-client-urls".into(),
            client,
            "--listen-peer-urls".into(),
            peer.clone(),
            "--initial-advertise-peer-urls".into(),
            peer.clone(),
            "--initial-cluster".into(),
            format!("test={peer}"),
        ]
    })
}

/// FerretDB, which speaks MongoDB's wire protocol, on SQLite: no MongoDB
/// server is packaged for Debian, so `integration/ferretdb` builds one from
/// the Go module proxy (once per test run, plainly).
pub fn ferretdb() -> Server {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let program = BUILT.get_or_init(|| {
        let bin = Path::new(env!("CARGO_TARGET_TMPDIR")).join("ferretdb");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("integration/ferretdb");
        let mut build = command("go", &source);
        build.args(["build", "-o"]).arg(&bin).arg(".");
        ok(run(build), "building FerretDB (integration/ferretdb) from the Go module proxy");
        bin
    });
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let env = [("LISTEN", format!("127.0.0.1:{port}")), ("DATA", data.path().display().to_string())];
    let service = Service::start_args(program, &[], "ferretdb", &env, &[port]);
    Server { port, service, stop: None, _data: data }
}

/// moto's server, which answers the AWS APIs (S3, DynamoDB, SQS, ...) in
/// memory, from PyPI.
pub fn moto() -> Server {
    let program = installed_from("moto_server", "PyPI's moto (`pip install 'moto[server]'`");
    start(program, "moto_server", |port, _| ["-H", "127.0.0.1", "-p", &port.to_string()].map(String::from).to_vec())
}

/// A PostgreSQL server with one database, `postgres`, that user `postgres`
/// reaches without a password: `postgres_url()` names it.
pub fn postgres() -> Server {
    let bin = postgres_bin();
    let data = tempfile::tempdir().unwrap();
    let cluster = data.path().join("cluster");
    let as_postgres = postgres_user(data.path());
    let run = |program: &str, args: &[String]| -> Vec<String> {
        let mut line = as_postgres.clone();
        line.push(bin.join(program).display().to_string());
        line.extend_from_slice(args);
        line
    };

    let mut options =
        ["--username=postgres", "--auth=trust", "--encoding=UTF8", "--no-sync", "-D"].map(String::from).to_vec();
    options.push(cluster.display().to_string());
    let init = run("initdb", &options);
    let out = Command::new(&init[0]).args(&init[1..]).output().expect("running initdb");
    assert!(out.status.success(), "initdb failed:\n{}", String::from_utf8_lossy(&out.stderr));

    let port = free_port();
    let options =
        ["-D", &cluster.display().to_string(), "-p", &port.to_string(), "-k", &data.path().display().to_string()]
            .into_iter()
            .chain(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"])
            .map(String::from)
            .collect::<Vec<_>>();
    let line = run("postgres", &options);
    let args: Vec<&str> = line[1..].iter().map(String::as_str).collect();
    let service = Service::start_args(Path::new(&line[0]), &args, "postgres", &[], &[port]);
    Server { port, service, stop: Some("QUIT"), _data: data }
}

/// The words that run a program as the user `postgres` (PostgreSQL refuses
/// to run as root), and `data` made theirs: none when not root. setpriv
/// execs, so the process started is the server itself.
fn postgres_user(data: &Path) -> Vec<String> {
    let root = Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if !root {
        return Vec::new();
    }
    if Command::new("id").arg("postgres").output().is_ok_and(|o| !o.status.success()) {
        let made = Command::new("useradd").args(["--system", "--no-create-home", "postgres"]).status();
        assert!(made.is_ok_and(|s| s.success()), "cannot add the user postgres, which PostgreSQL runs as");
    }
    let chown = Command::new("chown").args(["-R", "postgres"]).arg(data).status();
    assert!(chown.is_ok_and(|s| s.success()), "cannot give {} to the user postgres", data.display());
    ["setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups"].map(String::from).to_vec()
}

/// The newest PostgreSQL's programs from Debian's postgresql package.
fn postgres_bin() -> PathBuf {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.flatten().map(|d| d.path().join("bin")).filter(|bin| bin.join("initdb").is_file()).collect())
        .unwrap_or_default();
    versions.sort_by_key(|bin| bin.parent().and_then(|v| v.file_name()).and_then(|v| v.to_str()?.parse::<u32>().ok()));
    versions.pop().unwrap_or_else(|| {
        panic!(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): this test runs a real server \
             from Debian's postgresql package (`apt-get install postgresql`, which .ci/run does)"
        )
    })
}

fn start(program: PathBuf, name: &'static str, args: impl Fn(u16, &Path) -> Vec<String>) -> Server {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let args = args(port, data.path());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let service = Service::start_args(&program, &args, name, &[], &[port]);
    Server { port, service, stop: None, _data: data }
}

/// The path of `program`, or a failure naming the Debian package to install.
fn installed(program: &str, package: &str) -> PathBuf {
    installed_from(program, &format!("Debian's {package} package (`apt-get install {package}`"))
}

/// The path of `program`, or a failure saying where it comes from (`from`,
/// an open parenthesis with the command that installs it).
fn installed_from(program: &str, from: &str) -> PathBuf {
    which::which(program).or_else(|_| which::which_in(program, Some("/usr/sbin:/usr/bin"), "/")).unwrap_or_else(|_| {
        panic!("{program} is not installed: this test runs a real server from {from}, which .ci/run does)")
    })
}
