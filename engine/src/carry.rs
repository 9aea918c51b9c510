//! Last year's answers carried into another edition: nobody answers twice what has not changed.

use crate::answers::Answers;
use crate::criteria::Criteria;
use crate::report::Severity;

/// What [`carry_over`] did.
#[derive(Clone, Debug, PartialEq)]
pub struct CarryOver {
    /// The answers for the other edition: the same profile, and every answer the new edition
    /// asks by the same question id and accepts as it is.
    pub answers: Answers,
    /// Questions answered as before, in id order.
    pub carried: Vec<String>,
    /// Questions of both editions whose answer the new one does not accept (the kind changed,
    /// an option was removed, not applicable is no longer allowed…): left unanswered.
    pub dropped: Vec<String>,
    /// Answered questions the new edition does not ask any more.
    pub retired: Vec<String>,
    /// Questions of the new edition asked of this profile and not answered before (the dropped
    /// ones are asked again too).
    pub new_questions: Vec<String>,
}

/// Carries `old` (answers to any edition) into `new`: every answer given to a question that
/// `new` asks under the same id is copied with its justification and evidence, then dropped again
/// if evaluating it against `new` gives an error for that question. The profile and the file's
/// other fields are kept; `updated_at` is left for the host to set. `old` is not changed.
pub fn carry_over(old: &Answers, new: &Criteria) -> CarryOver {
    let mut answers = Answers::new(new.id(), old.profile.clone());
    answers.extra = old.extra.clone();
    let mut retired = Vec::new();
    for (id, a) in &old.answers {
        if !a.is_given() {
            continue;
        }
        if new.question(id).is_some() {
            answers.answers.insert(id.clone(), a.clone());
        } else {
            retired.push(id.clone());
        }
    }
    let mut dropped: Vec<String> = crate::evaluate(new, &answers)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.question.clone())
        .filter(|q| answers.answers.contains_key(q))
        .collect();
    crate::sort::sort_unstable(&mut dropped);
    dropped.dedup();
    for id in &dropped {
        answers.answers.remove(id);
    }
    let carried = answers.answers.keys().cloned().collect();
    let new_questions = crate::evaluate(new, &answers)
        .unanswered()
        .map(|c| c.id.to_owned())
        .filter(|id| dropped.binary_search(id).is_err())
        .collect();
    CarryOver {
        answers,
        carried,
        dropped,
        retired,
        new_questions,
    }
}
