//! Each form the appendix parser reads, as data: one line of input, one line of what
//! it must read. A case failing prints both.

use cchc_core::exchange::paste::{self, deadline, points, who};
use cchc_core::model::deadline::UnknownDeadline;
use cchc_core::model::*;

/// The reading of a criterion cell, listing only what was found.
fn render_points(c: &points::CriterionCell) -> String {
    let d = |v: Option<Decimal>| v.map(|d| d.to_canonical());
    let mut parts = vec![format!("title={}", c.title)];
    let mut put = |name: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            parts.push(format!("{name}={v}"));
        }
    };
    put("max", d(c.max));
    put("base", d(c.base));
    put("self", d(c.base_self));
    put("loss", d(c.stated_loss));
    let deductions: Vec<String> = c
        .deductions
        .iter()
        .map(|x| format!("{}:{}", x.points.to_canonical(), x.reason))
        .collect();
    put("deductions", Some(deductions.join(";")));
    put("remark", Some(c.remark.clone()));
    put(
        "written",
        c.written_max.map(|m| {
            format!(
                "{}/{}",
                d(c.written_score).unwrap_or_default(),
                m.to_canonical()
            )
        }),
    );
    put("no_evidence", c.no_evidence_loss.then(|| "yes".to_string()));
    put("max_from_self", c.max_from_self.then(|| "yes".to_string()));
    put("unplaced", Some(c.unplaced.join(";")));
    parts.join(" | ")
}

fn check_points(cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(cell, want)| {
            let got = render_points(&points::read(cell, Decimal::from_int(20)));
            (got != *want).then(|| format!("  cell: {cell}\n  want: {want}\n   got: {got}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn points_in_every_form_the_plans_write() {
    check_points(&[
        (
            "Mức độ hoàn thành công tác CCHC điểm chấm 0,71/0,75 điểm thấp hơn 0.04 điểm: ",
            "title=Mức độ hoàn thành công tác CCHC | max=0.75 | base=0.71 | loss=0.04",
        ),
        (
            "Báo cáo định kỳ về CCHC điểm chấm 0.75/1đ điểm trừ 0.25 (báo cáo chưa đạt)",
            "title=Báo cáo định kỳ về CCHC | max=1 | base=0.75 | loss=0.25 | remark=báo cáo chưa đạt",
        ),
        (
            "Khắc phục tồn tại sau kiểm tra: 0.5/1 điểm điểm trừ là 0.5 ",
            "title=Khắc phục tồn tại sau kiểm tra | max=1 | base=0.5 | loss=0.5",
        ),
        (
            "Số hóa thủ tục hành chính 1 điểm (không có điểm)",
            "title=Số hóa thủ tục hành chính | max=1 | base=0 | remark=không có điểm",
        ),
        (
            "Rà soát thủ tục 0.5 (Không có điểm)",
            "title=Rà soát thủ tục | max=0.5 | base=0 | remark=Không có điểm",
        ),
        (
            "Sắp xếp thôn, tổ dân phố (trừ 2 điểm)",
            "title=Sắp xếp thôn, tổ dân phố | loss=2",
        ),
        (
            "Tổ chức thực hiện văn bản 0.5/1đ (điểm trừ là 0,5)",
            "title=Tổ chức thực hiện văn bản | max=1 | base=0.5 | loss=0.5",
        ),
        (
            "Công bố danh mục văn bản điểm tự chấm 0.25 (nội dung này không có điểm)",
            "title=Công bố danh mục văn bản | max=0.25 | base=0 | self=0.25 | remark=nội dung này không có điểm | max_from_self=yes",
        ),
        (
            "Tự kiểm tra điểm tự chấm 0,75/1 điểm chấm 0,5",
            "title=Tự kiểm tra | max=1 | base=0.5 | self=0.75",
        ),
        (
            "Ứng dụng công nghệ thông tin 2.75/4.25 điểm (Chất lượng cổng thông tin trừ 1 điểm; Kết quả phát triển chính quyền số điểm trừ 0.5 điểm)",
            "title=Ứng dụng công nghệ thông tin | max=4.25 | base=2.75 | loss=1.5 | deductions=1:Chất lượng cổng thông tin;0.5:Kết quả phát triển chính quyền số",
        ),
        (
            "Theo dõi thi hành pháp luật 150/175 điểm (điểm trừ là 0.25 điểm)",
            "title=Theo dõi thi hành pháp luật | max=1.75 | base=1.5 | loss=0.25 | written=150/175",
        ),
        (
            "Theo dõi thi hành pháp luật 150/175 điểm",
            "title=Theo dõi thi hành pháp luật | max=1.75 | base=1.5 | written=150/175",
        ),
        (
            "Tổ chức rà soát điểm 0.5 (Không có điểm) Vì không có văn bản, hồ sơ để chứng minh thực hiện)",
            "title=Tổ chức rà soát | max=0.5 | base=0 | remark=Không có điểm; Vì không có văn bản, hồ sơ để chứng minh thực hiện | no_evidence=yes",
        ),
        (
            "Báo cáo thiếu tài liệu kiểm chứng 0/1 điểm",
            "title=Báo cáo thiếu tài liệu kiểm chứng | max=1 | base=0",
        ),
        ("Rà soát văn bản QPPL điểm 1,25/1.57 (điểm trừ 0.5)", "title=Rà soát văn bản QPPL | max=1.57 | base=1.25 | loss=0.5"),
        ("Xử lý rà soát 0.25/0.50 (điểm trừ là 0.25 điểm)", "title=Xử lý rà soát | max=0.5 | base=0.25 | loss=0.25"),
        ("Tiêu chí đạt được 0,5/1,0 điểm", "title=Tiêu chí | max=1 | base=0.5"),
        ("Cập nhật tin bài, điểm bị trừ: 0,25", "title=Cập nhật tin bài | loss=0.25"),
        ("Kết quả chấm điểm tối đa 2 điểm đạt 1,5", "title=Kết quả chấm | max=2 | base=1.5"),
    ]);
}

#[test]
fn numbers_that_are_not_points_stay_in_the_title() {
    check_points(&[
        (
            "Tỷ lệ TTHC được triển khai dịch vụ công trực tuyến mức độ 4: 0,5/1 điểm (điểm trừ 0,5 điểm)",
            "title=Tỷ lệ TTHC được triển khai dịch vụ công trực tuyến mức độ 4 | max=1 | base=0.5 | loss=0.5",
        ),
        (
            " Viết sáng kiến kinh nghiệm ( có ít nhất 02 sáng kiến kinh nghiệm)",
            "title=Viết sáng kiến kinh nghiệm | remark=có ít nhất 02 sáng kiến kinh nghiệm",
        ),
        (
            "Áp dụng ISO 9001:2015 theo Quyết định 739/QĐ-UBND ngày 22/3/2017",
            "title=Áp dụng ISO 9001:2015 theo Quyết định 739/QĐ-UBND ngày 22/3/2017",
        ),
        ("Thực hiện Nghị định 61/2018 về một cửa", "title=Thực hiện Nghị định 61/2018 về một cửa"),
        ("Tỷ lệ 95% hồ sơ đúng hạn", "title=Tỷ lệ 95% hồ sơ đúng hạn"),
        ("Được 02 sáng kiến công nhận", "title=Được 02 sáng kiến công nhận"),
        ("Kiểm tra từ 10/11 đến 15/11", "title=Kiểm tra từ 10/11 đến 15/11"),
        ("Tỷ lệ hồ sơ (TTHC) đúng hạn 0.5/1 điểm", "title=Tỷ lệ hồ sơ (TTHC) đúng hạn | max=1 | base=0.5"),
        ("0,5/1 điểm", "title= | max=1 | base=0.5"),
        ("", "title="),
    ]);
}

#[test]
fn points_that_find_no_place_are_kept_for_the_preview() {
    check_points(&[(
        "Báo cáo điểm chấm 0,5/1 điểm chấm 0,75/1",
        "title=Báo cáo | max=1 | base=0.5 | unplaced=điểm chấm 0,75/1",
    )]);
}

fn render_who(w: &who::Who) -> String {
    let officers: Vec<String> = w
        .officers
        .iter()
        .map(|o| format!("{} ({})", o.name, o.role))
        .collect();
    let mut parts = Vec::new();
    for (name, list) in [
        ("units", w.units.join(" | ")),
        ("support", w.support.join(" | ")),
        ("officers", officers.join(" | ")),
        ("notes", w.notes.join(" | ")),
    ] {
        if !list.is_empty() {
            parts.push(format!("{name}: {list}"));
        }
    }
    parts.join(" / ")
}

#[test]
fn unit_cells_in_every_form_the_plans_write() {
    let cases = [
        (
            "Các bộ phận: Tư pháp, Tài chính – KT, Văn hóa – TT, Văn phòng  UBND, Địa chính, Văn hóa - XH  ",
            "units: Tư pháp | Tài chính – KT | Văn hóa – TT | Văn phòng UBND | Địa chính | Văn hóa - XH",
        ),
        ("Công chức Văn phòng Thống kê", "units: Công chức Văn phòng Thống kê"),
        (
            "Đ/c Phong, Công chức Văn phòng - Thống kê;\n Đ/c Thuận, Đ/c Phương Công chức Văn hóa - xã hội; Đ/c Long Công chức Tư pháp – Hộ tịch ",
            "officers: Phong (Công chức Văn phòng - Thống kê) | Thuận (Công chức Văn hóa - xã hội) | Phương (Công chức Văn hóa - xã hội) | Long (Công chức Tư pháp – Hộ tịch)",
        ),
        (
            "Văn phòng tham mưu (cả hệ thống chính trị thực hiện)  ",
            "units: Văn phòng / notes: cả hệ thống chính trị thực hiện",
        ),
        (
            "Văn phòng và các bộ phận chuyên môn liên quan",
            "units: Văn phòng / notes: và các bộ phận chuyên môn liên quan",
        ),
        (
            "Chủ trì: Văn phòng; Phối hợp: Tư pháp, Địa chính",
            "units: Văn phòng / support: Tư pháp | Địa chính",
        ),
        ("- Địa chính\n- Quân sự", "units: Địa chính | Quân sự"),
        (
            "Đồng chí Nguyễn Văn Hùng - Chủ tịch UBND",
            "officers: Nguyễn Văn Hùng (Chủ tịch UBND)",
        ),
        (
            "Văn phòng, Đ/c Lan",
            "units: Văn phòng / officers: Lan ()",
        ),
        ("", ""),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(cell, want)| {
            let got = render_who(&who::read(cell));
            (got != *want).then(|| format!("  cell: {cell:?}\n  want: {want}\n   got: {got}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn deadline_cells_in_every_form_and_unknown_forms_as_doubts() {
    let date = |y, m, d| {
        Ok(Deadline::Date(
            chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap(),
        ))
    };
    let rec = |monthly, quarterly| Ok(Deadline::Recurring { monthly, quarterly });
    let unknown = |s: &str| Err(UnknownDeadline(s.into()));
    let cases = [
        (" 10/11/2022", date(2022, 11, 10)),
        (" 30/9/2022", date(2022, 9, 30)),
        (
            "02/2022",
            Ok(Deadline::Month {
                year: 2022,
                month: 2,
            }),
        ),
        (" Hàng tháng, hàng quý", rec(true, true)),
        (" Hàng tháng", rec(true, false)),
        ("Hàng quý", rec(false, true)),
        ("", Ok(Deadline::None)),
        ("Trước ngày 31/01/2023", date(2023, 1, 31)),
        (
            "Trong tháng 6/2023",
            Ok(Deadline::Month {
                year: 2023,
                month: 6,
            }),
        ),
        ("Quý II/2023", unknown("Quý II/2023")),
        ("Thường xuyên", unknown("Thường xuyên")),
        ("Năm 2023", unknown("Năm 2023")),
        ("31/02/2023", unknown("31/02/2023")),
    ];
    for (cell, want) in cases {
        assert_eq!(deadline::read(cell), want, "{cell:?}");
    }
}

// ---- a made-up commune ----------------------------------------------------------------

const KIM_HOA: &str = "Kim Hoa";

/// A plan of another commune with units of its own, made through edits.
fn kim_hoa() -> Workspace {
    let mut ws = Workspace::new(ReplicaId(3));
    let plan = ids::plan(KIM_HOA, 2023);
    let mut ops = vec![edit::create(
        Kind::Plan,
        plan.clone(),
        vec![
            (records::f::COMMUNE, serde_json::json!(KIM_HOA)),
            (records::f::YEAR, serde_json::json!(2023)),
        ],
    )];
    let units = [
        "Văn phòng - Thống kê",
        "Tư pháp - Hộ tịch",
        "Địa chính - Xây dựng",
        "Văn hóa - Xã hội",
        "Tài chính - Kế toán",
    ];
    for (order, name) in units.iter().enumerate() {
        ops.push(edit::create(
            Kind::Unit,
            ids::unit(KIM_HOA, name),
            vec![
                (records::f::COMMUNE, serde_json::json!(KIM_HOA)),
                (records::f::NAME, serde_json::json!(name)),
                (records::f::ORDER, serde_json::json!(order + 1)),
            ],
        ));
    }
    let ctx = Ctx {
        now_ms: 1_680_000_000_000,
        who: "Lan".into(),
    };
    ws.apply(Action::Add, ops, &ctx).unwrap();
    ws
}

/// Word's copy of Kim Hoa's appendix: Roman domains numbered locally, points in columns
/// of their own, a coordinating column, a domain row merged across the table, an
/// unknown unit, a position that is no unit, deadline forms the parser does not know.
const KIM_HOA_APPENDIX: &str = "PHỤ LỤC
NHIỆM VỤ KHẮC PHỤC HẠN CHẾ CHỈ SỐ CCHC NĂM 2023
(Kèm theo Kế hoạch số 27/KH-UBND ngày 15/3/2023 của UBND xã Kim Hoa)
TT\tNội dung tiêu chí\tĐiểm tối đa\tĐiểm đạt\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn hoàn thành\tGhi chú
(1)\t(2)\t(3)\t(4)\t(5)\t(6)\t(7)\t(8)
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
1\tBan hành kế hoạch cải cách hành chính năm\t1\t0,5\tVăn phòng - Thống kê\t\tTrước ngày 31/01/2023\t
2\tKiểm tra công tác cải cách hành chính (không có báo cáo kết quả)\t1\t0\tCông chức Văn phòng-TK\tCác bộ phận liên quan\tQuý II/2023\tCần có biên bản kiểm tra
II\tCải cách thủ tục hành chính\t\t\t\t\t\t
1\tCông khai thủ tục hành chính trên cổng dịch vụ công\t0,75\t0,5\t\"Tư pháp - Hộ tịch;
Địa chính - XD\"\tVăn hóa - XH\tThường xuyên\t
2\tTỷ lệ hồ sơ giải quyết đúng hạn 1,5/2 điểm (trễ hạn 3 hồ sơ)\t\t\tBộ phận Một cửa\t\t30/11/2023\t
III\tXÂY DỰNG CHÍNH QUYỀN SỐ\t\t\t\t\t\t
1\tỨng dụng chữ ký số (trừ 0,25 điểm)\t\t\tĐ/c Nguyễn Văn Hùng, Chủ tịch UBND\t\tHàng quý\t
";

/// A row after matching: code, title, points, people by name, deadline, note, doubts.
fn render_row(row: &paste::PastedRow) -> String {
    let names = |list: &[paste::Named]| -> String {
        list.iter()
            .map(|n| match &n.found {
                paste::Found::Unit { name, .. } | paste::Found::Officer { name, .. } => {
                    name.clone()
                }
                paste::Found::Slip { name, .. } => format!("{name}?"),
                paste::Found::NewUnit { name } => format!("new unit {name}"),
                paste::Found::NewOfficer { name, title, .. } => {
                    format!("new officer {name}, {title}")
                }
                paste::Found::Ambiguous { names } => format!("one of {}", names.join(" or ")),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let c = &row.criterion;
    let d = |v: Option<Decimal>| v.map_or("-".to_string(), |d| d.to_canonical());
    let doubts: Vec<String> = row.doubts.iter().map(|d| format!("{d:?}")).collect();
    format!(
        "{} {}{} [{}/{} loss {}] lead: {} / support: {} / officers: {} / deadline: {} / note: {} / doubts: {}",
        row.code,
        if row.heading { "heading " } else { "" },
        c.title,
        d(c.base),
        d(c.max),
        d(c.stated_loss),
        names(&row.matched.lead),
        names(&row.matched.support),
        names(&row.matched.officers),
        row.deadline.to_data().unwrap_or_default(),
        row.task_note(),
        doubts.join(", "),
    )
}

#[test]
fn another_communes_appendix_reads_with_its_own_units_and_doubts() {
    let ws = kim_hoa();
    let plan = ids::plan(KIM_HOA, 2023);
    let view = PlanView::build(&ws.doc, &plan).unwrap();
    let p = paste::preview(KIM_HOA_APPENDIX, &view);
    let line = p.plan_line.clone().unwrap();
    assert_eq!(
        (line.number.as_str(), line.commune.as_str()),
        ("27/KH-UBND", KIM_HOA)
    );
    assert!(p.header);
    let want = [
        "1 heading CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH [-/- loss -] lead:  / support:  / officers:  / deadline:  / note:  / doubts: ",
        "1.1 Ban hành kế hoạch cải cách hành chính năm [0.5/1 loss -] lead: Văn phòng - Thống kê / support:  / officers:  / deadline: 2023-01-31 / note:  / doubts: Renumbered { written: \"1\" }",
        "1.2 Kiểm tra công tác cải cách hành chính [0/1 loss -] lead: Văn phòng - Thống kê / support:  / officers:  / deadline:  / note: Các bộ phận liên quan; Cần có biên bản kiểm tra / doubts: Renumbered { written: \"2\" }, UnknownDeadline { written: \"Quý II/2023\" }",
        "2 heading Cải cách thủ tục hành chính [-/- loss -] lead:  / support:  / officers:  / deadline:  / note:  / doubts: ",
        "2.1 Công khai thủ tục hành chính trên cổng dịch vụ công [0.5/0.75 loss -] lead: Tư pháp - Hộ tịch, Địa chính - Xây dựng / support: Văn hóa - Xã hội / officers:  / deadline:  / note:  / doubts: Renumbered { written: \"1\" }, UnknownDeadline { written: \"Thường xuyên\" }",
        "2.2 Tỷ lệ hồ sơ giải quyết đúng hạn [1.5/2 loss -] lead: new unit Bộ phận Một cửa / support:  / officers:  / deadline: 2023-11-30 / note:  / doubts: Renumbered { written: \"2\" }, UnknownUnit { written: \"Bộ phận Một cửa\" }",
        "3 heading XÂY DỰNG CHÍNH QUYỀN SỐ [-/- loss -] lead:  / support:  / officers:  / deadline:  / note:  / doubts: ",
        "3.1 Ứng dụng chữ ký số [-/- loss 0.25] lead:  / support:  / officers: new officer Nguyễn Văn Hùng, Chủ tịch UBND / deadline: quarterly / note:  / doubts: Renumbered { written: \"1\" }, UnknownOfficer { name: \"Nguyễn Văn Hùng\" }",
    ];
    let got: Vec<String> = p.rows.iter().map(render_row).collect();
    let failures: Vec<String> = want
        .iter()
        .zip(&got)
        .filter(|(w, g)| w != g)
        .map(|(w, g)| format!("  want: {w}\n   got: {g}"))
        .collect();
    assert!(
        failures.is_empty() && got.len() == want.len(),
        "\n{}\n(rows: {})",
        failures.join("\n\n"),
        got.len()
    );
    assert_eq!(p.inferred, [], "every domain is written");
    let offered: Vec<&str> = p.offers.units.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        offered,
        ["Bộ phận Một cửa"],
        "a position is no unit: Chủ tịch UBND is not offered"
    );
}

#[test]
fn another_communes_paste_creates_what_is_accepted_and_keeps_doubts_on_tasks() {
    let mut ws = kim_hoa();
    let plan = ids::plan(KIM_HOA, 2023);
    let view = PlanView::build(&ws.doc, &plan).unwrap();
    let mut p = paste::preview(KIM_HOA_APPENDIX, &view);
    // Accept the new unit, not the officer.
    p.offers.units.iter_mut().for_each(|o| o.accepted = true);
    let mut n = 0;
    let ops = paste::to_ops(&p, &ws.doc, &plan, &mut |k| {
        n += 1;
        ids::random(k, n)
    })
    .unwrap();
    let ctx = Ctx {
        now_ms: 1_690_000_000_000,
        who: "Lan".into(),
    };
    ws.apply(Action::Paste, ops, &ctx).unwrap();
    let v = PlanView::build(&ws.doc, &plan).unwrap();
    let unit = v
        .units
        .iter()
        .find(|u| u.name == "Bộ phận Một cửa")
        .expect("created");
    assert_eq!(unit.order, 6, "after the commune's units");
    assert_eq!(
        v.plan.number, "27/KH-UBND",
        "the plan line fills an empty number"
    );
    let task = |code: &str| {
        v.tasks_of(&Code::parse(code).unwrap())
            .next()
            .cloned()
            .unwrap()
    };
    assert_eq!(task("2.2").lead, std::slice::from_ref(&unit.id));
    assert_eq!(
        task("1.2").doubts,
        [records::Doubt::UnknownDeadline {
            written: "Quý II/2023".into()
        }]
    );
    assert_eq!(task("3.1").officers, Vec::<String>::new());
    assert_eq!(
        task("3.1").doubts,
        [records::Doubt::Unread {
            text: "Nguyễn Văn Hùng".into()
        }]
    );
    assert_eq!(task("2.1").support.len(), 1);
    // Pasting again, with the same choices: nothing changes.
    let v2 = PlanView::build(&ws.doc, &plan).unwrap();
    let p2 = paste::preview(KIM_HOA_APPENDIX, &v2);
    let again = paste::to_ops(&p2, &ws.doc, &plan, &mut |k| ids::random(k, 99)).unwrap();
    assert_eq!(again, []);
}

#[test]
fn a_table_without_header_or_points_still_reads_by_its_codes() {
    let text = "1\tCông tác chỉ đạo\t\t\t\n1.1\tBan hành kế hoạch\tVăn phòng\t15/3/2023\t\n6.1\tQuản lý tài chính\tKế toán\t\t\n";
    let p = paste::parse(text);
    let codes: Vec<String> = p.rows.iter().map(|r| r.code.to_string()).collect();
    assert_eq!(codes, ["1", "1.1", "6.1"]);
    assert!(!p.header);
    assert_eq!(
        p.inferred,
        [Code::parse("6").unwrap()],
        "a row needs its domain"
    );
    assert!(p.rows[0].heading && !p.rows[1].heading);
}

#[test]
fn text_that_is_no_table_gives_an_empty_preview_that_says_so() {
    for text in ["", "xin chào", "\t\t\t", "PHỤ LỤC\n\n", "\"", "1.2"] {
        let p = paste::parse(text);
        assert!(p.rows.is_empty(), "{text:?}");
        assert_eq!(p.doubts, [paste::TableDoubt::NoRows], "{text:?}");
    }
}

/// A table of rows `code<TAB>title 0,5/1 điểm<TAB>Văn phòng`, domains titled in capitals.
fn rows_table(codes: &[&str]) -> String {
    codes
        .iter()
        .map(|c| match Code::parse(c) {
            Some(code) if code.is_domain() => format!("{c}\tLĨNH VỰC {c}\t\t\t\n"),
            _ => format!("{c}\tTiêu chí {c} 0,5/1 điểm\tVăn phòng\t\t\n"),
        })
        .collect()
}

#[test]
fn parents_implied_by_the_rows_are_created_as_the_seed_settles_it() {
    let cases: &[(&[&str], &[&str])] = &[
        // 2.3.1 after 2.2: its parent is 2.2's sibling.
        (&["2", "2.2", "2.2.1", "2.3.1"], &["2.3"]),
        // Straight under a domain, sub-criteria need no criterion row.
        (&["3", "3.2.2", "3.5.2", "3.5.3"], &[]),
        (&["5", "5.7.1"], &[]),
        // Under a written heading, the first group is its content; a later group gets its heading.
        (
            &["7", "7.1", "7.1.1.1", "7.1.2.7", "7.2.1"],
            &["7.1.2", "7.2"],
        ),
        // A row needs its domain.
        (&["6.1", "6.2"], &["6"]),
    ];
    for (codes, want) in cases {
        let got: Vec<String> = paste::parse(&rows_table(codes))
            .inferred
            .iter()
            .map(Code::to_string)
            .collect();
        assert_eq!(got, *want, "{codes:?}");
    }
}

#[test]
fn roman_domains_with_full_codes_keep_them() {
    let text = "II\tCẢI CÁCH THỂ CHẾ\t\t\t\n2.1\tRà soát 0,5/1 điểm\tTư pháp\t\t\n2.2\tKiểm tra 1 điểm (không có điểm)\tTư pháp\t\t\n";
    let p = paste::parse(text);
    let codes: Vec<String> = p.rows.iter().map(|r| r.code.to_string()).collect();
    assert_eq!(codes, ["2", "2.1", "2.2"]);
    assert!(p
        .row_doubts()
        .all(|(_, d)| !matches!(d, paste::RowDoubt::Renumbered { .. })));
}

#[test]
fn a_name_that_fits_a_new_unit_better_follows_it_and_pastes_once() {
    let mut ws = kim_hoa();
    let plan = ids::plan(KIM_HOA, 2023);
    let text = "1\tCÔNG TÁC CHỈ ĐẠO\t\t\t\n1.1\tLập dự toán 0,5/1 điểm\tTài chính - Kế hoạch\t\t\n1.2\tQuyết toán 0,5/1 điểm\tTài chính – KH\t\t\n";
    let view = PlanView::build(&ws.doc, &plan).unwrap();
    let mut p = paste::preview(text, &view);
    let offered: Vec<&str> = p.offers.units.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(offered, ["Tài chính - Kế hoạch"]);
    assert_eq!(
        p.offers.units[0].rows,
        [Code::parse("1.1").unwrap(), Code::parse("1.2").unwrap()],
        "KH reads as the new Kế hoạch, not as a slip for Kế toán"
    );
    // Declined, KH is read against the commune's units: a slip for Kế toán.
    let ops = paste::to_ops(&p, &ws.doc, &plan, &mut |k| ids::random(k, 1)).unwrap();
    let lead_of = |ops: &[Op], code: &str| {
        ops.iter().find_map(|op| match op {
            Op::Create { kind, fields, .. }
                if kind == "task" && fields.get("code") == Some(&serde_json::json!(code)) =>
            {
                fields.get("lead").cloned()
            }
            _ => None,
        })
    };
    assert_eq!(
        lead_of(&ops, "1.2"),
        Some(serde_json::json!([ids::unit(
            KIM_HOA,
            "Tài chính - Kế toán"
        )]))
    );
    assert_eq!(lead_of(&ops, "1.1"), None, "declined: no lead");
    // Accepted, both rows go to it, and a second paste changes nothing.
    p.accept_all();
    let ops = paste::to_ops(&p, &ws.doc, &plan, &mut |k| ids::random(k, 2)).unwrap();
    let new_unit = ids::unit(KIM_HOA, "Tài chính - Kế hoạch");
    for code in ["1.1", "1.2"] {
        assert_eq!(
            lead_of(&ops, code),
            Some(serde_json::json!([new_unit])),
            "{code}"
        );
    }
    let ctx = Ctx {
        now_ms: 1_690_000_000_000,
        who: "Lan".into(),
    };
    ws.apply(Action::Paste, ops, &ctx).unwrap();
    let view = PlanView::build(&ws.doc, &plan).unwrap();
    let again = paste::to_ops(&paste::preview(text, &view), &ws.doc, &plan, &mut |k| {
        ids::random(k, 3)
    })
    .unwrap();
    assert_eq!(again, []);
}

#[test]
fn an_existing_record_gets_only_the_fields_that_differ() {
    let doc = seed::example();
    let plan = seed::plan_id();
    let view = PlanView::build(&doc, &plan).unwrap();
    let seed_text = include_str!("seed/ke-hoach-12-KH-UBND-son-linh.txt");
    let changed = seed_text
        .replace(
            "\tCông chức Văn phòng Thống kê\n\t15/11/2022\n\t\n\n\t1.5",
            "\tCông chức Văn phòng Thống kê\n\t20/11/2022\n\t\n\n\t1.5",
        )
        .replace(
            "đơn vị điểm 0.5 (Không có điểm)",
            "đơn vị điểm 0.75 (Không có điểm)",
        );
    assert_ne!(changed, seed_text);
    let p = paste::preview(&changed, &view);
    let ops = paste::to_ops(&p, &doc, &plan, &mut |k| ids::random(k, 1)).unwrap();
    let task_13 = ids::task(&plan, "1.3", "Báo cáo định kỳ hàng quý, hàng tháng về CCHC");
    let c_352 = ids::criterion(&plan, "3.5.2");
    let written_352 = "Tổ chức thực hiện rà soát đánh giá thủ tục hành chính tại cơ quan đơn vị điểm 0.75 (Không có điểm) Vì không có văn bản, hồ sơ để chứng minh thực hiện)";
    assert_eq!(
        ops,
        [
            Op::set(&c_352, "max", "0.75"),
            Op::set(&c_352, "written", written_352),
            Op::set(&task_13, "deadline", "2022-11-20"),
        ]
    );
}

#[test]
fn a_deleted_row_pasted_again_comes_back_under_a_fresh_id() {
    let mut ws = kim_hoa();
    let plan = ids::plan(KIM_HOA, 2023);
    let ctx = Ctx {
        now_ms: 1_690_000_000_000,
        who: "Lan".into(),
    };
    let text = "1\tCÔNG TÁC CHỈ ĐẠO\t\t\t\n1.1\tLập kế hoạch 0,5/1 điểm\tVăn phòng\t\t\n";
    let mut fresh = |k| ids::random(k, 42);
    paste::paste_all(&mut ws, &plan, text, &ctx, &mut fresh).unwrap();
    let task = ids::task(&plan, "1.1", "Lập kế hoạch");
    ws.apply(Action::Remove, vec![Op::Delete { id: task.clone() }], &ctx)
        .unwrap();
    paste::paste_all(&mut ws, &plan, text, &ctx, &mut fresh).unwrap();
    let view = PlanView::build(&ws.doc, &plan).unwrap();
    let ids_now: Vec<&str> = view.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids_now, [ids::random(Kind::Task, 42)]);
    assert!(
        ws.doc.get(&task).is_some_and(Record::is_deleted),
        "the deleted one stays deleted"
    );
}

#[test]
fn codes_and_titles_in_one_cell_and_merged_domain_rows_start_rows() {
    let cases: &[(&str, &str)] = &[
        (
            // Word's copy without header: domain rows merged across the table.
            "PHỤ LỤC\nI. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH\n1\tBan hành kế hoạch 1/1 điểm\tVăn phòng\t\t\n2\tKiểm tra 0,5/1 điểm\tVăn phòng\t\t\nII. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n1\tNiêm yết 0,5/1 điểm\tTư pháp\t\t\n",
            "1 CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH | 1.1 Ban hành kế hoạch | 1.2 Kiểm tra | 2 CẢI CÁCH THỦ TỤC HÀNH CHÍNH | 2.1 Niêm yết",
        ),
        (
            // The plain-text form with code and title in one cell.
            "\tI. CÔNG TÁC CHỈ ĐẠO\n\t1.1. Ban hành kế hoạch 1/1 điểm\n\tVăn phòng\n\t15/3/2023\n\t\n\n\t1.2. Kiểm tra 0,5/1 điểm\n\tVăn phòng\n\t\n\t\n",
            "1 CÔNG TÁC CHỈ ĐẠO | 1.1 Ban hành kế hoạch | 1.2 Kiểm tra",
        ),
        (
            // A list inside a criterion cell is no row.
            "\t3.1\n\tCải cách TTHC gồm:\n1. Niêm yết công khai\n2. Số hóa hồ sơ\n\tVăn phòng\n\t\n\t\n",
            "3.1 Cải cách TTHC gồm: 1. Niêm yết công khai 2. Số hóa hồ sơ",
        ),
    ];
    for (text, want) in cases {
        let p = paste::parse(text);
        let got: Vec<String> = p
            .rows
            .iter()
            .map(|r| format!("{} {}", r.code, r.criterion.title))
            .collect();
        assert_eq!(got.join(" | "), *want, "{text:?}");
    }
    let p = paste::parse(cases[0].0);
    assert_eq!(p.before_table, ["PHỤ LỤC"]);
    assert!(p.rows.iter().all(|r| r
        .doubts
        .iter()
        .all(|d| matches!(d, paste::RowDoubt::Renumbered { .. }))));
}
