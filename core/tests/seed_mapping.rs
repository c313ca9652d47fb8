//! `docs/seed-mapping.md` shows each seed row beside the record it became. It is
//! generated from the built-in example; this test fails when the two drift apart.
//! Regenerate with `CCHC_UPDATE_DOCS=1 cargo test -p cchc-core --test seed_mapping`.

use cchc_core::model::deadline::date_vi;
use cchc_core::model::flags::{number_flags, Flag};
use cchc_core::model::scoring::at_stake;
use cchc_core::model::seed;
use cchc_core::model::*;

fn num(v: Option<Decimal>) -> String {
    v.map_or("—".into(), |d| d.to_vi())
}

fn deadline_vi(d: Deadline) -> String {
    match d {
        Deadline::None => "—".into(),
        Deadline::Date(d) => date_vi(d),
        Deadline::Month { year, month } => format!("{month:02}/{year}"),
        Deadline::Recurring {
            monthly: true,
            quarterly: true,
        } => "hàng tháng, hàng quý".into(),
        Deadline::Recurring { monthly: true, .. } => "hàng tháng".into(),
        Deadline::Recurring { .. } => "hàng quý".into(),
    }
}

fn flag_text(f: &Flag) -> String {
    match f {
        Flag::LossMismatch {
            stated,
            computed,
            likely_max,
        } => {
            let likely = likely_max
                .map(|m| format!("; max probably {}", m.to_vi()))
                .unwrap_or_default();
            format!(
                "stated loss {} ≠ max − score {}{likely}",
                stated.to_vi(),
                computed.to_vi()
            )
        }
        Flag::ScoreAboveMax { .. } => "score above max".into(),
        Flag::Implausible {
            written_max,
            written_score,
            ..
        } => format!("written {}/{}", num(*written_score), num(*written_max)),
        Flag::SelfRejected {
            self_score,
            appraised,
            ..
        } => format!(
            "self-assessed {} rejected ({})",
            self_score.to_vi(),
            appraised.to_vi()
        ),
        Flag::NoEvidence { .. } => "no evidence".into(),
    }
}

fn render() -> String {
    let doc = seed::example();
    let v = PlanView::build(&doc, &seed::plan_id()).unwrap();
    let mut out = String::from(
        "# The seed plan, row by row\n\n\
         Generated from the built-in example (`core/src/model/seed.rs`) by `core/tests/seed_mapping.rs`, which\n\
         fails when this page and the code drift apart. The left column is the appendix row as written in\n\
         `shared/seed/ke-hoach-12-KH-UBND-son-linh.txt`; the others are the records it became. Numbers use\n\
         the app's decimal comma. `seed/EXPECTED.md` settles every reading.\n\n\
         ## Appendix rows\n\n\
         | as written | code | criterion id | title | max / score | lost | stated | counts | task id | units / officers | deadline | flags and doubts |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for c in &v.criteria {
        let code = c.code.clone().unwrap();
        let task = v.tasks_of(&code).find(|t| t.origin == Origin::Appendix);
        let who = task.map_or(String::new(), |t| {
            let units: Vec<&str> = t
                .lead
                .iter()
                .filter_map(|u| v.unit(u))
                .map(|u| u.name.as_str())
                .collect();
            let officers: Vec<String> = t
                .officers
                .iter()
                .filter_map(|o| v.officer(o))
                .map(|o| format!("Đ/c {}", o.name))
                .collect();
            let mut parts = vec![];
            if units.len() == v.units.len() {
                parts.push("all six units".to_string());
            } else if !units.is_empty() {
                parts.push(units.join(", "));
            }
            if !officers.is_empty() {
                parts.push(officers.join(", "));
            }
            if !t.note.is_empty() {
                parts.push(format!("({})", t.note));
            }
            parts.join(" ")
        });
        let mut flags: Vec<String> = number_flags(c).iter().map(flag_text).collect();
        if c.no_evidence_loss {
            flags.push("lost for lack of evidence".into());
        }
        for d in task.map(|t| t.doubts.clone()).unwrap_or_default() {
            flags.push(match d {
                Doubt::UnitSlip { written, unit } => format!("“{written}” read as {unit}"),
                Doubt::UnitsFromMergedCell { from_code } => {
                    format!("units from the merged cell of {from_code}")
                }
                other => format!("{other:?}"),
            });
        }
        let written = if c.written.is_empty() {
            match c.origin {
                Origin::Inferred => "*(implied by its children)*".to_string(),
                Origin::Solutions => "*(Part II heading)*".to_string(),
                _ => c.title.clone(),
            }
        } else {
            c.written.clone()
        };
        let counts =
            at_stake(&v, &code).map_or("no".to_string(), |p| format!("yes, {}", p.to_vi()));
        out.push_str(&format!(
            "| {} | {} | `{}` | {} | {} / {} | {} | {} | {} | {} | {} | {} | {} |\n",
            written.replace('|', "\\|"),
            code,
            c.id,
            if c.title.is_empty() { "—" } else { &c.title },
            num(c.max),
            num(c.base),
            num(c.lost()),
            num(c.stated_loss),
            counts,
            task.map_or("—".to_string(), |t| format!("`{}`", t.id)),
            if who.is_empty() { "—".into() } else { who },
            task.map_or("—".to_string(), |t| deadline_vi(t.deadline)),
            flags.join("; "),
        ));
    }
    let s = scoring::standing(&v);
    out.push_str(&format!(
        "\nPoints recoverable: **{}**. Projected score if every task is done: {} + {} = **{}**.\n\n",
        s.recoverable.to_vi(),
        num(s.base_score),
        s.recoverable.to_vi(),
        num(s.projected_all)
    ));
    out.push_str("## Part II: solutions by domain\n\n| section | task id | task (as written) |\n|---|---|---|\n");
    for t in v.tasks.iter().filter(|t| t.origin == Origin::Solutions) {
        out.push_str(&format!(
            "| {} | `{}` | {} |\n",
            t.code.as_ref().unwrap(),
            t.id,
            t.title
        ));
    }
    out.push_str("\n## Targets\n\n| target id | title | goal | linked to |\n|---|---|---|---|\n");
    for t in &v.targets {
        let unit = if t.measure == Measure::Percent {
            " %"
        } else {
            ""
        };
        out.push_str(&format!(
            "| `{}` | {} | {} {}{} | {} |\n",
            t.id,
            t.title,
            t.cmp.symbol(),
            num(t.goal),
            unit,
            t.code.as_ref().map_or("—".into(), |c| c.to_string())
        ));
    }
    out.push_str("\n## Units and officers\n\n| id | unit or officer | spellings in the seed |\n|---|---|---|\n");
    for u in &v.units {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            u.id,
            u.name,
            u.aliases.join("; ")
        ));
    }
    for o in &v.officers {
        out.push_str(&format!(
            "| `{}` | Đ/c {} ({}) | {} |\n",
            o.id,
            o.name,
            v.unit(&o.unit).map_or("", |u| u.name.as_str()),
            o.title
        ));
    }
    out
}

#[test]
fn seed_mapping_doc_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/seed-mapping.md");
    let want = render();
    if std::env::var_os("CCHC_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == want, "docs/seed-mapping.md is out of date: run CCHC_UPDATE_DOCS=1 cargo test -p cchc-core --test seed_mapping");
}
