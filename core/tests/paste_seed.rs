//! Pasting the seed's appendix gives the built-in example's criteria and tasks, field
//! for field and with the same ids. The example is written by hand (model::seed); the
//! parser reads the document: the two are checked against each other.

use cchc_core::exchange::paste::compare::{differences, is_appendix, Difference};
use cchc_core::exchange::paste::{self, PastePreview, RowDoubt, TableDoubt};
use cchc_core::model::flags::Flag;
use cchc_core::model::*;

mod paste_support;

use paste_support::{appendix, ctx, plan_and_units, random_ids, SEED};

/// Pastes into a plan with its units only, accepting what is offered.
fn paste_into_empty_plan(text: &str) -> (Workspace, PastePreview) {
    let mut ws = plan_and_units();
    let preview = paste::paste_all(&mut ws, &seed::plan_id(), text, &ctx(), &mut random_ids())
        .expect("the paste applies");
    (ws, preview)
}

fn is_officer(r: &Record) -> bool {
    r.kind == Kind::Officer
}

fn show(diffs: &[Difference]) -> String {
    diffs
        .iter()
        .map(|d| {
            format!(
                "{} {} {}: expected {} got {}",
                d.code, d.id, d.field, d.expected, d.got
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pasted document holds exactly the example's appendix records and officers.
fn assert_same_as_example(text: &str, what: &str) {
    let (ws, _) = paste_into_empty_plan(text);
    let example = seed::example();
    let diffs = differences(&example, &ws.doc, is_appendix);
    assert!(
        diffs.is_empty(),
        "{what}: appendix records differ:\n{}",
        show(&diffs)
    );
    let diffs = differences(&example, &ws.doc, is_officer);
    assert!(
        diffs.is_empty(),
        "{what}: officers differ:\n{}",
        show(&diffs)
    );
    let appendix_records = ws.doc.live().filter(|(_, r)| is_appendix(r)).count();
    // 6 domains, 4 headings and 19 rows as criteria, 19 tasks.
    assert_eq!(appendix_records, 6 + 4 + 19 + 19, "{what}");
}

#[test]
fn the_appendix_pasted_gives_the_example_field_for_field() {
    assert_same_as_example(appendix(), "appendix");
}

#[test]
fn the_whole_plan_pasted_gives_the_same() {
    assert_same_as_example(SEED, "whole file");
}

#[test]
fn the_appendix_copied_from_word_gives_the_same() {
    assert_same_as_example(&word_copy(appendix(), Quotes::Quoted), "TSV, quoted");
    assert_same_as_example(&word_copy(appendix(), Quotes::Bare), "TSV, unquoted");
}

#[test]
fn pasting_into_the_built_in_example_changes_nothing() {
    let doc = seed::example();
    let view = PlanView::build(&doc, &seed::plan_id()).unwrap();
    let p = paste::preview(appendix(), &view);
    assert!(
        p.offers.units.is_empty() && p.offers.officers.is_empty(),
        "{:?}",
        p.offers
    );
    let ops = paste::to_ops(&p, &doc, &seed::plan_id(), &mut random_ids()).unwrap();
    assert_eq!(ops, [], "the example already says all the appendix says");
}

#[test]
fn pasting_twice_changes_nothing_the_second_time() {
    let (mut ws, _) = paste_into_empty_plan(appendix());
    let before = ws.doc.clone();
    let again = paste::paste_all(
        &mut ws,
        &seed::plan_id(),
        appendix(),
        &ctx(),
        &mut random_ids(),
    );
    assert!(again.is_ok());
    assert_eq!(ws.doc, before);
}

#[test]
fn the_plan_line_names_the_plan() {
    let p = paste::parse(appendix());
    let line = p.plan_line.expect("plan line");
    assert_eq!(line.number, "12/KH-UBND");
    assert_eq!(line.date, chrono::NaiveDate::from_ymd_opt(2022, 2, 28));
    assert_eq!(line.commune, "Sơn Lĩnh");
    assert!(p.header, "the header row is recognised and skipped");
    let view = PlanView::build(&seed::example(), &seed::plan_id()).unwrap();
    let doubts = paste::preview(appendix(), &view).doubts;
    assert_eq!(doubts, [], "same plan: no doubt about it");
}

#[test]
fn the_plan_line_of_another_plan_is_a_doubt() {
    let view = PlanView::build(&seed::example(), &seed::plan_id()).unwrap();
    let text = appendix()
        .replace("số 12 /KH-UBND", "số 15/KH-UBND")
        .replace("Sơn Lĩnh)", "Sơn Kim)");
    let fields: Vec<paste::PlanField> = paste::preview(&text, &view)
        .doubts
        .into_iter()
        .filter_map(|d| match d {
            TableDoubt::OtherPlan { field, .. } => Some(field),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [paste::PlanField::Number, paste::PlanField::Commune]
    );
}

#[test]
fn the_slips_of_the_seed_are_doubts_in_the_preview() {
    let view = PlanView::build(&plan_and_units().doc, &seed::plan_id()).unwrap();
    let p = paste::preview(appendix(), &view);
    let doubts = |code: &str| -> Vec<RowDoubt> {
        p.rows
            .iter()
            .filter(|r| r.code.to_string() == code)
            .flat_map(|r| r.doubts.clone())
            .collect()
    };
    let dec = |s: &str| Decimal::parse(s).unwrap();
    // 2.2: 1,25/1.57 with 0.5 deducted does not add up; 1,75 is the likely max.
    assert!(
        doubts("2.2").contains(&RowDoubt::Points(Flag::LossMismatch {
            stated: dec("0.5"),
            computed: dec("0.32"),
            likely_max: Some(dec("1.75")),
        })),
        "{:?}",
        doubts("2.2")
    );
    // 2.3.2: 150/175 cannot be an item's points; read as 1,5/1,75.
    assert!(
        doubts("2.3.2").contains(&RowDoubt::Points(Flag::Implausible {
            written_max: Some(dec("175")),
            written_score: Some(dec("150")),
            read_max: Some(dec("1.75")),
            read_score: Some(dec("1.5")),
        }))
    );
    // 7.1.1.1: "Tài chính – KH" is a slip for Tài chính - Kế toán.
    assert!(doubts("7.1.1.1").contains(&RowDoubt::UnitSlip {
        written: "Tài chính – KH".into(),
        unit: "Tài chính - Kế toán".into(),
    }));
    for code in ["7.1.2.7", "7.2.1"] {
        assert!(doubts(code).contains(&RowDoubt::UnitsFromMergedCell {
            from_code: Code::parse("7.1.1.1").unwrap()
        }));
    }
    // The four officers are offered, no unit.
    let offered: Vec<&str> = p.offers.officers.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(offered, ["Phong", "Thuận", "Phương", "Long"]);
    assert!(p.offers.units.is_empty());
    // Nothing else in the seed is doubtful: every doubt is one EXPECTED.md names.
    let allowed = |d: &RowDoubt| {
        matches!(
            d,
            RowDoubt::Points(_)
                | RowDoubt::UnitSlip { .. }
                | RowDoubt::UnitsFromMergedCell { .. }
                | RowDoubt::UnknownOfficer { .. }
                | RowDoubt::MaxFromSelfScore
        )
    };
    let others: Vec<_> = p.row_doubts().filter(|(_, d)| !allowed(d)).collect();
    assert!(others.is_empty(), "{others:?}");
}

#[test]
fn new_people_are_created_only_when_accepted() {
    let ws = plan_and_units();
    let view = PlanView::build(&ws.doc, &seed::plan_id()).unwrap();
    let p = paste::preview(appendix(), &view);
    let ops = paste::to_ops(&p, &ws.doc, &seed::plan_id(), &mut random_ids()).unwrap();
    let officers = ops
        .iter()
        .filter(|op| matches!(op, Op::Create { kind, .. } if kind == "officer"))
        .count();
    assert_eq!(officers, 0, "offers not accepted");
    // 1.7 then names nobody it knows, and says so.
    let task_17 = ops.iter().find_map(|op| match op {
        Op::Create { kind, fields, .. }
            if kind == "task" && fields.get("code") == Some(&serde_json::json!("1.7")) =>
        {
            Some(fields.clone())
        }
        _ => None,
    });
    let doubts = task_17
        .and_then(|f| f.get("doubts").cloned())
        .unwrap_or_default();
    assert_eq!(doubts.as_array().map(Vec::len), Some(4), "{doubts}");
}

// ---- the seed as Word copies it ------------------------------------------------------

#[derive(Clone, Copy)]
enum Quotes {
    /// Word's copy: a cell with line breaks is quoted.
    Quoted,
    /// Some editors copy such cells bare.
    Bare,
}

/// Lays the seed's appendix out as Word copies a table: the lines before the table as
/// they are, then one line per row, cells separated by tabs. A row starts at a cell
/// that is a code; the rows 7.1.2.7 and 7.2.1, which the plain text runs into the
/// merged unit cell of 7.1.1.1, get empty cells as Word gives them.
fn word_copy(plain: &str, quotes: Quotes) -> String {
    let mut out = String::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in plain.lines() {
        match line.trim_start_matches(' ').strip_prefix('\t') {
            Some(cell) if is_code(cell) || cell.trim() == "STT" => {
                rows.push(vec![cell.to_string()])
            }
            Some(cell) => match rows.last_mut() {
                Some(row) => row.push(cell.to_string()),
                None => out.push_str(&format!("{line}\n")),
            },
            None => match rows.last_mut().and_then(|r| r.last_mut()) {
                Some(cell) => cell.push_str(&format!("\n{line}")),
                None => out.push_str(&format!("{line}\n")),
            },
        }
    }
    for mut row in rows {
        row.resize(5, String::new());
        let cells: Vec<String> = row
            .iter()
            .map(|c| word_cell(c.trim_end(), quotes))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

fn is_code(cell: &str) -> bool {
    Code::parse(cell).is_some()
}

fn word_cell(cell: &str, quotes: Quotes) -> String {
    match quotes {
        Quotes::Quoted if cell.contains(['\n', '"']) => {
            format!("\"{}\"", cell.replace('"', "\"\""))
        }
        _ => cell.to_string(),
    }
}

#[test]
fn the_word_copy_helper_lays_out_one_line_per_row() {
    let tsv = word_copy(appendix(), Quotes::Quoted);
    let starts: Vec<&str> = tsv
        .lines()
        .filter_map(|l| l.split_once('\t').map(|(first, _)| first))
        .filter(|first| is_code(first) || *first == "STT")
        .collect();
    assert_eq!(
        starts.len(),
        1 + 6 + 1 + 19,
        "header, domains, 7.1 and the rows"
    );
    // 1.7's unit cell keeps its line break, inside quotes.
    assert!(tsv.contains("\"Đ/c Phong, Công chức Văn phòng - Thống kê;\n Đ/c Thuận"));
    assert!(tsv.contains("7.2.1\t Áp dụng hệ thống quản lý chất lương ISO 1.75/2.25 điểm ( điểm trừ là 0.5 điểm)\t\t\t\n"));
}
