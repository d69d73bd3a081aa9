//! Rendering a template: its segments to Go text, whole or in runs that
//! each keep the position in the aspect file where they start.

use super::{Env, Segment, Value};
use crate::go::literals::{at_clean_line_start, in_literal, open_literal};

pub(super) fn render_segments<E: Env + ?Sized>(segments: &[(usize, Segment)], env: &mut E) -> Result<String, E::Error> {
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

pub(super) fn collect_runs<E: Env + ?Sized>(
    segments: &[(usize, Segment)],
    env: &mut E,
    runs: &mut Vec<(String, usize)>,
    fresh: &mut bool,
) -> Result<(), E::Error> {
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
