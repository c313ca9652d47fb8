//! Property tests: on any text the appendix parser returns a preview without panicking,
//! and adding a paste twice changes nothing the second time. Inputs are arbitrary text,
//! text built from the appendix's own pieces, and the seed's appendix mutated (lines
//! deleted or duplicated, characters inserted).

use cchc_core::exchange::paste;
use cchc_core::model::*;
use proptest::prelude::*;

mod paste_support;

use paste_support::{appendix, ctx, plan_and_units, random_ids};

/// Previews `text` for the seed plan, accepts every offer, applies the edits, and
/// checks that the same preview then yields no edit, nor a fresh preview of the text.
fn paste_twice(text: &str) -> Result<(), TestCaseError> {
    let mut ws = plan_and_units();
    let plan = seed::plan_id();
    let view = PlanView::build(&ws.doc, &plan).ok_or_else(|| TestCaseError::fail("no plan"))?;
    let mut preview = paste::preview(text, &view);
    preview.accept_all();
    let mut ids = random_ids();
    let ops = paste::to_ops(&preview, &ws.doc, &plan, &mut ids)
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    ws.apply(Action::Paste, ops, &ctx())
        .map_err(|e| TestCaseError::fail(format!("the edits were refused: {e:?}")))?;
    let again = paste::to_ops(&preview, &ws.doc, &plan, &mut ids)
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(again, Vec::<Op>::new(), "same preview, second time");
    let view = PlanView::build(&ws.doc, &plan).ok_or_else(|| TestCaseError::fail("no plan"))?;
    let fresh = paste::preview(text, &view);
    let again = paste::to_ops(&fresh, &ws.doc, &plan, &mut ids)
        .map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    prop_assert_eq!(again, Vec::<Op>::new(), "fresh preview, second time");
    Ok(())
}

/// Pieces of appendix text, so that generated input reaches deep into the parser.
const PIECES: &[&str] = &[
    "\t",
    "\t",
    "\n",
    "\n",
    " ",
    "\"",
    "(",
    ")",
    ";",
    ",",
    ":",
    "/",
    "-",
    "–",
    "1",
    "2",
    "7",
    "1.2",
    "2.2.1",
    "7.1.1.1",
    "4.3 ",
    "II",
    "I.",
    "0,5",
    "0.75",
    "150",
    "1đ",
    "điểm",
    "điểm chấm",
    "điểm trừ là",
    "tự chấm",
    "trừ",
    "thấp hơn",
    "không có điểm",
    "STT",
    "Ghi chú",
    "Đơn vị chủ trì",
    "Thời gian",
    "Các bộ phận:",
    "Đ/c",
    "Phong",
    "Long",
    "Công chức",
    "Văn phòng",
    "Tư pháp - HT",
    "Tài chính – KH",
    "Văn hóa",
    "Quân sự",
    "và các bộ phận liên quan",
    "tham mưu",
    "Phối hợp",
    "15/11/2022",
    "02/2022",
    "Hàng tháng",
    "hàng quý",
    "Quý II",
    "CẢI CÁCH HÀNH CHÍNH",
    "Rà soát văn bản",
    "chứng minh",
    "(Kèm theo kế hoạch số 12 /KH-UBND ngày 28 tháng 02 năm 2022 của UBND xã Sơn Lĩnh)",
];

fn table_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Insert(usize, usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let chars = prop_oneof![
        Just('\t'),
        Just('\n'),
        Just('"'),
        Just('('),
        Just(')'),
        Just('/'),
        Just('1'),
        Just('.'),
        any::<char>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>(), chars).prop_map(|(l, c, ch)| Mutation::Insert(l, c, ch)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for m in mutations {
        if lines.is_empty() {
            break;
        }
        match *m {
            Mutation::Delete(l) => {
                lines.remove(l % lines.len());
            }
            Mutation::Duplicate(l) => {
                let at = l % lines.len();
                let copy = lines[at].clone();
                lines.insert(at, copy);
            }
            Mutation::Insert(l, c, ch) => {
                let n = lines.len();
                let line = &mut lines[l % n];
                let at = line
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([line.len()])
                    .nth(c % (line.chars().count() + 1))
                    .unwrap_or(0);
                line.insert(at, ch);
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_text_gives_a_preview(text in any::<String>()) {
        let p = paste::parse(&text);
        prop_assert!(!p.rows.is_empty() || p.doubts.contains(&paste::TableDoubt::NoRows));
    }

    #[test]
    fn table_like_text_gives_a_preview_and_pastes_once(text in table_like()) {
        paste_twice(&text)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_seed_mutated_pastes_once(mutations in prop::collection::vec(mutation(), 1..10)) {
        paste_twice(&mutate(appendix(), &mutations))?;
    }
}

#[test]
fn the_seed_itself_pastes_once() {
    assert!(paste_twice(appendix()).is_ok());
}

/// Found by the property above: a row naming two new units (a duplicated header row shifts the
/// deadline into the units column) and a garbled one. The first paste listed the new units in
/// the cell's order, the second in the order they were numbered, so pasting again changed them.
#[test]
fn new_units_keep_their_place_in_a_task_when_pasted_again() {
    let mutations = [
        Mutation::Insert(1_072_265_646_934_776_878, 2_079_381_525_458_234, ')'),
        Mutation::Duplicate(5_722_970_284_778_559_665),
    ];
    paste_twice(&mutate(appendix(), &mutations)).unwrap();
}
