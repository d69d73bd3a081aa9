//! Caches and key-value stores: go-redis v9 (aspects/caches/go-redis.yaml,
//! through redisotel) and gomemcache (aspects/caches/memcache.yaml), against
//! real redis-server and memcached processes. The program in `caches/` sends
//! Redis commands with the request's context, from a goroutine with no
//! context, and in a pipeline, then misses, sets and gets a memcached item:
//! every one of them is one client span, a child of the request's server
//! span. Built plainly, the program answers every request the same. A
//! program that uses redisotel itself (`caches/cmd/byhand`) gets no second
//! span. etcd's v3 client (`caches/cmd/settings`, against a real etcd) is
//! instrumented inside grpc-go.

use super::{in_trace, otlp, server_span};
use crate::otel::{Receiver, Span};
use crate::servers;

const NAMES: [&str; 2] = ["ann", "bob"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0x6c0a3f7f1a5e4e0b9d3c2b1a00000000u128 + i as u128)
}

/// Starts the program from `dir` against fresh servers, sends one request
/// per name, stops it; returns the answers and the Redis server's port.
fn visit(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Vec<(u16, String)>, u16) {
    let (redis, memcached) = (servers::redis(), servers::memcached());
    let env = [env, &[("REDIS_ADDR", redis.addr()), ("MEMCACHED_ADDR", memcached.addr())]].concat();
    let (answers, _) = super::serve(m, dir, "caches", env, NAMES.map(|name| format!("/visit/{name}")), trace);
    (answers, redis.port)
}

#[test]
fn redis_and_memcached_operations_are_client_spans_of_the_request() {
    let m = super::built();
    let (plainly, _) = visit(m, "plain", &[]);
    assert_eq!(plainly[0], (200, "hello ann: visit 1 of 1, after \"\", memcached missed true\n".to_string()));
    assert_eq!(plainly[1], (200, "hello bob: visit 1 of 2, after \"ann\", memcached missed true\n".to_string()));

    let receiver = Receiver::start();
    let env = otlp(&receiver);
    let (traced, redis_port) = visit(m, "bin", &env);
    assert_eq!(traced, plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, NAMES.len(), trace);
    for (i, name) in NAMES.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = server_span(&of_request, "GET /visit/{name}");

        // The commands the handler sent (the connection's own handshake
        // commands are children of the command that dialed).
        let mut children: Vec<(&str, &str)> = of_request
            .iter()
            .filter(|s| s.parent == server.id && s.kind == "CLIENT")
            .map(|s| (s.attributes.get("db.system.name").map_or("", String::as_str), s.name.as_str()))
            .filter(|(_, name)| *name != "redis.dial")
            .collect();
        children.sort();
        assert_eq!(
            children,
            [
                ("memcached", "gets"),
                ("memcached", "gets"),
                ("memcached", "set"),
                ("redis", "get"),
                ("redis", "incr"),
                ("redis", "redis.pipeline incr expire"),
                ("redis", "set"),
            ],
            "{name}: {of_request:#?}"
        );
        for span in of_request.iter().filter(|s| s.parent == server.id && s.kind == "CLIENT") {
            let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
            match attribute("db.system.name") {
                Some("redis") => {
                    assert_eq!(attribute("server.address"), Some("127.0.0.1"), "{span:#?}");
                    assert_eq!(attribute("server.port"), Some(redis_port.to_string().as_str()), "{span:#?}");
                }
                Some("memcached") => {
                    assert_eq!(attribute("db.operation.name"), Some(span.name.as_str()), "{span:#?}");
                    // The first get misses: an answer, not an error.
                    assert_ne!(span.status, "ERROR", "{span:#?}");
                }
                _ => panic!("a client span of no known system: {span:#?}"),
            }
        }
    }
    // Nothing the program did went into a trace of its own.
    let stray: Vec<&Span> = spans.iter().filter(|s| !(0..NAMES.len()).any(|i| s.trace == trace(i))).collect();
    assert!(stray.is_empty(), "spans outside the requests' traces: {stray:#?}");

    // A program that instruments its client with redisotel itself keeps
    // its own instrumentation: one span per command, not two.
    let redis = servers::redis();
    let byhand = std::process::Command::new(m.path().join("bin").join("byhand"))
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .env("OTEL_SERVICE_NAME", "byhand")
        .env("REDIS_ADDR", redis.addr())
        .output()
        .expect("running byhand");
    assert!(byhand.status.success(), "{}", String::from_utf8_lossy(&byhand.stderr));
    let spans = receiver.wait_for(|s| s.iter().any(|s| s.service == "byhand" && s.name == "job"));
    let job = spans.iter().find(|s| s.service == "byhand" && s.name == "job").unwrap();
    let commands: Vec<&Span> = spans.iter().filter(|s| s.parent == job.id).collect();
    assert_eq!(commands.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["incr"], "{commands:#?}");
}

/// etcd's v3 client talks gRPC, which gorch instruments inside grpc-go
/// (otel-grpc-client): each call is a client span of the request, the one
/// made from a goroutine with no context included.
#[test]
fn etcd_calls_are_grpc_client_spans_of_the_request() {
    let m = super::built();
    let settle = |dir: &str, env: &[(&str, String)]| {
        let etcd = servers::etcd();
        let env = [env, &[("ETCD_ADDR", etcd.addr())]].concat();
        let paths = NAMES.map(|name| format!("/setting/{name}"));
        (super::serve(m, dir, "settings", env, paths, etcd_trace).0, etcd.port)
    };
    let (plainly, _) = settle("plain", &[]);
    assert_eq!(
        plainly,
        [(200, "settings/ann = on, 1 settings\n".to_string()), (200, "settings/bob = on, 2 settings\n".to_string())]
    );

    let receiver = Receiver::start();
    let (traced, etcd_port) = settle("bin", &otlp(&receiver));
    assert_eq!(traced, plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, NAMES.len(), etcd_trace);
    for (i, name) in NAMES.iter().enumerate() {
        let of_request = in_trace(&spans, &etcd_trace(i));
        let server = server_span(&of_request, "GET /setting/{name}");
        let calls = super::client_children(&of_request, server);
        assert_eq!(
            calls,
            ["etcdserverpb.KV/Put", "etcdserverpb.KV/Range", "etcdserverpb.KV/Range"],
            "{name}: {of_request:#?}"
        );
        for span in of_request.iter().filter(|s| s.kind == "CLIENT") {
            let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
            assert_eq!(attribute("rpc.system.name"), Some("grpc"), "{span:#?}");
            assert_eq!(attribute("rpc.method"), Some(span.name.as_str()), "{span:#?}");
            assert_eq!(attribute("server.address"), Some("127.0.0.1"), "{span:#?}");
            assert_eq!(attribute("server.port"), Some(etcd_port.to_string().as_str()), "{span:#?}");
        }
    }
}

fn etcd_trace(i: usize) -> String {
    format!("{:032x}", 0x7d1b4e8e2b6f5f1cae4d3c2b00000000u128 + i as u128)
}
