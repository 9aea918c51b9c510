//! Year-over-year progress between two reports.

use crate::criteria::parse_json;
use crate::error::{Error, FileKind, Problem};
use crate::report::{Report, Status, REPORT_FORMAT};
use crate::text::Text;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

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

fn side(b: &Baseline) -> Side {
    Side {
        edition: b.edition.clone(),
        year: b.year,
        name: b.name.clone(),
        tier: b.tier.as_ref().map(|t| t.id.clone()),
        tier_title: b.tier.as_ref().map(|t| t.title.clone()),
        tier_rank: b.tier.as_ref().map(|t| t.rank),
        score: b.score,
        completeness: b.completeness,
    }
}

fn is_met(s: Status) -> bool {
    s == Status::Met
}

/// Compares an older report with a newer one. Criteria are matched by question id, so two
/// editions compare on the questions they share.
pub fn compare(old: &Report, new: &Report) -> Comparison {
    compare_baselines(&Baseline::of(old), &Baseline::of(new))
}

/// [`compare`] on what the two reports' comparison reads, as a host keeps last year's report
/// (read with [`Baseline::from_json`], without the report's full reader).
pub fn compare_baselines(old: &Baseline, new: &Baseline) -> Comparison {
    let same_tier_scheme = old.tiers == new.tiers;
    let rank = |b: &Baseline| b.tier.as_ref().map_or(0, |t| t.rank as i32);
    let tier_change = same_tier_scheme.then(|| rank(new) - rank(old));

    let mut domains = Vec::new();
    for d in &new.domains {
        let o = old.domains.iter().find(|x| x.id == d.id);
        let old_pm = o.and_then(|o| o.per_mille);
        domains.push(DomainDelta {
            id: d.id.clone(),
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
            domains.push(DomainDelta {
                id: d.id.clone(),
                title: d.title.clone(),
                old: d.per_mille,
                new: None,
                delta: None,
            });
        }
    }

    // Index the older criteria by id once; both lists are small, but a consultant compares forty.
    let mut old_sorted: Vec<&BaselineCriterion> = old.criteria.iter().collect();
    crate::sort::sort_by(&mut old_sorted, |a, b| a.id.cmp(&b.id));
    let find_old = |id: &str| {
        old_sorted
            .binary_search_by(|c| c.id.as_str().cmp(id))
            .ok()
            .map(|i| old_sorted[i])
    };

    let mut newly_met = Vec::new();
    let mut newly_lost = Vec::new();
    let mut changed = Vec::new();
    let mut shared = 0;
    let mut only_new = Vec::new();
    for c in &new.criteria {
        let Some(o) = find_old(&c.id) else {
            only_new.push(c.id.clone());
            continue;
        };
        shared += 1;
        let cref = || CriterionRef {
            id: c.id.clone(),
            domain: c.domain.clone(),
            title: c.title.clone(),
        };
        match (is_met(o.status), is_met(c.status)) {
            (false, true) => newly_met.push(cref()),
            (true, false) => newly_lost.push(cref()),
            _ if o.earned != c.earned => changed.push(CriterionDelta {
                id: c.id.clone(),
                title: c.title.clone(),
                old: o.earned,
                new: c.earned,
            }),
            _ => {}
        }
    }
    let mut new_ids: Vec<&str> = new.criteria.iter().map(|c| c.id.as_str()).collect();
    crate::sort::sort_unstable(&mut new_ids);
    let only_old = old
        .criteria
        .iter()
        .filter(|c| new_ids.binary_search(&c.id.as_str()).is_err())
        .map(|c| c.id.clone())
        .collect();

    Comparison {
        format: COMPARISON_FORMAT,
        old: side(old),
        new: side(new),
        same_tier_scheme,
        tier_change,
        score_delta: new.score as i32 - old.score as i32,
        completeness_delta: new.completeness as i32 - old.completeness as i32,
        domains,
        newly_met,
        newly_lost,
        changed,
        shared_criteria: shared,
        only_old,
        only_new,
    }
}

/// What a comparison reads of one report: the edition, the collectivité's name, the tier ladder
/// and the tier reached, the overall and per-domain scores, and each question's status and points.
///
/// A host that keeps last year's report (the browser app) reads and stores only this, with a
/// reader written for it: the report's full reader is a large part of the WebAssembly, and nothing
/// else of an old report is shown. [`Baseline::to_json_value`] writes it back as a report document
/// holding these fields only, which [`Baseline::from_json`] reads like a whole report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baseline {
    /// Edition id.
    pub edition: String,
    /// Edition year.
    pub year: u32,
    /// Name of the collectivité.
    pub name: String,
    /// The tier reached, if any.
    pub tier: Option<BaselineTier>,
    /// The ids of the edition's tiers, lowest first.
    pub tiers: Vec<String>,
    /// Overall score out of 1000.
    pub score: u32,
    /// Completeness out of 1000.
    pub completeness: u32,
    /// Domain scores, in the edition's order.
    pub domains: Vec<BaselineDomain>,
    /// Every question, in the edition's order.
    pub criteria: Vec<BaselineCriterion>,
}

/// The tier a [`Baseline`] reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineTier {
    /// Tier id.
    pub id: String,
    /// Tier name.
    pub title: Text,
    /// Rank, 1 for the lowest.
    pub rank: u32,
}

/// One domain of a [`Baseline`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineDomain {
    /// Domain id.
    pub id: String,
    /// Domain name.
    pub title: Text,
    /// Score out of 1000; `None` when nothing in it applies.
    pub per_mille: Option<u32>,
}

/// One question of a [`Baseline`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineCriterion {
    /// Question id.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// The question.
    pub title: Text,
    /// Status.
    pub status: Status,
    /// Points earned.
    pub earned: u32,
}

impl Baseline {
    /// What a comparison reads of `report`.
    pub fn of(report: &Report) -> Baseline {
        Baseline {
            edition: report.edition.id.to_string(),
            year: report.edition.year,
            name: report.profile.name.clone(),
            tier: report.tier.as_ref().map(|t| BaselineTier {
                id: t.id.to_string(),
                title: t.title.clone(),
                rank: t.rank,
            }),
            tiers: report.tiers.iter().map(|t| t.id.to_string()).collect(),
            score: report.score.per_mille,
            completeness: report.completeness.per_mille,
            domains: report
                .domains
                .iter()
                .map(|d| BaselineDomain {
                    id: d.id.to_string(),
                    title: d.title.clone(),
                    per_mille: d.per_mille,
                })
                .collect(),
            criteria: report
                .criteria
                .iter()
                .map(|c| BaselineCriterion {
                    id: c.id.to_owned(),
                    domain: c.domain.to_owned(),
                    title: c.title.clone(),
                    status: c.status,
                    earned: c.earned,
                })
                .collect(),
        }
    }

    /// Reads these fields of a report file (a whole report, or what [`Baseline::to_json_value`]
    /// wrote); other fields are not read. A report of a newer format is refused, as by
    /// [`Report::from_json`].
    pub fn from_json(text: &str, file: &str) -> Result<Baseline, Error> {
        Baseline::from_json_value(&parse_json(text, file, FileKind::Report)?, file)
    }

    /// [`Baseline::from_json`] of a document already parsed.
    pub fn from_json_value(value: &Value, file: &str) -> Result<Baseline, Error> {
        Baseline::read(value).map_err(|p| Error::one(file, FileKind::Report, p))
    }

    fn read(v: &Value) -> Result<Baseline, Problem> {
        let root = Obj::of(v, String::new())?;
        if root.o.contains_key("format") {
            let f = root.uint("format")?;
            if f > REPORT_FORMAT {
                return Err(crate::report::newer_format(u64::from(f)));
            }
        }
        let edition = root.object("edition")?;
        let tier = match root.get("tier")? {
            Value::Null => None,
            _ => {
                let t = root.object("tier")?;
                Some(BaselineTier {
                    id: t.string("id")?,
                    title: t.text("title")?,
                    rank: t.uint("rank")?,
                })
            }
        };
        Ok(Baseline {
            edition: edition.string("id")?,
            year: edition.uint("year")?,
            name: root.object("profile")?.opt("name", Obj::string)?.unwrap_or_default(),
            tier,
            tiers: root
                .items("tiers")?
                .iter()
                .map(|t| t.string("id"))
                .collect::<Result<_, _>>()?,
            score: root.object("score")?.uint("per_mille")?,
            completeness: root.object("completeness")?.uint("per_mille")?,
            domains: root
                .items("domains")?
                .iter()
                .map(|d| {
                    Ok(BaselineDomain {
                        id: d.string("id")?,
                        title: d.text("title")?,
                        per_mille: d.opt("per_mille", Obj::uint)?,
                    })
                })
                .collect::<Result<_, Problem>>()?,
            criteria: root
                .items("criteria")?
                .iter()
                .map(|c| {
                    Ok(BaselineCriterion {
                        id: c.string("id")?,
                        domain: c.string("domain")?,
                        title: c.text("title")?,
                        status: c.status("status")?,
                        earned: c.uint("earned")?,
                    })
                })
                .collect::<Result<_, Problem>>()?,
        })
    }

    /// These fields as a report document (the report format's names and nesting), which
    /// [`Baseline::from_json`] reads back to the same baseline.
    pub fn to_json_value(&self) -> Value {
        let text = |t: &Text| json!({ "fr": &*t.fr, "en": &*t.en });
        json!({
            "format": REPORT_FORMAT,
            "edition": { "id": self.edition, "year": self.year },
            "profile": { "name": self.name },
            "completeness": { "per_mille": self.completeness },
            "score": { "per_mille": self.score },
            "domains": self.domains.iter().map(|d| json!({ "id": d.id, "title": text(&d.title), "per_mille": d.per_mille })).collect::<Vec<_>>(),
            "tiers": self.tiers.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
            "tier": self.tier.as_ref().map(|t| json!({ "id": t.id, "title": text(&t.title), "rank": t.rank })),
            "criteria": self
                .criteria
                .iter()
                .map(|c| json!({ "id": c.id, "domain": c.domain, "title": text(&c.title), "status": c.status.code(), "earned": c.earned }))
                .collect::<Vec<_>>(),
        })
    }
}

/// An object of a report and its JSON pointer; the pointer of a field is written only when the
/// field is at fault.
struct Obj<'v> {
    o: &'v Map<String, Value>,
    at: String,
}

impl<'v> Obj<'v> {
    fn of(v: &'v Value, at: String) -> Result<Obj<'v>, Problem> {
        match v.as_object() {
            Some(o) => Ok(Obj { o, at }),
            None => Err(Problem::bi(at, "un objet", "an object").found_value(v)),
        }
    }

    fn at(&self, key: &str) -> String {
        format!("{}/{key}", self.at)
    }

    fn get(&self, key: &str) -> Result<&'v Value, Problem> {
        self.o.get(key).ok_or_else(|| {
            Problem::bi(
                self.at(key),
                format!("le champ `{key}` d'un rapport"),
                format!("the field `{key}` of a report"),
            )
            .found_bi("rien", "nothing")
        })
    }

    fn object(&self, key: &str) -> Result<Obj<'v>, Problem> {
        Obj::of(self.get(key)?, self.at(key))
    }

    fn items(&self, key: &str) -> Result<Vec<Obj<'v>>, Problem> {
        match self.get(key)? {
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, x)| Obj::of(x, format!("{}/{i}", self.at(key))))
                .collect(),
            other => Err(Problem::bi(self.at(key), "un tableau", "an array").found_value(other)),
        }
    }

    fn string(&self, key: &str) -> Result<String, Problem> {
        let v = self.get(key)?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| Problem::bi(self.at(key), "une chaîne", "a string").found_value(v))
    }

    fn uint(&self, key: &str) -> Result<u32, Problem> {
        let v = self.get(key)?;
        v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| {
            Problem::bi(
                self.at(key),
                "un nombre entier de 0 à 4294967295",
                "a whole number from 0 to 4294967295",
            )
            .found_value(v)
        })
    }

    fn text(&self, key: &str) -> Result<Text, Problem> {
        let t = self.object(key)?;
        Ok(Text::new(t.string("fr")?, t.string("en")?))
    }

    fn status(&self, key: &str) -> Result<Status, Problem> {
        let v = self.get(key)?;
        v.as_str().and_then(Status::from_code).ok_or_else(|| {
            let codes: Vec<String> = Status::ALL.iter().map(|s| format!("\"{}\"", s.code())).collect();
            Problem::bi(
                self.at(key),
                format!("l'une des valeurs {}", codes.join(", ")),
                format!("one of {}", codes.join(", ")),
            )
            .found_value(v)
        })
    }

    /// A field that may be absent or null.
    fn opt<T>(&self, key: &str, read: fn(&Self, &str) -> Result<T, Problem>) -> Result<Option<T>, Problem> {
        match self.o.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => read(self, key).map(Some),
        }
    }
}
