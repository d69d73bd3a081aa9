//! Advice at a site becomes edits to one file.
//!
//! `FileWriter` holds everything one file's rewrite accumulates: its edits,
//! the names it gave to unnamed parameters, and the import aliases its
//! templates asked for. Layers order advice on one node: advice listed
//! later (in a later aspect, or later in the same aspect) is the outer
//! layer: its statements come first, its wrapper goes outside.

use super::SiteError;
use super::layout::{indent, is_call_around, operand_of_operator, stands_alone};
use super::matcher::FileContext;
use super::names::FunctionNames;
use super::sites::{Directive, Site, value_spec};
use crate::aspect::Aspect;
use crate::aspect::advice::{Advice, Code};
use crate::aspect::join::Kinds;
use crate::aspect::template::{Cond, Env, Pick, Template, Value};
use crate::go::edit::{self, Conflict, Edit, Order, Piece};
use crate::go::imports::default_package_name;
use crate::go::lines::{LineMap, Position};
use std::collections::{BTreeMap, HashMap};
use tree_sitter::Node;

/// Import aliases a file's (or a generated file's) templates use. Every
/// alias is fresh (`__gorch_<name>`, appearing nowhere in the file), so it
/// can never collide with, or be shadowed by, a user's name.
#[derive(Default)]
pub struct Aliases {
    /// import path -> (alias, where the first advice asking for it is, its
    /// aspect)
    by_path: BTreeMap<String, (String, Position, String)>,
}

impl Aliases {
    /// The alias for `path`; `taken` says whether a name appears in the
    /// package (an import name must not clash with any package-level name
    /// in any file of the package).
    pub fn alias(
        &mut self,
        path: &str,
        name: &str,
        origin: &Position,
        aspect: &str,
        taken: &dyn Fn(&str) -> bool,
    ) -> String {
        if let Some((alias, _, _)) = self.by_path.get(path) {
            return alias.clone();
        }
        let base = format!("__gorch_{name}");
        let mut alias = base.clone();
        let mut n = 1;
        while taken(&alias) || self.by_path.values().any(|(a, _, _)| *a == alias) {
            n += 1;
            alias = format!("{base}_{n}");
        }
        self.by_path.insert(path.to_string(), (alias.clone(), origin.clone(), aspect.to_string()));
        alias
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }

    /// Each import path with the aspect that first asked for it.
    pub fn requesters(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_path.iter().map(|(path, (_, _, aspect))| (path.as_str(), aspect.as_str()))
    }

    /// `import alias "path"` lines, each placed at the aspect that asked.
    pub fn declarations(&self) -> Vec<Piece> {
        self.by_path
            .iter()
            .map(|(path, (alias, origin, _))| Piece::from(format!("import {alias} {path:?}"), origin.clone()))
            .collect()
    }
}

pub struct FileWriter<'a> {
    pub cx: FileContext<'a>,
    pub lines: LineMap,
    edits: Vec<Edit>,
    functions: HashMap<usize, FunctionNames<'a>>,
    pub aliases: Aliases,
    /// Expressions (`sql.Open`) that replaced calls no longer use, kept
    /// referenced so that their imports stay used.
    keep_alive: Vec<String>,
}

/// What a site offers to templates besides the code itself.
pub struct SiteValues<'s, 'a> {
    pub aspect: &'s Aspect,
    pub site: &'s Site<'a>,
    pub directive: Option<&'s Directive>,
}

impl SiteValues<'_, '_> {
    /// The aspect's own line, for code that comes from no template.
    fn aspect_position(&self) -> Position {
        Position { file: self.aspect.line_name.clone(), line: self.aspect.line, column: None }
    }
}

impl<'a> FileWriter<'a> {
    pub fn new(cx: FileContext<'a>) -> FileWriter<'a> {
        let lines = LineMap::of(cx.file);
        FileWriter {
            cx,
            lines,
            edits: Vec::new(),
            functions: HashMap::new(),
            aliases: Aliases::default(),
            keep_alive: Vec::new(),
        }
    }

    /// Applies one advice at one site.
    pub fn apply(&mut self, advice: &Advice, layer: usize, at: &SiteValues<'_, 'a>) -> Result<(), SiteError> {
        let site = at.site;
        if let Some(kinds) = advice.site_kinds()
            && kinds.intersect(site.kind).is_empty()
        {
            return Err(SiteError::DoesNotFit {
                advice: advice.name(),
                changes: kinds.describe(),
                site: describe_site(site),
            });
        }
        let owner = &at.aspect.id;
        match advice {
            Advice::PrependStatements(code) => {
                let body = site.node.child_by_field_name("body").ok_or(NO_BODY)?;
                let runs = {
                    let mut env = SiteEnv { writer: self, imports: &code.imports, origin: &code.template.origin, at };
                    code.template.render_runs(&mut env)?
                };
                let text: String = runs.iter().map(|(t, _)| t.as_str()).collect();
                let mut pieces = vec![Piece::glue("\n\t")];
                let last = runs.len().saturating_sub(1);
                for (i, (run, position)) in runs.into_iter().enumerate() {
                    let run = if i == last { run.trim_end_matches('\n').to_string() } else { run };
                    pieces.push(Piece::from(indent(&run), position));
                }
                let after_brace = body.start_byte() + 1;
                // The statements need a line of their own: code may follow
                // the brace on its line, and a trailing // comment in the
                // template would swallow what follows.
                let rest_of_line = self.cx.file.text[after_brace..].split('\n').next().unwrap_or("").trim();
                let code_follows = !(rest_of_line.is_empty() || rest_of_line.starts_with("//"));
                if code_follows || text.trim_end().lines().last().is_some_and(|l| l.contains("//")) {
                    pieces.push(Piece::glue("\n"));
                }
                self.edits.push(Edit::insert(after_brace, pieces, Order::plain(-(layer as i64)), owner));
            }
            Advice::WrapBody(code) => {
                let body = site.node.child_by_field_name("body").ok_or(NO_BODY)?;
                self.wrap_body(body, code, layer, at)?;
            }
            Advice::WrapExpression(code) => {
                if let Some(statement) = deferred_by(site.node) {
                    return Err(SiteError::DeferredCall { statement });
                }
                self.wrap(site.node, code, layer, at)?;
            }
            Advice::WrapArgument { index, code } => {
                let args = site.node.child_by_field_name("arguments").ok_or(NO_ARGUMENTS)?;
                let mut cursor = args.walk();
                let all: Vec<Node> = args.named_children(&mut cursor).filter(|n| n.kind() != "comment").collect();
                let position = if *index < 0 { all.len() as i64 + index } else { *index };
                let arg = usize::try_from(position)
                    .ok()
                    .and_then(|i| all.get(i))
                    .ok_or(SiteError::NoSuchArgument { index: *index, count: all.len() })?;
                if arg.kind() == "variadic_argument" {
                    return Err(SiteError::SpreadArgument { index: *index });
                }
                self.wrap(*arg, code, layer, at)?;
            }
            Advice::ReplaceFunction(function) => {
                let mut callee = site
                    .node
                    .child_by_field_name("function")
                    .ok_or(SiteError::Missing { node: "call", part: "function" })?;
                // The call may have been the file's only use of the
                // replaced function's package: keep the import used.
                let original = self.cx.file.text_of(callee).to_string();
                if !self.keep_alive.contains(&original) {
                    self.keep_alive.push(original);
                }
                if callee.kind() == "index_expression" {
                    callee = callee.child_by_field_name("operand").unwrap_or(callee);
                }
                self.cx.package.check_import(&function.path)?;
                let name = sanitize(default_package_name(&function.path));
                let files = self.cx.all_files;
                let taken = |a: &str| files.iter().any(|f| f.text.contains(a));
                let alias = self.aliases.alias(&function.path, &name, &at.aspect_position(), owner, &taken);
                let text = format!("{alias}.{}", function.name);
                self.edits.push(Edit::replace(
                    callee.start_byte(),
                    callee.end_byte(),
                    &text,
                    Order::replacement(),
                    owner,
                ));
            }
            Advice::AppendArgs { imports, ty, values } => {
                self.append_args(imports, ty.as_deref(), values, layer, at)?
            }
            Advice::AddStructField { name, ty } => self.add_struct_field(name, ty, layer, at)?,
            Advice::AssignValue(code) => self.assign_value(code, layer, at)?,
            Advice::InjectDeclarations(_) | Advice::AddBlankImport(_) => {}
        }
        Ok(())
    }

    /// Adds `name ty` as the last field of the struct type the site declares.
    fn add_struct_field(
        &mut self,
        name: &str,
        ty: &str,
        layer: usize,
        at: &SiteValues<'_, 'a>,
    ) -> Result<(), SiteError> {
        let fields = at
            .site
            .node
            .child_by_field_name("type")
            .and_then(|t| t.named_children(&mut t.walk()).find(|n| n.kind() == "field_declaration_list"))
            .ok_or(SiteError::Missing { node: "type", part: "struct field list" })?;
        let mut cursor = fields.walk();
        let taken = fields.named_children(&mut cursor).filter(|f| f.kind() == "field_declaration").any(|f| {
            let mut names = f.walk();
            f.children_by_field_name("name", &mut names).any(|n| self.cx.file.text_of(n) == name)
        });
        if taken {
            return Err(SiteError::FieldTaken(name.to_string()));
        }
        let origin = at.aspect_position();
        let spelled = self.spell_type(ty, &origin, &at.aspect.id)?;
        let pieces = vec![Piece::glue("\n\t"), Piece::from(format!("{name} {spelled}"), origin), Piece::glue("\n")];
        let close = fields.end_byte() - 1;
        self.edits.push(Edit::insert(close, pieces, Order::plain(layer as i64), &at.aspect.id));
        Ok(())
    }

    /// Gives the package-level value the site names the template's value:
    /// around its own value when the template has `{{expr}}`, in place of
    /// it otherwise, or as `= value` when it has none.
    fn assign_value(&mut self, code: &Code, layer: usize, at: &SiteValues<'_, 'a>) -> Result<(), SiteError> {
        let file = self.cx.file;
        let name = file.text_of(at.site.node).to_string();
        let (spec, index) =
            value_spec(at.site.node).ok_or(SiteError::Missing { node: "value", part: "declaration" })?;
        let spec_text = || file.text_of(spec).to_string();
        let mut cursor = spec.walk();
        let names = spec.children_by_field_name("name", &mut cursor).count();
        let values: Vec<Node> = spec
            .child_by_field_name("value")
            .map(|list| list.named_children(&mut list.walk()).filter(|n| n.kind() != "comment").collect())
            .unwrap_or_default();
        let followers = repeating_constants(file, spec);
        if !followers.is_empty() {
            return Err(SiteError::RepeatedConstant { name, followers: followers.join(", ") });
        }
        let uses_original = code.template.values().iter().any(|(_, v)| v.is_original());
        let owner = &at.aspect.id;
        if values.is_empty() {
            if uses_original {
                return Err(SiteError::NoValue { name });
            }
            if names > 1 {
                return Err(SiteError::SharedDeclaration { name, spec: spec_text() });
            }
            let value = self.render(code, &code.template, at)?;
            let pieces = vec![Piece::glue(" = "), Piece::from(value, code.template.origin.clone())];
            self.edits.push(Edit::insert(spec.end_byte(), pieces, Order::plain(layer as i64), owner));
            return Ok(());
        }
        if values.len() != names {
            return Err(SiteError::ValueFromCall { name, spec: spec_text() });
        }
        let value = values[index];
        if uses_original {
            return self.wrap(value, code, layer, at);
        }
        let rendered = self.render(code, &code.template, at)?;
        let pieces = vec![Piece::from(rendered, code.template.origin.clone())];
        self.edits.push(Edit::replace_with(value.start_byte(), value.end_byte(), pieces, owner));
        Ok(())
    }

    /// Puts a template around `node` (its `{{expr}}`), as a prefix and a
    /// suffix, so that advice on nested expressions nests.
    fn wrap(&mut self, node: Node<'a>, code: &Code, layer: usize, at: &SiteValues<'_, 'a>) -> Result<(), SiteError> {
        let (before, after, after_offset) = {
            let mut env = SiteEnv { writer: self, imports: &code.imports, origin: &code.template.origin, at };
            code.template.render_around(&mut env)?.ok_or(SiteError::NoOriginal)?
        };
        // Operators in the template must not capture part of the original
        // (`-x` inside `{{expr}} + 1`), and operators around the node must
        // not capture part of the template (`f()[1:]` around `{{expr}} + "!"`).
        let inner = matches!(node.kind(), "unary_expression" | "binary_expression") && !stands_alone(&before, &after);
        let outer = operand_of_operator(node) && !is_call_around(&before, &after);
        let parens = |yes: bool, p: &'static str| Piece::glue(if yes { p } else { "" });
        let opening = vec![parens(outer, "("), Piece::from(before, code.template.origin.clone()), parens(inner, "(")];
        let closing =
            vec![parens(inner, ")"), Piece::from(after, code.template.position_at(after_offset)), parens(outer, ")")];
        let owner = &at.aspect.id;
        self.edits.push(Edit::insert(node.start_byte(), opening, Order::opening(node.end_byte(), layer), owner));
        self.edits.push(Edit::insert(node.end_byte(), closing, Order::closing(node.start_byte(), layer), owner));
        Ok(())
    }

    /// Puts a template around a function's body block (its `{{body}}`): the
    /// function gets a new body whose statements are the template.
    fn wrap_body(
        &mut self,
        body: Node<'a>,
        code: &Code,
        layer: usize,
        at: &SiteValues<'_, 'a>,
    ) -> Result<(), SiteError> {
        let (before, after, after_offset) = {
            let mut env = SiteEnv { writer: self, imports: &code.imports, origin: &code.template.origin, at };
            code.template.render_around(&mut env)?.ok_or(SiteError::NoOriginal)?
        };
        let after = after.trim_end_matches('\n');
        let opening = vec![Piece::glue("{\n\t"), Piece::from(indent(&before), code.template.origin.clone())];
        let mut closing = vec![Piece::from(indent(after), code.template.position_at(after_offset))];
        // A trailing // comment in the template must not swallow the brace.
        closing.push(Piece::glue("\n}"));
        let owner = &at.aspect.id;
        self.edits.push(Edit::insert(body.start_byte(), opening, Order::opening(body.end_byte(), layer), owner));
        self.edits.push(Edit::insert(body.end_byte(), closing, Order::closing(body.start_byte(), layer), owner));
        Ok(())
    }

    fn append_args(
        &mut self,
        imports: &BTreeMap<String, String>,
        ty: Option<&str>,
        values: &[Template],
        layer: usize,
        at: &SiteValues<'_, 'a>,
    ) -> Result<(), SiteError> {
        let args = at.site.node.child_by_field_name("arguments").ok_or(NO_ARGUMENTS)?;
        let mut rendered = Vec::new();
        for (i, template) in values.iter().enumerate() {
            if i > 0 {
                rendered.push(Piece::glue(", "));
            }
            let code = Code { imports: imports.clone(), template: template.clone() };
            rendered.push(Piece::from(self.render(&code, template, at)?, template.origin.clone()));
        }
        let mut cursor = args.walk();
        let last = args.named_children(&mut cursor).filter(|n| n.kind() != "comment").last();
        let owner = &at.aspect.id;
        match last {
            None => {
                let at_paren = args.start_byte() + 1;
                self.edits.push(Edit::insert(at_paren, rendered, Order::plain(layer as i64), owner));
            }
            Some(spread) if spread.kind() == "variadic_argument" => {
                let ty = ty.ok_or(SiteError::SpreadWithoutType)?;
                let origin = values.first().map(|v| v.origin.clone()).unwrap_or_else(|| at.aspect_position());
                let ty = self.spell_type(ty, &origin, &at.aspect.id)?;
                let operand =
                    spread.named_child(0).ok_or(SiteError::Missing { node: "spread argument", part: "operand" })?;
                let open = vec![Piece::glue(format!("append(append([]{ty}(nil), "))];
                let mut close = vec![Piece::glue("), ")];
                close.extend(rendered);
                close.push(Piece::glue(")..."));
                // `xs...` becomes `append(append([]T(nil), xs...), v...)...`:
                // a copy, so the caller's slice is never written to.
                // The copy spans `xs...`, so it opens outside any wrapper of `xs`.
                self.edits.push(Edit::insert(
                    operand.start_byte(),
                    open,
                    Order::opening(spread.end_byte(), layer),
                    owner,
                ));
                self.edits.push(Edit::insert(spread.end_byte(), close, Order::plain(layer as i64), owner));
            }
            Some(last) => {
                let mut pieces = vec![Piece::glue(", ")];
                pieces.extend(rendered);
                self.edits.push(Edit::insert(last.end_byte(), pieces, Order::plain(layer as i64), owner));
            }
        }
        Ok(())
    }

    /// A type written with import paths (`[]*net/http.Request`) as this
    /// file spells it: every qualified name goes through an alias.
    fn spell_type(&mut self, ty: &str, origin: &Position, owner: &str) -> Result<String, SiteError> {
        let mut out = String::new();
        let mut rest = ty;
        while let Some(start) = rest.find(|c: char| c.is_alphanumeric() || c == '_') {
            out.push_str(&rest[..start]);
            let len = rest[start..]
                .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '/' | '-' | '~')))
                .unwrap_or(rest.len() - start);
            let word = &rest[start..start + len];
            match word.rsplit_once('.') {
                Some((path, name)) if !path.is_empty() => {
                    if path == self.cx.package.import_path {
                        out.push_str(name);
                    } else {
                        self.cx.package.check_import(path)?;
                        let base = sanitize(default_package_name(path));
                        let files = self.cx.all_files;
                        let taken = |a: &str| files.iter().any(|f| f.text.contains(a));
                        let alias = self.aliases.alias(path, &base, origin, owner, &taken);
                        out.push_str(&format!("{alias}.{name}"));
                    }
                }
                _ => out.push_str(word),
            }
            rest = &rest[start + len..];
        }
        out.push_str(rest);
        Ok(out)
    }

    fn render(&mut self, code: &Code, template: &Template, at: &SiteValues<'_, 'a>) -> Result<String, SiteError> {
        let mut env = SiteEnv { writer: self, imports: &code.imports, origin: &template.origin, at };
        template.render(&mut env)
    }

    /// The text a placeholder stands for at this site.
    fn value(
        &mut self,
        value: &Value,
        imports: &BTreeMap<String, String>,
        origin: &Position,
        at: &SiteValues<'_, 'a>,
    ) -> Result<String, SiteError> {
        let site = at.site;
        let owner = at.aspect.id.as_str();
        Ok(match value {
            Value::Expr | Value::Body => return Err(SiteError::OriginalHere(value.clone())),
            Value::FuncName | Value::FuncReceiver | Value::FuncReceiverType | Value::Param(_) | Value::Result(_) => {
                let func = site.function.ok_or_else(|| SiteError::NotInFunction { what: value.to_string() })?;
                let cx = &self.cx;
                let names = self.functions.entry(func.id()).or_insert_with(|| FunctionNames::of(cx, func));
                match value {
                    Value::FuncName => names.function_name().to_string(),
                    Value::FuncReceiver => names.receiver(&mut self.edits, owner)?,
                    Value::Param(pick) => names.param(pick, &mut self.edits, owner)?,
                    Value::Result(pick) => names.result(pick, &mut self.edits, owner)?,
                    _ => receiver_type_text(self.cx.file, func).ok_or_else(|| SiteError::NotAMethod {
                        what: value.to_string(),
                        function: names.function_name().to_string(),
                    })?,
                }
            }
            Value::PackageName => self.cx.package.name.clone(),
            Value::PackagePath => self.cx.package.import_path.clone(),
            Value::SiteFile => {
                let file = self.lines.position(site.node.start_byte()).file;
                file.rsplit(['/', '\\']).next().unwrap_or(&file).to_string()
            }
            Value::SiteLine => self.lines.position(site.node.start_byte()).line.to_string(),
            Value::DirectiveArgs => at.directive.map(|d| d.args.clone()).unwrap_or_default(),
            Value::AspectId => at.aspect.id.clone(),
            Value::Import(name) => {
                let path = &imports[name];
                self.cx.package.check_import(path)?;
                let files = self.cx.all_files;
                let aspect = &at.aspect.id;
                self.aliases.alias(path, name, origin, aspect, &|alias| files.iter().any(|f| f.text.contains(alias)))
            }
            Value::Literal(text) => text.clone(),
        })
    }

    /// Whether a template's condition holds at this site.
    fn holds(&mut self, cond: &Cond, at: &SiteValues<'_, 'a>) -> Result<bool, SiteError> {
        if *cond == Cond::HasDirectiveArgs {
            return Ok(at.directive.is_some_and(|d| !d.args.is_empty()));
        }
        let func = at.site.function.ok_or_else(|| SiteError::NotInFunction { what: format!("{{{{if {cond}}}}}") })?;
        let cx = &self.cx;
        let names = self.functions.entry(func.id()).or_insert_with(|| FunctionNames::of(cx, func));
        Ok(match cond {
            Cond::HasParamOfType(t) => names.has_param(&Pick::OfType(t.clone())),
            Cond::HasResultOfType(t) => names.has_result(&Pick::OfType(t.clone())),
            Cond::IsMethod => names.is_method(),
            Cond::HasDirectiveArgs => unreachable!("answered above"),
        })
    }

    /// The rewritten file as the compiler gets it (with line directives)
    /// and as people read it; `None` when nothing changed.
    pub fn finish(mut self) -> Result<Option<(String, String)>, Conflict> {
        if self.edits.is_empty() {
            return Ok(None);
        }
        if !self.aliases.is_empty() {
            let imports = self.cx.imports.after_package_clause;
            let mut pieces = Vec::new();
            for declaration in self.aliases.declarations() {
                pieces.push(Piece::glue("\n\n"));
                pieces.push(declaration);
            }
            self.edits.push(Edit::insert(imports, pieces, Order::plain(i64::MIN), "imports"));
        }
        let text = &self.cx.file.text;
        if !self.keep_alive.is_empty() {
            let mut declarations = String::from("\n");
            for expr in &self.keep_alive {
                declarations.push_str(&format!("\nvar _ = {expr} // kept: replace-function took its call\n"));
            }
            self.edits.push(Edit::insert(
                text.len(),
                vec![Piece::glue(declarations)],
                Order::plain(i64::MAX),
                "keep-alive",
            ));
        }
        let compiled = edit::apply(text, &self.edits, Some(&self.lines))?;
        let readable = edit::apply(text, &self.edits, None)?;
        Ok(Some((compiled, readable)))
    }
}

const NO_BODY: SiteError = SiteError::Missing { node: "function", part: "body" };
const NO_ARGUMENTS: SiteError = SiteError::Missing { node: "call", part: "argument list" };

/// A package name usable in an alias: anything but letters and digits
/// becomes `_`.
fn sanitize(name: &str) -> String {
    name.chars().map(|c| if c.is_alphanumeric() { c } else { '_' }).collect()
}

/// A site's values and conditions, for rendering a template there.
struct SiteEnv<'w, 'a, 's> {
    writer: &'w mut FileWriter<'a>,
    imports: &'s BTreeMap<String, String>,
    origin: &'s Position,
    at: &'s SiteValues<'s, 'a>,
}

impl Env for SiteEnv<'_, '_, '_> {
    type Error = SiteError;

    fn value(&mut self, value: &Value) -> Result<String, SiteError> {
        self.writer.value(value, self.imports, self.origin, self.at)
    }

    fn holds(&mut self, cond: &Cond) -> Result<bool, SiteError> {
        self.writer.holds(cond, self.at)
    }
}

/// The constants after a `const` spec in its group that repeat its
/// expression (they give no value of their own), up to the next that does.
fn repeating_constants(file: &crate::go::source::SourceFile, spec: Node) -> Vec<String> {
    let mut names = Vec::new();
    if spec.kind() != "const_spec" {
        return names;
    }
    let mut next = spec.next_named_sibling();
    while let Some(sibling) = next {
        if sibling.kind() == "const_spec" {
            if sibling.child_by_field_name("value").is_some() {
                break;
            }
            let mut cursor = sibling.walk();
            names.extend(sibling.children_by_field_name("name", &mut cursor).map(|n| file.text_of(n).to_string()));
        }
        next = sibling.next_named_sibling();
    }
    names
}

/// `go f()` and `defer f()`: the call is deferred, and wrapping it would
/// make it run at once.
fn deferred_by(node: Node) -> Option<&'static str> {
    match node.parent()?.kind() {
        "go_statement" => Some("go"),
        "defer_statement" => Some("defer"),
        _ => None,
    }
}

fn receiver_type_text(file: &crate::go::source::SourceFile, func: Node) -> Option<String> {
    let list = func.child_by_field_name("receiver")?;
    let mut cursor = list.walk();
    let decl = list.named_children(&mut cursor).find(|n| n.kind() == "parameter_declaration")?;
    Some(file.text_of(decl.child_by_field_name("type")?).to_string())
}

fn describe_site(site: &Site) -> String {
    match site.kind {
        k if k == Kinds::FUNCTION => "a function".to_string(),
        k if k == Kinds::CALL => "a call".to_string(),
        k if k == Kinds::LITERAL => "a struct literal".to_string(),
        k if k == Kinds::FIELD => "a struct field value".to_string(),
        k if k == Kinds::TYPE => "a struct type".to_string(),
        k if k == Kinds::VALUE => "a package-level value".to_string(),
        _ => match site.node.kind() {
            "type_declaration" => "a type declaration".to_string(),
            "var_declaration" => "a var declaration".to_string(),
            "const_declaration" => "a const declaration".to_string(),
            other => other.replace('_', " "),
        },
    }
}
