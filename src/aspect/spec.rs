//! The aspect file as written: a plain serde mirror of the YAML.
//!
//! Every struct denies unknown fields, so a typo is an error with a line
//! number, never an ignored key. Nothing here is validated beyond its
//! shape: `check` turns these into the compiled `Aspect`s that the rest of
//! gorch uses. The doc comments are the reference for each key, and the
//! descriptions in the JSON Schema that editors read
//! (`gorch aspects schema`, [`schema`]).

use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A file of aspects: `gorch.yaml`, or one of the built-in files.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FileSpec {
    /// The aspects, applied in the order written.
    #[serde(default)]
    pub aspects: Vec<AspectSpec>,
    /// Ids (or globs over ids, such as `otel-*`) of aspects to leave out,
    /// built-in ones included.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Import path globs of packages no aspect may change.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Import path globs of packages that are the instrumentation itself
    /// (the OpenTelemetry SDK and exporters, say), as the packages of the
    /// modules aspects require are: only an aspect whose join point names
    /// such a package (an `import-path` without wildcards, a receiver with
    /// its package) changes it.
    #[serde(default)]
    pub instrumentation: Vec<String>,
    /// Modules that every aspect of the file may import packages from, each
    /// with its version, as if listed under each aspect's `requires` (an
    /// aspect's own `requires` adds to them, and may not list one of them
    /// at another version).
    #[serde(default)]
    pub requires: BTreeMap<String, String>,
    /// Join points with names, which the aspects of the file use as
    /// `use: NAME` wherever a join point is written.
    #[serde(default, rename = "join-points", with = "serde_yaml::with::singleton_map_recursive")]
    #[schemars(with = "BTreeMap<String, JoinPointSpec>", skip_serializing)]
    pub join_points: BTreeMap<String, JoinPointSpec>,
}

/// One aspect: where (a join point) and what (a list of advice).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AspectSpec {
    /// A name unique among all loaded aspects; used in messages and reports.
    pub id: String,
    /// Which code the advice applies to.
    #[serde(rename = "join-point", with = "serde_yaml::with::singleton_map_recursive")]
    #[schemars(with = "JoinPointSpec")]
    pub join_point: JoinPointSpec,
    /// What to do there, in order.
    #[serde(with = "serde_yaml::with::singleton_map_recursive")]
    #[schemars(with = "Vec<AdviceSpec>")]
    pub advice: Vec<AdviceSpec>,
    /// Modules the advice imports packages from (outside the standard
    /// library), each with the version the aspect was written for: the
    /// lowest it supports, and the one `gorch pin` adds to go.mod.
    #[serde(default)]
    pub requires: BTreeMap<String, String>,
    /// The Go releases whose standard library the advice was written for
    /// (an aspect that changes the runtime's internals): a build with any
    /// other release stops where the aspect would apply.
    pub go: Option<GoReleasesSpec>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GoReleasesSpec {
    /// The oldest release, such as `"1.23"`.
    pub min: String,
    /// The newest release, such as `"1.27"`.
    pub max: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum JoinPointSpec {
    /// The body of function declarations selected by name, receiver and
    /// signature.
    FunctionBody(FunctionBodySpec),
    /// Calls of a package-level function: `net/http.ListenAndServe`.
    FunctionCall(String),
    /// Composite literals of a struct type: `net/http.Server`; with `field`,
    /// the value given to that field.
    StructLiteral(StructLiteralSpec),
    /// Calls of a method on a receiver whose type the file spells out: a
    /// local variable or parameter declared with the type, or initialized
    /// from a literal of it (`&T{}`, `T{}`, `new(T)`), or such a literal
    /// itself.
    MethodCall(MethodCallSpec),
    /// The declaration of a struct type: `runtime.g`.
    StructDefinition(String),
    /// Package-level `var` and `const` names declared with this type, as
    /// written in the declaration: `bool`, `*regexp.Regexp`.
    ValueDeclaration(String),
    /// The package-level `var` or `const` of this name:
    /// `example.com/app.DefaultTimeout`.
    DeclarationOf(String),
    /// Declarations carrying a `//name args` comment directly above them.
    Directive(String),
    /// Packages whose import path matches a glob (`*` stays within one path
    /// element, `**` crosses them).
    ImportPath(String),
    /// Packages with this name (`main`, `foo_test`).
    PackageName(String),
    /// Packages that import this package directly.
    PackageImports(String),
    /// Packages that import this package directly or through others: for a
    /// program's main package or a test main, programs that link it.
    DependsOn(String),
    /// The `main` package of a program (not the generated test main).
    MainPackage(bool),
    /// Test builds of a package: internal and external test packages and
    /// the generated test main.
    TestPackage(bool),
    /// The main package that `go test` generates to run a package's tests.
    TestMain(bool),
    /// Code matching every listed join point.
    AllOf(Vec<JoinPointSpec>),
    /// Code matching at least one listed join point.
    OneOf(Vec<JoinPointSpec>),
    /// Code not matching the join point.
    Not(Box<JoinPointSpec>),
    /// The join point of this name under the file's `join-points`.
    Use(String),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FunctionBodySpec {
    /// Conditions on the function, all of which must hold.
    pub function: Vec<FunctionOptionSpec>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FunctionOptionSpec {
    /// The function or method name.
    Name(String),
    /// The receiver type: `*example.com/app.Store` (pointer receivers) or
    /// `example.com/app.Store` (value receivers); the package may be left
    /// out (`*Store`) to match in any package.
    Receiver(String),
    /// The parameter and result types, exactly.
    Signature(SignatureSpec),
}

impl FunctionOptionSpec {
    /// The option's key, as written in the file.
    pub fn key(&self) -> &'static str {
        match self {
            FunctionOptionSpec::Name(_) => "name",
            FunctionOptionSpec::Receiver(_) => "receiver",
            FunctionOptionSpec::Signature(_) => "signature",
        }
    }

    /// The option's value, when it is one piece of text.
    pub fn text(&self) -> Option<&str> {
        match self {
            FunctionOptionSpec::Name(text) | FunctionOptionSpec::Receiver(text) => Some(text),
            FunctionOptionSpec::Signature(_) => None,
        }
    }
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureSpec {
    /// Parameter types, qualified by import path: `context.Context`.
    #[serde(default)]
    pub args: Vec<String>,
    /// Result types.
    #[serde(default)]
    pub returns: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StructLiteralSpec {
    /// The struct type, qualified by import path: `net/http.Server`.
    #[serde(rename = "type")]
    pub ty: String,
    /// Select the value given to this field instead of the whole literal.
    pub field: Option<String>,
    /// `any` (the default), `pointer-only` (`&T{...}`) or `value-only`.
    #[serde(default, rename = "match")]
    pub matches: LiteralMatch,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MethodCallSpec {
    /// The receiver's type, qualified by import path, without `*`:
    /// `net/http.Client`.
    pub receiver: String,
    /// The method's name: `Do`.
    pub name: String,
    /// `any` (the default: `T` and `*T` receivers), `pointer-only` or
    /// `value-only`.
    #[serde(default, rename = "match")]
    pub matches: LiteralMatch,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LiteralMatch {
    #[default]
    Any,
    PointerOnly,
    ValueOnly,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AdviceSpec {
    /// Statements at the start of the function body.
    PrependStatements(TemplateSpec),
    /// Replace a function's body with a template in which `{{body}}` (a
    /// block, exactly once) is the original body: typically the body of a
    /// function literal that the template calls, or hands to a hook.
    WrapBody(TemplateSpec),
    /// Replace an expression with a template around it (`{{expr}}`).
    WrapExpression(TemplateSpec),
    /// Replace one argument of a call with a template around it.
    WrapArgument(WrapArgumentSpec),
    /// Call another function with the same arguments:
    /// `github.com/XSAM/otelsql.Open`.
    ReplaceFunction(String),
    /// Extra arguments at the end of a call.
    AppendArgs(AppendArgsSpec),
    /// New top-level declarations in the package, in a file of their own.
    InjectDeclarations(TemplateSpec),
    /// A blank import (`import _ "path"`) in the package.
    AddBlankImport(String),
    /// A field at the end of a struct type's declaration.
    AddStructField(AddStructFieldSpec),
    /// The initial value of a package-level `var` or `const`; `{{expr}}`, if
    /// used, is the value the declaration gives.
    AssignValue(TemplateSpec),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddStructFieldSpec {
    /// The field's name; no field of the struct may have it.
    pub name: String,
    /// Its type, qualified by import path: `unsafe.Pointer`.
    #[serde(rename = "type")]
    pub ty: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateSpec {
    /// Packages the template uses: a name for the template (`{{name}}`) to
    /// an import path.
    #[serde(default)]
    pub imports: BTreeMap<String, String>,
    /// Go code with `{{...}}` placeholders.
    pub template: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WrapArgumentSpec {
    /// Which argument: from 0, or from the end with a negative index (-1 is
    /// the last, so one aspect serves `ListenAndServe(addr, handler)` and
    /// `ListenAndServeTLS(addr, cert, key, handler)`).
    pub index: i64,
    /// Packages the template uses, as for other templates.
    #[serde(default)]
    pub imports: BTreeMap<String, String>,
    /// Go code in which `{{expr}}` stands for the argument.
    pub template: String,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendArgsSpec {
    /// Packages the values use, as for templates.
    #[serde(default)]
    pub imports: BTreeMap<String, String>,
    /// The element type of the variadic parameter; needed to append to a
    /// call that passes a slice with `...`.
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// One template per argument.
    pub values: Vec<String>,
}

/// The JSON Schema of an aspect file, as editors read it (YAML files are
/// checked against it as JSON): every key, its type and its description.
pub fn schema() -> String {
    let mut schema = schemars::schema_for!(FileSpec);
    schema.insert("title".to_string(), "gorch aspect file (gorch.yaml)".into());
    // `skip_serializing` only spares schemars a default value it would
    // need Serialize for; the key is read like any other.
    if let Some(join_points) = schema.pointer_mut("/properties/join-points").and_then(|v| v.as_object_mut()) {
        join_points.remove("writeOnly");
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
