//! Document stores: the MongoDB Go driver v2 (aspects/documents/mongo.yaml,
//! through the driver's command monitoring), against FerretDB, a real
//! server of MongoDB's wire protocol (servers::ferretdb). The program in
//! `documents/` inserts, finds and counts items, the count from a goroutine
//! with no context: every command is one client span, a child of the
//! request's server span. The program's own command monitor still sees
//! every command, and built plainly the program answers the same.

use super::{in_trace, otlp, server_span};
use crate::otel::Receiver;
use crate::servers;

const NAMES: [&str; 2] = ["tea", "jam"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0x8e2c5f9f3c7a6a2dbf5e4d3c00000000u128 + i as u128)
}

/// Starts the program from `dir` against a fresh server, sends one request
/// per name, stops it; returns the answers and the server's port.
fn shop(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Vec<(u16, String)>, u16) {
    let server = servers::ferretdb();
    let env = [env, &[("MONGODB_ADDR", server.addr())]].concat();
    let (answers, _) = super::serve(m, dir, "catalog", env, NAMES.map(|name| format!("/item/{name}")), trace);
    (answers, server.port)
}

#[test]
fn mongodb_commands_are_client_spans_of_the_request() {
    let m = super::built();
    let (plainly, _) = shop(m, "plain", &[]);
    assert_eq!(
        plainly,
        [
            (200, "tea found, 1 items, 3 commands seen\n".to_string()),
            (200, "jam found, 2 items, 6 commands seen\n".to_string())
        ]
    );

    let receiver = Receiver::start();
    let (traced, port) = shop(m, "bin", &otlp(&receiver));
    assert_eq!(traced, plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, NAMES.len(), trace);
    for (i, name) in NAMES.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = server_span(&of_request, "GET /item/{name}");
        let commands = super::client_children(&of_request, server);
        assert_eq!(commands, ["aggregate items", "find items", "insert items"], "{name}: {of_request:#?}");
        for span in of_request.iter().filter(|s| s.kind == "CLIENT") {
            let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
            assert_eq!(attribute("db.system.name"), Some("mongodb"), "{span:#?}");
            assert_eq!(attribute("db.namespace"), Some("shop"), "{span:#?}");
            assert_eq!(attribute("db.collection.name"), Some("items"), "{span:#?}");
            assert_eq!(span.name.split(' ').next(), attribute("db.operation.name"), "{span:#?}");
            assert_eq!(attribute("server.address"), Some("127.0.0.1"), "{span:#?}");
            assert_eq!(attribute("server.port"), Some(port.to_string().as_str()), "{span:#?}");
            assert_ne!(span.status, "ERROR", "{span:#?}");
        }
    }
}
