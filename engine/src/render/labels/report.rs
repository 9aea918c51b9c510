//! Labels of the readiness report, the document a collectivité signs.

/// Labels of the readiness report.
pub struct ReportLabels {
    /// The document's title, before the collectivité's name.
    pub title: &'static str,
    /// Heading of page 1.
    pub summary: &'static str,
    /// Who the report is about.
    pub collectivite: &'static str,
    /// When the answers were last changed.
    pub answers_of: &'static str,
    /// The edition evaluated against.
    pub edition: &'static str,
    /// The tier secured with the unanswered questions at their worst.
    pub secured: &'static str,
    /// The likely tier.
    pub likely: &'static str,
    /// The tier still reachable.
    pub reachable: &'static str,
    /// No tier reached.
    pub no_tier: &'static str,
    /// Answered questions out of those asked.
    pub completeness: &'static str,
    /// "questions", after a count.
    pub questions: &'static str,
    /// Heading of the domain chart and table.
    pub domains: &'static str,
    /// Column: a domain.
    pub domain: &'static str,
    /// Column: a score.
    pub score: &'static str,
    /// Heading of the three steps of page 1.
    pub top_steps: &'static str,
    /// Heading of the dependency map's headline.
    pub dependency_map: &'static str,
    /// Functions whose software is all free.
    pub free_functions: &'static str,
    /// Seats on free software.
    pub free_seats: &'static str,
    /// Not given in the inventory.
    pub not_given: &'static str,
    /// Functions exposed to an extra-EU jurisdiction.
    pub extra_eu: &'static str,
    /// "function(s)", after a count.
    pub functions: &'static str,
    /// After a yearly amount.
    pub per_year: &'static str,
    /// Software cost over five years under a scenario, before its name.
    pub five_years: &'static str,
    /// Heading of the gaps to the next tier, before the tier's name.
    pub to_reach: &'static str,
    /// When the highest tier is reached.
    pub highest_reached: &'static str,
    /// The plan's line: steps, then the projected score.
    pub plan_steps: &'static str,
    /// The projected score once the plan is done.
    pub projected_score: &'static str,
    /// When the plan does not close every gap.
    pub plan_open: &'static str,
    /// Heading of the ranked steps.
    pub next_steps: &'static str,
    /// Heading of the steps after the first ten.
    pub more_steps: &'static str,
    /// No step left.
    pub none: &'static str,
    /// A step the next tier requires.
    pub required_next: &'static str,
    /// A step not answered yet.
    pub unanswered_step: &'static str,
    /// Heading of the mentions.
    pub mentions: &'static str,
    /// A mention obtained.
    pub mention_reached: &'static str,
    /// A mention not obtained.
    pub mention_missed: &'static str,
    /// Between the items of a list in a sentence.
    pub list_separator: &'static str,
    /// Heading of the problems found in the answers.
    pub problems: &'static str,
    /// Heading of the annex.
    pub annex: &'static str,
    /// What the annex is.
    pub annex_intro: &'static str,
    /// Column: the question.
    pub question: &'static str,
    /// Column: the answer.
    pub answer: &'static str,
    /// Column: evidence, comment or justification.
    pub justification: &'static str,
    /// A question declared not applicable.
    pub not_applicable: &'static str,
    /// A question not answered.
    pub unanswered: &'static str,
    /// Heading of the signature block.
    pub validation: &'static str,
    /// The signature block's lines, each followed by a blank to fill in.
    pub signature_lines: [&'static str; 4],
    /// Heading of the colophon.
    pub colophon: &'static str,
    /// The colophon's sentence, before the engine's name and version.
    pub made_by: &'static str,
    /// Between the engine and the edition.
    pub with_edition: &'static str,
    /// Before the criteria file's version.
    pub version: &'static str,
}

pub(super) const FR: ReportLabels = ReportLabels {
    title: "Auto-évaluation Territoire Numérique Libre",
    summary: "Synthèse",
    collectivite: "Collectivité",
    answers_of: "Réponses du",
    edition: "Édition",
    secured: "Niveau acquis",
    likely: "Niveau probable",
    reachable: "Niveau atteignable",
    no_tier: "aucun niveau",
    completeness: "Questions répondues",
    questions: "questions",
    domains: "Scores par domaine",
    domain: "Domaine",
    score: "Score",
    top_steps: "Les trois étapes qui comptent le plus",
    dependency_map: "Cartographie des dépendances logicielles",
    free_functions: "Fonctions entièrement sur du logiciel libre",
    free_seats: "Postes sur du logiciel libre",
    not_given: "non renseigné",
    extra_eu: "Exposition hors Union européenne",
    functions: "fonction(s)",
    per_year: "par an",
    five_years: "Coût des licences sur cinq ans",
    to_reach: "Pour atteindre le niveau",
    highest_reached: "Le niveau le plus haut est atteint.",
    plan_steps: "étape(s) suffiraient",
    projected_score: "score projeté",
    plan_open: "sans combler tous les écarts",
    next_steps: "Étapes, les plus utiles d'abord",
    more_steps: "Autres étapes",
    none: "Aucune.",
    required_next: "requis pour le niveau suivant",
    unanswered_step: "sans réponse",
    mentions: "Mentions spéciales",
    mention_reached: "obtenue",
    mention_missed: "non obtenue",
    list_separator: " ; ",
    problems: "Points à vérifier dans les réponses",
    annex: "Annexe : ce qui a été déclaré",
    annex_intro: "Chaque question qui s'applique à la collectivité, avec la réponse donnée, les éléments de preuve ou commentaires, et la justification de ce qui a été déclaré non applicable.",
    question: "Question",
    answer: "Réponse",
    justification: "Éléments de preuve, commentaire ou justification",
    not_applicable: "Non applicable",
    unanswered: "Sans réponse",
    validation: "Validation",
    signature_lines: ["Nom", "Fonction", "Date", "Signature"],
    colophon: "À propos de ce document",
    made_by: "Estimation calculée par",
    with_edition: "avec l'édition",
    version: "version",
};

pub(super) const EN: ReportLabels = ReportLabels {
    title: "Territoire Numérique Libre self-assessment",
    summary: "Summary",
    collectivite: "Collectivité",
    answers_of: "Answers of",
    edition: "Edition",
    secured: "Secured tier",
    likely: "Likely tier",
    reachable: "Reachable tier",
    no_tier: "no tier",
    completeness: "Questions answered",
    questions: "questions",
    domains: "Scores by domain",
    domain: "Domain",
    score: "Score",
    top_steps: "The three steps that matter most",
    dependency_map: "Software dependency map",
    free_functions: "Functions entirely on free software",
    free_seats: "Seats on free software",
    not_given: "not given",
    extra_eu: "Extra-EU exposure",
    functions: "function(s)",
    per_year: "a year",
    five_years: "Licence cost over five years",
    to_reach: "To reach the tier",
    highest_reached: "The highest tier is reached.",
    plan_steps: "step(s) would do",
    projected_score: "projected score",
    plan_open: "without closing every gap",
    next_steps: "Steps, most useful first",
    more_steps: "Other steps",
    none: "None.",
    required_next: "required for the next tier",
    unanswered_step: "unanswered",
    mentions: "Special mentions",
    mention_reached: "reached",
    mention_missed: "not reached",
    list_separator: "; ",
    problems: "Points to check in the answers",
    annex: "Annex: what was declared",
    annex_intro: "Every question that applies to the collectivité, with the answer given, the evidence or comments, and the justification of what was declared not applicable.",
    question: "Question",
    answer: "Answer",
    justification: "Evidence, comment or justification",
    not_applicable: "Not applicable",
    unanswered: "Unanswered",
    validation: "Validation",
    signature_lines: ["Name", "Role", "Date", "Signature"],
    colophon: "About this document",
    made_by: "Estimate computed by",
    with_edition: "with the edition",
    version: "version",
};
