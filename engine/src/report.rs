//! The report: what [`crate::evaluate`] returns, and its JSON wire format.
//!
//! Fields are written in declaration order and every collection is ordered (criteria order, tier
//! order, ranking order), so the same inputs give the same bytes natively and in wasm. Scores are
//! integers out of 1000 ("per mille"): `623` reads 62.3 %.
//!
//! The report is self-contained: it carries the titles and advice it mentions, in French and
//! English, so that it can be rendered or compared without the criteria file.

pub use crate::lists::{CriterionList, CriterionResult, NextStep, NextSteps};

/// An id in a report (edition, domain, tier, mention, question), shared with the criteria it
/// comes from rather than copied: reports are built often (on every answer in the browser, tens
/// of thousands in a batch).
pub type Id = std::sync::Arc<str>;
use crate::profile::Profile;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// The only report format version this engine writes and reads.
pub const REPORT_FORMAT: u32 = 1;

/// The result of evaluating answers against an edition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report format version ([`REPORT_FORMAT`]).
    pub format: u32,
    /// Engine that wrote the report.
    pub engine: EngineInfo,
    /// Edition evaluated against.
    pub edition: EditionInfo,
    /// Who answered.
    pub profile: Profile,
    /// When the answers were last changed, as written in the answers file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers_updated_at: Option<String>,
    /// Always shown: this is an estimate, not the jury's decision.
    pub disclaimer: Text,
    /// Answered questions out of the questions asked.
    pub completeness: Completeness,
    /// Overall weighted score.
    pub score: Score,
    /// Per-domain scores, in the edition's order.
    pub domains: Vec<DomainScore>,
    /// Every tier of the edition, lowest first, with whether it is reached.
    pub tiers: Vec<TierStatus>,
    /// The highest tier reached, if any: the tier secured so far ([`Estimate::secured`]).
    pub tier: Option<TierRef>,
    /// What the answers support: the tier secured, the tier still reachable, and a likely tier
    /// when enough is answered. Reports written before it read as an empty estimate.
    #[serde(default)]
    pub estimate: Estimate,
    /// The tier above the one reached, with what is missing for it.
    pub next_tier: Option<NextTier>,
    /// What to do next, best first.
    pub next_steps: NextSteps,
    /// Special mentions, reached or not.
    pub mentions: Vec<MentionStatus>,
    /// Every question with its status, in the edition's order.
    pub criteria: CriterionList,
    /// What was declared, grouped by domain: every question that applies, with its answer in
    /// words and its justification. Reports written before it read as an empty list.
    #[serde(default)]
    pub declared: Vec<DeclaredDomain>,
    /// Problems in the answers, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

/// One entity in a territory table: the estimate of a report without its detail.
///
/// [`crate::summarize`] computes it directly (what `tnl batch` does for each entity);
/// [`Summary::of`] takes it from a full report (what the browser's territory view does). Both
/// give the same value. It borrows its texts from the criteria or the report: summarising on
/// every core at once then touches no shared reference count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary<'a> {
    /// Name of the collectivité.
    pub name: &'a str,
    /// Kind of collectivité.
    pub kind: Option<crate::profile::Kind>,
    /// Inhabitants.
    pub population: Option<u64>,
    /// Edition evaluated against.
    pub edition: &'a str,
    /// The highest tier reached, if any: the tier secured ([`Estimate::secured`]).
    pub tier: Option<&'a str>,
    /// The likely tier, when the answers are enough ([`Estimate::likely`]).
    pub likely: Option<&'a str>,
    /// The tier still reachable ([`Estimate::reachable`]).
    pub reachable: Option<&'a str>,
    /// Overall score, out of 1000.
    pub score: u32,
    /// Completeness, out of 1000.
    pub completeness: u32,
    /// Each domain's score out of 1000, in the edition's order (`None`: nothing applies).
    pub domains: Vec<(&'a str, Option<u32>)>,
    /// The best next step: question id and title.
    pub next_step: Option<(&'a str, &'a Text)>,
}

impl Summary<'_> {
    /// The summary of a full report.
    pub fn of(report: &Report) -> Summary<'_> {
        Summary {
            name: &report.profile.name,
            kind: report.profile.kind,
            population: report.profile.population,
            edition: &report.edition.id,
            tier: report.tier.as_ref().map(|t| &*t.id),
            likely: report.estimate.likely.as_ref().map(|t| &*t.id),
            reachable: report.estimate.reachable.as_ref().map(|t| &*t.id),
            score: report.score.per_mille,
            completeness: report.completeness.per_mille,
            domains: report.domains.iter().map(|d| (&*d.id, d.per_mille)).collect(),
            next_step: report.next_steps.first().map(|s| (s.question, s.title)),
        }
    }
}

/// Name and version of the engine.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EngineInfo {
    /// Crate name.
    pub name: Id,
    /// Crate version.
    pub version: Id,
}

/// Which edition a report is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionInfo {
    /// Edition id.
    pub id: Id,
    /// Year.
    pub year: u32,
    /// Version of the criteria file.
    pub version: Id,
    /// Title.
    pub title: Text,
}

/// Completeness of the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completeness {
    /// Questions answered (a value or "not applicable").
    pub answered: u32,
    /// Main questions that apply to the profile, plus the follow-ups that are answered.
    pub applicable: u32,
    /// answered / applicable, out of 1000 (1000 when nothing applies).
    pub per_mille: u32,
}

/// Overall score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// Raw points earned, all domains together (unweighted).
    pub earned: u32,
    /// Raw points possible, all domains together (unweighted).
    pub possible: u32,
    /// Weighted mean of the domain scores, out of 1000.
    pub per_mille: u32,
}

/// Score of one domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainScore {
    /// Domain id.
    pub id: Id,
    /// Domain name.
    pub title: Text,
    /// Weight in the overall score.
    pub weight: u32,
    /// Points earned.
    pub earned: u32,
    /// Points possible for this profile.
    pub possible: u32,
    /// earned / possible out of 1000; `None` when nothing in the domain applies.
    pub per_mille: Option<u32>,
    /// Questions answered in the domain.
    pub answered: u32,
    /// Questions asked in the domain.
    pub applicable: u32,
}

/// A tier, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierRef {
    /// Tier id.
    pub id: Id,
    /// Tier name.
    pub title: Text,
    /// Position, 1 for the lowest tier.
    pub rank: u32,
}

/// Whether a tier is reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierStatus {
    /// Tier id.
    pub id: Id,
    /// Tier name.
    pub title: Text,
    /// Whether its own rule holds (ignoring the tiers below).
    pub rule_holds: bool,
    /// Whether it is reached (its rule holds and so does the tier below, when required).
    pub reached: bool,
}

/// The range the answers support. The unanswered questions decide where in it the jury's tier
/// lies: at their worst, `secured`; at their best, `reachable`. `likely` is a point estimate,
/// given only when the answers cover enough of each domain (`enough_answers`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Estimate {
    /// The tier reached with the unanswered questions at their worst, as the form stands: the
    /// same as [`Report::tier`].
    pub secured: Option<TierRef>,
    /// The tier reached if every unanswered question were answered at its worst, given only when
    /// the answers are enough ([`Estimate::enough_answers`]); `None` otherwise, or when even then
    /// no tier is reached.
    pub likely: Option<TierRef>,
    /// The tier reached with every unanswered question answered at its best (follow-ups revealed
    /// and answered at their best too; "not applicable" is never assumed).
    pub reachable: Option<TierRef>,
    /// Whether the answers are enough for `likely`: every domain that applies has at least
    /// `coverage_needed` of its possible points answered, and the questions that decide the likely
    /// tier and the one above are answered. False: « pas assez de réponses pour estimer ».
    pub enough_answers: bool,
    /// Share of each domain's possible points that must be answered, out of 1000.
    pub coverage_needed: u32,
    /// The domains that apply with less than `coverage_needed` answered: where to answer first.
    pub domains_to_answer: Vec<DomainCoverage>,
    /// Unanswered questions that decide the likely tier or the one above it.
    pub questions_to_answer: Vec<QuestionRef>,
}

impl Estimate {
    /// Whether the range is a single tier: nothing left unanswered can change the estimate.
    pub fn is_settled(&self) -> bool {
        self.secured == self.reachable
    }
}

/// How much of a domain's possible points the answers cover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainCoverage {
    /// Domain id.
    pub id: Id,
    /// Domain name.
    pub title: Text,
    /// Share of its possible points answered, out of 1000.
    pub covered: u32,
}

/// A question, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRef {
    /// Question id.
    pub question: Id,
    /// Question title.
    pub title: Text,
}

/// The next tier and what it takes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextTier {
    /// The tier.
    #[serde(flatten)]
    pub tier: TierRef,
    /// Every clause of its rule that does not hold yet.
    pub gaps: Vec<Gap>,
    /// A shortest path found by taking next steps in ranking order until the gaps close.
    pub plan: Plan,
}

/// The steps that would close the gaps to the next tier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Question ids, in the order of the next steps.
    pub steps: Vec<Id>,
    /// Overall score once they are done.
    pub projected_score: u32,
    /// Whether they close every gap; false when a gap no step can close remains (a condition).
    pub closes_all_gaps: bool,
}

/// One clause of a rule that does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Gap {
    /// The tier below is not reached.
    PreviousTier {
        /// The tier below.
        tier: Id,
    },
    /// Overall score too low.
    MinScore {
        /// Current score.
        have: u32,
        /// Required score.
        need: u32,
        /// need − have.
        short: u32,
    },
    /// A domain's score too low.
    MinDomainScore {
        /// Domain id.
        domain: Id,
        /// Domain name.
        title: Text,
        /// Current score.
        have: u32,
        /// Required score.
        need: u32,
        /// need − have.
        short: u32,
    },
    /// Too few questions answered.
    MinCompleteness {
        /// Current completeness out of 1000.
        have: u32,
        /// Required completeness.
        need: u32,
        /// need − have.
        short: u32,
    },
    /// A required criterion is not met.
    Required {
        /// Question id.
        question: Id,
        /// Question.
        title: Text,
    },
    /// A question that must be answered is not.
    Unanswered {
        /// Question id.
        question: Id,
        /// Question.
        title: Text,
    },
    /// A clause's condition on the answers does not hold.
    Condition {
        /// The clause's title, when the edition gives one (reports written before it was
        /// added have none, and are read as they are).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        title: Option<Text>,
    },
}

/// Whether a special mention is reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionStatus {
    /// Mention id.
    pub id: Id,
    /// Mention name.
    pub title: Text,
    /// Reached or not.
    pub reached: bool,
    /// What is missing, when not reached.
    pub gaps: Vec<Gap>,
}

/// Status of one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Earned at least its `met_at` points.
    Met,
    /// Earned some points, fewer than `met_at`.
    Partial,
    /// Answered, no points.
    Unmet,
    /// Asked, not answered.
    Unanswered,
    /// Declared not applicable by the collectivité (allowed by the edition).
    NotApplicable,
    /// Does not apply to this profile.
    Excluded,
    /// A follow-up not asked because of another answer; earns nothing.
    NotAsked,
}

impl Status {
    /// Every status, in the order of the enum.
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::Partial,
        Status::Unmet,
        Status::Unanswered,
        Status::NotApplicable,
        Status::Excluded,
        Status::NotAsked,
    ];

    /// The status as reports write it (`met`, `not_applicable`…).
    pub fn code(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Partial => "partial",
            Status::Unmet => "unmet",
            Status::Unanswered => "unanswered",
            Status::NotApplicable => "not_applicable",
            Status::Excluded => "excluded",
            Status::NotAsked => "not_asked",
        }
    }

    /// The status a report's code names.
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something the reader should know (a profile field a condition needed is missing).
    Info,
    /// The answer was used, but something is off (N/A without justification).
    Warning,
    /// The answer was ignored (wrong type, unknown option, out of range, unknown question).
    Error,
}

/// A problem in the answers. The evaluation went on without the answer concerned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How serious.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `unknown_question`: one of
    /// [`DiagnosticKind::ALL_CODES`](crate::diagnostic::DiagnosticKind::ALL_CODES).
    pub code: String,
    /// JSON pointer into the answers file.
    pub pointer: String,
    /// The question concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// What is wrong and what to do.
    pub message: Text,
}

impl Diagnostic {
    /// The diagnostic of `kind` at `pointer`. Its messages are written here, so a caller that
    /// needs no diagnostics (a summary) builds no kind and writes nothing.
    pub(crate) fn new(kind: crate::diagnostic::DiagnosticKind<'_>, pointer: &str) -> Diagnostic {
        Diagnostic {
            severity: kind.severity(),
            code: kind.code().to_owned(),
            pointer: pointer.to_owned(),
            question: kind.question().map(str::to_owned),
            message: Text::new(kind.message(Lang::Fr), kind.message(Lang::En)),
        }
    }
}

/// A report of a format newer than [`REPORT_FORMAT`], as every reader of reports says it.
pub(crate) fn newer_format(found: u64) -> crate::error::Problem {
    crate::error::Problem::bi(
        "/format",
        format!("le format de rapport {REPORT_FORMAT} ou plus ancien"),
        format!("report format {REPORT_FORMAT} or older"),
    )
    .found(found.to_string())
    .hint_bi(
        "ce rapport a été écrit par une version plus récente de tnl ; mettez tnl à jour",
        "this report was written by a newer version of tnl; update tnl",
    )
}

impl Report {
    /// Compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Indented JSON, as the CLI writes it.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a report written by this engine.
    pub fn from_json(text: &str, file: &str) -> Result<Report, crate::Error> {
        use crate::error::{Error, FileKind};
        let value = crate::criteria::parse_json(text, file, FileKind::Report)?;
        if let Some(f) = value.get("format").and_then(|f| f.as_u64()) {
            if f > u64::from(REPORT_FORMAT) {
                return Err(Error::one(file, FileKind::Report, newer_format(f)));
            }
        }
        crate::error::deserialize_at(value, FileKind::Report).map_err(|p| Error::one(file, FileKind::Report, p))
    }

    /// Results of the questions that are asked and not answered.
    pub fn unanswered(&self) -> impl Iterator<Item = CriterionResult<'_>> {
        self.criteria.iter().filter(|c| c.status == Status::Unanswered)
    }
}

/// What the collectivité declared in one domain: every question that applies to it, in the
/// edition's order. A reader checks the estimate against these facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeclaredDomain {
    /// Domain id.
    pub domain: Id,
    /// Domain name.
    pub title: Text,
    /// The questions of the domain that apply, answered or not.
    pub questions: Vec<Declared>,
}

/// One question as the collectivité answered it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declared {
    /// Question id.
    pub question: Id,
    /// The question.
    pub title: Text,
    /// Answered, not applicable, or not answered.
    pub state: DeclaredState,
    /// The answer in words (the option's label, yes or no, a number with its unit), in French and
    /// English; absent when the question is not answered or not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Text>,
    /// The evidence or comment given with an answer, or why the question does not apply, as the
    /// collectivité wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub justification: Option<String>,
}

/// Whether a question that applies was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclaredState {
    /// A value the engine read.
    Answered,
    /// Declared not applicable by the collectivité.
    NotApplicable,
    /// No usable answer (none given, or one the engine could not read: see the diagnostics).
    Unanswered,
}
