//! The package parts Word and Excel files share: content types, relationships and
//! document properties (ECMA-376 part 2). Only what our two files need.

use super::xml::{attrs, esc, DECLARATION};

pub const REL_OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
pub const REL_CORE: &str =
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
pub const REL_APP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";
pub const REL_STYLES: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

const CT_CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const CT_APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";

/// `[Content_Types].xml`: xml and rels by extension, each other part by name.
pub fn content_types(overrides: &[(&str, &str)]) -> String {
    let mut out = format!(
        r#"{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
    );
    let props = [
        ("/docProps/core.xml", CT_CORE),
        ("/docProps/app.xml", CT_APP),
    ];
    for (part, kind) in overrides.iter().chain(props.iter()) {
        out.push_str(&format!(
            "<Override{}/>",
            attrs(&[("PartName", part), ("ContentType", kind)])
        ));
    }
    out.push_str("</Types>");
    out
}

/// A relationships part: (id, type, target).
pub fn relationships(rels: &[(&str, &str, &str)]) -> String {
    let mut out = format!(
        r#"{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in rels {
        out.push_str(&format!(
            "<Relationship{}/>",
            attrs(&[("Id", id), ("Type", kind), ("Target", target)])
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// `_rels/.rels`: the main part and the two property parts.
pub fn package_relationships(main: &str) -> String {
    relationships(&[
        ("rId1", REL_OFFICE_DOCUMENT, main),
        ("rId2", REL_CORE, "docProps/core.xml"),
        ("rId3", REL_APP, "docProps/app.xml"),
    ])
}

/// `docProps/core.xml`: the title the file shows in Word's and Excel's properties.
pub fn core_properties(title: &str) -> String {
    format!(
        r#"{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>Theo dõi Chỉ số CCHC</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        esc(title)
    )
}

pub fn app_properties() -> String {
    format!(
        r#"{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Theo dõi Chỉ số CCHC</Application></Properties>"#
    )
}
