//! Messaging, between two services: NATS through nats.go
//! (aspects/messaging/nats.yaml) with a real nats-server, and Kafka through
//! franz-go (aspects/messaging/franz-go.yaml) with franz-go's kfake broker.
//!
//! NATS: The shop (`messaging/cmd/shop`)
//! publishes an audit message with a header of its own and sends a request
//! to the warehouse (`messaging/cmd/warehouse`), which replies: one trace
//! per HTTP request, across both services, each message a producer span
//! whose consumer span in the other service is its child, and the reply
//! the warehouse sends from its handler a child of the consumer span. The
//! warehouse sees the shop's own header as without gorch.

use crate::otel::{Receiver, Service, Span, free_port, get};
use crate::servers;

const CALLER: &str = "b7ad6b7169203331";
const ITEMS: [&str; 2] = ["kettle", "toaster"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0x9f3d6b0a4c8e4f2b8a6f5e4d00000000u128 + i as u128)
}

/// Runs both services from `dir` against a fresh server; returns the shop's
/// answers and what the warehouse printed.
fn ship(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Vec<(u16, String)>, String) {
    let nats = servers::nats();
    let (shop_port, warehouse_port) = (free_port(), free_port());
    let mut env = env.to_vec();
    env.push(("NATS_URL", format!("nats://{}", nats.addr())));
    let with_port = |port: u16| [env.clone(), vec![("LISTEN", format!("127.0.0.1:{port}"))]].concat();
    let bin = m.path().join(dir);
    let mut warehouse = Service::start(&bin.join("warehouse"), "warehouse", &with_port(warehouse_port), &[warehouse_port]);
    let mut shop = Service::start(&bin.join("shop"), "shop", &with_port(shop_port), &[shop_port]);
    let answers = ITEMS
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let traceparent = format!("00-{}-{CALLER}-01", trace(i));
            get(shop_port, &format!("/ship/{item}"), &[("traceparent", &traceparent)])
        })
        .collect();
    shop.stop();
    std::thread::sleep(std::time::Duration::from_millis(200));
    (answers, warehouse.stop().stdout)
}

#[test]
fn nats_messages_carry_the_trace_from_producer_to_consumer() {
    let m = super::build("messaging", &["./cmd/shop", "./cmd/warehouse"], true);
    let (plainly, printed) = ship(&m, "plain", &[]);
    assert_eq!(
        plainly,
        [(200, "shipped kettle (1 so far)\n".to_string()), (200, "shipped toaster (2 so far)\n".to_string())]
    );
    assert_eq!(printed, "audit: ship kettle [Item=kettle]\naudit: ship toaster [Item=toaster]\n");

    let receiver = Receiver::start();
    let env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
    ];
    assert_eq!(ship(&m, "bin", &env), (plainly, printed), "the services behave differently through gorch");

    let spans = receiver.wait_for(|s| {
        (0..ITEMS.len()).all(|i| s.iter().filter(|s| s.trace == trace(i) && s.service == "warehouse").count() >= 3)
    });
    for i in 0..ITEMS.len() {
        let of_request: Vec<&Span> = spans.iter().filter(|s| s.trace == trace(i)).collect();
        let find = |service: &str, kind: &str, name: &str| -> &Span {
            of_request
                .iter()
                .find(|s| s.service == service && s.kind == kind && s.name == name)
                .unwrap_or_else(|| panic!("no {kind} span {name:?} of {service}: {of_request:#?}"))
        };
        let server = find("shop", "SERVER", "GET /ship/{item}");
        assert_eq!(server.parent, CALLER);
        for subject in ["orders.audit", "orders.ship"] {
            let publish = find("shop", "PRODUCER", &format!("publish {subject}"));
            let process = find("warehouse", "CONSUMER", &format!("process {subject}"));
            assert_eq!((publish.parent.as_str(), process.parent.as_str()), (server.id.as_str(), publish.id.as_str()));
            for span in [publish, process] {
                let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
                assert_eq!(
                    (attribute("messaging.system"), attribute("messaging.destination.name")),
                    (Some("nats"), Some(subject)),
                    "{span:#?}"
                );
            }
        }
        // The warehouse's reply, sent from its handler, is a child of the
        // message it answers; the reply's arrival at the shop's inbox is no
        // consumer span.
        let process_ship = find("warehouse", "CONSUMER", "process orders.ship");
        let reply = find("warehouse", "PRODUCER", "publish (temporary)");
        assert_eq!(reply.parent, process_ship.id, "{reply:#?}");
        assert_eq!(of_request.len(), 6, "{of_request:#?}");
    }
}

/// Runs the Kafka broker (built plainly), the fulfilment service and the
/// orders service from `dir`; returns the orders service's answers and what
/// the fulfilment service printed once it consumed every order.
fn order(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> (Vec<(u16, String)>, String) {
    let (kafka_port, orders_port, fulfil_port) = (free_port(), free_port(), free_port());
    let bin = m.path().join(dir);
    let mut broker = Service::start(
        &m.path().join("plain").join("broker"),
        "broker",
        &[("KAFKA_PORT", kafka_port.to_string())],
        &[kafka_port],
    );
    let mut env = env.to_vec();
    env.extend([
        ("KAFKA_ADDR", format!("127.0.0.1:{kafka_port}")),
        ("ORDERS_URL", format!("http://127.0.0.1:{orders_port}")),
    ]);
    let with_port = |port: u16| [env.clone(), vec![("LISTEN", format!("127.0.0.1:{port}"))]].concat();
    let mut orders = Service::start(&bin.join("orders"), "orders", &with_port(orders_port), &[orders_port]);
    let mut fulfil = Service::start(&bin.join("fulfil"), "fulfil", &with_port(fulfil_port), &[fulfil_port]);
    let answers = ITEMS
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let traceparent = format!("00-{}-{CALLER}-01", trace(i));
            get(orders_port, &format!("/order/{item}"), &[("traceparent", &traceparent)])
        })
        .collect();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while fulfil.stdout().lines().count() < ITEMS.len() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let printed = fulfil.stop().stdout;
    orders.stop();
    broker.stop();
    (answers, printed)
}

#[test]
fn kafka_records_carry_the_trace_from_producer_to_consumer_and_on() {
    let m = super::build("messaging", &["./cmd/broker", "./cmd/orders", "./cmd/fulfil"], true);
    let (plainly, printed) = order(&m, "plain", &[]);
    assert_eq!(
        plainly,
        [(200, "order kettle at offset 0\n".to_string()), (200, "order toaster at offset 1\n".to_string())]
    );
    assert_eq!(printed, "fulfil kettle [source=web]: ack 1 for kettle\nfulfil toaster [source=web]: ack 2 for toaster\n");

    let receiver = Receiver::start();
    let env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
    ];
    assert_eq!(order(&m, "bin", &env), (plainly, printed), "the services behave differently through gorch");

    let spans = receiver.wait_for(|s| {
        (0..ITEMS.len()).all(|i| s.iter().filter(|s| s.trace == trace(i) && s.kind == "SERVER").count() >= 2)
    });
    for (i, item) in ITEMS.iter().enumerate() {
        let of_request: Vec<&Span> = spans.iter().filter(|s| s.trace == trace(i)).collect();
        let find = |service: &str, kind: &str, name: &str| -> &Span {
            of_request
                .iter()
                .find(|s| s.service == service && s.kind == kind && s.name == name)
                .unwrap_or_else(|| panic!("no {kind} span {name:?} of {service}: {of_request:#?}"))
        };
        // orders: the request -> the record produced; fulfil: the record
        // received -> the acknowledgement sent with its context; orders:
        // the acknowledgement served.
        let server = find("orders", "SERVER", "GET /order/{item}");
        let publish = find("orders", "PRODUCER", "orders publish");
        let receive = find("fulfil", "CONSUMER", "orders receive");
        let ack = find("fulfil", "CLIENT", "HTTP GET");
        let acked = find("orders", "SERVER", "GET /ack/{item}");
        assert_eq!(
            [&server.parent, &publish.parent, &receive.parent, &ack.parent, &acked.parent],
            [CALLER, &server.id, &publish.id, &receive.id, &ack.id],
            "{item}: {of_request:#?}"
        );
        for span in [publish, receive] {
            assert_eq!(span.attributes.get("messaging.system").map(String::as_str), Some("kafka"), "{span:#?}");
        }
    }
}
