//! What the collectivité declared, as a report carries it: every question that applies, grouped
//! by domain, with its answer in words (French and English) and the justification given.
//!
//! A report's estimate is only as good as the answers behind it; this part lets a reader (an élu,
//! the jury) check one against the other without the answers file or the edition.

use crate::answers::{Answer, Answers};
use crate::criteria::{Criteria, Question, QuestionKind};
use crate::report::{Declared, DeclaredDomain, DeclaredState, Status};
use crate::text::{number, Text};
use serde_json::Value;

/// The declared answers of `answers`, given the status the evaluation gave each question (in the
/// edition's order). Questions that do not apply (excluded by the profile, follow-ups not asked)
/// are left out, and so are domains with none left.
pub(crate) fn declared(criteria: &Criteria, answers: &Answers, status: &[Status]) -> Vec<DeclaredDomain> {
    let questions = criteria.questions();
    criteria
        .domains()
        .iter()
        .enumerate()
        .filter_map(|(d, domain)| {
            let list: Vec<Declared> = questions
                .iter()
                .enumerate()
                .filter(|&(q, _)| criteria.question_domain(q) == d)
                .filter_map(|(q, question)| {
                    let status = *status.get(q)?;
                    declared_question(criteria, q, question, answers.answers.get(&question.id), status)
                })
                .collect();
            (!list.is_empty()).then(|| DeclaredDomain {
                domain: criteria.ids.domains[d].clone(),
                title: domain.title.clone(),
                questions: list,
            })
        })
        .collect()
}

/// One question as declared, or `None` when it does not apply.
fn declared_question(
    criteria: &Criteria,
    q: usize,
    question: &Question,
    answer: Option<&Answer>,
    status: Status,
) -> Option<Declared> {
    let state = match status {
        Status::Excluded | Status::NotAsked => return None,
        Status::NotApplicable => DeclaredState::NotApplicable,
        Status::Unanswered => DeclaredState::Unanswered,
        Status::Met | Status::Partial | Status::Unmet => DeclaredState::Answered,
    };
    let words = match state {
        DeclaredState::Answered => answer
            .and_then(|a| a.value.as_ref())
            .and_then(|v| answer_words(question, v)),
        _ => None,
    };
    let justification = answer
        .and_then(|a| a.justification.as_deref())
        .map(str::trim)
        .filter(|j| !j.is_empty())
        .map(str::to_owned);
    Some(Declared {
        question: criteria.ids.questions[q].clone(),
        title: question.title.clone(),
        state,
        // An answer the engine scored always has words; an empty text or list reads as nothing.
        answer: words,
        justification,
    })
}

/// A value in words, as a reader expects it: the label of the option chosen, yes or no, a number
/// with its unit. `None` for a value the question's kind does not read (the evaluation reported it).
fn answer_words(question: &Question, value: &Value) -> Option<Text> {
    match question.kind {
        QuestionKind::YesNo => value.as_bool().map(|yes| {
            if yes {
                Text::new("Oui", "Yes")
            } else {
                Text::new("Non", "No")
            }
        }),
        QuestionKind::SingleChoice => {
            let id = value.as_str()?;
            question.options.iter().find(|o| o.id == id).map(|o| o.label.clone())
        }
        QuestionKind::MultipleChoice => {
            let labels: Vec<&Text> = value
                .as_array()?
                .iter()
                .filter_map(|id| question.options.iter().find(|o| Some(o.id.as_str()) == id.as_str()))
                .map(|o| &o.label)
                .collect();
            if labels.is_empty() {
                return Some(Text::new("Aucune des options", "None of the options"));
            }
            let join =
                |lang: fn(&Text) -> &str, sep: &str| labels.iter().map(|t| lang(t)).collect::<Vec<_>>().join(sep);
            Some(Text::new(join(|t| &t.fr, "\u{a0}; "), join(|t| &t.en, "; ")))
        }
        QuestionKind::Number => {
            let x = value.as_f64()?;
            let (fr, en) = (decimal(x, ',', '\u{202f}'), decimal(x, '.', ','));
            Some(match &question.unit {
                Some(unit) => Text::new(format!("{fr}\u{a0}{}", unit.fr), format!("{en} {}", unit.en)),
                None => Text::new(fr, en),
            })
        }
        QuestionKind::Percentage => {
            let x = value.as_f64()?;
            Some(Text::new(
                format!("{}\u{a0}%", decimal(x, ',', '\u{202f}')),
                format!("{}%", decimal(x, '.', ',')),
            ))
        }
        QuestionKind::Text => {
            let text = value.as_str()?.trim();
            (!text.is_empty()).then(|| Text::new(text, text))
        }
        QuestionKind::List => {
            let items: Vec<&str> = value
                .as_array()?
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!items.is_empty()).then(|| Text::new(items.join("\u{a0}; "), items.join("; ")))
        }
    }
}

/// A number as people write it: thousands grouped by `group`, the decimal part after `point`
/// (`12 345,5` in French, `12,345.5` in English).
fn decimal(x: f64, point: char, group: char) -> String {
    let written = number(x);
    // Exponents (1e-7) and non-finite values are left as the engine writes them.
    if written.contains(['e', 'N', 'i']) {
        return written;
    }
    let (sign, digits) = written.strip_prefix('-').map_or(("", written.as_str()), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').map_or((digits, None), |(w, f)| (w, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if let Some(f) = fraction {
        out.push(point);
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn numbers_are_written_as_people_write_them() {
        assert_eq!(decimal(12345.5, ',', '\u{202f}'), "12\u{202f}345,5");
        assert_eq!(decimal(12345.5, '.', ','), "12,345.5");
        assert_eq!(decimal(-1000.0, '.', ','), "-1,000");
        assert_eq!(decimal(42.0, ',', ' '), "42");
        assert_eq!(decimal(1e-7, ',', ' '), "1e-7");
    }
}
