//! Older schema versions are migrated on load and on import; newer ones are refused.
//!
//! Each step takes a file of version N to N + 1 as plain JSON, by field name, so a
//! migration never needs the old Rust types. Version 1 is the first published
//! version: the list of steps is empty, and grows by one entry per new version.

use serde_json::Value;

use super::error::{ImportError, Problem};
use super::format::{FORMAT, SCHEMA};

/// One step: from the version at its index + 1 to the next.
type Step = fn(Value) -> Result<Value, ImportError>;

/// `STEPS[i]` migrates version `i + 1` to `i + 2`. The last version reached is `SCHEMA`.
const STEPS: &[Step] = &[];

/// Checks the format and version, and brings an older file up to `SCHEMA`.
pub fn to_current(value: Value) -> Result<Value, ImportError> {
    to_version(value, SCHEMA, STEPS)
}

fn to_version(mut value: Value, current: u64, steps: &[Step]) -> Result<Value, ImportError> {
    if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::new(Problem::NotOurFormat, "format"));
    }
    let found = match value.get("schema") {
        Some(v) => v
            .as_u64()
            .ok_or_else(|| ImportError::new(Problem::WrongType("whole number"), "schema"))?,
        None => return Err(ImportError::new(Problem::Missing, "schema")),
    };
    if found > current {
        return Err(ImportError::new(
            Problem::NewerVersion {
                found,
                supported: current,
            },
            "schema",
        ));
    }
    if found == 0 {
        return Err(ImportError::new(Problem::UnknownVersion, "schema"));
    }
    for version in found..current {
        let step = steps
            .get((version - 1) as usize)
            .ok_or_else(|| ImportError::new(Problem::UnknownVersion, "schema"))?;
        value = step(value)?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("schema".into(), Value::from(version + 1));
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A version 2 as it might come: `leader` renamed to `in_charge` on tasks.
    fn rename_leader(mut v: Value) -> Result<Value, ImportError> {
        if let Some(records) = v.get_mut("records").and_then(Value::as_object_mut) {
            for r in records.values_mut() {
                if let Some(fields) = r.get_mut("fields").and_then(Value::as_object_mut) {
                    if let Some(old) = fields.remove("leader") {
                        fields.insert("in_charge".into(), old);
                    }
                }
            }
        }
        Ok(v)
    }

    #[test]
    fn older_files_are_migrated_step_by_step_and_newer_refused() {
        let v1 = json!({"format": FORMAT, "schema": 1, "records": {"t1": {"kind": "task", "fields": {"leader": ["Đ/c Tuấn", "0"], "x": [1, "0"]}}}});
        let steps: &[Step] = &[rename_leader];
        let v2 = to_version(v1, 2, steps).unwrap();
        assert_eq!(v2["schema"], json!(2));
        assert_eq!(
            v2["records"]["t1"]["fields"]["in_charge"],
            json!(["Đ/c Tuấn", "0"])
        );
        assert_eq!(
            v2["records"]["t1"]["fields"]["x"],
            json!([1, "0"]),
            "unknown fields survive"
        );
        let v3 = json!({"format": FORMAT, "schema": 3});
        assert_eq!(
            to_version(v3, 2, steps).unwrap_err().problem,
            Problem::NewerVersion {
                found: 3,
                supported: 2
            }
        );
    }

    #[test]
    fn wrong_format_or_version_is_refused() {
        let cases = [
            (json!({"schema": 1}), Problem::NotOurFormat),
            (
                json!({"format": "excalidraw", "schema": 1}),
                Problem::NotOurFormat,
            ),
            (json!({"format": FORMAT}), Problem::Missing),
            (
                json!({"format": FORMAT, "schema": "1"}),
                Problem::WrongType("whole number"),
            ),
            (
                json!({"format": FORMAT, "schema": 0}),
                Problem::UnknownVersion,
            ),
            (
                json!({"format": FORMAT, "schema": 99}),
                Problem::NewerVersion {
                    found: 99,
                    supported: SCHEMA,
                },
            ),
        ];
        for (value, want) in cases {
            assert_eq!(
                to_current(value.clone()).unwrap_err().problem,
                want,
                "{value}"
            );
        }
    }
}
