//! The labels several documents share: the estimate's words, the collectivité, tiers and scores.

/// Labels shared by several documents.
pub struct Common {
    /// The fixed warning above every rendered report: an estimate, not the jury's decision.
    pub estimate_notice: &'static str,
    /// The name of the collectivité's row or field.
    pub collectivite: &'static str,
    /// The name shown for a collectivité without one.
    pub unnamed: &'static str,
    /// An edition of the label.
    pub edition: &'static str,
    /// A domain of the label.
    pub domain: &'static str,
    /// The tier.
    pub tier: &'static str,
    /// The overall score.
    pub overall_score: &'static str,
    /// The share of the points answered.
    pub completeness: &'static str,
    /// The tier secured by the answers given.
    pub secured_tier: &'static str,
    /// The likely tier, once the answers are enough to estimate.
    pub likely_estimate: &'static str,
    /// The highest tier the remaining answers can still reach.
    pub reachable_tier: &'static str,
    /// No tier, as a value beside other tiers.
    pub no_tier: &'static str,
    /// No tier, as the tier a collectivité reached.
    pub no_tier_reached: &'static str,
    /// A value that does not apply (a domain that does not concern the collectivité).
    pub does_not_apply: &'static str,
    /// The title of the chart of the scores per domain.
    pub domain_chart: &'static str,
    /// An empty list.
    pub none: &'static str,
    /// The heading of a spreadsheet's notice, and of a notice row.
    pub notice: &'static str,
    /// The diagnostics (problems found in a file).
    pub diagnostics: &'static str,
    /// The column of a diagnostic's severity.
    pub severity: &'static str,
    /// The column of a diagnostic's place in its file.
    pub location: &'static str,
    /// Yes.
    pub yes: &'static str,
    /// No.
    pub no: &'static str,
    /// The efforts of a next step: a quick win, a project, long term.
    pub quick_win: &'static str,
    /// See [`Common::quick_win`].
    pub project: &'static str,
    /// See [`Common::quick_win`].
    pub long_term: &'static str,
    /// The severities of a diagnostic: an error, a warning, an information.
    pub error: &'static str,
    /// See [`Common::error`].
    pub warning: &'static str,
    /// See [`Common::error`].
    pub info: &'static str,
    /// The units of a profile's figures, after the number: inhabitants, agents, workstations.
    pub inhabitants: &'static str,
    /// See [`Common::inhabitants`].
    pub staff: &'static str,
    /// See [`Common::inhabitants`].
    pub workstations: &'static str,
    /// A gap that is a condition of a tier's rule not holding.
    pub condition_unmet: &'static str,
    /// Page numbers of the printed documents: "Page", then the number, this word, and the count
    /// (« Page 2 sur 5 »).
    pub page_of: (&'static str, &'static str),
}

pub(super) const FR: Common = Common {
    estimate_notice: "Ceci est une estimation, pas la décision du jury du label.",
    collectivite: "Collectivité",
    unnamed: "Collectivité sans nom",
    edition: "Édition",
    domain: "Domaine",
    tier: "Niveau",
    overall_score: "Score global",
    completeness: "Complétude",
    secured_tier: "Niveau acquis",
    likely_estimate: "Estimation probable",
    reachable_tier: "Niveau atteignable",
    no_tier: "aucun niveau",
    no_tier_reached: "aucun niveau atteint",
    does_not_apply: "ne s'applique pas",
    domain_chart: "Score par domaine, sur 100 %",
    none: "Aucun.",
    notice: "Avertissement",
    diagnostics: "Diagnostics",
    severity: "Gravité",
    location: "Emplacement",
    yes: "oui",
    no: "non",
    quick_win: "action rapide",
    project: "projet",
    long_term: "long terme",
    error: "erreur",
    warning: "avertissement",
    info: "information",
    inhabitants: "habitants",
    staff: "agents",
    workstations: "postes de travail",
    condition_unmet: "une condition de la règle n'est pas remplie",
    page_of: ("Page", "sur"),
};

pub(super) const EN: Common = Common {
    estimate_notice: "This is an estimate, not the decision of the label's jury.",
    collectivite: "Collectivité",
    unnamed: "Unnamed collectivité",
    edition: "Edition",
    domain: "Domain",
    tier: "Tier",
    overall_score: "Overall score",
    completeness: "Completeness",
    secured_tier: "Secured tier",
    likely_estimate: "Likely estimate",
    reachable_tier: "Reachable tier",
    no_tier: "no tier",
    no_tier_reached: "no tier reached",
    does_not_apply: "does not apply",
    domain_chart: "Score per domain, out of 100%",
    none: "None.",
    notice: "Notice",
    diagnostics: "Diagnostics",
    severity: "Severity",
    location: "Location",
    yes: "yes",
    no: "no",
    quick_win: "quick win",
    project: "project",
    long_term: "long term",
    error: "error",
    warning: "warning",
    info: "info",
    inhabitants: "inhabitants",
    staff: "staff",
    workstations: "workstations",
    condition_unmet: "a condition of the rule does not hold",
    page_of: ("Page", "of"),
};
