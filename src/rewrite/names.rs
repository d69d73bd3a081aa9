//! Names for a function's receiver, parameters and results.
//!
//! A template that reads a parameter or a result needs a name for it. When
//! the code has none (`func f(int) error`, or `_`), gorch gives one: a
//! fresh `__gorch_…` name that appears nowhere in the file. Naming does not
//! change what a function does: a named result is a variable that every
//! `return x` assigns, and Go requires all parameters (or all results) to be
//! named if one is, so they are named together.

use super::SiteError;
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
    /// Where a name goes when the slot is unnamed: the start of its
    /// declaration (before the `...` of a variadic parameter).
    insert_at: usize,
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
            Some(ty) => {
                vec![Slot { name: None, blank: None, insert_at: ty.start_byte(), canonical: types.canonical(ty) }]
            }
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

    pub fn is_method(&self) -> bool {
        !self.receiver.is_empty()
    }

    pub fn has_param(&self, pick: &Pick) -> bool {
        find(&self.params, pick).is_some()
    }

    pub fn has_result(&self, pick: &Pick) -> bool {
        find(&self.results, pick).is_some()
    }

    pub fn receiver(&mut self, edits: &mut Vec<Edit>, owner: &str) -> Result<String, SiteError> {
        if self.receiver.is_empty() {
            return Err(SiteError::NotAMethod { what: "{{func.receiver}}".to_string(), function: self.name.clone() });
        }
        Ok(self.name_slot(Group::Receiver, 0, edits, owner))
    }

    pub fn param(&mut self, pick: &Pick, edits: &mut Vec<Edit>, owner: &str) -> Result<String, SiteError> {
        let index =
            find(&self.params, pick).ok_or_else(|| missing(&self.name, "parameter", pick, self.params.len()))?;
        Ok(self.name_slot(Group::Params, index, edits, owner))
    }

    pub fn result(&mut self, pick: &Pick, edits: &mut Vec<Edit>, owner: &str) -> Result<String, SiteError> {
        let index = find(&self.results, pick).ok_or_else(|| missing(&self.name, "result", pick, self.results.len()))?;
        Ok(self.name_slot(Group::Results, index, edits, owner))
    }

    fn slots(&mut self, group: &Group) -> &mut Vec<Slot<'t>> {
        match group {
            Group::Receiver => &mut self.receiver,
            Group::Params => &mut self.params,
            Group::Results => &mut self.results,
        }
    }

    /// The name of a slot, giving it one if it has none. In a list without
    /// names, every slot is named (Go allows no mix); a `_` is renamed alone.
    fn name_slot(&mut self, group: Group, index: usize, edits: &mut Vec<Edit>, owner: &str) -> String {
        if let Some(name) = &self.slots(&group)[index].name {
            return name.clone();
        }
        let prefix = match group {
            Group::Receiver => "__gorch_recv",
            Group::Params => "__gorch_p",
            Group::Results => "__gorch_r",
        };
        let unnamed_list = self.slots(&group).iter().all(|s| s.name.is_none() && s.blank.is_none());
        let targets: Vec<usize> = if unnamed_list { (0..self.slots(&group).len()).collect() } else { vec![index] };
        let bare = if matches!(group, Group::Results) { self.bare_result.take() } else { None };
        for i in targets {
            let base = if matches!(group, Group::Receiver) { prefix.to_string() } else { format!("{prefix}{i}") };
            let fresh = self.fresh(&base);
            let slot = &mut self.slots(&group)[i];
            match slot.blank {
                Some(blank) => {
                    edits.push(Edit::replace(blank.start_byte(), blank.end_byte(), &fresh, Order::replacement(), owner))
                }
                None => {
                    let open = if bare.is_some() { "(" } else { "" };
                    let at = slot.insert_at;
                    edits.push(Edit::replace(at, at, &format!("{open}{fresh} "), Order::plain(0), owner));
                }
            }
            slot.name = Some(fresh);
        }
        if let Some(ty) = bare {
            edits.push(Edit::replace(ty.end_byte(), ty.end_byte(), ")", Order::plain(0), owner));
        }
        self.slots(&group)[index].name.clone().unwrap_or_default()
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

fn missing(function: &str, what: &'static str, pick: &Pick, count: usize) -> SiteError {
    let function = function.to_string();
    match pick {
        Pick::Index(index) => SiteError::NoSuchIndex { function, what, count, index: *index },
        Pick::OfType(ty) => SiteError::NoneOfType { function, what, ty: ty.clone() },
    }
}

/// One slot per name in a parameter list (one per type when unnamed).
fn slots<'t>(types: &TypeNames<'t>, list: Node<'t>) -> Vec<Slot<'t>> {
    let mut out = Vec::new();
    let mut cursor = list.walk();
    for decl in list.named_children(&mut cursor) {
        let Some(canonical) = types.parameter_type(decl) else { continue };
        let mut inner = decl.walk();
        let names: Vec<Node> = decl.children_by_field_name("name", &mut inner).collect();
        if names.is_empty() {
            out.push(Slot { name: None, blank: None, insert_at: decl.start_byte(), canonical });
            continue;
        }
        for name in names {
            let text = types.file.text_of(name);
            let blank = text == "_";
            out.push(Slot {
                name: (!blank).then(|| text.to_string()),
                blank: blank.then_some(name),
                insert_at: decl.start_byte(),
                canonical: canonical.clone(),
            });
        }
    }
    out
}
