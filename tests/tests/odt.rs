//! The OpenDocument report: a valid ODF package (the `mimetype` entry first and stored, the
//! manifest naming every part, each part well-formed XML), the same facts as the other formats,
//! user text kept as text, and the same bytes on every run.

use tnl_engine::{compare, evaluate, render, Answers, Lang, Report};
use tnl_tests::*;

fn report(golden: &str) -> Report {
    let text = read(&format!("tests/golden/{golden}.answers.json"));
    let answers = Answers::from_json(&text, golden).unwrap_or_else(|e| panic!("{e}"));
    evaluate(&mini(), &answers)
}

/// The text of every element of `content.xml`, in document order.
fn texts(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("content.xml: {e}"));
    doc.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn the_report_is_a_valid_odf_package() {
    let r = report("mini-ville-partielle");
    let odt = render::odt(&r, Lang::Fr);
    let parts = odf_package(&odt, render::ODT_MIME, &["meta.xml", "styles.xml", "content.xml"]);
    for (name, data) in &parts[1..] {
        let xml = std::str::from_utf8(data).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{name}: {e}"));
        if name.ends_with("manifest.xml") {
            let paths: Vec<&str> = doc
                .descendants()
                .filter_map(|n| n.attribute(("urn:oasis:names:tc:opendocument:xmlns:manifest:1.0", "full-path")))
                .collect();
            assert_eq!(paths, ["/", "meta.xml", "styles.xml", "content.xml"]);
        }
        if name == "meta.xml" {
            let title = doc
                .descendants()
                .find(|n| n.has_tag_name(("http://purl.org/dc/elements/1.1/", "title")))
                .and_then(|n| n.text());
            assert_eq!(
                title,
                Some(format!("Auto-évaluation Territoire Numérique Libre — {}", r.profile.name).as_str())
            );
        }
    }
    // Every style the content uses is defined, in the content or in styles.xml.
    let styles = std::str::from_utf8(&parts[3].1).unwrap();
    let content = std::str::from_utf8(&parts[4].1).unwrap();
    let doc = roxmltree::Document::parse(content).unwrap();
    for n in doc.descendants() {
        for a in n.attributes().filter(|a| a.name() == "style-name") {
            let defined = format!("style:name=\"{}\"", a.value());
            assert!(
                content.contains(&defined) || styles.contains(&defined),
                "style {} is not defined",
                a.value()
            );
        }
    }
}

#[test]
fn the_odt_says_what_the_other_formats_say() {
    let r = report("mini-ville-partielle");
    for lang in [Lang::Fr, Lang::En] {
        let parts = unzip(&render::odt(&r, lang));
        let text = texts(std::str::from_utf8(&parts[4].1).unwrap());
        assert!(text.contains(render::estimate_notice(lang)), "{text}");
        assert!(text.contains(r.disclaimer.get(lang)));
        assert!(text.contains(&r.profile.name));
        for d in &r.domains {
            assert!(text.contains(d.title.get(lang)), "domain {}", d.id);
        }
        for s in &r.next_steps {
            assert!(
                text.contains(s.title.get(lang)) && text.contains(s.advice.get(lang)),
                "step {}",
                s.question
            );
        }
        // The annex lists every question that applies, unanswered ones included, by title.
        for c in r.unanswered() {
            assert!(text.contains(c.title.get(lang)), "unanswered {}", c.id);
        }
        if let Some(next) = &r.next_tier {
            assert!(text.contains(next.tier.title.get(lang)));
        }
    }
    let fr = texts(std::str::from_utf8(&unzip(&render::odt(&r, Lang::Fr))[4].1).unwrap());
    assert!(fr.contains("Étapes, les plus utiles d'abord") && !fr.contains("Steps, most useful first"));
}

#[test]
fn user_text_stays_text() {
    let mut r = report("mini-village-complet");
    let name = "Mairie <text:p>&amp; \"Boé\" ]]> \u{1}fin";
    r.profile.name = name.into();
    let odt = render::odt(&r, Lang::Fr);
    let content = std::str::from_utf8(&unzip(&odt)[4].1).unwrap().to_owned();
    let text = texts(&content);
    assert!(text.contains("Mairie <text:p>&amp; \"Boé\" ]]> fin"), "{text}");
    assert!(
        !content.contains("<text:p>&amp;"),
        "markup from the name reached the document"
    );
    assert_eq!(odt, render::odt(&r, Lang::Fr), "same report, same bytes");
}

#[test]
fn the_comparison_is_a_valid_odf_package_too() {
    let (old, new) = (report("mini-ville-partielle"), report("mini-village-complet"));
    let c = compare(&old, &new);
    assert!(!c.newly_met.is_empty(), "the fixtures should show progress");
    for lang in [Lang::Fr, Lang::En] {
        let parts = unzip(&render::comparison_odt(&c, lang));
        assert_eq!(
            parts.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
            [
                "mimetype",
                "META-INF/manifest.xml",
                "meta.xml",
                "styles.xml",
                "content.xml"
            ]
        );
        let text = texts(std::str::from_utf8(&parts[4].1).unwrap());
        assert!(text.contains(&c.new.name));
        for x in &c.newly_met {
            assert!(text.contains(x.title.get(lang)) && text.contains(&x.id), "{}", x.id);
        }
        for d in &c.domains {
            assert!(text.contains(d.title.get(lang)), "{}", d.id);
        }
    }
}

#[test]
fn the_dependency_map_is_a_valid_odf_package_too() {
    use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
    let catalogue = Catalogue::from_json(&read("tests/fixtures/mini-catalogue.json"), "mini-catalogue.json")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut inventory = Inventory::from_json(&read("tests/golden/deps/commune-mixte.inventory.json"), "commune-mixte")
        .unwrap_or_else(|e| panic!("{e}"));
    inventory.profile.name = "Commune <b>& \"Mixte\"".into();
    let r = dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    );
    for lang in [Lang::Fr, Lang::En] {
        let parts = unzip(&render::deps_odt(&r, lang));
        assert_eq!(parts.len(), 5);
        let text = texts(std::str::from_utf8(&parts[4].1).unwrap());
        assert!(text.contains("Commune <b>& \"Mixte\""), "{text}");
        assert!(text.contains(r.disclaimer.get(lang)));
        for f in &r.functions {
            assert!(text.contains(f.label.get(lang)), "{}", f.function.as_str());
        }
        for p in &r.projections {
            assert!(text.contains(p.label.get(lang)), "{}", p.id);
        }
        for x in &r.replacements {
            assert!(text.contains(&x.name));
        }
    }
}

/// A table of the document: each column's (style name, width in hundredths of a centimetre), and
/// the number of cells of each row.
type Table = (Vec<(String, u32)>, Vec<usize>);

/// Each table of the document.
fn tables(content: &str) -> Vec<Table> {
    let doc = roxmltree::Document::parse(content).unwrap();
    let width_of = |style: &str| -> u32 {
        let s = doc
            .descendants()
            .find(|n| n.has_tag_name("style") && n.attributes().any(|a| a.name() == "name" && a.value() == style))
            .unwrap_or_else(|| panic!("{style} not defined"));
        let w = s
            .descendants()
            .find_map(|n| {
                n.attributes()
                    .find(|a| a.name() == "column-width")
                    .map(|a| a.value().to_owned())
            })
            .expect("column-width");
        let (cm, hundredths) = w.trim_end_matches("cm").split_once('.').expect("cm with two decimals");
        cm.parse::<u32>().unwrap() * 100 + hundredths.parse::<u32>().unwrap()
    };
    doc.descendants()
        .filter(|n| {
            n.has_tag_name("table")
                && n.tag_name().namespace() == Some("urn:oasis:names:tc:opendocument:xmlns:table:1.0")
        })
        .map(|t| {
            let columns = t.children().filter(|c| c.has_tag_name("table-column")).map(|c| {
                let style = c
                    .attributes()
                    .find(|a| a.name() == "style-name")
                    .expect("column style")
                    .value()
                    .to_owned();
                let w = width_of(&style);
                (style, w)
            });
            let rows = t
                .descendants()
                .filter(|r| r.has_tag_name("table-row"))
                .map(|r| r.children().filter(|c| c.has_tag_name("table-cell")).count());
            (columns.collect(), rows.collect())
        })
        .collect()
}

#[test]
fn table_columns_share_the_page_by_what_they_hold() {
    use tnl_engine::deps::{dependency_report, Catalogue, DepsOptions, Inventory};
    let catalogue = Catalogue::from_json(&read("tests/fixtures/mini-catalogue.json"), "mini-catalogue.json").unwrap();
    let inventory =
        Inventory::from_json(&read("tests/golden/deps/commune-mixte.inventory.json"), "commune-mixte").unwrap();
    let r = dependency_report(
        &catalogue,
        &inventory,
        &DepsOptions {
            today: Some("2026-11-29".into()),
        },
    );
    let docs = [
        render::odt(&report("mini-ville-partielle"), Lang::Fr),
        render::deps_odt(&r, Lang::Fr),
        render::deps_odt(&r, Lang::En),
    ];
    for odt in &docs {
        let content = String::from_utf8(unzip(odt)[4].1.clone()).unwrap();
        let found = tables(&content);
        assert!(!found.is_empty());
        for (columns, rows) in &found {
            assert_eq!(
                columns.iter().map(|(_, w)| w).sum::<u32>(),
                1700,
                "the columns fill the 17 cm of text width: {columns:?}"
            );
            assert!(columns.iter().all(|(_, w)| *w > 0), "{columns:?}");
            assert!(
                rows.iter().all(|&n| n == columns.len()),
                "a column per cell: {rows:?} for {}",
                columns.len()
            );
        }
    }
    // The map's function table: the products column (names of every product of the function) is
    // wider than the status column (one word).
    let content = String::from_utf8(unzip(&docs[2])[4].1.clone()).unwrap();
    let doc = roxmltree::Document::parse(&content).unwrap();
    fn header_of(t: roxmltree::Node) -> Vec<String> {
        t.descendants()
            .find(|n| n.has_tag_name("table-header-rows"))
            .map(|h| {
                h.descendants()
                    .filter(|n| n.is_text())
                    .filter_map(|n| n.text())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }
    let (i, t) = doc
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .enumerate()
        .find(|(_, t)| header_of(*t).iter().any(|h| h == "Products"))
        .expect("the functions table");
    let head = header_of(t);
    let (columns, _) = &tables(&content)[i];
    let at = |name: &str| {
        columns[head
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("{name} in {head:?}"))]
        .1
    };
    assert!(at("Products") > 2 * at("Status"), "{head:?} {columns:?}");
}

#[test]
fn the_zip_writer_gives_an_archive_any_reader_opens() {
    // The app's territory bundle is written by `render::zip`: entries in order, stored, each
    // with its CRC, the same bytes for the same files.
    let files: Vec<(String, Vec<u8>)> = (0..300)
        .map(|i| {
            (
                format!("{i:03}-commune.report.html"),
                format!("<p>{i}</p>").repeat(i).into_bytes(),
            )
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let z = render::zip(&refs);
    assert_eq!(unzip(&z), files);
    assert_eq!(z, render::zip(&refs));
    assert_eq!(unzip(&render::zip(&[])), vec![]);
}
