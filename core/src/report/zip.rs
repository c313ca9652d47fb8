//! A minimal ZIP writer: stored entries only (no compression), which is all an OOXML
//! package needs to open in Word, Excel and LibreOffice. See docs/reports.md for why
//! this is ours rather than a crate: it costs a few kilobytes of wasm, not eighty.

use chrono::{Datelike, NaiveDate};

/// Why a package could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    /// Over 4 GB or 65 535 parts: a plain ZIP cannot hold it.
    TooLarge,
}

impl ExportError {
    /// What the officer reads.
    pub fn message_vi(&self) -> &'static str {
        match self {
            ExportError::TooLarge => {
                "Tệp xuất ra quá lớn để đóng gói. Hãy xuất từng phần (theo bộ phận) rồi thử lại."
            }
        }
    }
}

/// CRC-32 (IEEE), table computed at compile time.
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| {
        CRC_TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// Date and time fields of a ZIP entry (MS-DOS format), at midnight of `d`.
fn dos_date(d: NaiveDate) -> u16 {
    let year = d.year().clamp(1980, 2107) - 1980;
    // Each field fits its bits: year < 128, month ≤ 12, day ≤ 31.
    ((year as u16) << 9) | ((d.month() as u16) << 5) | d.day() as u16
}

/// Stored parts, written in order, then the central directory.
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
    date: u16,
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0: what every reader accepts for stored entries.
const VERSION: u16 = 20;
/// General purpose flag bit 11: names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;

impl ZipWriter {
    /// Entries dated `date`: the same input always gives the same bytes.
    pub fn new(date: NaiveDate) -> ZipWriter {
        ZipWriter {
            out: Vec::new(),
            central: Vec::new(),
            entries: 0,
            date: dos_date(date),
        }
    }

    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), ExportError> {
        let size = u32::try_from(data.len()).map_err(|_| ExportError::TooLarge)?;
        let offset = u32::try_from(self.out.len()).map_err(|_| ExportError::TooLarge)?;
        let name_len = u16::try_from(name.len()).map_err(|_| ExportError::TooLarge)?;
        self.entries = self.entries.checked_add(1).ok_or(ExportError::TooLarge)?;
        let crc = crc32(data);
        // Fields shared by the local and the central header, from "flags" to "name length".
        let mut common = Vec::with_capacity(26);
        for half in [UTF8_NAMES, 0, 0, self.date] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, size, size] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());

        self.out.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
        self.out.extend_from_slice(&VERSION.to_le_bytes());
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(data);

        let c = &mut self.central;
        c.extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
        c.extend_from_slice(&VERSION.to_le_bytes()); // made by
        c.extend_from_slice(&VERSION.to_le_bytes()); // needed
        c.extend_from_slice(&common);
        // Extra, comment, disk number, internal and external attributes.
        c.extend_from_slice(&[0; 2 + 2 + 2 + 2 + 4]);
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(name.as_bytes());
        Ok(())
    }

    pub fn finish(mut self) -> Result<Vec<u8>, ExportError> {
        let dir_offset = u32::try_from(self.out.len()).map_err(|_| ExportError::TooLarge)?;
        let dir_size = u32::try_from(self.central.len()).map_err(|_| ExportError::TooLarge)?;
        self.out.extend_from_slice(&self.central);
        self.out.extend_from_slice(&END_OF_DIRECTORY.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]); // this disk, disk with the directory
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&dir_size.to_le_bytes());
        self.out.extend_from_slice(&dir_offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        Ok(self.out)
    }
}

/// A package from named parts, in order.
pub fn package(date: NaiveDate, parts: &[(&str, String)]) -> Result<Vec<u8>, ExportError> {
    let mut zip = ZipWriter::new(date);
    for (name, text) in parts {
        zip.add(name, text.as_bytes())?;
    }
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_values() {
        let cases: [(&[u8], u32); 3] = [
            (b"", 0),
            (b"123456789", 0xCBF4_3926),
            (b"The quick brown fox jumps over the lazy dog", 0x414F_A339),
        ];
        for (bytes, want) in cases {
            assert_eq!(crc32(bytes), want);
        }
    }

    #[test]
    fn dos_dates_pack_year_month_day() {
        let d = NaiveDate::from_ymd_opt(2023, 3, 5).unwrap();
        assert_eq!(dos_date(d), (43 << 9) | (3 << 5) | 5);
        let old = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        assert_eq!(dos_date(old) >> 9, 0, "before 1980 is 1980");
    }
}
