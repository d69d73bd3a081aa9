//! PostgreSQL through pgx v5's own API (aspects/sql/pgx.yaml), against a
//! real PostgreSQL server. The program in `postgres/` serves each request
//! with a pgxpool.Pool whose connections carry a tracer of the program's
//! own: a query with the request's context, an update from a goroutine with
//! no context, a batch in a transaction, a CopyFrom, and an insert through
//! database/sql over pgx's stdlib driver. Each is one client span, a child
//! of the request's server span, with the semantic conventions' attributes;
//! the program's own tracer sees every query it saw without gorch (its
//! count is in each answer); the database/sql insert is one span, not one
//! of database/sql's and one of pgx's.

use super::{in_trace, otlp, server_span};
use crate::otel::{Receiver, Span};
use crate::servers;

const ITEMS: [&str; 2] = ["apple", "pear"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0x7d1b4f8e2a6c4d0f8e4d3c2b00000000u128 + i as u128)
}

/// Starts the program from `dir` against a fresh server, sends one request
/// per item, stops it; returns the answers and the server's port.
fn take(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Vec<(u16, String)>, u16) {
    let postgres = servers::postgres();
    let env = [env, &[("DATABASE_URL", postgres.postgres_url())]].concat();
    let (answers, exited) = super::serve(m, dir, "stock", env, ITEMS.map(|item| format!("/take/{item}")), trace);
    assert!(exited.stderr.is_empty() || exited.stderr.contains("Server closed"), "{}", exited.stderr);
    (answers, postgres.port)
}

#[test]
fn pgx_queries_batches_and_copies_are_client_spans_of_the_request() {
    let m = super::built();
    let (plainly, _) = take(m, "plain", &[]);
    assert_eq!(plainly[0].0, 200, "{plainly:?}");
    assert!(plainly[0].1.starts_with("apple: had 10, copied 2, the program's tracer saw "), "{plainly:?}");

    let receiver = Receiver::start();
    let env = otlp(&receiver);
    let (traced, port) = take(m, "bin", &env);
    assert_eq!(traced, plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, ITEMS.len(), trace);
    for (i, item) in ITEMS.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = server_span(&of_request, "GET /take/{item}");
        let children = super::client_children(&of_request, server);
        assert_eq!(
            children,
            ["BATCH", "BEGIN", "COMMIT", "COPY moves", "INSERT audit", "SELECT stock", "UPDATE stock"],
            "{item}: {of_request:#?}"
        );
        for span in of_request.iter().filter(|s| s.kind == "CLIENT") {
            let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
            assert_eq!(attribute("db.system.name"), Some("postgresql"), "{span:#?}");
            if span.name != "INSERT audit" {
                // database/sql's span has no address; pgx's has.
                assert_eq!(attribute("server.address"), Some("127.0.0.1"), "{span:#?}");
                assert_eq!(attribute("server.port"), Some(port.to_string().as_str()), "{span:#?}");
            }
        }
        let select = of_request.iter().find(|s| s.name == "SELECT stock").unwrap();
        assert_eq!(
            (
                select.attributes.get("db.query.text").map(String::as_str),
                select.attributes.get("db.operation.name").map(String::as_str),
                select.attributes.get("db.collection.name").map(String::as_str),
            ),
            (Some("SELECT count FROM stock WHERE item = $1"), Some("SELECT"), Some("stock")),
            "{select:#?}"
        );
        let batch = of_request.iter().find(|s| s.name == "BATCH").unwrap();
        assert_eq!(batch.attributes.get("db.operation.batch.size").map(String::as_str), Some("2"), "{batch:#?}");
    }
    let stray: Vec<&Span> = spans.iter().filter(|s| !(0..ITEMS.len()).any(|i| s.trace == trace(i))).collect();
    // The schema the program creates before it serves is traced too, in
    // traces of its own (no request holds it).
    assert!(stray.iter().all(|s| s.name.starts_with("CREATE") || s.name.starts_with("INSERT stock")), "{stray:#?}");
}
