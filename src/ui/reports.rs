//! Báo cáo: the progress report of a period, shown as the document it prints (Nghị định
//! 30/2020), editable before printing, with its appendix, Word and Excel files and charts.
//!
//! Content comes from `cchc_core::report`; this view picks the period, keeps the officer's
//! edits (stored per plan and period by `state::reports`) and draws. It is built lean for
//! the single file's budget: a static frame with a few reactive attributes, the repeated
//! markup (document, details form, cut-offs, period list) as escaped HTML strings, and one
//! delegated listener per kind of event (docs/reports.md, "The view").

mod cut_offs;
mod document;
mod files;
#[cfg(test)]
mod tests;

use cchc_core::model::deadline::{date_vi, parse_date_vi};
use cchc_core::report::{
    appendix_text, appendix_xlsx, as_it_stood, file_name, points_by_domain_svg,
    progress_by_unit_svg, progress_report, report_docx, tasks_done_over_time_svg, Columns, CutOffs,
    ExportError, ProgressReport, ReportPeriod, Signing, DOMAIN_CHART_VI,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{i18n, Flash, ViewPage};
use crate::router::View;
use crate::state::{reports as store, AppState, Shared};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The report being prepared, and what it was made from.
#[derive(Clone, Copy)]
pub(crate) struct Editor {
    state: AppState,
    flash: Flash,
    /// The period the officer picked; none until they pick one.
    chosen: RwSignal<Option<ReportPeriod>>,
    /// The period shown: the one picked if it belongs to the plan's year, else the one due.
    period: Memo<Option<ReportPeriod>>,
    cut_offs: RwSignal<CutOffs>,
    /// What is shown, printed and exported: the generated report with the officer's edits.
    report: RwSignal<Option<ProgressReport>>,
    /// Points by domain, tasks done over time, progress by unit: SVG.
    charts: RwSignal<String>,
    plan_id: StoredValue<String>,
    /// Fingerprint of the generated text the edits started from.
    basis: StoredValue<u64>,
    edited: RwSignal<bool>,
    stale: RwSignal<bool>,
    /// Bumped on every (re)build: the details form is drawn again from the new report.
    generation: RwSignal<u32>,
    /// Bumped when the document must be drawn again: a (re)build, or a detail changed.
    /// Typing in the document's own prose does not redraw it.
    drawn: RwSignal<u32>,
}

/// A piece of prose the officer edits in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Prose {
    Subject,
    Intro,
    /// Sections I–V, from 0.
    Section(usize),
}

impl Prose {
    fn key(self) -> String {
        match self {
            Prose::Subject => "subject".into(),
            Prose::Intro => "intro".into(),
            Prose::Section(i) => (i + 1).to_string(),
        }
    }

    fn parse(key: &str) -> Option<Prose> {
        match key {
            "subject" => Some(Prose::Subject),
            "intro" => Some(Prose::Intro),
            n => n.parse::<usize>().ok()?.checked_sub(1).map(Prose::Section),
        }
    }

    /// The element's id, for tests and links: `report-section-1`.
    fn id(self) -> String {
        match self {
            Prose::Section(i) => format!("report-section-{}", i + 1),
            other => format!("report-{}", other.key()),
        }
    }

    fn get(self, r: &ProgressReport) -> String {
        match self {
            Prose::Subject => r.subject.clone(),
            Prose::Intro => r.intro.clone(),
            Prose::Section(i) => r
                .sections
                .get(i)
                .map(|s| s.body.clone())
                .unwrap_or_default(),
        }
    }

    fn set(self, r: &mut ProgressReport, text: String) {
        match self {
            Prose::Subject => r.subject = text,
            Prose::Intro => r.intro = text,
            Prose::Section(i) => {
                if let Some(s) = r.sections.get_mut(i) {
                    s.body = text;
                }
            }
        }
    }
}

impl Editor {
    fn new(state: AppState, flash: Flash) -> Editor {
        let chosen = RwSignal::new(None);
        let cut_offs = RwSignal::new(store::cut_offs());
        let period = Memo::new(move |_| {
            let year = state.plan.with(|p| p.as_ref().map(|v| v.plan.year))?;
            Some(match chosen.get() {
                Some(p) if ReportPeriod::year(p) == year => p,
                _ => ReportPeriod::due(year, state.as_of(), &cut_offs.get()),
            })
        });
        Editor {
            state,
            flash,
            chosen,
            period,
            cut_offs,
            report: RwSignal::new(None),
            charts: RwSignal::new(String::new()),
            plan_id: StoredValue::new(String::new()),
            basis: StoredValue::new(0),
            edited: RwSignal::new(false),
            stale: RwSignal::new(false),
            generation: RwSignal::new(0),
            drawn: RwSignal::new(0),
        }
    }

    /// Builds the report from the current plan, period, date and cut-offs (tracked when
    /// called in an effect): the stored draft over fresh data, or the fresh report.
    fn load(self) {
        let (Some(view), Some(period)) = (self.state.plan.get(), self.period.get()) else {
            self.report.set(None);
            return;
        };
        let as_of = self.state.as_of();
        let cut_offs = self.cut_offs.get();
        let fresh = progress_report(&view, period, as_of, &cut_offs);
        let made_from = store::fingerprint(&fresh);
        let (report, basis, edited) = match store::draft(&view.plan.id, period) {
            Some(draft) => {
                let basis = draft.basis;
                (draft.restore(&fresh), basis, true)
            }
            None => (fresh, made_from, false),
        };
        self.charts.set(charts(&view, period.cut(as_of, &cut_offs)));
        self.plan_id.set_value(view.plan.id.clone());
        self.basis.set_value(basis);
        self.edited.set(edited);
        self.stale.set(edited && basis != made_from);
        self.report.set(Some(report));
        self.generation.update(|g| *g += 1);
        self.drawn.update(|g| *g += 1);
    }

    /// Applies an officer's edit and stores the draft.
    fn edit(self, change: impl FnOnce(&mut ProgressReport)) {
        let Some(period) = self.period.get_untracked() else {
            return;
        };
        let basis = self.basis.get_value();
        let mut draft = None;
        self.report.update(|report| {
            if let Some(r) = report.as_mut() {
                change(r);
                r.appendix.attached = r.appendix_attached();
                draft = Some(store::Draft::of(r, basis));
            }
        });
        let saved = draft.map_or(Ok(()), |d| {
            store::save_draft(&self.plan_id.get_value(), period, &d)
        });
        if !self.edited.get_untracked() {
            self.edited.set(true);
        }
        if let Err(e) = saved {
            let t = &i18n::t().reports;
            self.flash.say(format!("{} {e}", t.draft_not_saved));
        }
    }

    /// An edit of a detail the document shows (number, date, signer…): drawn again.
    fn edit_detail(self, change: impl FnOnce(&mut ProgressReport)) {
        self.edit(change);
        self.drawn.update(|g| *g += 1);
    }

    /// What the officer typed in the document: already on screen, so not drawn again.
    fn edit_prose(self, prose: Prose, typed: &str) {
        // Paragraphs a line; the browser's non-breaking spaces are plain spaces on paper.
        let text = document::lines(&typed.replace('\u{a0}', " "))
            .collect::<Vec<_>>()
            .join("\n");
        self.edit(|r| prose.set(r, text));
    }

    /// Forgets the edits of this period and generates the report again.
    fn rebuild(self) {
        let t = &i18n::t().reports;
        if let Some(period) = self.period.get_untracked() {
            if let Err(e) = store::drop_draft(&self.plan_id.get_value(), period) {
                self.flash.say(format!("{} {e}", t.draft_not_saved));
                return;
            }
        }
        untrack(|| self.load());
        self.flash.say(t.rebuilt);
    }

    fn set_cut_offs(self, change: impl FnOnce(&mut CutOffs)) {
        self.cut_offs.update(change);
        if let Err(e) = store::set_cut_offs(&self.cut_offs.get_untracked()) {
            self.flash.say(e.to_string());
        }
    }

    fn commune(self) -> String {
        self.state.plan.with_untracked(|p| {
            p.as_ref()
                .map(|v| v.plan.commune.clone())
                .unwrap_or_default()
        })
    }
}

/// The three charts of the plan as it stood on the report's cut-off date.
fn charts(view: &Shared, cut: chrono::NaiveDate) -> String {
    let past = as_it_stood(view, cut);
    [
        points_by_domain_svg(&past, &DOMAIN_CHART_VI),
        tasks_done_over_time_svg(&past, cut),
        progress_by_unit_svg(&past, cut),
    ]
    .map(|svg| format!(r#"<figure class="chart">{svg}</figure>"#))
    .concat()
}

#[component]
pub fn ReportsView() -> impl IntoView {
    let t = &i18n::t().reports;
    let ed = Editor::new(expect_context::<AppState>(), expect_context::<Flash>());
    Effect::new(move |_| ed.load());
    let ui = Ui {
        ed,
        preview: RwSignal::new(false),
        asking: RwSignal::new(false),
        copy_box: RwSignal::new(None),
        cut_offs_drawn: RwSignal::new(0),
    };
    let has_report = move || ed.report.with(Option::is_some);
    view! {
        <ViewPage view=View::Reports>
            <div class="report-ui" hidden=move || !has_report()
                on:click=move |ev| ui.click(&ev) on:change=move |ev| ui.change(&ev)
                on:input=move |ev| ui.input(&ev) on:focusout=move |ev| ui.leave(&ev)>
                <div class="report-bar" role="toolbar" aria-label=t.document>
                    <label class="report-period">
                        {t.period} " "
                        <select id="report-period" inner_html=move || cut_offs::period_options(ed)></select>
                    </label>
                    <p class="report-span">
                        {t.as_of} ": " <strong id="report-as-of">{move || date_vi(ed.state.as_of())}</strong>
                        " · " <span id="report-span">{move || span(ed)}</span>
                    </p>
                    <div class="report-actions">
                        <button type="button" id="report-print" class="primary">{t.print}</button>
                        <button type="button" id="report-docx">{t.docx}</button>
                        <button type="button" id="report-xlsx">{t.xlsx}</button>
                        <button type="button" id="report-copy">{t.copy}</button>
                    </div>
                    <textarea id="report-copy-box" class="copy-box" readonly rows="6" aria-label=t.copy
                        hidden=move || ui.copy_box.with(Option::is_none)
                        prop:value=move || ui.copy_box.get().unwrap_or_default()></textarea>
                </div>
                <details class="report-cut-offs">
                    <summary>{t.cut_offs}</summary>
                    <p class="hint">{t.cut_offs_hint}</p>
                    <table>
                        <thead><tr><th>{t.period}</th><th>{t.cut_off_from}</th><th>{t.cut_off_to}</th></tr></thead>
                        <tbody inner_html=move || { ui.cut_offs_drawn.track(); cut_offs::rows(ed.cut_offs.get_untracked()) }></tbody>
                    </table>
                    <button type="button" id="report-cut-offs-reset">{t.cut_offs_reset}</button>
                </details>
                <fieldset class="report-meta" inner_html=move || {
                    ed.generation.track();
                    ed.report.with_untracked(|r| r.as_ref().map(document::details_form)).unwrap_or_default()
                }></fieldset>
                <div class="report-status" class:stale=move || ed.stale.get() hidden=move || !ed.edited.get() role="status">
                    <p>{move || if ed.stale.get() { t.stale } else { t.edited }}</p>
                    <button type="button" id="report-rebuild" hidden=move || ui.asking.get()>{t.rebuild}</button>
                    <p class="confirm" hidden=move || !ui.asking.get()>
                        {t.rebuild_confirm} " "
                        <button type="button" id="report-rebuild-yes">{t.rebuild_yes}</button> " "
                        <button type="button" id="report-rebuild-no">{t.rebuild_no}</button>
                    </p>
                </div>
                <div class="report-doc-bar">
                    <h3>{t.document}</h3>
                    <label><input type="checkbox" id="report-preview"/> " " {t.preview}</label>
                </div>
                <p class="hint">{t.document_note}</p>
                <article class="report-doc" class:preview=move || ui.preview.get() aria-label=t.document
                    inner_html=move || {
                        ed.drawn.track();
                        ed.report.with_untracked(|r| r.as_ref().map(document::document_html)).unwrap_or_default()
                    }></article>
                <section class="report-charts" aria-labelledby="report-charts-title">
                    <h3 id="report-charts-title">{t.charts}</h3>
                    <p class="hint">{t.charts_note}</p>
                    <div class="chart-grid" inner_html=move || ed.charts.get()></div>
                </section>
            </div>
        </ViewPage>
    }
}

/// "Số liệu từ 15/12/2021 đến 14/09/2022", or why there is no span.
fn span(ed: Editor) -> String {
    let t = &i18n::t().reports;
    ed.report
        .with(|r| {
            let r = r.as_ref()?;
            Some(match r.range {
                Some(range) => {
                    let to = r.period.cut(ed.state.as_of(), &ed.cut_offs.get());
                    (t.data_span)(&date_vi(range.from), &date_vi(to))
                }
                None => t.bad_cut_offs.to_string(),
            })
        })
        .unwrap_or_default()
}

/// The view's own state, and its event handlers (one per kind of event, by element id).
#[derive(Clone, Copy)]
struct Ui {
    ed: Editor,
    preview: RwSignal<bool>,
    /// Asking before the edits are thrown away.
    asking: RwSignal<bool>,
    /// The appendix, selected for Ctrl+C, where the clipboard refused it.
    copy_box: RwSignal<Option<String>>,
    /// Bumped when the cut-off boxes must show other values (reset).
    cut_offs_drawn: RwSignal<u32>,
}

/// The element an event happened on, and its id.
fn target(ev: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let id = el.id();
    Some((el, id))
}

fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

impl Ui {
    fn click(self, ev: &web_sys::Event) {
        let Some((_, id)) = target(ev) else { return };
        let ed = self.ed;
        match id.as_str() {
            "report-print" => {
                let _ = window().print();
            }
            "report-docx" => self.docx(),
            "report-xlsx" => self.xlsx(),
            "report-copy" => self.copy(),
            "report-rebuild" => {
                self.asking.set(true);
                focus_later("report-rebuild-yes");
            }
            "report-rebuild-yes" => {
                self.asking.set(false);
                ed.rebuild();
                focus_later("report-period");
            }
            "report-rebuild-no" => {
                self.asking.set(false);
                focus_later("report-rebuild");
            }
            "report-cut-offs-reset" => {
                ed.set_cut_offs(|c| *c = CutOffs::default());
                self.cut_offs_drawn.update(|n| *n += 1);
            }
            _ => {}
        }
    }

    fn change(self, ev: &web_sys::Event) {
        let Some((el, id)) = target(ev) else { return };
        let ed = self.ed;
        let value = event_target_value(ev);
        match id.as_str() {
            "report-period" => {
                let found = ed
                    .period
                    .get_untracked()
                    .map(|p| ReportPeriod::choices(p.year()))
                    .and_then(|all| all.into_iter().find(|p| p.slug() == value));
                if found.is_some() {
                    ed.chosen.set(found);
                }
            }
            "report-signing" => {
                let signing = if value == "kt" {
                    Signing::Deputy
                } else {
                    Signing::OnBehalf
                };
                ed.edit_detail(|r| r.signature.signing = signing);
            }
            "report-preview" => self.preview.set(event_target_checked(ev)),
            _ => {
                if let Some(key) = el.get_attribute("data-cut") {
                    if let Some(change) = cut_offs::Change::parse(&key, &value) {
                        ed.set_cut_offs(|c| change.apply(c));
                    }
                }
            }
        }
    }

    fn input(self, ev: &web_sys::Event) {
        let Some((el, id)) = target(ev) else { return };
        let ed = self.ed;
        let value = || event_target_value(ev);
        match id.as_str() {
            "report-number" => {
                let n = value();
                ed.edit_detail(|r| r.header.number = n);
            }
            "report-place" => {
                let p = value();
                ed.edit_detail(|r| r.header.place = p);
            }
            "report-signer" => {
                let n = value();
                ed.edit_detail(|r| r.signature.name = n);
            }
            "report-recipients" => {
                let text = value();
                let lines = document::lines(&text).map(str::to_string).collect();
                ed.edit_detail(|r| r.recipients = lines);
            }
            "report-date" => {
                let date = parse_date_vi(&value());
                document::mark_date(&el, date.is_none());
                if let Some(d) = date {
                    ed.edit_detail(|r| r.header.date = d);
                }
            }
            _ => {
                if let Some((prose, el)) = document::prose_of(&el) {
                    ed.edit_prose(prose, &el.inner_text());
                }
            }
        }
    }

    /// Leaving a paragraph lays it out again: a line typed with Enter becomes a paragraph.
    fn leave(self, ev: &web_sys::Event) {
        let Some((el, _)) = target(ev) else { return };
        if let Some((prose, el)) = document::prose_of(&el) {
            let text = self
                .ed
                .report
                .with_untracked(|r| r.as_ref().map(|r| prose.get(r)))
                .unwrap_or_default();
            el.set_inner_html(&document::paragraphs(&text));
        }
    }

    fn docx(self) {
        let ed = self.ed;
        ed.report.with_untracked(|r| {
            if let Some(r) = r {
                let name = file_name(&r.title, &ed.commune(), &r.period.slug(), "docx");
                deliver(ed, &name, DOCX_MIME, report_docx(r));
            }
        })
    }

    fn xlsx(self) {
        let ed = self.ed;
        ed.report.with_untracked(|r| {
            if let Some(r) = r {
                let name = file_name(&r.appendix.title, &ed.commune(), &r.period.slug(), "xlsx");
                deliver(
                    ed,
                    &name,
                    XLSX_MIME,
                    appendix_xlsx(&r.appendix, r.header.date),
                );
            }
        })
    }

    fn copy(self) {
        let t = &i18n::t().reports;
        let ed = self.ed;
        let Some((text, rows)) = ed.report.with_untracked(|r| {
            r.as_ref().map(|r| {
                (
                    appendix_text(&r.appendix, Columns::Plan),
                    r.appendix.rows.len(),
                )
            })
        }) else {
            return;
        };
        let copy_box = self.copy_box;
        leptos::task::spawn_local(async move {
            if files::copy_text(&text).await {
                copy_box.set(None);
                ed.flash.say((t.copied)(rows));
            } else {
                copy_box.set(Some(text));
                ed.flash.say(t.copy_manual);
                request_animation_frame(files::select_copy_box);
            }
        });
    }
}

/// A file made in core, downloaded; or the officer is told why not.
fn deliver(ed: Editor, name: &str, mime: &str, bytes: Result<Vec<u8>, ExportError>) {
    let t = &i18n::t().reports;
    let outcome = match bytes {
        Err(e) => Err(e.message_vi().to_string()),
        Ok(bytes) => crate::download::download(name, &bytes, mime)
            .map_err(|e| format!("{} {e}", t.download_failed)),
    };
    match outcome {
        Ok(()) => ed.flash.say((t.downloaded)(name)),
        Err(message) => ed.flash.say(message),
    }
}
