//! The deployment examples in integration/deploy, run on this host: the
//! Dockerfile's steps through dockerfile-steps.sh, and the GitHub Actions
//! workflow's `run` steps in order. Both build gorch from its source with
//! `--locked`, as a user would, and build a module that injects
//! third-party packages.

use crate::support::{Module, command, copy_dir, gorch, ok, run, sha256, text};
use serde_yaml::Value;
use std::path::{Path, PathBuf};

fn deploy_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("integration/deploy")
}

/// The application both examples build: a module whose aspects inject the
/// OpenTelemetry API, with the go.mod and go.sum `gorch pin` wrote.
fn pinned_app() -> Module {
    let m = Module::copy("modules/inject");
    ok(m.gorch(&["pin"]), "gorch pin");
    m
}

/// What the app prints when the injected code runs.
const APP_OUTPUT: &str = "otel-trace: 21 true";

#[test]
fn dockerfile_steps_build_the_image_binary() {
    let app = pinned_app();
    let work = tempfile::tempdir().unwrap();
    let mut cmd = command("bash", app.path());
    cmd.arg(deploy_dir().join("dockerfile-steps.sh"))
        .arg("--build-context")
        .arg(format!("gorch-src={}", env!("CARGO_MANIFEST_DIR")))
        .arg("--work")
        .arg(work.path())
        .arg(deploy_dir().join("Dockerfile"))
        .arg(".");
    let out = ok(run(cmd), "dockerfile-steps.sh");
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\tbuild\tgorch.aspects="), "the build stage's check printed no build setting:\n{stdout}");
    assert!(stdout.contains(APP_OUTPUT), "the entrypoint did not run the injected code:\n{stdout}");

    // The image's binary is the one this test's gorch (a debug build of the
    // same source) makes on the host with the same flags.
    let image_binary = work.path().join("stage-build/src/app");
    let env: [(&str, &std::ffi::OsStr); 2] =
        [("CGO_ENABLED", "0".as_ref()), ("GOFLAGS", "-trimpath -buildvcs=false -ldflags=-buildid=".as_ref())];
    ok(app.go_gorch_with(&["build", "-o", "host-app", "."], &env), "go build on the host");
    assert_eq!(sha256(image_binary), sha256(app.path().join("host-app")), "the image's binary differs from the host's");
}

#[test]
fn dockerfile_steps_reject_an_instruction_they_do_not_know() {
    let app = tempfile::tempdir().unwrap();
    let dockerfile = app.path().join("Dockerfile");
    std::fs::write(&dockerfile, "FROM golang:1.26-bookworm AS build\nWORKDIR /src\nENV CGO_ENABLED=0\n").unwrap();
    let mut cmd = command("bash", app.path());
    cmd.arg(deploy_dir().join("dockerfile-steps.sh")).arg(&dockerfile).arg(".");
    let out = run(cmd);
    assert!(!out.status.success());
    let expected = format!("dockerfile-steps: {}:3: ENV is not supported here\n", dockerfile.display());
    assert_eq!(text(&out.stderr), expected);
}

/// Runs the workflow's steps in order. Its actions are played by the host:
/// checking out the module is the copied module, checking out gorch copies
/// gorch's source, the toolchains are the host's, a cache is always a miss
/// (so every step guarded by a cache hit runs), and an upload must find its
/// file. An action this test does not know fails it.
#[test]
fn github_actions_workflow_steps_build_and_check_reproducibility() {
    let path = deploy_dir().join("github-actions.yml");
    let workflow: Value = serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let env = string_map(&workflow["env"]);
    let job = &workflow["jobs"]["build"];
    let steps = job["steps"].as_sequence().expect("jobs.build.steps");
    let cache_steps: Vec<&str> =
        steps.iter().filter(|s| action(s) == Some("actions/cache")).filter_map(|s| s["id"].as_str()).collect();

    let app = pinned_app();
    let install_root = tempfile::tempdir().unwrap();
    let path_var = format!("{}/bin:{}", install_root.path().display(), std::env::var("PATH").unwrap_or_default());
    let mut log = String::new();
    for step in steps {
        let keys = step.as_mapping().expect("a step is a mapping").keys();
        for key in keys.map(|k| k.as_str().unwrap_or_default()) {
            assert!(["name", "id", "uses", "with", "run", "if"].contains(&key), "step key {key} is not played here");
        }
        if let Some(action) = action(step) {
            let with = &step["with"];
            match action {
                "actions/checkout" => {
                    if let Some(dir) = with["path"].as_str() {
                        copy_gorch_source(&app.path().join(dir));
                    }
                }
                "actions/setup-go" | "dtolnay/rust-toolchain" | "actions/cache" => {}
                "actions/upload-artifact" => {
                    let file = with["path"].as_str().expect("upload path");
                    assert!(app.path().join(file).is_file(), "nothing to upload at {file}");
                }
                other => panic!("the workflow uses {other}, which this test cannot play"),
            }
            continue;
        }
        let script = step["run"].as_str().expect("a step either uses an action or runs a script");
        assert!(!script.contains("${{"), "a run step with an expression is not played faithfully: {script}");
        if let Some(condition) = step["if"].as_str() {
            let guarded = cache_steps.iter().any(|id| condition == format!("steps.{id}.outputs.cache-hit != 'true'"));
            assert!(guarded, "condition {condition} is not played here");
        }
        let mut cmd = command("bash", app.path());
        cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .env("PATH", &path_var)
            .env("CARGO_INSTALL_ROOT", install_root.path())
            .env("CARGO_TARGET_DIR", Path::new(env!("CARGO_TARGET_TMPDIR")).join("deploy-cargo-target"));
        let name = step["name"].as_str().unwrap_or(script);
        let out = ok(run(cmd), name);
        log.push_str(&text(&out.stdout));
    }

    let installed = install_root.path().join("bin/gorch");
    assert!(installed.is_file(), "the workflow did not install gorch");
    assert!(log.contains("\"gorch.aspects\": "), "no `gorch version --json` in the log:\n{log}");
    assert!(log.contains("\tbuild\tgorch.aspects="), "no build setting check in the log:\n{log}");
    let sums: Vec<&str> = log.lines().filter(|l| l.ends_with("/app") || l.ends_with(" app")).collect();
    assert_eq!(sums.len(), 2, "expected two sha256sum lines:\n{log}");
    assert_eq!(sums[0].split_whitespace().next(), sums[1].split_whitespace().next());
    assert!(text(&ok(app.exec("app", &[]), "app").stdout).contains(APP_OUTPUT));
    // The installed gorch is this source: the same identity as the gorch under test.
    let version = |program: &Path| {
        let mut cmd = command(program, app.path());
        cmd.arg("version");
        text(&ok(run(cmd), "gorch version").stdout)
    };
    assert_eq!(version(&installed), version(&gorch()));
}

fn action(step: &Value) -> Option<&str> {
    step["uses"].as_str().map(|uses| uses.split('@').next().unwrap_or(uses))
}

fn string_map(value: &Value) -> Vec<(String, String)> {
    let Some(mapping) = value.as_mapping() else { return Vec::new() };
    mapping
        .iter()
        .map(|(k, v)| {
            let value = match v {
                Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other).unwrap().trim().to_string(),
            };
            assert!(!value.contains("${{"), "env {k:?} holds an expression, which is not played here");
            (k.as_str().unwrap().to_string(), value)
        })
        .collect()
}

/// What `actions/checkout` of gorch's repository gives a build: its
/// sources (the same files the Dockerfile copies).
fn copy_gorch_source(to: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(to).unwrap();
    for file in ["Cargo.toml", "Cargo.lock", "build.rs"] {
        std::fs::copy(root.join(file), to.join(file)).unwrap();
    }
    for dir in ["src", "aspects"] {
        copy_dir(&root.join(dir), &to.join(dir));
    }
}
