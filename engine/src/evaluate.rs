//! Scoring: answers + criteria → report. Pure, total, integer arithmetic.

use crate::answers::{Answer, Answers, AnswersView};
use crate::condition::{EvalCtx, Tri};
use crate::criteria::{ClauseCondition, CompiledRule, Criteria, QuestionKind, QuestionPlan};
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
    /// A report's diagnostics start with those found reading the answers; a summary keeps none.
    fn new(answers: &Answers, full: bool) -> Diags {
        Diags {
            list: if full {
                answers.read_diagnostics.clone()
            } else {
                Vec::new()
            },
            on: full,
        }
    }

    fn push(&mut self, make: impl FnOnce() -> Diagnostic) {
        if self.on {
            self.list.push(make());
        }
    }
}

/// The answers read against their questions: each answer's reading, status and points.
struct Scored<'a> {
    st: State<'a>,
    /// Points earned, by question.
    earned: Vec<u32>,
    /// Points possible, by question: 0 where the question does not count.
    possible: Vec<u32>,
}

/// Sums per domain, in domain order.
struct DomainSums {
    earned: Vec<u32>,
    possible: Vec<u32>,
    answered: Vec<u32>,
    applicable: Vec<u32>,
}

/// The overall results the tiers are judged on.
struct Totals {
    score_pm: u32,
    completeness: Completeness,
    /// Each domain's score out of 1000, `None` for a domain without possible points.
    domain_scores: Vec<Option<u32>>,
}

impl Totals {
    /// What rules are tested against, with the questions' statuses.
    fn facts<'s>(&'s self, status: &'s [Status]) -> Facts<'s> {
        Facts {
            score: self.score_pm,
            domain_scores: &self.domain_scores,
            completeness: self.completeness.per_mille,
            status,
        }
    }
}

/// Where one tier stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct TierReach {
    /// Its own rule holds.
    holds: bool,
    /// Its rule holds and, when it asks for it, the tier below is reached.
    reached: bool,
}

/// Every tier's standing, lowest first, with the highest reached and the one to aim at next.
struct Ladder {
    tiers: Vec<TierReach>,
    top: Option<usize>,
    next: Option<usize>,
}

/// The next steps, unsorted, with what the next tier requires.
struct Ranking {
    /// The questions the next tier requires, by index.
    required_next: Vec<usize>,
    /// By question: required by the next tier, or asking a question it requires.
    blocking: Vec<bool>,
    /// Every step, unsorted.
    steps: Vec<StepKey>,
}

/// What a report and a summary are both made of: the answers read against their questions,
/// domain sums, totals, tiers, the unsorted next steps and the range.
struct Core<'a> {
    criteria: &'a Criteria,
    answers: &'a Answers,
    /// The answer given to each question, by question index.
    given: Vec<Option<&'a Answer>>,
    diags: Diags,
    scored: Scored<'a>,
    domains: DomainSums,
    totals: Totals,
    ladder: Ladder,
    ranking: Ranking,
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

/// A domain with too few answers for a likely tier.
struct ThinDomain {
    domain: usize,
    /// Share of its possible points answered, out of 1000.
    covered: u32,
}

/// The range of a report, by tier index (see [`Estimate`]).
struct Range {
    reachable: Option<usize>,
    likely: Option<usize>,
    enough: bool,
    /// Domains that apply with less than [`LIKELY_COVERAGE`] answered.
    thin_domains: Vec<ThinDomain>,
    /// Unanswered questions that decide the likely tier or the one above.
    pending: Vec<usize>,
}

impl Range {
    /// The range when nothing is left unanswered: the tier reached at every end.
    fn settled(top: Option<usize>) -> Range {
        Range {
            reachable: top,
            likely: top,
            enough: true,
            thin_domains: Vec::new(),
            pending: Vec::new(),
        }
    }
}

impl<'a> Core<'a> {
    /// `entries`: the answers by question id, in id order (equal ids in a row: the last wins).
    fn run(
        criteria: &'a Criteria,
        answers: &'a Answers,
        entries: impl Iterator<Item = (&'a str, &'a Answer)>,
        full: bool,
    ) -> Core<'a> {
        let mut diags = Diags::new(answers, full);
        check_edition(criteria, answers, &mut diags);
        let given = pair_answers(criteria, entries, &mut diags);
        let scored = score_answers(criteria, &answers.profile, &given, &mut diags);
        report_missing_profile(&scored.st, &mut diags);
        let domains = sum_domains(criteria, &scored);
        let totals = totals(criteria, &domains);
        let ladder = climb_tiers(criteria, &totals.facts(&scored.st.status), &scored.st);
        let ranking = rank_steps(criteria, &scored, &domains, &totals, &ladder);
        let mut core = Core {
            criteria,
            answers,
            given,
            diags,
            scored,
            domains,
            totals,
            ladder,
            ranking,
            range: Range::settled(None),
        };
        core.range = if core.scored.st.status.contains(&Status::Unanswered) {
            core.estimate_range(full)
        } else {
            Range::settled(core.ladder.top)
        };
        core
    }

    /// The range: one pass with the unanswered questions at their best, one at their worst, and
    /// whether the answers cover enough to give the worst as the likely tier. A summary (`full`
    /// false) skips the worst pass when a domain is short of answers: there is no likely tier
    /// then, and a summary shows nothing of the questions that would decide it.
    fn estimate_range(&self, full: bool) -> Range {
        let criteria = self.criteria;
        let best = self.filled(Fill::Best);
        let thin_domains = self.thin_domains(&best);
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

    /// The domains that apply with less than [`LIKELY_COVERAGE`] of their points answered, the
    /// questions `best` filled in being the ones not answered.
    fn thin_domains(&self, best: &Filled) -> Vec<ThinDomain> {
        let mut open = vec![0u32; self.domains.possible.len()];
        for (q, _) in best.filled.iter().enumerate().filter(|(_, &f)| f) {
            open[self.criteria.plan(q).domain] += self.scored.possible[q];
        }
        let possible = &self.domains.possible;
        (0..possible.len())
            .filter_map(|d| {
                let covered = ratio(possible[d] - open[d], possible[d])?;
                (covered < LIKELY_COVERAGE).then_some(ThinDomain { domain: d, covered })
            })
            .collect()
    }

    /// The tier reached with every unanswered question answered as `fill` says, in dependency
    /// order so that a follow-up revealed by a filled answer is filled too. One scoring pass over
    /// the questions; "not applicable" is never assumed.
    fn filled(&self, fill: Fill) -> Filled {
        let criteria = self.criteria;
        let base = &self.scored.st;
        let mut st = State {
            profile: base.profile,
            eff: base.eff.clone(),
            status: base.status.clone(),
            missing: Cell::new(0),
        };
        let mut filled = vec![false; st.status.len()];
        let mut dom_earned = self.domains.earned.clone();
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
        let possible = &self.domains.possible;
        let domain_scores: Vec<Option<u32>> = (0..possible.len()).map(|d| ratio(dom_earned[d], possible[d])).collect();
        let facts = Facts {
            score: overall(&criteria.weights, &dom_earned, possible),
            domain_scores: &domain_scores,
            // Every question asked is answered once filled in.
            completeness: 1000,
            status: &st.status,
        };
        let top = climb_tiers(criteria, &facts, &st).top;
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
            secured: self.ladder.top.map(|i| self.tier_ref(i)),
            likely: r.likely.map(|i| self.tier_ref(i)),
            reachable: r.reachable.map(|i| self.tier_ref(i)),
            enough_answers: r.enough,
            coverage_needed: LIKELY_COVERAGE,
            domains_to_answer: r
                .thin_domains
                .iter()
                .map(|thin| DomainCoverage {
                    id: criteria.ids.domains[thin.domain].clone(),
                    title: criteria.file().domains[thin.domain].title.clone(),
                    covered: thin.covered,
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
        self.totals.facts(&self.scored.st.status)
    }

    /// Each domain's sums and score as the report shows them.
    fn domain_scores(&self) -> Vec<DomainScore> {
        let criteria = self.criteria;
        let sums = &self.domains;
        criteria
            .file()
            .domains
            .iter()
            .enumerate()
            .map(|(d, dom)| DomainScore {
                id: criteria.ids.domains[d].clone(),
                title: dom.title.clone(),
                weight: dom.weight,
                earned: sums.earned[d],
                possible: sums.possible[d],
                per_mille: self.totals.domain_scores[d],
                answered: sums.answered[d],
                applicable: sums.applicable[d],
            })
            .collect()
    }

    /// Every tier's standing as the report shows it.
    fn tier_statuses(&self) -> Vec<TierStatus> {
        let criteria = self.criteria;
        criteria
            .file()
            .tiers
            .iter()
            .zip(&self.ladder.tiers)
            .enumerate()
            .map(|(i, (tier, reach))| TierStatus {
                id: criteria.ids.tiers[i].clone(),
                title: tier.title.clone(),
                rule_holds: reach.holds,
                reached: reach.reached,
            })
            .collect()
    }

    /// Every mention, reached or with the clauses that do not hold.
    fn mention_statuses(&self) -> Vec<MentionStatus> {
        let criteria = self.criteria;
        let facts = self.facts();
        let st = &self.scored.st;
        criteria
            .file()
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
            .collect()
    }

    /// The next tier, what it misses and the plan that closes it, from the ranked `steps`.
    /// What is missing is spelled out for the next tier only; the others only need to hold.
    fn next_tier(&self, steps: &[StepKey]) -> Option<NextTier> {
        let criteria = self.criteria;
        let i = self.ladder.next?;
        let mut gaps = rule_gaps(criteria, &criteria.tiers[i], &self.facts(), &self.scored.st);
        if criteria.tiers[i].previous_tier && i > 0 && !self.ladder.tiers[i - 1].reached {
            gaps.insert(
                0,
                Gap::PreviousTier {
                    tier: criteria.ids.tiers[i - 1].clone(),
                },
            );
        }
        let plan = self.plan(&criteria.tiers[i], &gaps, steps);
        Some(NextTier {
            tier: self.tier_ref(i),
            gaps,
            plan,
        })
    }

    /// The shortest run of the ranked `steps` that closes the gaps of `rule`, and the score it
    /// would give.
    fn plan(&self, rule: &CompiledRule, gaps: &[Gap], steps: &[StepKey]) -> Plan {
        let criteria = self.criteria;
        let status = &self.scored.st.status;
        let earned = &self.scored.earned;
        let unclosable = gaps
            .iter()
            .any(|g| matches!(g, Gap::Condition { .. } | Gap::PreviousTier { .. }));
        let mut projected = Projection {
            dom_earned: self.domains.earned.clone(),
            answered: self.totals.completeness.answered,
        };
        let mut pending: Vec<usize> = self.ranking.required_next.clone();
        let mut chosen = Vec::new();
        let mut open = self.open_gaps(rule, &projected);
        for &step in steps {
            if open.closed() && pending.is_empty() {
                break;
            }
            let gain = step.gain();
            let q = step.question();
            let plan = criteria.plan(q);
            let unanswered = status[q] == Status::Unanswered;
            let helps = pending.contains(&q)
                || (open.score && gain > 0)
                || (open.domains & (1 << plan.domain) != 0 && plan.max > earned[q])
                || (open.completeness && unanswered);
            if !helps {
                continue;
            }
            projected.dom_earned[plan.domain] += plan.max - earned[q];
            if unanswered {
                projected.answered += 1;
            }
            pending.retain(|&p| p != q);
            chosen.push(criteria.ids.questions[q].clone());
            open = self.open_gaps(rule, &projected);
        }
        Plan {
            steps: chosen,
            projected_score: overall(&criteria.weights, &projected.dom_earned, &self.domains.possible),
            closes_all_gaps: open.closed() && pending.is_empty() && !unclosable,
        }
    }

    /// The numeric clauses of `rule` still open once the steps of `projected` are taken.
    fn open_gaps(&self, rule: &CompiledRule, projected: &Projection) -> OpenGaps {
        let possible = &self.domains.possible;
        let e = &projected.dom_earned;
        let mut domains = 0u64;
        for d in 0..e.len() {
            if matches!((domain_need(rule, d), ratio(e[d], possible[d])), (Some(need), Some(have)) if have < need) {
                domains |= 1 << d;
            }
        }
        let applicable = self.totals.completeness.applicable;
        OpenGaps {
            score: rule
                .min_score
                .is_some_and(|need| overall(&self.criteria.weights, e, possible) < need),
            domains,
            completeness: rule
                .min_completeness
                .is_some_and(|need| ratio(projected.answered, applicable).unwrap_or(1000) < need),
        }
    }

    /// The ranked next steps as the report lists them.
    fn next_steps(&self, steps: &[StepKey]) -> NextSteps {
        let status = &self.scored.st.status;
        let mut next_steps = NextSteps::with_capacity(self.criteria.table.clone(), steps.len());
        for &step in steps {
            let q = step.question();
            next_steps.push(
                q,
                step.gain(),
                self.ranking.blocking[q],
                status[q] == Status::Unanswered,
            );
        }
        next_steps
    }

    /// Every question's status and points as the report lists them.
    fn criterion_results(&self) -> CriterionList {
        let scored = &self.scored;
        let n = scored.st.status.len();
        let mut results = CriterionList::with_capacity(self.criteria.table.clone(), n);
        for q in 0..n {
            results.push(q, scored.st.status[q], scored.earned[q], scored.possible[q]);
        }
        results
    }

    fn report(mut self) -> Report {
        let criteria = self.criteria;
        let file = criteria.file();
        let mut steps = std::mem::take(&mut self.ranking.steps);
        crate::sort::sort_unstable(&mut steps);
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
            completeness: self.totals.completeness,
            score: Score {
                earned: self.domains.earned.iter().sum(),
                possible: self.domains.possible.iter().sum(),
                per_mille: self.totals.score_pm,
            },
            domains: self.domain_scores(),
            tier: self.ladder.top.map(|i| self.tier_ref(i)),
            estimate: self.estimate(),
            tiers: self.tier_statuses(),
            next_tier: self.next_tier(&steps),
            next_steps: self.next_steps(&steps),
            mentions: self.mention_statuses(),
            criteria: self.criterion_results(),
            declared: crate::declared::declared(criteria, &self.given, &self.scored.st.status),
            diagnostics: self.diags.list,
        }
    }

    fn summary(self) -> Summary<'a> {
        let criteria = self.criteria;
        let profile = &self.answers.profile;
        // The best step is the smallest key: no need to sort them all.
        let next_step = self.ranking.steps.iter().min().map(|&step| {
            let q = step.question();
            (&*criteria.ids.questions[q], &criteria.questions()[q].title)
        });
        Summary {
            name: &profile.name,
            kind: profile.kind,
            population: profile.population,
            edition: &criteria.ids.edition,
            tier: self.ladder.top.map(|i| &*criteria.ids.tiers[i]),
            likely: self.range.likely.map(|i| &*criteria.ids.tiers[i]),
            reachable: self.range.reachable.map(|i| &*criteria.ids.tiers[i]),
            score: self.totals.score_pm,
            completeness: self.totals.completeness.per_mille,
            domains: criteria
                .ids
                .domains
                .iter()
                .map(|d| &**d)
                .zip(self.totals.domain_scores)
                .collect(),
            next_step,
        }
    }
}

/// The domain sums and the count of answers once a plan's steps are taken.
struct Projection {
    dom_earned: Vec<u32>,
    answered: u32,
}

/// The numeric clauses of a rule that do not hold yet.
struct OpenGaps {
    score: bool,
    /// A bit per domain short of its minimum (an edition has at most 64 domains, checked at load).
    domains: u64,
    completeness: bool,
}

impl OpenGaps {
    fn closed(&self) -> bool {
        !self.score && !self.completeness && self.domains == 0
    }
}

/// The minimum score `rule` asks of domain `d`: the highest of its per-domain clauses.
fn domain_need(rule: &CompiledRule, d: usize) -> Option<u32> {
    let mut need = rule.min_each_domain;
    for &(dd, min) in &rule.min_domain {
        if dd == d {
            need = Some(need.map_or(min, |n| n.max(min)));
        }
    }
    need
}

/// Notes answers written for another edition.
fn check_edition(criteria: &Criteria, answers: &Answers, diags: &mut Diags) {
    let file = criteria.file();
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
}

/// The answer given to each question, by question index; answers to unknown questions become
/// diagnostics. Both sides are sorted by id, so one merge pass does it.
fn pair_answers<'a>(
    criteria: &Criteria,
    entries: impl Iterator<Item = (&'a str, &'a Answer)>,
    diags: &mut Diags,
) -> Vec<Option<&'a Answer>> {
    let mut given: Vec<Option<&Answer>> = vec![None; criteria.questions().len()];
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
            None if answer.is_given() || answer.justification.is_some() => diags.push(|| {
                Diagnostic::new(
                    DiagnosticKind::UnknownQuestion {
                        question: id,
                        edition: &criteria.file().id,
                    },
                    &format!("/answers/{}", escape_pointer(id)),
                )
            }),
            None => {}
        }
    }
    given
}

/// Reads every answer against its question, in dependency order (a follow-up after what it
/// reads): whether the question applies and is asked, the answer's value, its points.
fn score_answers<'a>(
    criteria: &Criteria,
    profile: &'a Profile,
    given: &[Option<&Answer>],
    diags: &mut Diags,
) -> Scored<'a> {
    let n = given.len();
    let mut scored = Scored {
        st: State {
            profile,
            eff: vec![Eff::None; n],
            status: vec![Status::Unanswered; n],
            missing: Cell::new(0),
        },
        earned: vec![0; n],
        possible: vec![0; n],
    };
    for &q in &criteria.order {
        score_answer(criteria, q, given[q].filter(|a| a.is_given()), &mut scored, diags);
    }
    scored
}

/// Reads the answer to question `q`, if any, into `scored`.
fn score_answer(criteria: &Criteria, q: usize, answer: Option<&Answer>, scored: &mut Scored<'_>, diags: &mut Diags) {
    let question = &criteria.questions()[q];
    let plan = criteria.plan(q);
    let st = &mut scored.st;
    let pointer = || format!("/answers/{}", escape_pointer(&question.id));
    let applies = plan.applies_if.as_ref().is_none_or(|c| c.eval(st) != Tri::False);
    if !applies {
        st.status[q] = Status::Excluded;
        if answer.is_some_and(|a| !a.not_applicable) {
            diags.push(|| Diagnostic::new(DiagnosticKind::NotForProfile { question: &question.id }, &pointer()));
        }
        return;
    }
    let asked = plan.asked_if.as_ref().is_none_or(|c| c.eval(st) == Tri::True);
    scored.possible[q] = plan.max;
    if !asked {
        st.status[q] = Status::NotAsked;
        if answer.is_some() {
            diags.push(|| Diagnostic::new(DiagnosticKind::NotAsked { question: &question.id }, &pointer()));
        }
        return;
    }
    let Some(answer) = answer else { return };
    if answer.not_applicable {
        if plan.not_applicable_allowed {
            st.status[q] = Status::NotApplicable;
            scored.possible[q] = 0;
            if answer.justification.as_deref().is_none_or(|j| j.trim().is_empty()) {
                diags.push(|| {
                    Diagnostic::new(
                        DiagnosticKind::JustificationMissing { question: &question.id },
                        &format!("{}/justification", pointer()),
                    )
                });
            }
            return;
        }
        diags.push(|| {
            Diagnostic::new(
                DiagnosticKind::NotApplicableRefused { question: &question.id },
                &format!("{}/not_applicable", pointer()),
            )
        });
    }
    let Some(value) = answer.value.as_ref().filter(|v| !v.is_null()) else {
        return;
    };
    match read_value(criteria, q, plan, value) {
        Ok(Eff::None) => {}
        Ok(eff) => {
            st.eff[q] = eff;
            let pts = points(criteria, plan, eff);
            scored.earned[q] = pts;
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

/// Notes the profile fields a condition needed and did not find.
fn report_missing_profile(st: &State<'_>, diags: &mut Diags) {
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
}

/// Points and answers summed per domain.
fn sum_domains(criteria: &Criteria, scored: &Scored<'_>) -> DomainSums {
    let nd = criteria.file().domains.len();
    let mut sums = DomainSums {
        earned: vec![0; nd],
        possible: vec![0; nd],
        answered: vec![0; nd],
        applicable: vec![0; nd],
    };
    for (q, &status) in scored.st.status.iter().enumerate() {
        let d = criteria.plan(q).domain;
        sums.earned[d] += scored.earned[q];
        sums.possible[d] += scored.possible[q];
        match status {
            Status::Excluded | Status::NotAsked => {}
            // A follow-up counts once answered: revealing one by a better answer to its parent
            // must not lower completeness (and with it a tier).
            Status::Unanswered if criteria.plan(q).asked_if.is_some() => {}
            Status::Unanswered => sums.applicable[d] += 1,
            _ => {
                sums.applicable[d] += 1;
                sums.answered[d] += 1;
            }
        }
    }
    sums
}

/// The overall score, the completeness and each domain's score.
fn totals(criteria: &Criteria, sums: &DomainSums) -> Totals {
    let answered: u32 = sums.answered.iter().sum();
    let applicable: u32 = sums.applicable.iter().sum();
    Totals {
        score_pm: overall(&criteria.weights, &sums.earned, &sums.possible),
        completeness: Completeness {
            answered,
            applicable,
            per_mille: ratio(answered, applicable).unwrap_or(1000),
        },
        domain_scores: sums
            .earned
            .iter()
            .zip(&sums.possible)
            .map(|(&earned, &possible)| ratio(earned, possible))
            .collect(),
    }
}

/// Every tier's standing, lowest first, the highest reached and the next to aim at.
fn climb_tiers(criteria: &Criteria, facts: &Facts<'_>, st: &State<'_>) -> Ladder {
    let mut tiers = Vec::with_capacity(criteria.tiers.len());
    let mut below_reached = true;
    for (i, rule) in criteria.tiers.iter().enumerate() {
        let holds = rule_holds(rule, facts, st);
        let reached = holds && (!rule.previous_tier || i == 0 || below_reached);
        below_reached = reached;
        tiers.push(TierReach { holds, reached });
    }
    let top = tiers.iter().rposition(|t| t.reached);
    let next = match top {
        Some(i) if i + 1 < tiers.len() => Some(i + 1),
        Some(_) => None,
        None => Some(0),
    };
    Ladder { tiers, top, next }
}

/// The next steps: every criterion that is asked and not met, ranked by gain per effort, with
/// what the next tier requires first.
fn rank_steps(
    criteria: &Criteria,
    scored: &Scored<'_>,
    sums: &DomainSums,
    totals: &Totals,
    ladder: &Ladder,
) -> Ranking {
    let status = &scored.st.status;
    let mut required_next = Vec::new();
    if let Some(i) = ladder.next {
        rule_misses(&criteria.tiers[i], &totals.facts(status), &scored.st, &mut |m| {
            if let Miss::Required(q) | Miss::Unanswered(q) = m {
                required_next.push(q);
            }
            true
        });
    }
    let mut blocking = vec![false; status.len()];
    for &q in &required_next {
        mark_blocking(criteria, q, status, &mut blocking, 0);
    }
    let weights: &[u64] = &criteria.weights;
    let (weighted_sum, weight_total) = weighted_terms(weights, &sums.earned, &sums.possible);
    let mut steps = Vec::new();
    for (q, &s) in status.iter().enumerate() {
        if !matches!(s, Status::Unanswered | Status::Unmet | Status::Partial) {
            continue;
        }
        let plan = criteria.plan(q);
        let gain = if plan.max > scored.earned[q] {
            let d = plan.domain;
            let raised = sums.earned[d] + plan.max - scored.earned[q];
            // Only domain d changes: swap its term in the weighted sum instead of recomputing.
            let old_pm = ratio(sums.earned[d], sums.possible[d]).unwrap_or(0);
            let new_pm = ratio(raised, sums.possible[d]).unwrap_or(0);
            let num = weighted_sum - weights[d] * u64::from(old_pm) + weights[d] * u64::from(new_pm);
            ((num / weight_total.max(1)) as u32).saturating_sub(totals.score_pm)
        } else {
            0
        };
        if gain > 0 || blocking[q] || s == Status::Unanswered {
            steps.push(StepKey::new(q, gain, blocking[q], criteria.plan(q).cost));
        }
    }
    Ranking {
        required_next,
        blocking,
        steps,
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

/// A next step as it ranks: steps sort by this key, smallest first, which puts what the next
/// tier requires first, then the highest gain per effort, then the highest gain, then the
/// questionnaire's order.
///
/// The four fields are packed in one integer (bit 63: not required; bits 44 to 55:
/// 4095 − gain per effort; bits 32 to 41: 1023 − gain; bits 0 to 31: the question), so that a
/// sort compares one `u64`. The same four fields as a struct with a derived order cost 5 % more
/// instructions per evaluation of a complete form and 8 % of a half-answered one
/// (tests/bench/evaluate_instructions.sh); the tests check that both order every step alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct StepKey(u64);

impl StepKey {
    /// The key of `question`, worth `gain` (≤ 1000) for an effort of `cost` (1, 2 or 4: every cost
    /// divides 4, so gain × 4 / cost ≤ 4000 is exact), `blocking` when the next tier requires it.
    fn new(question: usize, gain: u32, blocking: bool, cost: u8) -> StepKey {
        let gain = gain.min(1000);
        let per_effort = u64::from(gain) * 4 / u64::from(cost.max(1));
        StepKey(
            (u64::from(!blocking) << 63)
                | ((4095 - per_effort) << 44)
                | (u64::from(1023 - gain) << 32)
                | (question as u64 & 0xffff_ffff),
        )
    }

    fn question(self) -> usize {
        (self.0 & 0xffff_ffff) as usize
    }

    fn gain(self) -> u32 {
        1023 - ((self.0 >> 32) & 0x3ff) as u32
    }
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
enum Miss<'r> {
    Score { have: u32, need: u32 },
    Domain { d: usize, have: u32, need: u32 },
    Completeness { have: u32, need: u32 },
    Required(usize),
    Unanswered(usize),
    Condition(&'r ClauseCondition),
}

/// Visits the clauses of `rule` that do not hold, in rule order, until `visit` returns false.
fn rule_misses<'r>(rule: &'r CompiledRule, f: &Facts<'_>, st: &State<'_>, visit: &mut dyn FnMut(Miss<'r>) -> bool) {
    if let Some(need) = rule.min_score {
        if f.score < need && !visit(Miss::Score { have: f.score, need }) {
            return;
        }
    }
    for d in 0..f.domain_scores.len() {
        if let (Some(need), Some(have)) = (domain_need(rule, d), f.domain_scores[d]) {
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
    for c in &rule.conditions {
        if c.condition.eval(st) != Tri::True && !visit(Miss::Condition(c)) {
            return;
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
            Miss::Condition(c) => Gap::Condition { title: c.title.clone() },
        });
        true
    });
    gaps
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

#[cfg(test)]
mod tests {
    use super::StepKey;
    use proptest::prelude::*;
    use std::cmp::Reverse;

    /// The ranking as a struct whose derived order is the rule [`StepKey`] packs.
    #[derive(PartialEq, Eq, PartialOrd, Ord, Debug)]
    struct StepRank {
        optional: bool,
        per_effort: Reverse<u32>,
        gain: Reverse<u32>,
        question: u32,
    }

    /// What a step's key is made of.
    #[derive(Clone, Copy, Debug)]
    struct Step {
        question: u32,
        gain: u32,
        blocking: bool,
        cost: u8,
    }

    impl Step {
        fn packed(self) -> StepKey {
            StepKey::new(self.question as usize, self.gain, self.blocking, self.cost)
        }

        fn rank(self) -> StepRank {
            StepRank {
                optional: !self.blocking,
                per_effort: Reverse(self.gain * 4 / u32::from(self.cost)),
                gain: Reverse(self.gain),
                question: self.question,
            }
        }

        /// The packed key orders `self` and `other` as the struct does.
        fn orders_as_twin(self, other: Step) -> bool {
            self.packed().cmp(&other.packed()) == self.rank().cmp(&other.rank())
        }
    }

    fn step() -> impl Strategy<Value = Step> {
        (
            any::<u32>(),
            0..=1000u32,
            any::<bool>(),
            prop::sample::select(vec![1u8, 2, 4]),
        )
            .prop_map(|(question, gain, blocking, cost)| Step {
                question,
                gain,
                blocking,
                cost,
            })
    }

    proptest! {
        #[test]
        fn the_packed_step_key_orders_as_its_derived_ord_twin(a in step(), b in step()) {
            prop_assert!(a.orders_as_twin(b), "{:?} {:?}", a, b);
            prop_assert_eq!(a.packed().question(), a.question as usize);
            prop_assert_eq!(a.packed().gain(), a.gain);
        }
    }

    #[test]
    fn the_packed_step_key_orders_its_extremes_as_its_twin() {
        let step = |question, gain, blocking, cost| Step {
            question,
            gain,
            blocking,
            cost,
        };
        let edges = [
            step(0, 0, false, 4),
            step(0, 1000, true, 1),
            step(u32::MAX, 1000, false, 1),
            step(u32::MAX, 0, true, 4),
            step(1, 1, false, 2),
            step(1, 2, false, 4),
        ];
        for a in edges {
            for b in edges {
                assert!(a.orders_as_twin(b), "{a:?} {b:?}");
                assert_eq!(a.packed().question(), a.question as usize);
            }
        }
    }
}
