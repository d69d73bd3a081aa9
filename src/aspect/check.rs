//! From what the user wrote (`spec`) to checked aspects.
//!
//! Every problem becomes a `Diagnostic` naming the file, the line and the
//! aspect, and checking goes on to the next aspect, so one run shows every
//! mistake in a file. Nothing half-checked leaves this module.

use super::advice::{Advice, Code};
use super::join::{FunctionSelector, JoinPoint, QualifiedName, ReceiverType, signature_types};
use super::locate::Locator;
use super::spec::{AdviceSpec, AspectSpec, FileSpec, FunctionOptionSpec, JoinPointSpec, TemplateSpec};
use super::syntax::{Placed, StandIn, bare_package, check_go};
use super::template::{Template, check_import_name, position_in_template};
use super::{Aspect, AspectSource, Diagnostic};
use crate::go::imports::default_package_name;
use crate::go::lines::Position;
use crate::go::paths::{in_module, is_standard};
use crate::go::source::is_identifier;
use std::collections::{BTreeMap, BTreeSet};

/// What one file contributes: its aspects, and the ids it disables.
#[derive(Default)]
pub struct Checked {
    pub aspects: Vec<Aspect>,
    /// A glob over aspect ids, with where it is written.
    pub disable: Vec<(glob::Pattern, Diagnostic)>,
    /// Import path globs of packages never instrumented, with where each
    /// is written.
    pub exclude: Vec<(glob::Pattern, Diagnostic)>,
    /// Import path globs of packages that are the instrumentation.
    pub instrumentation: Vec<glob::Pattern>,
}

pub fn check_source(source: &AspectSource) -> Result<Checked, Vec<Diagnostic>> {
    let locator = Locator::new(&source.text);
    let no_requires = BTreeMap::new();
    if source.text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Ok(Checked::default());
    }
    let spec: FileSpec = serde_yaml::from_str(&source.text).map_err(|e| vec![yaml_diagnostic(source, &locator, &e)])?;
    let mut diagnostics = Vec::new();
    let mut aspects = Vec::new();
    let mut disable = Vec::new();
    let mut exclude = Vec::new();
    let mut instrumentation = Vec::new();
    for (key, patterns) in [("exclude", &spec.exclude), ("instrumentation", &spec.instrumentation)] {
        for pattern in patterns {
            let (line, column) = locator.find(1, pattern).map_or((1, None), |(l, c)| (l, Some(c)));
            let at = Diagnostic { file: source.display.clone(), line, column, aspect: None, message: String::new() };
            match glob::Pattern::new(pattern) {
                Ok(glob) if key == "exclude" => exclude.push((glob, at)),
                Ok(glob) => instrumentation.push(glob),
                Err(e) => {
                    diagnostics.push(Diagnostic { message: format!("bad {key} pattern {pattern:?}: {}", e.msg), ..at })
                }
            }
        }
    }
    for pattern in &spec.disable {
        let (line, column) = locator.find(1, pattern).map_or((1, None), |(l, c)| (l, Some(c)));
        let at = Diagnostic { file: source.display.clone(), line, column, aspect: None, message: String::new() };
        match glob::Pattern::new(pattern) {
            Ok(glob) => disable.push((glob, at)),
            Err(e) => {
                diagnostics.push(Diagnostic { message: format!("bad disable pattern {pattern:?}: {}", e.msg), ..at })
            }
        }
    }
    let file_requires = spec.requires;
    let no_names = BTreeMap::new();
    let mut file_cx = Checker::new(source, &locator, Subject::File, 1, &no_names, &no_requires);
    file_cx.modules(&file_requires);
    diagnostics.append(&mut file_cx.diagnostics);
    // Named join points, each checked once where it is written; `None` for
    // one with errors (reported here, not again where it is used).
    let mut named = BTreeMap::new();
    for (name, jp) in spec.join_points {
        let line = locator.named_join_point_line(&name).unwrap_or(1);
        let mut cx = Checker::new(source, &locator, Subject::JoinPoint(name.clone()), line, &no_names, &file_requires);
        let checked = cx.join_point(jp);
        if let Some(jp) = &checked
            && let Err(message) = jp.check()
        {
            cx.error(&format!("{name}:"), message);
        }
        let checked = if cx.diagnostics.is_empty() { checked } else { None };
        diagnostics.append(&mut cx.diagnostics);
        named.insert(name, (line, checked));
    }
    let mut used = BTreeSet::new();
    let mut seen: Vec<String> = Vec::new();
    for spec in spec.aspects {
        // The second aspect with an id is at the id's second `id:` line.
        let nth = seen.iter().filter(|id| **id == spec.id).count();
        seen.push(spec.id.clone());
        let line = locator.nth_aspect_line(&spec.id, nth).unwrap_or(1);
        let mut cx = Checker::new(source, &locator, Subject::Aspect(spec.id.clone()), line, &named, &file_requires);
        let aspect = cx.aspect(spec);
        if cx.diagnostics.is_empty() {
            aspects.extend(aspect);
        }
        used.append(&mut cx.used);
        diagnostics.append(&mut cx.diagnostics);
    }
    for (name, (line, _)) in &named {
        if !used.contains(name) {
            file_cx.error_at(*line, None, format!("join-points: no aspect uses the join point {name:?}"));
        }
    }
    diagnostics.append(&mut file_cx.diagnostics);
    if diagnostics.is_empty() { Ok(Checked { aspects, disable, exclude, instrumentation }) } else { Err(diagnostics) }
}

fn yaml_diagnostic(source: &AspectSource, locator: &Locator, err: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = err.location().map_or((1, None), |l| (l.line(), Some(l.column())));
    let mut message = err.to_string();
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    // "aspects[2].join-point: ..." -> "join-point: ..." under the aspect's id.
    let aspect = match locator.is_top_level(line) {
        true => None,
        false => locator.aspect_at(line).map(str::to_string),
    };
    if aspect.is_some() && message.starts_with("aspects[") {
        if let Some(dot) = message.find("].") {
            message = message[dot + 2..].to_string();
        } else if let Some(colon) = message.find("]: ") {
            message = message[colon + 3..].to_string();
        }
    }
    Diagnostic { file: source.display.clone(), line, column, aspect, message }
}

/// What a checker checks: an aspect, a named join point, or the file's
/// own keys.
enum Subject {
    Aspect(String),
    JoinPoint(String),
    File,
}

/// Named join points: where each is written, and what it checked to.
type Named = BTreeMap<String, (usize, Option<JoinPoint>)>;

struct Checker<'a> {
    source: &'a AspectSource,
    locator: &'a Locator<'a>,
    subject: Subject,
    line: usize,
    /// Where to look for the next template: templates appear in order.
    cursor: usize,
    /// The file's named join points (none inside a named join point).
    named: &'a Named,
    /// The named join points used.
    used: BTreeSet<String>,
    /// The modules the whole file requires.
    file_requires: &'a BTreeMap<String, String>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn new(
        source: &'a AspectSource,
        locator: &'a Locator<'a>,
        subject: Subject,
        line: usize,
        named: &'a Named,
        file_requires: &'a BTreeMap<String, String>,
    ) -> Checker<'a> {
        Checker {
            source,
            locator,
            subject,
            line,
            cursor: line,
            named,
            used: BTreeSet::new(),
            file_requires,
            diagnostics: Vec::new(),
        }
    }

    /// Records an error at the first line (from the aspect's start) that
    /// holds `near`, or at the aspect's line.
    fn error(&mut self, near: &str, message: impl std::fmt::Display) {
        let (line, column) = self.locator.find(self.line, near).map_or((self.line, None), |(l, c)| (l, Some(c)));
        self.error_at(line, column, message);
    }

    fn error_at(&mut self, line: usize, column: Option<usize>, message: impl std::fmt::Display) {
        self.diagnostics.push(Diagnostic {
            file: self.source.display.clone(),
            line,
            column,
            aspect: match &self.subject {
                Subject::Aspect(id) => Some(id.clone()),
                Subject::JoinPoint(_) | Subject::File => None,
            },
            message: match &self.subject {
                Subject::Aspect(_) | Subject::File => message.to_string(),
                Subject::JoinPoint(name) => format!("join-points: {name}: {message}"),
            },
        });
    }

    fn aspect(&mut self, spec: AspectSpec) -> Option<Aspect> {
        if spec.id.trim().is_empty() || spec.id.contains(char::is_whitespace) {
            self.error("id:", format!("aspect id {:?} must be a non-empty word without spaces", spec.id));
        }
        let join_point = self.join_point(spec.join_point);
        if let Some(jp) = &join_point
            && let Err(message) = jp.check()
        {
            self.error("join-point", message);
        } else if let Some(code) = join_point.as_ref().and_then(JoinPoint::code_under_not) {
            self.error(
                "not:",
                format!(
                    "`not:` around a join point that selects {} leaves nothing that selects code, and code cannot decide a whole package: no advice would ever apply; put the `not:` in an all-of with a join point that selects that code",
                    code.kinds().describe()
                ),
            );
        }
        if spec.advice.is_empty() {
            self.error("advice", "an aspect needs at least one advice");
        }
        let advice: Vec<Advice> = spec.advice.into_iter().filter_map(|a| self.advice(a)).collect();
        self.modules(&spec.requires);
        let requires = self.with_file_requires(spec.requires);
        let linked = join_point.as_ref().map(JoinPoint::dependencies).unwrap_or_default();
        self.requirements(&requires, &linked, &advice);
        if let Some(jp) = &join_point {
            for a in &advice {
                self.fits(jp, a);
            }
        }
        let go = spec.go.and_then(|g| {
            if join_point.as_ref().is_some_and(|jp| jp.only_in().is_none()) {
                return self.fail(
                    "go:",
                    "go: names the releases whose internals of a package the aspect changes, so the join point must name that package (an import-path without wildcards, a receiver or a struct type with its package)".to_string(),
                );
            }
            self.go_releases(&g.min, &g.max)
        });
        Some(Aspect {
            id: spec.id,
            file: self.source.display.clone(),
            line_name: self.source.line_name.clone(),
            line: self.line,
            join_point: join_point?,
            advice,
            requires,
            go,
        })
    }

    /// The aspect's own `requires` added to the file's; a module both list
    /// must have one version.
    fn with_file_requires(&mut self, own: BTreeMap<String, String>) -> BTreeMap<String, String> {
        let mut all = self.file_requires.clone();
        for (module, version) in own {
            if let Some(file_version) = all.get(&module).filter(|v| **v != version) {
                let message = format!(
                    "requires {module} {version}, but the file requires it at {file_version}: one version per module (drop one of the two)"
                );
                self.error(&format!("{module}: {version}"), message);
            }
            all.insert(module, version);
        }
        all
    }

    /// `min` and `max` of `go:` are releases such as "1.23", in order.
    fn go_releases(&mut self, min: &str, max: &str) -> Option<(u32, u32)> {
        let minor = |v: &str| v.strip_prefix("1.").and_then(|m| m.parse::<u32>().ok());
        match (minor(min), minor(max)) {
            (Some(a), Some(b)) if a <= b => Some((a, b)),
            (Some(_), Some(_)) => self.fail("max:", format!("go: min {min:?} is newer than max {max:?}")),
            _ => self.fail("go:", format!("go: min and max are Go releases such as \"1.23\", got {min:?} and {max:?}")),
        }
    }

    /// Module paths and versions under `requires` are well formed.
    fn modules(&mut self, requires: &BTreeMap<String, String>) {
        for (module, version) in requires {
            if is_standard(module) || module.contains(char::is_whitespace) {
                self.error(module, format!("{module:?} is not a module path"));
            }
            if !is_semver(version) {
                let (line, column) = self
                    .locator
                    .find(self.line, &format!("{module}: {version}"))
                    .map_or((self.line, None), |(l, c)| (l, Some(c + module.len() + 2)));
                let message =
                    format!("version {version:?} of module {module} is not a semantic version such as v1.2.3");
                self.error_at(line, column, message);
            }
        }
    }

    /// Every import outside the standard library comes from a required
    /// module, or from the module the aspect file is in.
    /// Advice imports only the standard library, the aspect file's own
    /// module, modules under `requires`, and packages the code it changes
    /// depends on (`linked`).
    fn requirements(&mut self, requires: &BTreeMap<String, String>, linked: &BTreeSet<String>, advice: &[Advice]) {
        for a in advice {
            for path in a.import_paths() {
                let own = self.source.module.as_deref().is_some_and(|m| in_module(path, m));
                let available = own || linked.contains(path) || requires.keys().any(|m| in_module(path, m));
                if !is_standard(path) && !available {
                    let (line, column) = self
                        .locator
                        .find(self.line, &format!(": {path}"))
                        .map_or((self.line, None), |(l, c)| (l, Some(c + 2)));
                    self.error_at(
                        line,
                        column,
                        format!(
                            "{} imports {path:?}, which is in no module listed under requires (and not in the standard library, nor a package the join point depends on)",
                            a.name()
                        ),
                    );
                }
            }
        }
    }

    fn join_point(&mut self, spec: JoinPointSpec) -> Option<JoinPoint> {
        Some(match spec {
            JoinPointSpec::FunctionBody(body) => {
                if body.function.is_empty() {
                    return self.fail(
                        "function:",
                        "function-body's `function: []` lists no condition, and would match every function: list a name, a receiver or a signature",
                    );
                }
                let mut sel = FunctionSelector::default();
                let mut seen: Vec<&str> = Vec::new();
                for option in body.function {
                    let key = option.key();
                    if seen.contains(&key) {
                        // The conditions all hold at once: a second value for
                        // the same key would replace the first.
                        let near = option.text().map_or(key.to_string(), |text| format!("{key}: {text}"));
                        self.error(&near, format!("function-body lists `{key}` twice: a function has one {key}, and every condition must hold; to match either function, use one-of with a function-body for each"));
                    }
                    seen.push(key);
                    match option {
                        FunctionOptionSpec::Name(name) => {
                            if !is_identifier(&name) {
                                self.error(&name, format!("function name {name:?} is not a Go identifier"));
                            }
                            sel.name = Some(name);
                        }
                        FunctionOptionSpec::Receiver(text) => match ReceiverType::parse(&text) {
                            Ok(r) => sel.receiver = Some(r),
                            Err(m) => self.error(&text, m),
                        },
                        FunctionOptionSpec::Signature(sig) => {
                            sel.signature = Some((signature_types(&sig.args), signature_types(&sig.returns)));
                        }
                    }
                }
                JoinPoint::FunctionBody(sel)
            }
            JoinPointSpec::FunctionCall(text) => match QualifiedName::parse(&text) {
                Ok(q) => JoinPoint::FunctionCall(q),
                Err(m) => return self.fail(&text, m),
            },
            JoinPointSpec::StructLiteral(lit) => {
                let ty = match QualifiedName::parse(&lit.ty) {
                    Ok(q) => q,
                    Err(m) => return self.fail(&lit.ty, m),
                };
                if let Some(field) = &lit.field
                    && !is_identifier(field)
                {
                    return self.fail(field, format!("field {field:?} is not a Go identifier"));
                }
                JoinPoint::StructLiteral { ty, field: lit.field, matches: lit.matches }
            }
            JoinPointSpec::MethodCall(call) => {
                if call.receiver.trim_start().starts_with('*') {
                    return self.fail(
                        &call.receiver,
                        format!(
                            "write the receiver type without `*` ({}); `match: pointer-only` selects pointer receivers",
                            call.receiver.trim_start().trim_start_matches('*')
                        ),
                    );
                }
                let ty = match QualifiedName::parse(&call.receiver) {
                    Ok(q) => q,
                    Err(m) => return self.fail(&call.receiver, m),
                };
                if !is_identifier(&call.name) {
                    return self.fail(&call.name, format!("method name {:?} is not a Go identifier", call.name));
                }
                JoinPoint::MethodCall { ty, name: call.name, matches: call.matches }
            }
            JoinPointSpec::StructDefinition(text) => match QualifiedName::parse(&text) {
                Ok(q) => JoinPoint::StructDefinition(q),
                Err(m) => return self.fail(&text, m),
            },
            JoinPointSpec::ValueDeclaration(text) => {
                if text.trim().is_empty() {
                    return self
                        .fail("value-declaration", "value-declaration needs a type, such as bool or *regexp.Regexp");
                }
                JoinPoint::ValueDeclaration(crate::go::types::normalize_type(&text))
            }
            JoinPointSpec::DeclarationOf(text) => match QualifiedName::parse(&text) {
                Ok(q) => JoinPoint::DeclarationOf(q),
                Err(m) => return self.fail(&text, m),
            },
            JoinPointSpec::Directive(text) => {
                let name = text.trim();
                if let Some(bare) = name.strip_prefix("//") {
                    return self.fail(&text, format!("write the directive without the leading //: {bare:?}"));
                }
                if name.is_empty() || name.contains(char::is_whitespace) {
                    return self.fail(&text, format!("directive {text:?} must be one word, such as gorch:span"));
                }
                if !name.contains(':') {
                    return self.fail(
                        &format!("directive: {text}"),
                        format!(
                            "directive {name:?} has no `:`, and only a comment of the form //prefix:name is a directive (//gorch:span), so it would match nothing"
                        ),
                    );
                }
                JoinPoint::Directive(name.to_string())
            }
            JoinPointSpec::ImportPath(text) => match glob::Pattern::new(&text) {
                Ok(p) => JoinPoint::ImportPath(p),
                Err(e) => return self.fail(&text, format!("bad import-path glob {text:?}: {}", e.msg)),
            },
            JoinPointSpec::PackageName(name) => {
                if !is_identifier(&name) {
                    return self.fail(&name, format!("package name {name:?} is not a Go identifier"));
                }
                JoinPoint::PackageName(name)
            }
            JoinPointSpec::PackageImports(path) => {
                if let Err(m) = check_import_name("_package", &path) {
                    return self.fail(&path, m);
                }
                JoinPoint::PackageImports(path)
            }
            JoinPointSpec::DependsOn(path) => {
                if let Err(m) = check_import_name("_package", &path) {
                    return self.fail(&path, m);
                }
                JoinPoint::DependsOn(path)
            }
            JoinPointSpec::MainPackage(b) => JoinPoint::MainPackage(b),
            JoinPointSpec::TestPackage(b) => JoinPoint::TestPackage(b),
            JoinPointSpec::TestMain(b) => JoinPoint::TestMain(b),
            JoinPointSpec::AllOf(parts) => JoinPoint::AllOf(self.join_points(parts)?),
            JoinPointSpec::OneOf(parts) => JoinPoint::OneOf(self.join_points(parts)?),
            JoinPointSpec::Not(inner) => JoinPoint::Not(Box::new(self.join_point(*inner)?)),
            JoinPointSpec::Use(name) => {
                if let Subject::JoinPoint(_) = self.subject {
                    return self.fail(
                        &format!("use: {name}"),
                        "a named join point cannot use another: write its join point out".to_string(),
                    );
                }
                match self.named.get(&name) {
                    Some((_, checked)) => {
                        self.used.insert(name);
                        // Errors in it are reported where it is written.
                        checked.clone()?
                    }
                    None => {
                        let known: Vec<&str> = self.named.keys().map(String::as_str).collect();
                        let known = if known.is_empty() { "the file names none".to_string() } else { known.join(", ") };
                        return self.fail(
                            &format!("use: {name}"),
                            format!("no join point named {name:?} under join-points ({known})"),
                        );
                    }
                }
            }
        })
    }

    fn join_points(&mut self, parts: Vec<JoinPointSpec>) -> Option<Vec<JoinPoint>> {
        let checked: Vec<Option<JoinPoint>> = parts.into_iter().map(|p| self.join_point(p)).collect();
        checked.into_iter().collect()
    }

    fn fail<T>(&mut self, near: &str, message: impl std::fmt::Display) -> Option<T> {
        self.error(near, message);
        None
    }

    fn imports(&mut self, imports: &BTreeMap<String, String>) {
        for (name, path) in imports {
            if let Err(m) = check_import_name(name, path) {
                self.error(&format!("{name}:"), m);
            }
        }
    }

    fn template(&mut self, text: &str, imports: &BTreeMap<String, String>) -> Option<Template> {
        let (line, column) = match self.locator.template_start(self.cursor, text) {
            Some((line, column)) => {
                self.cursor = line + 1;
                (line, column)
            }
            None => self.locator.template_anywhere(text).unwrap_or((self.line, 1)),
        };
        let origin = Position { file: self.source.line_name.clone(), line, column: Some(column) };
        match Template::parse(text, imports, origin.clone()) {
            Ok(t) => Some(t),
            Err(e) => {
                let at = position_in_template(text, &origin, e.offset);
                self.error_at(at.line, at.column, e.problem);
                None
            }
        }
    }

    fn code(&mut self, spec: TemplateSpec) -> Option<Code> {
        self.imports(&spec.imports);
        let template = self.template(&spec.template, &spec.imports)?;
        Some(Code { imports: spec.imports, template })
    }

    fn advice(&mut self, spec: AdviceSpec) -> Option<Advice> {
        let advice = match spec {
            AdviceSpec::PrependStatements(t) => Advice::PrependStatements(self.code(t)?),
            AdviceSpec::WrapBody(t) => Advice::WrapBody(self.code(t)?),
            AdviceSpec::WrapExpression(t) => Advice::WrapExpression(self.code(t)?),
            AdviceSpec::WrapArgument(w) => {
                let index = w.index;
                Advice::WrapArgument {
                    index,
                    code: self.code(TemplateSpec { imports: w.imports, template: w.template })?,
                }
            }
            AdviceSpec::ReplaceFunction(text) => match QualifiedName::parse(&text) {
                Ok(function) => Advice::ReplaceFunction(function),
                Err(m) => return self.fail(&text, m),
            },
            AdviceSpec::InjectDeclarations(t) => Advice::InjectDeclarations(self.code(t)?),
            AdviceSpec::AssignValue(t) => Advice::AssignValue(self.code(t)?),
            AdviceSpec::AddBlankImport(path) => {
                if let Err(m) = check_import_name("_blank", &path) {
                    return self.fail(&path, m);
                }
                Advice::AddBlankImport(path)
            }
            AdviceSpec::AddStructField(spec) => {
                if !is_identifier(&spec.name) {
                    return self.fail(&spec.name, format!("field name {:?} is not a Go identifier", spec.name));
                }
                if spec.ty.trim().is_empty() {
                    return self.fail("add-struct-field", "add-struct-field needs a type".to_string());
                }
                Advice::AddStructField { name: spec.name, ty: crate::go::types::normalize_type(&spec.ty) }
            }
            AdviceSpec::AppendArgs(spec) => {
                self.imports(&spec.imports);
                if spec.values.is_empty() {
                    return self.fail("append-args", "append-args needs at least one value".to_string());
                }
                let values: Vec<Option<Template>> =
                    spec.values.iter().map(|v| self.template(v, &spec.imports)).collect();
                Advice::AppendArgs {
                    imports: spec.imports,
                    ty: spec.ty.map(|t| crate::go::types::normalize_type(&t)),
                    values: values.into_iter().collect::<Option<_>>()?,
                }
            }
        };
        if let Err((template, offset, message)) = advice.check_values() {
            let at = template.position_at(offset);
            self.error_at(at.line, at.column, message);
            return None;
        }
        if let Some(name) = advice.unused_import() {
            self.error(
                &format!("{name}:"),
                format!("{} imports {name:?} but its template never uses {{{{{name}}}}}", advice.name()),
            );
            return None;
        }
        let package_like = advice.package_like_names();
        for template in advice.templates() {
            for assignment in template.assignments() {
                let described: Vec<String> = assignment.iter().map(|(c, b)| format!("{c} = {b}")).collect();
                let when =
                    if described.is_empty() { String::new() } else { format!(" (when {})", described.join(", ")) };
                let Ok(rendered) = template.render(&mut StandIn(assignment));
                let placed = Placed::new(&rendered, advice.context());
                if let Err((line, message)) = check_go(&placed) {
                    self.error_at(template.origin.line + line - 1, None, format!("{}: {message}{when}", advice.name()));
                    return None;
                }
                if let Some((line, name)) = bare_package(&placed, &package_like) {
                    let line = template.origin.line + line - 1;
                    let column =
                        self.locator.find(line, &format!("{name}.")).filter(|(l, _)| *l == line).map(|(_, c)| c);
                    let declared = advice
                        .imports()
                        .into_iter()
                        .flatten()
                        .find(|(key, path)| *key == &name || default_package_name(path) == name);
                    let fix = match declared {
                        Some((key, path)) => {
                            format!("it is declared under imports as {key} ({path}): write {{{{{key}}}}}")
                        }
                        None => format!("declare it under imports ({name}: <import path>) and write {{{{{name}}}}}"),
                    };
                    let message = format!(
                        "{}: the template uses the package {name} by its bare name, which binds to whatever the \
                         rewritten file imports as {name}; {fix}{when}",
                        advice.name()
                    );
                    self.error_at(line, column, message);
                    return None;
                }
            }
        }
        Some(advice)
    }

    /// Can this advice change what the join point selects?
    fn fits(&mut self, jp: &JoinPoint, advice: &Advice) {
        if matches!(advice, Advice::ReplaceFunction(_)) && jp.selects_method_calls() {
            self.error(
                advice.name(),
                "replace-function calls a function with the call's arguments, and a method call's receiver is not among them: wrap the call (wrap-expression) instead".to_string(),
            );
            return;
        }
        let Some(needed) = advice.site_kinds() else { return };
        let selected = jp.kinds();
        let message = if selected.is_empty() {
            format!("{} changes {}, but the join point selects whole packages", advice.name(), needed.describe())
        } else if selected.intersect(needed).is_empty() {
            format!(
                "{} changes {}, but the join point selects {}",
                advice.name(),
                needed.describe(),
                selected.describe()
            )
        } else {
            return;
        };
        self.error(advice.name(), message);
    }
}

/// `v1.2.3`, with an optional pre-release or build suffix.
fn is_semver(version: &str) -> bool {
    let Some(rest) = version.strip_prefix('v') else { return false };
    let core = rest.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}
