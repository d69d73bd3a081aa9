//! Join points, checked: where advice applies.
//!
//! A join point is a predicate over *sites*, the places in a package that
//! advice can change: function declarations, calls, struct literals, the
//! value of one field in a struct literal, other declarations (for
//! directives), and the package itself. Package filters (`import-path`,
//! `package-name`, ...) hold for every site of a matching package; a join
//! point made of filters only selects the package site.
//!
//! Each join point also gives one three-valued [`Answer`] (match, never,
//! unknown) from facts that cost nothing to gather (the package's import
//! path, its direct imports, the text of its files; for a whole build, which
//! packages it can import), so that most packages are passed to the
//! compiler unparsed.

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
    /// One name of a package-level `var` or `const` declaration.
    pub const VALUE: Kinds = Kinds(64);
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
            (Kinds::VALUE, "package-level values"),
        ];
        let parts: Vec<&str> = names.iter().filter(|(k, _)| self.contains(*k)).map(|(_, n)| *n).collect();
        match parts.split_last() {
            None => "packages".to_string(),
            Some((last, [])) => last.to_string(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        }
    }
}

/// `net/http.ListenAndServe`: an import path and a name in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QualifiedName {
    pub path: String,
    pub name: String,
}

/// A name in an aspect file that is not spelled as the key expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// Not `import/path.Name`.
    NotQualified(String),
    /// Not `*import/path.Type`, `Type` or `*Type`.
    NotReceiverType(String),
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::NotQualified(text) => {
                write!(f, "{text:?} is not an import path and a name, such as net/http.ListenAndServe")
            }
            NameError::NotReceiverType(text) => {
                write!(f, "{text:?} is not a receiver type, such as *example.com/app.Store or Store")
            }
        }
    }
}

/// A combination of join points that can never select anything, or whose
/// meaning would be unclear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CombinationError {
    EmptyAllOf,
    EmptyOneOf,
    /// The kinds of code each part selects, none shared by all.
    DisjointAllOf(Vec<String>),
    FiltersMixedIntoOneOf,
}

impl std::fmt::Display for CombinationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CombinationError::EmptyAllOf => write!(f, "all-of needs at least one join point"),
            CombinationError::EmptyOneOf => write!(f, "one-of needs at least one join point"),
            CombinationError::DisjointAllOf(kinds) => {
                write!(f, "all-of combines join points that never select the same code ({})", kinds.join(" / "))
            }
            CombinationError::FiltersMixedIntoOneOf => write!(
                f,
                "one-of mixes package filters with join points that select code; put the filters in an all-of"
            ),
        }
    }
}

impl QualifiedName {
    pub fn parse(text: &str) -> Result<QualifiedName, NameError> {
        let text = text.trim();
        let last_slash = text.rfind('/').map_or(0, |i| i + 1);
        let dot = text[last_slash..].rfind('.').map(|i| last_slash + i);
        match dot {
            Some(dot) if dot > 0 && crate::go::source::is_identifier(&text[dot + 1..]) => {
                Ok(QualifiedName { path: text[..dot].to_string(), name: text[dot + 1..].to_string() })
            }
            _ => Err(NameError::NotQualified(text.to_string())),
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
    pub fn parse(text: &str) -> Result<ReceiverType, NameError> {
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
        let q = QualifiedName::parse(rest).map_err(|_| NameError::NotReceiverType(text.to_string()))?;
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
    DependsOn(String),
    MainPackage(bool),
    TestPackage(bool),
    TestMain(bool),
    FunctionBody(FunctionSelector),
    FunctionCall(QualifiedName),
    StructLiteral {
        ty: QualifiedName,
        field: Option<String>,
        matches: LiteralMatch,
    },
    /// Calls of `name` on a receiver of type `ty` (or `*ty`).
    MethodCall {
        ty: QualifiedName,
        name: String,
        matches: LiteralMatch,
    },
    StructDefinition(QualifiedName),
    /// Package-level `var` and `const` names declared with this type
    /// (canonical: import paths, see `go::types`).
    ValueDeclaration(String),
    /// The package-level `var` or `const` of this name.
    DeclarationOf(QualifiedName),
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
            JoinPoint::DependsOn(path) => write!(f, "depends-on {path}"),
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
            JoinPoint::MethodCall { ty, name, .. } => write!(f, "method-call ({ty}).{name}"),
            JoinPoint::StructDefinition(ty) => write!(f, "struct-definition {ty}"),
            JoinPoint::ValueDeclaration(ty) => write!(f, "value-declaration {ty}"),
            JoinPoint::DeclarationOf(q) => write!(f, "declaration-of {q}"),
            JoinPoint::Directive(name) => write!(f, "directive //{name}"),
            JoinPoint::AllOf(parts) => list(f, "all-of", parts),
            JoinPoint::OneOf(parts) => list(f, "one-of", parts),
            JoinPoint::Not(inner) => write!(f, "not({inner})"),
        }
    }
}

/// What is known, before parsing, of the code a join point is asked about:
/// one package, or a whole build before any package compiles. `None` where
/// it is not known.
pub trait PackageFacts {
    /// `None` for a whole build.
    fn import_path(&self) -> Option<&str>;
    fn package_name(&self) -> Option<&str>;
    fn is_main(&self) -> Option<bool>;
    fn is_test(&self) -> Option<bool>;
    /// The main package `go test` generates.
    fn is_testmain(&self) -> Option<bool>;
    /// Whether the package imports `path` directly (for a build: whether
    /// any of its packages can).
    fn imports(&self, path: &str) -> Option<bool>;
    /// Whether the package imports `path` directly or through others (for
    /// a build: whether any of its packages can).
    fn depends_on(&self, path: &str) -> Option<bool>;
    /// Whether the code may contain `text`: `false` only when it surely
    /// does not.
    fn contains(&self, text: &str) -> bool;
}

/// A whole build before any package compiles: nothing known of any one
/// package, only which packages its code can import (`importable`).
pub struct WholeBuild<F: Fn(&str) -> bool>(pub F);

impl<F: Fn(&str) -> bool> PackageFacts for WholeBuild<F> {
    fn import_path(&self) -> Option<&str> {
        None
    }
    fn package_name(&self) -> Option<&str> {
        None
    }
    fn is_main(&self) -> Option<bool> {
        None
    }
    fn is_test(&self) -> Option<bool> {
        None
    }
    fn is_testmain(&self) -> Option<bool> {
        None
    }
    fn imports(&self, path: &str) -> Option<bool> {
        if (self.0)(path) { None } else { Some(false) }
    }
    fn depends_on(&self, path: &str) -> Option<bool> {
        self.imports(path)
    }
    fn contains(&self, _text: &str) -> bool {
        true
    }
}

/// Whether a join point selects a package, or anything in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The package is selected: every package filter in the join point
    /// holds. Never the answer for a join point that selects code.
    Match,
    /// Nothing in the package can be selected.
    Never,
    /// It depends on what the code holds, or on facts not known.
    Unknown,
}

impl Answer {
    /// A package filter's answer, from its value if known.
    pub fn of(known: Option<bool>) -> Answer {
        match known {
            Some(true) => Answer::Match,
            Some(false) => Answer::Never,
            None => Answer::Unknown,
        }
    }

    /// A join point that selects code: never, or depending on the code.
    fn possible(may: bool) -> Answer {
        if may { Answer::Unknown } else { Answer::Never }
    }

    pub fn and(self, other: Answer) -> Answer {
        match (self, other) {
            (Answer::Never, _) | (_, Answer::Never) => Answer::Never,
            (Answer::Match, Answer::Match) => Answer::Match,
            _ => Answer::Unknown,
        }
    }

    pub fn or(self, other: Answer) -> Answer {
        match (self, other) {
            (Answer::Match, _) | (_, Answer::Match) => Answer::Match,
            (Answer::Never, Answer::Never) => Answer::Never,
            _ => Answer::Unknown,
        }
    }
}

impl std::ops::Not for Answer {
    type Output = Answer;

    fn not(self) -> Answer {
        match self {
            Answer::Match => Answer::Never,
            Answer::Never => Answer::Match,
            Answer::Unknown => Answer::Unknown,
        }
    }
}

impl JoinPoint {
    /// Adds the packages its `depends-on` parts name to `paths`.
    pub fn depended_on(&self, paths: &mut BTreeSet<String>) {
        match self {
            JoinPoint::DependsOn(path) => {
                paths.insert(path.clone());
            }
            JoinPoint::AllOf(parts) | JoinPoint::OneOf(parts) => parts.iter().for_each(|p| p.depended_on(paths)),
            JoinPoint::Not(inner) => inner.depended_on(paths),
            _ => {}
        }
    }

    /// The packages every package the join point selects depends on: their
    /// modules are in any build it applies to, without `requires`.
    pub fn dependencies(&self) -> BTreeSet<String> {
        match self {
            JoinPoint::DependsOn(path) | JoinPoint::PackageImports(path) => BTreeSet::from([path.clone()]),
            JoinPoint::AllOf(parts) => parts.iter().flat_map(JoinPoint::dependencies).collect(),
            JoinPoint::OneOf(parts) => {
                let mut each = parts.iter().map(JoinPoint::dependencies);
                let first = each.next().unwrap_or_default();
                each.fold(first, |all, one| all.intersection(&one).cloned().collect())
            }
            _ => BTreeSet::new(),
        }
    }

    /// Adds the packages whose code the join point names (a receiver's, a
    /// called function's, a literal's type's, a package's import path) to
    /// `paths`; parts under `not` name nothing.
    pub fn named_packages(&self, paths: &mut BTreeSet<String>) {
        match self {
            JoinPoint::ImportPath(_) => paths.extend(self.only_in().unwrap_or_default()),
            JoinPoint::FunctionBody(sel) => paths.extend(sel.receiver.as_ref().and_then(|r| r.path.clone())),
            JoinPoint::FunctionCall(q) | JoinPoint::DeclarationOf(q) => {
                paths.insert(q.path.clone());
            }
            JoinPoint::StructLiteral { ty, .. }
            | JoinPoint::MethodCall { ty, .. }
            | JoinPoint::StructDefinition(ty) => {
                paths.insert(ty.path.clone());
            }
            JoinPoint::AllOf(parts) | JoinPoint::OneOf(parts) => parts.iter().for_each(|p| p.named_packages(paths)),
            _ => {}
        }
    }

    /// The kinds of site this join point can select; `NONE` for a join
    /// point made of package filters only.
    pub fn kinds(&self) -> Kinds {
        match self {
            JoinPoint::ImportPath(_)
            | JoinPoint::PackageName(_)
            | JoinPoint::PackageImports(_)
            | JoinPoint::DependsOn(_)
            | JoinPoint::MainPackage(_)
            | JoinPoint::TestPackage(_)
            | JoinPoint::TestMain(_)
            | JoinPoint::Not(_) => Kinds::NONE,
            JoinPoint::FunctionBody(_) => Kinds::FUNCTION,
            JoinPoint::FunctionCall(_) => Kinds::CALL,
            JoinPoint::MethodCall { .. } => Kinds::CALL,
            JoinPoint::StructLiteral { field: None, .. } => Kinds::LITERAL,
            JoinPoint::StructLiteral { field: Some(_), .. } => Kinds::FIELD,
            JoinPoint::StructDefinition(_) => Kinds::TYPE,
            JoinPoint::ValueDeclaration(_) | JoinPoint::DeclarationOf(_) => Kinds::VALUE,
            JoinPoint::Directive(_) => Kinds::FUNCTION.union(Kinds::DECLARATION).union(Kinds::VALUE),
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
    pub fn check(&self) -> Result<(), CombinationError> {
        match self {
            JoinPoint::AllOf(parts) => {
                if parts.is_empty() {
                    return Err(CombinationError::EmptyAllOf);
                }
                parts.iter().try_for_each(JoinPoint::check)?;
                let code: Vec<Kinds> = parts.iter().map(JoinPoint::kinds).filter(|k| !k.is_empty()).collect();
                if code.len() > 1 && self.kinds().is_empty() {
                    return Err(CombinationError::DisjointAllOf(code.iter().map(|k| k.describe()).collect()));
                }
                Ok(())
            }
            JoinPoint::OneOf(parts) => {
                if parts.is_empty() {
                    return Err(CombinationError::EmptyOneOf);
                }
                parts.iter().try_for_each(JoinPoint::check)?;
                let filters = parts.iter().filter(|p| p.kinds().is_empty()).count();
                if filters > 0 && filters < parts.len() {
                    return Err(CombinationError::FiltersMixedIntoOneOf);
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

    /// Does the join point select the package the facts describe, or
    /// anything in it? Asked before parsing: by a build for every aspect
    /// (what can be injected), by each compile (is there anything to do),
    /// and by the rewrite for join points made of package filters.
    pub fn answer(&self, facts: &dyn PackageFacts) -> Answer {
        match self {
            JoinPoint::ImportPath(glob) => {
                Answer::of(facts.import_path().map(|p| glob.matches_with(p, glob_options())))
            }
            JoinPoint::PackageName(name) => Answer::of(facts.package_name().map(|n| n == name)),
            JoinPoint::PackageImports(path) => Answer::of(facts.imports(path)),
            JoinPoint::DependsOn(path) => Answer::of(facts.depends_on(path)),
            JoinPoint::MainPackage(want) => Answer::of(facts.is_main().map(|b| b == *want)),
            JoinPoint::TestPackage(want) => Answer::of(facts.is_test().map(|b| b == *want)),
            JoinPoint::TestMain(want) => Answer::of(facts.is_testmain().map(|b| b == *want)),
            JoinPoint::FunctionBody(sel) => {
                let receiver_path = sel.receiver.as_ref().and_then(|r| r.path.as_deref());
                let elsewhere = receiver_path.zip(facts.import_path()).is_some_and(|(r, p)| r != p);
                Answer::possible(!elsewhere && facts.contains(sel.name.as_deref().unwrap_or("func")))
            }
            JoinPoint::FunctionCall(q) => Answer::possible(sees(facts, &q.path) && facts.contains(&q.name)),
            JoinPoint::StructLiteral { ty, field, .. } => Answer::possible(
                sees(facts, &ty.path) && facts.contains(&ty.name) && field.as_ref().is_none_or(|f| facts.contains(f)),
            ),
            JoinPoint::MethodCall { ty, name, .. } => {
                Answer::possible(sees(facts, &ty.path) && facts.contains(&ty.name) && facts.contains(name))
            }
            JoinPoint::StructDefinition(ty) => {
                Answer::possible(facts.import_path().is_none_or(|p| p == ty.path) && facts.contains(&ty.name))
            }
            JoinPoint::ValueDeclaration(ty) => {
                let seen = crate::go::types::import_paths(ty).into_iter().all(|path| sees(facts, path));
                let name = ty.rsplit(|c: char| !(c.is_alphanumeric() || c == '_')).find(|w| !w.is_empty());
                Answer::possible(seen && facts.contains(name.unwrap_or(ty)))
            }
            JoinPoint::DeclarationOf(q) => {
                Answer::possible(facts.import_path().is_none_or(|p| p == q.path) && facts.contains(&q.name))
            }
            JoinPoint::Directive(name) => Answer::possible(facts.contains(&format!("//{name}"))),
            JoinPoint::AllOf(parts) => {
                let mut all = Answer::Match;
                for part in parts {
                    all = all.and(part.answer(facts));
                    if all == Answer::Never {
                        break;
                    }
                }
                all
            }
            JoinPoint::OneOf(parts) => {
                let mut any = Answer::Never;
                for part in parts {
                    any = any.or(part.answer(facts));
                    if any == Answer::Match {
                        break;
                    }
                }
                any
            }
            JoinPoint::Not(inner) => !inner.answer(facts),
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
            JoinPoint::DeclarationOf(q) => Some(BTreeSet::from([q.path.clone()])),
            JoinPoint::AllOf(parts) => parts.iter().filter_map(JoinPoint::only_in).reduce(|a, b| &a & &b),
            JoinPoint::OneOf(parts) => {
                parts.iter().map(JoinPoint::only_in).try_fold(BTreeSet::new(), |all, p| Some(&all | &p?))
            }
            _ => None,
        }
    }

    /// Whether the join point may select method calls (not under `not`).
    pub fn selects_method_calls(&self) -> bool {
        match self {
            JoinPoint::MethodCall { .. } => true,
            JoinPoint::AllOf(parts) | JoinPoint::OneOf(parts) => parts.iter().any(JoinPoint::selects_method_calls),
            _ => false,
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
}

/// Whether code of the package can name what `path` declares: the package
/// is it, or may import it.
fn sees(facts: &dyn PackageFacts, path: &str) -> bool {
    facts.import_path() == Some(path) || facts.imports(path) != Some(false)
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

    /// One package, with the words its files hold.
    struct Package(&'static str, &'static [&'static str], &'static [&'static str]);

    impl PackageFacts for Package {
        fn import_path(&self) -> Option<&str> {
            Some(self.0)
        }
        fn package_name(&self) -> Option<&str> {
            self.0.rsplit('/').next()
        }
        fn is_main(&self) -> Option<bool> {
            Some(false)
        }
        fn is_test(&self) -> Option<bool> {
            Some(false)
        }
        fn is_testmain(&self) -> Option<bool> {
            Some(false)
        }
        fn imports(&self, path: &str) -> Option<bool> {
            Some(self.1.contains(&path))
        }
        fn depends_on(&self, path: &str) -> Option<bool> {
            self.imports(path)
        }
        fn contains(&self, text: &str) -> bool {
            self.2.iter().any(|w| w.contains(text))
        }
    }

    #[test]
    fn answers_are_three_valued() {
        let lib = Package("example.com/lib", &["strings"], &["normalize", "ToLower"]);
        let call = |q: &str| JoinPoint::FunctionCall(QualifiedName::parse(q).unwrap());
        let path = |p: &str| JoinPoint::ImportPath(glob::Pattern::new(p).unwrap());
        let not = |j: JoinPoint| JoinPoint::Not(Box::new(j));
        // A call to the package's own function: it does not import itself.
        assert_eq!(call("example.com/lib.normalize").answer(&lib), Answer::Unknown);
        assert_eq!(call("strings.ToLower").answer(&lib), Answer::Unknown);
        assert_eq!(call("strings.ToUpper").answer(&lib), Answer::Never);
        assert_eq!(call("fmt.Println").answer(&lib), Answer::Never);
        assert_eq!(path("example.com/*").answer(&lib), Answer::Match);
        assert_eq!(not(path("example.com/*")).answer(&lib), Answer::Never);
        let both = JoinPoint::AllOf(vec![path("example.com/*"), call("strings.ToLower")]);
        assert_eq!(both.answer(&lib), Answer::Unknown);
        assert_eq!(
            JoinPoint::AllOf(vec![not(path("example.com/*")), call("strings.ToLower")]).answer(&lib),
            Answer::Never
        );
        assert_eq!(JoinPoint::OneOf(vec![path("other/*"), path("example.com/**")]).answer(&lib), Answer::Match);
        assert_eq!(JoinPoint::OneOf(vec![call("fmt.Println"), call("strings.ToUpper")]).answer(&lib), Answer::Never);
        assert_eq!(not(call("fmt.Println")).answer(&lib), Answer::Match);
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
