//! Why an advice cannot apply where its join point matched. The rewrite
//! reports each with the Go file's position and the aspect
//! ([`super::RewriteError`]).

use crate::aspect::template::{Cond, Value};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteError {
    #[error("{advice} changes {changes}, but this is {site}")]
    DoesNotFit { advice: &'static str, changes: String, site: String },
    /// The node lacks the part the advice changes.
    #[error("the {node} has no {part}")]
    Missing { node: &'static str, part: &'static str },
    #[error(
        "cannot wrap a call made by a {statement} statement: the wrapper would run it at once, not later; wrap one of its arguments (wrap-argument) instead"
    )]
    DeferredCall { statement: &'static str },
    #[error("wrap-argument wants argument {index}, but the call has {count} arguments")]
    NoSuchArgument { index: i64, count: usize },
    #[error("wrap-argument wants argument {index}, but it spreads a slice (`...`)")]
    SpreadArgument { index: i64 },
    #[error("append-args cannot add to a call that passes a slice with `...` unless the advice gives `type`")]
    SpreadWithoutType,
    #[error("the struct already has a field named {0}")]
    FieldTaken(String),
    #[error("the advice imports {0:?}, the package it is in")]
    ImportsItself(String),
    #[error("{0} stands for the original code here")]
    OriginalHere(Value),
    #[error("the template has no {{{{expr}}}} or {{{{body}}}} outside {{{{if}}}}")]
    NoOriginal,
    #[error("{what}: this code is not inside a function")]
    NotInFunction { what: String },
    #[error("{what}: {function} is a function, not a method")]
    NotAMethod { what: String, function: String },
    #[error("{function} has {count} {what}s, so there is no {what} {index}")]
    NoSuchIndex { function: String, what: &'static str, count: usize, index: usize },
    #[error("{function} has no {what} of type {ty}")]
    NoneOfType { function: String, what: &'static str, ty: String },
    #[error("{0} is not available to inject-declarations")]
    ValueNotInPackage(Value),
    #[error("{name} is declared without a value, so the template's {{{{expr}}}} stands for nothing")]
    NoValue { name: String },
    #[error(
        "{name} is declared with other names and no values (`{spec}`): assign-value can give one of them a value only when the declaration lists a value for each"
    )]
    SharedDeclaration { name: String, spec: String },
    #[error(
        "{name} takes its value from a call that returns several (`{spec}`): assign-value can only change a value of its own"
    )]
    ValueFromCall { name: String, spec: String },
    #[error(
        "the constants after {name} in its group ({followers}) repeat its expression: changing it would change them too; give them values of their own"
    )]
    RepeatedConstant { name: String, followers: String },
    #[error("{0} is not available to inject-declarations")]
    ConditionNotInPackage(Cond),
}
