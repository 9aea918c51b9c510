//! The pre-fill: label answers proposed from a dependency report, by the rules of
//! `criteria/prefill.json`.

use super::compute::fixed;
use super::{DependencyReport, Function, FunctionView};
use crate::answers::{Answer, Answers};
use crate::criteria::{Criteria, QuestionKind};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One rule of `criteria/prefill.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PrefillRule {
    question: String,
    #[serde(default)]
    function: Option<Function>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    choose: Vec<Choice>,
    #[serde(default)]
    yes_at_least: Option<f64>,
    #[serde(default)]
    free_products_of: Vec<Function>,
    #[serde(default)]
    no_extra_eu_exposure: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Choice {
    at_least: f64,
    #[serde(default)]
    product: Option<String>,
    option: String,
}

#[derive(Clone, Debug, Deserialize)]
struct PrefillFile {
    #[allow(dead_code)]
    format: u32,
    #[allow(dead_code)]
    description: String,
    justifications: Justifications,
    rules: Vec<PrefillRule>,
}

/// The justifications a pre-filled answer carries, in both languages; `{function}` is replaced
/// by the function's name.
#[derive(Clone, Debug, Deserialize)]
struct Justifications {
    function: Text,
    free_products: Text,
    exposure: Text,
}

/// The pre-fill rules, embedded.
pub const PREFILL_JSON: &str = include_str!("../../../criteria/prefill.json");

/// An answer proposed from the inventory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prefilled {
    /// Question id.
    pub question: String,
    /// The value.
    pub value: Value,
    /// Where it comes from.
    pub justification: String,
}

/// Answers the inventory gives to `criteria`'s questions, each justified in `lang` (the
/// justification is written into the answers file, as the user's own text would be). Rules whose
/// question is not in the edition, or whose function is not in the inventory, give nothing.
pub fn prefill(report: &DependencyReport, criteria: &Criteria, lang: Lang) -> Vec<Prefilled> {
    let Ok(file) = serde_json::from_str::<PrefillFile>(PREFILL_JSON) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for rule in &file.rules {
        let Some(q) = criteria.question(&rule.question) else {
            continue;
        };
        let fv = rule
            .function
            .and_then(|f| report.functions.iter().find(|v| v.function == f));
        let texts = &file.justifications;
        let from = |f: &FunctionView| texts.function.get(lang).replace("{function}", f.label.get(lang));
        let value = match (q.kind, fv) {
            (QuestionKind::Percentage, Some(f)) if rule.measure.as_deref() == Some("free_share") => {
                Some((Value::from(f.free_share / 10), from(f)))
            }
            (QuestionKind::SingleChoice, Some(f)) if !rule.choose.is_empty() => rule
                .choose
                .iter()
                .find(|c| {
                    let share = match &c.product {
                        Some(p) => f
                            .items
                            .iter()
                            .filter(|i| i.product.as_deref() == Some(p))
                            .map(|i| i.share)
                            .sum::<u32>(),
                        None => f.free_share,
                    };
                    i64::from(share) >= fixed(c.at_least, 10)
                })
                .filter(|c| q.option_index(&c.option).is_some())
                .map(|c| (Value::from(c.option.clone()), from(f))),
            (QuestionKind::YesNo, Some(f)) if rule.yes_at_least.is_some() => Some((
                Value::Bool(i64::from(f.free_share) >= fixed(rule.yes_at_least.unwrap_or(0.0), 10)),
                from(f),
            )),
            (QuestionKind::List, _) if !rule.free_products_of.is_empty() => {
                let mut names: Vec<String> = Vec::new();
                for f in report
                    .functions
                    .iter()
                    .filter(|f| rule.free_products_of.contains(&f.function))
                {
                    for i in f.items.iter().filter(|i| i.free) {
                        if !names.contains(&i.name) {
                            names.push(i.name.clone());
                        }
                    }
                }
                (!names.is_empty()).then(|| (Value::from(names), texts.free_products.get(lang).to_owned()))
            }
            (QuestionKind::YesNo, _) if rule.no_extra_eu_exposure && !report.functions.is_empty() => Some((
                Value::Bool(report.exposure.extra_eu_functions == 0),
                texts.exposure.get(lang).to_owned(),
            )),
            _ => None,
        };
        if let Some((value, justification)) = value {
            out.push(Prefilled {
                question: q.id.clone(),
                value,
                justification,
            });
        }
    }
    out
}

impl Answers {
    /// Applies pre-filled answers to the questions not answered yet; returns how many.
    pub fn apply_prefill(&mut self, prefilled: &[Prefilled]) -> usize {
        let mut n = 0;
        for p in prefilled {
            let given = self.answers.get(&p.question).is_some_and(Answer::is_given);
            if !given {
                let mut a = Answer::value(p.value.clone());
                a.justification = Some(p.justification.clone());
                self.answers.insert(p.question.clone(), a);
                n += 1;
            }
        }
        n
    }
}
