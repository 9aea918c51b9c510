//! Calibration against public outcomes, measured as a rate.
//!
//! Each answers file under `tests/calibration/` is built only from public facts (`FACTS.md`), with
//! the source of every answer in its justification and the rest unanswered; `expected.json` gives
//! the real outcome of each case: `{"file", "edition", "outcome", "mentions", "year", "why"}`
//! (`outcome` a tier id, or null when the public record gives only mentions; other keys are
//! ignored). Public answers files are partial by nature, so the model is judged on its range:
//!
//! - the real outcome must lie within [secured, reachable] for every case;
//! - a likely tier, when the answers are enough to give one, must be within one tier of it;
//! - how often the likely tier is given and exact, the largest distance, and how often the model
//!   grants the mentions a case lists are rates, printed and written to `docs/calibration.md`.
//!
//! `docs/calibration.md` is generated from the same run; regenerate it with
//! `UPDATE_GENERATED=1 cargo test -p tnl-tests --test calibration`.

use serde_json::Value;
use tnl_engine::report::TierRef;
use tnl_engine::{evaluate, Answers, Criteria, Report, Severity};
use tnl_tests::*;

/// One row of `expected.json`.
struct Case {
    file: String,
    edition: String,
    outcome: Option<String>,
    mentions: Vec<String>,
    year: Option<u64>,
    why: String,
}

impl Case {
    fn read(v: &Value) -> Case {
        let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
        Case {
            file: text("file").expect("every case names its answers file"),
            edition: text("edition").expect("every case names its edition"),
            outcome: text("outcome"),
            mentions: v
                .get("mentions")
                .and_then(Value::as_array)
                .map(|m| m.iter().filter_map(Value::as_str).map(str::to_owned).collect())
                .unwrap_or_default(),
            year: v.get("year").and_then(Value::as_u64),
            why: text("why").unwrap_or_default(),
        }
    }
}

/// What the model says of one case.
struct Scored {
    case: Case,
    report: Report,
    /// Rank of the real outcome (1 for the lowest tier), when the case has one.
    outcome_rank: Option<u32>,
    /// The mentions the case lists, with whether the model grants them as the form stands.
    mentions: Vec<(String, bool)>,
    /// Every source the answers cite, in order of first citation.
    sources: Vec<String>,
}

fn rank(t: &Option<TierRef>) -> u32 {
    t.as_ref().map_or(0, |t| t.rank)
}

fn tier_id(t: &Option<TierRef>) -> String {
    t.as_ref().map_or_else(|| "—".to_owned(), |t| t.id.to_string())
}

impl Scored {
    fn in_range(&self) -> Option<bool> {
        let e = &self.report.estimate;
        self.outcome_rank
            .map(|o| rank(&e.secured) <= o && o <= rank(&e.reachable))
    }

    /// Distance in tiers between the likely tier and the real outcome, when both exist.
    fn likely_distance(&self) -> Option<u32> {
        let e = &self.report.estimate;
        let o = self.outcome_rank?;
        e.enough_answers.then(|| rank(&e.likely).abs_diff(o))
    }

    /// The case's row of the table: case, edition, outcome, secured, likely, reachable, in range,
    /// mentions granted.
    fn row(&self) -> [String; 8] {
        let e = &self.report.estimate;
        let likely = if e.enough_answers {
            tier_id(&e.likely)
        } else {
            "(not enough)".to_owned()
        };
        let mentions = self
            .mentions
            .iter()
            .map(|(m, granted)| format!("{m}: {}", if *granted { "granted" } else { "not granted" }))
            .collect::<Vec<_>>()
            .join(", ");
        [
            self.case.file.trim_end_matches(".answers.json").to_owned(),
            self.case.edition.clone(),
            self.case.outcome.clone().unwrap_or_else(|| "—".to_owned()),
            tier_id(&e.secured),
            likely,
            tier_id(&e.reachable),
            match self.in_range() {
                Some(true) => "yes".to_owned(),
                Some(false) => "**NO**".to_owned(),
                None => "—".to_owned(),
            },
            mentions,
        ]
    }
}

/// The sources an answers file cites: what follows the last « — » of each justification, split
/// at « ; » (in id order of the questions, each source once).
fn sources_of(answers: &Answers) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in answers.answers.values() {
        let Some(j) = &a.justification else { continue };
        let Some((_, cited)) = j.rsplit_once(" — ") else {
            continue;
        };
        for s in split_outside_brackets(cited).into_iter().filter(|s| !s.is_empty()) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// `text` split at « ; » outside parentheses: a source may carry a remark in brackets.
fn split_outside_brackets(text: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0u32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 && text[i + 1..].starts_with(' ') => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().unwrap().push(c);
    }
    parts.iter().map(|p| p.trim().to_owned()).collect()
}

/// Lower-case words without accents, for matching a case's file name with a heading of FACTS.md.
fn words(s: &str) -> Vec<String> {
    let folded: String = s
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c if c.is_alphanumeric() => c.to_ascii_lowercase(),
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().map(str::to_owned).collect()
}

/// The heading of the FACTS.md section about a case: the first whose words hold every word of
/// the file name (its year left out).
fn facts_section<'a>(facts: &'a str, file: &str) -> Option<&'a str> {
    let stem = file.trim_end_matches(".answers.json");
    let wanted: Vec<String> = words(stem)
        .into_iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    facts.lines().filter_map(|l| l.strip_prefix("## ")).find(|h| {
        let have = words(h);
        wanted.iter().all(|w| have.contains(w))
    })
}

fn score(case: Case, failures: &mut Vec<String>) -> Scored {
    let path = format!("criteria/{}.json", case.edition);
    let c = Criteria::from_json(&read(&path), &path).unwrap_or_else(|e| panic!("{}: {e}", case.file));
    let a = Answers::from_json(&read(&format!("tests/calibration/{}", case.file)), &case.file)
        .unwrap_or_else(|e| panic!("{e}"));
    if a.edition != case.edition {
        failures.push(format!(
            "{}: answers for {}, case says {}",
            case.file, a.edition, case.edition
        ));
    }
    let report = evaluate(&c, &a);
    for d in report.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
        failures.push(format!("{}: answer refused: {}", case.file, d.message.fr));
    }
    let outcome_rank = case.outcome.as_ref().and_then(|o| {
        let found = c.file().tiers.iter().position(|t| t.id == *o).map(|i| i as u32 + 1);
        if found.is_none() {
            failures.push(format!("{}: no tier {o} in {}", case.file, case.edition));
        }
        found
    });
    let mentions = case
        .mentions
        .iter()
        .map(|m| {
            let granted = report.mentions.iter().find(|s| *s.id == **m).map(|s| s.reached);
            if granted.is_none() {
                failures.push(format!("{}: no mention {m} in {}", case.file, case.edition));
            }
            (m.clone(), granted.unwrap_or(false))
        })
        .collect();
    let sources = sources_of(&a);
    Scored {
        case,
        report,
        outcome_rank,
        mentions,
        sources,
    }
}

/// The rates over every case.
struct Rates {
    with_outcome: usize,
    in_range: usize,
    likely_given: usize,
    likely_exact: usize,
    largest_distance: Option<u32>,
    mentions_listed: usize,
    mentions_granted: usize,
}

impl Rates {
    fn of(scored: &[Scored]) -> Rates {
        let distances: Vec<u32> = scored.iter().filter_map(Scored::likely_distance).collect();
        Rates {
            with_outcome: scored.iter().filter(|s| s.outcome_rank.is_some()).count(),
            in_range: scored.iter().filter(|s| s.in_range() == Some(true)).count(),
            likely_given: distances.len(),
            likely_exact: distances.iter().filter(|&&d| d == 0).count(),
            largest_distance: distances.iter().copied().max(),
            mentions_listed: scored.iter().map(|s| s.mentions.len()).sum(),
            mentions_granted: scored.iter().flat_map(|s| &s.mentions).filter(|(_, g)| *g).count(),
        }
    }

    fn lines(&self) -> Vec<String> {
        let share = |a: usize, b: usize| {
            (a * 100)
                .checked_div(b)
                .map_or_else(|| "—".to_owned(), |pct| format!("{a} of {b} ({pct} %)"))
        };
        vec![
            format!(
                "- outcome within [secured, reachable]: {}",
                share(self.in_range, self.with_outcome)
            ),
            format!("- likely tier given: {}", share(self.likely_given, self.with_outcome)),
            format!(
                "- likely tier exact, where given: {}",
                share(self.likely_exact, self.likely_given)
            ),
            format!(
                "- largest distance between the likely tier and the outcome: {}",
                self.largest_distance
                    .map_or_else(|| "— (no likely tier given)".to_owned(), |d| format!("{d} tier(s)"))
            ),
            format!(
                "- mentions listed that the model grants as the form stands: {}",
                share(self.mentions_granted, self.mentions_listed)
            ),
        ]
    }
}

/// The columns of the table, as [`Scored::row`] fills them.
const HEADER: [&str; 8] = [
    "case",
    "edition",
    "outcome",
    "secured",
    "likely",
    "reachable",
    "in range",
    "mentions",
];

/// A Markdown table row, pipes in cells escaped.
fn md_row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| c.as_ref().replace('|', "\\|")).collect();
    format!("| {} |", cells.join(" | "))
}

/// The real level-1-to-5 cases counted by outcome, beside the yearly distributions the label
/// published (FACTS.md): what the table can say about the model depends on which levels the
/// public record reaches.
fn against_the_distributions(scored: &[Scored], facts: &str) -> Vec<String> {
    let mut by_level = [0usize; 5];
    for s in scored.iter().filter(|s| s.case.edition == "tnl-2024") {
        if let Some(r) = s.outcome_rank.filter(|r| (1..=5).contains(r)) {
            by_level[r as usize - 1] += 1;
        }
    }
    let total: usize = by_level.iter().sum();
    let counts: Vec<String> = by_level
        .iter()
        .enumerate()
        .map(|(i, n)| format!("level {}: {n}", i + 1))
        .collect();
    let mut o = vec![
        String::new(),
        "## The cases against the yearly distributions".to_owned(),
        String::new(),
        format!(
            "The {total} cases of levels 1 to 5 here, by their real outcome: {}.",
            counts.join(", ")
        ),
        "Compare them with the label's published distributions below (from `tests/calibration/FACTS.md`):".to_owned(),
        "the table says of each level only as much as it has cases of it, and nothing of a level it lacks.".to_owned(),
        String::new(),
    ];
    let section = facts
        .split("### Yearly distributions")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or("");
    o.extend(
        section
            .lines()
            .skip(1)
            .map(str::trim_end)
            .skip_while(|l| l.is_empty())
            .map(str::to_owned),
    );
    while o.last().is_some_and(String::is_empty) {
        o.pop();
    }
    o
}

/// docs/calibration.md: the rates, the table, and every case with its range and sources.
fn document(scored: &[Scored], rates: &Rates, facts: &str) -> String {
    let mut o = vec![
        "# Calibration: the model against public outcomes".to_owned(),
        String::new(),
        "Generated by `tests/tests/calibration.rs` from `tests/calibration/expected.json` and the answers files beside it;"
            .to_owned(),
        "regenerate with `UPDATE_GENERATED=1 cargo test -p tnl-tests --test calibration` (a test fails when"
            .to_owned(),
        "this page is not current). Each answers file holds only public facts, each answer citing its source;"
            .to_owned(),
        "the rest is unanswered, so the model is judged on its range (docs/scoring.md, section 10):".to_owned(),
        "**secured** (unanswered questions at their worst, as the form stands), **reachable** (at their best),"
            .to_owned(),
        "and **likely**, given only when the answers are enough. The test fails when an outcome lies outside"
            .to_owned(),
        "its range or a likely tier is more than one tier away. Editions not shipped (2016–2023) are stood in"
            .to_owned(),
        "for by tnl-2024, which has the same five levels. Fictitious cases say so in their `why`.".to_owned(),
        String::new(),
        "## Rates".to_owned(),
        String::new(),
    ];
    o.extend(rates.lines());
    o.extend([String::new(), "## Cases".to_owned(), String::new()]);
    o.push(md_row(&HEADER));
    o.push("|---|---|---|---|---|---|---|---|".to_owned());
    o.extend(scored.iter().map(|s| md_row(&s.row())));
    o.extend(against_the_distributions(scored, facts));
    o.extend([String::new(), "## Each case and its sources".to_owned()]);
    for s in scored {
        let e = &s.report.estimate;
        o.push(String::new());
        o.push(format!("### {}", s.case.file));
        o.push(String::new());
        o.push(format!(
            "- edition {}{}; outcome {}{}",
            s.case.edition,
            s.case.year.map_or(String::new(), |y| format!(", year {y}")),
            s.case.outcome.as_deref().unwrap_or("none public"),
            if s.case.mentions.is_empty() {
                String::new()
            } else {
                format!(", mentions {}", s.case.mentions.join(", "))
            }
        ));
        o.push(format!(
            "- answered {} of {} questions; range [{}, {}]; likely {}",
            s.report.completeness.answered,
            s.report.completeness.applicable,
            tier_id(&e.secured),
            tier_id(&e.reachable),
            if e.enough_answers {
                tier_id(&e.likely)
            } else {
                let thin: Vec<String> = e
                    .domains_to_answer
                    .iter()
                    .map(|d| format!("{} {} ‰", d.id, d.covered))
                    .collect();
                format!(
                    "not given (domains answered below {} ‰: {})",
                    e.coverage_needed,
                    thin.join(", ")
                )
            }
        ));
        if !s.case.why.is_empty() {
            o.push(format!("- why: {}", s.case.why));
        }
        if let Some(h) = facts_section(facts, &s.case.file) {
            o.push(format!("- facts: `tests/calibration/FACTS.md`, section « {h} »"));
        }
        if s.sources.is_empty() {
            o.push("- sources: none cited in the answers".to_owned());
        } else {
            o.push("- sources cited in the answers:".to_owned());
            o.extend(s.sources.iter().map(|src| format!("  - {src}")));
        }
    }
    o.push(String::new());
    o.join("\n")
}

#[test]
fn public_outcomes_lie_within_the_range_and_likely_is_never_two_tiers_off() {
    let expected: Vec<Value> = serde_json::from_str(&read("tests/calibration/expected.json")).unwrap();
    assert!(expected.len() >= 10, "calibration cases missing");
    let mut failures = Vec::new();
    let scored: Vec<Scored> = expected.iter().map(|v| score(Case::read(v), &mut failures)).collect();
    for s in &scored {
        let e = &s.report.estimate;
        if s.in_range() == Some(false) {
            failures.push(format!(
                "{}: outcome {} outside its range [{}, {}]",
                s.case.file,
                s.case.outcome.as_deref().unwrap_or("—"),
                tier_id(&e.secured),
                tier_id(&e.reachable)
            ));
        }
        if s.likely_distance().is_some_and(|d| d > 1) {
            failures.push(format!(
                "{}: likely {} more than one tier from the outcome {}",
                s.case.file,
                tier_id(&e.likely),
                s.case.outcome.as_deref().unwrap_or("—")
            ));
        }
    }
    let rates = Rates::of(&scored);
    let table: Vec<String> = std::iter::once(md_row(&HEADER))
        .chain(scored.iter().map(|s| md_row(&s.row())))
        .chain(rates.lines())
        .collect();
    println!("{}", table.join("\n"));
    // The page is written before the verdict, so that a failing run can be read in full.
    let doc = document(&scored, &rates, &read("tests/calibration/FACTS.md"));
    let current = check_generated("docs/calibration.md", &doc, "calibration");
    assert!(failures.is_empty(), "{}\n\n{}", failures.join("\n"), table.join("\n"));
    if let Err(e) = current {
        panic!("{e}");
    }
}
