//! What the paste tests share: the seed, a plan with its units, ids and a context.

#![allow(dead_code)]

use cchc_core::model::*;

pub const SEED: &str = include_str!("../seed/ke-hoach-12-KH-UBND-son-linh.txt");

/// The appendix as it stands in the seed: from "PHỤ LỤC" to the end.
pub fn appendix() -> &'static str {
    let at = SEED.find("PHỤ LỤC").expect("the seed has its appendix");
    &SEED[at..]
}

/// A workspace holding the example's plan and units, and no criteria, tasks or officers.
pub fn plan_and_units() -> Workspace {
    let mut ws = Workspace::new(ReplicaId(7));
    ws.doc.records = seed::example()
        .records
        .into_iter()
        .filter(|(_, r)| matches!(r.kind, Kind::Plan | Kind::Unit))
        .collect();
    ws
}

pub fn ctx() -> Ctx {
    Ctx {
        now_ms: 1_700_000_000_000,
        who: "Phong".into(),
    }
}

/// Fresh ids for records whose derived id is taken.
pub fn random_ids() -> impl FnMut(Kind) -> String {
    let mut n = 0;
    move |kind| {
        n += 1;
        ids::random(kind, 0xdead_0000 + n)
    }
}
