//! Loggers (aspects/logs/): a line written through zap, logrus or zerolog
//! while a request is traced carries the request's trace and span ids in
//! the program's own output and is exported as an OpenTelemetry log record;
//! a line written outside any span is unchanged. The standard log package's
//! plain text is never changed, and its lines are exported. The program
//! (`logs/`) writes through a package of its own: its main package imports
//! none of the loggers, and the hooks follow the program's dependencies,
//! not its main package's imports.

use super::CALLER;
use crate::otel::{Receiver, Service, free_port, get};
use crate::support::{Module, ok};

const TRACE: &str = "0af7651916cd43dd8448eb211c80319c";
/// What each logger's lines start their message with (zap's sugared
/// logger has its own).
const LOGGERS: [&str; 4] = ["zap", "sugared", "logrus", "zerolog"];

/// The program's own line of `output` whose message is `message` (not a
/// record the console exporter printed).
fn line<'o>(output: &'o str, message: &str) -> &'o str {
    let quoted = format!("\"{message}\"");
    output
        .lines()
        .find(|l| l.contains(&quoted) && !is_console_record(l))
        .unwrap_or_else(|| panic!("no {message:?} line in:\n{output}"))
}

/// The console log exporter's records are JSON objects that start so.
fn is_console_record(line: &str) -> bool {
    line.starts_with(r#"{"Timestamp":"#)
}

/// The bodies of the records the console log exporter printed.
fn console_bodies(output: &str) -> Vec<String> {
    output
        .lines()
        .filter(|l| is_console_record(l))
        .filter_map(|l| l.split(r#""Body":{"Type":"STRING","Value":""#).nth(1))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn zap_logrus_and_zerolog_lines_carry_the_request_trace_and_are_exported() {
    let m = super::built();
    let pinned = m.read("go.mod");
    for bridge in ["go.opentelemetry.io/contrib/bridges/otelzap", "go.opentelemetry.io/contrib/bridges/otellogrus"] {
        assert!(pinned.contains(bridge), "gorch pin did not add {bridge}:\n{pinned}");
    }

    let receiver = Receiver::start();
    let port = free_port();
    let env = [
        ("LISTEN", format!("127.0.0.1:{port}")),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint.clone()),
        ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc".to_string()),
    ];
    let mut app = Service::start(&m.path().join("bin/app"), "loggers", &env, &[port]);
    let traceparent = format!("00-{TRACE}-{CALLER}-01");
    assert_eq!(get(port, "/items/tea", &[("traceparent", &traceparent)]), (200, "ok\n".to_string()));
    let exited = app.stop();
    let spans = receiver.wait_for(|s| s.iter().any(|s| s.trace == TRACE && s.kind == "SERVER"));
    let server = spans.iter().find(|s| s.trace == TRACE && s.kind == "SERVER").expect("the request's server span");
    let records = receiver.log_records();

    for logger in LOGGERS {
        // In the program's own output: the ids of the span the line was
        // written in (zerolog's was handed the context, the others not) ...
        let request = line(&exited.stdout, &format!("{logger} request"));
        assert!(request.contains(&format!(r#""trace_id":"{TRACE}""#)), "{request}");
        assert!(request.contains(&format!(r#""span_id":"{}""#, server.id)), "{request}");
        assert!(request.contains(r#""item":"tea""#), "{request}");
        // ... and nothing added outside any span.
        let ready = line(&exited.stdout, &format!("{logger} ready"));
        assert!(!ready.contains("trace_id") && !ready.contains("span_id"), "{ready}");

        // Exported, with the trace context, the level and the fields.
        let exported = records
            .iter()
            .find(|r| r.body == format!("{logger} request"))
            .unwrap_or_else(|| panic!("no exported {logger} request record: {records:#?}"));
        // The severity text is each logger's own name of the level.
        assert_eq!(
            (exported.service.as_str(), exported.trace.as_str(), exported.span.as_str()),
            ("loggers", TRACE, server.id.as_str()),
            "{exported:#?}"
        );
        assert_eq!(exported.severity.to_lowercase(), "info", "{exported:#?}");
        assert_eq!(exported.attributes.get("item").map(String::as_str), Some("tea"), "{exported:#?}");
        let outside = records
            .iter()
            .find(|r| r.body == format!("{logger} ready"))
            .unwrap_or_else(|| panic!("no exported {logger} ready record: {records:#?}"));
        assert_ne!(outside.trace, TRACE, "{outside:#?}");
    }
    // The standard log package: its plain text unchanged, its line exported
    // in the request's span.
    let stdlib = exited
        .stderr
        .lines()
        .find(|l| l.ends_with("stdlib request item=tea"))
        .unwrap_or_else(|| panic!("no standard log line for the request in:\n{}", exited.stderr));
    assert!(!stdlib.contains(TRACE), "{stdlib}");
    let exported = records
        .iter()
        .find(|r| r.body == "stdlib request item=tea")
        .unwrap_or_else(|| panic!("no exported standard log record: {records:#?}"));
    assert_eq!((exported.trace.as_str(), exported.span.as_str()), (TRACE, server.id.as_str()), "{exported:#?}");
    // zerolog's context fields are among its record's attributes.
    let zerolog = records.iter().find(|r| r.body == "zerolog request").unwrap();
    assert_eq!(zerolog.attributes.get("app").map(String::as_str), Some("loggers"), "{zerolog:#?}");
}

/// Also: the lines the OpenTelemetry SDK writes through the standard log
/// package (here: a failed trace export) are not exported themselves.
#[test]
fn a_logger_turned_off_in_gorch_yaml_is_left_alone_and_not_pinned() {
    let m = Module::copy("libraries");
    m.write("gorch.yaml", "disable:\n  - otel-logrus*\n");
    ok(m.gorch(&["pin"]), "gorch pin");
    ok(m.gorch(&["go", "build", "-o", "bin/", "./logs/cmd/app"]), "gorch go build ./logs/cmd/app");
    let pinned = m.read("go.mod");
    assert!(!pinned.contains("otellogrus"), "gorch pin added the bridge of a disabled aspect:\n{pinned}");
    assert!(pinned.contains("otelzap"), "{pinned}");

    let port = free_port();
    let env = [
        ("LISTEN", format!("127.0.0.1:{port}")),
        ("OTEL_LOGS_EXPORTER", "console".to_string()),
        // Nothing listens there: the export fails, and the SDK says so.
        ("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://127.0.0.1:1".to_string()),
        ("OTEL_EXPORTER_OTLP_TIMEOUT", "500".to_string()),
    ];
    let mut app = Service::start(&m.path().join("bin/app"), "loggers", &env, &[port]);
    let traceparent = format!("00-{TRACE}-{CALLER}-01");
    assert_eq!(get(port, "/items/tea", &[("traceparent", &traceparent)]).0, 200);
    // The spans' export fails within 100 ms (OTEL_BSP_SCHEDULE_DELAY) and
    // the SDK's line about it would be exported within a second after it
    // (the batch log processor's delay): both before the exit.
    std::thread::sleep(std::time::Duration::from_millis(2500));
    let exited = app.stop();
    let logrus = line(&exited.stdout, "logrus request");
    assert!(!logrus.contains("trace_id"), "{logrus}");
    for logger in ["zap", "zerolog"] {
        let request = line(&exited.stdout, &format!("{logger} request"));
        assert!(request.contains(&format!(r#""trace_id":"{TRACE}""#)), "{request}");
    }
    let bodies = console_bodies(&exited.stdout);
    for body in ["zap request", "zerolog request", "stdlib request item=tea"] {
        assert!(bodies.iter().any(|b| b == body), "no exported {body:?} among {bodies:#?}");
    }
    assert!(!bodies.iter().any(|b| b.starts_with("logrus")), "{bodies:#?}");
    assert!(exited.stderr.contains("traces export"), "the trace export did not fail:\n{}", exited.stderr);
    assert!(!bodies.iter().any(|b| b.contains("traces export")), "{bodies:#?}");
}
