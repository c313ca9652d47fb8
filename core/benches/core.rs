//! Native benchmarks of the core (`make bench` runs them): the merge at 100,000 tasks and the
//! reading (parse and validation) of a 10 MB file. Budgets: docs/PERFORMANCE.md.

use cchc_core::exchange::format::{self, File, Header, Scope};
use cchc_core::model::doc::{Doc, Kind};
use cchc_core::model::stamp::{Hlc, ReplicaId, Stamp};
use cchc_core::sample;
use serde_json::json;

fn main() {
    divan::main();
}

/// Two copies of a 100,000-task workspace, each with its own edits since they parted:
/// every tenth task edited on one side, every seventh on the other (some on both).
fn diverged(tasks: usize) -> (Doc, Doc) {
    let communes = tasks / 200;
    let base = sample::doc(communes, 200);
    let (mut a, mut b) = (base.clone(), base);
    let ids: Vec<String> = a.live_of(Kind::Task).map(|(id, _)| id.clone()).collect();
    for (i, id) in ids.iter().enumerate() {
        if i % 10 == 0 {
            a.records.get_mut(id).unwrap().write(
                "status",
                json!("done"),
                Stamp::new(Hlc::new(2_000_000_000_000, i as u64 % 1000), ReplicaId(2)),
            );
        }
        if i % 7 == 0 {
            b.records.get_mut(id).unwrap().write(
                "status",
                json!("in_progress"),
                Stamp::new(Hlc::new(2_000_000_000_001, i as u64 % 1000), ReplicaId(3)),
            );
        }
    }
    (a, b)
}

#[divan::bench(sample_count = 5)]
fn merge_100k_tasks(bencher: divan::Bencher) {
    let (a, b) = diverged(100_000);
    // What an import does: merge into the workspace in place (the copy is not timed).
    bencher
        .with_inputs(|| a.clone())
        .bench_local_values(|mut ours| {
            ours.merge_from(&b);
            ours
        });
}

/// A file of about 10 MB.
fn ten_mb_file() -> Vec<u8> {
    let doc = sample::doc(80, 200);
    let header = Header {
        format: format::FORMAT.into(),
        schema: format::SCHEMA,
        app: "bench".into(),
        exported_at: String::new(),
        exported_by: String::new(),
        scope: Scope::Workspace,
        replica: "1".into(),
    };
    format::encode(&File {
        header,
        doc,
        extra: Default::default(),
    })
    .into_bytes()
}

#[divan::bench(sample_count = 5)]
fn read_and_validate_10mb_file(bencher: divan::Bencher) {
    let bytes = ten_mb_file();
    assert!(
        bytes.len() > 9_000_000 && bytes.len() <= format::MAX_BYTES,
        "{} bytes",
        bytes.len()
    );
    bencher.bench(|| divan::black_box(format::decode(&bytes).is_ok()));
}
