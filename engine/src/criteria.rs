//! The criteria format (one label edition) and its loading in two stages.
//!
//! Stage one is the JSON Schema (feature `schema`); stage two reads the document into the types of
//! this module with serde and then checks what a schema cannot say: unique ids, references that
//! resolve, fields that fit the question kind, monotone conditions without cycles, reachable tiers.
//! The result is a [`Criteria`], which the evaluator uses through precomputed indexes.

use crate::condition::{compile, CompileCtx, Cond};
use crate::error::{escape_pointer, Error, FileKind, Problem};
use crate::text::{number, Text};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The only criteria format version this engine reads.
pub const CRITERIA_FORMAT: u32 = 1;

/// A criteria file as written, after serde and before the semantic checks.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaFile {
    /// Optional pointer to the schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version, always 1.
    pub format: u32,
    /// Stable id of the edition, e.g. `tnl-2025`.
    pub id: String,
    /// Year of the edition.
    pub edition: u32,
    /// Version of this file (semver).
    pub version: String,
    /// Title of the edition.
    pub title: Text,
    /// Description of the edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Disclaimer, sources and notes.
    pub metadata: Metadata,
    /// The domains, in display order.
    pub domains: Vec<Domain>,
    /// The questions, in display order.
    pub questions: Vec<Question>,
    /// The tiers, lowest first.
    pub tiers: Vec<Tier>,
    /// Special mentions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
}

/// Metadata of an edition.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// Always true: the file is the project's model, not the jury's grid.
    pub unofficial: bool,
    /// Shown in every report.
    pub disclaimer: Text,
    /// Public sources the edition was written from (left out of the browser app's embedded
    /// editions, which never show them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Notes on the model (weights, choices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<Text>,
    /// How the tiers are organised, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier_scheme: Option<Text>,
}

/// A public source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Title of the source.
    pub title: String,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A domain of the label.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable id.
    pub id: String,
    /// Relative weight in the overall score.
    pub weight: u32,
    /// Name of the domain.
    pub title: Text,
    /// What the domain covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// The kind of a question, which fixes the type of its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Answer `true` or `false`.
    YesNo,
    /// Answer one option id.
    SingleChoice,
    /// Answer an array of option ids.
    MultipleChoice,
    /// Answer a number, scored by bands.
    Number,
    /// Answer a number from 0 to 100, scored by bands.
    Percentage,
    /// Answer free text; unscored evidence.
    Text,
    /// Answer an array of strings; scored by item count bands, if any.
    List,
}

impl QuestionKind {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            QuestionKind::YesNo => "yes_no",
            QuestionKind::SingleChoice => "single_choice",
            QuestionKind::MultipleChoice => "multiple_choice",
            QuestionKind::Number => "number",
            QuestionKind::Percentage => "percentage",
            QuestionKind::Text => "text",
            QuestionKind::List => "list",
        }
    }
}

/// How much work a step takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    /// Days of work, no budget.
    QuickWin,
    /// A project of weeks or months.
    Project,
    /// A change over a year or more.
    LongTerm,
}

impl Effort {
    /// The snake_case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Effort::QuickWin => "quick_win",
            Effort::Project => "project",
            Effort::LongTerm => "long_term",
        }
    }

    /// Relative cost used to rank next steps (gain per effort). Every cost divides 4, which
    /// keeps the ranking's gain per effort an exact integer.
    pub fn cost(self) -> u64 {
        match self {
            Effort::QuickWin => 1,
            Effort::Project => 2,
            Effort::LongTerm => 4,
        }
    }
}

/// A reference (law, standard, catalogue) shown with a question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Label shown.
    pub label: String,
    /// Address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Points of a yes/no question.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YesNoPoints {
    /// Points for yes.
    pub yes: u32,
    /// Points for no (default 0).
    #[serde(default)]
    pub no: u32,
}

/// An option of a choice question.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stable id within the question.
    pub id: String,
    /// Label shown.
    pub label: Text,
    /// Points earned by choosing it.
    pub points: u32,
    /// Multiple choice: cannot be combined with other options.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// A scoring band of a number, percentage or list question.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Smallest value (or item count) of the band.
    pub min: f64,
    /// Points of the band.
    pub points: u32,
}

/// A question of the questionnaire.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, shared across editions when the meaning is the same.
    pub id: String,
    /// Id of its domain.
    pub domain: String,
    /// Kind of answer.
    pub kind: QuestionKind,
    /// The question as asked.
    pub title: Text,
    /// Why it matters and where to look.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// References.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// Free tags (`badge` marks the short form).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Yes/no points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<YesNoPoints>,
    /// Options of a choice question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Cap of a multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_points: Option<u32>,
    /// Bands of a number, percentage or list question.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Unit of a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Smallest valid number (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest valid number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether "not applicable" is accepted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable_allowed: bool,
    /// Profile condition for the question to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_if: Option<crate::condition::Condition>,
    /// Follow-up condition for the question to be asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked_if: Option<crate::condition::Condition>,
    /// Points from which the criterion is met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met_at: Option<u32>,
    /// Advice when not met.
    pub advice: Text,
    /// Effort of the advice.
    pub effort: Effort,
}

impl Question {
    /// The most points the question can earn (0 for unscored questions).
    pub fn max_points(&self) -> u32 {
        match self.kind {
            QuestionKind::YesNo => self.points.map_or(0, |p| p.yes.max(p.no)),
            QuestionKind::SingleChoice => self.options.iter().map(|o| o.points).max().unwrap_or(0),
            QuestionKind::MultipleChoice => {
                let exclusive_best = self
                    .options
                    .iter()
                    .filter(|o| o.exclusive)
                    .map(|o| o.points)
                    .max()
                    .unwrap_or(0);
                let sum: u32 = self.options.iter().filter(|o| !o.exclusive).map(|o| o.points).sum();
                let combined = match self.max_points {
                    Some(cap) => sum.min(cap),
                    None => sum,
                };
                combined.max(exclusive_best)
            }
            QuestionKind::Number | QuestionKind::Percentage | QuestionKind::List => {
                self.bands.iter().map(|b| b.points).max().unwrap_or(0)
            }
            QuestionKind::Text => 0,
        }
    }

    /// Position of an option by id.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.options.iter().position(|o| o.id == id)
    }

    /// Points of a band value (number, percentage, list count).
    pub fn band_points(&self, value: f64) -> u32 {
        band_points(&self.bands, value)
    }
}

/// Points of the highest band `value` reaches (bands sorted by `min`, checked at load).
fn band_points(bands: &[Band], value: f64) -> u32 {
    let mut points = 0;
    for b in bands {
        if value >= b.min {
            points = b.points;
        } else {
            break;
        }
    }
    points
}

/// The rule of a tier or mention: every clause must hold.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Tiers only: the tier below must be reached (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_tier: Option<bool>,
    /// The clauses, each with the basis it rests on.
    pub clauses: Vec<Clause>,
}

/// One clause of a rule: what it asks, and why. A clause may hold several keys when they model
/// the same words of the label; the rule then holds when every key of every clause holds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// What the clause asks, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Minimum overall score out of 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<u32>,
    /// Minimum score out of 1000 of every domain that applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_each_domain: Option<u32>,
    /// Minimum scores of named domains.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub min_domain_scores: BTreeMap<String, u32>,
    /// Minimum completeness out of 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_completeness: Option<u32>,
    /// Criteria that must be met.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// Questions that must be answered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<String>,
    /// Any further condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<crate::condition::Condition>,
    /// What the clause rests on: the label's published words, or the model's assumption.
    /// Required of every edition file ([`Criteria::from_json`] checks it, with the reachability of
    /// the tiers); the browser app's embedded editions leave it out, as they never show it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<Basis>,
}

impl Clause {
    /// Whether the clause asks anything at all.
    fn asks_something(&self) -> bool {
        self.min_score.is_some()
            || self.min_each_domain.is_some()
            || !self.min_domain_scores.is_empty()
            || self.min_completeness.is_some()
            || !self.required.is_empty()
            || !self.answered.is_empty()
            || self.condition.is_some()
    }
}

/// What a clause rests on: a public source (with the words quoted, when they are), or an
/// assumption of the model, with its reason. Exactly one of `source` and `model_assumption`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    /// The public source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The source's own words, as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The model's assumption and its reason, where no public source says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_assumption: Option<Text>,
}

/// A tier of the label.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Stable id.
    pub id: String,
    /// Name.
    pub title: Text,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// How it is reached.
    pub rule: Rule,
}

/// A special mention.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// Stable id.
    pub id: String,
    /// Name.
    pub title: Text,
    /// What it rewards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// How it is reached.
    pub rule: Rule,
}

/// A rule with ids resolved to indexes.
#[derive(Clone, Debug)]
pub(crate) struct CompiledRule {
    pub previous_tier: bool,
    pub min_score: Option<u32>,
    pub min_each_domain: Option<u32>,
    pub min_domain: Vec<(usize, u32)>,
    pub min_completeness: Option<u32>,
    pub required: Vec<usize>,
    pub answered: Vec<usize>,
    /// The clauses' conditions, each tested on its own so that a gap can name its clause.
    pub conditions: Vec<ClauseCondition>,
}

/// A clause's condition, with the clause's title for the gap that reports it unmet.
#[derive(Clone, Debug)]
pub(crate) struct ClauseCondition {
    pub title: Option<Text>,
    pub condition: Cond,
}

/// Per-question data precomputed for evaluation: what scoring reads of a question, in one small
/// record. A [`Question`] is large and its strings lie all over the heap; reading it for every
/// answer of every file of a batch missed the processor's cache more than it computed.
#[derive(Clone, Debug)]
pub(crate) struct QuestionPlan {
    pub domain: usize,
    pub max: u32,
    pub met_at: u32,
    pub kind: QuestionKind,
    pub not_applicable_allowed: bool,
    /// [`Effort::cost`].
    pub cost: u8,
    /// Yes/no points.
    pub yes: u32,
    pub no: u32,
    /// Cap of a multiple choice.
    pub cap: Option<u32>,
    /// The question's options in [`Criteria::options`], and bands in [`Criteria::bands`].
    pub options: std::ops::Range<u32>,
    pub bands: std::ops::Range<u32>,
    /// Boxed: most questions have neither, and the record stays small.
    pub applies_if: Option<Box<Cond>>,
    pub asked_if: Option<Box<Cond>>,
}

/// An option as scoring reads it; its id is `Criteria::id_text[id]`.
#[derive(Clone, Debug)]
pub(crate) struct OptionPlan {
    pub id: std::ops::Range<u32>,
    pub points: u32,
    pub exclusive: bool,
}

/// A validated edition, ready for [`crate::evaluate`].
#[derive(Clone, Debug)]
pub struct Criteria {
    file: CriteriaFile,
    pub(crate) plans: Vec<QuestionPlan>,
    /// Every question's options, in question order.
    pub(crate) options: Vec<OptionPlan>,
    /// Every question's bands, in question order.
    pub(crate) bands: Vec<Band>,
    /// Every question's valid numbers, smallest and largest (a percentage: 0 to 100).
    pub(crate) limits: Vec<(f64, Option<f64>)>,
    /// The ids of the questions (sorted) and of the options, end to end.
    pub(crate) id_text: String,
    /// Question indexes sorted by id, with each id's place in `id_text`, for merge joins with
    /// sorted answers.
    pub(crate) by_id: Vec<(std::ops::Range<u32>, usize)>,
    /// Evaluation order: every question after the questions its `asked_if` reads.
    pub(crate) order: Vec<usize>,
    pub(crate) tiers: Vec<CompiledRule>,
    pub(crate) mentions: Vec<CompiledRule>,
    /// Ids and texts of the questions, shared by every report of this edition.
    pub(crate) table: crate::lists::QuestionTable,
    /// Domain weights, in domain order.
    pub(crate) weights: Vec<u64>,
    /// Ids as reports carry them, shared rather than copied into every report.
    pub(crate) ids: ReportIds,
}

/// The ids a report carries, and the fixed words of its annex, built once per edition.
#[derive(Clone, Debug)]
pub(crate) struct ReportIds {
    pub edition: crate::report::Id,
    pub version: crate::report::Id,
    pub engine: crate::report::Id,
    pub engine_version: crate::report::Id,
    pub domains: Vec<crate::report::Id>,
    pub tiers: Vec<crate::report::Id>,
    pub mentions: Vec<crate::report::Id>,
    pub questions: Vec<crate::report::Id>,
    /// The words of declared answers that the edition does not give (Oui, Non, …).
    pub words: crate::declared::AnswerWords,
}

impl Criteria {
    /// Loads a criteria file the user names from JSON text, running both validation stages and
    /// the authoring checks. The command line loads `--criteria` files and `tnl validate` checks
    /// them this way.
    ///
    /// `file` names the file in error messages. Stage one (JSON Schema) runs only with the
    /// `schema` feature; stage two always runs and catches the same structural problems, with
    /// slightly terser messages.
    pub fn from_json(text: &str, file: &str) -> Result<Criteria, Error> {
        let value: serde_json::Value = parse_json(text, file, FileKind::Criteria)?;
        #[cfg(feature = "schema")]
        crate::schema::validate(crate::schema::SchemaKind::Criteria, &value, file)?;
        Criteria::from_value(value, file)
    }

    /// Loads an edition whose authoring is checked already (the editions shipped with tnl, by the
    /// tests) straight from its text into the typed file, with no JSON value in between: every
    /// check that evaluation relies on, without the reachability of every tier and mention.
    ///
    /// A file that fails gets serde's message with its line and column, not a JSON pointer: for
    /// a hand-written file, use [`Criteria::from_json`]. The browser app and
    /// [`editions::load`](crate::editions::load) (every `tnl` command on a shipped edition) load
    /// the embedded editions this way, which keeps a second deserializer of every criteria type
    /// out of the browser build.
    pub fn from_checked_json(text: &str, file: &str) -> Result<Criteria, Error> {
        let raw: CriteriaFile = serde_json::from_str(text).map_err(|e| {
            Error::one(
                file,
                FileKind::Criteria,
                Problem::new("", "a criteria file")
                    .found(e.to_string())
                    .hint("`tnl validate` on this file names the JSON pointer at fault"),
            )
        })?;
        if raw.format > CRITERIA_FORMAT {
            return Err(Error::one(
                file,
                FileKind::Criteria,
                newer_format(u64::from(raw.format)),
            ));
        }
        Criteria::from_authored_file(raw, file)
    }

    /// Stage two of [`Criteria::from_json`] alone, from an already parsed document: the semantic
    /// and authoring checks, every problem with its JSON pointer. What the browser build's
    /// `from_json` amounts to, as it has no schema stage; the tests call it to check that the
    /// semantic stage refuses on its own what the schema refuses.
    pub fn from_value(value: serde_json::Value, file: &str) -> Result<Criteria, Error> {
        if let Some(format) = value.get("format").and_then(|f| f.as_u64()) {
            if format > u64::from(CRITERIA_FORMAT) {
                return Err(Error::one(file, FileKind::Criteria, newer_format(format)));
            }
        }
        let raw: CriteriaFile = crate::error::deserialize_at(value, FileKind::Criteria)
            .map_err(|p| Error::one(file, FileKind::Criteria, p))?;
        let c = Criteria::from_authored_file(raw, file)?;
        let mut reach = Vec::new();
        check_bases(c.file(), &mut reach);
        crate::evaluate::check_reachable(&c, &mut reach);
        if reach.is_empty() {
            Ok(c)
        } else {
            Err(Error {
                file: file.to_owned(),
                kind: FileKind::Criteria,
                problems: reach,
            })
        }
    }

    /// The semantic checks that evaluation relies on, from typed values, without the authoring
    /// checks (every clause's basis, the reachability of every tier and mention, which takes five
    /// evaluations): what the embedded editions, checked by the tests, need.
    fn from_authored_file(raw: CriteriaFile, file: &str) -> Result<Criteria, Error> {
        let mut problems = Vec::new();
        match check(raw, &mut problems) {
            Some(c) if problems.is_empty() => Ok(c),
            _ => Err(Error {
                file: file.to_owned(),
                kind: FileKind::Criteria,
                problems,
            }),
        }
    }

    /// The edition as written.
    pub fn file(&self) -> &CriteriaFile {
        &self.file
    }

    /// Id of the edition, e.g. `tnl-2025`.
    pub fn id(&self) -> &str {
        &self.file.id
    }

    /// The questions in display order.
    pub fn questions(&self) -> &[Question] {
        &self.file.questions
    }

    /// The domains in display order.
    pub fn domains(&self) -> &[Domain] {
        &self.file.domains
    }

    /// Finds a question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).map(|i| &self.file.questions[i])
    }

    /// Position of a question by id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.by_id
            .binary_search_by(|(_, i)| self.file.questions[*i].id.as_str().cmp(id))
            .ok()
            .map(|k| self.by_id[k].1)
    }

    /// Where an option of a plan is, by id.
    pub(crate) fn option_of(&self, plan: &QuestionPlan, id: &str) -> Option<usize> {
        let bytes = self.id_text.as_bytes();
        self.options_of(plan)
            .iter()
            .position(|o| bytes.get(o.id.start as usize..o.id.end as usize) == Some(id.as_bytes()))
    }

    /// The options of a plan.
    pub(crate) fn options_of(&self, plan: &QuestionPlan) -> &[OptionPlan] {
        &self.options[plan.options.start as usize..plan.options.end as usize]
    }

    /// Points of a band value (number, percentage, list count); see [`Question::band_points`].
    pub(crate) fn band_points(&self, plan: &QuestionPlan, value: f64) -> u32 {
        band_points(&self.bands[plan.bands.start as usize..plan.bands.end as usize], value)
    }

    /// Position of each question's domain.
    pub fn question_domain(&self, question: usize) -> usize {
        self.plans[question].domain
    }

    /// The most points a question can earn.
    pub fn question_max(&self, question: usize) -> u32 {
        self.plans[question].max
    }

    /// Whether a question is asked given the current state (for hosts showing the form).
    pub(crate) fn plan(&self, question: usize) -> &QuestionPlan {
        &self.plans[question]
    }
}

fn newer_format(format: u64) -> Problem {
    Problem::new("/format", format!("criteria format {CRITERIA_FORMAT} or older"))
        .found(format.to_string())
        .hint("this file was written for a newer version of tnl; update tnl")
}

pub(crate) fn parse_json(text: &str, file: &str, kind: FileKind) -> Result<serde_json::Value, Error> {
    if text.trim().is_empty() {
        return Err(Error::one(
            file,
            kind,
            Problem::bi("", "un objet JSON", "a JSON object")
                .found_bi("un fichier vide", "an empty file")
                .hint(format!(
                    "{} {kind} file starts with {{ and names its \"format\"",
                    kind.article()
                )),
        ));
    }
    // The fast path parses plainly; only a failure pays for locating the error by JSON pointer.
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    crate::error::parse_at(text, kind).map_err(|p| Error::one(file, kind, p))
}

fn ptr(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push('/');
        s.push_str(&escape_pointer(p));
    }
    s
}

fn dup_check<'a>(ids: impl Iterator<Item = (&'a str, String)>, what: &str, problems: &mut Vec<Problem>) {
    let mut seen = BTreeSet::new();
    for (id, pointer) in ids {
        if !seen.insert(id) {
            problems.push(
                Problem::new(pointer, format!("a unique {what} id"))
                    .found(format!("\"{id}\" a second time"))
                    .hint("ids are stable keys: rename one of them"),
            );
        }
    }
}

/// The semantic checks. Returns the compiled criteria when the structure allows building it;
/// `problems` collects everything found.
fn check(raw: CriteriaFile, problems: &mut Vec<Problem>) -> Option<Criteria> {
    check_file(&raw, problems);
    let index = Index {
        domains: crate::sort::collect_map(raw.domains.iter().enumerate().map(|(i, d)| (d.id.as_str(), i))),
        questions: crate::sort::collect_map(raw.questions.iter().enumerate().map(|(i, q)| (q.id.as_str(), i))),
    };
    let compiled = plan_questions(&raw, &index, problems);
    check_domains_scored(&raw, &compiled.plans, problems);
    let order = question_order(&raw, &compiled.plans, problems);
    let rules = RuleCtx {
        questions: &raw.questions,
        index: &index,
    };
    let tiers = rules.compile_rules(raw.tiers.iter().map(|t| &t.rule), "tiers", true, problems);
    let mentions = rules.compile_rules(raw.mentions.iter().map(|m| &m.rule), "mentions", false, problems);
    let table = question_table(&raw);
    let weights = raw.domains.iter().map(|d| u64::from(d.weight)).collect();
    let ids = report_ids(&raw);
    Some(Criteria {
        file: raw,
        plans: compiled.plans,
        options: compiled.options,
        bands: compiled.bands,
        limits: compiled.limits,
        id_text: compiled.id_text,
        by_id: compiled.by_id,
        order,
        tiers,
        mentions,
        table,
        weights,
        ids,
    })
}

/// The checks on the file as a whole: format, the unofficial flag, unique ids, the number of
/// domains and tiers, the domains' weights.
fn check_file(raw: &CriteriaFile, problems: &mut Vec<Problem>) {
    if raw.format != CRITERIA_FORMAT {
        problems.push(Problem::new("/format", format!("{CRITERIA_FORMAT}")).found(raw.format.to_string()));
    }
    if !raw.metadata.unofficial {
        problems.push(
            Problem::new("/metadata/unofficial", "true")
                .hint("every edition file is the project's model, not the jury's grid, and must say so"),
        );
    }
    dup_check(
        raw.domains
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), format!("/domains/{i}/id"))),
        "domain",
        problems,
    );
    dup_check(
        raw.questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), format!("/questions/{i}/id"))),
        "question",
        problems,
    );
    dup_check(
        raw.tiers
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), format!("/tiers/{i}/id"))),
        "tier",
        problems,
    );
    dup_check(
        raw.mentions
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), format!("/mentions/{i}/id"))),
        "mention",
        problems,
    );
    if raw.domains.len() > 64 {
        problems.push(Problem::new("/domains", "at most 64 domains").found(raw.domains.len().to_string()));
    }
    if raw.tiers.is_empty() {
        problems.push(Problem::new("/tiers", "at least one tier"));
    }
    for (i, d) in raw.domains.iter().enumerate() {
        if d.weight == 0 {
            problems.push(Problem::new(format!("/domains/{i}/weight"), "a weight of at least 1").found("0"));
        }
    }
}

/// Domain and question positions by id.
struct Index<'a> {
    domains: BTreeMap<&'a str, usize>,
    questions: BTreeMap<&'a str, usize>,
}

/// The questions compiled for evaluation, with their options, bands and ids laid end to end.
struct QuestionPlans {
    plans: Vec<QuestionPlan>,
    options: Vec<OptionPlan>,
    bands: Vec<Band>,
    limits: Vec<(f64, Option<f64>)>,
    id_text: String,
    by_id: Vec<(std::ops::Range<u32>, usize)>,
}

impl QuestionPlans {
    /// Appends `id` to the id text and returns where it lies.
    fn push_id(&mut self, id: &str) -> std::ops::Range<u32> {
        let start = self.id_text.len() as u32;
        self.id_text.push_str(id);
        start..self.id_text.len() as u32
    }
}

/// Checks and compiles every question: question ids first in the id text, sorted, then each
/// question's option ids.
fn plan_questions(raw: &CriteriaFile, index: &Index<'_>, problems: &mut Vec<Problem>) -> QuestionPlans {
    let n = raw.questions.len();
    let mut out = QuestionPlans {
        plans: Vec::with_capacity(n),
        options: Vec::new(),
        bands: Vec::new(),
        limits: Vec::with_capacity(n),
        id_text: String::new(),
        by_id: Vec::with_capacity(n),
    };
    let mut by_id: Vec<usize> = (0..n).collect();
    crate::sort::sort_by(&mut by_id, |&a, &b| raw.questions[a].id.cmp(&raw.questions[b].id));
    for q in by_id {
        let range = out.push_id(&raw.questions[q].id);
        out.by_id.push((range, q));
    }
    let ctx = CompileCtx {
        questions: &raw.questions,
        question_index: &index.questions,
    };
    for i in 0..n {
        let plan = plan_question(raw, i, index, &ctx, &mut out, problems);
        out.plans.push(plan);
    }
    out
}

/// Checks question `i` and compiles it, its options and bands appended to `out`.
fn plan_question(
    raw: &CriteriaFile,
    i: usize,
    index: &Index<'_>,
    ctx: &CompileCtx<'_>,
    out: &mut QuestionPlans,
    problems: &mut Vec<Problem>,
) -> QuestionPlan {
    let q = &raw.questions[i];
    let base = format!("/questions/{i}");
    check_question_shape(q, &base, problems);
    let domain = match index.domains.get(q.domain.as_str()) {
        Some(&d) => d,
        None => {
            problems.push(
                Problem::new(format!("{base}/domain"), "the id of a domain of this edition")
                    .found(format!("\"{}\"", q.domain))
                    .hint(format!(
                        "known domains: {}",
                        raw.domains.iter().map(|d| d.id.as_str()).collect::<Vec<_>>().join(", ")
                    )),
            );
            0
        }
    };
    let max = q.max_points();
    let met_at = match q.met_at {
        Some(m) if m > max => {
            problems.push(
                Problem::new(
                    format!("{base}/met_at"),
                    format!("at most the question's maximum of {max} points"),
                )
                .found(m.to_string()),
            );
            max
        }
        Some(m) => m,
        None => max,
    };
    let applies_if = q
        .applies_if
        .as_ref()
        .and_then(|c| compile(c, ctx, &format!("{base}/applies_if"), false, problems));
    let asked_if = q
        .asked_if
        .as_ref()
        .and_then(|c| compile(c, ctx, &format!("{base}/asked_if"), true, problems));
    let first_option = out.options.len() as u32;
    for o in &q.options {
        let id = out.push_id(&o.id);
        out.options.push(OptionPlan {
            id,
            points: o.points,
            exclusive: o.exclusive,
        });
    }
    let first_band = out.bands.len() as u32;
    out.bands.extend_from_slice(&q.bands);
    out.limits.push(if q.kind == QuestionKind::Percentage {
        (0.0, Some(100.0))
    } else {
        (q.min.unwrap_or(0.0), q.max)
    });
    QuestionPlan {
        domain,
        max,
        met_at,
        kind: q.kind,
        not_applicable_allowed: q.not_applicable_allowed,
        cost: q.effort.cost() as u8,
        yes: q.points.map_or(0, |p| p.yes),
        no: q.points.map_or(0, |p| p.no),
        cap: q.max_points,
        options: first_option..out.options.len() as u32,
        bands: first_band..out.bands.len() as u32,
        applies_if: applies_if.map(Box::new),
        asked_if: asked_if.map(Box::new),
    }
}

/// Every domain must have points to give, or its score is undefined.
fn check_domains_scored(raw: &CriteriaFile, plans: &[QuestionPlan], problems: &mut Vec<Problem>) {
    for (d, dom) in raw.domains.iter().enumerate() {
        if !plans.iter().any(|p| p.domain == d && p.max > 0) {
            problems.push(
                Problem::new(
                    ptr(&["domains", &d.to_string()]),
                    "a domain with at least one scored question",
                )
                .found(format!("no scored question in \"{}\"", dom.id)),
            );
        }
    }
}

/// The order questions are evaluated in: each after the questions its conditions read. A cycle
/// is a problem, and the file's order stands in.
fn question_order(raw: &CriteriaFile, plans: &[QuestionPlan], problems: &mut Vec<Problem>) -> Vec<usize> {
    match topo_order(plans) {
        Ok(o) => o,
        Err(cycle) => {
            let names: Vec<&str> = cycle.iter().map(|&i| raw.questions[i].id.as_str()).collect();
            problems.push(
                Problem::new(format!("/questions/{}/asked_if", cycle[0]), "conditions without cycles")
                    .found(format!("a cycle through {}", names.join(" → ")))
                    .hint("a follow-up question cannot depend, even indirectly, on itself"),
            );
            (0..plans.len()).collect()
        }
    }
}

/// What compiling the rules of tiers and mentions reads.
struct RuleCtx<'a> {
    questions: &'a [Question],
    index: &'a Index<'a>,
}

impl RuleCtx<'_> {
    /// Compiles the rules of the `list` member (`tiers`, or `mentions` when not `is_tier`), in order.
    fn compile_rules<'r>(
        &self,
        rules: impl Iterator<Item = &'r Rule>,
        list: &str,
        is_tier: bool,
        problems: &mut Vec<Problem>,
    ) -> Vec<CompiledRule> {
        rules
            .enumerate()
            .map(|(i, rule)| self.compile_rule(rule, &format!("/{list}/{i}/rule"), is_tier, problems))
            .collect()
    }

    /// Checks a tier's or a mention's rule and compiles its clauses into one.
    fn compile_rule(&self, rule: &Rule, base: &str, is_tier: bool, problems: &mut Vec<Problem>) -> CompiledRule {
        if !is_tier && rule.previous_tier.is_some() {
            problems.push(
                Problem::new(format!("{base}/previous_tier"), "no previous_tier in a mention")
                    .hint("mentions are not ordered"),
            );
        }
        if rule.clauses.is_empty() {
            problems.push(
                Problem::new(format!("{base}/clauses"), "at least one clause, with its basis")
                    .hint("a rule without clauses is reached by every form, even an empty one"),
            );
        }
        let mut compiled = CompiledRule {
            previous_tier: is_tier && rule.previous_tier.unwrap_or(true),
            min_score: None,
            min_each_domain: None,
            min_domain: Vec::new(),
            min_completeness: None,
            required: Vec::new(),
            answered: Vec::new(),
            conditions: Vec::new(),
        };
        for (k, clause) in rule.clauses.iter().enumerate() {
            self.compile_clause(clause, &format!("{base}/clauses/{k}"), &mut compiled, problems);
        }
        compiled
    }

    /// Checks a clause and adds it to `rule`: the clauses of a rule hold together.
    fn compile_clause(&self, clause: &Clause, base: &str, rule: &mut CompiledRule, problems: &mut Vec<Problem>) {
        if !clause.asks_something() {
            problems.push(
                Problem::new(
                    base,
                    "a clause with at least one of min_score, min_each_domain, min_domain_scores, \
min_completeness, required, answered, condition",
                )
                .hint("a clause that asks nothing holds for every form; remove it"),
            );
        }
        rule.min_score = rule.min_score.max(clause.min_score);
        rule.min_each_domain = rule.min_each_domain.max(clause.min_each_domain);
        rule.min_completeness = rule.min_completeness.max(clause.min_completeness);
        for (id, &min) in &clause.min_domain_scores {
            match self.index.domains.get(id.as_str()) {
                Some(&d) => rule.min_domain.push((d, min)),
                None => problems.push(
                    Problem::new(
                        format!("{base}/min_domain_scores/{}", escape_pointer(id)),
                        "the id of a domain of this edition",
                    )
                    .found(format!("\"{id}\"")),
                ),
            }
        }
        rule.required
            .extend(self.resolve(&clause.required, &format!("{base}/required"), problems));
        let answered = self.resolve(&clause.answered, &format!("{base}/answered"), problems);
        for (k, &q) in answered.iter().enumerate() {
            if self.questions[q].asked_if.is_some() {
                problems.push(
                    Problem::new(
                        format!("{base}/answered/{k}"),
                        "a question asked of everyone (without asked_if)",
                    )
                    .found(format!("follow-up question \"{}\"", self.questions[q].id))
                    .hint("a follow-up may stay unasked; list the question that asks it, or use \"required\""),
                );
            }
        }
        rule.answered.extend(answered);
        let ctx = CompileCtx {
            questions: self.questions,
            question_index: &self.index.questions,
        };
        let condition = clause
            .condition
            .as_ref()
            .and_then(|c| compile(c, &ctx, &format!("{base}/condition"), true, problems));
        rule.conditions.extend(condition.map(|condition| ClauseCondition {
            title: clause.title.clone(),
            condition,
        }));
    }

    /// The positions of the questions `ids` names; an unknown id is a problem at `base`/its index.
    fn resolve(&self, ids: &[String], base: &str, problems: &mut Vec<Problem>) -> Vec<usize> {
        let mut out = Vec::new();
        for (k, id) in ids.iter().enumerate() {
            match self.index.questions.get(id.as_str()) {
                Some(&q) => out.push(q),
                None => problems.push(
                    Problem::new(format!("{base}/{k}"), "the id of a question of this edition")
                        .found(format!("\"{id}\"")),
                ),
            }
        }
        out
    }
}

/// What the report's lists show of each question.
fn question_table(raw: &CriteriaFile) -> crate::lists::QuestionTable {
    raw.questions
        .iter()
        .map(|q| crate::lists::QuestionInfo {
            id: q.id.clone(),
            domain: q.domain.clone(),
            title: q.title.clone(),
            advice: q.advice.clone(),
            effort: q.effort,
        })
        .collect()
}

/// The ids every report carries, built once per edition.
fn report_ids(raw: &CriteriaFile) -> ReportIds {
    let id = |s: &str| -> crate::report::Id { s.into() };
    ReportIds {
        edition: id(&raw.id),
        version: id(&raw.version),
        engine: id("tnl-engine"),
        engine_version: id(crate::VERSION),
        domains: raw.domains.iter().map(|d| id(&d.id)).collect(),
        tiers: raw.tiers.iter().map(|t| id(&t.id)).collect(),
        mentions: raw.mentions.iter().map(|m| id(&m.id)).collect(),
        questions: raw.questions.iter().map(|q| id(&q.id)).collect(),
        words: crate::declared::AnswerWords::new(),
    }
}

/// Every clause of every tier and mention says what it rests on: an authoring check, like the
/// reachability of the tiers, that the shipped editions pass (their tests load them with
/// [`Criteria::from_json`]).
fn check_bases(file: &CriteriaFile, problems: &mut Vec<Problem>) {
    let rules = file
        .tiers
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("/tiers/{i}/rule"), &t.rule))
        .chain(
            file.mentions
                .iter()
                .enumerate()
                .map(|(i, m)| (format!("/mentions/{i}/rule"), &m.rule)),
        );
    for (base, rule) in rules {
        for (k, clause) in rule.clauses.iter().enumerate() {
            check_basis(&clause.basis, &format!("{base}/clauses/{k}/basis"), problems);
        }
    }
}

/// A clause's basis: at least one entry, each a public source with its address (and, if any,
/// the words quoted) or a model assumption with its reason in French and English.
fn check_basis(basis: &[Basis], base: &str, problems: &mut Vec<Problem>) {
    const SHAPE: &str = "{\"source\": {\"title\", \"url\"}, \"quote\"?} or {\"model_assumption\": {\"fr\", \"en\"}}";
    if basis.is_empty() {
        problems.push(
            Problem::new(base, format!("the basis of the clause: at least one of {SHAPE}"))
                .found("no basis")
                .hint("every clause of a tier or mention says what it rests on: the label's published words, or the model's assumption and its reason"),
        );
    }
    for (k, b) in basis.iter().enumerate() {
        let at = format!("{base}/{k}");
        match (&b.source, &b.model_assumption) {
            (Some(_), Some(_)) => problems.push(
                Problem::new(&at, format!("one basis: {SHAPE}"))
                    .found("both a source and a model assumption")
                    .hint("write them as two entries of the basis"),
            ),
            (None, None) => problems.push(Problem::new(&at, format!("one basis: {SHAPE}")).found("neither")),
            (Some(src), None) if src.url.as_deref().is_none_or(|u| u.trim().is_empty()) => problems.push(
                Problem::new(
                    format!("{at}/source/url"),
                    "the address where anyone can read the source",
                )
                .found(format!("a source without address: \"{}\"", src.title)),
            ),
            (None, Some(_)) if b.quote.is_some() => problems.push(
                Problem::new(format!("{at}/quote"), "no quote in a model assumption")
                    .hint("a quote gives the words of a public source: put it beside its \"source\""),
            ),
            _ => {}
        }
    }
}

/// The checks of one question's shape: the fields its kind allows, its points, options and bands.
fn check_question_shape(q: &Question, base: &str, problems: &mut Vec<Problem>) {
    use QuestionKind::*;
    check_fields_of_kind(q, base, problems);
    match q.kind {
        YesNo => match q.points {
            None => problems.push(Problem::new(
                format!("{base}/points"),
                "yes/no points, e.g. {\"yes\": 5}",
            )),
            Some(p) if p.no > p.yes => problems.push(
                Problem::new(
                    format!("{base}/points/no"),
                    format!("at most the points of yes ({})", p.yes),
                )
                .found(p.no.to_string())
                .hint("'yes' means the practice exists; phrase the question so that yes is the better answer"),
            ),
            _ => {}
        },
        SingleChoice | MultipleChoice => check_options(q, base, problems),
        Number | Percentage => {
            if q.bands.is_empty() {
                problems.push(Problem::new(format!("{base}/bands"), "at least one band"));
            }
        }
        Text | List => {}
    }
    check_limits_and_bands(q, base, problems);
}

/// Every field present belongs to the question's kind.
fn check_fields_of_kind(q: &Question, base: &str, problems: &mut Vec<Problem>) {
    use QuestionKind::*;
    let kind = q.kind.as_str();
    let mut forbid = |present: bool, field: &str, allowed: &str| {
        if present {
            problems.push(
                Problem::new(
                    format!("{base}/{field}"),
                    format!("no \"{field}\" in a {kind} question"),
                )
                .hint(format!("\"{field}\" belongs to {allowed} questions")),
            );
        }
    };
    forbid(q.points.is_some() && q.kind != YesNo, "points", "yes_no");
    forbid(
        !q.options.is_empty() && !matches!(q.kind, SingleChoice | MultipleChoice),
        "options",
        "single_choice and multiple_choice",
    );
    forbid(
        q.max_points.is_some() && q.kind != MultipleChoice,
        "max_points",
        "multiple_choice",
    );
    forbid(
        !q.bands.is_empty() && !matches!(q.kind, Number | Percentage | List),
        "bands",
        "number, percentage and list",
    );
    forbid(q.unit.is_some() && q.kind != Number, "unit", "number");
    forbid(q.min.is_some() && q.kind != Number, "min", "number");
    forbid(q.max.is_some() && q.kind != Number, "max", "number");
}

/// The options of a choice: how many, unique ids, `exclusive` only where it means something, a
/// cap the options can reach.
fn check_options(q: &Question, base: &str, problems: &mut Vec<Problem>) {
    if q.options.len() < 2 {
        problems.push(Problem::new(format!("{base}/options"), "at least two options"));
    }
    if q.options.len() > 64 {
        problems.push(Problem::new(format!("{base}/options"), "at most 64 options").found(q.options.len().to_string()));
    }
    dup_check(
        q.options
            .iter()
            .enumerate()
            .map(|(k, o)| (o.id.as_str(), format!("{base}/options/{k}/id"))),
        "option",
        problems,
    );
    if q.kind == QuestionKind::SingleChoice {
        for (k, o) in q.options.iter().enumerate() {
            if o.exclusive {
                problems.push(
                    Problem::new(
                        format!("{base}/options/{k}/exclusive"),
                        "no \"exclusive\" in a single_choice option",
                    )
                    .hint("options of a single choice already exclude each other"),
                );
            }
        }
    }
    if let Some(cap) = q.max_points {
        let sum: u32 = q.options.iter().filter(|o| !o.exclusive).map(|o| o.points).sum();
        if cap > sum {
            problems.push(
                Problem::new(
                    format!("{base}/max_points"),
                    format!("at most the sum of the options' points ({sum})"),
                )
                .found(cap.to_string()),
            );
        }
    }
}

/// A number's limits in order, and bands finite, ascending, never worth fewer points as they rise.
fn check_limits_and_bands(q: &Question, base: &str, problems: &mut Vec<Problem>) {
    if let (Some(min), Some(max)) = (q.min, q.max) {
        if min > max {
            problems.push(
                Problem::new(format!("{base}/max"), format!("at least min ({})", number(min))).found(number(max)),
            );
        }
    }
    let mut prev: Option<Band> = None;
    for (k, b) in q.bands.iter().enumerate() {
        if !b.min.is_finite() {
            problems.push(Problem::new(format!("{base}/bands/{k}/min"), "a finite number"));
        }
        if q.kind == QuestionKind::Percentage && !(0.0..=100.0).contains(&b.min) {
            problems.push(
                Problem::new(format!("{base}/bands/{k}/min"), "a percentage between 0 and 100").found(number(b.min)),
            );
        }
        if let Some(p) = prev {
            if b.min <= p.min {
                problems.push(
                    Problem::new(
                        format!("{base}/bands/{k}/min"),
                        format!("more than the previous band's min ({})", number(p.min)),
                    )
                    .found(number(b.min))
                    .hint("list bands in ascending order of min"),
                );
            }
            if b.points < p.points {
                problems.push(
                    Problem::new(
                        format!("{base}/bands/{k}/points"),
                        format!("at least the previous band's points ({})", p.points),
                    )
                    .found(b.points.to_string())
                    .hint("a higher value must never earn fewer points"),
                );
            }
        }
        prev = Some(*b);
    }
}

/// Orders questions so that each comes after the questions its `asked_if` reads: a depth-first
/// search from each question in display order, which places what a question reads before it and
/// otherwise keeps display order. Returns a cycle on failure (the path that closed it).
fn topo_order(plans: &[QuestionPlan]) -> Result<Vec<usize>, Vec<usize>> {
    let n = plans.len();
    let deps: Vec<Vec<usize>> = plans
        .iter()
        .map(|p| {
            let mut v = Vec::new();
            if let Some(c) = &p.asked_if {
                c.questions(&mut v);
            }
            crate::sort::sort_unstable(&mut v);
            v.dedup();
            v
        })
        .collect();
    let mut state = vec![0u8; n]; // 0 new, 1 in progress, 2 done
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<usize> = Vec::new();
    fn visit(
        i: usize,
        deps: &[Vec<usize>],
        state: &mut [u8],
        order: &mut Vec<usize>,
        stack: &mut Vec<usize>,
    ) -> Result<(), Vec<usize>> {
        match state[i] {
            2 => return Ok(()),
            1 => {
                let start = stack.iter().position(|&s| s == i).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(i);
                return Err(cycle);
            }
            _ => {}
        }
        state[i] = 1;
        stack.push(i);
        for &d in &deps[i] {
            visit(d, deps, state, order, stack)?;
        }
        stack.pop();
        state[i] = 2;
        order.push(i);
        Ok(())
    }
    for i in 0..n {
        visit(i, &deps, &mut state, &mut order, &mut stack)?;
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn mini_with_argent_clauses(clauses: serde_json::Value) -> Result<Criteria, Error> {
        let mut v: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/mini-edition.json")).unwrap();
        v["tiers"][2]["rule"]["clauses"] = clauses;
        Criteria::from_value(v, "mini.json")
    }

    #[test]
    fn clauses_compile_into_one_rule_the_evaluator_reads() {
        let because = json!([{"model_assumption": {"fr": "Parce que.", "en": "Because."}}]);
        let c = mini_with_argent_clauses(json!([
            {"min_score": 300, "required": ["strategie.ecrite"], "basis": because},
            {"min_score": 550, "min_domain_scores": {"logiciels": 200}, "basis": because},
            {"title": {"fr": "Une stratégie écrite", "en": "A written strategy"}, "condition": {"question": "strategie.ecrite", "in": ["yes"]}, "basis": because},
            {"condition": {"question": "logiciels.postes_linux", "min": 5}, "required": ["logiciels.bureautique"], "basis": because}
        ]))
        .unwrap();
        let rule = &c.tiers[2];
        assert_eq!(rule.min_score, Some(550), "the strictest threshold holds");
        assert_eq!(rule.required.len(), 2, "required lists are joined");
        assert_eq!(rule.min_domain.len(), 1);
        let titles: Vec<Option<&str>> = rule
            .conditions
            .iter()
            .map(|c| c.title.as_ref().map(|t| &*t.fr))
            .collect();
        assert_eq!(
            titles,
            [Some("Une stratégie écrite"), None],
            "each clause's condition, with its title"
        );
    }

    #[test]
    fn a_clause_condition_is_checked_for_monotonicity_like_any_other() {
        let because = json!([{"model_assumption": {"fr": "Parce que.", "en": "Because."}}]);
        let e = mini_with_argent_clauses(json!([
            {"condition": {"not": {"question": "strategie.ecrite", "in": ["yes"]}}, "basis": because}
        ]))
        .unwrap_err();
        assert!(
            e.problems
                .iter()
                .any(|p| p.pointer == "/tiers/2/rule/clauses/0/condition/not"),
            "{e}"
        );
    }
}
