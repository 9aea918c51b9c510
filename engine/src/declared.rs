//! What the collectivité declared, as a report carries it: every question that applies, grouped
//! by domain, with its answer in words (French and English) and the justification given.
//!
//! A report's estimate is only as good as the answers behind it; this part lets a reader (an élu,
//! the jury) check one against the other without the answers file or the edition.

use crate::answers::Answer;
use crate::criteria::{Criteria, Question, QuestionKind};
use crate::report::{Declared, DeclaredDomain, DeclaredState, Status};
use crate::text::{number, Text};
use serde_json::Value;
use std::sync::Arc;

/// The words of declared answers that the edition does not give, built once per edition and
/// shared by every report, like its ids.
#[derive(Clone, Debug)]
pub(crate) struct AnswerWords {
    yes: Text,
    no: Text,
    none_of_the_options: Text,
}

impl AnswerWords {
    pub(crate) fn new() -> AnswerWords {
        AnswerWords {
            yes: Text::new("Oui", "Yes"),
            no: Text::new("Non", "No"),
            none_of_the_options: Text::new("Aucune des options", "None of the options"),
        }
    }
}

/// The declared answers, from the answer `given` to each question and the status the evaluation
/// gave it (both by question index). Questions that do not apply (excluded by the profile,
/// follow-ups not asked) are left out, and so are domains with none left.
pub(crate) fn declared(criteria: &Criteria, given: &[Option<&Answer>], status: &[Status]) -> Vec<DeclaredDomain> {
    let questions = criteria.questions();
    // Each domain's list sized once: growing them by doubling moved every record several times.
    let mut sizes = vec![0; criteria.domains().len()];
    for q in 0..questions.len() {
        if let Some(size) = sizes.get_mut(criteria.question_domain(q)) {
            *size += 1;
        }
    }
    let mut lists: Vec<Vec<Declared>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (q, question) in questions.iter().enumerate() {
        let Some(&status) = status.get(q) else { continue };
        let Some(list) = lists.get_mut(criteria.question_domain(q)) else {
            continue;
        };
        list.extend(declared_question(
            criteria,
            q,
            question,
            given.get(q).copied().flatten(),
            status,
        ));
    }
    criteria
        .domains()
        .iter()
        .zip(lists)
        .enumerate()
        .filter(|(_, (_, list))| !list.is_empty())
        .map(|(d, (domain, list))| DeclaredDomain {
            domain: criteria.ids.domains[d].clone(),
            title: domain.title.clone(),
            questions: list,
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
            .and_then(|v| answer_words(&criteria.ids.words, question, v)),
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
fn answer_words(words: &AnswerWords, question: &Question, value: &Value) -> Option<Text> {
    match question.kind {
        QuestionKind::YesNo => value
            .as_bool()
            .map(|yes| if yes { words.yes.clone() } else { words.no.clone() }),
        QuestionKind::SingleChoice => {
            let id = value.as_str()?;
            question.options.iter().find(|o| o.id == id).map(|o| o.label.clone())
        }
        QuestionKind::MultipleChoice => {
            let chosen = value
                .as_array()?
                .iter()
                .filter_map(|id| question.options.iter().find(|o| Some(o.id.as_str()) == id.as_str()));
            let (mut fr, mut en, mut any) = (String::with_capacity(160), String::with_capacity(160), false);
            for option in chosen {
                if any {
                    fr.push_str("\u{a0}; ");
                    en.push_str("; ");
                }
                fr.push_str(&option.label.fr);
                en.push_str(&option.label.en);
                any = true;
            }
            Some(if any {
                Text::new(fr, en)
            } else {
                words.none_of_the_options.clone()
            })
        }
        QuestionKind::Number => {
            let x = value.as_f64()?;
            let (mut fr, mut en) = (decimal(x, ',', '\u{202f}'), decimal(x, '.', ','));
            if let Some(unit) = &question.unit {
                fr.push('\u{a0}');
                fr.push_str(&unit.fr);
                en.push(' ');
                en.push_str(&unit.en);
            }
            Some(Text::new(fr, en))
        }
        QuestionKind::Percentage => {
            let x = value.as_f64()?;
            let (mut fr, mut en) = (decimal(x, ',', '\u{202f}'), decimal(x, '.', ','));
            fr.push_str("\u{a0}%");
            en.push('%');
            Some(Text::new(fr, en))
        }
        QuestionKind::Text => {
            let text = value.as_str()?.trim();
            (!text.is_empty()).then(|| same_in_both(text))
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

/// A text the collectivité wrote, the same in both languages: one string shared by both.
fn same_in_both(text: &str) -> Text {
    let shared: Arc<str> = Arc::from(text);
    Text {
        fr: shared.clone(),
        en: shared,
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
    let mut out = String::with_capacity(written.len() + whole.len() / 3 * group.len_utf8() + 4);
    out.push_str(sign);
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
