//! Labels of the draft deliberation (`render/deliberation.rs`). The legal references are real
//! and public: the CGCT articles that give each deliberative body its competence
//! (L. 2121-29 commune, L. 5211-1 EPCI and syndicats de communes, L. 3211-1 département,
//! L. 4221-1 région) and article 16 of loi n° 2016-1321 du 7 octobre 2016 pour une République
//! numérique (administrations « encouragent l'utilisation des logiciels libres et des formats
//! ouverts »), read on Légifrance. The English text is a translation for readers: the act is
//! the French one, which its heading says.

/// The deliberative body and executive of one kind of collectivité.
pub struct Body {
    /// Who deliberates, at the head of the act: « Le conseil municipal ».
    pub assembly: &'static str,
    /// The CGCT reference of its competence.
    pub competence: &'static str,
    /// Who applies and signs: « le maire ».
    pub executive: &'static str,
    /// How the act names the collectivité after « la candidature »: « de la commune ».
    pub entity: &'static str,
}

/// Labels of the draft deliberation.
pub struct DeliberationLabels {
    /// The document's title.
    pub title: &'static str,
    /// Its short name, on the app's download buttons.
    pub short: &'static str,
    /// The running header: `{name}` and `{date}`.
    pub header: &'static str,
    /// What stands for the date when the answers carry none.
    pub no_date: &'static str,
    /// Under the title, in the English version only: the act is the French text.
    pub translation_note: &'static str,
    /// The subject line.
    pub subject: &'static str,
    /// The session line, with the date to complete.
    pub session: &'static str,
    /// The notice after the session line: `{date}`.
    pub notice_text: &'static str,
    /// A commune's body.
    pub commune: Body,
    /// A communauté de communes, d'agglomération or urbaine.
    pub communaute: Body,
    /// A métropole.
    pub metropole: Body,
    /// A syndicat.
    pub syndicat: Body,
    /// A département.
    pub departement: Body,
    /// A région.
    pub region: Body,
    /// Any other kind: every part to complete.
    pub other: Body,
    /// The first « Vu »: `{competence}`.
    pub seen_cgct: &'static str,
    /// The « Vu » of loi n° 2016-1321, article 16.
    pub seen_law: &'static str,
    /// The « Vu » to complete (committee opinion).
    pub seen_other: &'static str,
    /// The legal considérant.
    pub whereas_law: &'static str,
    /// The estimate: `{date}`, `{edition}`, `{estimate}`.
    pub whereas_estimate: &'static str,
    /// What is already done: `{met}`, `{applicable}`, `{domain}`, `{score}`.
    pub whereas_done: &'static str,
    /// Between two next steps in a considérant.
    pub separator: &'static str,
    /// The next steps: `{steps}`.
    pub whereas_steps: &'static str,
    /// The dependency map: `{proprietary}`, `{listed}`, `{cost}`, `{scenario}`, `{total}`.
    pub whereas_costs: &'static str,
    /// The extra-EU exposure: `{functions}`.
    pub whereas_extra_eu: &'static str,
    /// Without an inventory, the considérant to complete.
    pub whereas_no_inventory: &'static str,
    /// The label.
    pub whereas_label: &'static str,
    /// « Après en avoir délibéré, ».
    pub deliberated: &'static str,
    /// « DÉCIDE : ».
    pub decides: &'static str,
    /// « Article {n} ».
    pub article: &'static str,
    /// Article 1, the policy.
    pub policy: &'static str,
    /// The policy's objectives, to complete.
    pub policy_blank: &'static str,
    /// Article 2, the élu référent: before the name.
    pub referent: &'static str,
    /// The name to complete.
    pub referent_blank: &'static str,
    /// Article 2, after the name.
    pub referent_tail: &'static str,
    /// Article 3, the candidature: `{executive}`, `{entity}`, `{year}`.
    pub candidature: &'static str,
    /// Article 4, execution: `{executive}`.
    pub execution: &'static str,
    /// The closing formula.
    pub closing: &'static str,
    /// The vote, to complete.
    pub vote_blank: &'static str,
    /// The signature, to complete.
    pub signature_blank: &'static str,
}

pub(super) const FR: DeliberationLabels = DeliberationLabels {
    title: "Projet de délibération",
    short: "Projet de délibération",
    header: "{name} — projet établi le {date}",
    no_date: "[à compléter : date]",
    translation_note: "",
    subject: "Objet : politique en faveur du logiciel libre et des formats ouverts, désignation d'un élu référent et candidature au label Territoire Numérique Libre",
    session: "Séance du [à compléter : date de la séance]",
    notice_text: "Projet établi avec l'outil tnl à partir de l'auto-évaluation du {date} ; les passages entre crochets sont à compléter par la collectivité, et le texte à relire par ses services avant inscription à l'ordre du jour.",
    commune: Body {
        assembly: "Le conseil municipal",
        competence: "notamment son article L. 2121-29",
        executive: "le maire",
        entity: "de la commune",
    },
    communaute: Body {
        assembly: "Le conseil communautaire",
        competence: "notamment son article L. 5211-1",
        executive: "le président",
        entity: "de la communauté",
    },
    metropole: Body {
        assembly: "Le conseil de la métropole",
        competence: "notamment son article L. 5211-1",
        executive: "le président",
        entity: "de la métropole",
    },
    syndicat: Body {
        assembly: "Le comité syndical",
        competence: "notamment son article L. 5211-1 [à compléter : ou L. 5711-1 pour un syndicat mixte]",
        executive: "le président",
        entity: "du syndicat",
    },
    departement: Body {
        assembly: "Le conseil départemental",
        competence: "notamment son article L. 3211-1",
        executive: "le président du conseil départemental",
        entity: "du département",
    },
    region: Body {
        assembly: "Le conseil régional",
        competence: "notamment son article L. 4221-1",
        executive: "le président du conseil régional",
        entity: "de la région",
    },
    other: Body {
        assembly: "[à compléter : l'organe délibérant]",
        competence: "[à compléter : les articles qui fondent la compétence de l'organe délibérant]",
        executive: "[à compléter : l'exécutif]",
        entity: "de [à compléter : la collectivité]",
    },
    seen_cgct: "Vu le code général des collectivités territoriales, {competence} ;",
    seen_law: "Vu la loi n° 2016-1321 du 7 octobre 2016 pour une République numérique, notamment son article 16 ;",
    seen_other: "Vu [à compléter : l'avis de la commission compétente, le cas échéant] ;",
    whereas_law: "Considérant que l'article 16 de la loi susvisée demande aux administrations de veiller à préserver la maîtrise, la pérennité et l'indépendance de leurs systèmes d'information et d'encourager l'utilisation des logiciels libres et des formats ouverts ;",
    whereas_estimate: "Considérant que l'auto-évaluation réalisée le {date} sur le questionnaire « {edition} », en vue du label Territoire Numérique Libre décerné chaque année par l'ADULLACT, estime le niveau de la collectivité à : {estimate}, cette estimation ne préjugeant pas de la décision du jury ;",
    whereas_done: "Considérant que la démarche est engagée : {met} critères sur {applicable} sont déjà atteints, en particulier dans le domaine « {domain} » ({score}) ;",
    separator: " ; ",
    whereas_steps: "Considérant que l'auto-évaluation relève comme premières pistes de progrès : {steps} ;",
    whereas_costs: "Considérant que l'inventaire des logiciels de la collectivité fait apparaître que {proprietary} fonctions sur {listed} reposent en tout ou partie sur des logiciels propriétaires, dont les licences coûtent {cost} par an, et que ses logiciels coûteraient {total} sur cinq ans selon le scénario « {scenario} » ;",
    whereas_extra_eu: "Considérant que {functions} de ces fonctions dépendent d'un éditeur ou d'un hébergement soumis à un droit extérieur à l'Union européenne ;",
    whereas_no_inventory: "Considérant [à compléter : l'état des logiciels de la collectivité, leurs coûts et leurs dépendances, d'après son inventaire] ;",
    whereas_label: "Considérant que la candidature au label Territoire Numérique Libre, gratuite, suppose de désigner un élu référent et permet de mesurer chaque année les progrès accomplis ;",
    deliberated: "Après en avoir délibéré,",
    decides: "DÉCIDE :",
    article: "Article {n}",
    policy: "D'adopter une politique en faveur du logiciel libre et des formats ouverts : une solution libre est étudiée avant tout achat ou renouvellement de logiciel, le format ouvert ODF est le format par défaut des documents bureautiques, et les marchés informatiques comportent des clauses de réversibilité et d'export des données en formats ouverts ; ",
    policy_blank: "[à compléter : objectifs et calendrier propres à la collectivité]",
    referent: "De désigner ",
    referent_blank: "[à compléter : nom et fonction de l'élu référent]",
    referent_tail: " comme élu référent pour le numérique libre et pour la candidature au label Territoire Numérique Libre.",
    candidature: "D'autoriser {executive} à présenter la candidature {entity} au label Territoire Numérique Libre, édition {year}, et à signer tout document s'y rapportant.",
    execution: "De charger {executive} de l'exécution de la présente délibération.",
    closing: "Fait et délibéré les jour, mois et an susdits.",
    vote_blank: "[à compléter : résultat du vote (pour, contre, abstentions)]",
    signature_blank: "[à compléter : nom, qualité et signature]",
};

pub(super) const EN: DeliberationLabels = DeliberationLabels {
    title: "Draft deliberation",
    short: "Draft deliberation",
    header: "{name} — draft of {date}",
    no_date: "[to complete: date]",
    translation_note: "Translation for readers: the legal act is the French text (tnl deliberation --lang fr), which alone is put to the vote.",
    subject: "Subject: policy in favour of free software and open formats, appointment of an elected referent, and application for the Territoire Numérique Libre label",
    session: "Session of [to complete: date of the session]",
    notice_text: "Draft written with the tnl tool from the self-assessment of {date}; the passages in brackets are for the collectivité to complete, and the text for its services to review before it goes on the agenda.",
    commune: Body {
        assembly: "The municipal council (conseil municipal)",
        competence: "in particular its article L. 2121-29",
        executive: "the mayor",
        entity: "of the commune",
    },
    communaute: Body {
        assembly: "The community council (conseil communautaire)",
        competence: "in particular its article L. 5211-1",
        executive: "the president",
        entity: "of the communauté",
    },
    metropole: Body {
        assembly: "The metropolitan council (conseil de la métropole)",
        competence: "in particular its article L. 5211-1",
        executive: "the president",
        entity: "of the métropole",
    },
    syndicat: Body {
        assembly: "The syndicate committee (comité syndical)",
        competence: "in particular its article L. 5211-1 [to complete: or L. 5711-1 for a syndicat mixte]",
        executive: "the president",
        entity: "of the syndicat",
    },
    departement: Body {
        assembly: "The departmental council (conseil départemental)",
        competence: "in particular its article L. 3211-1",
        executive: "the president of the departmental council",
        entity: "of the département",
    },
    region: Body {
        assembly: "The regional council (conseil régional)",
        competence: "in particular its article L. 4221-1",
        executive: "the president of the regional council",
        entity: "of the région",
    },
    other: Body {
        assembly: "[to complete: the deliberative body]",
        competence: "[to complete: the articles on which the deliberative body's competence rests]",
        executive: "[to complete: the executive]",
        entity: "of [to complete: the collectivité]",
    },
    seen_cgct: "Having regard to the general code of local authorities (code général des collectivités territoriales), {competence};",
    seen_law: "Having regard to law no. 2016-1321 of 7 October 2016 for a Digital Republic, in particular its article 16;",
    seen_other: "Having regard to [to complete: the opinion of the competent committee, if any];",
    whereas_law: "Whereas article 16 of the above law asks administrations to preserve the control, durability and independence of their information systems and to encourage the use of free software and open formats;",
    whereas_estimate: "Whereas the self-assessment of {date} on the \"{edition}\" questionnaire, with a view to the Territoire Numérique Libre label awarded each year by ADULLACT, estimates the collectivité's tier as: {estimate}, an estimate that does not prejudge the jury's decision;",
    whereas_done: "Whereas the effort is under way: {met} of {applicable} criteria are already met, in particular in the \"{domain}\" domain ({score});",
    separator: "; ",
    whereas_steps: "Whereas the self-assessment names as its first next steps: {steps};",
    whereas_costs: "Whereas the collectivité's software inventory shows that {proprietary} of {listed} functions rest wholly or partly on proprietary software, whose licences cost {cost} a year, and that its software would cost {total} over five years under the \"{scenario}\" scenario;",
    whereas_extra_eu: "Whereas {functions} of these functions depend on a vendor or a host subject to a jurisdiction outside the European Union;",
    whereas_no_inventory: "Whereas [to complete: the state of the collectivité's software, its costs and dependencies, from its inventory];",
    whereas_label: "Whereas applying for the Territoire Numérique Libre label is free, requires an elected referent to be appointed, and measures the progress made each year;",
    deliberated: "Having deliberated,",
    decides: "DECIDES:",
    article: "Article {n}",
    policy: "To adopt a policy in favour of free software and open formats: a free solution is studied before any software is bought or renewed, the open ODF format is the default format of office documents, and IT contracts include reversibility and data export in open formats; ",
    policy_blank: "[to complete: the collectivité's own objectives and timetable]",
    referent: "To appoint ",
    referent_blank: "[to complete: name and office of the elected referent]",
    referent_tail: " as elected referent for free software and for the application to the Territoire Numérique Libre label.",
    candidature: "To authorise {executive} to submit the application {entity} to the Territoire Numérique Libre label, {year} edition, and to sign any document relating to it.",
    execution: "To instruct {executive} to carry out this deliberation.",
    closing: "Done and deliberated on the day, month and year above.",
    vote_blank: "[to complete: result of the vote (for, against, abstentions)]",
    signature_blank: "[to complete: name, office and signature]",
};
