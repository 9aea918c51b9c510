//! Conditions over the profile and other answers: the written form, its compiled form with ids
//! resolved to indexes, and its evaluation in three-valued logic (a missing profile number makes
//! a condition unknown rather than false).

use crate::criteria::{Question, QuestionKind};
use crate::error::Problem;
use crate::profile::{Kind, ProfileField};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A condition as written in a criteria file. See docs/formats.md.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCondition", into = "RawCondition")]
pub enum Condition {
    /// Every condition holds.
    All(Vec<Condition>),
    /// At least one condition holds.
    Any(Vec<Condition>),
    /// The condition does not hold (profile conditions only).
    Not(Box<Condition>),
    /// The profile's kind is one of these.
    KindIn(Vec<Kind>),
    /// A profile number is within bounds (inclusive).
    ProfileRange {
        /// Which number.
        field: ProfileField,
        /// Lower bound.
        min: Option<u64>,
        /// Upper bound.
        max: Option<u64>,
    },
    /// A yes/no or single-choice answer is one of these (`yes`/`no` for yes/no).
    AnswerIn {
        /// Question id.
        question: String,
        /// Accepted option ids.
        options: Vec<String>,
    },
    /// A multiple-choice answer includes this option.
    Includes {
        /// Question id.
        question: String,
        /// Option id.
        option: String,
    },
    /// A number, percentage or list answer (item count) is at least this.
    AtLeast {
        /// Question id.
        question: String,
        /// Threshold.
        min: f64,
    },
    /// The criterion is met.
    Met {
        /// Question id.
        question: String,
    },
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    not: Option<Box<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    profile: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    in_: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    includes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<serde_json::Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<serde_json::Number>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    met: Option<bool>,
}

impl RawCondition {
    fn keys(&self) -> Vec<&'static str> {
        let mut k = Vec::new();
        for (present, name) in [
            (self.all.is_some(), "all"),
            (self.any.is_some(), "any"),
            (self.not.is_some(), "not"),
            (self.profile.is_some(), "profile"),
            (self.question.is_some(), "question"),
            (self.in_.is_some(), "in"),
            (self.includes.is_some(), "includes"),
            (self.min.is_some(), "min"),
            (self.max.is_some(), "max"),
            (self.met.is_some(), "met"),
        ] {
            if present {
                k.push(name);
            }
        }
        k
    }
}

const SHAPES: &str =
    "one of {all}, {any}, {not}, {profile: kind, in}, {profile: population|agents|workstations, min/max}, \
{question, in}, {question, includes}, {question, min}, {question, met: true}";

fn uint(n: &serde_json::Number, what: &str) -> Result<u64, String> {
    n.as_u64()
        .ok_or_else(|| format!("{what} must be a non-negative integer, found {n}"))
}

impl TryFrom<RawCondition> for Condition {
    type Error = String;
    fn try_from(r: RawCondition) -> Result<Condition, String> {
        let keys = r.keys();
        let shape_err = || format!("a condition: {SHAPES}; found keys [{}]", keys.join(", "));
        match keys.as_slice() {
            ["all"] => Ok(Condition::All(r.all.unwrap_or_default())).and_then(non_empty),
            ["any"] => Ok(Condition::Any(r.any.unwrap_or_default())).and_then(non_empty),
            ["not"] => r.not.map(Condition::Not).ok_or_else(shape_err),
            ["profile", "in"] => {
                if r.profile.as_deref() != Some("kind") {
                    return Err(format!(
                        "profile \"{}\" with \"in\": only \"kind\" takes a list",
                        r.profile.unwrap_or_default()
                    ));
                }
                let mut kinds = Vec::new();
                for k in r.in_.unwrap_or_default() {
                    kinds.push(
                        Kind::parse(&k)
                            .ok_or_else(|| format!("unknown kind \"{k}\"; expected one of {}", Kind::ALL_NAMES))?,
                    );
                }
                if kinds.is_empty() {
                    return Err("\"in\" must list at least one kind".into());
                }
                Ok(Condition::KindIn(kinds))
            }
            ["profile", "min"] | ["profile", "max"] | ["profile", "min", "max"] => {
                let name = r.profile.unwrap_or_default();
                let field = ProfileField::parse(&name)
                    .ok_or_else(|| format!("profile number \"{name}\"; expected population, agents or workstations"))?;
                let min = r.min.as_ref().map(|n| uint(n, "min")).transpose()?;
                let max = r.max.as_ref().map(|n| uint(n, "max")).transpose()?;
                Ok(Condition::ProfileRange { field, min, max })
            }
            ["question", "in"] => Ok(Condition::AnswerIn {
                question: r.question.unwrap_or_default(),
                options: r.in_.unwrap_or_default(),
            }),
            ["question", "includes"] => Ok(Condition::Includes {
                question: r.question.unwrap_or_default(),
                option: r.includes.unwrap_or_default(),
            }),
            ["question", "min"] => {
                let min = r.min.and_then(|n| n.as_f64()).ok_or_else(shape_err)?;
                Ok(Condition::AtLeast {
                    question: r.question.unwrap_or_default(),
                    min,
                })
            }
            ["question", "met"] => {
                if r.met != Some(true) {
                    return Err(
                        "\"met\" must be true; to require that a criterion is not met, rephrase the rule".into(),
                    );
                }
                Ok(Condition::Met {
                    question: r.question.unwrap_or_default(),
                })
            }
            _ => Err(shape_err()),
        }
    }
}

fn non_empty(c: Condition) -> Result<Condition, String> {
    match &c {
        Condition::All(v) | Condition::Any(v) if v.is_empty() => {
            Err("\"all\" and \"any\" need at least one condition".into())
        }
        _ => Ok(c),
    }
}

impl From<Condition> for RawCondition {
    fn from(c: Condition) -> RawCondition {
        let mut r = RawCondition::default();
        match c {
            Condition::All(v) => r.all = Some(v),
            Condition::Any(v) => r.any = Some(v),
            Condition::Not(c) => r.not = Some(c),
            Condition::KindIn(k) => {
                r.profile = Some("kind".into());
                r.in_ = Some(k.iter().map(|k| k.as_str().to_owned()).collect());
            }
            Condition::ProfileRange { field, min, max } => {
                r.profile = Some(field.as_str().into());
                r.min = min.map(Into::into);
                r.max = max.map(Into::into);
            }
            Condition::AnswerIn { question, options } => {
                r.question = Some(question);
                r.in_ = Some(options);
            }
            Condition::Includes { question, option } => {
                r.question = Some(question);
                r.includes = Some(option);
            }
            Condition::AtLeast { question, min } => {
                r.question = Some(question);
                r.min = serde_json::Number::from_f64(min);
            }
            Condition::Met { question } => {
                r.question = Some(question);
                r.met = Some(true);
            }
        }
        r
    }
}

/// A condition with question and option ids resolved.
#[derive(Clone, Debug)]
pub(crate) enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    KindIn(Vec<Kind>),
    ProfileRange {
        field: ProfileField,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// Bit i set = option i accepted (yes/no: bit 0 = yes, bit 1 = no).
    AnswerIn {
        question: usize,
        mask: u64,
    },
    Includes {
        question: usize,
        option: usize,
    },
    AtLeast {
        question: usize,
        min: f64,
    },
    Met {
        question: usize,
    },
}

impl Cond {
    /// Appends the questions this condition reads.
    pub(crate) fn questions(&self, out: &mut Vec<usize>) {
        match self {
            Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| c.questions(out)),
            Cond::Not(c) => c.questions(out),
            Cond::KindIn(_) | Cond::ProfileRange { .. } => {}
            Cond::AnswerIn { question, .. }
            | Cond::Includes { question, .. }
            | Cond::AtLeast { question, .. }
            | Cond::Met { question } => out.push(*question),
        }
    }

    pub(crate) fn eval(&self, ctx: &dyn EvalCtx) -> Tri {
        match self {
            Cond::All(v) => {
                let mut acc = Tri::True;
                for c in v {
                    match c.eval(ctx) {
                        Tri::False => return Tri::False,
                        Tri::Unknown => acc = Tri::Unknown,
                        Tri::True => {}
                    }
                }
                acc
            }
            Cond::Any(v) => {
                let mut acc = Tri::False;
                for c in v {
                    match c.eval(ctx) {
                        Tri::True => return Tri::True,
                        Tri::Unknown => acc = Tri::Unknown,
                        Tri::False => {}
                    }
                }
                acc
            }
            Cond::Not(c) => match c.eval(ctx) {
                Tri::True => Tri::False,
                Tri::False => Tri::True,
                Tri::Unknown => Tri::Unknown,
            },
            Cond::KindIn(kinds) => match ctx.kind() {
                Some(k) => Tri::from(kinds.contains(&k)),
                None => {
                    ctx.missing(ProfileField::Kind);
                    Tri::Unknown
                }
            },
            Cond::ProfileRange { field, min, max } => match ctx.number(*field) {
                Some(v) => Tri::from(min.is_none_or(|m| v >= m) && max.is_none_or(|m| v <= m)),
                None => {
                    ctx.missing(*field);
                    Tri::Unknown
                }
            },
            Cond::AnswerIn { question, mask } => {
                Tri::from(ctx.choice(*question).is_some_and(|i| i < 64 && mask & (1 << i) != 0))
            }
            Cond::Includes { question, option } => Tri::from(ctx.chosen(*question) & (1 << option) != 0),
            Cond::AtLeast { question, min } => Tri::from(ctx.value(*question).is_some_and(|v| v >= *min)),
            Cond::Met { question } => Tri::from(ctx.met(*question)),
        }
    }
}

/// Three-valued truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tri {
    True,
    False,
    Unknown,
}

impl From<bool> for Tri {
    fn from(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }
}

/// What a condition may read.
pub(crate) trait EvalCtx {
    fn kind(&self) -> Option<Kind>;
    fn number(&self, field: ProfileField) -> Option<u64>;
    /// Records that a profile field was needed but missing.
    fn missing(&self, field: ProfileField);
    /// Chosen option of a yes/no (0 = yes, 1 = no) or single-choice question.
    fn choice(&self, question: usize) -> Option<usize>;
    /// Chosen options of a multiple-choice question, as a bit set.
    fn chosen(&self, question: usize) -> u64;
    /// Number, percentage or list item count.
    fn value(&self, question: usize) -> Option<f64>;
    fn met(&self, question: usize) -> bool;
}

pub(crate) struct CompileCtx<'a> {
    pub questions: &'a [Question],
    pub question_index: &'a BTreeMap<&'a str, usize>,
}

/// Resolves ids and checks the rules a schema cannot say. `answers_allowed` is false for
/// `applies_if`, which may read the profile only. Returns `None` after recording problems.
pub(crate) fn compile(
    c: &Condition,
    ctx: &CompileCtx<'_>,
    pointer: &str,
    answers_allowed: bool,
    problems: &mut Vec<Problem>,
) -> Option<Cond> {
    let before = problems.len();
    let out = compile_inner(c, ctx, pointer, answers_allowed, false, problems);
    if problems.len() > before {
        None
    } else {
        out
    }
}

fn compile_inner(
    c: &Condition,
    ctx: &CompileCtx<'_>,
    pointer: &str,
    answers_allowed: bool,
    negated: bool,
    problems: &mut Vec<Problem>,
) -> Option<Cond> {
    let question = |id: &str, problems: &mut Vec<Problem>| -> Option<usize> {
        if !answers_allowed {
            problems.push(
                Problem::new(pointer, "a condition on the profile only")
                    .found(format!("a condition on question \"{id}\""))
                    .hint("applies_if decides who the question concerns; use asked_if for follow-up questions"),
            );
            return None;
        }
        if negated {
            problems.push(
                Problem::new(pointer, "no condition on answers under \"not\"")
                    .found(format!("question \"{id}\" under \"not\""))
                    .hint("conditions must be monotone: a better answer may never hide a question or lose a tier"),
            );
            return None;
        }
        match ctx.question_index.get(id) {
            Some(&q) => Some(q),
            None => {
                problems.push(
                    Problem::new(format!("{pointer}/question"), "the id of a question of this edition")
                        .found(format!("\"{id}\"")),
                );
                None
            }
        }
    };
    match c {
        Condition::All(v) | Condition::Any(v) => {
            let key = if matches!(c, Condition::All(_)) { "all" } else { "any" };
            let items: Vec<Option<Cond>> = v
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    compile_inner(
                        c,
                        ctx,
                        &format!("{pointer}/{key}/{i}"),
                        answers_allowed,
                        negated,
                        problems,
                    )
                })
                .collect();
            let items: Option<Vec<Cond>> = items.into_iter().collect();
            items.map(|v| if key == "all" { Cond::All(v) } else { Cond::Any(v) })
        }
        Condition::Not(inner) => compile_inner(
            inner,
            ctx,
            &format!("{pointer}/not"),
            answers_allowed,
            !negated,
            problems,
        )
        .map(|c| Cond::Not(Box::new(c))),
        Condition::KindIn(k) => Some(Cond::KindIn(k.clone())),
        Condition::ProfileRange { field, min, max } => {
            if let (Some(a), Some(b)) = (min, max) {
                if a > b {
                    problems.push(
                        Problem::new(format!("{pointer}/max"), format!("at least min ({a})")).found(b.to_string()),
                    );
                }
            }
            Some(Cond::ProfileRange {
                field: *field,
                min: *min,
                max: *max,
            })
        }
        Condition::AnswerIn { question: id, options } => {
            let q = question(id, problems)?;
            compile_answer_in(&ctx.questions[q], q, options, pointer, problems)
        }
        Condition::Includes { question: id, option } => {
            let q = question(id, problems)?;
            compile_includes(&ctx.questions[q], q, option, pointer, problems)
        }
        Condition::AtLeast { question: id, min } => {
            let q = question(id, problems)?;
            let qd = &ctx.questions[q];
            if !matches!(
                qd.kind,
                QuestionKind::Number | QuestionKind::Percentage | QuestionKind::List
            ) {
                problems.push(
                    Problem::new(pointer, "\"min\" on a number, percentage or list question")
                        .found(format!("question \"{id}\" of kind {}", qd.kind.as_str())),
                );
                return None;
            }
            Some(Cond::AtLeast { question: q, min: *min })
        }
        Condition::Met { question: id } => Some(Cond::Met {
            question: question(id, problems)?,
        }),
    }
}

/// `{"question": id, "in": options}` on question `q` (`qd`): the options exist, and the condition
/// is monotone (every option worth more than an accepted one is accepted).
fn compile_answer_in(
    qd: &Question,
    q: usize,
    options: &[String],
    pointer: &str,
    problems: &mut Vec<Problem>,
) -> Option<Cond> {
    let id = &qd.id;
    // Points of each option, as the monotonicity check needs them.
    let (names, points): (Vec<&str>, Vec<u32>) = match qd.kind {
        QuestionKind::YesNo => {
            let p = qd.points.unwrap_or(crate::criteria::YesNoPoints { yes: 0, no: 0 });
            (vec!["yes", "no"], vec![p.yes, p.no])
        }
        QuestionKind::SingleChoice => (
            qd.options.iter().map(|o| o.id.as_str()).collect(),
            qd.options.iter().map(|o| o.points).collect(),
        ),
        other => {
            problems.push(
                Problem::new(pointer, "\"in\" on a yes_no or single_choice question")
                    .found(format!("question \"{id}\" of kind {}", other.as_str()))
                    .hint("use \"includes\" for multiple_choice and \"min\" for numbers"),
            );
            return None;
        }
    };
    let mut mask = 0u64;
    for (k, o) in options.iter().enumerate() {
        match names.iter().position(|n| n == o) {
            Some(i) => mask |= 1 << i,
            None => problems.push(
                Problem::new(
                    format!("{pointer}/in/{k}"),
                    format!("an option of \"{id}\": {}", names.join(", ")),
                )
                .found(format!("\"{o}\"")),
            ),
        }
    }
    // Monotone: whoever gives an answer worth more than an accepted one is accepted too.
    let accepted_min = (0..names.len())
        .filter(|&i| mask & (1 << i) != 0)
        .map(|i| points[i])
        .min();
    if let Some(floor) = accepted_min {
        let missing: Vec<&str> = (0..names.len())
            .filter(|&i| mask & (1 << i) == 0 && points[i] > floor)
            .map(|i| names[i])
            .collect();
        if !missing.is_empty() {
            problems.push(
                Problem::new(
                    format!("{pointer}/in"),
                    "a monotone condition: every option worth more points than an accepted one is accepted",
                )
                .found(format!("{} left out", missing.join(", ")))
                .hint("add them to \"in\", or change the points so that the better practice earns more"),
            );
        }
    }
    Some(Cond::AnswerIn { question: q, mask })
}

/// `{"question": id, "includes": option}` on question `q` (`qd`): a multiple choice, and an option
/// that exists and is not exclusive.
fn compile_includes(qd: &Question, q: usize, option: &str, pointer: &str, problems: &mut Vec<Problem>) -> Option<Cond> {
    let id = &qd.id;
    if qd.kind != QuestionKind::MultipleChoice {
        problems.push(
            Problem::new(pointer, "\"includes\" on a multiple_choice question")
                .found(format!("question \"{id}\" of kind {}", qd.kind.as_str())),
        );
        return None;
    }
    match qd.option_index(option) {
        Some(o) if qd.options[o].exclusive => {
            problems.push(
                Problem::new(format!("{pointer}/includes"), "a non-exclusive option")
                    .found(format!("exclusive option \"{option}\""))
                    .hint("choosing more options must never hide a question; test the other options instead"),
            );
            None
        }
        Some(o) => Some(Cond::Includes { question: q, option: o }),
        None => {
            problems.push(
                Problem::new(format!("{pointer}/includes"), format!("an option of \"{id}\""))
                    .found(format!("\"{option}\"")),
            );
            None
        }
    }
}
