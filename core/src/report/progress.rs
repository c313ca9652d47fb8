//! The progress report (Báo cáo kết quả thực hiện Kế hoạch …) as content: header,
//! sections of prose prefilled from the data, recipients and signature. The officer
//! edits the prose before printing, so every section is a plain string; renderers
//! (the Báo cáo view, `docx`) lay it out by Nghị định 30/2020.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::appendix::{appendix, Appendix};
use super::facts::{as_it_stood, in_domain, tally, Tally};
use super::period::{CutOffs, DateRange, ReportPeriod};
use super::words::{self, deadline_vi, sentence_case, TO_FILL};
use crate::model::code::{code_text, Code};
use crate::model::deadline::{date_vi, Period};
use crate::model::decimal::Points;
use crate::model::flags::{flags, Flag};
use crate::model::names::fold;
use crate::model::records::{Measure, Plan, Target, Task};
use crate::model::scoring::{domain_result, standing, task_timing, unit_loads, Rank, TaskTiming};
use crate::model::view::PlanView;

/// The top of the first page: issuing body, number, place and date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// "ỦY BAN NHÂN DÂN"
    pub body_above: String,
    /// "XÃ SƠN LĨNH"
    pub body_name: String,
    /// "UBND xã Sơn Lĩnh", as references name the body.
    pub short_name: String,
    /// The number the clerk gives; empty leaves it blank to write by hand.
    pub number: String,
    /// "BC-UBND"
    pub symbol: String,
    pub place: String,
    #[serde(with = "crate::model::deadline::iso_date")]
    pub date: NaiveDate,
}

impl Header {
    /// "Số: 25/BC-UBND", or "Số:      /BC-UBND" for the clerk to fill.
    pub fn number_line(&self) -> String {
        match self.number.trim() {
            "" => format!("Số:      /{}", self.symbol),
            n => format!("Số: {n}/{}", self.symbol),
        }
    }

    /// "Sơn Lĩnh, ngày 05 tháng 3 năm 2023"
    pub fn place_date_line(&self) -> String {
        words::place_date(&self.place, self.date)
    }
}

/// Who signs: on behalf of the committee (TM.), or for the chairman (KT.).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Signing {
    /// TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH
    #[default]
    OnBehalf,
    /// KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
    Deputy,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    pub signing: Signing,
    pub name: String,
}

impl Signature {
    /// The two lines above the signature: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH".
    pub fn lines(&self, committee: &str) -> [String; 2] {
        match self.signing {
            Signing::OnBehalf => [format!("TM. {committee}"), "CHỦ TỊCH".to_string()],
            Signing::Deputy => ["KT. CHỦ TỊCH".to_string(), "PHÓ CHỦ TỊCH".to_string()],
        }
    }

    /// The plan's signer: "KT. …" in its authority means a deputy signed.
    fn of_plan(plan: &Plan) -> Signature {
        let deputy = fold(&plan.signer_authority).starts_with("kt");
        Signature {
            signing: if deputy {
                Signing::Deputy
            } else {
                Signing::OnBehalf
            },
            name: plan.signer.clone(),
        }
    }
}

/// A numbered section: its heading and its prose, one paragraph a line
/// (lines starting with "- " are the usual dashed items).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

impl Section {
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.lines().filter(|l| !l.trim().is_empty())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    pub period: ReportPeriod,
    /// The data counted; None when the cut-off setting gives no valid span.
    pub range: Option<DateRange>,
    pub header: Header,
    /// "BÁO CÁO"
    pub title: String,
    /// The subject line under the title (trích yếu).
    pub subject: String,
    pub intro: String,
    /// I. direction, II. results, III. shortcomings, IV. next steps, V. proposals.
    pub sections: Vec<Section>,
    pub recipients: Vec<String>,
    pub signature: Signature,
    /// The plan's appendix with each row's status at the cut-off, printed after the report.
    pub appendix: Appendix,
}

impl ProgressReport {
    /// The three signature lines: authority, position, name.
    pub fn signature_lines(&self) -> [String; 3] {
        let [authority, position] = self.signature.lines(&self.header.body_above);
        [authority, position, self.signature.name.clone()]
    }

    /// "(Kèm theo Báo cáo số      /BC-UBND ngày 05 tháng 3 năm 2023 của UBND xã Sơn Lĩnh)":
    /// computed when printed, so a number the clerk adds later shows here too.
    pub fn appendix_attached(&self) -> String {
        let h = &self.header;
        let number = h.number_line().replacen("Số:", "số", 1);
        format!(
            "(Kèm theo Báo cáo {number} {} của {})",
            words::long_date(h.date),
            h.short_name
        )
    }

    /// "- Phòng Nội vụ;" … "- Lưu: VP-UBND.": the last item closes with a full stop.
    pub fn recipient_lines(&self) -> Vec<String> {
        let last = self.recipients.len().saturating_sub(1);
        self.recipients
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let r = r.trim().trim_end_matches(['.', ';']);
                format!("- {r}{}", if i == last { "." } else { ";" })
            })
            .collect()
    }
}

/// "Kế hoạch số 12/KH-UBND ngày 28/02/2022"
pub fn plan_reference(plan: &Plan) -> String {
    plan_reference_dated(plan, |d| format!("ngày {}", date_vi(d)))
}

/// The plan's name with its date written by `date`: the appendix's attached line
/// writes it in full ("ngày 28 tháng 02 năm 2022"), as the seed does.
pub(super) fn plan_reference_dated(plan: &Plan, date: impl Fn(NaiveDate) -> String) -> String {
    let mut out = String::from("Kế hoạch");
    if !plan.number.trim().is_empty() {
        out.push_str(&format!(" số {}", plan.number.trim()));
    }
    if let Some(d) = plan.date {
        out.push_str(&format!(" {}", date(d)));
    }
    out
}

/// The report for `period`, with data as it stood on `as_of` or at the period's
/// cut-off, whichever comes first. Dated `as_of`, number left blank for the clerk.
pub fn progress_report(
    view: &PlanView,
    period: ReportPeriod,
    as_of: NaiveDate,
    cut_offs: &CutOffs,
) -> ProgressReport {
    let range = period.range(cut_offs);
    let cut = period.cut(as_of, cut_offs);
    let past = as_it_stood(view, cut);
    let plan = &view.plan;
    let (body_above, body_name) = words::body_lines(&plan.body, &plan.commune);
    let mut appendix = appendix(&past, cut);
    let ctx = Ctx {
        view: &past,
        cut,
        all: tally(&past, cut, |_| true),
    };
    let header = Header {
        body_above,
        body_name,
        short_name: words::short_body(&plan.body, &plan.commune),
        number: String::new(),
        symbol: words::REPORT_SYMBOL.to_string(),
        place: plan.place.clone(),
        date: as_of,
    };
    let mut report = ProgressReport {
        period,
        range,
        header,
        title: words::REPORT_TITLE.to_string(),
        subject: subject(plan, period),
        intro: intro(plan, period, range),
        sections: vec![
            direction(&ctx),
            results(&ctx),
            shortcomings(&ctx),
            next_steps(&ctx),
            proposals(&ctx),
        ],
        recipients: recipients(plan),
        signature: Signature::of_plan(plan),
        appendix: Appendix::default(),
    };
    appendix.attached = report.appendix_attached();
    report.appendix = appendix;
    report
}

/// What every section reads: the plan as it stood, the cut-off, the overall counts.
struct Ctx<'a> {
    view: &'a PlanView,
    cut: NaiveDate,
    all: Tally,
}

fn subject(plan: &Plan, period: ReportPeriod) -> String {
    let mut out = format!("Kết quả thực hiện {}", plan_reference(plan));
    if !plan.title.trim().is_empty() {
        out.push_str(&format!(" về {}", words::decapitalize(plan.title.trim())));
    }
    format!("{out} ({})", period.name_vi())
}

fn intro(plan: &Plan, period: ReportPeriod, range: Option<DateRange>) -> String {
    let body = if plan.body.trim().is_empty() {
        format!("Ủy ban nhân dân xã {}", plan.commune)
    } else {
        plan.body.trim().to_string()
    };
    let span = range.map_or(String::new(), |r| {
        format!(
            " (số liệu từ ngày {} đến ngày {})",
            date_vi(r.from),
            date_vi(r.to)
        )
    });
    format!(
        "Thực hiện {}, {body} báo cáo kết quả thực hiện {}{span} như sau:",
        plan_reference(plan),
        period.name_vi(),
    )
}

fn recipients(plan: &Plan) -> Vec<String> {
    if plan.recipients.is_empty() {
        vec!["Lưu: VP-UBND".to_string()]
    } else {
        plan.recipients.clone()
    }
}

fn is_solution(task: &Task) -> bool {
    task.code.as_ref().is_none_or(Code::is_domain)
}

fn direction(ctx: &Ctx) -> Section {
    let view = ctx.view;
    let solutions = view.tasks.iter().filter(|t| is_solution(t)).count();
    let unassigned = view
        .tasks
        .iter()
        .filter(|t| view.units_of_task(t).is_empty())
        .count();
    let assigned = if unassigned == 0 {
        "tất cả đã giao bộ phận chủ trì".to_string()
    } else {
        format!(
            "đã giao bộ phận chủ trì {} nhiệm vụ, còn {unassigned} nhiệm vụ chưa giao",
            ctx.all.tasks - unassigned
        )
    };
    let mut lines = vec![format!(
        "Ủy ban nhân dân xã đã ban hành {} gồm {} nhiệm vụ: {} nhiệm vụ khắc phục theo Phụ lục và {solutions} nhiệm vụ, giải pháp theo lĩnh vực; {assigned}.",
        plan_reference(&view.plan),
        ctx.all.tasks,
        ctx.all.tasks - solutions,
    )];
    lines.extend(baseline(&view.plan));
    section("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", lines)
}

/// "Kết quả Chỉ số CCHC năm 2021 của xã đạt 75,84 điểm, xếp thứ 19/25 …"
fn baseline(plan: &Plan) -> Option<String> {
    let score = plan.base_score?;
    let year = plan
        .base_year
        .map_or(String::new(), |y| format!(" năm {y}"));
    let mut out = format!(
        "Kết quả Chỉ số CCHC{year} của xã đạt {} điểm",
        score.to_vi()
    );
    if let (Some(place), Some(of)) = (plan.base_rank, plan.ranked) {
        out.push_str(&format!(", xếp thứ {place}/{of}"));
    }
    if !plan.base_decision.trim().is_empty() {
        out.push_str(&format!(" (Quyết định số {}", plan.base_decision.trim()));
        if let Some(d) = plan.base_decision_date {
            out.push_str(&format!(" ngày {}", date_vi(d)));
        }
        if !plan.base_decision_by.trim().is_empty() {
            out.push_str(&format!(" của {}", plan.base_decision_by.trim()));
        }
        out.push(')');
    }
    out.push('.');
    if !plan.goal.trim().is_empty() {
        out.push_str(&format!(
            " Mục tiêu: {}.",
            plan.goal.trim().trim_end_matches('.')
        ));
    }
    Some(out)
}

fn results(ctx: &Ctx) -> Section {
    let all = &ctx.all;
    let mut lines = vec![
        format!("Tính đến ngày {}: {}.", date_vi(ctx.cut), counts(all)),
        points_line(ctx.view, all),
        evidence_line(all),
    ];
    for domain in ctx.view.domains() {
        let Some(code) = &domain.code else { continue };
        let t = tally(ctx.view, ctx.cut, |task| in_domain(task, code));
        if t.tasks > 0 {
            lines.push(domain_line(ctx.view, code, &domain.title, &t));
        }
    }
    let targets: Vec<String> = ctx
        .view
        .targets
        .iter()
        .map(|t| target_line(t, ctx.cut))
        .collect();
    if !targets.is_empty() {
        lines.push("Kết quả thực hiện các chỉ tiêu:".to_string());
        lines.extend(targets);
    }
    section("II. KẾT QUẢ THỰC HIỆN", lines)
}

/// "hoàn thành 3/42 nhiệm vụ (1 hoàn thành quá hạn); đang thực hiện 5; chưa thực hiện 34; quá hạn 2"
fn counts(t: &Tally) -> String {
    let mut out = format!("hoàn thành {}/{} nhiệm vụ", t.done, t.tasks);
    if t.done_late > 0 {
        out.push_str(&format!(" ({} hoàn thành quá hạn)", t.done_late));
    }
    format!(
        "{out}; đang thực hiện {}; chưa thực hiện {}; quá hạn {}",
        t.in_progress,
        t.not_started(),
        t.late
    )
}

fn points_line(view: &PlanView, all: &Tally) -> String {
    let s = standing(view);
    let mut out = format!(
        "Số điểm có thể khắc phục theo Kế hoạch: {} điểm; đã khắc phục: {} điểm.",
        all.recoverable.to_vi(),
        all.regained.to_vi()
    );
    if let (Some(base), Some(done), Some(total)) = (s.base_score, s.projected_done, s.projected_all)
    {
        let year = view
            .plan
            .base_year
            .map_or(String::new(), |y| format!("năm {y}: "));
        out.push_str(&format!(
            " Điểm dự kiến với các nhiệm vụ đã hoàn thành: {}{}; nếu hoàn thành tất cả nhiệm vụ: {}{} ({year}{} điểm).",
            points(done),
            rank(s.projected_rank_done),
            points(total),
            rank(s.projected_rank_all),
            base.to_vi(),
        ));
    }
    out
}

fn points(p: Points) -> String {
    format!("{} điểm", p.to_vi())
}

fn rank(r: Option<Rank>) -> String {
    r.map_or(String::new(), |r| format!(", xếp thứ {}/{}", r.place, r.of))
}

fn evidence_line(t: &Tally) -> String {
    format!(
        "Hồ sơ, tài liệu kiểm chứng đã thu thập: {} (đã cập nhật lên phần mềm: {}).",
        t.evidence, t.uploaded
    )
}

/// "1. Công tác chỉ đạo, điều hành CCHC: 9 nhiệm vụ, …; điểm đã khắc phục 0/0,79 điểm; …"
fn domain_line(view: &PlanView, code: &Code, title: &str, t: &Tally) -> String {
    let mut out = format!(
        "{code}. {}: {} nhiệm vụ; hoàn thành {}, quá hạn {}",
        sentence_case(title.trim()),
        t.tasks,
        t.done,
        t.late
    );
    if !t.recoverable.is_zero() {
        out.push_str(&format!(
            "; điểm đã khắc phục {}/{} điểm",
            t.regained.to_vi(),
            t.recoverable.to_vi()
        ));
    }
    out.push_str(&format!(
        "; hồ sơ kiểm chứng: {} (đã cập nhật {})",
        t.evidence, t.uploaded
    ));
    if let Some((max, score)) = domain_result(view, code) {
        out.push_str(&format!(
            "; kết quả năm trước: {}/{} điểm",
            score.to_vi(),
            max.to_vi()
        ));
    }
    out.push('.');
    out
}

/// "- Sáng kiến kinh nghiệm về công tác CCHC: chỉ tiêu ≥ 2; đạt 1 (chưa đạt)."
fn target_line(target: &Target, cut: NaiveDate) -> String {
    let unit = match target.measure {
        Measure::Percent => "%",
        Measure::Count => "",
    };
    let goal = target.goal.map_or(String::new(), |g| {
        format!(" chỉ tiêu {} {}{unit};", target.cmp.symbol(), g.to_vi())
    });
    let value = match (target.current(cut), target.met(cut)) {
        (Some((on, v)), met) => {
            let verdict = match met {
                Some(true) => " (đạt)",
                Some(false) => " (chưa đạt)",
                None => "",
            };
            format!("{}{unit} ngày {}{verdict}", v.to_vi(), date_vi(on))
        }
        (None, _) => words::NO_DATA.to_string(),
    };
    format!("- {}:{goal} hiện đạt: {value}.", target.title.trim())
}

fn shortcomings(ctx: &Ctx) -> Section {
    let view = ctx.view;
    let mut lines = vec!["1. Tồn tại, hạn chế".to_string()];
    let mut found = false;
    for task in &view.tasks {
        if let TaskTiming::Late { since, periods } = task_timing(task, &view.plan, ctx.cut) {
            lines.push(late_line(view, task, since, &periods));
            found = true;
        }
    }
    for c in &view.criteria {
        if flags(view, c)
            .iter()
            .any(|f| matches!(f, Flag::NoEvidence { .. }))
        {
            lines.push(format!(
                "- {} {}: đã hoàn thành nhưng chưa có hồ sơ kiểm chứng, sẽ không được tính điểm.",
                code_text(c.code.as_ref()),
                short(&c.title)
            ));
            found = true;
        }
    }
    let not_uploaded = ctx.all.evidence - ctx.all.uploaded;
    if not_uploaded > 0 {
        lines.push(format!(
            "- Còn {not_uploaded} hồ sơ kiểm chứng chưa cập nhật lên phần mềm."
        ));
        found = true;
    }
    if !found {
        lines.push("- Không có nhiệm vụ quá hạn.".to_string());
    }
    lines.push("2. Nguyên nhân".to_string());
    lines.push(format!("- {TO_FILL}"));
    section("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", lines)
}

/// "- 4.3 Phân công cụ thể … (Văn phòng - Thống kê): quá hạn từ 28/02/2022."
fn late_line(view: &PlanView, task: &Task, since: NaiveDate, periods: &[Period]) -> String {
    let what = if periods.is_empty() {
        format!("quá hạn từ {}", date_vi(since))
    } else {
        let names: Vec<String> = periods.iter().map(|p| period_vi(*p)).collect();
        format!("chưa thực hiện kỳ {}", names.join(", "))
    };
    format!("- {}{}: {what}.", task_label(task), units_label(view, task))
}

/// A recurring period as prose writes it: "tháng 3/2022", "quý I/2022".
pub fn period_vi(p: Period) -> String {
    match p {
        Period::Month { year, month } => format!("tháng {month}/{year}"),
        Period::Quarter { year, quarter } => {
            let roman = ["I", "II", "III", "IV"];
            match quarter.checked_sub(1).and_then(|i| roman.get(i as usize)) {
                Some(q) => format!("quý {q}/{year}"),
                None => format!("quý {quarter}/{year}"),
            }
        }
    }
}

fn task_label(task: &Task) -> String {
    format!("{} {}", code_text(task.code.as_ref()), short(&task.title))
        .trim()
        .to_string()
}

/// " (Tư pháp - Hộ tịch, Văn phòng - Thống kê)", or nothing when no unit is named.
fn units_label(view: &PlanView, task: &Task) -> String {
    let names: Vec<&str> = view
        .units_of_task(task)
        .iter()
        .filter_map(|id| view.unit(id))
        .map(|u| u.name.as_str())
        .collect();
    if names.is_empty() {
        String::new()
    } else {
        format!(" ({})", names.join(", "))
    }
}

/// Part II titles are whole paragraphs: prose lists name them by their first words.
fn short(title: &str) -> String {
    const WORDS: usize = 14;
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

fn next_steps(ctx: &Ctx) -> Section {
    let view = ctx.view;
    let open = ctx.all.tasks - ctx.all.done;
    let mut lines = vec![format!(
        "- Tiếp tục thực hiện {open} nhiệm vụ chưa hoàn thành, ưu tiên các nhiệm vụ quá hạn và sắp đến hạn."
    )];
    let names = |id: &str| view.unit(id).map_or(String::new(), |u| u.name.clone());
    for load in unit_loads(view, ctx.cut) {
        let open = load.tasks - load.done;
        if open == 0 {
            continue;
        }
        let mut line = format!(
            "- {}: {open} nhiệm vụ chưa hoàn thành (quá hạn {}, sắp đến hạn {})",
            names(&load.unit_id),
            load.late,
            load.due_soon
        );
        if !load.at_stake.is_zero() {
            line.push_str(&format!(
                "; còn {} điểm phải khắc phục",
                load.at_stake.to_vi()
            ));
        }
        line.push('.');
        lines.push(line);
    }
    for task in &view.tasks {
        if let TaskTiming::DueSoon(on) = task_timing(task, &view.plan, ctx.cut) {
            lines.push(format!(
                "- Sắp đến hạn ({}): {}{}.",
                date_vi(on),
                task_label(task),
                units_label(view, task)
            ));
        }
    }
    if !view.plan.goal.trim().is_empty() {
        lines.push(format!(
            "- {}.",
            view.plan.goal.trim().trim_end_matches('.')
        ));
    }
    section("IV. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", lines)
}

/// Proposals are the committee's to write; the extensions granted are facts it may cite.
fn proposals(ctx: &Ctx) -> Section {
    let mut lines = Vec::new();
    for task in &ctx.view.tasks {
        for ext in &task.extensions {
            let reason = if ext.reason.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", ext.reason.trim())
            };
            lines.push(format!(
                "- Gia hạn {} (thời hạn ban đầu: {}) đến ngày {}{reason}.",
                task_label(task),
                none_dash(&deadline_vi(task.deadline)),
                date_vi(ext.date)
            ));
        }
    }
    lines.push(format!("- {TO_FILL}"));
    section("V. ĐỀ XUẤT, KIẾN NGHỊ", lines)
}

fn none_dash(text: &str) -> &str {
    if text.is_empty() {
        "không có"
    } else {
        text
    }
}

fn section(heading: &str, lines: Vec<String>) -> Section {
    Section {
        heading: heading.to_string(),
        body: lines.join("\n"),
    }
}
