//! The file format: round trips, and every kind of bad file refused with a path.

use cchc_core::exchange::format::{decode, encode, File, Header, Scope, FORMAT, MAX_BYTES, SCHEMA};
use cchc_core::exchange::Problem;
use cchc_core::model::seed;
use cchc_core::model::*;
use serde_json::json;

fn header() -> Header {
    Header {
        format: FORMAT.into(),
        schema: SCHEMA,
        app: "0.1.0".into(),
        exported_at: "2022-10-15T09:30:00+07:00".into(),
        exported_by: "Phong".into(),
        scope: Scope::Workspace,
        replica: ReplicaId(42).to_text(),
    }
}

fn edited_example() -> Doc {
    let mut ws = Workspace::new(ReplicaId(42));
    ws.doc = seed::example();
    let ctx = Ctx {
        now_ms: 1_665_800_000_000,
        who: "Phong".into(),
    };
    let task = ws
        .doc
        .live_of(Kind::Task)
        .next()
        .map(|(id, _)| id.clone())
        .unwrap();
    ws.apply(
        Action::Edit,
        vec![
            Op::set(&task, "status", "in_progress"),
            Op::set(&task, "note", "<script>alert(1)</script>"),
        ],
        &ctx,
    )
    .unwrap();
    // A conflict, so rivals and seen lists are encoded too.
    let mut other = ws.doc.clone();
    other.records.get_mut(&task).unwrap().write(
        "status",
        json!("done"),
        Stamp::new(Hlc::new(1_665_800_000_001, 0), ReplicaId(7)),
    );
    ws.doc.merge_from(&other);
    ws.apply(Action::Remove, vec![Op::Delete { id: task.clone() }], &ctx)
        .unwrap();
    ws.doc
}

#[test]
fn a_file_round_trips_exactly_with_unknown_fields_and_keys() {
    let mut doc = edited_example();
    let (_, any) = doc.records.iter_mut().next().unwrap();
    any.write(
        "field_from_the_future",
        json!({"nested": [1, 2]}),
        Stamp::new(Hlc::new(5, 0), ReplicaId(9)),
    );
    let mut extra = serde_json::Map::new();
    extra.insert("added_in_v3".into(), json!("kept"));
    let file = File {
        header: header(),
        doc,
        extra,
    };
    let text = encode(&file);
    let back = decode(text.as_bytes()).unwrap();
    assert_eq!(back, file);
    assert_eq!(encode(&back), text, "encoding is deterministic");
}

#[test]
fn the_example_is_compact() {
    let text = encode(&File {
        header: header(),
        doc: seed::example(),
        extra: Default::default(),
    });
    // Genesis stamps are one character: the example is mostly its own text.
    assert!(text.len() < 40_000, "{} bytes", text.len());
}

fn refused(text: &[u8]) -> (Problem, String) {
    let e = decode(text).unwrap_err();
    (e.problem, e.path)
}

fn valid_with(record: serde_json::Value) -> String {
    json!({"format": FORMAT, "schema": 1, "replicas": ["0", "a"], "records": {"t1": record}})
        .to_string()
}

#[test]
fn bad_files_are_refused_with_what_and_where() {
    let jpeg: Vec<u8> = [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0x00,
    ]
    .to_vec();
    let good = encode(&File {
        header: header(),
        doc: seed::example(),
        extra: Default::default(),
    });
    let truncated = &good.as_bytes()[..good.len() / 2];
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    let cases: Vec<(&str, Vec<u8>, Problem, &str)> = vec![
        ("jpeg renamed", jpeg, Problem::NotText, ""),
        (
            "not json",
            b"xin chao".to_vec(),
            Problem::NotJson {
                line: 1,
                column: 1,
                truncated: false,
            },
            "",
        ),
        (
            "other json",
            br#"{"type":"excalidraw"}"#.to_vec(),
            Problem::NotOurFormat,
            "format",
        ),
        (
            "newer version",
            br#"{"format":"cchc-plan","schema":99,"records":{}}"#.to_vec(),
            Problem::NewerVersion {
                found: 99,
                supported: 1,
            },
            "schema",
        ),
        (
            "too deep",
            deep.into_bytes(),
            Problem::TooDeep { limit: 32 },
            "",
        ),
        (
            "records not an object",
            br#"{"format":"cchc-plan","schema":1,"records":[]}"#.to_vec(),
            Problem::WrongType("object"),
            "records",
        ),
        (
            "max not a number",
            valid_with(json!({"kind": "criterion", "fields": {"max": ["abc", "1.1"]}}))
                .into_bytes(),
            Problem::BadValue("number"),
            "records.t1.fields.max",
        ),
        (
            "max a float",
            valid_with(json!({"kind": "criterion", "fields": {"max": [0.75, "1.1"]}})).into_bytes(),
            Problem::WrongType("number"),
            "records.t1.fields.max",
        ),
        (
            "title a number",
            valid_with(json!({"kind": "task", "fields": {"title": [5, "1.1"]}})).into_bytes(),
            Problem::WrongType("text"),
            "records.t1.fields.title",
        ),
        (
            "status unknown",
            valid_with(json!({"kind": "task", "fields": {"status": ["xong roi", "1.1"]}}))
                .into_bytes(),
            Problem::WrongType("value"),
            "records.t1.fields.status",
        ),
        (
            "bad stamp",
            valid_with(json!({"kind": "task", "fields": {"title": ["x", "1.9"]}})).into_bytes(),
            Problem::BadStamp,
            "records.t1.fields.title[1]",
        ),
        (
            "field not a list",
            valid_with(json!({"kind": "task", "fields": {"title": "x"}})).into_bytes(),
            Problem::WrongType("field"),
            "records.t1.fields.title",
        ),
        (
            "bad period",
            valid_with(json!({"kind": "task", "fields": {"done.2022-13": [true, "1.1"]}}))
                .into_bytes(),
            Problem::BadValue("period"),
            "records.t1.fields.done.2022-13",
        ),
        (
            "no kind",
            valid_with(json!({"fields": {}})).into_bytes(),
            Problem::Missing,
            "records.t1.kind",
        ),
    ];
    for (name, bytes, problem, path) in cases {
        assert_eq!(refused(&bytes), (problem, path.to_string()), "{name}");
    }
    let (problem, _) = refused(truncated);
    assert!(
        matches!(
            problem,
            Problem::NotJson {
                truncated: true,
                ..
            }
        ),
        "truncated: {problem:?}"
    );
    let huge = vec![b' '; MAX_BYTES + 1];
    assert_eq!(
        refused(&huge).0,
        Problem::TooLarge {
            bytes: MAX_BYTES + 1,
            limit: MAX_BYTES
        }
    );
}

static GOOD: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    encode(&File {
        header: header(),
        doc: edited_example(),
        extra: Default::default(),
    })
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
        std::env::var("CCHC_FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)))]

    /// Arbitrary bytes never panic the door.
    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
        let _ = decode(&bytes);
    }

    /// Damaged real files (a byte changed, cut short) never panic either.
    #[test]
    fn decoding_damaged_files_never_panics(at in 0usize..20_000, byte in proptest::num::u8::ANY, cut in proptest::bool::ANY) {
        let mut bytes = GOOD.as_bytes().to_vec();
        let at = at % bytes.len();
        if cut { bytes.truncate(at) } else { bytes[at] = byte }
        let _ = decode(&bytes);
    }
}
