//! The three faces every form prints with, parsed once, and the text measuring they allow.

use std::path::{Path, PathBuf};

use caseback_domain::customer::is_cjk;
use printpdf::ParsedFont;

use crate::error::FormError;

/// Where a face is looked for: Debian's path first (named in the error), then Fedora's, then
/// the system font folders of macOS and Windows, where the same Noto files are installed by
/// hand (so the forms measure and print the same everywhere).
struct FaceSource {
    paths: &'static [&'static str],
    index: usize,
    package: &'static str,
}

const REGULAR: FaceSource = FaceSource {
    paths: &[
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/google-noto/NotoSans-Regular.ttf",
        "/Library/Fonts/NotoSans-Regular.ttf",
        "C:\\Windows\\Fonts\\NotoSans-Regular.ttf",
    ],
    index: 0,
    package: "fonts-noto-core",
};

const BOLD: FaceSource = FaceSource {
    paths: &[
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/share/fonts/google-noto/NotoSans-Bold.ttf",
        "/Library/Fonts/NotoSans-Bold.ttf",
        "C:\\Windows\\Fonts\\NotoSans-Bold.ttf",
    ],
    index: 0,
    package: "fonts-noto-core",
};

/// The all-region collection; face 2 is Simplified Chinese (it also covers kana and hangul).
const CJK: FaceSource = FaceSource {
    paths: &[
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/Library/Fonts/NotoSansCJK-Regular.ttc",
        "C:\\Windows\\Fonts\\NotoSansCJK-Regular.ttc",
    ],
    index: 2,
    package: "fonts-noto-cjk",
};

/// Which of the loaded faces a string is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Cjk,
    /// The CJK face drawn with an outline as well: there is no bold CJK face loaded.
    CjkBold,
}

impl Face {
    /// Which loaded font the face draws with.
    pub(crate) fn slot(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Cjk | Face::CjkBold => 2,
        }
    }

    pub(crate) fn synthetic_bold(self) -> bool {
        self == Face::CjkBold
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

pub(crate) struct LoadedFace {
    pub(crate) parsed: ParsedFont,
    units_per_em: f32,
}

/// Noto Sans Regular and Bold for Latin, Greek and Cyrillic (Turkish included), and Noto
/// Sans CJK SC for Chinese, Japanese and Korean. Load once and keep: the CJK face takes
/// tens of milliseconds to parse.
pub struct Fonts {
    faces: [LoadedFace; 3],
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts { Noto Sans Regular, Noto Sans Bold, Noto Sans CJK SC }")
    }
}

impl Fonts {
    /// Reads and parses the installed Noto fonts; names the missing file and its package.
    pub fn load() -> Result<Fonts, FormError> {
        Ok(Fonts { faces: [load_face(&REGULAR)?, load_face(&BOLD)?, load_face(&CJK)?] })
    }

    pub(crate) fn face(&self, face: Face) -> &LoadedFace {
        &self.faces[face.slot()]
    }

    /// The face for `text` at `weight`: the CJK face when the text has a CJK character or
    /// one the Latin face lacks (bold CJK is the regular face, outlined).
    pub(crate) fn pick(&self, weight: Weight, text: &str) -> Face {
        let latin = match weight {
            Weight::Regular => Face::Regular,
            Weight::Bold => Face::Bold,
        };
        let needs_cjk = text
            .chars()
            .any(|c| is_cjk(c) || (!c.is_whitespace() && !self.face(latin).has(c) && self.face(Face::Cjk).has(c)));
        if needs_cjk {
            if weight == Weight::Bold {
                Face::CjkBold
            } else {
                Face::Cjk
            }
        } else {
            latin
        }
    }

    /// Width of `text` in millimetres at `size` points.
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        self.face(face).width_em(text) * size * crate::draw::MM_PER_PT
    }
}

impl LoadedFace {
    fn has(&self, c: char) -> bool {
        self.parsed.lookup_glyph_index(c as u32).is_some()
    }

    /// Sum of the glyph advances, in ems: what the PDF viewer advances by (no kerning).
    fn width_em(&self, text: &str) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let gid = self.parsed.lookup_glyph_index(c as u32).unwrap_or(0);
                u32::from(self.parsed.get_horizontal_advance(gid))
            })
            .sum();
        units as f32 / self.units_per_em
    }
}

fn load_face(source: &FaceSource) -> Result<LoadedFace, FormError> {
    let found = source.paths.iter().map(Path::new).find(|p| p.is_file());
    let Some(path) = found else {
        return Err(FormError::FontMissing { path: PathBuf::from(source.paths[0]), package: source.package });
    };
    let unreadable = |reason: String| FormError::FontUnreadable { path: path.to_path_buf(), reason };
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    let mut warnings = Vec::new();
    let parsed = ParsedFont::from_bytes(&bytes, source.index, &mut warnings)
        .ok_or_else(|| unreadable(format!("face {} did not parse ({} warnings)", source.index, warnings.len())))?;
    let units_per_em = f32::from(parsed.font_metrics.units_per_em);
    if units_per_em <= 0.0 || parsed.lookup_glyph_index('A' as u32).is_none() {
        return Err(unreadable("it has no usable Latin glyphs".into()));
    }
    Ok(LoadedFace { parsed, units_per_em })
}
