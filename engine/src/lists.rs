//! The two long lists of a report — every question's result, and the next steps — stored as
//! small records pointing into a table of question texts shared by every report of an edition.
//!
//! A report carries, for each question, its id, domain and title (and for each step the advice),
//! so that it can be rendered or compared without the criteria. Copying those strings into every
//! report made them most of the cost of an evaluation; the table is built once when the edition
//! is loaded, and a report holds one reference to it. The JSON wire format is unchanged: each
//! record is written out with its texts.

use crate::criteria::Effort;
use crate::report::Status;
use crate::text::Text;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// What a report says about a question, whatever the answers: its id, domain, title, advice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionInfo {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// The question.
    pub title: Text,
    /// What to do when it is not met.
    pub advice: Text,
    /// How much work that is.
    pub effort: Effort,
}

/// The shared table.
pub type QuestionTable = Arc<[QuestionInfo]>;

fn empty_table() -> QuestionTable {
    Arc::from(Vec::new())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Outcome {
    question: u32,
    status: Status,
    earned: u32,
    possible: u32,
}

/// Result for one question (a view into a [`CriterionList`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionResult<'a> {
    /// Question id.
    pub id: &'a str,
    /// Domain id.
    pub domain: &'a str,
    /// The question.
    pub title: &'a Text,
    /// Status.
    pub status: Status,
    /// Points earned.
    pub earned: u32,
    /// Points possible (0 when excluded or not applicable).
    pub possible: u32,
}

/// Every question with its status, in the edition's order.
#[derive(Clone, Debug)]
pub struct CriterionList {
    table: QuestionTable,
    items: Vec<Outcome>,
}

impl CriterionList {
    pub(crate) fn with_capacity(table: QuestionTable, n: usize) -> CriterionList {
        CriterionList {
            table,
            items: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push(&mut self, question: usize, status: Status, earned: u32, possible: u32) {
        self.items.push(Outcome {
            question: question as u32,
            status,
            earned,
            possible,
        });
    }

    fn view(&self, o: &Outcome) -> CriterionResult<'_> {
        let info = &self.table[o.question as usize];
        CriterionResult {
            id: &info.id,
            domain: &info.domain,
            title: &info.title,
            status: o.status,
            earned: o.earned,
            possible: o.possible,
        }
    }

    /// The results, in the edition's order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = CriterionResult<'_>> + ExactSizeIterator + '_ {
        self.items.iter().map(|o| self.view(o))
    }

    /// The result at a position.
    pub fn get(&self, i: usize) -> Option<CriterionResult<'_>> {
        self.items.get(i).map(|o| self.view(o))
    }

    /// The result of a question, by id.
    pub fn find(&self, id: &str) -> Option<CriterionResult<'_>> {
        self.iter().find(|c| c.id == id)
    }

    /// How many questions.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl PartialEq for CriterionList {
    fn eq(&self, other: &CriterionList) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Serialize for CriterionList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for c in self.iter() {
            seq.serialize_element(&c)?;
        }
        seq.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnedCriterion {
    id: String,
    domain: String,
    title: Text,
    status: Status,
    earned: u32,
    possible: u32,
}

impl<'de> Deserialize<'de> for CriterionList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CriterionList, D::Error> {
        let owned = Vec::<OwnedCriterion>::deserialize(d)?;
        let blank = Text::new("", "");
        let table: QuestionTable = owned
            .iter()
            .map(|c| QuestionInfo {
                id: c.id.clone(),
                domain: c.domain.clone(),
                title: c.title.clone(),
                advice: blank.clone(),
                effort: Effort::QuickWin,
            })
            .collect();
        let items = owned
            .iter()
            .enumerate()
            .map(|(i, c)| Outcome {
                question: i as u32,
                status: c.status,
                earned: c.earned,
                possible: c.possible,
            })
            .collect();
        Ok(CriterionList { table, items })
    }
}

impl Default for CriterionList {
    fn default() -> CriterionList {
        CriterionList {
            table: empty_table(),
            items: Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Step {
    question: u32,
    gain: u32,
    blocking: bool,
    unanswered: bool,
}

/// A step that would raise the score or unlock the next tier (a view into [`NextSteps`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NextStep<'a> {
    /// Question id.
    pub question: &'a str,
    /// Domain id.
    pub domain: &'a str,
    /// The question.
    pub title: &'a Text,
    /// What to do.
    pub advice: &'a Text,
    /// How much work it is.
    pub effort: Effort,
    /// Overall score gained (out of 1000) if the criterion reached its maximum.
    pub gain: u32,
    /// The next tier requires it.
    pub blocking: bool,
    /// The question is not answered yet: answering may be all it takes.
    pub unanswered: bool,
}

/// What to do next, best first.
#[derive(Clone, Debug)]
pub struct NextSteps {
    table: QuestionTable,
    items: Vec<Step>,
}

impl NextSteps {
    pub(crate) fn with_capacity(table: QuestionTable, n: usize) -> NextSteps {
        NextSteps {
            table,
            items: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push(&mut self, question: usize, gain: u32, blocking: bool, unanswered: bool) {
        self.items.push(Step {
            question: question as u32,
            gain,
            blocking,
            unanswered,
        });
    }

    fn view(&self, s: &Step) -> NextStep<'_> {
        let info = &self.table[s.question as usize];
        NextStep {
            question: &info.id,
            domain: &info.domain,
            title: &info.title,
            advice: &info.advice,
            effort: info.effort,
            gain: s.gain,
            blocking: s.blocking,
            unanswered: s.unanswered,
        }
    }

    /// The steps, best first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = NextStep<'_>> + ExactSizeIterator + '_ {
        self.items.iter().map(|s| self.view(s))
    }

    /// The best step.
    pub fn first(&self) -> Option<NextStep<'_>> {
        self.items.first().map(|s| self.view(s))
    }

    /// The step at a rank.
    pub fn get(&self, i: usize) -> Option<NextStep<'_>> {
        self.items.get(i).map(|s| self.view(s))
    }

    /// How many steps.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl<'a> IntoIterator for &'a NextSteps {
    type Item = NextStep<'a>;
    type IntoIter = Box<dyn Iterator<Item = NextStep<'a>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl<'a> IntoIterator for &'a CriterionList {
    type Item = CriterionResult<'a>;
    type IntoIter = Box<dyn Iterator<Item = CriterionResult<'a>> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl PartialEq for NextSteps {
    fn eq(&self, other: &NextSteps) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Serialize for NextSteps {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for step in self.iter() {
            seq.serialize_element(&step)?;
        }
        seq.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnedStep {
    question: String,
    domain: String,
    title: Text,
    advice: Text,
    effort: Effort,
    gain: u32,
    blocking: bool,
    unanswered: bool,
}

impl<'de> Deserialize<'de> for NextSteps {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<NextSteps, D::Error> {
        let owned = Vec::<OwnedStep>::deserialize(d)?;
        let items = owned
            .iter()
            .enumerate()
            .map(|(i, s)| Step {
                question: i as u32,
                gain: s.gain,
                blocking: s.blocking,
                unanswered: s.unanswered,
            })
            .collect();
        let table: QuestionTable = owned
            .into_iter()
            .map(|s| QuestionInfo {
                id: s.question,
                domain: s.domain,
                title: s.title,
                advice: s.advice,
                effort: s.effort,
            })
            .collect();
        Ok(NextSteps { table, items })
    }
}

impl Default for NextSteps {
    fn default() -> NextSteps {
        NextSteps {
            table: empty_table(),
            items: Vec::new(),
        }
    }
}
