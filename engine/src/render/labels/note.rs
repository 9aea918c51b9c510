//! Labels of the note for the élus (`render/note.rs`). Sentences keep their values as named places
//! (`{tier}`), filled by the renderer, so each language orders them its own way.

/// Labels of the note for the élus.
pub struct NoteLabels {
    /// The document's title.
    pub title: &'static str,
    /// Its short name, on the app's download buttons.
    pub short: &'static str,
    /// The running header: `{name}` and `{date}`.
    pub header: &'static str,
    /// What stands for the date when the answers carry none.
    pub no_date: &'static str,
    /// The subject line: `{name}`.
    pub subject: &'static str,
    /// What the estimate rests on, after the notice: `{edition}`.
    pub notice_text: &'static str,
    /// Heading of the first part.
    pub standing_heading: &'static str,
    /// The estimate: `{estimate}` (as the engine gives it, in words), `{score}`, `{completeness}`.
    pub standing: &'static str,
    /// The estimate while the answers are not enough: `{secured}`, `{reachable}`.
    pub undecided: &'static str,
    /// What to answer first to estimate: `{what}`.
    pub to_answer: &'static str,
    /// One domain to answer first: `{domain}`, `{covered}`, `{needed}`.
    pub domain_to_answer: &'static str,
    /// Between two things to answer, and between two items of a list.
    pub separator: &'static str,
    /// Before the gaps to the next tier: `{tier}`.
    pub next_tier: &'static str,
    /// When the top tier is reached.
    pub top_tier: &'static str,
    /// After the gaps shown, when more are left out: `{n}`.
    pub more_gaps: &'static str,
    /// Heading of the second part.
    pub costs_heading: &'static str,
    /// Functions and licence costs: `{listed}`, `{free}`, `{share}`, `{proprietary}`, `{cost}`.
    pub costs: &'static str,
    /// Every function listed on free software: `{listed}`.
    pub all_free: &'static str,
    /// Before the cost scenarios.
    pub scenarios_intro: &'static str,
    /// One scenario: `{scenario}`, `{total}`, `{increase}`.
    pub scenario: &'static str,
    /// Extra-EU exposure: `{functions}`, `{seats}`, `{cost}`.
    pub extra_eu: &'static str,
    /// No extra-EU exposure.
    pub no_extra_eu: &'static str,
    /// Vendor concentration: `{vendor}`, `{functions}`, `{seats}`, `{hhi}`.
    pub concentration: &'static str,
    /// No proprietary vendor.
    pub no_vendor: &'static str,
    /// Without an inventory: what one would add.
    pub no_inventory: &'static str,
    /// Heading of the third part.
    pub decisions_heading: &'static str,
    /// Before the decisions.
    pub decisions_intro: &'static str,
    /// When no decision is pending.
    pub no_decision: &'static str,
    /// The migration decision: `{function}`, `{product}`, `{alternatives}`.
    pub migrate: &'static str,
    /// After the migration decision, when the contract ends: `{date}`.
    pub migrate_window: &'static str,
    /// After a decision taken from the ranked steps: `{effort}`, `{domain}`.
    pub step_tail: &'static str,
    /// Heading of the sources.
    pub sources_heading: &'static str,
    /// Source of the estimate: `{date}`, `{edition}`, `{version}`, `{engine}`.
    pub source_estimate: &'static str,
    /// Source of the costs and exposure: `{catalogue}`.
    pub source_inventory: &'static str,
    /// Source of the catalogue's scenarios: `{scenarios}`, `{disclaimer}`.
    pub source_scenarios: &'static str,
    /// Source of the scenarios the inventory defines itself: `{scenarios}`, `{disclaimer}`.
    pub source_own_scenarios: &'static str,
}

pub(super) const FR: NoteLabels = NoteLabels {
    title: "Note aux élus — label Territoire Numérique Libre",
    short: "Note aux élus",
    header: "{name} — {date}",
    no_date: "[à compléter : date]",
    subject: "Objet : où en est {name} pour le label Territoire Numérique Libre, ce que coûtent et risquent ses logiciels, et les trois décisions qui feraient progresser la démarche.",
    notice_text: "Établie avec l'outil tnl à partir de nos réponses au questionnaire « {edition} » ; le jury du label décide seul.",
    standing_heading: "1. Où nous en sommes",
    standing: "D'après nos réponses, le niveau estimé de la collectivité est : {estimate}. Score global : {score} ; questions renseignées : {completeness}.",
    undecided: "entre {secured} et {reachable}, les réponses ne suffisant pas encore pour trancher",
    to_answer: "Pour trancher, il faut d'abord compléter : {what}.",
    domain_to_answer: "le domaine « {domain} » ({covered} des points répondus, {needed} requis)",
    separator: " ; ",
    next_tier: "Pour atteindre le niveau {tier}, il nous manque :",
    top_tier: "La collectivité atteint le plus haut niveau de l'édition : l'enjeu est de le conserver l'an prochain, le label étant millésimé.",
    more_gaps: "et {n} autres points, détaillés dans le rapport d'auto-évaluation.",
    costs_heading: "2. Ce que coûtent et risquent nos logiciels",
    costs: "Notre inventaire recense {listed} fonctions du système d'information, dont {free} entièrement sur logiciel libre ({share}). {proprietary} reposent en tout ou partie sur des logiciels propriétaires, dont les licences coûtent {cost} par an.",
    all_free: "Notre inventaire recense {listed} fonctions du système d'information, toutes sur logiciel libre : aucune licence propriétaire à payer ni à voir augmenter.",
    scenarios_intro: "Sur cinq ans, nos logiciels coûteraient, selon les scénarios de hausse des licences propriétaires (le reste à prix constants) :",
    scenario: "{scenario} : {total}, soit {increase} par rapport à des prix constants",
    extra_eu: "Exposition à un droit extra-européen : {functions} fonctions reposent sur un éditeur ou un hébergement hors de l'Union européenne ({seats} postes, {cost} par an).",
    no_extra_eu: "Aucune de nos fonctions ne dépend d'un éditeur propriétaire ou d'un hébergement hors de l'Union européenne.",
    concentration: "Dépendance : notre premier éditeur propriétaire, {vendor}, assure {functions} fonctions sur {seats} postes ; l'indice de concentration est de {hhi} sur 10 000 (au-delà de 2 500, la dépendance est forte).",
    no_vendor: "Aucune fonction ne dépend d'un éditeur propriétaire.",
    no_inventory: "Sans inventaire de nos logiciels, cette note ne chiffre ni le coût des licences sur cinq ans selon les scénarios de hausse des éditeurs, ni notre exposition à des droits extra-européens, ni notre dépendance à un éditeur. Un inventaire (un logiciel par ligne : fonction, éditeur, postes, coût annuel, échéance du contrat) les donnerait, avec les alternatives libres et les échéances où changer sans payer de renouvellement.",
    decisions_heading: "3. Les décisions proposées",
    decisions_intro: "Les décisions qui feraient le plus progresser la démarche, d'après le classement des pistes de l'auto-évaluation et l'inventaire :",
    no_decision: "L'auto-évaluation ne relève aucune piste de progrès en attente : il reste à maintenir la démarche et à présenter la candidature.",
    migrate: "Planifiez la migration de la fonction « {function} » ({product}) vers une solution libre : {alternatives}.",
    migrate_window: "Échéance du contrat : {date}.",
    step_tail: "({effort}, domaine « {domain} »)",
    sources_heading: "Sources",
    source_estimate: "Auto-évaluation du {date} sur le questionnaire « {edition} » (version {version}), estimée par tnl {engine} : les pondérations et les seuils sont ceux de l'outil, le jury du label n'en publie pas.",
    source_inventory: "Inventaire des logiciels de la collectivité (postes et coûts annuels déclarés), lu avec le catalogue de logiciels de tnl, version {catalogue} (sources publiques : SILL, Comptoir du Libre, sites des éditeurs).",
    source_scenarios: "Scénarios de coûts du catalogue : {scenarios}. {disclaimer}",
    source_own_scenarios: "Scénarios de coûts définis dans notre inventaire : {scenarios}. {disclaimer}",
};

pub(super) const EN: NoteLabels = NoteLabels {
    title: "Note for the elected members — Territoire Numérique Libre label",
    short: "Note for the elected members",
    header: "{name} — {date}",
    no_date: "[to complete: date]",
    subject: "Subject: where {name} stands for the Territoire Numérique Libre label, what its software costs and risks, and the three decisions that would move it forward.",
    notice_text: "Written with the tnl tool from our answers to the \"{edition}\" questionnaire; the label's jury alone decides.",
    standing_heading: "1. Where we stand",
    standing: "From our answers, the collectivité's estimated tier is: {estimate}. Overall score: {score}; questions answered: {completeness}.",
    undecided: "between {secured} and {reachable}, the answers not yet being enough to decide",
    to_answer: "To decide, we must first answer: {what}.",
    domain_to_answer: "the \"{domain}\" domain ({covered} of the points answered, {needed} needed)",
    separator: "; ",
    next_tier: "To reach the {tier} tier, we lack:",
    top_tier: "The collectivité reaches the edition's highest tier: the task is to keep it next year, since the label is awarded yearly.",
    more_gaps: "and {n} more points, detailed in the self-assessment report.",
    costs_heading: "2. What our software costs and risks",
    costs: "Our inventory lists {listed} functions of the information system, {free} of them entirely on free software ({share}). {proprietary} rest wholly or partly on proprietary software, whose licences cost {cost} a year.",
    all_free: "Our inventory lists {listed} functions of the information system, all on free software: no proprietary licence to pay or to see rise.",
    scenarios_intro: "Over five years, our software would cost, under the scenarios of proprietary licence increases (the rest at constant prices):",
    scenario: "{scenario}: {total}, that is {increase} compared with constant prices",
    extra_eu: "Exposure to a non-EU jurisdiction: {functions} functions rest on a vendor or a host outside the European Union ({seats} seats, {cost} a year).",
    no_extra_eu: "None of our functions depends on a proprietary vendor or a host outside the European Union.",
    concentration: "Dependence: our largest proprietary vendor, {vendor}, serves {functions} functions on {seats} seats; the concentration index is {hhi} out of 10,000 (above 2,500, the dependence is high).",
    no_vendor: "No function depends on a proprietary vendor.",
    no_inventory: "Without an inventory of our software, this note cannot put a figure on the licence costs over five years under the vendors' price increase scenarios, on our exposure to non-EU jurisdictions, or on our dependence on one vendor. An inventory (one program a line: function, vendor, seats, yearly cost, contract end) would give them, with the free alternatives and the contract ends when a change costs no renewal.",
    decisions_heading: "3. The proposed decisions",
    decisions_intro: "The decisions that would move the collectivité furthest, from the ranking of the self-assessment's next steps and the inventory:",
    no_decision: "The self-assessment finds no next step pending: what remains is to keep the effort up and to apply.",
    migrate: "Plan the migration of the \"{function}\" function ({product}) to free software: {alternatives}.",
    migrate_window: "Contract end: {date}.",
    step_tail: "({effort}, domain \"{domain}\")",
    sources_heading: "Sources",
    source_estimate: "Self-assessment of {date} on the \"{edition}\" questionnaire (version {version}), estimated by tnl {engine}: the weights and thresholds are the tool's, the label's jury publishes none.",
    source_inventory: "The collectivité's software inventory (seats and yearly costs as declared), read with tnl's software catalogue, version {catalogue} (public sources: SILL, Comptoir du Libre, vendors' sites).",
    source_scenarios: "Cost scenarios of the catalogue: {scenarios}. {disclaimer}",
    source_own_scenarios: "Cost scenarios defined in our inventory: {scenarios}. {disclaimer}",
};
