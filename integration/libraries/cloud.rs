//! Cloud SDKs: aws-sdk-go-v2 through otelaws (aspects/cloud/), against
//! moto's server on loopback. The program in `cloud/` puts and gets an S3
//! object with the request's context and puts and gets a DynamoDB item
//! from a goroutine with no context: each operation is one client span,
//! a child of the request's server span, with the RPC attributes; the S3
//! client's API option of the program's own still counts every operation
//! (its count is in each answer).

use super::{in_trace, otlp, server_span};
use crate::otel::Receiver;
use crate::servers;

const NAMES: [&str; 2] = ["ann", "bob"];

fn trace(i: usize) -> String {
    format!("{:032x}", 0xa04e7c1b5d9f4a3c9b7a6f5e00000000u128 + i as u128)
}

fn note(m: &crate::support::Module, dir: &str, env: &[(&str, String)]) -> Vec<(u16, String)> {
    let moto = servers::moto();
    let mut env = env.to_vec();
    env.extend([
        ("AWS_ENDPOINT_URL", format!("http://{}", moto.addr())),
        ("AWS_ACCESS_KEY_ID", "test".to_string()),
        ("AWS_SECRET_ACCESS_KEY", "test".to_string()),
        ("AWS_REGION", "us-east-1".to_string()),
    ]);
    super::serve(m, dir, "notes", env, NAMES.map(|name| format!("/note/{name}")), trace).0
}

#[test]
fn aws_operations_are_client_spans_of_the_request() {
    let m = super::built();
    let plainly = note(m, "plain", &[]);
    assert_eq!(
        plainly,
        [
            (200, "note ann, indexed 1, S3 operations 3\n".to_string()),
            (200, "note bob, indexed 1, S3 operations 5\n".to_string())
        ]
    );

    let receiver = Receiver::start();
    let env = otlp(&receiver);
    assert_eq!(note(m, "bin", &env), plainly, "the program answers differently through gorch");

    let spans = super::wait_for_requests(&receiver, NAMES.len(), trace);
    for (i, name) in NAMES.iter().enumerate() {
        let of_request = in_trace(&spans, &trace(i));
        let server = server_span(&of_request, "GET /note/{name}");
        let operations = super::client_children(&of_request, server);
        assert_eq!(
            operations,
            ["DynamoDB.GetItem", "DynamoDB.PutItem", "S3.GetObject", "S3.PutObject"],
            "{name}: {of_request:#?}"
        );
        for span in of_request.iter().filter(|s| s.parent == server.id) {
            let attribute = |key: &str| span.attributes.get(key).map(String::as_str);
            assert_eq!(attribute("rpc.system.name"), Some("aws-api"), "{span:#?}");
            assert_eq!(attribute("rpc.method"), Some(span.name.replace('.', "/").as_str()), "{span:#?}");
            assert_eq!(attribute("aws.region"), Some("us-east-1"), "{span:#?}");
        }
    }
}
