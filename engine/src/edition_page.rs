//! A human-readable page of an edition, generated from its data (`docs/criteria/ID.md`).
//!
//! The page is in French, the label's language, with the English titles alongside. A test fails
//! when a committed page drifts from its edition and names the command that regenerates it.

use crate::condition::Condition;
use crate::criteria::{Basis, Clause, Criteria, Question, QuestionKind, Rule};
use std::fmt::Write;

/// Markdown escaping for text that comes from the edition file.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn num(x: f64) -> String {
    // Band limits are written in files as integers or short decimals; print them as written.
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Describes a condition in French.
pub fn describe_condition(c: &Condition, criteria: &Criteria) -> String {
    let join = |v: &[Condition], word: &str| {
        v.iter()
            .map(|c| describe_condition(c, criteria))
            .collect::<Vec<_>>()
            .join(word)
    };
    match c {
        Condition::All(v) => format!("({})", join(v, " et ")),
        Condition::Any(v) => format!("({})", join(v, " ou ")),
        Condition::Not(c) => format!("non {}", describe_condition(c, criteria)),
        Condition::KindIn(k) => {
            format!(
                "type de collectivité : {}",
                k.iter()
                    .map(|k| k.label().fr.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        Condition::ProfileRange { field, min, max } => {
            let name = match field.as_str() {
                "population" => "population",
                "agents" => "nombre d'agents",
                "workstations" => "nombre de postes",
                other => other,
            };
            match (min, max) {
                (Some(a), Some(b)) => format!("{name} entre {a} et {b}"),
                (Some(a), None) => format!("{name} ≥ {a}"),
                (None, Some(b)) => format!("{name} ≤ {b}"),
                (None, None) => name.to_owned(),
            }
        }
        Condition::AnswerIn { question, options } => {
            let labels: Vec<String> = options
                .iter()
                .map(|o| {
                    match criteria
                        .question(question)
                        .and_then(|q| q.option_index(o).map(|i| q.options[i].label.fr.to_string()))
                    {
                        Some(l) => format!("« {} »", md(&l)),
                        None => match o.as_str() {
                            "yes" => "oui".into(),
                            "no" => "non".into(),
                            other => other.into(),
                        },
                    }
                })
                .collect();
            format!("`{question}` = {}", labels.join(" ou "))
        }
        Condition::Includes { question, option } => format!("`{question}` inclut `{option}`"),
        Condition::AtLeast { question, min } => format!("`{question}` ≥ {}", num(*min)),
        Condition::Met { question } => format!("`{question}` satisfait"),
    }
}

/// The lines of a rule: one per clause, with what it asks and, below it, what it rests on.
/// `has_tier_below` is false for mentions and for the lowest tier, which have none to require.
fn rule_lines(rule: &Rule, criteria: &Criteria, has_tier_below: bool) -> Vec<String> {
    let mut lines = Vec::new();
    if has_tier_below && rule.previous_tier.unwrap_or(true) {
        lines.push("- le niveau précédent est atteint".to_owned());
    }
    for clause in &rule.clauses {
        let asks = clause_terms(clause, criteria).join(" ; ");
        lines.push(match &clause.title {
            Some(t) => format!("- **{}** — *{}* : {asks}", md(&t.fr), md(&t.en)),
            None => format!("- {asks}"),
        });
        for b in &clause.basis {
            lines.push(format!("  - {}", basis_line(b)));
        }
    }
    lines
}

/// What a clause asks, one term per key, in French.
fn clause_terms(clause: &Clause, criteria: &Criteria) -> Vec<String> {
    let ids = |v: &[String]| v.iter().map(|q| format!("`{q}`")).collect::<Vec<_>>().join(", ");
    let mut terms = Vec::new();
    if let Some(s) = clause.min_score {
        terms.push(format!("score global ≥ {s}/1000"));
    }
    if let Some(s) = clause.min_each_domain {
        terms.push(format!("chaque domaine concerné ≥ {s}/1000"));
    }
    for (d, s) in &clause.min_domain_scores {
        terms.push(format!("domaine `{d}` ≥ {s}/1000"));
    }
    if let Some(s) = clause.min_completeness {
        terms.push(format!("questionnaire rempli à ≥ {s}/1000"));
    }
    if !clause.required.is_empty() {
        terms.push(format!("critères satisfaits : {}", ids(&clause.required)));
    }
    if !clause.answered.is_empty() {
        terms.push(format!("questions répondues : {}", ids(&clause.answered)));
    }
    if let Some(c) = &clause.condition {
        terms.push(format!("condition : {}", describe_condition(c, criteria)));
    }
    terms
}

/// One basis of a clause: the source with its words, or the model's assumption in both languages.
fn basis_line(b: &Basis) -> String {
    match (&b.source, &b.model_assumption) {
        (Some(src), _) => {
            let quote = b.quote.as_ref().map_or(String::new(), |q| format!("« {} » — ", md(q)));
            match &src.url {
                Some(u) => format!("Source : {quote}{} <{u}>", md(&src.title)),
                None => format!("Source : {quote}{}", md(&src.title)),
            }
        }
        (None, Some(m)) => format!("Hypothèse du modèle : {} — *{}*", md(&m.fr), md(&m.en)),
        (None, None) => "Sans fondement indiqué".to_owned(),
    }
}

fn effort_fr(q: &Question) -> &'static str {
    match q.effort {
        crate::criteria::Effort::QuickWin => "action rapide",
        crate::criteria::Effort::Project => "projet",
        crate::criteria::Effort::LongTerm => "long terme",
    }
}

fn scoring(q: &Question) -> String {
    match q.kind {
        QuestionKind::YesNo => {
            let p = q.points.map_or((0, 0), |p| (p.yes, p.no));
            if p.0 == 0 && p.1 == 0 {
                "oui / non, sans points (contexte)".into()
            } else {
                format!("oui : {} pt, non : {} pt", p.0, p.1)
            }
        }
        QuestionKind::SingleChoice | QuestionKind::MultipleChoice => {
            let mut s = String::new();
            for o in &q.options {
                let _ = write!(
                    s,
                    "\n  - {} — {} pt{}",
                    md(&o.label.fr),
                    o.points,
                    if o.exclusive { " (exclusif)" } else { "" }
                );
            }
            let head = if q.kind == QuestionKind::SingleChoice {
                "choix unique :".to_owned()
            } else {
                match q.max_points {
                    Some(cap) => format!("choix multiple, plafonné à {cap} pt :"),
                    None => "choix multiple, points additionnés :".to_owned(),
                }
            };
            format!("{head}{s}")
        }
        QuestionKind::Number | QuestionKind::Percentage | QuestionKind::List => {
            if q.bands.is_empty() {
                return "liste, sans points (contexte)".into();
            }
            let unit = match q.kind {
                QuestionKind::Percentage => " %".to_owned(),
                QuestionKind::List => " élément(s)".to_owned(),
                _ => q.unit.as_ref().map_or(String::new(), |u| format!(" {}", u.fr)),
            };
            q.bands
                .iter()
                .map(|b| format!("≥ {}{unit} : {} pt", num(b.min), b.points))
                .collect::<Vec<_>>()
                .join(" ; ")
        }
        QuestionKind::Text => "texte libre, sans points (preuves)".into(),
    }
}

/// The page of an edition, in Markdown.
pub fn edition_page(criteria: &Criteria) -> String {
    let f = criteria.file();
    let mut s = String::new();
    let _ = writeln!(s, "<!-- Generated from criteria/{}.json by `UPDATE_GENERATED=1 cargo test -p tnl-tests --test edition_pages`. Do not edit. -->\n", f.id);
    let _ = writeln!(s, "# {} — *{}*\n", md(&f.title.fr), md(&f.title.en));
    let _ = writeln!(
        s,
        "Édition `{}`, année {}, version {} du fichier. {} questions.\n",
        f.id,
        f.edition,
        f.version,
        f.questions.len()
    );
    let _ = writeln!(
        s,
        "> **{}**\n>\n> *{}*\n",
        md(&f.metadata.disclaimer.fr),
        md(&f.metadata.disclaimer.en)
    );
    if let Some(d) = &f.description {
        let _ = writeln!(s, "{}\n", md(&d.fr));
    }
    if let Some(t) = &f.metadata.tier_scheme {
        let _ = writeln!(s, "## Niveaux\n\n{}\n", md(&t.fr));
    } else {
        let _ = writeln!(s, "## Niveaux\n");
    }
    for (i, t) in f.tiers.iter().enumerate() {
        let _ = writeln!(s, "### {} — *{}* (`{}`)\n", md(&t.title.fr), md(&t.title.en), t.id);
        if let Some(d) = &t.description {
            let _ = writeln!(s, "{}\n", md(&d.fr));
        }
        for l in rule_lines(&t.rule, criteria, i > 0) {
            let _ = writeln!(s, "{l}");
        }
        s.push('\n');
    }
    if !f.mentions.is_empty() {
        let _ = writeln!(s, "## Mentions spéciales\n");
        for m in &f.mentions {
            let _ = writeln!(s, "### {} — *{}* (`{}`)\n", md(&m.title.fr), md(&m.title.en), m.id);
            if let Some(d) = &m.description {
                let _ = writeln!(s, "{}\n", md(&d.fr));
            }
            for l in rule_lines(&m.rule, criteria, false) {
                let _ = writeln!(s, "{l}");
            }
            s.push('\n');
        }
    }
    let _ = writeln!(
        s,
        "## Domaines\n\n| domaine | poids | questions | points possibles (au plus) |\n|---|---|---|---|"
    );
    for (d, dom) in f.domains.iter().enumerate() {
        let qs: Vec<usize> = (0..f.questions.len())
            .filter(|&q| criteria.question_domain(q) == d)
            .collect();
        let max: u32 = qs.iter().map(|&q| criteria.question_max(q)).sum();
        let _ = writeln!(
            s,
            "| {} — *{}* | {} | {} | {} |",
            md(&dom.title.fr),
            md(&dom.title.en),
            dom.weight,
            qs.len(),
            max
        );
    }
    s.push('\n');
    for (d, dom) in f.domains.iter().enumerate() {
        let _ = writeln!(s, "## {}\n", md(&dom.title.fr));
        if let Some(desc) = &dom.description {
            let _ = writeln!(s, "{}\n", md(&desc.fr));
        }
        for (qi, q) in f
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, _)| criteria.question_domain(*qi) == d)
        {
            question_section(&mut s, criteria, qi, q);
        }
    }
    let _ = writeln!(s, "## Sources\n");
    for src in &f.metadata.sources {
        match &src.url {
            Some(u) => {
                let _ = writeln!(s, "- {} — <{}>", md(&src.title), u);
            }
            None => {
                let _ = writeln!(s, "- {}", md(&src.title));
            }
        }
    }
    s
}

/// The section of question `qi` (`q`): its titles, points, conditions, advice and references.
fn question_section(s: &mut String, criteria: &Criteria, qi: usize, q: &crate::criteria::Question) {
    let _ = writeln!(s, "### `{}`\n", q.id);
    let _ = writeln!(s, "**{}**  \n*{}*\n", md(&q.title.fr), md(&q.title.en));
    let _ = writeln!(s, "- Points : {}", scoring(q));
    let max = criteria.question_max(qi);
    if let Some(m) = q.met_at {
        let _ = writeln!(s, "- Satisfait à partir de {m} pt (sur {max})");
    }
    if let Some(c) = &q.applies_if {
        let _ = writeln!(s, "- Concerne : {}", describe_condition(c, criteria));
    }
    if let Some(c) = &q.asked_if {
        let _ = writeln!(s, "- Posée si : {}", describe_condition(c, criteria));
    }
    if q.not_applicable_allowed {
        let _ = writeln!(s, "- « Non applicable » accepté, avec justification");
    }
    if !q.tags.is_empty() {
        let _ = writeln!(s, "- Étiquettes : {}", q.tags.join(", "));
    }
    if let Some(h) = &q.help {
        let _ = writeln!(s, "- Aide : {}", md(&h.fr));
    }
    let _ = writeln!(
        s,
        "- Conseil si non satisfait ({}) : {}",
        effort_fr(q),
        md(&q.advice.fr)
    );
    for r in &q.references {
        match &r.url {
            Some(u) => {
                let _ = writeln!(s, "- Référence : {} — <{}>", md(&r.label), u);
            }
            None => {
                let _ = writeln!(s, "- Référence : {}", md(&r.label));
            }
        }
    }
    s.push('\n');
}
