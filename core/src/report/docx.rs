//! The progress report as a Word file (.docx), laid out by Nghị định 30/2020:
//! A4, margins 20/20/30/15 mm, Times New Roman 14 pt, the header table (issuing body
//! left, Quốc hiệu and Tiêu ngữ right), page numbers centred at the top from page 2.
//! Written as our own small WordprocessingML parts in a stored ZIP (docs/reports.md).

use super::appendix::{Appendix, RowKind};
use super::ooxml;
use super::progress::ProgressReport;
use super::words::{MOTTO, NATION, RECIPIENTS_LABEL};
use super::xml::{esc, DECLARATION};
use super::zip::{package, ExportError};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const CT_SETTINGS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
const CT_HEADER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const REL_SETTINGS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings";
const REL_HEADER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";

/// Page and margins in twentieths of a point: A4 is 210 × 297 mm.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// 20 mm top and bottom, 30 mm left, 15 mm right (Nghị định 30/2020, Phụ lục I).
const MARGIN_TOP: u32 = 1134;
const MARGIN_BOTTOM: u32 = 1134;
const MARGIN_LEFT: u32 = 1701;
const MARGIN_RIGHT: u32 = 851;
const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The appendix is printed on landscape pages: its table is wide.
const LANDSCAPE_TEXT_WIDTH: u32 = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT;
/// Font sizes in half-points.
const BODY_SIZE: u32 = 28;
const NATION_SIZE: u32 = 24;
const HEADER_SIZE: u32 = 26;
const TABLE_SIZE: u32 = 24;
const RECIPIENT_SIZE: u32 = 22;
/// 1 cm first-line indent of body paragraphs.
const INDENT: u32 = 567;

/// The report, and its appendix table on a new page, as a .docx file.
pub fn report_docx(report: &ProgressReport) -> Result<Vec<u8>, ExportError> {
    let document = document(report);
    let parts = [
        (
            "[Content_Types].xml",
            ooxml::content_types(&[
                ("/word/document.xml", CT_DOCUMENT),
                ("/word/styles.xml", CT_STYLES),
                ("/word/settings.xml", CT_SETTINGS),
                ("/word/header1.xml", CT_HEADER),
                ("/word/header2.xml", CT_HEADER),
            ]),
        ),
        (
            "_rels/.rels",
            ooxml::package_relationships("word/document.xml"),
        ),
        (
            "word/_rels/document.xml.rels",
            ooxml::relationships(&[
                ("rId1", ooxml::REL_STYLES, "styles.xml"),
                ("rId2", REL_SETTINGS, "settings.xml"),
                ("rId3", REL_HEADER, "header1.xml"),
                ("rId4", REL_HEADER, "header2.xml"),
            ]),
        ),
        ("word/document.xml", document),
        ("word/styles.xml", styles()),
        ("word/settings.xml", settings()),
        ("word/header1.xml", header(&page_number())),
        ("word/header2.xml", header(&para("", Look::default()))),
        (
            "docProps/core.xml",
            ooxml::core_properties(&format!("{} {}", report.title, report.subject)),
        ),
        ("docProps/app.xml", ooxml::app_properties()),
    ];
    package(report.header.date, &parts)
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Align {
    #[default]
    Both,
    Left,
    Center,
}

/// How a paragraph looks. Sizes in half-points, spacing in twips.
#[derive(Clone, Copy, Default)]
struct Look {
    align: Align,
    bold: bool,
    italic: bool,
    size: Option<u32>,
    indent: bool,
    before: u32,
    after: u32,
    keep_next: bool,
}

impl Look {
    fn center() -> Look {
        Look {
            align: Align::Center,
            ..Look::default()
        }
    }
    fn bold(self) -> Look {
        Look { bold: true, ..self }
    }
    fn italic(self) -> Look {
        Look {
            italic: true,
            ..self
        }
    }
    fn size(self, size: u32) -> Look {
        Look {
            size: Some(size),
            ..self
        }
    }
    fn after(self, after: u32) -> Look {
        Look { after, ..self }
    }
    fn before(self, before: u32) -> Look {
        Look { before, ..self }
    }
}

/// Body prose: justified, first line indented, 6 pt after.
const BODY: Look = Look {
    align: Align::Both,
    bold: false,
    italic: false,
    size: None,
    indent: true,
    before: 0,
    after: 120,
    keep_next: false,
};

fn run_props(look: Look) -> String {
    let mut out = String::new();
    if look.bold {
        out.push_str("<w:b/><w:bCs/>");
    }
    if look.italic {
        out.push_str("<w:i/><w:iCs/>");
    }
    if let Some(size) = look.size {
        out.push_str(&format!(
            r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
        ));
    }
    out
}

fn para(text: &str, look: Look) -> String {
    let mut p = String::from("<w:p><w:pPr>");
    if look.keep_next {
        p.push_str("<w:keepNext/>");
    }
    p.push_str(&format!(
        r#"<w:spacing w:before="{}" w:after="{}"/>"#,
        look.before, look.after
    ));
    if look.indent {
        p.push_str(&format!(r#"<w:ind w:firstLine="{INDENT}"/>"#));
    }
    let jc = match look.align {
        Align::Both => "both",
        Align::Left => "left",
        Align::Center => "center",
    };
    p.push_str(&format!(r#"<w:jc w:val="{jc}"/>"#));
    let rpr = run_props(look);
    p.push_str(&format!("<w:rPr>{rpr}</w:rPr></w:pPr>"));
    if !text.is_empty() {
        p.push_str(&format!(
            r#"<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(text)
        ));
    }
    p.push_str("</w:p>");
    p
}

/// The short line drawn under the issuing body, the motto and the subject:
/// the top border of an empty paragraph narrowed by its indents.
fn rule(width: u32, column: u32) -> String {
    let side = column.saturating_sub(width) / 2;
    format!(
        r#"<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="60" w:after="0" w:line="120" w:lineRule="exact"/><w:ind w:left="{side}" w:right="{side}"/><w:rPr><w:sz w:val="8"/></w:rPr></w:pPr></w:p>"#
    )
}

/// A table of fixed column widths; `lines` draws the grid.
fn table(widths: &[u32], lines: bool, rows: &[String]) -> String {
    let total: u32 = widths.iter().sum();
    let border = if lines { "single" } else { "nil" };
    let mut out = format!(r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders>"#);
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        out.push_str(&format!(
            r#"<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>"#
        ));
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#);
    for w in widths {
        out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    out.push_str("</w:tblGrid>");
    for r in rows {
        out.push_str(r);
    }
    out.push_str("</w:tbl>");
    out
}

/// A row; each cell is its width and its paragraphs. A header row repeats on every page.
fn row(cells: &[(u32, String)], header: bool) -> String {
    let mut out = String::from("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    for (width, content) in cells {
        // A cell must hold a paragraph, even an empty one.
        let content = if content.is_empty() {
            para("", Look::default())
        } else {
            content.clone()
        };
        out.push_str(&format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{content}</w:tc>"#
        ));
    }
    out.push_str("</w:tr>");
    out
}

const LEFT_COLUMN: u32 = 3700;
const RIGHT_COLUMN: u32 = TEXT_WIDTH - LEFT_COLUMN;

/// Issuing body and number on the left; Quốc hiệu, Tiêu ngữ, place and date on the right.
fn header_table(report: &ProgressReport) -> String {
    let h = &report.header;
    let body = Look::center().bold().size(HEADER_SIZE);
    let left_top = [
        para(&h.body_above, body),
        para(&h.body_name, body),
        rule(1200, LEFT_COLUMN),
    ]
    .concat();
    let right_top = [
        para(NATION, Look::center().bold().size(NATION_SIZE)),
        para(MOTTO, body),
        rule(3000, RIGHT_COLUMN),
    ]
    .concat();
    let left_bottom = para(
        &h.number_line(),
        Look::center().size(HEADER_SIZE).before(60),
    );
    let right_bottom = para(&h.place_date_line(), Look::center().italic().before(60));
    table(
        &[LEFT_COLUMN, RIGHT_COLUMN],
        false,
        &[
            row(&[(LEFT_COLUMN, left_top), (RIGHT_COLUMN, right_top)], false),
            row(
                &[(LEFT_COLUMN, left_bottom), (RIGHT_COLUMN, right_bottom)],
                false,
            ),
        ],
    )
}

fn title_block(report: &ProgressReport) -> String {
    [
        para(&report.title, Look::center().bold().before(360)),
        para(&report.subject, Look::center().bold()),
        rule(2400, TEXT_WIDTH),
        para("", Look::default()),
    ]
    .concat()
}

fn body(report: &ProgressReport) -> String {
    let mut out = para(&report.intro, BODY);
    for section in &report.sections {
        let heading = Look {
            keep_next: true,
            ..BODY.bold()
        };
        out.push_str(&para(&section.heading, heading));
        for line in section.paragraphs() {
            out.push_str(&para(line, BODY));
        }
    }
    out
}

/// "Nơi nhận:" bottom left, the signature block right.
fn closing(report: &ProgressReport) -> String {
    let mut recipients = para(
        RECIPIENTS_LABEL,
        Look::default().bold().italic().size(TABLE_SIZE),
    );
    for line in report.recipient_lines() {
        recipients.push_str(&para(
            &line,
            Look {
                align: Align::Left,
                ..Look::default().size(RECIPIENT_SIZE)
            },
        ));
    }
    let [authority, position, name] = report.signature_lines();
    let sign = Look::center().bold();
    let mut signature = para(&authority, sign) + &para(&position, sign);
    for _ in 0..4 {
        signature.push_str(&para("", Look::default()));
    }
    signature.push_str(&para(&name, sign));
    let half = TEXT_WIDTH / 2;
    para("", Look::default())
        + &table(
            &[half, TEXT_WIDTH - half],
            false,
            &[row(
                &[(half, recipients), (TEXT_WIDTH - half, signature)],
                false,
            )],
        )
}

/// Column widths of the appendix: STT, criterion, units, time, status, notes.
const APPENDIX_WIDTHS: [u32; 6] = [
    800,
    4800,
    3600,
    1500,
    2000,
    LANDSCAPE_TEXT_WIDTH - 800 - 4800 - 3600 - 1500 - 2000,
];

fn appendix_block(report: &ProgressReport, appendix: &Appendix) -> String {
    let mut out = para(&appendix.title, Look::center().bold());
    out.push_str(&para(
        &appendix.subtitle,
        Look::center().bold().size(HEADER_SIZE),
    ));
    out.push_str(&para(
        &report.appendix_attached(),
        Look::center().italic().size(HEADER_SIZE).after(120),
    ));
    let headers = [
        "STT",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
        "Đơn vị chủ trì tham mưu khắc phục các tồn tại, hạn chế",
        "Thời gian thực hiện",
        "Tình trạng",
        "Ghi chú",
    ];
    let cell_look = Look {
        align: Align::Left,
        ..Look::default().size(TABLE_SIZE)
    };
    let header_look = Look::center().bold().size(TABLE_SIZE);
    let mut rows = vec![appendix_row(
        &headers.map(str::to_string),
        header_look,
        true,
    )];
    for r in &appendix.rows {
        let look = if r.kind == RowKind::Domain {
            cell_look.bold()
        } else {
            cell_look
        };
        let cells = [
            r.code.to_string(),
            r.criterion.clone(),
            r.units.clone(),
            r.deadline.clone(),
            r.status.clone(),
            r.note.clone(),
        ];
        rows.push(appendix_row(&cells, look, false));
    }
    out.push_str(&table(&APPENDIX_WIDTHS, true, &rows));
    out
}

fn appendix_row(cells: &[String; 6], look: Look, header: bool) -> String {
    let cells: Vec<(u32, String)> = APPENDIX_WIDTHS
        .iter()
        .zip(cells)
        .map(|(w, text)| (*w, para(text, look)))
        .collect();
    row(&cells, header)
}

/// The report's section: A4 portrait, the margins, and the first page without a
/// number (its own empty first-page header). It ends in the last paragraph before
/// the appendix, which starts a new page.
fn report_section() -> String {
    format!(
        r#"<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:headerReference w:type="first" r:id="rId4"/><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}"/>{}<w:titlePg/></w:sectPr></w:pPr></w:p>"#,
        margins()
    )
}

/// The appendix's section, the document's last: A4 landscape, numbered on every page.
fn appendix_section() -> String {
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{PAGE_HEIGHT}" w:h="{PAGE_WIDTH}" w:orient="landscape"/>{}</w:sectPr>"#,
        margins()
    )
}

fn margins() -> String {
    format!(
        r#"<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" w:left="{MARGIN_LEFT}" w:header="567" w:footer="567" w:gutter="0"/>"#
    )
}

fn document(report: &ProgressReport) -> String {
    format!(
        r#"{DECLARATION}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{}{}{}{}{}{}{}</w:body></w:document>"#,
        header_table(report),
        title_block(report),
        body(report),
        closing(report),
        report_section(),
        appendix_block(report, &report.appendix),
        appendix_section(),
    )
}

fn header(content: &str) -> String {
    format!(r#"{DECLARATION}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:hdr>"#)
}

/// The PAGE field, centred: Word fills in the number of each page.
fn page_number() -> String {
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#
        .to_string()
}

/// Times New Roman 14 pt for every script, Vietnamese as the proofing language.
fn styles() -> String {
    format!(
        r#"{DECLARATION}<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

fn settings() -> String {
    format!(
        r#"{DECLARATION}<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}
