//! Templates: Go code with `{{...}}` placeholders.
//!
//! The placeholder language is deliberately small: a placeholder names one
//! value (the matched expression, a parameter, an import) and renders to
//! Go text, and `{{if COND}}...{{else}}...{{end}}` chooses between texts by
//! a few conditions on the function; there are no loops. Templates are
//! parsed once when aspects load (`parse`), so an unknown placeholder is
//! an error before any package compiles, and every template is rendered
//! (`render`) with stand-in values under every way its conditions can come
//! out and parsed as Go, so invalid Go is caught there too.

mod parse;
mod render;

pub use parse::{KNOWN_CONDITIONS, KNOWN_VALUES, check_import_name};

use crate::go::lines::Position;
use parse::{nest, tokenize};
use render::{collect_runs, render_segments};
use std::collections::BTreeMap;

/// A value a placeholder can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `{{expr}}`: the matched expression, or the value assign-value
    /// changes.
    Expr,
    /// `{{body}}`: the function's original body, braces included
    /// (wrap-body only).
    Body,
    /// `{{func.name}}`: the function's name.
    FuncName,
    /// `{{func.receiver}}`: the receiver variable, named if it had no name.
    FuncReceiver,
    /// `{{func.receiver-type}}`: the receiver type as written.
    FuncReceiverType,
    /// `{{func.param N}}`, `{{func.param-of-type T}}`: a parameter variable,
    /// named if it had no name.
    Param(Pick),
    /// `{{func.result N}}`, `{{func.result-of-type T}}`: a result variable;
    /// the results are named if they were not.
    Result(Pick),
    /// `{{package.name}}`.
    PackageName,
    /// `{{package.path}}`.
    PackagePath,
    /// `{{site.file}}`: base name of the file holding the matched code.
    SiteFile,
    /// `{{site.line}}`: its line.
    SiteLine,
    /// `{{directive.args}}`: the text after the directive's name.
    DirectiveArgs,
    /// `{{aspect.id}}`.
    AspectId,
    /// `{{name}}`: the package qualifier of an import the advice declared.
    Import(String),
    /// `{{"text"}}`: the text itself (a way to write `{{` in a template).
    Literal(String),
}

impl Value {
    /// `{{expr}}` and `{{body}}` stand for the original code, which the
    /// rendered template must hold exactly once.
    pub fn is_original(&self) -> bool {
        matches!(self, Value::Expr | Value::Body)
    }

    /// Whether the value needs the function the site is in.
    pub fn is_about_function(&self) -> bool {
        matches!(
            self,
            Value::Body
                | Value::FuncName
                | Value::FuncReceiver
                | Value::FuncReceiverType
                | Value::Param(_)
                | Value::Result(_)
        )
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pick = |p: &Pick, what: &str| match p {
            Pick::Index(i) => format!("{what} {i}"),
            Pick::OfType(t) => format!("{what}-of-type {t}"),
        };
        let inner = match self {
            Value::Expr => "expr".to_string(),
            Value::Body => "body".to_string(),
            Value::FuncName => "func.name".to_string(),
            Value::FuncReceiver => "func.receiver".to_string(),
            Value::FuncReceiverType => "func.receiver-type".to_string(),
            Value::Param(p) => pick(p, "func.param"),
            Value::Result(p) => pick(p, "func.result"),
            Value::PackageName => "package.name".to_string(),
            Value::PackagePath => "package.path".to_string(),
            Value::SiteFile => "site.file".to_string(),
            Value::SiteLine => "site.line".to_string(),
            Value::DirectiveArgs => "directive.args".to_string(),
            Value::AspectId => "aspect.id".to_string(),
            Value::Import(name) => name.clone(),
            Value::Literal(text) => format!("{text:?}"),
        };
        write!(f, "{{{{{inner}}}}}")
    }
}

/// Which parameter or result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    Index(usize),
    /// The first one of this type (canonical spelling, see `go::types`).
    OfType(String),
}

/// A condition a template can branch on: `{{if COND}}`, `{{if not COND}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// `func.has-param-of-type T`
    HasParamOfType(String),
    /// `func.has-result-of-type T`
    HasResultOfType(String),
    /// `func.is-method`
    IsMethod,
    /// `directive.has-args`
    HasDirectiveArgs,
}

impl Cond {
    /// Whether the condition asks about the function the site is in.
    pub fn is_about_function(&self) -> bool {
        !matches!(self, Cond::HasDirectiveArgs)
    }
}

impl std::fmt::Display for Cond {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cond::HasParamOfType(t) => write!(f, "func.has-param-of-type {t}"),
            Cond::HasResultOfType(t) => write!(f, "func.has-result-of-type {t}"),
            Cond::IsMethod => write!(f, "func.is-method"),
            Cond::HasDirectiveArgs => write!(f, "directive.has-args"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Value(Value),
    If { cond: Cond, negated: bool, then: Vec<(usize, Segment)>, otherwise: Vec<(usize, Segment)> },
}

/// What a template renders against: the values of its placeholders and
/// the truth of its conditions at one site.
pub trait Env {
    /// Why a value or a condition has no answer there.
    type Error;
    fn value(&mut self, value: &Value) -> Result<String, Self::Error>;
    fn holds(&mut self, cond: &Cond) -> Result<bool, Self::Error>;
}

/// The most distinct conditions a template may use: each of the
/// 2^MAX_CONDITIONS ways they can come out is rendered when aspects load.
pub const MAX_CONDITIONS: usize = 10;

#[derive(Debug, Clone)]
pub struct Template {
    /// (byte offset in `source`, segment)
    pub segments: Vec<(usize, Segment)>,
    pub source: String,
    /// Where the template's text starts in its aspect file.
    pub origin: Position,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template text.
    pub offset: usize,
    pub problem: TemplateProblem,
}

/// What is wrong with a template, at a `TemplateError`'s offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    /// `{{` without `}}`.
    Unclosed,
    IfWithoutEnd,
    ElseOrEndWithoutIf,
    /// `{{"text` without its closing quote.
    UnterminatedText(String),
    EmptyPlaceholder,
    UnknownValue(String),
    UnknownCondition(String),
    /// A value or condition that takes a type, such as `func.param-of-type`.
    NeedsType(String),
    /// `func.param` or `func.result` without a number after it.
    NeedsIndex {
        word: String,
        got: String,
    },
    TakesNoArgument {
        word: String,
        got: String,
    },
    TooManyConditions(usize),
}

impl std::fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TemplateProblem::Unclosed => write!(f, "`{{{{` without a closing `}}}}`"),
            TemplateProblem::IfWithoutEnd => write!(f, "{{{{if}}}} without its {{{{end}}}}"),
            TemplateProblem::ElseOrEndWithoutIf => write!(f, "{{{{else}}}} or {{{{end}}}} without an {{{{if}}}}"),
            TemplateProblem::UnterminatedText(inner) => write!(f, "unterminated text in {{{{{inner}}}}}"),
            TemplateProblem::EmptyPlaceholder => write!(f, "empty placeholder {{{{}}}}"),
            TemplateProblem::UnknownValue(inner) => {
                write!(f, "unknown template value {{{{{inner}}}}}; known values: {KNOWN_VALUES}")
            }
            TemplateProblem::UnknownCondition(text) => {
                write!(f, "unknown condition {text:?}; known conditions: {KNOWN_CONDITIONS}")
            }
            TemplateProblem::NeedsType(word) => write!(f, "{word} needs a type, such as context.Context"),
            TemplateProblem::NeedsIndex { word, got } => {
                write!(f, "{word} needs a parameter index (0, 1, ...), got {got:?}")
            }
            TemplateProblem::TakesNoArgument { word, got } => write!(f, "{word} takes no argument, got {got:?}"),
            TemplateProblem::TooManyConditions(n) => write!(
                f,
                "the template uses {n} different conditions; at most {MAX_CONDITIONS} are allowed, so that every way they can come out is rendered and checked when aspects load: split it into several advice"
            ),
        }
    }
}

impl Template {
    pub fn parse(
        source: &str,
        imports: &BTreeMap<String, String>,
        origin: Position,
    ) -> Result<Template, TemplateError> {
        let tokens = tokenize(source, imports)?;
        let mut tokens = tokens.into_iter().peekable();
        let segments = nest(&mut tokens, None)?;
        if let Some((offset, _)) = tokens.next() {
            return Err(TemplateError { offset, problem: TemplateProblem::ElseOrEndWithoutIf });
        }
        let template = Template { segments, source: source.to_string(), origin };
        let conditions = template.conditions().len();
        if conditions > MAX_CONDITIONS {
            return Err(TemplateError { offset: 0, problem: TemplateProblem::TooManyConditions(conditions) });
        }
        Ok(template)
    }

    /// Every value placeholder, in both branches of every condition.
    pub fn values(&self) -> Vec<(usize, &Value)> {
        let mut out = Vec::new();
        collect_values(&self.segments, &mut out);
        out
    }

    /// Every distinct condition (at most `MAX_CONDITIONS`).
    pub fn conditions(&self) -> Vec<&Cond> {
        let mut out = Vec::new();
        collect_conditions(&self.segments, &mut out);
        out
    }

    /// Whether `{{expr}}` or `{{body}}` sits inside an {{if}} (they must
    /// not: they stand for code that must appear exactly once).
    pub fn original_in_condition(&self) -> bool {
        self.segments.iter().any(|(_, s)| match s {
            Segment::If { then, otherwise, .. } => {
                let mut inner = Vec::new();
                collect_values(then, &mut inner);
                collect_values(otherwise, &mut inner);
                inner.iter().any(|(_, v)| v.is_original())
            }
            _ => false,
        })
    }

    /// Where the template text at `offset` is in the aspect file. Lines
    /// after the first are assumed to share the first line's indentation,
    /// as they do in a YAML block scalar.
    pub fn position_at(&self, offset: usize) -> Position {
        position_in_template(&self.source, &self.origin, offset)
    }

    pub fn render<E: Env + ?Sized>(&self, env: &mut E) -> Result<String, E::Error> {
        render_segments(&self.segments, env)
    }

    /// Renders to runs of text, each with the position in the aspect file
    /// where it starts. A run ends where a condition may have skipped text,
    /// so every run can be placed at its own line.
    pub fn render_runs<E: Env + ?Sized>(&self, env: &mut E) -> Result<Vec<(String, Position)>, E::Error> {
        let mut runs: Vec<(String, usize)> = Vec::new();
        let mut fresh = true;
        collect_runs(&self.segments, env, &mut runs, &mut fresh)?;
        Ok(runs.into_iter().filter(|(t, _)| !t.is_empty()).map(|(t, o)| (t, self.position_at(o))).collect())
    }

    /// Renders the text before and after the single, top-level `{{expr}}`
    /// or `{{body}}`, with the offset in the template where the text after
    /// it starts. `None` for a template without one (the advice that
    /// wraps checks for it when aspects load).
    #[allow(clippy::type_complexity)]
    pub fn render_around<E: Env + ?Sized>(&self, env: &mut E) -> Result<Option<(String, String, usize)>, E::Error> {
        let Some(split) = self.segments.iter().position(|(_, s)| matches!(s, Segment::Value(v) if v.is_original()))
        else {
            return Ok(None);
        };
        let before = render_segments(&self.segments[..split], env)?;
        let after = render_segments(&self.segments[split + 1..], env)?;
        let after_offset = self.segments.get(split + 1).map_or(self.source.len(), |(o, _)| *o);
        Ok(Some((before, after, after_offset)))
    }

    /// Every way the conditions can come out (at most 2^MAX_CONDITIONS),
    /// for checking that each renders to valid Go.
    pub fn assignments(&self) -> Vec<Vec<(Cond, bool)>> {
        let conds: Vec<Cond> = self.conditions().into_iter().cloned().collect();
        (0..1usize << conds.len())
            .map(|bits| conds.iter().enumerate().map(|(i, c)| (c.clone(), bits & (1 << i) != 0)).collect())
            .collect()
    }
}

fn collect_values<'t>(segments: &'t [(usize, Segment)], out: &mut Vec<(usize, &'t Value)>) {
    for (offset, segment) in segments {
        match segment {
            Segment::Text(_) => {}
            Segment::Value(v) => out.push((*offset, v)),
            Segment::If { then, otherwise, .. } => {
                collect_values(then, out);
                collect_values(otherwise, out);
            }
        }
    }
}

fn collect_conditions<'t>(segments: &'t [(usize, Segment)], out: &mut Vec<&'t Cond>) {
    for (_, segment) in segments {
        if let Segment::If { cond, then, otherwise, .. } = segment {
            if !out.contains(&cond) {
                out.push(cond);
            }
            collect_conditions(then, out);
            collect_conditions(otherwise, out);
        }
    }
}

/// Where byte `offset` of a template's text is, given where its text starts.
pub fn position_in_template(source: &str, origin: &Position, offset: usize) -> Position {
    let before = &source[..offset.min(source.len())];
    let newlines = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = origin.column.map(|c| c + (offset - line_start));
    Position { file: origin.file.clone(), line: origin.line + newlines, column }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aspect::syntax::StandIn;

    fn origin() -> Position {
        Position { file: "gorch.yaml".into(), line: 10, column: Some(13) }
    }

    fn parse(text: &str) -> Result<Template, TemplateError> {
        let imports = BTreeMap::from([("otel".to_string(), "go.opentelemetry.io/otel".to_string())]);
        Template::parse(text, &imports, origin())
    }

    #[test]
    fn parses_values_and_text() {
        let t = parse("{{otel}}.Start({{ func.param-of-type context.Context }}, \"{{func.name}}\")").unwrap();
        let values: Vec<&Value> = t.values().into_iter().map(|(_, v)| v).collect();
        assert_eq!(
            values,
            vec![
                &Value::Import("otel".into()),
                &Value::Param(Pick::OfType("context.Context".into())),
                &Value::FuncName
            ]
        );
        let out = t.render(&mut StandIn(vec![])).unwrap();
        assert_eq!(out, "__gorch_import_otel.Start(x, \"name\")");
    }

    #[test]
    fn unknown_values_are_errors_with_offsets() {
        let err = parse("a := 1\nb := {{func.nmae}}").unwrap_err();
        assert_eq!(err.offset, 12);
        assert_eq!(err.problem, TemplateProblem::UnknownValue("func.nmae".into()));
        assert!(err.problem.to_string().starts_with("unknown template value {{func.nmae}}; known values: expr,"));
        assert_eq!(
            parse("{{func.param}}").unwrap_err().problem,
            TemplateProblem::NeedsIndex { word: "func.param".into(), got: String::new() }
        );
        assert_eq!(parse("x {{ expr").unwrap_err().problem.to_string(), "`{{` without a closing `}}`");
    }

    #[test]
    fn literal_braces() {
        let t = parse("[]T{{\"{{\"}}1}}").unwrap();
        assert_eq!(t.render(&mut StandIn(vec![])).unwrap(), "[]T{{1}}");
    }

    #[test]
    fn splits_around_expr() {
        let t = parse("wrap(\n{{expr}}, 1)").unwrap();
        let (before, after, offset) = t.render_around(&mut StandIn(vec![])).unwrap().unwrap();
        assert_eq!((before.as_str(), after.as_str()), ("wrap(\n", ", 1)"));
        assert_eq!(t.position_at(offset), Position { file: "gorch.yaml".into(), line: 11, column: Some(21) });
    }

    /// Values with quotes, backslashes and backquotes.
    struct Awkward;

    impl Env for Awkward {
        type Error = ();

        fn value(&mut self, _: &Value) -> Result<String, ()> {
            Ok("a\"b\\c`d\n".to_string())
        }

        fn holds(&mut self, _: &Cond) -> Result<bool, ()> {
            Ok(false)
        }
    }

    #[test]
    fn values_inside_literals_stay_inside() {
        let t = parse("f(\"{{directive.args}}\", `{{directive.args}}`) /* {{directive.args}} */").unwrap();
        let want = "f(\"a\\\"b\\\\c`d\\n\", `a\"b\\c` + \"`\" + `d\n`) /* a\"b\\c`d\n */";
        assert_eq!(t.render(&mut Awkward).unwrap(), want);
        let runs = t.render_runs(&mut Awkward).unwrap();
        assert_eq!(runs.iter().map(|(text, _)| text.as_str()).collect::<String>(), want);
    }

    #[test]
    fn conditions_pick_a_branch() {
        let t = parse(
            "a{{if func.has-param-of-type context.Context}}ctx{{else}}bg{{if not func.is-method}}f{{end}}{{end}}z",
        )
        .unwrap();
        let cond = Cond::HasParamOfType("context.Context".into());
        assert_eq!(t.conditions(), vec![&cond, &Cond::IsMethod]);
        assert_eq!(t.render(&mut StandIn(vec![(cond.clone(), true)])).unwrap(), "actxz");
        assert_eq!(t.render(&mut StandIn(vec![(cond, false)])).unwrap(), "abgfz");
        assert_eq!(t.assignments().len(), 4);
    }

    #[test]
    fn standalone_tags_take_their_line_and_runs_keep_positions() {
        let t = parse("a()\n{{if func.is-method}}\nb()\n{{else}}\nc()\n{{end}}\nd()\n").unwrap();
        let mut env = StandIn(vec![(Cond::IsMethod, false)]);
        assert_eq!(t.render(&mut env).unwrap(), "a()\nc()\nd()\n");
        let runs = t.render_runs(&mut env).unwrap();
        let lines: Vec<(&str, usize)> = runs.iter().map(|(text, p)| (text.as_str(), p.line)).collect();
        assert_eq!(lines, vec![("a()\n", 10), ("c()\n", 14), ("d()\n", 16)]);
    }

    #[test]
    fn runs_never_start_inside_literals() {
        let t = parse(
            r#"a("{{if func.is-method}}m{{else}}f{{end}}")
b := `x
{{if func.is-method}}
y{{end}}`
"#,
        )
        .unwrap();
        let runs = t.render_runs(&mut StandIn(vec![])).unwrap();
        assert_eq!(runs.len(), 1, "{runs:?}");
    }

    #[test]
    fn every_way_up_to_the_limit_is_checked_and_more_is_refused() {
        let conditions = |n: usize| -> String {
            (0..n).map(|i| format!("{{{{if func.has-param-of-type T{i}}}}}a{i}{{{{end}}}}")).collect()
        };
        assert_eq!(parse(&conditions(7)).unwrap().assignments().len(), 128);
        assert_eq!(parse(&conditions(MAX_CONDITIONS)).unwrap().assignments().len(), 1 << MAX_CONDITIONS);
        let refused = parse(&conditions(MAX_CONDITIONS + 1)).unwrap_err().problem.to_string();
        assert!(refused.starts_with("the template uses 11 different conditions; at most 10"), "{refused}");
    }

    #[test]
    fn conditions_must_be_closed_and_known() {
        assert_eq!(parse("{{if func.is-method}}x").unwrap_err().problem.to_string(), "{{if}} without its {{end}}");
        assert_eq!(parse("x{{end}}").unwrap_err().problem.to_string(), "{{else}} or {{end}} without an {{if}}");
        assert_eq!(
            parse("{{if func.nope}}x{{end}}").unwrap_err().problem,
            TemplateProblem::UnknownCondition("func.nope".into())
        );
    }
}
