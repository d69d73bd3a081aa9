//! Reading a template: its text split into text and `{{...}}` tokens,
//! nested at if/else/end, each placeholder checked against the values and
//! conditions gorch knows and the template's imports.

use super::{Cond, Pick, Segment, TemplateError, TemplateProblem, Value};
use crate::go::source::KEYWORDS;
use crate::go::types::normalize_type;
use std::collections::BTreeMap;

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
pub(super) enum Token {
    Text(String),
    Value(Value),
    If(Cond, bool),
    Else,
    End,
}

pub(super) fn tokenize(source: &str, imports: &BTreeMap<String, String>) -> Result<Vec<(usize, Token)>, TemplateError> {
    let mut tokens = Vec::new();
    let mut rest = 0;
    while let Some(open) = source[rest..].find("{{").map(|i| rest + i) {
        if open > rest {
            tokens.push((rest, Token::Text(source[rest..open].to_string())));
        }
        let close =
            find_close(source, open + 2).ok_or(TemplateError { offset: open, problem: TemplateProblem::Unclosed })?;
        let inner = source[open + 2..close].trim();
        let error = |problem: TemplateProblem| TemplateError { offset: open, problem };
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
pub(super) fn nest(
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
                    None => Err(TemplateError { offset, problem: TemplateProblem::ElseOrEndWithoutIf }),
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
    TemplateError { offset, problem: TemplateProblem::IfWithoutEnd }
}

fn parse_condition(text: &str) -> Result<Cond, TemplateProblem> {
    let (word, arg) = text.split_once(char::is_whitespace).map_or((text, ""), |(w, a)| (w, a.trim()));
    let typed = |make: fn(String) -> Cond| {
        if arg.is_empty() { Err(TemplateProblem::NeedsType(word.to_string())) } else { Ok(make(normalize_type(arg))) }
    };
    match word {
        "func.has-param-of-type" => typed(Cond::HasParamOfType),
        "func.has-result-of-type" => typed(Cond::HasResultOfType),
        "func.is-method" if arg.is_empty() => Ok(Cond::IsMethod),
        "directive.has-args" if arg.is_empty() => Ok(Cond::HasDirectiveArgs),
        _ => Err(TemplateProblem::UnknownCondition(text.to_string())),
    }
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

fn parse_value(inner: &str, imports: &BTreeMap<String, String>) -> Result<Value, TemplateProblem> {
    if let Some(quoted) = inner.strip_prefix('"') {
        return quoted
            .strip_suffix('"')
            .map(|s| Value::Literal(s.to_string()))
            .ok_or_else(|| TemplateProblem::UnterminatedText(inner.to_string()));
    }
    let (word, arg) = match inner.split_once(char::is_whitespace) {
        Some((w, a)) => (w, Some(a.trim())),
        None => (inner, None),
    };
    let no_arg = |v: Value| match arg {
        None => Ok(v),
        Some(a) => Err(TemplateProblem::TakesNoArgument { word: word.to_string(), got: a.to_string() }),
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
        _ if inner.is_empty() => Err(TemplateProblem::EmptyPlaceholder),
        _ => Err(TemplateProblem::UnknownValue(inner.to_string())),
    }
}

fn parse_index(word: &str, arg: Option<&str>) -> Result<usize, TemplateProblem> {
    arg.and_then(|a| a.parse().ok())
        .ok_or_else(|| TemplateProblem::NeedsIndex { word: word.to_string(), got: arg.unwrap_or("").to_string() })
}

fn parse_type(word: &str, arg: Option<&str>) -> Result<String, TemplateProblem> {
    match arg {
        Some(t) if !t.is_empty() => Ok(normalize_type(t)),
        _ => Err(TemplateProblem::NeedsType(word.to_string())),
    }
}

/// A name or path under a template's `imports` that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    NotIdentifier(String),
    Reserved(String),
    BadPath { name: String, path: String },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::NotIdentifier(name) => write!(f, "import name {name:?} is not a Go identifier"),
            ImportError::Reserved(name) => write!(f, "import name {name:?} is reserved for template values"),
            ImportError::BadPath { name, path } => {
                write!(f, "import path {path:?} for {name:?} is not a valid import path")
            }
        }
    }
}

/// Checks a name under which a template refers to an import.
pub fn check_import_name(name: &str, path: &str) -> Result<(), ImportError> {
    if !crate::go::source::is_identifier(name) || KEYWORDS.contains(&name) {
        return Err(ImportError::NotIdentifier(name.to_string()));
    }
    if RESERVED.contains(&name) {
        return Err(ImportError::Reserved(name.to_string()));
    }
    if path.is_empty() || path.contains(|c: char| c.is_whitespace() || c == '"' || c == '\\') {
        return Err(ImportError::BadPath { name: name.to_string(), path: path.to_string() });
    }
    Ok(())
}
