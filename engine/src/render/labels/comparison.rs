//! The labels of the year-over-year comparison (every format, and the app's comparison screen).

/// The comparison's headings, column names and words.
pub struct ComparisonLabels {
    /// The document's title, before the collectivité's name.
    pub title: &'static str,
    /// The notice under the title: two estimates are compared, not two decisions.
    pub notice: &'static str,
    /// The column of the older report.
    pub before: &'static str,
    /// The column of the newer report.
    pub after: &'static str,
    /// The column of the change.
    pub change: &'static str,
    /// The list of criteria met now and not before.
    pub newly_met: &'static str,
    /// The list of criteria met before and not now.
    pub newly_lost: &'static str,
    /// The list of criteria whose points changed otherwise.
    pub other_changes: &'static str,
    /// How many questions the two reports share.
    pub shared_questions: &'static str,
    /// How many questions only the older report has.
    pub only_before: &'static str,
    /// How many questions only the newer report has.
    pub only_after: &'static str,
    /// The tier change when there is none.
    pub unchanged: &'static str,
    /// The unit of a change of one tier.
    pub tier_unit: &'static str,
    /// The unit of a change of several tiers.
    pub tiers_unit: &'static str,
    /// Why there is no tier change: the two editions have different ladders.
    pub not_comparable: &'static str,
    /// The spreadsheet's row of one criterion newly met.
    pub criterion_newly_met: &'static str,
    /// The spreadsheet's row of one criterion no longer met.
    pub criterion_newly_lost: &'static str,
    /// The spreadsheet's row of one criterion whose points changed.
    pub criterion_points: &'static str,
    /// The spreadsheet's first column: which part of the comparison a row belongs to.
    pub section: &'static str,
    /// The spreadsheet's column of ids.
    pub id: &'static str,
    /// The spreadsheet's column of names.
    pub label: &'static str,
}

pub(super) const FR: ComparisonLabels = ComparisonLabels {
    title: "Progression",
    notice: "Comparaison de deux estimations, pas des décisions du jury du label.",
    before: "Avant",
    after: "Après",
    change: "Évolution",
    newly_met: "Critères nouvellement atteints",
    newly_lost: "Critères qui ne sont plus atteints",
    other_changes: "Autres évolutions de points",
    shared_questions: "Questions communes",
    only_before: "seulement avant",
    only_after: "seulement après",
    unchanged: "inchangé",
    tier_unit: "niveau",
    tiers_unit: "niveaux",
    not_comparable: "non comparable (barèmes différents)",
    criterion_newly_met: "Critère nouvellement atteint",
    criterion_newly_lost: "Critère qui n'est plus atteint",
    criterion_points: "Points du critère",
    section: "Rubrique",
    id: "Identifiant",
    label: "Libellé",
};

pub(super) const EN: ComparisonLabels = ComparisonLabels {
    title: "Progress",
    notice: "Comparison of two estimates, not of the label jury's decisions.",
    before: "Before",
    after: "After",
    change: "Change",
    newly_met: "Criteria newly met",
    newly_lost: "Criteria no longer met",
    other_changes: "Other changes of points",
    shared_questions: "Shared questions",
    only_before: "only before",
    only_after: "only after",
    unchanged: "unchanged",
    tier_unit: "tier",
    tiers_unit: "tiers",
    not_comparable: "not comparable (different tier ladders)",
    criterion_newly_met: "Criterion newly met",
    criterion_newly_lost: "Criterion no longer met",
    criterion_points: "Points of the criterion",
    section: "Section",
    id: "Id",
    label: "Label",
};
