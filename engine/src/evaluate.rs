//! Scoring: answers + criteria → report. Pure, total, integer arithmetic.

use crate::answers::{Answer, Answers, AnswersView};
use crate::condition::{EvalCtx, Tri};
use crate::criteria::{CompiledRule, Criteria, QuestionKind, QuestionPlan};
use crate::diagnostic::DiagnosticKind;
use crate::error::{escape_pointer, Problem};
use crate::profile::{Kind, Profile, ProfileField};
use crate::report::*;
use serde_json::Value;
use std::cell::Cell;

/// An answer read against its question.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Eff {
    None,
    Bool(bool),
    Choice(usize),
    Multi(u64),
    Number(f64),
    Text,
    List(usize),
}

struct State<'a> {
    profile: &'a Profile,
    eff: Vec<Eff>,
    status: Vec<Status>,
    missing: Cell<u8>,
}

impl EvalCtx for State<'_> {
    fn kind(&self) -> Option<Kind> {
        self.profile.kind
    }
    fn number(&self, field: ProfileField) -> Option<u64> {
        self.profile.number(field)
    }
    fn missing(&self, field: ProfileField) {
        self.missing.set(self.missing.get() | field.bit());
    }
    fn choice(&self, q: usize) -> Option<usize> {
        match self.eff[q] {
            Eff::Bool(true) => Some(0),
            Eff::Bool(false) => Some(1),
            Eff::Choice(i) => Some(i),
            _ => None,
        }
    }
    fn chosen(&self, q: usize) -> u64 {
        match self.eff[q] {
            Eff::Multi(m) => m,
            _ => 0,
        }
    }
    fn value(&self, q: usize) -> Option<f64> {
        match self.eff[q] {
            Eff::Number(v) => Some(v),
            Eff::List(n) => Some(n as f64),
            _ => None,
        }
    }
    fn met(&self, q: usize) -> bool {
        self.status[q] == Status::Met
    }
}

/// Evaluates `answers` against `criteria`.
///
/// Never fails and never panics: problems in the answers become [`Diagnostic`]s and the answer
/// concerned is left out. Answers to another edition are evaluated all the same, with a
/// diagnostic; hosts that want to refuse them call [`Answers::check_edition`] first.
pub fn evaluate(criteria: &Criteria, answers: &Answers) -> Report {
    Core::run(criteria, answers, entries(answers), true).report()
}

/// The estimate of [`evaluate`] without its detail: what one row of a territory table shows.
///
/// The same computation stops before what only a full report shows (diagnostics, the texts of
/// the range, mention gaps, the plan, the per-question lists), which makes it cheaper for hosts that
/// summarise thousands of entities (`tnl batch`). It always equals
/// `Summary::of(&evaluate(criteria, answers))`; the property tests check it.
pub fn summarize<'a>(criteria: &'a Criteria, answers: &'a Answers) -> Summary<'a> {
    Core::run(criteria, answers, entries(answers), false).summary()
}

/// [`summarize`] of answers read as an [`AnswersView`]: the same summary, from answers that cost
/// less to read and to drop (`tnl batch` reads thousands of files only to summarise them). The
/// property tests check it equals `summarize` of the same text read as [`Answers`].
pub fn summarize_view<'a>(criteria: &'a Criteria, view: &'a AnswersView<'_>) -> Summary<'a> {
    Core::run(criteria, view.head(), view.entries(), false).summary()
}

/// The answers of `answers` in id order.
fn entries(answers: &Answers) -> impl Iterator<Item = (&str, &Answer)> {
    answers.answers.iter().map(|(id, a)| (id.as_str(), a))
}

/// Diagnostics, made only when the result shows them: formatting their messages is a good part
/// of an evaluation's cost when answers have problems.
struct Diags {
    list: Vec<Diagnostic>,
    on: bool,
}

impl Diags {
    fn push(&mut self, make: impl FnOnce() -> Diagnostic) {
        if self.on {
            self.list.push(make());
        }
    }
}

/// What a report and a summary are both made of: the answers read against their questions,
/// points, domain sums, tiers, and the unsorted next steps.
struct Core<'a> {
    criteria: &'a Criteria,
    answers: &'a Answers,
    diags: Diags,
    st: State<'a>,
    earned: Vec<u32>,
    possible: Vec<u32>,
    // Per-domain sums live on the stack: an edition has at most 64 domains (checked at load).
    dom_earned: [u32; 64],
    dom_possible: [u32; 64],
    dom_answered: [u32; 64],
    dom_applicable: [u32; 64],
    score_pm: u32,
    completeness: Completeness,
    domain_scores: Vec<Option<u32>>,
    /// Per tier, lowest first: (its own rule holds, reached).
    tiers: Vec<(bool, bool)>,
    top: Option<usize>,
    next_index: Option<usize>,
    /// The questions the next tier requires, by index.
    required_next: Vec<usize>,
    blocking: Vec<bool>,
    /// The ranking key of every step, unsorted (see [`step_question`] and [`step_gain`]).
    steps: Vec<u64>,
    /// The range the answers support.
    range: Range,
}

/// Share of each domain's possible points that must be answered before a likely tier is given,
/// out of 1000 (docs/scoring.md says why three quarters).
pub const LIKELY_COVERAGE: u32 = 750;

/// How the questions left unanswered are filled in, for one end of the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fill {
    Worst,
    Best,
}

/// The answers with the unanswered questions filled in: the tier they reach, and which questions
/// were filled (unanswered, or follow-ups revealed by a filled answer).
struct Filled {
    top: Option<usize>,
    filled: Vec<bool>,
}

/// The range of a report, by tier index (see [`Estimate`]).
struct Range {
    reachable: Option<usize>,
    likely: Option<usize>,
    enough: bool,
    /// Domains that apply with less than [`LIKELY_COVERAGE`] answered, with their coverage.
    thin_domains: Vec<(usize, u32)>,
    /// Unanswered questions that decide the likely tier or the one above.
    pending: Vec<usize>,
}

impl<'a> Core<'a> {
    /// `entries`: the answers by question id, in id order (equal ids in a row: the last wins).
    fn run(
        criteria: &'a Criteria,
        answers: &'a Answers,
        entries: impl Iterator<Item = (&'a str, &'a Answer)>,
        full: bool,
    ) -> Core<'a> {
        let file = criteria.file();
        let questions = &file.questions;
        let n = questions.len();
        let mut diags = Diags {
            list: if full {
                answers.read_diagnostics.clone()
            } else {
                Vec::new()
            },
            on: full,
        };
        if answers.edition != file.id {
            diags.push(|| {
                Diagnostic::new(
                    DiagnosticKind::EditionMismatch {
                        answers: &answers.edition,
                        edition: &file.id,
                    },
                    "/edition",
                )
            });
        }

        // Pair answers with questions: both sides are sorted by id, so one merge pass does it.
        let mut given: Vec<Option<&Answer>> = vec![None; n];
        {
            let mut qs = criteria.by_id.iter().peekable();
            for (id, answer) in entries {
                // One comparison per step: skip the questions nobody answered, stop at this id.
                let mut found = None;
                while let Some(&(range, q)) = qs.peek() {
                    let q = *q;
                    match criteria.id_text.as_bytes()[range.start as usize..range.end as usize].cmp(id.as_bytes()) {
                        std::cmp::Ordering::Less => {
                            qs.next();
                        }
                        std::cmp::Ordering::Equal => {
                            found = Some(q);
                            break;
                        }
                        std::cmp::Ordering::Greater => break,
                    }
                }
                match found {
                    Some(q) => given[q] = Some(answer),
                    _ => {
                        if answer.is_given() || answer.justification.is_some() {
                            diags.push(|| {
                                Diagnostic::new(
                                    DiagnosticKind::UnknownQuestion {
                                        question: id,
                                        edition: &file.id,
                                    },
                                    &format!("/answers/{}", escape_pointer(id)),
                                )
                            });
                        }
                    }
                }
            }
        }

        let mut st = State {
            profile: &answers.profile,
            eff: vec![Eff::None; n],
            status: vec![Status::Unanswered; n],
            missing: Cell::new(0),
        };
        let mut earned = vec![0u32; n];
        let mut possible = vec![0u32; n];

        for &q in &criteria.order {
            let question = &questions[q];
            let plan = criteria.plan(q);
            let answer = given[q].filter(|a| a.is_given());
            let pointer = || format!("/answers/{}", escape_pointer(&question.id));
            let applies = plan.applies_if.as_ref().is_none_or(|c| c.eval(&st) != Tri::False);
            if !applies {
                st.status[q] = Status::Excluded;
                if answer.is_some_and(|a| !a.not_applicable) {
                    diags
                        .push(|| Diagnostic::new(DiagnosticKind::NotForProfile { question: &question.id }, &pointer()));
                }
                continue;
            }
            let asked = plan.asked_if.as_ref().is_none_or(|c| c.eval(&st) == Tri::True);
            possible[q] = plan.max;
            if !asked {
                st.status[q] = Status::NotAsked;
                if answer.is_some() {
                    diags.push(|| Diagnostic::new(DiagnosticKind::NotAsked { question: &question.id }, &pointer()));
                }
                continue;
            }
            let Some(answer) = answer else { continue };
            if answer.not_applicable {
                if plan.not_applicable_allowed {
                    st.status[q] = Status::NotApplicable;
                    possible[q] = 0;
                    if answer.justification.as_deref().is_none_or(|j| j.trim().is_empty()) {
                        diags.push(|| {
                            Diagnostic::new(
                                DiagnosticKind::JustificationMissing { question: &question.id },
                                &format!("{}/justification", pointer()),
                            )
                        });
                    }
                    continue;
                }
                diags.push(|| {
                    Diagnostic::new(
                        DiagnosticKind::NotApplicableRefused { question: &question.id },
                        &format!("{}/not_applicable", pointer()),
                    )
                });
                if answer.value.as_ref().is_none_or(Value::is_null) {
                    continue;
                }
            }
            let Some(value) = answer.value.as_ref().filter(|v| !v.is_null()) else {
                continue;
            };
            match read_value(criteria, q, plan, value) {
                Ok(Eff::None) => {}
                Ok(eff) => {
                    st.eff[q] = eff;
                    let pts = points(criteria, plan, eff);
                    earned[q] = pts;
                    st.status[q] = status_of(plan, pts);
                }
                Err(bad) => diags.push(|| Diagnostic::new(bad.kind(question, value), &format!("{}/value", pointer()))),
            }
            if let (Eff::Multi(m), true) = (st.eff[q], plan.kind == QuestionKind::MultipleChoice) {
                let exclusive = criteria
                    .options_of(plan)
                    .iter()
                    .enumerate()
                    .any(|(i, o)| o.exclusive && m & (1 << i) != 0);
                if exclusive && m.count_ones() > 1 {
                    diags.push(|| {
                        Diagnostic::new(
                            DiagnosticKind::ExclusiveCombined { question: &question.id },
                            &format!("{}/value", pointer()),
                        )
                    });
                }
            }
        }

        for field in [
            ProfileField::Kind,
            ProfileField::Population,
            ProfileField::Agents,
            ProfileField::Workstations,
        ] {
            if st.missing.get() & field.bit() != 0 {
                let name = field.as_str();
                diags.push(|| {
                    Diagnostic::new(
                        DiagnosticKind::ProfileFieldMissing { field: name },
                        &format!("/profile/{name}"),
                    )
                });
            }
        }

        // Domains and overall score.
        let nd = file.domains.len();
        let mut dom_earned = [0u32; 64];
        let mut dom_possible = [0u32; 64];
        let mut dom_answered = [0u32; 64];
        let mut dom_applicable = [0u32; 64];
        for q in 0..n {
            let d = criteria.plan(q).domain;
            dom_earned[d] += earned[q];
            dom_possible[d] += possible[q];
            match st.status[q] {
                Status::Excluded | Status::NotAsked => {}
                // A follow-up counts once answered: revealing one by a better answer to its parent
                // must not lower completeness (and with it a tier).
                Status::Unanswered if criteria.plan(q).asked_if.is_some() => {}
                Status::Unanswered => dom_applicable[d] += 1,
                _ => {
                    dom_applicable[d] += 1;
                    dom_answered[d] += 1;
                }
            }
        }
        let weights: &[u64] = &criteria.weights;
        let score_pm = overall(weights, &dom_earned[..nd], &dom_possible[..nd]);
        let answered: u32 = dom_answered.iter().sum();
        let applicable: u32 = dom_applicable.iter().sum();
        let completeness = Completeness {
            answered,
            applicable,
            per_mille: ratio(answered, applicable).unwrap_or(1000),
        };
        let domain_scores: Vec<Option<u32>> = (0..nd).map(|d| ratio(dom_earned[d], dom_possible[d])).collect();

        // Tiers.
        let facts = Facts {
            score: score_pm,
            domain_scores: &domain_scores,
            completeness: completeness.per_mille,
            status: &st.status,
        };
        let tiers = tier_ladder(criteria, &facts, &st);
        let top = tiers.iter().rposition(|&(_, reached)| reached);
        let next_index = match top {
            Some(i) if i + 1 < tiers.len() => Some(i + 1),
            Some(_) => None,
            None => Some(0),
        };

        // Next steps: every criterion that is asked and not met, ranked by gain per effort, with
        // what the next tier requires first.
        let mut required_next = Vec::new();
        if let Some(i) = next_index {
            rule_misses(&criteria.tiers[i], &facts, &st, &mut |m| {
                if let Miss::Required(q) | Miss::Unanswered(q) = m {
                    required_next.push(q);
                }
                true
            });
        }
        let mut blocking = vec![false; n];
        for &q in &required_next {
            mark_blocking(criteria, q, &st.status, &mut blocking, 0);
        }
        let (weighted_sum, weight_total) = weighted_terms(weights, &dom_earned[..nd], &dom_possible[..nd]);
        // One integer key per step, computed once: what the next tier requires first, then gain per
        // effort (exact: every cost divides 4, so gain × 4 / cost ≤ 4000 is an integer), then gain
        // (≤ 1000), then questionnaire order.
        let key = |q: usize, gain: u32| -> u64 {
            let per_effort = u64::from(gain) * 4 / u64::from(criteria.plan(q).cost.max(1));
            (u64::from(!blocking[q]) << 63) | ((4095 - per_effort) << 44) | (u64::from(1023 - gain) << 32) | q as u64
        };
        let mut steps: Vec<u64> = Vec::new();
        for q in 0..n {
            let s = st.status[q];
            if !matches!(s, Status::Unanswered | Status::Unmet | Status::Partial) {
                continue;
            }
            let plan = criteria.plan(q);
            let gain = if plan.max > earned[q] {
                let d = plan.domain;
                let raised = dom_earned[d] + plan.max - earned[q];
                // Only domain d changes: swap its term in the weighted sum instead of recomputing.
                let old_pm = ratio(dom_earned[d], dom_possible[d]).unwrap_or(0);
                let new_pm = ratio(raised, dom_possible[d]).unwrap_or(0);
                let num = weighted_sum - weights[d] * u64::from(old_pm) + weights[d] * u64::from(new_pm);
                ((num / weight_total.max(1)) as u32).saturating_sub(score_pm)
            } else {
                0
            };
            if gain > 0 || blocking[q] || s == Status::Unanswered {
                steps.push(key(q, gain));
            }
        }

        Core {
            criteria,
            answers,
            diags,
            st,
            earned,
            possible,
            dom_earned,
            dom_possible,
            dom_answered,
            dom_applicable,
            score_pm,
            completeness,
            domain_scores,
            tiers,
            top,
            next_index,
            required_next,
            blocking,
            steps,
            range: Range {
                reachable: top,
                likely: top,
                enough: true,
                thin_domains: Vec::new(),
                pending: Vec::new(),
            },
        }
        .with_range(full)
    }

    /// Sets the range: with nothing unanswered it is the tier reached, which `run` puts there.
    fn with_range(mut self, full: bool) -> Self {
        if self.st.status.contains(&Status::Unanswered) {
            self.range = self.range(full);
        }
        self
    }

    /// The range: one pass with the unanswered questions at their best, one at their worst, and
    /// whether the answers cover enough to give the worst as the likely tier. A summary (`full`
    /// false) skips the worst pass when a domain is short of answers: there is no likely tier
    /// then, and a summary shows nothing of the questions that would decide it.
    fn range(&self, full: bool) -> Range {
        let criteria = self.criteria;
        let best = self.filled(Fill::Best);
        let nd = self.domain_scores.len();
        let mut open = [0u32; 64];
        for (q, _) in best.filled.iter().enumerate().filter(|(_, &f)| f) {
            open[criteria.plan(q).domain] += self.possible[q];
        }
        let thin_domains: Vec<(usize, u32)> = (0..nd)
            .filter_map(|d| {
                let covered = ratio(self.dom_possible[d] - open[d], self.dom_possible[d])?;
                (covered < LIKELY_COVERAGE).then_some((d, covered))
            })
            .collect();
        if !full && !thin_domains.is_empty() {
            return Range {
                reachable: best.top,
                likely: None,
                enough: false,
                thin_domains,
                pending: Vec::new(),
            };
        }
        let worst = self.filled(Fill::Worst);
        // The likely tier and the one above are decided by their required and answered
        // questions: while one is open, the worst case says too little.
        let last = criteria.tiers.len().saturating_sub(1);
        let deciding = worst.top.unwrap_or(0)..=worst.top.map_or(0, |i| (i + 1).min(last));
        let mut pending = Vec::new();
        for rule in criteria.tiers.get(deciding).unwrap_or_default() {
            for &q in rule.required.iter().chain(&rule.answered) {
                if best.filled[q] && !pending.contains(&q) {
                    pending.push(q);
                }
            }
        }
        let enough = thin_domains.is_empty() && pending.is_empty();
        Range {
            reachable: best.top,
            likely: if enough { worst.top } else { None },
            enough,
            thin_domains,
            pending,
        }
    }

    /// The tier reached with every unanswered question answered as `fill` says, in dependency
    /// order so that a follow-up revealed by a filled answer is filled too. One scoring pass over
    /// the questions; "not applicable" is never assumed.
    fn filled(&self, fill: Fill) -> Filled {
        let criteria = self.criteria;
        let n = self.st.status.len();
        let mut st = State {
            profile: self.st.profile,
            eff: self.st.eff.clone(),
            status: self.st.status.clone(),
            missing: Cell::new(0),
        };
        let mut filled = vec![false; n];
        let mut dom_earned = self.dom_earned;
        for &q in &criteria.order {
            let plan = criteria.plan(q);
            let open = match st.status[q] {
                Status::Unanswered => true,
                Status::NotAsked => plan.asked_if.as_ref().is_none_or(|c| c.eval(&st) == Tri::True),
                _ => false,
            };
            if !open {
                continue;
            }
            let eff = filled_answer(criteria, q, plan, fill);
            let pts = points(criteria, plan, eff);
            st.eff[q] = eff;
            st.status[q] = status_of(plan, pts);
            dom_earned[plan.domain] += pts;
            filled[q] = true;
        }
        let nd = self.domain_scores.len();
        let domain_scores: Vec<Option<u32>> = (0..nd).map(|d| ratio(dom_earned[d], self.dom_possible[d])).collect();
        let facts = Facts {
            score: overall(&criteria.weights, &dom_earned[..nd], &self.dom_possible[..nd]),
            domain_scores: &domain_scores,
            // Every question asked is answered once filled in.
            completeness: 1000,
            status: &st.status,
        };
        let top = tier_ladder(criteria, &facts, &st)
            .iter()
            .rposition(|&(_, reached)| reached);
        Filled { top, filled }
    }

    fn tier_ref(&self, i: usize) -> TierRef {
        TierRef {
            id: self.criteria.ids.tiers[i].clone(),
            title: self.criteria.file().tiers[i].title.clone(),
            rank: i as u32 + 1,
        }
    }

    /// The range as the report shows it.
    fn estimate(&self) -> Estimate {
        let criteria = self.criteria;
        let r = &self.range;
        Estimate {
            secured: self.top.map(|i| self.tier_ref(i)),
            likely: r.likely.map(|i| self.tier_ref(i)),
            reachable: r.reachable.map(|i| self.tier_ref(i)),
            enough_answers: r.enough,
            coverage_needed: LIKELY_COVERAGE,
            domains_to_answer: r
                .thin_domains
                .iter()
                .map(|&(d, covered)| DomainCoverage {
                    id: criteria.ids.domains[d].clone(),
                    title: criteria.file().domains[d].title.clone(),
                    covered,
                })
                .collect(),
            questions_to_answer: r
                .pending
                .iter()
                .map(|&q| QuestionRef {
                    question: criteria.ids.questions[q].clone(),
                    title: criteria.questions()[q].title.clone(),
                })
                .collect(),
        }
    }

    fn facts(&self) -> Facts<'_> {
        Facts {
            score: self.score_pm,
            domain_scores: &self.domain_scores,
            completeness: self.completeness.per_mille,
            status: &self.st.status,
        }
    }

    fn report(mut self) -> Report {
        let criteria = self.criteria;
        let file = criteria.file();
        let n = self.st.status.len();
        let nd = self.domain_scores.len();
        let domains: Vec<DomainScore> = file
            .domains
            .iter()
            .enumerate()
            .map(|(d, dom)| DomainScore {
                id: criteria.ids.domains[d].clone(),
                title: dom.title.clone(),
                weight: dom.weight,
                earned: self.dom_earned[d],
                possible: self.dom_possible[d],
                per_mille: self.domain_scores[d],
                answered: self.dom_answered[d],
                applicable: self.dom_applicable[d],
            })
            .collect();
        let score = Score {
            earned: self.dom_earned.iter().sum(),
            possible: self.dom_possible.iter().sum(),
            per_mille: self.score_pm,
        };
        let tiers = file
            .tiers
            .iter()
            .zip(&self.tiers)
            .enumerate()
            .map(|(i, (tier, &(rule_holds, reached)))| TierStatus {
                id: criteria.ids.tiers[i].clone(),
                title: tier.title.clone(),
                rule_holds,
                reached,
            })
            .collect();
        let estimate = self.estimate();
        let facts = self.facts();
        let st = &self.st;
        let mentions = file
            .mentions
            .iter()
            .zip(&criteria.mentions)
            .enumerate()
            .map(|(k, (m, rule))| {
                let gaps = if rule_holds(rule, &facts, st) {
                    Vec::new()
                } else {
                    rule_gaps(criteria, rule, &facts, st)
                };
                MentionStatus {
                    id: criteria.ids.mentions[k].clone(),
                    title: m.title.clone(),
                    reached: gaps.is_empty(),
                    gaps,
                }
            })
            .collect();
        // What is missing is spelled out for the next tier only; the others only need to hold.
        let next_gaps: Vec<Gap> = self.next_index.map_or_else(Vec::new, |i| {
            let mut gaps = rule_gaps(criteria, &criteria.tiers[i], &facts, st);
            if criteria.tiers[i].previous_tier && i > 0 && !self.tiers[i - 1].1 {
                gaps.insert(
                    0,
                    Gap::PreviousTier {
                        tier: criteria.ids.tiers[i - 1].clone(),
                    },
                );
            }
            gaps
        });
        let mut steps = std::mem::take(&mut self.steps);
        crate::sort::sort_unstable(&mut steps);
        let next_tier = self.next_index.map(|i| {
            let plan = make_plan(
                criteria,
                &criteria.tiers[i],
                &next_gaps,
                &self.required_next,
                &steps,
                &self.earned,
                &self.dom_earned[..nd],
                &self.dom_possible[..nd],
                &criteria.weights,
                st,
                self.completeness.answered,
                self.completeness.applicable,
            );
            NextTier {
                tier: self.tier_ref(i),
                gaps: next_gaps,
                plan,
            }
        });

        let mut next_steps = NextSteps::with_capacity(criteria.table.clone(), steps.len());
        for &k in &steps {
            let q = step_question(k);
            next_steps.push(q, step_gain(k), self.blocking[q], st.status[q] == Status::Unanswered);
        }
        let mut criteria_results = CriterionList::with_capacity(criteria.table.clone(), n);
        for q in 0..n {
            criteria_results.push(q, st.status[q], self.earned[q], self.possible[q]);
        }

        Report {
            format: REPORT_FORMAT,
            engine: EngineInfo {
                name: criteria.ids.engine.clone(),
                version: criteria.ids.engine_version.clone(),
            },
            edition: EditionInfo {
                id: criteria.ids.edition.clone(),
                year: file.edition,
                version: criteria.ids.version.clone(),
                title: file.title.clone(),
            },
            // The report keeps the profile as understood; fields that could not be read stay in the
            // answers file and are listed in the diagnostics.
            profile: Profile {
                extra: serde_json::Map::new(),
                ..self.answers.profile.clone()
            },
            answers_updated_at: self.answers.updated_at.clone(),
            disclaimer: file.metadata.disclaimer.clone(),
            completeness: self.completeness,
            score,
            domains,
            tier: self.top.map(|i| self.tier_ref(i)),
            estimate,
            tiers,
            next_tier,
            next_steps,
            mentions,
            criteria: criteria_results,
            declared: crate::declared::declared(criteria, self.answers, &self.st.status),
            diagnostics: self.diags.list,
        }
    }

    fn summary(self) -> Summary<'a> {
        let criteria = self.criteria;
        let profile = &self.answers.profile;
        // The best step is the smallest key: no need to sort them all.
        let next_step = self.steps.iter().min().map(|&k| {
            let q = step_question(k);
            (&*criteria.ids.questions[q], &criteria.questions()[q].title)
        });
        Summary {
            name: &profile.name,
            kind: profile.kind,
            population: profile.population,
            edition: &criteria.ids.edition,
            tier: self.top.map(|i| &*criteria.ids.tiers[i]),
            likely: self.range.likely.map(|i| &*criteria.ids.tiers[i]),
            reachable: self.range.reachable.map(|i| &*criteria.ids.tiers[i]),
            score: self.score_pm,
            completeness: self.completeness.per_mille,
            domains: criteria
                .ids
                .domains
                .iter()
                .map(|d| &**d)
                .zip(self.domain_scores)
                .collect(),
            next_step,
        }
    }
}

/// The status of an answer worth `pts`.
fn status_of(plan: &QuestionPlan, pts: u32) -> Status {
    if pts >= plan.met_at && (plan.max == 0 || pts > 0) {
        Status::Met
    } else if pts > 0 {
        Status::Partial
    } else {
        Status::Unmet
    }
}

/// Every tier, lowest first: (its own rule holds, reached).
fn tier_ladder(criteria: &Criteria, facts: &Facts<'_>, st: &State<'_>) -> Vec<(bool, bool)> {
    let mut tiers = Vec::with_capacity(criteria.tiers.len());
    let mut below_reached = true;
    for (i, rule) in criteria.tiers.iter().enumerate() {
        let holds = rule_holds(rule, facts, st);
        let reached = holds && (!rule.previous_tier || i == 0 || below_reached);
        below_reached = reached;
        tiers.push((holds, reached));
    }
    tiers
}

/// The answer that fills an unanswered question: the one worth the most points, or the fewest.
/// Conditions on answers are monotone (checked at load), so the best answer also asks every
/// follow-up any answer would ask.
fn filled_answer(criteria: &Criteria, question: usize, plan: &QuestionPlan, fill: Fill) -> Eff {
    let best = fill == Fill::Best;
    match plan.kind {
        QuestionKind::YesNo => Eff::Bool((plan.yes >= plan.no) == best),
        QuestionKind::SingleChoice => {
            let options = criteria.options_of(plan).iter().enumerate();
            let pick = if best {
                options.max_by_key(|(_, o)| o.points)
            } else {
                options.min_by_key(|(_, o)| o.points)
            };
            pick.map_or(Eff::None, |(i, _)| Eff::Choice(i))
        }
        QuestionKind::MultipleChoice => {
            let mut mask = 0u64;
            if best {
                for (i, o) in criteria.options_of(plan).iter().enumerate() {
                    if !o.exclusive {
                        mask |= 1 << i;
                    }
                }
            }
            Eff::Multi(mask)
        }
        QuestionKind::Number | QuestionKind::Percentage => {
            let (min, max) = criteria.limits.get(question).copied().unwrap_or((0.0, None));
            let bands = &criteria.bands[plan.bands.start as usize..plan.bands.end as usize];
            let top = bands.last().map_or(min, |b| if b.min > min { b.min } else { min });
            Eff::Number(match (best, max) {
                (false, _) => min,
                (true, Some(m)) => m,
                (true, None) => top,
            })
        }
        QuestionKind::Text => Eff::Text,
        QuestionKind::List => {
            let bands = &criteria.bands[plan.bands.start as usize..plan.bands.end as usize];
            let top = bands.last().map_or(1.0, |b| b.min);
            let count = if !best || top < 1.0 {
                usize::from(best)
            } else if top > 10_000.0 {
                10_000
            } else {
                top.ceil() as usize
            };
            Eff::List(count)
        }
    }
}

/// The question of a ranked step's key.
fn step_question(key: u64) -> usize {
    (key & 0xffff_ffff) as usize
}

/// The gain of a ranked step's key (stored as `1023 - gain` in bits 32 to 41).
fn step_gain(key: u64) -> u32 {
    1023 - ((key >> 32) & 0x3ff) as u32
}

/// `a / b` out of 1000, rounded down; `None` when `b` is 0.
fn ratio(a: u32, b: u32) -> Option<u32> {
    (b > 0).then(|| (u64::from(a.min(b)) * 1000 / u64::from(b)) as u32)
}

/// Weighted mean of the domain scores, over the domains that have possible points.
fn overall(weights: &[u64], earned: &[u32], possible: &[u32]) -> u32 {
    let (num, den) = weighted_terms(weights, earned, possible);
    num.checked_div(den).map_or(0, |x| x as u32)
}

/// Numerator and denominator of the weighted mean: Σ weight × score and Σ weight.
fn weighted_terms(weights: &[u64], earned: &[u32], possible: &[u32]) -> (u64, u64) {
    let mut num = 0u64;
    let mut den = 0u64;
    for d in 0..weights.len() {
        if let Some(pm) = ratio(earned[d], possible[d]) {
            num += weights[d] * u64::from(pm);
            den += weights[d];
        }
    }
    (num, den)
}

/// Marks `q` blocking; when it is a follow-up not asked, the questions that would ask it too.
fn mark_blocking(criteria: &Criteria, q: usize, status: &[Status], blocking: &mut [bool], depth: usize) {
    blocking[q] = true;
    if status[q] == Status::NotAsked && depth < 16 {
        let mut parents = Vec::new();
        if let Some(c) = &criteria.plan(q).asked_if {
            c.questions(&mut parents);
        }
        for p in parents {
            if status[p] != Status::Met {
                mark_blocking(criteria, p, status, blocking, depth + 1);
            }
        }
    }
}

struct Facts<'a> {
    score: u32,
    /// Domain scores to test, in domain order.
    domain_scores: &'a [Option<u32>],
    completeness: u32,
    status: &'a [Status],
}

/// A clause of a rule that does not hold, borrowed: turning it into a [`Gap`] copies texts, which
/// only the rules whose gaps are shown need.
enum Miss {
    Score { have: u32, need: u32 },
    Domain { d: usize, have: u32, need: u32 },
    Completeness { have: u32, need: u32 },
    Required(usize),
    Unanswered(usize),
    Condition,
}

/// Visits the clauses of `rule` that do not hold, in rule order, until `visit` returns false.
fn rule_misses(rule: &CompiledRule, f: &Facts<'_>, st: &State<'_>, visit: &mut dyn FnMut(Miss) -> bool) {
    if let Some(need) = rule.min_score {
        if f.score < need && !visit(Miss::Score { have: f.score, need }) {
            return;
        }
    }
    for d in 0..f.domain_scores.len() {
        let mut need = rule.min_each_domain;
        for &(dd, min) in &rule.min_domain {
            if dd == d {
                need = Some(need.map_or(min, |n| n.max(min)));
            }
        }
        if let (Some(need), Some(have)) = (need, f.domain_scores[d]) {
            if have < need && !visit(Miss::Domain { d, have, need }) {
                return;
            }
        }
    }
    if let Some(need) = rule.min_completeness {
        if f.completeness < need
            && !visit(Miss::Completeness {
                have: f.completeness,
                need,
            })
        {
            return;
        }
    }
    for &q in &rule.required {
        let pass = matches!(f.status[q], Status::Met | Status::NotApplicable | Status::Excluded);
        if !pass && !visit(Miss::Required(q)) {
            return;
        }
    }
    for &q in &rule.answered {
        if f.status[q] == Status::Unanswered && !visit(Miss::Unanswered(q)) {
            return;
        }
    }
    if let Some(c) = &rule.condition {
        if c.eval(st) != Tri::True {
            visit(Miss::Condition);
        }
    }
}

fn rule_holds(rule: &CompiledRule, f: &Facts<'_>, st: &State<'_>) -> bool {
    let mut holds = true;
    rule_misses(rule, f, st, &mut |_| {
        holds = false;
        false
    });
    holds
}

fn rule_gaps(criteria: &Criteria, rule: &CompiledRule, f: &Facts<'_>, st: &State<'_>) -> Vec<Gap> {
    let questions = criteria.questions();
    let mut gaps = Vec::new();
    rule_misses(rule, f, st, &mut |m| {
        gaps.push(match m {
            Miss::Score { have, need } => Gap::MinScore {
                have,
                need,
                short: need - have,
            },
            Miss::Domain { d, have, need } => Gap::MinDomainScore {
                domain: criteria.ids.domains[d].clone(),
                title: criteria.file().domains[d].title.clone(),
                have,
                need,
                short: need - have,
            },
            Miss::Completeness { have, need } => Gap::MinCompleteness {
                have,
                need,
                short: need - have,
            },
            Miss::Required(q) => Gap::Required {
                question: criteria.ids.questions[q].clone(),
                title: questions[q].title.clone(),
            },
            Miss::Unanswered(q) => Gap::Unanswered {
                question: criteria.ids.questions[q].clone(),
                title: questions[q].title.clone(),
            },
            Miss::Condition => Gap::Condition,
        });
        true
    });
    gaps
}

#[allow(clippy::too_many_arguments)]
fn make_plan(
    criteria: &Criteria,
    rule: &CompiledRule,
    gaps: &[Gap],
    required: &[usize],
    steps: &[u64],
    earned: &[u32],
    dom_earned: &[u32],
    dom_possible: &[u32],
    weights: &[u64],
    st: &State<'_>,
    answered: u32,
    applicable: u32,
) -> Plan {
    let unclosable = gaps
        .iter()
        .any(|g| matches!(g, Gap::Condition | Gap::PreviousTier { .. }));
    let mut e = dom_earned.to_vec();
    let mut answered = answered;
    let mut pending: Vec<usize> = required.to_vec();
    let domain_need = |d: usize| -> Option<u32> {
        let mut need = rule.min_each_domain;
        for &(dd, min) in &rule.min_domain {
            if dd == d {
                need = Some(need.map_or(min, |n| n.max(min)));
            }
        }
        need
    };
    // Open gaps: overall score, domains (a bit per domain: at most 64, checked at load), completeness.
    let numeric_open = |e: &[u32], answered: u32| -> (bool, u64, bool) {
        let score_open = rule
            .min_score
            .is_some_and(|need| overall(weights, e, dom_possible) < need);
        let mut dom_open = 0u64;
        for d in 0..e.len() {
            if matches!((domain_need(d), ratio(e[d], dom_possible[d])), (Some(need), Some(have)) if have < need) {
                dom_open |= 1 << d;
            }
        }
        let compl_open = rule
            .min_completeness
            .is_some_and(|need| ratio(answered, applicable).unwrap_or(1000) < need);
        (score_open, dom_open, compl_open)
    };
    let mut chosen = Vec::new();
    let (mut score_open, mut dom_open, mut compl_open) = numeric_open(&e, answered);
    for &k in steps {
        let gain = step_gain(k);
        let q = step_question(k);
        let done = !score_open && !compl_open && dom_open == 0 && pending.is_empty();
        if done {
            break;
        }
        let plan = criteria.plan(q);
        let unanswered = st.status[q] == Status::Unanswered;
        let helps = pending.contains(&q)
            || (score_open && gain > 0)
            || (dom_open & (1 << plan.domain) != 0 && plan.max > earned[q])
            || (compl_open && unanswered);
        if !helps {
            continue;
        }
        e[plan.domain] += plan.max - earned[q];
        if unanswered {
            answered += 1;
        }
        pending.retain(|&p| p != q);
        chosen.push(criteria.ids.questions[q].clone());
        (score_open, dom_open, compl_open) = numeric_open(&e, answered);
    }
    let closed = !score_open && !compl_open && dom_open == 0 && pending.is_empty();
    Plan {
        steps: chosen,
        projected_score: overall(weights, &e, dom_possible),
        closes_all_gaps: closed && !unclosable,
    }
}

/// Why an answer's value cannot be used. Its message is written only when a report shows it:
/// a summary needs none.
enum BadValue<'v> {
    WrongType { fr: &'static str, en: &'static str },
    UnknownOption(&'v str),
    OutOfRange { x: f64, min: f64, max: Option<f64> },
}

impl BadValue<'_> {
    /// The diagnostic's cause, for the answer `v` to `q`.
    fn kind<'a>(&'a self, q: &'a crate::criteria::Question, v: &'a Value) -> DiagnosticKind<'a> {
        match *self {
            BadValue::WrongType { fr, en } => DiagnosticKind::WrongType {
                question: &q.id,
                expected_fr: fr,
                expected_en: en,
                found: v,
            },
            BadValue::UnknownOption(option) => DiagnosticKind::UnknownOption {
                question: &q.id,
                option,
                known: q.options.iter().map(|o| o.id.as_str()).collect(),
            },
            BadValue::OutOfRange { x, min, max } => DiagnosticKind::ValueOutOfRange {
                question: &q.id,
                value: x,
                min,
                max,
            },
        }
    }
}

#[inline(always)]
fn read_value<'v>(criteria: &Criteria, question: usize, q: &QuestionPlan, v: &'v Value) -> Result<Eff, BadValue<'v>> {
    let wrong = |fr, en| BadValue::WrongType { fr, en };
    match q.kind {
        QuestionKind::YesNo => v
            .as_bool()
            .map(Eff::Bool)
            .ok_or_else(|| wrong("true ou false", "true or false")),
        QuestionKind::SingleChoice => {
            let s = v
                .as_str()
                .ok_or_else(|| wrong("l'identifiant d'une option", "an option id"))?;
            criteria
                .option_of(q, s)
                .map(Eff::Choice)
                .ok_or(BadValue::UnknownOption(s))
        }
        QuestionKind::MultipleChoice => {
            let items = v
                .as_array()
                .ok_or_else(|| wrong("une liste d'identifiants d'options", "an array of option ids"))?;
            let mut mask = 0u64;
            for item in items {
                let s = item
                    .as_str()
                    .ok_or_else(|| wrong("une liste d'identifiants d'options", "an array of option ids"))?;
                mask |= 1 << criteria.option_of(q, s).ok_or(BadValue::UnknownOption(s))?;
            }
            Ok(Eff::Multi(mask))
        }
        QuestionKind::Number | QuestionKind::Percentage => {
            let x = v.as_f64().ok_or_else(|| wrong("un nombre", "a number"))?;
            let (min, max) = criteria.limits.get(question).copied().unwrap_or((0.0, None));
            if x < min || max.is_some_and(|m| x > m) {
                return Err(BadValue::OutOfRange { x, min, max });
            }
            Ok(Eff::Number(x))
        }
        QuestionKind::Text => {
            let s = v.as_str().ok_or_else(|| wrong("un texte", "a string"))?;
            Ok(if s.trim().is_empty() { Eff::None } else { Eff::Text })
        }
        QuestionKind::List => {
            let items = v
                .as_array()
                .ok_or_else(|| wrong("une liste de textes", "an array of strings"))?;
            let mut count = 0;
            for item in items {
                let s = item
                    .as_str()
                    .ok_or_else(|| wrong("une liste de textes", "an array of strings"))?;
                if !s.trim().is_empty() {
                    count += 1;
                }
            }
            Ok(Eff::List(count))
        }
    }
}

#[inline(always)]
fn points(criteria: &Criteria, q: &QuestionPlan, eff: Eff) -> u32 {
    match eff {
        Eff::None | Eff::Text => 0,
        Eff::Bool(b) => {
            if b {
                q.yes
            } else {
                q.no
            }
        }
        Eff::Choice(i) => criteria.options_of(q).get(i).map_or(0, |o| o.points),
        Eff::Multi(mask) => {
            let chosen = || {
                criteria
                    .options_of(q)
                    .iter()
                    .enumerate()
                    .filter(move |(i, _)| mask & (1 << i) != 0)
                    .map(|(_, o)| o)
            };
            let others: u32 = chosen().filter(|o| !o.exclusive).map(|o| o.points).sum();
            let has_others = chosen().any(|o| !o.exclusive);
            if has_others {
                q.cap.map_or(others, |cap| others.min(cap))
            } else {
                chosen().map(|o| o.points).max().unwrap_or(0)
            }
        }
        Eff::Number(x) => criteria.band_points(q, x),
        Eff::List(n) => criteria.band_points(q, n as f64),
    }
}

/// The best answer to every question, used to check that tiers are reachable.
pub(crate) fn best_answers(criteria: &Criteria, profile: Profile) -> Answers {
    let mut a = Answers::new(criteria.id(), profile);
    for q in criteria.questions() {
        let v = match q.kind {
            QuestionKind::YesNo => Value::Bool(q.points.is_none_or(|p| p.yes >= p.no)),
            QuestionKind::SingleChoice => {
                let best = q
                    .options
                    .iter()
                    .max_by_key(|o| o.points)
                    .map(|o| o.id.clone())
                    .unwrap_or_default();
                Value::String(best)
            }
            QuestionKind::MultipleChoice => {
                let others: Vec<Value> = q
                    .options
                    .iter()
                    .filter(|o| !o.exclusive)
                    .map(|o| Value::String(o.id.clone()))
                    .collect();
                Value::Array(others)
            }
            QuestionKind::Number => {
                let top = q.bands.last().map_or(0.0, |b| b.min);
                let top = q.max.map_or(top, |m| if top > m { m } else { top });
                serde_json::Number::from_f64(top).map_or(Value::Null, Value::Number)
            }
            QuestionKind::Percentage => Value::from(100),
            QuestionKind::Text => Value::String("…".into()),
            QuestionKind::List => {
                let top = q.bands.last().map_or(1.0, |b| b.min);
                let count = if top > 10_000.0 {
                    10_000
                } else if top < 1.0 {
                    1
                } else {
                    top.ceil() as usize
                };
                Value::Array((0..count).map(|i| Value::String(format!("item {i}"))).collect())
            }
        };
        a.answers.insert(q.id.clone(), Answer::value(v));
    }
    a
}

/// Every tier and mention must be reachable with the best answers, for some profile.
pub(crate) fn check_reachable(criteria: &Criteria, problems: &mut Vec<Problem>) {
    let profiles = [
        Profile::default(),
        Profile {
            kind: Some(Kind::Commune),
            population: Some(300),
            agents: Some(4),
            workstations: Some(5),
            ..Profile::default()
        },
        Profile {
            kind: Some(Kind::Commune),
            population: Some(20_000),
            agents: Some(400),
            workstations: Some(350),
            ..Profile::default()
        },
        Profile {
            kind: Some(Kind::Metropole),
            population: Some(500_000),
            agents: Some(8_000),
            workstations: Some(7_000),
            ..Profile::default()
        },
        Profile {
            kind: Some(Kind::Syndicat),
            population: Some(50_000),
            agents: Some(30),
            workstations: Some(40),
            ..Profile::default()
        },
    ];
    // The same best answers for every profile: only the profile changes.
    let mut best = best_answers(criteria, Profile::default());
    let reports: Vec<Report> = profiles
        .into_iter()
        .map(|p| {
            best.profile = p;
            evaluate(criteria, &best)
        })
        .collect();
    for (i, t) in criteria.file().tiers.iter().enumerate() {
        if !reports.iter().any(|r| r.tiers[i].reached) {
            let why = reports[0]
                .next_tier
                .as_ref()
                .map(|n| format!("{:?}", n.gaps))
                .unwrap_or_default();
            problems.push(
                Problem::new(
                    format!("/tiers/{i}/rule"),
                    format!(
                        "tier \"{}\" reachable when every question is answered at its best",
                        t.id
                    ),
                )
                .found(format!(
                    "unreachable for every test profile; with an unknown profile the gaps are {why}"
                ))
                .hint("lower a threshold or fix a reference in the rule"),
            );
        }
    }
    for (i, m) in criteria.file().mentions.iter().enumerate() {
        if !reports.iter().any(|r| r.mentions[i].reached) {
            problems.push(
                Problem::new(
                    format!("/mentions/{i}/rule"),
                    format!(
                        "mention \"{}\" reachable when every question is answered at its best",
                        m.id
                    ),
                )
                .found(format!("unreachable; gaps {:?}", reports[0].mentions[i].gaps))
                .hint("lower a threshold or fix a reference in the rule"),
            );
        }
    }
}
