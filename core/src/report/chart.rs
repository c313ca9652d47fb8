//! Charts as SVG markup, for the UI to inline and the print to keep: no script, no
//! library. Each shows only what the data holds; where it holds nothing the chart
//! says "chưa có số liệu" rather than draw a guess. Status is told by colour and text.

use chrono::{Datelike, NaiveDate};

use super::words::{sentence_case, NO_DATA};
use super::xml::{attrs, esc};
use crate::model::deadline::month_end;
use crate::model::scoring::{domain_result, unit_loads};
use crate::model::view::PlanView;

const WIDTH: i64 = 720;
const ROW: i64 = 28;
const TOP: i64 = 36;
const LABEL: i64 = 300;
const BAR: i64 = 260;
const DONE: &str = "#2e7d32";
const LATE: &str = "#c62828";
const OPEN: &str = "#b0bec5";
const MAX: &str = "#cfd8dc";
const SCORE: &str = "#1565c0";
/// Longest label drawn; the full text is in the element's tooltip.
const LABEL_CHARS: usize = 40;
/// Months shown at most: two years of a plan.
const MONTHS: usize = 24;

fn svg(height: i64, title: &str, body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img"{}><title>{}</title><text x="0" y="18" font-size="15" font-weight="bold">{}</text>{body}</svg>"#,
        attrs(&[("aria-label", title)]),
        esc(title),
        esc(title)
    )
}

fn text(x: i64, y: i64, content: &str, extra: &[(&str, &str)]) -> String {
    sized_text(x, y, 13, content, extra)
}

fn sized_text(x: i64, y: i64, size: u32, content: &str, extra: &[(&str, &str)]) -> String {
    format!(
        r#"<text x="{x}" y="{y}" font-size="{size}"{}>{}</text>"#,
        attrs(extra),
        esc(content)
    )
}

fn rect(x: i64, y: i64, width: i64, height: i64, fill: &str, tip: &str) -> String {
    format!(
        r#"<rect x="{x}" y="{y}" width="{}" height="{height}" fill="{fill}"><title>{}</title></rect>"#,
        width.max(0),
        esc(tip)
    )
}

/// A label cut to fit, with an ellipsis.
fn fit(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// `part` of `whole` as a length of `full` pixels; nothing when the whole is nothing.
fn scale(part: i64, whole: i64, full: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        part.clamp(0, whole) * full / whole
    }
}

/// A chart that has nothing to draw says so.
fn no_data(title: &str, hint: &str) -> String {
    no_data_in(title, NO_DATA, hint)
}

fn no_data_in(title: &str, none: &str, hint: &str) -> String {
    svg(
        70,
        title,
        &(text(0, 44, &format!("{title}: {none}"), &[]) + &text(0, 62, hint, &[("fill", "#555")])),
    )
}

/// The words of the points chart, in the caller's language.
pub struct DomainChartWords {
    pub title: &'static str,
    /// Said where a domain's result is not entered.
    pub no_data: &'static str,
    /// Said when no domain has a result.
    pub hint: &'static str,
    /// After "8,5/10".
    pub points: &'static str,
}

/// The report's words: the official report is Vietnamese whatever the app's language.
pub const DOMAIN_CHART_VI: DomainChartWords = DomainChartWords {
    title: "Điểm theo lĩnh vực",
    no_data: NO_DATA,
    hint: "Nhập điểm tối đa và điểm đạt của từng lĩnh vực để xem biểu đồ.",
    points: "điểm",
};

/// Points obtained against the max, per domain, where the domain's result is entered.
pub fn points_by_domain_svg(view: &PlanView, words: &DomainChartWords) -> String {
    let title = words.title;
    let domains: Vec<_> = view
        .domains()
        .filter_map(|d| Some((d.code.as_ref()?, d)))
        .map(|(code, d)| {
            let label = format!("{code}. {}", sentence_case(d.title.trim()));
            (label, domain_result(view, code))
        })
        .collect();
    let widest = domains
        .iter()
        .filter_map(|(_, r)| r.map(|(max, _)| max.milli()))
        .max()
        .unwrap_or(0);
    if widest <= 0 {
        return no_data_in(title, words.no_data, words.hint);
    }
    let mut body = String::new();
    for (i, (label, result)) in domains.iter().enumerate() {
        let y = TOP + i as i64 * ROW;
        body.push_str(&text(0, y + 15, &fit(label), &[]));
        match result {
            Some((max, score)) => {
                let value = format!("{}/{} {}", score.to_vi(), max.to_vi(), words.points);
                let tip = format!("{label}: {value}");
                body.push_str(&rect(
                    LABEL,
                    y + 2,
                    scale(max.milli(), widest, BAR),
                    18,
                    MAX,
                    &tip,
                ));
                let obtained = scale(score.milli(), widest, BAR);
                body.push_str(&rect(LABEL, y + 2, obtained, 18, SCORE, &tip));
                body.push_str(&text(LABEL + BAR + 8, y + 15, &value, &[]));
            }
            None => body.push_str(&text(LABEL, y + 15, words.no_data, &[("fill", "#555")])),
        }
    }
    svg(TOP + domains.len() as i64 * ROW + 8, title, &body)
}

/// Tasks done, counted by the month of their completion date and added up.
pub fn tasks_done_over_time_svg(view: &PlanView, as_of: NaiveDate) -> String {
    const TITLE: &str = "Nhiệm vụ hoàn thành theo tháng (cộng dồn)";
    let dated: Vec<NaiveDate> = view
        .tasks
        .iter()
        .filter(|t| t.is_done())
        .filter_map(|t| t.done_on)
        .collect();
    let undated = view.tasks.iter().filter(|t| t.is_done()).count() - dated.len();
    let months = months_shown(view, as_of, &dated);
    if view.tasks.is_empty() || months.is_empty() {
        return no_data(TITLE, "Kế hoạch chưa có nhiệm vụ.");
    }
    let total = view.tasks.len() as i64;
    let chart_height = 200;
    let base = TOP + 20 + chart_height;
    let step = (WIDTH - 40) / months.len() as i64;
    let mut body = text(
        0,
        TOP + 8,
        &format!("Tổng số: {total} nhiệm vụ"),
        &[("fill", "#555")],
    );
    body.push_str(&format!(
        r##"<line x1="0" y1="{0}" x2="{WIDTH}" y2="{0}" stroke="#555" stroke-dasharray="4 3"/>"##,
        TOP + 20
    ));
    for (i, (year, month)) in months.iter().enumerate() {
        let end = month_end(*year, *month);
        let done = dated
            .iter()
            .filter(|d| end.is_some_and(|e| **d <= e))
            .count() as i64;
        let height = scale(done, total, chart_height);
        let x = 20 + i as i64 * step;
        let name = format!("{month:02}/{year}");
        let tip = format!("Đến hết tháng {name}: {done}/{total} nhiệm vụ hoàn thành");
        body.push_str(&rect(x, base - height, step - 8, height, DONE, &tip));
        let middle = x + (step - 8) / 2;
        let anchor = [("text-anchor", "middle")];
        body.push_str(&text(middle, base - height - 4, &done.to_string(), &anchor));
        body.push_str(&sized_text(middle, base + 14, 11, &name, &anchor));
    }
    let mut height = base + 24;
    if undated > 0 {
        body.push_str(&text(
            0,
            height + 12,
            &format!("{undated} nhiệm vụ hoàn thành không ghi ngày, không có trong biểu đồ."),
            &[("fill", "#555")],
        ));
        height += 20;
    }
    svg(height, TITLE, &body)
}

/// From the plan's first month (or an earlier completion) to the as-of month: at most
/// the last two years.
fn months_shown(view: &PlanView, as_of: NaiveDate, dated: &[NaiveDate]) -> Vec<(i32, u32)> {
    let plan_start = (view.plan.year, view.plan.start_month());
    let first = dated
        .iter()
        .map(|d| (d.year(), d.month()))
        .chain([plan_start])
        .min()
        .unwrap_or(plan_start);
    let last = (as_of.year(), as_of.month()).max(first);
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    while (year, month) <= last {
        out.push((year, month));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    let skip = out.len().saturating_sub(MONTHS);
    out.split_off(skip)
}

/// Each unit's tasks: done, late, and the rest, in colour and in words.
pub fn progress_by_unit_svg(view: &PlanView, as_of: NaiveDate) -> String {
    const TITLE: &str = "Tiến độ theo bộ phận";
    let loads: Vec<_> = unit_loads(view, as_of)
        .into_iter()
        .filter(|l| l.tasks > 0)
        .collect();
    let most = loads.iter().map(|l| l.tasks as i64).max().unwrap_or(0);
    if most == 0 {
        return no_data(TITLE, "Chưa có nhiệm vụ nào được giao cho bộ phận.");
    }
    let mut body = legend();
    for (i, load) in loads.iter().enumerate() {
        let y = TOP + 20 + i as i64 * ROW;
        let name = view
            .unit(&load.unit_id)
            .map_or(String::new(), |u| u.name.clone());
        let (tasks, done, late) = (load.tasks as i64, load.done as i64, load.late as i64);
        let summary = format!("{done}/{tasks} hoàn thành, {late} quá hạn");
        let tip = format!("{name}: {summary}");
        body.push_str(&text(0, y + 15, &fit(&name), &[]));
        let done_w = scale(done, most, BAR);
        let late_w = scale(late, most, BAR);
        let all_w = scale(tasks, most, BAR);
        body.push_str(&rect(LABEL - 100, y + 2, all_w, 18, OPEN, &tip));
        body.push_str(&rect(LABEL - 100, y + 2, done_w, 18, DONE, &tip));
        body.push_str(&rect(LABEL - 100 + done_w, y + 2, late_w, 18, LATE, &tip));
        body.push_str(&text(LABEL - 100 + BAR + 8, y + 15, &summary, &[]));
    }
    svg(TOP + 20 + loads.len() as i64 * ROW + 8, TITLE, &body)
}

fn legend() -> String {
    let items = [
        (DONE, "Hoàn thành"),
        (LATE, "Quá hạn"),
        (OPEN, "Chưa hoàn thành"),
    ];
    let mut out = String::new();
    for (i, (colour, name)) in items.iter().enumerate() {
        let x = i as i64 * 150;
        out.push_str(&rect(x, TOP - 2, 12, 12, colour, name));
        out.push_str(&text(x + 18, TOP + 9, name, &[]));
    }
    out
}
