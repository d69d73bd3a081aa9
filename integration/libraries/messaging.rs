//! Messaging, between two services: NATS through nats.go
//! (aspects/messaging/nats.yaml) with a real nats-server, and Kafka through
//! franz-go (franz-go.yaml) and segmentio/kafka-go (kafka-go.yaml) with
//! franz-go's kfake broker (a Kafka that speaks the wire protocol).
//!
//! NATS: the shop (`messaging/cmd/shop`) publishes an audit message with a
//! header of its own and sends a request to the warehouse
//! (`messaging/cmd/warehouse`), which replies: one trace per HTTP request,
//! across both services, each message a producer span whose consumer span
//! in the other service is its child, and the reply the warehouse sends
//! from its handler a child of the consumer span.
//!
//! Kafka: orders produces a record per request that fulfil consumes and
//! acknowledges over HTTP with the record's context (franz-go); billing
//! writes a message per request that ledger reads (kafka-go).
//!
//! Each consumer prints the producer's own headers, the same through gorch
//! as without it.

use super::{CALLER, get_each, in_trace, otlp};
use crate::otel::{Receiver, Service, Span, free_port};
use crate::servers;

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
    let mut warehouse =
        Service::start(&bin.join("warehouse"), "warehouse", &with_port(warehouse_port), &[warehouse_port]);
    let mut shop = Service::start(&bin.join("shop"), "shop", &with_port(shop_port), &[shop_port]);
    let answers = get_each(shop_port, ITEMS.map(|item| format!("/ship/{item}")), trace);
    shop.stop();
    std::thread::sleep(std::time::Duration::from_millis(200));
    (answers, warehouse.stop().stdout)
}

#[test]
fn nats_messages_carry_the_trace_from_producer_to_consumer() {
    let m = super::built();
    let (plainly, printed) = ship(m, "plain", &[]);
    assert_eq!(
        plainly,
        [(200, "shipped kettle (1 so far)\n".to_string()), (200, "shipped toaster (2 so far)\n".to_string())]
    );
    assert_eq!(printed, "audit: ship kettle [Item=kettle]\naudit: ship toaster [Item=toaster]\n");

    let receiver = Receiver::start();
    assert_eq!(ship(m, "bin", &otlp(&receiver)), (plainly, printed), "the services behave differently through gorch");

    let spans = receiver.wait_for(|s| {
        (0..ITEMS.len()).all(|i| s.iter().filter(|s| s.trace == trace(i) && s.service == "warehouse").count() >= 3)
    });
    for i in 0..ITEMS.len() {
        let of_request = in_trace(&spans, &trace(i));
        let find = |service: &str, kind: &str, name: &str| find(&of_request, service, kind, name);
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

/// Runs the Kafka broker (built plainly), then a consumer and a producer
/// from `dir` (the producer an HTTP service, whose URL the consumer gets
/// as ORDERS_URL); sends `/{path}/{item}` for each item to the producer;
/// returns its answers and what the consumer printed once it consumed every
/// item.
fn through_kafka(
    m: &crate::support::Module,
    dir: &str,
    env: &[(&str, String)],
    (producer, consumer, path): (&'static str, &'static str, &str),
) -> (Vec<(u16, String)>, String) {
    let (kafka_port, producer_port, consumer_port) = (free_port(), free_port(), free_port());
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
        ("ORDERS_URL", format!("http://127.0.0.1:{producer_port}")),
    ]);
    let with_port = |port: u16| [env.clone(), vec![("LISTEN", format!("127.0.0.1:{port}"))]].concat();
    let mut producing = Service::start(&bin.join(producer), producer, &with_port(producer_port), &[producer_port]);
    let mut consuming = Service::start(&bin.join(consumer), consumer, &with_port(consumer_port), &[consumer_port]);
    let answers = get_each(producer_port, ITEMS.map(|item| format!("/{path}/{item}")), trace);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while consuming.stdout().lines().count() < ITEMS.len() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let printed = consuming.stop().stdout;
    producing.stop();
    broker.stop();
    (answers, printed)
}

/// The span of `service` of that kind and name, or a failure listing them.
fn find<'a>(spans: &[&'a Span], service: &str, kind: &str, name: &str) -> &'a Span {
    spans
        .iter()
        .find(|s| s.service == service && s.kind == kind && s.name == name)
        .unwrap_or_else(|| panic!("no {kind} span {name:?} of {service}: {spans:#?}"))
}

#[test]
fn kafka_records_carry_the_trace_from_producer_to_consumer_and_on() {
    const SERVICES: (&str, &str, &str) = ("orders", "fulfil", "order");
    let m = super::built();
    let (plainly, printed) = through_kafka(m, "plain", &[], SERVICES);
    assert_eq!(
        plainly,
        [(200, "order kettle at offset 0\n".to_string()), (200, "order toaster at offset 1\n".to_string())]
    );
    assert_eq!(
        printed,
        "fulfil kettle [source=web]: ack 1 for kettle\nfulfil toaster [source=web]: ack 2 for toaster\n"
    );

    let receiver = Receiver::start();
    assert_eq!(
        through_kafka(m, "bin", &otlp(&receiver), SERVICES),
        (plainly, printed),
        "the services behave differently through gorch"
    );

    let spans = receiver.wait_for(|s| {
        (0..ITEMS.len()).all(|i| s.iter().filter(|s| s.trace == trace(i) && s.kind == "SERVER").count() >= 2)
    });
    for (i, item) in ITEMS.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let find = |service: &str, kind: &str, name: &str| find(&of_request, service, kind, name);
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

#[test]
fn kafka_go_messages_carry_the_trace_from_writer_to_reader() {
    const SERVICES: (&str, &str, &str) = ("billing", "ledger", "bill");
    let m = super::built();
    let (plainly, printed) = through_kafka(m, "plain", &[], SERVICES);
    assert_eq!(
        plainly,
        [(200, "billed kettle with 1 header(s)\n".to_string()), (200, "billed toaster with 1 header(s)\n".to_string())]
    );
    assert_eq!(printed, "ledger kettle [currency=EUR] at offset 0\nledger toaster [currency=EUR] at offset 1\n");

    let receiver = Receiver::start();
    assert_eq!(
        through_kafka(m, "bin", &otlp(&receiver), SERVICES),
        (plainly, printed),
        "the services behave differently through gorch"
    );
    let spans =
        receiver.wait_for(|s| (0..ITEMS.len()).all(|i| s.iter().any(|s| s.trace == trace(i) && s.kind == "CONSUMER")));
    for (i, item) in ITEMS.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = find(&of_request, "billing", "SERVER", "GET /bill/{item}");
        let send = find(&of_request, "billing", "PRODUCER", "send bills");
        let receive = find(&of_request, "ledger", "CONSUMER", "receive bills");
        assert_eq!(
            [&server.parent, &send.parent, &receive.parent],
            [CALLER, &server.id, &send.id],
            "{item}: {of_request:#?}"
        );
        assert_eq!(receive.attributes.get("messaging.kafka.offset").map(String::as_str), Some(i.to_string().as_str()));
    }
}
