//! Templates: Go code with `{{...}}` placeholders.
//!
//! The placeholder language is deliberately small: a placeholder names one
//! value (the matched expression, a parameter, an import) and renders to
//! Go text. There are no conditionals or loops; an aspect that needs two
//! shapes of code is two aspects with different join points. Templates are
//! parsed once when aspects load, so an unknown placeholder is an error
//! before any package compiles, and every template is rendered once with
//! stand-in values and parsed as Go, so invalid Go is caught there too.

use crate::go::lines::Position;
use crate::go::source::KEYWORDS;
use crate::go::types::normalize_type;
use std::collections::BTreeMap;

/// A value a placeholder can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// `{{expr}}`: the matched expression (wrap-expression only).
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
    fn value(&mut self, value: &Value) -> Result<String, String>;
    fn holds(&mut self, cond: &Cond) -> Result<bool, String>;
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
    pub message: String,
}

/// Names that cannot be import names in a template: they start the built-in
/// values.
const RESERVED: &[&str] =
    &["expr", "body", "func", "package", "site", "directive", "aspect", "if", "else", "end", "not"];

pub const KNOWN_VALUES: &str = "expr, body, func.name, func.receiver, func.receiver-type, func.param N, \
func.param-of-type T, func.result N, func.result-of-type T, package.name, package.path, site.file, \
site.line, directive.args, aspect.id, an import name, \"text\", or if/else/end";

pub const KNOWN_CONDITIONS: &str =
    "func.has-param-of-type T, func.has-result-of-type T, func.is-method, directive.has-args";

/// A placeholder before nesting: a value or a piece of an if/else/end.
enum Token {
    Text(String),
    Value(Value),
    If(Cond, bool),
    Else,
    End,
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
            return Err(TemplateError { offset, message: "{{else}} or {{end}} without an {{if}}".to_string() });
        }
        let template = Template { segments, source: source.to_string(), origin };
        let conditions = template.conditions().len();
        if conditions > MAX_CONDITIONS {
            return Err(TemplateError {
                offset: 0,
                message: format!(
                    "the template uses {conditions} different conditions; at most {MAX_CONDITIONS} are allowed, so that every way they can come out is rendered and checked when aspects load: split it into several advice"
                ),
            });
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

    pub fn render(&self, env: &mut dyn Env) -> Result<String, String> {
        render_segments(&self.segments, env)
    }

    /// Renders to runs of text, each with the position in the aspect file
    /// where it starts. A run ends where a condition may have skipped text,
    /// so every run can be placed at its own line.
    pub fn render_runs(&self, env: &mut dyn Env) -> Result<Vec<(String, Position)>, String> {
        let mut runs: Vec<(String, usize)> = Vec::new();
        let mut fresh = true;
        collect_runs(&self.segments, env, &mut runs, &mut fresh)?;
        Ok(runs.into_iter().filter(|(t, _)| !t.is_empty()).map(|(t, o)| (t, self.position_at(o))).collect())
    }

    /// Renders the text before and after the single, top-level `{{expr}}`
    /// or `{{body}}`, with the offset in the template where the text after
    /// it starts.
    pub fn render_around(&self, env: &mut dyn Env) -> Result<(String, String, usize), String> {
        let split = self
            .segments
            .iter()
            .position(|(_, s)| matches!(s, Segment::Value(v) if v.is_original()))
            .ok_or("the template has no {{expr}} or {{body}} outside {{if}}")?;
        let before = render_segments(&self.segments[..split], env)?;
        let after = render_segments(&self.segments[split + 1..], env)?;
        let after_offset = self.segments.get(split + 1).map_or(self.source.len(), |(o, _)| *o);
        Ok((before, after, after_offset))
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

fn render_segments(segments: &[(usize, Segment)], env: &mut dyn Env) -> Result<String, String> {
    let mut out = String::new();
    for (_, segment) in segments {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Value(Value::Literal(text)) => out.push_str(text),
            Segment::Value(value) => {
                let text = in_literal(env.value(value)?, open_literal(&out));
                out.push_str(&text);
            }
            Segment::If { cond, negated, then, otherwise } => {
                let branch = if env.holds(cond)? != *negated { then } else { otherwise };
                out.push_str(&render_segments(branch, env)?);
            }
        }
    }
    Ok(out)
}

fn collect_runs(
    segments: &[(usize, Segment)],
    env: &mut dyn Env,
    runs: &mut Vec<(String, usize)>,
    fresh: &mut bool,
) -> Result<(), String> {
    for (offset, segment) in segments {
        // A run may start only at the start of a line outside any literal
        // or comment: a position directive anywhere else would become part
        // of a string or end a comment. Otherwise the text continues the
        // open run, and a value inside one of its literals joins it.
        let continues = runs.last().is_some_and(|(run, _)| !*fresh || !at_clean_line_start(run));
        let text = match segment {
            Segment::Text(text) | Segment::Value(Value::Literal(text)) => text.clone(),
            Segment::Value(value) => {
                let open = runs.last().filter(|_| continues).and_then(|(run, _)| open_literal(run));
                in_literal(env.value(value)?, open)
            }
            Segment::If { cond, negated, then, otherwise } => {
                let branch = if env.holds(cond)? != *negated { then } else { otherwise };
                *fresh = true;
                collect_runs(branch, env, runs, fresh)?;
                *fresh = true;
                continue;
            }
        };
        match runs.last_mut() {
            Some((run, _)) if continues => run.push_str(&text),
            _ => runs.push((text, *offset)),
        }
        *fresh = false;
    }
    Ok(())
}

/// Whether Go text ends at the start of a line, outside any string, rune,
/// raw string or comment.
fn at_clean_line_start(text: &str) -> bool {
    text.ends_with('\n') && open_literal(text).is_none()
}

/// A value placed inside a literal of the template is part of that
/// literal: `"{{directive.args}}"` with the argument `a"b` must stay one
/// string. In an interpreted string or rune literal, the value is
/// escaped; in a raw string, a backquote closes the literal, joins a
/// quoted backquote and opens another.
fn in_literal(value: String, open: Option<char>) -> String {
    match open {
        Some(quote @ ('"' | '\'')) => {
            let mut out = String::with_capacity(value.len());
            for c in value.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out
        }
        Some('`') => value.replace('`', "` + \"`\" + `"),
        _ => value,
    }
}

/// The character that would close the literal or comment Go text ends
/// inside of (`"`, `'`, a backquote, `*` for a general comment, a newline
/// for a line comment), if any.
fn open_literal(text: &str) -> Option<char> {
    let mut inside: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (inside, c) {
            (None, '`') | (None, '"') | (None, '\'') => inside = Some(c),
            (None, '/') if chars.peek() == Some(&'/') => inside = Some('\n'),
            (None, '/') if chars.peek() == Some(&'*') => {
                chars.next();
                inside = Some('*');
            }
            (Some('*'), '*') if chars.peek() == Some(&'/') => {
                chars.next();
                inside = None;
            }
            (Some('"') | Some('\''), '\\') => {
                chars.next();
            }
            (Some('*'), _) => {}
            (Some(close), _) if c == close => inside = None,
            _ => {}
        }
    }
    inside
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

fn tokenize(source: &str, imports: &BTreeMap<String, String>) -> Result<Vec<(usize, Token)>, TemplateError> {
    let mut tokens = Vec::new();
    let mut rest = 0;
    while let Some(open) = source[rest..].find("{{").map(|i| rest + i) {
        if open > rest {
            tokens.push((rest, Token::Text(source[rest..open].to_string())));
        }
        let close = find_close(source, open + 2)
            .ok_or_else(|| TemplateError { offset: open, message: "`{{` without a closing `}}`".to_string() })?;
        let inner = source[open + 2..close].trim();
        let error = |message: String| TemplateError { offset: open, message };
        let token = match inner.split_once(char::is_whitespace).map_or((inner, ""), |(w, r)| (w, r.trim())) {
            ("if", rest) => {
                let (negated, cond) = match rest.strip_prefix("not ") {
                    Some(c) => (true, c.trim()),
                    None => (false, rest),
                };
                Token::If(parse_condition(cond).map_err(error)?, negated)
            }
            ("else", "") => Token::Else,
            ("end", "") => Token::End,
            _ => Token::Value(parse_value(inner, imports).map_err(error)?),
        };
        rest = close + 2;
        // A control tag alone on its line takes the line with it.
        if matches!(token, Token::If(..) | Token::Else | Token::End) {
            let line_start = source[..open].rfind('\n').map_or(0, |i| i + 1);
            let line_end = source[rest..].find('\n').map_or(source.len(), |i| rest + i);
            if source[line_start..open].trim().is_empty() && source[rest..line_end].trim().is_empty() {
                if let Some((offset, Token::Text(text))) = tokens.last_mut()
                    && *offset + text.len() == open
                    && *offset <= line_start
                {
                    text.truncate(line_start - *offset);
                }
                rest = (line_end + 1).min(source.len());
            }
        }
        tokens.push((open, token));
    }
    if rest < source.len() {
        tokens.push((rest, Token::Text(source[rest..].to_string())));
    }
    Ok(tokens)
}

/// Nests tokens up to the `{{else}}`/`{{end}}` that closes `opened` (the
/// offset of its `{{if}}`), or to the end.
fn nest(
    tokens: &mut std::iter::Peekable<std::vec::IntoIter<(usize, Token)>>,
    opened: Option<usize>,
) -> Result<Vec<(usize, Segment)>, TemplateError> {
    let mut out = Vec::new();
    while let Some((offset, token)) = tokens.peek() {
        let offset = *offset;
        match token {
            Token::Else | Token::End => {
                return match opened {
                    Some(_) => Ok(out),
                    None => Err(TemplateError { offset, message: "{{else}} or {{end}} without an {{if}}".to_string() }),
                };
            }
            _ => {}
        }
        let (offset, token) = tokens.next().expect("peeked");
        match token {
            Token::Text(t) => out.push((offset, Segment::Text(t))),
            Token::Value(v) => out.push((offset, Segment::Value(v))),
            Token::If(cond, negated) => {
                let then = nest(tokens, Some(offset))?;
                let otherwise = match tokens.next() {
                    Some((_, Token::Else)) => {
                        let otherwise = nest(tokens, Some(offset))?;
                        match tokens.next() {
                            Some((_, Token::End)) => otherwise,
                            _ => return Err(unclosed(offset)),
                        }
                    }
                    Some((_, Token::End)) => Vec::new(),
                    _ => return Err(unclosed(offset)),
                };
                out.push((offset, Segment::If { cond, negated, then, otherwise }));
            }
            Token::Else | Token::End => unreachable!("handled before"),
        }
    }
    match opened {
        Some(offset) => Err(unclosed(offset)),
        None => Ok(out),
    }
}

fn unclosed(offset: usize) -> TemplateError {
    TemplateError { offset, message: "{{if}} without its {{end}}".to_string() }
}

fn parse_condition(text: &str) -> Result<Cond, String> {
    let (word, arg) = text.split_once(char::is_whitespace).map_or((text, ""), |(w, a)| (w, a.trim()));
    let typed = |make: fn(String) -> Cond| {
        if arg.is_empty() {
            Err(format!("{word} needs a type, such as context.Context"))
        } else {
            Ok(make(normalize_type(arg)))
        }
    };
    match word {
        "func.has-param-of-type" => typed(Cond::HasParamOfType),
        "func.has-result-of-type" => typed(Cond::HasResultOfType),
        "func.is-method" if arg.is_empty() => Ok(Cond::IsMethod),
        "directive.has-args" if arg.is_empty() => Ok(Cond::HasDirectiveArgs),
        _ => Err(format!("unknown condition {text:?}; known conditions: {KNOWN_CONDITIONS}")),
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

/// The `}}` closing a placeholder, skipping over a quoted literal.
fn find_close(source: &str, from: usize) -> Option<usize> {
    let inner = source[from..].trim_start();
    let start = source.len() - inner.len();
    if inner.starts_with('"') {
        let end_quote = source[start + 1..].find('"')? + start + 1;
        return source[end_quote..].find("}}").map(|i| end_quote + i);
    }
    source[from..].find("}}").map(|i| from + i)
}

fn parse_value(inner: &str, imports: &BTreeMap<String, String>) -> Result<Value, String> {
    if let Some(quoted) = inner.strip_prefix('"') {
        return quoted
            .strip_suffix('"')
            .map(|s| Value::Literal(s.to_string()))
            .ok_or_else(|| format!("unterminated text in {{{{{inner}}}}}"));
    }
    let (word, arg) = match inner.split_once(char::is_whitespace) {
        Some((w, a)) => (w, Some(a.trim())),
        None => (inner, None),
    };
    let no_arg = |v: Value| match arg {
        None => Ok(v),
        Some(a) => Err(format!("{word} takes no argument, got {a:?}")),
    };
    match word {
        "expr" => no_arg(Value::Expr),
        "body" => no_arg(Value::Body),
        "func.name" => no_arg(Value::FuncName),
        "func.receiver" => no_arg(Value::FuncReceiver),
        "func.receiver-type" => no_arg(Value::FuncReceiverType),
        "func.param" => parse_index(word, arg).map(|i| Value::Param(Pick::Index(i))),
        "func.result" => parse_index(word, arg).map(|i| Value::Result(Pick::Index(i))),
        "func.param-of-type" => parse_type(word, arg).map(|t| Value::Param(Pick::OfType(t))),
        "func.result-of-type" => parse_type(word, arg).map(|t| Value::Result(Pick::OfType(t))),
        "package.name" => no_arg(Value::PackageName),
        "package.path" => no_arg(Value::PackagePath),
        "site.file" => no_arg(Value::SiteFile),
        "site.line" => no_arg(Value::SiteLine),
        "directive.args" => no_arg(Value::DirectiveArgs),
        "aspect.id" => no_arg(Value::AspectId),
        name if imports.contains_key(name) => no_arg(Value::Import(name.to_string())),
        _ if inner.is_empty() => Err("empty placeholder {{}}".to_string()),
        _ => Err(format!("unknown template value {{{{{inner}}}}}; known values: {KNOWN_VALUES}")),
    }
}

fn parse_index(word: &str, arg: Option<&str>) -> Result<usize, String> {
    arg.and_then(|a| a.parse().ok())
        .ok_or_else(|| format!("{word} needs a parameter index (0, 1, ...), got {:?}", arg.unwrap_or("")))
}

fn parse_type(word: &str, arg: Option<&str>) -> Result<String, String> {
    match arg {
        Some(t) if !t.is_empty() => Ok(normalize_type(t)),
        _ => Err(format!("{word} needs a type, such as context.Context")),
    }
}

/// Checks a name under which a template refers to an import.
pub fn check_import_name(name: &str, path: &str) -> Result<(), String> {
    if !crate::go::source::is_identifier(name) || KEYWORDS.contains(&name) {
        return Err(format!("import name {name:?} is not a Go identifier"));
    }
    if RESERVED.contains(&name) {
        return Err(format!("import name {name:?} is reserved for template values"));
    }
    if path.is_empty() || path.contains(|c: char| c.is_whitespace() || c == '"' || c == '\\') {
        return Err(format!("import path {path:?} for {name:?} is not a valid import path"));
    }
    Ok(())
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
        assert!(err.message.contains("unknown template value {{func.nmae}}"), "{}", err.message);
        assert!(parse("{{func.param}}").unwrap_err().message.contains("needs a parameter index"));
        assert!(parse("x {{ expr").unwrap_err().message.contains("without a closing"));
    }

    #[test]
    fn literal_braces() {
        let t = parse("[]T{{\"{{\"}}1}}").unwrap();
        assert_eq!(t.render(&mut StandIn(vec![])).unwrap(), "[]T{{1}}");
    }

    #[test]
    fn splits_around_expr() {
        let t = parse("wrap(\n{{expr}}, 1)").unwrap();
        let (before, after, offset) = t.render_around(&mut StandIn(vec![])).unwrap();
        assert_eq!((before.as_str(), after.as_str()), ("wrap(\n", ", 1)"));
        assert_eq!(t.position_at(offset), Position { file: "gorch.yaml".into(), line: 11, column: Some(21) });
    }

    /// Values with quotes, backslashes and backquotes.
    struct Awkward;

    impl Env for Awkward {
        fn value(&mut self, _: &Value) -> Result<String, String> {
            Ok("a\"b\\c`d\n".to_string())
        }

        fn holds(&mut self, _: &Cond) -> Result<bool, String> {
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
        let t = parse("a(\"{{if func.is-method}}m{{else}}f{{end}}\")\nb := `x\n{{if func.is-method}}\ny{{end}}`\n")
            .unwrap();
        let runs = t.render_runs(&mut StandIn(vec![])).unwrap();
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert!(at_clean_line_start("x := 1 // note\n"));
        assert!(!at_clean_line_start("s := `open\n"));
        assert!(!at_clean_line_start("/* open\n"));
    }

    #[test]
    fn every_way_up_to_the_limit_is_checked_and_more_is_refused() {
        let conditions = |n: usize| -> String {
            (0..n).map(|i| format!("{{{{if func.has-param-of-type T{i}}}}}a{i}{{{{end}}}}")).collect()
        };
        assert_eq!(parse(&conditions(7)).unwrap().assignments().len(), 128);
        assert_eq!(parse(&conditions(MAX_CONDITIONS)).unwrap().assignments().len(), 1 << MAX_CONDITIONS);
        let refused = parse(&conditions(MAX_CONDITIONS + 1)).unwrap_err().message;
        assert!(refused.starts_with("the template uses 11 different conditions; at most 10"), "{refused}");
    }

    #[test]
    fn conditions_must_be_closed_and_known() {
        assert_eq!(parse("{{if func.is-method}}x").unwrap_err().message, "{{if}} without its {{end}}");
        assert_eq!(parse("x{{end}}").unwrap_err().message, "{{else}} or {{end}} without an {{if}}");
        assert!(parse("{{if func.nope}}x{{end}}").unwrap_err().message.starts_with("unknown condition"));
    }
}
