//! Names for a function's receiver, parameters and results.
//!
//! A template that reads a parameter or a result needs a name for it. When
//! the code has none (`func f(int) error`, or `_`), gorch gives one: a
//! fresh `__gorch_…` name that appears nowhere in the file. Naming does not
//! change what a function does: a named result is a variable that every
//! `return x` assigns, and Go requires all parameters (or all results) to be
//! named if one is, so they are named together.

use super::matcher::FileContext;
use crate::aspect::template::Pick;
use crate::go::edit::{Edit, Order};
use crate::go::types::TypeNames;
use tree_sitter::Node;

#[derive(Debug, Clone)]
struct Slot<'t> {
    /// `None` when unnamed or `_`.
    name: Option<String>,
    /// The `_` to replace, when the slot is blank.
    blank: Option<Node<'t>>,
    /// Where a name goes when the slot is unnamed.
    type_node: Node<'t>,
    canonical: String,
}

#[derive(Debug, Clone)]
enum Group {
    Receiver,
    Params,
    Results,
}

pub struct FunctionNames<'t> {
    name: String,
    receiver: Vec<Slot<'t>>,
    params: Vec<Slot<'t>>,
    results: Vec<Slot<'t>>,
    /// `func f() error`: the single result has no parentheses.
    bare_result: Option<Node<'t>>,
    /// The text of the file, to keep fresh names fresh.
    text: &'t str,
    taken: Vec<String>,
}

impl<'t> FunctionNames<'t> {
    pub fn of(cx: &FileContext<'t>, func: Node<'t>) -> FunctionNames<'t> {
        let types = cx.type_names(func);
        let file = cx.file;
        let slots = |field: &str| func.child_by_field_name(field).map(|l| slots(&types, l)).unwrap_or_default();
        let result = func.child_by_field_name("result");
        let bare_result = result.filter(|r| r.kind() != "parameter_list");
        let results = match bare_result {
            Some(ty) => vec![Slot { name: None, blank: None, type_node: ty, canonical: types.canonical(ty) }],
            None => slots("result"),
        };
        FunctionNames {
            name: func.child_by_field_name("name").map_or_else(String::new, |n| file.text_of(n).to_string()),
            receiver: slots("receiver"),
            params: slots("parameters"),
            results,
            bare_result,
            text: &file.text,
            taken: Vec::new(),
        }
    }

    pub fn function_name(&self) -> &str {
        &self.name
    }

    pub fn receiver(&mut self, edits: &mut Vec<Edit>, owner: &str) -> Result<String, String> {
        if self.receiver.is_empty() {
            return Err(format!("{{{{func.receiver}}}}: {} is a function, not a method", self.name));
        }
        self.name_group(Group::Receiver, edits, owner);
        Ok(self.receiver[0].name.clone().unwrap_or_default())
    }

    pub fn param(&mut self, pick: &Pick, edits: &mut Vec<Edit>, owner: &str) -> Result<String, String> {
        let index = find(&self.params, pick).ok_or_else(|| missing(&self.name, "parameter", pick, self.params.len()))?;
        self.name_group(Group::Params, edits, owner);
        Ok(self.params[index].name.clone().unwrap_or_default())
    }

    pub fn result(&mut self, pick: &Pick, edits: &mut Vec<Edit>, owner: &str) -> Result<String, String> {
        let index = find(&self.results, pick).ok_or_else(|| missing(&self.name, "result", pick, self.results.len()))?;
        self.name_group(Group::Results, edits, owner);
        Ok(self.results[index].name.clone().unwrap_or_default())
    }

    /// Names every slot of a group that has no usable name.
    fn name_group(&mut self, group: Group, edits: &mut Vec<Edit>, owner: &str) {
        let (prefix, count) = match group {
            Group::Receiver => ("__gorch_recv", self.receiver.len()),
            Group::Params => ("__gorch_p", self.params.len()),
            Group::Results => ("__gorch_r", self.results.len()),
        };
        for i in 0..count {
            let slot = match group {
                Group::Receiver => &self.receiver[i],
                Group::Params => &self.params[i],
                Group::Results => &self.results[i],
            };
            if slot.name.is_some() {
                continue;
            }
            let base = if matches!(group, Group::Receiver) { prefix.to_string() } else { format!("{prefix}{i}") };
            let fresh = self.fresh(&base);
            let slot = match group {
                Group::Receiver => &mut self.receiver[i],
                Group::Params => &mut self.params[i],
                Group::Results => &mut self.results[i],
            };
            match slot.blank {
                Some(blank) => edits.push(Edit::replace(blank.start_byte(), blank.end_byte(), &fresh, Order::plain(0), owner)),
                None => {
                    let at = slot.type_node.start_byte();
                    let open = if matches!(group, Group::Results) && self.bare_result.is_some() { "(" } else { "" };
                    edits.push(Edit::replace(at, at, &format!("{open}{fresh} "), Order::plain(0), owner));
                }
            }
            slot.name = Some(fresh);
        }
        if let (Group::Results, Some(ty)) = (group, self.bare_result.take()) {
            edits.push(Edit::replace(ty.end_byte(), ty.end_byte(), ")", Order::plain(0), owner));
        }
    }

    fn fresh(&mut self, base: &str) -> String {
        let mut candidate = base.to_string();
        let mut n = 1;
        while self.text.contains(&candidate) || self.taken.contains(&candidate) {
            n += 1;
            candidate = format!("{base}_{n}");
        }
        self.taken.push(candidate.clone());
        candidate
    }
}

fn find(slots: &[Slot], pick: &Pick) -> Option<usize> {
    match pick {
        Pick::Index(i) => (*i < slots.len()).then_some(*i),
        Pick::OfType(t) => slots.iter().position(|s| s.canonical == *t),
    }
}

fn missing(function: &str, what: &str, pick: &Pick, count: usize) -> String {
    match pick {
        Pick::Index(i) => format!("{function} has {count} {what}s, so there is no {what} {i}"),
        Pick::OfType(t) => format!("{function} has no {what} of type {t}"),
    }
}

/// One slot per name in a parameter list (one per type when unnamed).
fn slots<'t>(types: &TypeNames<'t>, list: Node<'t>) -> Vec<Slot<'t>> {
    let mut out = Vec::new();
    let mut cursor = list.walk();
    for decl in list.named_children(&mut cursor) {
        let Some(ty) = decl.child_by_field_name("type") else { continue };
        let mut canonical = types.canonical(ty);
        if decl.kind() == "variadic_parameter_declaration" {
            canonical = format!("...{canonical}");
        }
        let mut inner = decl.walk();
        let names: Vec<Node> = decl.children_by_field_name("name", &mut inner).collect();
        if names.is_empty() {
            out.push(Slot { name: None, blank: None, type_node: ty, canonical });
            continue;
        }
        for name in names {
            let text = types.file.text_of(name);
            let blank = text == "_";
            out.push(Slot {
                name: (!blank).then(|| text.to_string()),
                blank: blank.then_some(name),
                type_node: ty,
                canonical: canonical.clone(),
            });
        }
    }
    out
}
