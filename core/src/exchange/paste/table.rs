//! From lines of cells to the table's rows, anchored on the row codes.
//!
//! Blank lines prove nothing (they occur inside cells), so a row starts where a code
//! does: `1.2`, `7.1.1.1`, a domain `1` or `II`, or a code and its title in one cell
//! (`I. CÔNG TÁC CHỈ ĐẠO`). Cells after it fill the columns in order. The header row
//! (`STT`, `Lĩnh vực/Tiêu chí…`, …) says which column is which.

use crate::model::code::Code;
use crate::model::names::fold;

use super::cells::{Line, LineKind};
use super::text::{mostly_upper, roman};

/// What a column of the appendix holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// STT: the code.
    Code,
    /// Lĩnh vực / tiêu chí: title, points and remark.
    Criterion,
    /// Đơn vị chủ trì: lead units and officers.
    Lead,
    /// Đơn vị phối hợp.
    Support,
    /// Thời gian thực hiện.
    Deadline,
    /// Ghi chú.
    Note,
    /// Nhiệm vụ, giải pháp: what is to be done.
    Detail,
    /// Điểm tối đa, điểm đạt, điểm trừ in columns of their own.
    Max,
    Score,
    Loss,
    /// A column the reading does not know: its text is shown as not understood.
    Other,
}

/// The layout of the seed's appendix, used when no header row is pasted.
pub const DEFAULT_COLUMNS: [Column; 5] = [
    Column::Code,
    Column::Criterion,
    Column::Lead,
    Column::Deadline,
    Column::Note,
];

/// Header words, most specific first: `Đơn vị chủ trì tham mưu khắc phục các tồn tại,
/// hạn chế` is the lead column although it says "tồn tại".
const HEADER_WORDS: &[(&str, Column)] = &[
    ("phoi hop", Column::Support),
    ("diem toi da", Column::Max),
    ("diem tru", Column::Loss),
    ("bi tru", Column::Loss),
    ("diem dat", Column::Score),
    ("diem cham", Column::Score),
    ("chu tri", Column::Lead),
    ("don vi", Column::Lead),
    ("bo phan", Column::Lead),
    ("phu trach", Column::Lead),
    ("nguoi thuc hien", Column::Lead),
    ("thoi gian", Column::Deadline),
    ("thoi han", Column::Deadline),
    ("tien do", Column::Deadline),
    ("ghi chu", Column::Note),
    ("giai phap", Column::Detail),
    ("nhiem vu", Column::Detail),
    ("tieu chi", Column::Criterion),
    ("linh vuc", Column::Criterion),
    ("noi dung", Column::Criterion),
    ("stt", Column::Code),
    ("so tt", Column::Code),
    ("tt", Column::Code),
];

fn column_of(header: &str) -> Column {
    let folded = format!(" {} ", fold(&header.replace('/', " ")));
    HEADER_WORDS
        .iter()
        .find(|(words, _)| folded.contains(&format!(" {words} ")))
        .map_or(Column::Other, |(_, c)| *c)
}

/// Columns from the header cells; the code and criterion columns are always there.
pub fn columns(header: &[String]) -> Vec<Column> {
    let mut cols: Vec<Column> = header.iter().map(|h| column_of(h)).collect();
    if !cols.contains(&Column::Criterion) || cols.first() != Some(&Column::Code) {
        return DEFAULT_COLUMNS.to_vec();
    }
    while cols.len() > 2
        && cols.last() == Some(&Column::Other)
        && header[cols.len() - 1].trim().is_empty()
    {
        cols.pop();
    }
    cols
}

/// How a row names itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    Code(Code),
    /// A domain numbered `I`, `II`, …
    Roman(u32),
}

impl Mark {
    pub fn is_domain(&self) -> bool {
        match self {
            Mark::Code(c) => c.is_domain(),
            Mark::Roman(_) => true,
        }
    }
}

/// The whole cell is a code: `1.2`, `4.3 `, `1.`, `II`.
pub fn pure_mark(cell: &str) -> Option<Mark> {
    let t = cell.trim().trim_end_matches(['.', ')']);
    Code::parse(t)
        .map(Mark::Code)
        .or_else(|| roman(t).map(Mark::Roman))
}

/// A code and its title in one cell: `I. CÔNG TÁC CHỈ ĐẠO`, `1.2. Mức độ …`.
pub fn combined_mark(cell: &str) -> Option<Combined> {
    let t = cell.trim();
    let head_len = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | 'I' | 'V' | 'X')))
        .map_or(t.len(), |(i, _)| i);
    let (head, rest) = t.split_at(head_len);
    let separated = head.ends_with('.')
        || rest.starts_with(|c: char| c.is_whitespace() || matches!(c, ')' | ':'));
    let title =
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ')' | ':' | '-' | '–'));
    if !separated || !title.starts_with(char::is_alphabetic) {
        return None;
    }
    Some(Combined {
        mark: pure_mark(head)?,
        code: head.to_string(),
        title: title.to_string(),
    })
}

/// A cell holding a row's code and title.
pub struct Combined {
    pub mark: Mark,
    /// The code as written (`I.`, `1.2.`).
    pub code: String,
    pub title: String,
}

impl Combined {
    fn is_domain_line(&self) -> bool {
        self.mark.is_domain() && mostly_upper(&self.title)
    }
}

/// A domain row written as one line: a code and a title in capitals.
fn domain_line(text: &str) -> Option<Combined> {
    combined_mark(text).filter(Combined::is_domain_line)
}

fn is_header_start(cell: &str) -> bool {
    matches!(fold(cell).as_str(), "stt" | "tt" | "so tt" | "so thu tu")
}

/// `(1)`, `(2)`, … or `1`, `2`, …: the numbering row some tables put under the header.
fn is_column_number(cell: &str) -> bool {
    let t = cell.trim().trim_start_matches('(').trim_end_matches(')');
    !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit())
}

/// A row as pasted: its code cell and the cells after it, by column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawRow {
    pub line: usize,
    pub mark: Mark,
    /// The code as written (`4.3 `, `II`).
    pub mark_written: String,
    /// Cell texts by column; `cells[0]` is the code cell.
    pub cells: Vec<String>,
    /// Cells beyond the last column and lines that fit nowhere.
    pub extra: Vec<String>,
}

/// The table as pasted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawTable {
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Text before the table (titles, the plan line, a whole plan pasted with it).
    pub before: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Before,
    Header,
    Table,
}

struct Builder {
    mode: Mode,
    width: usize,
    table: RawTable,
    current: Option<RawRow>,
    /// The line of the last text kept before the table.
    last_before: usize,
}

/// Reads the lines as a table.
pub fn read(lines: &[Line]) -> RawTable {
    let mut b = Builder {
        mode: Mode::Before,
        width: DEFAULT_COLUMNS.len(),
        table: RawTable::default(),
        current: None,
        last_before: 0,
    };
    for (i, line) in lines.iter().enumerate() {
        match &line.kind {
            LineKind::Cell(text) => b.cell(text, line.number, next_cell(lines, i)),
            LineKind::Cells(cells) => b.cells(cells, line.number),
            LineKind::Text(text) => b.text(text, line.number),
        }
    }
    b.finish()
}

/// The next cell after line `i`, skipping lines that carry none.
fn next_cell(lines: &[Line], i: usize) -> Option<&str> {
    lines.iter().skip(i + 1).find_map(|l| match &l.kind {
        LineKind::Cell(t) => Some(t.as_str()),
        LineKind::Cells(c) => c.first().map(String::as_str),
        LineKind::Text(_) => None,
    })
}

impl Builder {
    /// A cell of the plain-text form.
    fn cell(&mut self, text: &str, line: usize, next: Option<&str>) {
        if self.mode != Mode::Table && is_header_start(text) && self.table.rows.is_empty() {
            self.mode = Mode::Header;
            self.table.header = vec![text.to_string()];
            return;
        }
        // A bare code starts a row only when a title follows it: a `1` in a notes
        // column followed by the next row's code is not a row.
        let titled = next.is_some_and(|n| !n.trim().is_empty() && pure_mark(n).is_none());
        if let Some(mark) = pure_mark(text).filter(|_| titled) {
            return self.start(mark, text, vec![text.to_string()], line);
        }
        if let Some(c) = combined_mark(text).filter(|c| self.combined_fits(c)) {
            return self.start_combined(c, vec![text.to_string()], line);
        }
        match self.mode {
            Mode::Before => self.before(text, line),
            Mode::Header if is_column_number(text) => {}
            Mode::Header => self.table.header.push(text.to_string()),
            Mode::Table => self.push(text),
        }
    }

    /// Whether a code-and-title cell starts a row here rather than being a cell's text.
    fn combined_fits(&self, c: &Combined) -> bool {
        if self.mode == Mode::Before {
            // Before the table, only a domain heading in capitals starts it.
            return c.is_domain_line();
        }
        let full = self
            .current
            .as_ref()
            .is_none_or(|r| r.cells.len() >= self.width);
        let past_title = self.current.as_ref().is_none_or(|r| r.cells.len() >= 2);
        let capital = c.title.starts_with(char::is_uppercase);
        full || (past_title && (c.is_domain_line() || (!c.mark.is_domain() && capital)))
    }

    /// A row as Word copies it.
    fn cells(&mut self, cells: &[String], line: usize) {
        let first = cells.first().map_or("", String::as_str);
        if self.mode != Mode::Table && is_header_start(first) && self.table.rows.is_empty() {
            self.mode = Mode::Header;
            self.table.header = cells.to_vec();
            self.width = cells.len().max(2);
            return;
        }
        let numbering = cells
            .iter()
            .all(|c| c.trim().is_empty() || is_column_number(c));
        if self.mode == Mode::Header && numbering {
            return;
        }
        let full = self
            .current
            .as_ref()
            .is_none_or(|r| r.cells.len() >= self.width);
        if let Some(mark) = pure_mark(first) {
            return self.start(mark, first, cells.to_vec(), line);
        }
        if let Some(c) = combined_mark(first).filter(|_| full) {
            return self.start_combined(c, cells.to_vec(), line);
        }
        match self.mode {
            Mode::Table if !full => {
                // A cell copied without quotes ran onto this line.
                self.continue_cell(first);
                cells.iter().skip(1).for_each(|c| self.push(c));
            }
            Mode::Table => self.sub_row(cells),
            Mode::Header => {
                // A header cell copied without quotes ran onto this line.
                if let Some(last) = self.table.header.last_mut() {
                    *last = join(last, first);
                }
                self.table.header.extend(cells.iter().skip(1).cloned());
            }
            Mode::Before => self.before(&cells.join(" "), line),
        }
    }

    /// A line without a tab.
    fn text(&mut self, text: &str, line: usize) {
        match self.mode {
            Mode::Before => self.before(text, line),
            Mode::Header => match domain_line(text) {
                // A domain row merged across the table: one cell, no tab.
                Some(c) => self.start_combined(c, vec![text.to_string()], line),
                None => {
                    if let Some(last) = self.table.header.last_mut() {
                        *last = join(last, text);
                    }
                }
            },
            Mode::Table => {
                let past_title = self.current.as_ref().is_some_and(|r| r.cells.len() >= 2);
                match domain_line(text).filter(|_| past_title) {
                    Some(c) => self.start_combined(c, vec![text.to_string()], line),
                    None => self.continue_cell(text),
                }
            }
        }
    }

    /// A row from a cell holding code and title: the title takes the criterion column
    /// (joined with what a copy from Word put there, or inserted when the line is short).
    fn start_combined(&mut self, c: Combined, mut cells: Vec<String>, line: usize) {
        let full_line = cells.len() >= self.width;
        match cells.get_mut(1) {
            Some(title) if full_line => *title = join(&c.title, title),
            _ => cells.insert(1.min(cells.len()), c.title),
        }
        self.start(c.mark, &c.code, cells, line);
    }

    fn start(&mut self, mark: Mark, written: &str, mut cells: Vec<String>, line: usize) {
        if self.mode == Mode::Before {
            self.take_domain_line_before();
        }
        self.finish_row();
        if self.mode == Mode::Header {
            self.width = self.table.header.len().max(2);
        }
        self.mode = Mode::Table;
        let extra = if cells.len() > self.width {
            cells.split_off(self.width)
        } else {
            Vec::new()
        };
        self.current = Some(RawRow {
            line,
            mark,
            mark_written: written.trim().to_string(),
            cells,
            extra: extra.into_iter().filter(|c| !c.trim().is_empty()).collect(),
        });
    }

    fn push(&mut self, text: &str) {
        let width = self.width;
        if let Some(row) = self.current.as_mut() {
            if row.cells.len() < width {
                row.cells.push(text.to_string());
            } else if !text.trim().is_empty() {
                row.extra.push(text.to_string());
            }
        }
    }

    fn continue_cell(&mut self, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        if let Some(row) = self.current.as_mut() {
            let last = if row.extra.is_empty() {
                row.cells.last_mut()
            } else {
                row.extra.last_mut()
            };
            if let Some(last) = last {
                last.push('\n');
                last.push_str(text);
            }
        }
    }

    /// A line under a complete row that names no code: Word's continuation of a row
    /// (a task split over two table rows). Its cells join the row's, column by column.
    fn sub_row(&mut self, cells: &[String]) {
        let Some(row) = self.current.as_mut() else {
            return;
        };
        for (k, c) in cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.trim().is_empty())
        {
            match row.cells.get_mut(k).filter(|_| k > 0) {
                Some(cell) => *cell = join(cell, c),
                None => row.extra.push(c.clone()),
            }
        }
    }

    fn before(&mut self, text: &str, line: usize) {
        if !text.trim().is_empty() {
            self.table.before.push(text.trim().to_string());
            self.last_before = line;
        }
    }

    /// A table pasted without its header may open with a domain row merged across
    /// the table (`I. CÔNG TÁC CHỈ ĐẠO`, one line without a tab): it is the first row.
    fn take_domain_line_before(&mut self) {
        let Some(c) = self.table.before.last().and_then(|t| domain_line(t)) else {
            return;
        };
        self.table.before.pop();
        self.mode = Mode::Table;
        self.current = Some(RawRow {
            line: self.last_before,
            mark: c.mark,
            mark_written: c.code,
            cells: vec![String::new(), c.title],
            extra: Vec::new(),
        });
    }

    fn finish_row(&mut self) {
        if let Some(row) = self.current.take() {
            self.table.rows.push(row);
        }
    }

    fn finish(mut self) -> RawTable {
        self.finish_row();
        self.table
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.trim().is_empty(), b.trim().is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}\n{b}"),
    }
}
