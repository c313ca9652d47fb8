//! A large, realistic workspace for measuring: communes × tasks with Vietnamese text,
//! deterministic from a seed. Used by `make bench` and storage tests, never by the app.

use serde_json::json;

use crate::model::doc::{Doc, Kind};
use crate::model::ids;
use crate::model::records::f;
use crate::model::seed;
use crate::model::stamp::{Hlc, ReplicaId, Stamp};
use crate::model::workspace::{Action, Ctx, Op, Workspace};

const COMMUNES: [&str; 25] = [
    "Sơn Lĩnh",
    "Sơn Thủy",
    "Sơn Hà",
    "Sơn Trung",
    "Sơn Phú",
    "Hương Sơn",
    "Kim Hoa",
    "Đức Lĩnh",
    "Hòa Hải",
    "Quang Diệm",
    "An Hòa Thịnh",
    "Tân Mỹ Hà",
    "Sơn Tây",
    "Sơn Kim",
    "Sơn Lâm",
    "Sơn Giang",
    "Sơn Ninh",
    "Sơn Long",
    "Sơn Tiến",
    "Sơn Hồng",
    "Sơn Bằng",
    "Sơn Châu",
    "Sơn Bình",
    "Sơn Trường",
    "Phố Châu",
];

const VERBS: [&str; 10] = [
    "Rà soát, cập nhật",
    "Xây dựng kế hoạch",
    "Tổ chức tuyên truyền về",
    "Nâng cao chất lượng",
    "Đôn đốc, kiểm tra việc thực hiện",
    "Báo cáo định kỳ về",
    "Hoàn thiện hồ sơ kiểm chứng",
    "Công khai, niêm yết",
    "Số hóa, lưu trữ",
    "Khắc phục tồn tại sau kiểm tra",
];

const OBJECTS: [&str; 10] = [
    "cải cách hành chính của xã",
    "thủ tục hành chính tại bộ phận một cửa",
    "văn bản quy phạm pháp luật hết hiệu lực",
    "dịch vụ công trực tuyến mức độ 3, mức độ 4",
    "kỷ luật, kỷ cương hành chính",
    "hệ thống quản lý chất lượng ISO 9001:2015",
    "chữ ký số và phần mềm quản lý văn bản",
    "chỉ tiêu phát triển kinh tế - xã hội",
    "trang thông tin điện tử của xã",
    "sáng kiến kinh nghiệm trong công tác CCHC",
];

/// What officers write in a task's note.
const NOTES: [&str; 6] = [
    "Thực hiện theo Công văn số {n}/UBND-VP của UBND huyện",
    "Đã gửi dự thảo xin ý kiến các bộ phận, chờ tổng hợp",
    "Phối hợp với Văn phòng HĐND - UBND, báo cáo trước ngày {d}",
    "Kết quả kiểm tra đợt {n}: còn tồn tại về hồ sơ lưu trữ",
    "Đề nghị bổ sung kinh phí, đã trình Chủ tịch UBND xã",
    "Chưa có hướng dẫn của cấp trên; theo dõi, đôn đốc",
];

/// A tiny deterministic generator (xorshift), so samples are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// A workspace of `communes` plans (the example's criteria and units for each), with
/// `tasks_per_commune` tasks each, edited by the given replica, some of them done.
pub fn workspace(communes: usize, tasks_per_commune: usize, replica: ReplicaId) -> Workspace {
    let mut ws = Workspace::new(replica);
    ws.doc = doc(communes, tasks_per_commune);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let tasks: Vec<String> = ws
        .doc
        .live_of(Kind::Task)
        .map(|(id, _)| id.clone())
        .collect();
    let ctx = Ctx {
        now_ms: 1_665_800_000_000,
        who: "Phong".into(),
    };
    let ops: Vec<Op> = tasks
        .iter()
        .filter(|_| rng.next().is_multiple_of(3))
        .flat_map(|id| {
            [
                Op::set(id, f::STATUS, "in_progress"),
                Op::set(id, f::PROGRESS, 40),
            ]
        })
        .collect();
    let _ = ws.apply(Action::Edit, ops, &ctx);
    ws.history.clear();
    ws.undo.clear();
    ws
}

/// The records only: plans, units, criteria (copied from the example) and generated tasks.
pub fn doc(communes: usize, tasks_per_commune: usize) -> Doc {
    let example = seed::example();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut doc = Doc::default();
    let stamp = Stamp::new(Hlc::new(1_665_000_000_000, 0), ReplicaId(1));
    for n in 0..communes {
        let commune = COMMUNES[n % COMMUNES.len()];
        let commune = if n < COMMUNES.len() {
            commune.to_string()
        } else {
            format!("{commune} {}", n / COMMUNES.len() + 1)
        };
        let plan = ids::plan(&commune, seed::YEAR);
        // The example's records, re-keyed for this commune.
        for (id, record) in &example.records {
            let mut r = record.clone();
            let new_id = format!("{id}{n}");
            if r.kind == Kind::Plan {
                r.write(f::COMMUNE, json!(commune), stamp);
                doc.records.insert(plan.clone(), r);
                continue;
            }
            if r.fields.contains_key(f::PLAN) {
                r.write(f::PLAN, json!(plan), stamp);
            }
            if r.fields.contains_key(f::COMMUNE) {
                r.write(f::COMMUNE, json!(commune), stamp);
            }
            if r.kind != Kind::Task {
                doc.records.insert(new_id, r);
            }
        }
        let codes = [
            "1.2", "1.3", "1.5", "2.2.1", "2.2.3", "2.3.1", "3.2.2", "3.5.2", "4.3", "5.7.1",
            "7.1.1.1", "7.2.1",
        ];
        let units: Vec<String> = seed::UNITS
            .iter()
            .map(|(u, _)| ids::unit(&commune, u))
            .collect();
        for t in 0..tasks_per_commune {
            let code = codes[t % codes.len()];
            let title = format!(
                "{} {} (đợt {})",
                rng.pick(&VERBS),
                rng.pick(&OBJECTS),
                t / codes.len() + 1
            );
            let id = ids::task(&plan, code, &title);
            // Each task typed at its own time by one of three officers, as real work is.
            let at = (n * tasks_per_commune + t) as u64;
            let stamp = Stamp::new(
                Hlc::new(1_665_000_000_000 + at * 37_000, 0),
                ReplicaId(1 + at % 3),
            );
            let mut r = crate::model::doc::Record::new(Kind::Task);
            let deadline = format!("2022-{:02}-{:02}", 1 + rng.next() % 12, 1 + rng.next() % 28);
            let lead = &units[(rng.next() % units.len() as u64) as usize];
            for (name, value) in [
                (f::PLAN, json!(plan)),
                (f::CODE, json!(code)),
                (f::TITLE, json!(title)),
                (f::LEAD, json!([lead])),
                (f::DEADLINE, json!(deadline)),
                (f::STATUS, json!("not_started")),
                (f::ORIGIN, json!("manual")),
            ] {
                r.write(name, value, stamp);
            }
            if rng.next().is_multiple_of(3) {
                r.write(f::NOTE, json!(note(&mut rng)), stamp);
            }
            if rng.next().is_multiple_of(4) {
                let (evidence_id, evidence) = evidence(&mut rng, &plan, &id, stamp);
                doc.records.insert(evidence_id, evidence);
            }
            doc.records.insert(id, r);
        }
    }
    doc
}

fn note(rng: &mut Rng) -> String {
    rng.pick(&NOTES)
        .replace("{n}", &(100 + rng.next() % 900).to_string())
        .replace(
            "{d}",
            &format!("{:02}/{:02}/2022", 1 + rng.next() % 28, 1 + rng.next() % 12),
        )
}

/// A filed document proving a task: a report of the People's Committee.
fn evidence(
    rng: &mut Rng,
    plan: &str,
    task: &str,
    stamp: Stamp,
) -> (String, crate::model::doc::Record) {
    let number = 100 + rng.next() % 900;
    let mut r = crate::model::doc::Record::new(Kind::Evidence);
    for (name, value) in [
        (f::PLAN, json!(plan)),
        (f::TASK, json!(task)),
        (f::NUMBER, json!(format!("{number}/BC-UBND"))),
        (
            f::DATE,
            json!(format!(
                "2022-{:02}-{:02}",
                1 + rng.next() % 12,
                1 + rng.next() % 28
            )),
        ),
        (
            f::TITLE,
            json!(format!("Báo cáo kết quả thực hiện {}", rng.pick(&OBJECTS))),
        ),
        (f::ISSUER, json!("UBND xã")),
    ] {
        r.write(name, value, stamp);
    }
    (format!("{task}-hs{number}"), r)
}
