//! Join points, checked: where advice applies.
//!
//! A join point is a predicate over *sites*, the places in a package that
//! advice can change: function declarations, calls, struct literals, the
//! value of one field in a struct literal, other declarations (for
//! directives), and the package itself. Package filters (`import-path`,
//! `package-name`, ...) hold for every site of a matching package; a join
//! point made of filters only selects the package site.
//!
//! Each join point also answers `may_match` from facts that cost nothing to
//! gather (the package's import path, its direct imports, the text of its
//! files), so that most packages are passed to the compiler unparsed.

pub use super::spec::LiteralMatch;
use crate::go::types::normalize_type;
use std::collections::BTreeSet;

/// The kinds of site a join point can select, as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Kinds(u8);

impl Kinds {
    pub const NONE: Kinds = Kinds(0);
    pub const FUNCTION: Kinds = Kinds(1);
    pub const CALL: Kinds = Kinds(2);
    pub const LITERAL: Kinds = Kinds(4);
    pub const FIELD: Kinds = Kinds(8);
    pub const DECLARATION: Kinds = Kinds(16);
    pub const TYPE: Kinds = Kinds(32);
    pub const EXPRESSIONS: Kinds = Kinds(2 | 4 | 8);

    pub fn union(self, other: Kinds) -> Kinds {
        Kinds(self.0 | other.0)
    }
    pub fn intersect(self, other: Kinds) -> Kinds {
        Kinds(self.0 & other.0)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn contains(self, other: Kinds) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn describe(self) -> String {
        let names = [
            (Kinds::FUNCTION, "functions"),
            (Kinds::CALL, "calls"),
            (Kinds::LITERAL, "struct literals"),
            (Kinds::FIELD, "struct fields"),
            (Kinds::DECLARATION, "declarations"),
            (Kinds::TYPE, "struct types"),
        ];
        let parts: Vec<&str> = names.iter().filter(|(k, _)| self.contains(*k)).map(|(_, n)| *n).collect();
        if parts.is_empty() { "packages".to_string() } else { parts.join(" and ") }
    }
}

/// `net/http.ListenAndServe`: an import path and a name in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualifiedName {
    pub path: String,
    pub name: String,
}

impl QualifiedName {
    pub fn parse(text: &str) -> Result<QualifiedName, String> {
        let text = text.trim();
        let last_slash = text.rfind('/').map_or(0, |i| i + 1);
        let dot = text[last_slash..].rfind('.').map(|i| last_slash + i);
        match dot {
            Some(dot) if dot > 0 && crate::go::source::is_identifier(&text[dot + 1..]) => {
                Ok(QualifiedName { path: text[..dot].to_string(), name: text[dot + 1..].to_string() })
            }
            _ => Err(format!("{text:?} is not an import path and a name, such as net/http.ListenAndServe")),
        }
    }
}

impl std::fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.path, self.name)
    }
}

/// A receiver type: `*example.com/app.Store`, `Store`, `*Stack[T]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiverType {
    pub pointer: bool,
    /// `None` matches the type name in any package.
    pub path: Option<String>,
    pub name: String,
}

impl ReceiverType {
    pub fn parse(text: &str) -> Result<ReceiverType, String> {
        let trimmed = text.trim();
        let (pointer, rest) = match trimmed.strip_prefix('*') {
            Some(rest) => (true, rest.trim()),
            None => (false, trimmed),
        };
        // Type arguments of a generic receiver do not take part in matching.
        let rest = rest.split('[').next().unwrap_or(rest);
        if crate::go::source::is_identifier(rest) {
            return Ok(ReceiverType { pointer, path: None, name: rest.to_string() });
        }
        let q = QualifiedName::parse(rest)
            .map_err(|_| format!("{text:?} is not a receiver type, such as *example.com/app.Store or Store"))?;
        Ok(ReceiverType { pointer, path: Some(q.path), name: q.name })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FunctionSelector {
    pub name: Option<String>,
    pub receiver: Option<ReceiverType>,
    /// Canonical parameter and result types (see `go::types`).
    pub signature: Option<(Vec<String>, Vec<String>)>,
}

#[derive(Debug, Clone)]
pub enum JoinPoint {
    ImportPath(glob::Pattern),
    PackageName(String),
    PackageImports(String),
    MainPackage(bool),
    TestPackage(bool),
    TestMain(bool),
    FunctionBody(FunctionSelector),
    FunctionCall(QualifiedName),
    StructLiteral { ty: QualifiedName, field: Option<String>, matches: LiteralMatch },
    StructDefinition(QualifiedName),
    Directive(String),
    AllOf(Vec<JoinPoint>),
    OneOf(Vec<JoinPoint>),
    Not(Box<JoinPoint>),
}

impl std::fmt::Display for JoinPoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, name: &str, parts: &[JoinPoint]| {
            let inner: Vec<String> = parts.iter().map(ToString::to_string).collect();
            write!(f, "{name}({})", inner.join(", "))
        };
        match self {
            JoinPoint::ImportPath(glob) => write!(f, "import-path {}", glob.as_str()),
            JoinPoint::PackageName(name) => write!(f, "package-name {name}"),
            JoinPoint::PackageImports(path) => write!(f, "package-imports {path}"),
            JoinPoint::MainPackage(b) => write!(f, "main-package {b}"),
            JoinPoint::TestPackage(b) => write!(f, "test-package {b}"),
            JoinPoint::TestMain(b) => write!(f, "test-main {b}"),
            JoinPoint::FunctionBody(sel) => {
                write!(f, "function-body")?;
                if let Some(r) = &sel.receiver {
                    let star = if r.pointer { "*" } else { "" };
                    let path = r.path.as_ref().map(|p| format!("{p}.")).unwrap_or_default();
                    write!(f, " ({star}{path}{})", r.name)?;
                }
                if let Some(name) = &sel.name {
                    write!(f, " {name}")?;
                }
                if let Some((args, results)) = &sel.signature {
                    write!(f, "({}) ({})", args.join(", "), results.join(", "))?;
                }
                Ok(())
            }
            JoinPoint::FunctionCall(q) => write!(f, "function-call {q}"),
            JoinPoint::StructLiteral { ty, field: None, .. } => write!(f, "struct-literal {ty}"),
            JoinPoint::StructLiteral { ty, field: Some(field), .. } => write!(f, "struct-literal {ty}.{field}"),
            JoinPoint::StructDefinition(ty) => write!(f, "struct-definition {ty}"),
            JoinPoint::Directive(name) => write!(f, "directive //{name}"),
            JoinPoint::AllOf(parts) => list(f, "all-of", parts),
            JoinPoint::OneOf(parts) => list(f, "one-of", parts),
            JoinPoint::Not(inner) => write!(f, "not({inner})"),
        }
    }
}

/// What the cheap pre-filter may ask about a package.
pub trait PackageFacts {
    fn import_path(&self) -> &str;
    fn package_name(&self) -> Option<&str>;
    fn is_main(&self) -> bool;
    fn is_test(&self) -> bool;
    /// The main package `go test` generates.
    fn is_testmain(&self) -> bool;
    /// Whether the package imports `path` directly; `true` when unknown.
    fn imports(&self, path: &str) -> bool;
    /// Whether any file of the package contains `text`.
    fn contains(&self, text: &str) -> bool;
}

impl JoinPoint {
    /// The kinds of site this join point can select; `NONE` for a join
    /// point made of package filters only.
    pub fn kinds(&self) -> Kinds {
        match self {
            JoinPoint::ImportPath(_)
            | JoinPoint::PackageName(_)
            | JoinPoint::PackageImports(_)
            | JoinPoint::MainPackage(_)
            | JoinPoint::TestPackage(_)
            | JoinPoint::TestMain(_)
            | JoinPoint::Not(_) => Kinds::NONE,
            JoinPoint::FunctionBody(_) => Kinds::FUNCTION,
            JoinPoint::FunctionCall(_) => Kinds::CALL,
            JoinPoint::StructLiteral { field: None, .. } => Kinds::LITERAL,
            JoinPoint::StructLiteral { field: Some(_), .. } => Kinds::FIELD,
            JoinPoint::StructDefinition(_) => Kinds::TYPE,
            JoinPoint::Directive(_) => Kinds::FUNCTION.union(Kinds::DECLARATION),
            JoinPoint::AllOf(parts) => parts
                .iter()
                .map(JoinPoint::kinds)
                .filter(|k| !k.is_empty())
                .reduce(Kinds::intersect)
                .unwrap_or(Kinds::NONE),
            JoinPoint::OneOf(parts) => parts.iter().map(JoinPoint::kinds).fold(Kinds::NONE, Kinds::union),
        }
    }

    /// Rejects combinations that can never select anything, or whose
    /// meaning would be unclear.
    pub fn check(&self) -> Result<(), String> {
        match self {
            JoinPoint::AllOf(parts) => {
                if parts.is_empty() {
                    return Err("all-of needs at least one join point".to_string());
                }
                parts.iter().try_for_each(JoinPoint::check)?;
                let code: Vec<Kinds> = parts.iter().map(JoinPoint::kinds).filter(|k| !k.is_empty()).collect();
                if code.len() > 1 && self.kinds().is_empty() {
                    let described: Vec<String> = code.iter().map(|k| k.describe()).collect();
                    return Err(format!(
                        "all-of combines join points that never select the same code ({})",
                        described.join(" / ")
                    ));
                }
                Ok(())
            }
            JoinPoint::OneOf(parts) => {
                if parts.is_empty() {
                    return Err("one-of needs at least one join point".to_string());
                }
                parts.iter().try_for_each(JoinPoint::check)?;
                let filters = parts.iter().filter(|p| p.kinds().is_empty()).count();
                if filters > 0 && filters < parts.len() {
                    return Err(
                        "one-of mixes package filters with join points that select code; put the filters in an all-of"
                            .to_string(),
                    );
                }
                Ok(())
            }
            JoinPoint::Not(inner) => inner.check(),
            _ => Ok(()),
        }
    }

    /// For a join point that selects no code, a join point inside it that
    /// does (only `not:` can put one there): the whole then neither selects
    /// code nor decides a package, and no advice would ever apply.
    pub fn code_under_not(&self) -> Option<&JoinPoint> {
        if self.kinds().is_empty() { self.first_code() } else { None }
    }

    fn first_code(&self) -> Option<&JoinPoint> {
        match self {
            JoinPoint::AllOf(parts) | JoinPoint::OneOf(parts) => parts.iter().find_map(JoinPoint::first_code),
            JoinPoint::Not(inner) => inner.first_code(),
            code if !code.kinds().is_empty() => Some(code),
            _ => None,
        }
    }

    /// The value of a join point made of package filters. `None` when the
    /// answer depends on the code.
    pub fn package_filter(&self, facts: &dyn PackageFacts) -> Option<bool> {
        match self {
            JoinPoint::ImportPath(glob) => Some(glob.matches_with(facts.import_path(), glob_options())),
            JoinPoint::PackageName(name) => facts.package_name().map(|n| n == name),
            JoinPoint::PackageImports(path) => Some(facts.imports(path)),
            JoinPoint::MainPackage(want) => Some(facts.is_main() == *want),
            JoinPoint::TestPackage(want) => Some(facts.is_test() == *want),
            JoinPoint::TestMain(want) => Some(facts.is_testmain() == *want),
            JoinPoint::FunctionBody(_)
            | JoinPoint::FunctionCall(_)
            | JoinPoint::StructLiteral { .. }
            | JoinPoint::StructDefinition(_)
            | JoinPoint::Directive(_) => None,
            JoinPoint::AllOf(parts) => settle(parts, facts, false),
            JoinPoint::OneOf(parts) => settle(parts, facts, true),
            JoinPoint::Not(inner) => inner.package_filter(facts).map(|b| !b),
        }
    }

    /// The packages outside which this join point never matches, when it
    /// names them: an `import-path` without wildcards, or a function whose
    /// receiver names its package. `None` when it may match anywhere.
    pub fn only_in(&self) -> Option<BTreeSet<String>> {
        match self {
            JoinPoint::ImportPath(glob) => {
                let text = glob.as_str();
                (!text.contains(['*', '?', '['])).then(|| BTreeSet::from([text.to_string()]))
            }
            JoinPoint::FunctionBody(sel) => {
                sel.receiver.as_ref().and_then(|r| r.path.clone()).map(|p| BTreeSet::from([p]))
            }
            JoinPoint::StructDefinition(ty) => Some(BTreeSet::from([ty.path.clone()])),
            JoinPoint::AllOf(parts) => parts.iter().filter_map(JoinPoint::only_in).reduce(|a, b| &a & &b),
            JoinPoint::OneOf(parts) => {
                parts.iter().map(JoinPoint::only_in).try_fold(BTreeSet::new(), |all, p| Some(&all | &p?))
            }
            _ => None,
        }
    }

    /// The directives whose arguments `{{directive.args}}` can give: those
    /// the join point asks for (not under `not`), in order.
    pub fn directive_names(&self) -> Vec<&str> {
        match self {
            JoinPoint::Directive(name) => vec![name.as_str()],
            JoinPoint::AllOf(parts) | JoinPoint::OneOf(parts) => {
                parts.iter().flat_map(JoinPoint::directive_names).collect()
            }
            _ => Vec::new(),
        }
    }

    /// False only when no code of a build can match because the packages
    /// the join point needs cannot be imported there (`available` says
    /// which can).
    pub fn may_match_in_build(&self, available: &dyn Fn(&str) -> bool) -> bool {
        match self {
            JoinPoint::FunctionCall(q) => available(&q.path),
            JoinPoint::StructLiteral { ty, .. } => available(&ty.path),
            JoinPoint::PackageImports(path) => available(path),
            JoinPoint::AllOf(parts) => parts.iter().all(|p| p.may_match_in_build(available)),
            JoinPoint::OneOf(parts) => parts.iter().any(|p| p.may_match_in_build(available)),
            _ => true,
        }
    }

    /// False only when no site of the package can match. Never parses.
    pub fn may_match(&self, facts: &dyn PackageFacts) -> bool {
        match self {
            JoinPoint::FunctionBody(sel) => {
                let in_package =
                    sel.receiver.as_ref().and_then(|r| r.path.as_deref()).is_none_or(|p| p == facts.import_path());
                in_package
                    && match &sel.name {
                        Some(name) => facts.contains(name),
                        None => facts.contains("func"),
                    }
            }
            // The package that declares the function or type uses it
            // without importing itself.
            JoinPoint::FunctionCall(q) => sees(facts, &q.path) && facts.contains(&q.name),
            JoinPoint::StructLiteral { ty, field, .. } => {
                sees(facts, &ty.path) && facts.contains(&ty.name) && field.as_ref().is_none_or(|f| facts.contains(f))
            }
            JoinPoint::StructDefinition(ty) => facts.import_path() == ty.path && facts.contains(&ty.name),
            JoinPoint::Directive(name) => facts.contains(&format!("//{name}")),
            JoinPoint::AllOf(parts) => parts.iter().all(|p| p.may_match(facts)),
            JoinPoint::OneOf(parts) => parts.iter().any(|p| p.may_match(facts)),
            JoinPoint::Not(inner) => inner.package_filter(facts) != Some(true),
            filter => filter.package_filter(facts) != Some(false),
        }
    }
}

/// Whether code of the package can name what `path` declares: the package
/// imports it, or is it.
fn sees(facts: &dyn PackageFacts, path: &str) -> bool {
    facts.import_path() == path || facts.imports(path)
}

/// All-of (`decisive` false) or one-of (`decisive` true) over parts whose
/// values may be unknown: one decisive part settles it; otherwise any
/// unknown part leaves it unknown.
fn settle(parts: &[JoinPoint], facts: &dyn PackageFacts, decisive: bool) -> Option<bool> {
    let mut unknown = false;
    for part in parts {
        match part.package_filter(facts) {
            Some(v) if v == decisive => return Some(decisive),
            None => unknown = true,
            Some(_) => {}
        }
    }
    (!unknown).then_some(!decisive)
}

/// `*` stays within one path element; `**` crosses elements.
pub fn glob_options() -> glob::MatchOptions {
    glob::MatchOptions { case_sensitive: true, require_literal_separator: true, require_literal_leading_dot: false }
}

/// Parses the types of a `signature`.
pub fn signature_types(types: &[String]) -> Vec<String> {
    types.iter().map(|t| normalize_type(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualified_names_split_at_the_last_dot_after_the_last_slash() {
        let q = QualifiedName::parse("gopkg.in/yaml.v3.Marshal").unwrap();
        assert_eq!((q.path.as_str(), q.name.as_str()), ("gopkg.in/yaml.v3", "Marshal"));
        let q = QualifiedName::parse("net/http.ListenAndServe").unwrap();
        assert_eq!((q.path.as_str(), q.name.as_str()), ("net/http", "ListenAndServe"));
        assert!(QualifiedName::parse("ListenAndServe").is_err());
        assert!(QualifiedName::parse("net/http.").is_err());
    }

    #[test]
    fn receivers() {
        assert_eq!(
            ReceiverType::parse("*example.com/app.Stack[T]").unwrap(),
            ReceiverType { pointer: true, path: Some("example.com/app".into()), name: "Stack".into() }
        );
        assert_eq!(
            ReceiverType::parse("Store").unwrap(),
            ReceiverType { pointer: false, path: None, name: "Store".into() }
        );
        assert!(ReceiverType::parse("*").is_err());
    }

    #[test]
    fn kinds_and_checks() {
        let call = JoinPoint::FunctionCall(QualifiedName::parse("a.B").unwrap());
        let body = JoinPoint::FunctionBody(FunctionSelector::default());
        let filter = JoinPoint::PackageName("main".into());
        assert_eq!(JoinPoint::AllOf(vec![call.clone(), filter.clone()]).kinds(), Kinds::CALL);
        assert!(JoinPoint::AllOf(vec![call.clone(), body.clone()]).check().is_err());
        assert!(JoinPoint::OneOf(vec![call.clone(), filter.clone()]).check().is_err());
        assert!(JoinPoint::OneOf(vec![call, body]).check().is_ok());
        assert_eq!(JoinPoint::AllOf(vec![filter]).kinds(), Kinds::NONE);
    }

    #[test]
    fn globs_keep_to_path_elements() {
        let p = glob::Pattern::new("example.com/*").unwrap();
        assert!(p.matches_with("example.com/app", glob_options()));
        assert!(!p.matches_with("example.com/app/sub", glob_options()));
        let p = glob::Pattern::new("example.com/**").unwrap();
        assert!(p.matches_with("example.com/app/sub", glob_options()));
    }
}
