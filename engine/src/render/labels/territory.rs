//! The labels of the territory's documents: the printable page, the spreadsheet's columns, and the
//! app's territory table where it shows the same thing.

/// The territory's headings, column names and words.
pub struct TerritoryLabels {
    /// The page's and the spreadsheet's title.
    pub title: &'static str,
    /// The line above a territory table: these are estimates.
    pub notice: &'static str,
    /// The spreadsheet's sheet of the table.
    pub sheet: &'static str,
    /// The spreadsheet's sheet of the notice.
    pub read_me: &'static str,
    /// The units of the spreadsheet's figures.
    pub units: &'static str,
    /// The heading of the count of collectivités per tier.
    pub secured_tiers: &'static str,
    /// The collectivités: a heading and a column.
    pub collectivites: &'static str,
    /// The column of the free share of the inventory's functions.
    pub free_functions: &'static str,
    /// The likely estimate when the answers are not enough.
    pub not_enough_answers: &'static str,
    /// The heading of each collectivité's best next step.
    pub next_step_heading: &'static str,
    /// A collectivité with no step left.
    pub no_step_left: &'static str,
    /// The heading of the inputs that could not be read.
    pub not_read: &'static str,
    /// How many inputs could not be read, and that they are not counted.
    pub not_read_count: fn(usize) -> String,
    /// Column: the input file.
    pub source: &'static str,
    /// Column: what the input is (answers or an inventory).
    pub input_type: &'static str,
    /// An input of answers.
    pub answers: &'static str,
    /// An input of an inventory.
    pub inventory: &'static str,
    /// Column: the kind of collectivité.
    pub kind: &'static str,
    /// Column: the id of the secured tier.
    pub secured_id: &'static str,
    /// Column: the id of the likely tier.
    pub likely_id: &'static str,
    /// Column: the id of the reachable tier.
    pub reachable_id: &'static str,
    /// Column: the id of the next step.
    pub next_step_id: &'static str,
    /// Column: the next step.
    pub next_step: &'static str,
    /// Column: the next contract end of the inventory.
    pub next_contract_end: &'static str,
    /// Column: why an input could not be read.
    pub error: &'static str,
}

pub(super) const FR: TerritoryLabels = TerritoryLabels {
    title: "Territoire : synthèse des auto-évaluations Territoire Numérique Libre",
    notice: "Estimations, pas les décisions du jury du label.",
    sheet: "Territoire",
    read_me: "À lire",
    units: "Scores, complétude et parts en pourcentage ; coûts en euros par an.",
    secured_tiers: "Niveaux acquis",
    collectivites: "Collectivités",
    free_functions: "Fonctions en logiciel libre (inventaire)",
    not_enough_answers: "pas assez de réponses",
    next_step_heading: "Prochaine étape la plus utile",
    no_step_left: "aucune étape restante",
    not_read: "Fichiers non lus",
    not_read_count: |n| match n {
        1 => "1 fichier ou ligne n'a pas pu être lu : il n'est pas compté ci-dessus.".to_owned(),
        n => format!("{n} fichiers ou lignes n'ont pas pu être lus : ils ne sont pas comptés ci-dessus."),
    },
    source: "Fichier",
    input_type: "Type de fichier",
    answers: "réponses",
    inventory: "inventaire",
    kind: "Catégorie",
    secured_id: "Niveau acquis (identifiant)",
    likely_id: "Estimation probable (identifiant)",
    reachable_id: "Niveau atteignable (identifiant)",
    next_step_id: "Prochaine étape (identifiant)",
    next_step: "Prochaine étape",
    next_contract_end: "Prochaine fin de contrat",
    error: "Erreur",
};

pub(super) const EN: TerritoryLabels = TerritoryLabels {
    title: "Territory: Territoire Numérique Libre self-assessments",
    notice: "Estimates, not the decisions of the label's jury.",
    sheet: "Territory",
    read_me: "Read me",
    units: "Scores, completeness and shares as percentages; costs in euros a year.",
    secured_tiers: "Secured tiers",
    collectivites: "Collectivités",
    free_functions: "Functions on free software (inventory)",
    not_enough_answers: "not enough answers",
    next_step_heading: "Most useful next step",
    no_step_left: "no step left",
    not_read: "Inputs not read",
    not_read_count: |n| match n {
        1 => "1 input could not be read: it is not counted above.".to_owned(),
        n => format!("{n} inputs could not be read: they are not counted above."),
    },
    source: "Input",
    input_type: "Input type",
    answers: "answers",
    inventory: "inventory",
    kind: "Kind",
    secured_id: "Secured tier (id)",
    likely_id: "Likely estimate (id)",
    reachable_id: "Reachable tier (id)",
    next_step_id: "Next step (id)",
    next_step: "Next step",
    next_contract_end: "Next contract end",
    error: "Error",
};
