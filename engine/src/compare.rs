//! Year-over-year progress between two reports.

use crate::report::{Report, Status};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// The only comparison format version.
pub const COMPARISON_FORMAT: u32 = 1;

/// Progress from an older report to a newer one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Format version.
    pub format: u32,
    /// The older evaluation.
    pub old: Side,
    /// The newer evaluation.
    pub new: Side,
    /// Both reports use the same tier ladder, so ranks compare.
    pub same_tier_scheme: bool,
    /// Change of tier rank (new − old) when the ladders are the same.
    pub tier_change: Option<i32>,
    /// Change of the overall score, out of 1000.
    pub score_delta: i32,
    /// Change of completeness, out of 1000.
    pub completeness_delta: i32,
    /// Per-domain changes, in the newer report's order, then domains only the older one has.
    pub domains: Vec<DomainDelta>,
    /// Criteria met in the newer report and not in the older one.
    pub newly_met: Vec<CriterionRef>,
    /// Criteria met in the older report and no longer in the newer one.
    pub newly_lost: Vec<CriterionRef>,
    /// Criteria whose points changed without crossing "met".
    pub changed: Vec<CriterionDelta>,
    /// Number of question ids present in both reports.
    pub shared_criteria: u32,
    /// Question ids only in the older report.
    pub only_old: Vec<String>,
    /// Question ids only in the newer report.
    pub only_new: Vec<String>,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// Edition id.
    pub edition: String,
    /// Edition year.
    pub year: u32,
    /// Name of the collectivité.
    pub name: String,
    /// Tier id reached, if any.
    pub tier: Option<String>,
    /// Tier name.
    pub tier_title: Option<Text>,
    /// Tier rank, 1 for the lowest.
    pub tier_rank: Option<u32>,
    /// Overall score out of 1000.
    pub score: u32,
    /// Completeness out of 1000.
    pub completeness: u32,
}

/// Change in one domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainDelta {
    /// Domain id.
    pub id: String,
    /// Domain name (newer edition's, when both have it).
    pub title: Text,
    /// Older score.
    pub old: Option<u32>,
    /// Newer score.
    pub new: Option<u32>,
    /// new − old when both exist.
    pub delta: Option<i32>,
}

/// A criterion, named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionRef {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// The question (newer edition's text when both have it).
    pub title: Text,
}

/// A criterion whose points changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionDelta {
    /// Question id.
    pub id: String,
    /// The question.
    pub title: Text,
    /// Older points.
    pub old: u32,
    /// Newer points.
    pub new: u32,
}

fn side(r: &Report) -> Side {
    Side {
        edition: r.edition.id.to_string(),
        year: r.edition.year,
        name: r.profile.name.clone(),
        tier: r.tier.as_ref().map(|t| t.id.to_string()),
        tier_title: r.tier.as_ref().map(|t| t.title.clone()),
        tier_rank: r.tier.as_ref().map(|t| t.rank),
        score: r.score.per_mille,
        completeness: r.completeness.per_mille,
    }
}

fn is_met(s: Status) -> bool {
    s == Status::Met
}

/// Compares an older report with a newer one. Criteria are matched by question id, so two
/// editions compare on the questions they share.
pub fn compare(old: &Report, new: &Report) -> Comparison {
    let same_tier_scheme = old.tiers.len() == new.tiers.len() && old.tiers.iter().zip(&new.tiers).all(|(a, b)| a.id == b.id);
    let rank = |r: &Report| r.tier.as_ref().map_or(0, |t| t.rank as i32);
    let tier_change = same_tier_scheme.then(|| rank(new) - rank(old));

    let mut domains = Vec::new();
    for d in &new.domains {
        let o = old.domains.iter().find(|x| x.id == d.id);
        let old_pm = o.and_then(|o| o.per_mille);
        domains.push(DomainDelta {
            id: d.id.to_string(),
            title: d.title.clone(),
            old: old_pm,
            new: d.per_mille,
            delta: match (old_pm, d.per_mille) {
                (Some(a), Some(b)) => Some(b as i32 - a as i32),
                _ => None,
            },
        });
    }
    for d in &old.domains {
        if !new.domains.iter().any(|x| x.id == d.id) {
            domains.push(DomainDelta { id: d.id.to_string(), title: d.title.clone(), old: d.per_mille, new: None, delta: None });
        }
    }

    // Index the older criteria by id once; both lists are small, but a consultant compares forty.
    let mut old_sorted: Vec<crate::report::CriterionResult<'_>> = old.criteria.iter().collect();
    crate::sort::sort_by(&mut old_sorted, |a, b| a.id.cmp(b.id));
    let find_old = |id: &str| old_sorted.binary_search_by(|c| c.id.cmp(id)).ok().map(|i| old_sorted[i]);

    let mut newly_met = Vec::new();
    let mut newly_lost = Vec::new();
    let mut changed = Vec::new();
    let mut shared = 0;
    let mut only_new = Vec::new();
    for c in &new.criteria {
        let Some(o) = find_old(c.id) else {
            only_new.push(c.id.to_owned());
            continue;
        };
        shared += 1;
        let cref = || CriterionRef { id: c.id.to_owned(), domain: c.domain.to_owned(), title: c.title.clone() };
        match (is_met(o.status), is_met(c.status)) {
            (false, true) => newly_met.push(cref()),
            (true, false) => newly_lost.push(cref()),
            _ if o.earned != c.earned => changed.push(CriterionDelta { id: c.id.to_owned(), title: c.title.clone(), old: o.earned, new: c.earned }),
            _ => {}
        }
    }
    let mut new_ids: Vec<&str> = new.criteria.iter().map(|c| c.id).collect();
    crate::sort::sort_unstable(&mut new_ids);
    let only_old = old.criteria.iter().filter(|c| new_ids.binary_search(&c.id).is_err()).map(|c| c.id.to_owned()).collect();

    Comparison {
        format: COMPARISON_FORMAT,
        old: side(old),
        new: side(new),
        same_tier_scheme,
        tier_change,
        score_delta: new.score.per_mille as i32 - old.score.per_mille as i32,
        completeness_delta: new.completeness.per_mille as i32 - old.completeness.per_mille as i32,
        domains,
        newly_met,
        newly_lost,
        changed,
        shared_criteria: shared,
        only_old,
        only_new,
    }
}
