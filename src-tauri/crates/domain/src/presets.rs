//! The five seed shops' policies (shared/seeds), as presets a shop picks and then edits.

use serde::{Deserialize, Serialize};

use crate::policy::Policy;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetId {
    /// 000: SOFTERSPOT, GLORY PRO smart watch web shop in Shenzhen.
    Softerspot,
    /// 001: KOSPET, smartwatch maker.
    Kospet,
    /// 002: lx-watch / cleanvswatch.com, watch repair and sales in Hong Kong. The default.
    LxWatch,
    /// 003: a Turkish smart watch store.
    TurkishStore,
    /// 004: a generic electronics web shop with an RMA procedure.
    RmaWebShop,
}

impl PresetId {
    pub const ALL: [PresetId; 5] =
        [PresetId::LxWatch, PresetId::Kospet, PresetId::Softerspot, PresetId::TurkishStore, PresetId::RmaWebShop];

    pub fn name(self) -> &'static str {
        match self {
            PresetId::Softerspot => "SOFTERSPOT (smart watch web shop, Shenzhen)",
            PresetId::Kospet => "KOSPET (smartwatch maker)",
            PresetId::LxWatch => "lx-watch / cleanvswatch.com (repair desk, Hong Kong)",
            PresetId::TurkishStore => "Turkish smart watch store",
            PresetId::RmaWebShop => "Electronics web shop with RMA numbers",
        }
    }

    pub fn policy(self) -> Policy {
        Policy::default()
    }

    /// The seed's own words for a settings field, shown as its help text.
    pub fn wording(self, _key: &str) -> Option<&'static str> {
        None
    }
}

impl Default for PresetId {
    fn default() -> Self {
        PresetId::LxWatch
    }
}
