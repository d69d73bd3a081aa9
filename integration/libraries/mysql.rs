//! MySQL and MariaDB through go-sql-driver/mysql, with sqlx and gorm on top
//! (the database/sql hooks of aspects/sql/database-sql.yaml: neither library
//! needs an aspect of its own), against a real MariaDB server. The program in
//! `mysql/` reads with sqlx, writes and reads back with gorm (in gorm's own
//! transaction), and counts from a goroutine with no context: every
//! statement is one client span, a child of the request's server span, with
//! db.system.name `mysql`, the query text and the table without its quotes.

use super::{in_trace, otlp, server_span};
use crate::otel::Receiver;
use crate::servers;

const ITEMS: [&str; 2] = ["apple", "pear"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0x8e2c5a9f3b7d4e1a9f5e4d3c00000000u128 + i as u128)
}

fn order(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> Vec<(u16, String)> {
    let mariadb = servers::mariadb();
    let env = [env, &[("MYSQL_ADDR", mariadb.addr())]].concat();
    super::serve(m, dir, "till", env, ITEMS.map(|item| format!("/order/{item}")), trace).0
}

#[test]
fn sqlx_and_gorm_statements_on_mariadb_are_client_spans_of_the_request() {
    let m = super::built();
    let plainly = order(m, "plain", &[]);
    assert_eq!(
        plainly,
        [(200, "order 1: apple at 3, 1 orders\n".to_string()), (200, "order 2: pear at 4, 2 orders\n".to_string())]
    );

    let receiver = Receiver::start();
    let env = otlp(&receiver);
    assert_eq!(order(m, "bin", &env), plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, ITEMS.len(), trace);
    for (i, item) in ITEMS.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = server_span(&of_request, "GET /order/{item}");
        let children: Vec<(&str, Option<&str>, Option<&str>)> = of_request
            .iter()
            .filter(|s| s.parent == server.id)
            .map(|s| {
                assert_eq!(
                    (s.kind.as_str(), s.attributes.get("db.system.name").map(String::as_str)),
                    ("CLIENT", Some("mysql")),
                    "{s:#?}"
                );
                (
                    s.name.as_str(),
                    s.attributes.get("db.collection.name").map(String::as_str),
                    s.attributes.get("db.query.text").map(String::as_str),
                )
            })
            .collect();
        let mut names: Vec<&str> = children.iter().map(|c| c.0).collect();
        names.sort();
        assert_eq!(
            names,
            ["BEGIN", "COMMIT", "INSERT orders", "SELECT orders", "SELECT orders", "SELECT prices"],
            "{item}: {of_request:#?}"
        );
        assert!(
            children.contains(&(
                "INSERT orders",
                Some("orders"),
                Some("INSERT INTO `orders` (`item`,`price`) VALUES (?,?) RETURNING `id`")
            )),
            "{children:#?}"
        );
        assert!(
            children.contains(&("SELECT orders", Some("orders"), Some("SELECT count(*) FROM orders"))),
            "the goroutine's query: {children:#?}"
        );
    }
}
