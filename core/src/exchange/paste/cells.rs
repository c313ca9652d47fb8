//! From pasted text to lines of cells.
//!
//! Two forms arrive. Word copies a table as tab-separated rows, quoting a cell that
//! holds line breaks (`"a\nb"`, a quote inside doubled). Converted to plain text, the
//! same table puts each cell on its own line behind a tab, and a cell's further lines
//! carry no tab. Both become [`Line`]s here; `table` decides what they mean.

/// One line of the pasted text (a quoted cell may make it span several).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Line {
    /// 1-based number of the line it starts on, for the preview.
    pub number: usize,
    pub kind: LineKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum LineKind {
    /// `\tcell`: the plain-text form, one cell per line (spaces may precede the tab).
    Cell(String),
    /// `a\tb\tc`: a row as Word copies it.
    Cells(Vec<String>),
    /// No tab: a cell running on, or text outside the table.
    Text(String),
}

/// Splits pasted text into lines of cells.
pub(super) fn lines(text: &str) -> Vec<Line> {
    let chars: Vec<char> = normalize(text).chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    let mut number = 1;
    while at < chars.len() {
        let start = number;
        let fields = fields_of_line(&chars, &mut at, &mut number);
        out.push(Line {
            number: start,
            kind: classify(fields),
        });
    }
    out
}

/// Line breaks of every system, Word's manual line break (vertical tab) and no-break
/// spaces made plain; invisible marks dropped.
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\r' | '\u{b}' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => Some(' '),
            '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{ad}' => None,
            c => Some(c),
        })
        .collect()
}

/// Reads the fields of one line from `at`, past its line break.
fn fields_of_line(chars: &[char], at: &mut usize, number: &mut usize) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut field_start = true;
    while let Some(&c) = chars.get(*at) {
        if field_start && c == '"' {
            if let Some((content, next, breaks)) = quoted(chars, *at) {
                field.push_str(&content);
                *at = next;
                *number += breaks;
                field_start = false;
                continue;
            }
        }
        *at += 1;
        match c {
            '\t' => {
                fields.push(std::mem::take(&mut field));
                field_start = true;
            }
            '\n' => {
                *number += 1;
                break;
            }
            c => {
                field.push(c);
                field_start = false;
            }
        }
    }
    fields.push(field);
    fields
}

/// A quoted field starting at `open`: its content, where reading goes on, and how many
/// line breaks it held. Not a quoted field (a lone quote inside, no closing quote
/// before a tab or line break) gives `None`, and the quote is read as a character.
fn quoted(chars: &[char], open: usize) -> Option<(String, usize, usize)> {
    let mut content = String::new();
    let mut breaks = 0;
    let mut at = open + 1;
    loop {
        let c = *chars.get(at)?;
        if c == '"' {
            match chars.get(at + 1) {
                Some('"') => {
                    content.push('"');
                    at += 2;
                    continue;
                }
                None | Some('\t') | Some('\n') => return Some((content, at + 1, breaks)),
                Some(_) => return None,
            }
        }
        if c == '\n' {
            breaks += 1;
        }
        content.push(c);
        at += 1;
    }
}

fn classify(mut fields: Vec<String>) -> LineKind {
    match fields.len() {
        0 | 1 => LineKind::Text(fields.pop().unwrap_or_default()),
        2 if fields[0].trim().is_empty() => LineKind::Cell(fields.pop().unwrap_or_default()),
        _ => LineKind::Cells(fields),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<LineKind> {
        lines(text).into_iter().map(|l| l.kind).collect()
    }

    fn cell(s: &str) -> LineKind {
        LineKind::Cell(s.into())
    }

    fn cells(s: &[&str]) -> LineKind {
        LineKind::Cells(s.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn both_forms_become_lines_of_cells() {
        let cases: Vec<(&str, Vec<LineKind>)> = vec![
            ("\t1.2\n\tTitle", vec![cell("1.2"), cell("Title")]),
            (" \t7.1.2.7", vec![cell("7.1.2.7")]),
            (" next line", vec![LineKind::Text(" next line".into())]),
            ("1.2\tA\tB\r\n", vec![cells(&["1.2", "A", "B"])]),
            (
                "1.7\t\"Đ/c Phong;\n Đ/c Long\"\t30/9/2022",
                vec![cells(&["1.7", "Đ/c Phong;\n Đ/c Long", "30/9/2022"])],
            ),
            (
                "a\t\"say \"\"hi\"\"\"\tb",
                vec![cells(&["a", "say \"hi\"", "b"])],
            ),
            // A quote that opens no quoted field is a character.
            (
                "\t\"Ngày hội\" cuối năm",
                vec![cell("\"Ngày hội\" cuối năm")],
            ),
            (
                "\t\"never closed\nmore",
                vec![cell("\"never closed"), LineKind::Text("more".into())],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kinds(text), want, "{text:?}");
        }
    }

    #[test]
    fn line_numbers_count_breaks_inside_quoted_cells() {
        let numbers: Vec<usize> = lines("a\t\"x\ny\"\tb\nc")
            .iter()
            .map(|l| l.number)
            .collect();
        assert_eq!(numbers, [1, 3]);
    }
}
