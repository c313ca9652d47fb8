//! The appendix as an Excel file (.xlsx): one sheet, the seed's columns plus status,
//! lateness and evidence. Every text is an inline string cell with the text format,
//! so nothing the officer wrote ("- …", "= …", "1.2", "02/2022") turns into a formula,
//! a number or a date; only the two counts are numbers, so they can be summed.

use chrono::NaiveDate;

use super::appendix::{Appendix, AppendixRow, RowKind, PLAN_COLUMNS, STATUS_COLUMN};
use super::ooxml;
use super::words::yes_no;
use super::xml::{esc, DECLARATION};
use super::zip::{package, ExportError};

/// The sheet's columns: the appendix's, then status, late, evidence and uploaded.
pub const XLSX_COLUMNS: [&str; 9] = [
    PLAN_COLUMNS[0],
    PLAN_COLUMNS[1],
    PLAN_COLUMNS[2],
    PLAN_COLUMNS[3],
    PLAN_COLUMNS[4],
    STATUS_COLUMN,
    "Quá hạn",
    "Hồ sơ kiểm chứng",
    "Đã cập nhật lên phần mềm",
];
/// The evidence counts are numbers; the columns before them text.
const FIRST_COUNT: usize = 7;
/// Widths in characters.
const WIDTHS: [u32; 9] = [9, 55, 38, 16, 20, 24, 10, 12, 14];

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET_NAME: &str = "Phụ lục";
/// Title, subtitle and attached line come before the column headers.
const HEADER_ROW: usize = 4;

/// Cell formats, indices into `cellXfs` of `styles()`.
#[derive(Clone, Copy)]
enum Format {
    Text = 1,
    Header = 2,
    Bold = 3,
    Title = 4,
    Attached = 5,
    Count = 6,
}

pub fn appendix_xlsx(appendix: &Appendix, date: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let parts = [
        (
            "[Content_Types].xml",
            ooxml::content_types(&[
                (
                    "/xl/workbook.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                ),
                (
                    "/xl/worksheets/sheet1.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
                ),
                (
                    "/xl/styles.xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
                ),
            ]),
        ),
        (
            "_rels/.rels",
            ooxml::package_relationships("xl/workbook.xml"),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            ooxml::relationships(&[
                (
                    "rId1",
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
                    "worksheets/sheet1.xml",
                ),
                ("rId2", ooxml::REL_STYLES, "styles.xml"),
            ]),
        ),
        ("xl/workbook.xml", workbook()),
        ("xl/styles.xml", styles()),
        ("xl/worksheets/sheet1.xml", sheet(appendix)),
        (
            "docProps/core.xml",
            ooxml::core_properties(&format!("{} {}", appendix.title, appendix.subtitle)),
        ),
        ("docProps/app.xml", ooxml::app_properties()),
    ];
    package(date, &parts)
}

/// The workbook, with the header row repeated on every printed page.
fn workbook() -> String {
    format!(
        r#"{DECLARATION}<workbook xmlns="{MAIN_NS}" xmlns:r="{R_NS}"><bookViews><workbookView/></bookViews><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'{}'!${HEADER_ROW}:${HEADER_ROW}</definedName></definedNames></workbook>"#,
        esc(SHEET_NAME),
        esc(SHEET_NAME)
    )
}

/// Times New Roman 12; thin borders; text format (@) so typing in a cell stays text.
fn styles() -> String {
    let xf = |font: u32, border: u32, number: u32, align: &str| {
        format!(
            r#"<xf numFmtId="{number}" fontId="{font}" fillId="0" borderId="{border}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment {align}/></xf>"#
        )
    };
    let top = r#"vertical="top" wrapText="1""#;
    let centred = r#"horizontal="center" vertical="center" wrapText="1""#;
    let formats = [
        r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#.to_string(),
        xf(0, 1, 49, top),
        xf(1, 1, 49, centred),
        xf(1, 1, 49, top),
        xf(1, 0, 49, centred),
        xf(2, 0, 49, centred),
        xf(0, 1, 0, r#"horizontal="center" vertical="top""#),
    ];
    let font = |extra: &str| {
        format!(
            r#"<font>{extra}<sz val="12"/><name val="Times New Roman"/><family val="1"/></font>"#
        )
    };
    format!(
        r#"{DECLARATION}<styleSheet xmlns="{MAIN_NS}"><fonts count="3">{}{}{}</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="{}">{}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#,
        font(""),
        font("<b/>"),
        font("<i/>"),
        formats.len(),
        formats.concat()
    )
}

/// Excel's column letters: A … Z, AA …
fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

/// A cell of the sheet, before it is written.
enum Value {
    Text(String),
    Count(usize),
    Empty,
}

fn cell(row: usize, column: usize, value: &Value, format: Format) -> String {
    let at = format!("{}{row}", column_letter(column));
    let s = format as u32;
    match value {
        Value::Text(text) if !text.is_empty() => format!(
            r#"<c r="{at}" s="{s}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
            esc(text)
        ),
        Value::Count(n) => format!(r#"<c r="{at}" s="{s}"><v>{n}</v></c>"#),
        _ => format!(r#"<c r="{at}" s="{s}"/>"#),
    }
}

/// Height of one line of 12 pt text, in points.
const LINE_HEIGHT: usize = 16;

fn sheet_row(
    row: usize,
    values: &[Value],
    lines: usize,
    format: impl Fn(usize) -> Format,
) -> String {
    let cells: String = values
        .iter()
        .enumerate()
        .map(|(column, v)| cell(row, column, v, format(column)))
        .collect();
    let height = lines * LINE_HEIGHT;
    format!(r#"<row r="{row}" ht="{height}" customHeight="1">{cells}</row>"#)
}

/// Lines the tallest wrapped cell takes. Readers do not grow rows on opening (LibreOffice
/// keeps the default height), so the height is written, estimated from the text's length.
fn lines_needed(values: &[Value]) -> usize {
    values
        .iter()
        .zip(WIDTHS)
        .map(|(v, width)| match v {
            Value::Text(text) => text.chars().count().div_ceil(width as usize),
            _ => 1,
        })
        .max()
        .unwrap_or(1)
        .max(1)
}

fn values(r: &AppendixRow) -> Vec<Value> {
    let counted = r.kind == RowKind::Item;
    let count = |n: usize| {
        if counted {
            Value::Count(n)
        } else {
            Value::Empty
        }
    };
    let texts = [
        r.code.to_string(),
        r.criterion.clone(),
        r.units.clone(),
        r.deadline.clone(),
        r.note.clone(),
        r.status.clone(),
        r.late.map_or(String::new(), |l| yes_no(l).to_string()),
    ];
    let mut out: Vec<Value> = texts.into_iter().map(Value::Text).collect();
    out.push(count(r.evidence));
    out.push(count(r.uploaded));
    out
}

fn sheet(appendix: &Appendix) -> String {
    let last_column = column_letter(XLSX_COLUMNS.len() - 1);
    let last_row = HEADER_ROW + appendix.rows.len();
    let mut data = String::new();
    let titles = [
        (&appendix.title, Format::Title),
        (&appendix.subtitle, Format::Title),
        (&appendix.attached, Format::Attached),
    ];
    for (i, (text, format)) in titles.iter().enumerate() {
        // Merged across the sheet: one line each.
        let value = [Value::Text(text.to_string())];
        data.push_str(&sheet_row(i + 1, &value, 1, |_| *format));
    }
    let headers: Vec<Value> = XLSX_COLUMNS
        .iter()
        .map(|h| Value::Text(h.to_string()))
        .collect();
    data.push_str(&sheet_row(
        HEADER_ROW,
        &headers,
        lines_needed(&headers),
        |_| Format::Header,
    ));
    for (i, r) in appendix.rows.iter().enumerate() {
        let bold = r.kind == RowKind::Domain;
        let values = values(r);
        let lines = lines_needed(&values);
        data.push_str(&sheet_row(
            HEADER_ROW + 1 + i,
            &values,
            lines,
            |column| match (column >= FIRST_COUNT, bold) {
                (true, _) => Format::Count,
                (false, true) => Format::Bold,
                (false, false) => Format::Text,
            },
        ));
    }
    let cols: String = WIDTHS
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                r#"<col min="{0}" max="{0}" width="{w}" customWidth="1"/>"#,
                i + 1
            )
        })
        .collect();
    let merges: String = (1..HEADER_ROW)
        .map(|r| format!(r#"<mergeCell ref="A{r}:{last_column}{r}"/>"#))
        .collect();
    format!(
        r#"{DECLARATION}<worksheet xmlns="{MAIN_NS}" xmlns:r="{R_NS}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:{last_column}{last_row}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="{HEADER_ROW}" topLeftCell="A{}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15.75"/><cols>{cols}</cols><sheetData>{data}</sheetData><mergeCells count="{}">{merges}</mergeCells><pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>"#,
        HEADER_ROW + 1,
        HEADER_ROW - 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        let cases = [
            (0, "A"),
            (8, "I"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ];
        for (index, want) in cases {
            assert_eq!(column_letter(index), want);
        }
    }
}
