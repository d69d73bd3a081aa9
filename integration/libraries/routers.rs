//! Routers: chi, gorilla/mux, gin, echo and httprouter (aspects/routers/).
//! The server span of a request a router matched is named after the route's
//! template, nested routers' prefixes included, with the template as
//! `http.route`; a request no route matched keeps the method alone. chi is
//! the server's handler itself, the others are mounted under a ServeMux
//! (the router's route, not the ServeMux pattern, names the span). The
//! program is in `routers/`; built plainly, it answers every request the
//! same.

use super::CALLER;
use crate::otel::{MetricPoint, Receiver, Service, free_port, get};
use std::collections::BTreeSet;

/// Path, the route that matched it, and whether chi serves it (on its own
/// port).
const REQUESTS: [(&str, &str, bool); 10] = [
    ("/chi/items/7", "/chi/items/{id}", true),
    ("/chi/api/users/ann", "/chi/api/users/{name}", true),
    ("/mux/items/7", "/mux/items/{id}", false),
    ("/mux/api/users/ann", "/mux/api/users/{name}", false),
    ("/gin/items/7", "/gin/items/:id", false),
    ("/gin/api/users/ann", "/gin/api/users/:name", false),
    ("/echo/items/7", "/echo/items/:id", false),
    ("/echo/api/users/ann", "/echo/api/users/:name", false),
    ("/hr/items/7", "/hr/items/:id", false),
    ("/hr/files/css/site.css", "/hr/files/*filepath", false),
];

/// The trace of the `i`th request.
fn trace(i: usize) -> String {
    format!("{:032x}", 0x5af7651916cd43dd8448eb211c800000u128 + i as u128)
}

/// The program from `dir` (`bin` or `plain`), with its two ports.
fn start(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Service, u16, u16) {
    let (port, chi_port) = (free_port(), free_port());
    let mut env = env.to_vec();
    env.push(("LISTEN", format!("127.0.0.1:{port}")));
    env.push(("LISTEN_CHI", format!("127.0.0.1:{chi_port}")));
    let service = Service::start(&m.path().join(dir).join("routers"), "routers", &env, &[port, chi_port]);
    (service, port, chi_port)
}

/// Sends every request, and one to a path no route matches; returns the
/// answers.
fn visit(port: u16, chi_port: u16) -> Vec<(u16, String)> {
    let mut answers: Vec<(u16, String)> = REQUESTS
        .iter()
        .enumerate()
        .map(|(i, (path, _, chi))| {
            let traceparent = format!("00-{}-{CALLER}-01", trace(i));
            get(if *chi { chi_port } else { port }, path, &[("traceparent", &traceparent)])
        })
        .collect();
    let traceparent = format!("00-{}-{CALLER}-01", trace(REQUESTS.len()));
    answers.push(get(chi_port, "/chi/nothing", &[("traceparent", &traceparent)]));
    answers
}

#[test]
fn each_router_names_the_server_span_after_its_route() {
    let m = super::built();
    let (mut plain, port, chi_port) = start(m, "plain", &[]);
    let plainly = visit(port, chi_port);
    plain.stop();
    assert_eq!(plainly[0], (200, "chi item 7\n".to_string()));
    assert_eq!(plainly[REQUESTS.len() - 1], (200, "httprouter file /css/site.css\n".to_string()));
    assert_eq!(plainly[REQUESTS.len()].0, 404);

    let receiver = Receiver::start();
    let (mut traced, port, chi_port) = start(m, "bin", &super::otlp(&receiver));
    assert_eq!(visit(port, chi_port), plainly, "the program answers differently through gorch");
    traced.stop();

    let traces: BTreeSet<String> = (0..=REQUESTS.len()).map(trace).collect();
    let spans = receiver.wait_for(|s| s.iter().filter(|s| traces.contains(&s.trace)).count() >= traces.len());
    for (i, (path, route, _)) in REQUESTS.iter().enumerate() {
        let of_request: Vec<_> = spans.iter().filter(|s| s.trace == trace(i)).collect();
        assert_eq!(of_request.len(), 1, "{path}: {of_request:#?}");
        let server = of_request[0];
        assert_eq!(
            (server.kind.as_str(), server.name.as_str(), server.parent.as_str()),
            ("SERVER", format!("GET {route}").as_str(), CALLER),
            "{path}: {server:#?}"
        );
        assert_eq!(server.attributes.get("http.route").map(String::as_str), Some(*route), "{path}: {server:#?}");
    }
    let unmatched = spans.iter().find(|s| s.trace == trace(REQUESTS.len())).expect("the unmatched request's span");
    assert_eq!((unmatched.name.as_str(), unmatched.attributes.get("http.route")), ("GET", None), "{unmatched:#?}");

    // The request-duration histogram, per route, for the router that is
    // the server's handler.
    let points = receiver.metric_points();
    for (_, route, _) in REQUESTS.iter().filter(|(_, _, chi)| *chi) {
        let by_route = |p: &&MetricPoint| {
            p.name == "http.server.request.duration"
                && p.attributes.get("http.route").map(String::as_str) == Some(*route)
        };
        assert!(points.iter().any(|p| by_route(&p)), "no duration histogram for {route}: {points:#?}");
    }
}
