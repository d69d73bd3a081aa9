//! The JSON Schema of aspect files, as editors read it.
//!
//! `aspects/gorch.schema.json` is what `gorch aspects schema` prints (it is
//! generated from the serde mirror of the file, never written by hand;
//! `GORCH_BLESS=1` rewrites it). A real JSON Schema validator accepts every
//! aspect file the project ships or tests with, and rejects every case of
//! the broken-aspect catalog that is wrong in shape (an unknown key, a value
//! of the wrong type, a missing key), which is what a schema can see.

use crate::support::{command, gorch, ok};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string(root().join("aspects/gorch.schema.json")).expect("aspects/gorch.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// An aspect file as the JSON an editor checks (aliases resolved).
fn as_json(path: &Path) -> serde_json::Value {
    let text = fs::read_to_string(path).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `gorch.yaml` under `dir`, and every `.yaml` directly in it.
/// The files under `dir` that `pick` accepts, in every folder below it.
fn aspect_files(dir: &Path, pick: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            aspect_files(&path, pick, out);
        } else if pick(&path) {
            out.push(path);
        }
    }
}

#[test]
fn the_shipped_schema_is_what_gorch_prints() {
    let printed = ok(command(gorch(), root()).args(["aspects", "schema"]).output().unwrap(), "gorch aspects schema");
    let printed = String::from_utf8(printed.stdout).unwrap();
    let shipped = root().join("aspects/gorch.schema.json");
    if std::env::var_os("GORCH_BLESS").is_some() {
        fs::write(&shipped, &printed).unwrap();
    }
    assert_eq!(
        fs::read_to_string(&shipped).unwrap_or_default(),
        printed,
        "aspects/gorch.schema.json is stale: run GORCH_BLESS=1 cargo test --test integration schema"
    );
}

#[test]
fn every_aspect_file_in_the_project_is_valid_under_the_schema() {
    let validator = validator();
    let mut files: Vec<PathBuf> = Vec::new();
    aspect_files(&root().join("aspects"), &|p| p.extension().is_some_and(|e| e == "yaml"), &mut files);
    let builtin = files.len();
    for dir in ["testdata/golden", "integration"] {
        aspect_files(&root().join(dir), &|p| p.file_name().is_some_and(|n| n == "gorch.yaml"), &mut files);
    }
    assert!(builtin >= 15 && files.len() > 60, "{builtin} built-in files, {} in all", files.len());
    let invalid: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let errors: Vec<String> = validator.iter_errors(&as_json(path)).map(|e| e.to_string()).collect();
            (!errors.is_empty()).then(|| format!("{}: {}", path.display(), errors.join("; ")))
        })
        .collect();
    assert!(invalid.is_empty(), "rejected by the schema:\n{}", invalid.join("\n"));
}

#[test]
fn the_schema_rejects_every_catalog_case_that_is_wrong_in_shape() {
    let validator = validator();
    let catalog = root().join("testdata/broken-aspects");
    let mut shape_cases = 0;
    for entry in fs::read_dir(&catalog).unwrap().flatten() {
        let want = fs::read_to_string(entry.path().join("want.err")).unwrap_or_default();
        let in_shape = ["unknown field", "unknown variant", "invalid type", "missing field"];
        if !in_shape.iter().any(|m| want.contains(m)) {
            continue;
        }
        shape_cases += 1;
        let file = entry.path().join("gorch.yaml");
        assert!(
            !validator.is_valid(&as_json(&file)),
            "{}: the schema accepts it, but gorch says {want}",
            file.display()
        );
    }
    assert!(shape_cases >= 9, "{shape_cases} catalog cases are wrong in shape");
}
