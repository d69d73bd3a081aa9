//! Advice, checked: what to do at a site.
//!
//! Each kind of advice states which kinds of site it can change and which
//! template values make sense for it; `check` compares those with the join
//! point when aspects load, so a mismatch is an error in the aspect file
//! rather than a surprise in some package's compile.

use super::join::{Kinds, QualifiedName};
use super::syntax::Context;
use super::template::{Template, Value};
use crate::go::imports::default_package_name;
use std::collections::{BTreeMap, BTreeSet};

/// A template with the imports it declared (template name to import path).
#[derive(Debug, Clone)]
pub struct Code {
    pub imports: BTreeMap<String, String>,
    pub template: Template,
}

#[derive(Debug, Clone)]
pub enum Advice {
    PrependStatements(Code),
    /// Replaces the body with the template, `{{body}}` being the original.
    WrapBody(Code),
    WrapExpression(Code),
    /// Wraps argument `index` of a call.
    WrapArgument {
        /// From 0, or from the end when negative.
        index: i64,
        code: Code,
    },
    /// Calls this function instead, with the same arguments.
    ReplaceFunction(QualifiedName),
    AppendArgs {
        imports: BTreeMap<String, String>,
        /// Element type of the variadic parameter, for calls that spread a
        /// slice (`f(xs...)`).
        ty: Option<String>,
        values: Vec<Template>,
    },
    InjectDeclarations(Code),
    AddBlankImport(String),
    /// A field at the end of a struct type; `ty` is written with import
    /// paths (`unsafe.Pointer`).
    AddStructField {
        name: String,
        ty: String,
    },
    /// The initial value of a package-level `var` or `const`; `{{expr}}`,
    /// where used, is the value the declaration gives.
    AssignValue(Code),
}

impl Advice {
    pub fn name(&self) -> &'static str {
        match self {
            Advice::PrependStatements(_) => "prepend-statements",
            Advice::WrapBody(_) => "wrap-body",
            Advice::WrapExpression(_) => "wrap-expression",
            Advice::WrapArgument { .. } => "wrap-argument",
            Advice::ReplaceFunction(_) => "replace-function",
            Advice::AppendArgs { .. } => "append-args",
            Advice::InjectDeclarations(_) => "inject-declarations",
            Advice::AddBlankImport(_) => "add-blank-import",
            Advice::AddStructField { .. } => "add-struct-field",
            Advice::AssignValue(_) => "assign-value",
        }
    }

    /// Sites this advice can change; `None` for advice that applies once
    /// per package, wherever its join point matched.
    pub fn site_kinds(&self) -> Option<Kinds> {
        match self {
            Advice::PrependStatements(_) | Advice::WrapBody(_) => Some(Kinds::FUNCTION),
            Advice::WrapExpression(_) => Some(Kinds::EXPRESSIONS),
            Advice::WrapArgument { .. } | Advice::ReplaceFunction(_) => Some(Kinds::CALL),
            Advice::AppendArgs { .. } => Some(Kinds::CALL),
            Advice::InjectDeclarations(_) | Advice::AddBlankImport(_) => None,
            Advice::AddStructField { .. } => Some(Kinds::TYPE),
            Advice::AssignValue(_) => Some(Kinds::VALUE),
        }
    }

    /// Import paths the advice adds to the package.
    pub fn import_paths(&self) -> Vec<&str> {
        match self {
            Advice::PrependStatements(c)
            | Advice::WrapBody(c)
            | Advice::WrapExpression(c)
            | Advice::WrapArgument { code: c, .. }
            | Advice::AssignValue(c)
            | Advice::InjectDeclarations(c) => c.imports.values().map(String::as_str).collect(),
            Advice::AppendArgs { imports, .. } => imports.values().map(String::as_str).collect(),
            Advice::AddBlankImport(path) => vec![path.as_str()],
            Advice::ReplaceFunction(function) => vec![function.path.as_str()],
            Advice::AddStructField { ty, .. } => crate::go::types::import_paths(ty),
        }
    }

    /// The imports its templates declare, by name.
    pub fn imports(&self) -> Option<&BTreeMap<String, String>> {
        match self {
            Advice::PrependStatements(c)
            | Advice::WrapBody(c)
            | Advice::WrapExpression(c)
            | Advice::WrapArgument { code: c, .. }
            | Advice::AssignValue(c)
            | Advice::InjectDeclarations(c) => Some(&c.imports),
            Advice::AppendArgs { imports, .. } => Some(imports),
            Advice::AddBlankImport(_) | Advice::ReplaceFunction(_) | Advice::AddStructField { .. } => None,
        }
    }

    /// Names a template could mean as a package without writing `{{name}}`:
    /// the standard library's package names, and the names and default
    /// package names of its own imports.
    pub fn package_like_names(&self) -> BTreeSet<String> {
        let mut names: BTreeSet<String> = crate::go::stdlib::PACKAGE_NAMES.iter().map(|n| n.to_string()).collect();
        for (name, path) in self.imports().into_iter().flatten() {
            names.insert(name.clone());
            names.insert(default_package_name(path).to_string());
        }
        names
    }

    pub fn templates(&self) -> Vec<&Template> {
        match self {
            Advice::PrependStatements(c)
            | Advice::WrapBody(c)
            | Advice::WrapExpression(c)
            | Advice::WrapArgument { code: c, .. }
            | Advice::AssignValue(c)
            | Advice::InjectDeclarations(c) => vec![&c.template],
            Advice::AppendArgs { values, .. } => values.iter().collect(),
            Advice::AddBlankImport(_) | Advice::ReplaceFunction(_) | Advice::AddStructField { .. } => Vec::new(),
        }
    }

    /// How rendered templates sit in a file.
    pub fn context(&self) -> Context {
        match self {
            Advice::PrependStatements(_) | Advice::WrapBody(_) => Context::Statements,
            Advice::WrapExpression(_)
            | Advice::WrapArgument { .. }
            | Advice::AssignValue(_)
            | Advice::AppendArgs { .. }
            | Advice::ReplaceFunction(_) => Context::Expression,
            Advice::InjectDeclarations(_) | Advice::AddBlankImport(_) | Advice::AddStructField { .. } => {
                Context::Declarations
            }
        }
    }

    /// The placeholder that stands for the original code, if this advice
    /// has one: `{{expr}}` or `{{body}}`.
    fn original(&self) -> Option<Value> {
        match self {
            Advice::WrapExpression(_) | Advice::WrapArgument { .. } | Advice::AssignValue(_) => Some(Value::Expr),
            Advice::WrapBody(_) => Some(Value::Body),
            _ => None,
        }
    }

    /// Checks the template values against what this advice can provide.
    /// Returns the offending template and its offset on failure.
    pub fn check_values(&self) -> Result<(), (&Template, usize, String)> {
        let original = self.original();
        for template in self.templates() {
            let mut originals = 0;
            for (offset, value) in template.values() {
                if value.is_original() && Some(value) != original.as_ref() {
                    let what = match value {
                        Value::Expr => "{{expr}} is only available to wrap-expression, wrap-argument and assign-value",
                        _ => "{{body}} is only available to wrap-body",
                    };
                    return Err((template, offset, what.to_string()));
                }
                let allowed = match self {
                    Advice::InjectDeclarations(_) => matches!(
                        value,
                        Value::PackageName
                            | Value::PackagePath
                            | Value::AspectId
                            | Value::Import(_)
                            | Value::Literal(_)
                    ),
                    Advice::AssignValue(_) => !value.is_about_function(),
                    Advice::AddBlankImport(_) | Advice::ReplaceFunction(_) => false,
                    _ => true,
                };
                if !allowed {
                    let what = match self {
                        Advice::AssignValue(_) => {
                            format!(
                                "assign-value changes a package-level value, outside any function: it cannot use {value}"
                            )
                        }
                        _ => format!("{} applies to the package, not to a site: it cannot use {value}", self.name()),
                    };
                    return Err((template, offset, what));
                }
                if value.is_original() {
                    originals += 1;
                    if originals > 1 {
                        return Err((
                            template,
                            offset,
                            format!(
                                "{value} may appear only once: it stands for the original code, which must run exactly once"
                            ),
                        ));
                    }
                }
            }
            // assign-value may replace the value outright.
            if let Some(original) = &original
                && originals == 0
                && !matches!(self, Advice::AssignValue(_))
            {
                return Err((template, 0, format!("a {} template must contain {original}", self.name())));
            }
            if template.original_in_condition() {
                let value = original.as_ref().unwrap_or(&Value::Expr);
                return Err((template, 0, format!("{value} cannot be inside {{{{if}}}}: it must appear exactly once")));
            }
            if matches!(self, Advice::AssignValue(_))
                && let Some(cond) = template.conditions().into_iter().find(|c| c.is_about_function())
            {
                return Err((
                    template,
                    0,
                    format!("assign-value changes a package-level value, outside any function: it cannot test {cond}"),
                ));
            }
            if matches!(self, Advice::InjectDeclarations(_))
                && let Some(cond) = template.conditions().first()
            {
                return Err((
                    template,
                    0,
                    format!("inject-declarations applies to the package, not to a site: it cannot test {cond}"),
                ));
            }
        }
        Ok(())
    }

    /// Every declared import must be used by the template, or the compile
    /// fails with "imported and not used". Returns the unused name.
    pub fn unused_import(&self) -> Option<&str> {
        let imports = self.imports()?;
        let templates = self.templates();
        imports
            .keys()
            .find(|name| {
                !templates.iter().any(|t| t.values().into_iter().any(|(_, v)| *v == Value::Import(name.to_string())))
            })
            .map(String::as_str)
    }
}
