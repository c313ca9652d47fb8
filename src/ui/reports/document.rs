//! The report as the document it prints: the Nghị định 30/2020 header, title, the five
//! sections, "Nơi nhận" and the signature on portrait pages, then the appendix table on a
//! landscape page (style/report.css).
//!
//! The document is one HTML string drawn from the report, every text escaped (a typed view
//! tree of it cost ~40 KB of the single file). Its prose is `contenteditable`: the view's
//! listener reads what the officer types into the report, and the document is drawn again
//! only when the report is rebuilt or a detail outside it (number, date, signer) changes.

use cchc_core::model::deadline::date_vi;
use cchc_core::report::{
    ProgressReport, RowKind, Signing, MOTTO, NATION, PLAN_COLUMNS, RECIPIENTS_LABEL, STATUS_COLUMN,
};
use leptos::prelude::document;
use wasm_bindgen::JsCast;

use super::Prose;
use crate::ui::i18n;

/// The details form (number, date, place, signer, recipients), drawn when the report is
/// (re)built; what is typed in it edits the report through the view's listener.
pub fn details_form(r: &ProgressReport) -> String {
    let t = &i18n::t().reports;
    let deputy = r.signature.signing == Signing::Deputy;
    let selected = |yes: bool| if yes { " selected" } else { "" };
    let input = |id: &str, label: &str, value: &str, extra: &str| {
        format!(
            r#"<div class="field"><label for="{id}">{}</label><input id="{id}" type="text" value="{}"{extra}></div>"#,
            esc(label),
            esc(value)
        )
    };
    [
        format!("<legend>{}</legend>", esc(t.meta)),
        format!(
            r#"<div class="field"><label for="report-number">{}</label><span class="number-field"><input id="report-number" type="text" maxlength="12" value="{}" aria-describedby="report-number-hint"> /{}</span><p class="hint" id="report-number-hint">{}</p></div>"#,
            esc(t.number),
            esc(&r.header.number),
            esc(&r.header.symbol),
            esc(t.number_hint)
        ),
        format!(
            r#"<div class="field"><label for="report-date">{}</label><input id="report-date" type="text" inputmode="numeric" maxlength="10" value="{}" aria-describedby="report-date-error"><p class="hint error" id="report-date-error" role="alert"></p></div>"#,
            esc(t.date),
            date_vi(r.header.date)
        ),
        input("report-place", t.place, &r.header.place, r#" maxlength="60""#),
        format!(
            r#"<div class="field"><label for="report-signing">{}</label><select id="report-signing"><option value="tm"{}>{}</option><option value="kt"{}>{}</option></select></div>"#,
            esc(t.signing),
            selected(!deputy),
            esc(t.on_behalf),
            selected(deputy),
            esc(t.deputy)
        ),
        input("report-signer", t.signer, &r.signature.name, r#" maxlength="80" autocomplete="off""#),
        format!(
            r#"<div class="field recipients-field"><label for="report-recipients">{}</label><textarea id="report-recipients" rows="5">{}</textarea></div>"#,
            esc(t.recipients),
            esc(&r.recipients.join("\n"))
        ),
    ]
    .concat()
}

/// Marks the date box wrong or right, with the message under it.
pub fn mark_date(input: &web_sys::Element, wrong: bool) {
    let t = &i18n::t().reports;
    let _ = input.set_attribute("aria-invalid", if wrong { "true" } else { "false" });
    if let Some(message) = document().get_element_by_id("report-date-error") {
        message.set_text_content(wrong.then_some(t.date_error));
    }
}

/// The prose box an element is in.
pub fn prose_of(el: &web_sys::Element) -> Option<(Prose, web_sys::HtmlElement)> {
    let el = el.closest("[data-prose]").ok()??;
    let prose = Prose::parse(&el.get_attribute("data-prose")?)?;
    Some((prose, el.dyn_into().ok()?))
}

/// Non-empty lines: the paragraphs of a prose text.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim().is_empty())
}

/// Text for HTML: the same escape as the report's XML writers (HTML reads `&apos;` too).
pub use cchc_core::report::xml::esc;

fn p(class: &str, text: &str) -> String {
    if class.is_empty() {
        format!("<p>{}</p>", esc(text))
    } else {
        format!(r#"<p class="{class}">{}</p>"#, esc(text))
    }
}

/// One paragraph a line.
pub fn paragraphs(text: &str) -> String {
    lines(text).map(|l| p("", l)).collect()
}

/// An editable block of prose: labelled for screen readers, marked for the listener.
fn prose_box(r: &ProgressReport, prose: Prose, class: &str) -> String {
    let t = &i18n::t().reports;
    let label = match prose {
        Prose::Subject => t.subject.to_string(),
        Prose::Intro => t.intro.to_string(),
        Prose::Section(i) => (t.section)(r.sections.get(i).map_or("", |s| &s.heading)),
    };
    format!(
        r#"<div class="{class} doc-edit" id="{}" data-prose="{}" contenteditable="plaintext-only" role="textbox" aria-multiline="true" aria-label="{}" spellcheck="false">{}</div>"#,
        prose.id(),
        prose.key(),
        esc(&label),
        paragraphs(&prose.get(r))
    )
}

pub fn document_html(r: &ProgressReport) -> String {
    let h = &r.header;
    let mut out = String::with_capacity(32 * 1024);
    out.push_str(r#"<div class="doc-page doc-portrait"><table class="doc-head"><tbody><tr><td class="doc-issuer">"#);
    out.push_str(&p("", &h.body_above));
    out.push_str(&p("", &h.body_name));
    out.push_str(r#"<hr class="doc-rule"></td><td class="doc-nation">"#);
    out.push_str(&p("doc-nation-name", NATION));
    out.push_str(&format!(
        r#"<p class="doc-motto"><span>{}</span></p></td></tr><tr><td class="doc-number">{}</td><td class="doc-place-date">{}</td></tr></tbody></table>"#,
        esc(MOTTO),
        esc(&h.number_line()),
        esc(&h.place_date_line())
    ));
    out.push_str(&p("doc-title", &r.title));
    out.push_str(&prose_box(r, Prose::Subject, "doc-subject"));
    out.push_str(r#"<hr class="doc-rule doc-subject-rule">"#);
    out.push_str(&prose_box(r, Prose::Intro, "doc-body"));
    for (i, section) in r.sections.iter().enumerate() {
        out.push_str(&format!(
            r#"<h4 class="doc-section">{}</h4>"#,
            esc(&section.heading)
        ));
        out.push_str(&prose_box(r, Prose::Section(i), "doc-body"));
    }
    out.push_str(&closing(r));
    out.push_str("</div>");
    out.push_str(&appendix(r));
    out
}

/// "Nơi nhận:" bottom left, the signature block right.
fn closing(r: &ProgressReport) -> String {
    let recipients: String = r.recipient_lines().iter().map(|l| p("", l)).collect();
    let [authority, position, name] = r.signature_lines();
    format!(
        r#"<table class="doc-end"><tbody><tr><td class="doc-recipients">{}{recipients}</td><td class="doc-signature">{}{}<p class="doc-sign-space"></p>{}</td></tr></tbody></table>"#,
        p("doc-recipients-label", RECIPIENTS_LABEL),
        p("", &authority),
        p("", &position),
        p("doc-signer", &name),
    )
}

/// The appendix as the seed lays it out, with the status column, on its landscape page.
fn appendix(r: &ProgressReport) -> String {
    let a = &r.appendix;
    let late = i18n::t().model.late;
    let [stt, criterion, units, when, note] = PLAN_COLUMNS;
    let mut out = format!(
        r#"<div class="doc-page doc-landscape doc-appendix">{}{}{}<table class="doc-appendix-table"><colgroup><col class="c-stt"><col class="c-criterion"><col class="c-units"><col class="c-when"><col class="c-status"><col class="c-note"></colgroup><thead><tr>"#,
        p("doc-title", &a.title),
        p("doc-appendix-subtitle", &a.subtitle),
        p("doc-attached", &a.attached),
    );
    for head in [stt, criterion, units, when, STATUS_COLUMN, note] {
        out.push_str(&format!("<th>{}</th>", esc(head)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &a.rows {
        let kind = match row.kind {
            RowKind::Domain => "domain",
            RowKind::Heading => "heading",
            RowKind::Item => "item",
        };
        let is_late = row.late == Some(true);
        let badge = if is_late {
            format!(r#" <span class="late-badge">{}</span>"#, esc(late))
        } else {
            String::new()
        };
        out.push_str(&format!(
            r#"<tr class="{kind}{}"><td class="stt">{}</td><td>{}</td><td>{}</td><td class="when">{}</td><td class="status">{}{badge}</td><td>{}</td></tr>"#,
            if is_late { " late" } else { "" },
            esc(&row.code.to_string()),
            esc(&row.criterion),
            esc(&row.units),
            esc(&row.deadline),
            esc(&row.status),
            esc(&row.note),
        ));
    }
    out.push_str("</tbody></table></div>");
    out
}
