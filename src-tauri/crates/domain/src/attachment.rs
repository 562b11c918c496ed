//! Files staff attach (logo, photos, signed scans): which kinds are accepted, and how big.

use serde::{Deserialize, Serialize};

use crate::DomainError;

/// 25 MB: a phone photo or a multi-page scan fits.
pub const MAX_BYTES: usize = 25 * 1024 * 1024;
/// 100 MB: a short phone video of a defect (a return's evidence).
pub const MAX_VIDEO_BYTES: usize = 100 * 1024 * 1024;
/// The most photos (or videos) one step keeps: an intake, an assessment, a finished repair,
/// a return's evidence, an inspection. The window is told it and counts down to it.
pub const MAX_PHOTOS: usize = 12;

/// Refuses more than `MAX_PHOTOS` for `field`.
pub fn check_count(field: &str, count: usize) -> Result<(), DomainError> {
    if count > MAX_PHOTOS {
        return Err(DomainError::invalid(field, format!("At most {MAX_PHOTOS} photos or videos.")));
    }
    Ok(())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MediaType {
    #[serde(rename = "image/png")]
    Png,
    #[serde(rename = "image/jpeg")]
    Jpeg,
    #[serde(rename = "application/pdf")]
    Pdf,
    /// MP4 or QuickTime (an ISO base media file), as phones record.
    #[serde(rename = "video/mp4")]
    Mp4,
    #[serde(rename = "video/webm")]
    Webm,
}

impl MediaType {
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Png => "image/png",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Pdf => "application/pdf",
            MediaType::Mp4 => "video/mp4",
            MediaType::Webm => "video/webm",
        }
    }

    pub fn from_name(name: &str) -> Option<MediaType> {
        [MediaType::Png, MediaType::Jpeg, MediaType::Pdf, MediaType::Mp4, MediaType::Webm]
            .into_iter()
            .find(|m| m.as_str() == name)
    }

    pub fn is_image(self) -> bool {
        matches!(self, MediaType::Png | MediaType::Jpeg)
    }

    pub fn is_video(self) -> bool {
        matches!(self, MediaType::Mp4 | MediaType::Webm)
    }

    /// Recognises a file by its first bytes, never by its name.
    pub fn sniff(bytes: &[u8]) -> Option<MediaType> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(MediaType::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(MediaType::Jpeg)
        } else if bytes.starts_with(b"%PDF-") {
            Some(MediaType::Pdf)
        } else if bytes.get(4..8) == Some(b"ftyp") {
            Some(MediaType::Mp4)
        } else if bytes.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
            Some(MediaType::Webm)
        } else {
            None
        }
    }
}

/// Checks an image upload (a logo, a photo): PNG or JPEG, not empty, not too big.
pub fn accept_image(field: &str, bytes: &[u8]) -> Result<MediaType, DomainError> {
    if bytes.is_empty() {
        return Err(DomainError::invalid(field, "The file is empty."));
    }
    if bytes.len() > MAX_BYTES {
        return Err(DomainError::invalid(
            field,
            format!("The file is {} MB; at most {} MB.", bytes.len() / 1_048_576, MAX_BYTES / 1_048_576),
        ));
    }
    match MediaType::sniff(bytes) {
        Some(m) if m.is_image() => Ok(m),
        _ => Err(DomainError::invalid(field, "Choose a PNG or JPEG image.")),
    }
}

/// Checks a signed scan: a PNG or JPEG photo of the page, or a PDF from a scanner.
pub fn accept_scan(field: &str, bytes: &[u8]) -> Result<MediaType, DomainError> {
    match MediaType::sniff(bytes) {
        Some(MediaType::Pdf) if bytes.len() <= MAX_BYTES => Ok(MediaType::Pdf),
        Some(MediaType::Pdf) => {
            Err(DomainError::invalid(field, format!("The file is over {} MB.", MAX_BYTES / 1_048_576)))
        }
        _ => accept_image(field, bytes)
            .map_err(|_| DomainError::invalid(field, "Choose a PDF, PNG or JPEG of the signed page.")),
    }
}

/// Checks a return's evidence of a defect: a photo, or a short video.
pub fn accept_evidence(field: &str, bytes: &[u8]) -> Result<MediaType, DomainError> {
    match MediaType::sniff(bytes) {
        Some(m) if m.is_video() && bytes.len() <= MAX_VIDEO_BYTES => Ok(m),
        Some(m) if m.is_video() => {
            Err(DomainError::invalid(field, format!("The video is over {} MB.", MAX_VIDEO_BYTES / 1_048_576)))
        }
        _ => accept_image(field, bytes)
            .map_err(|_| DomainError::invalid(field, "Choose a photo (PNG, JPEG) or a video (MP4, MOV, WebM).")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_recognised_by_content() {
        assert_eq!(accept_image("logo", b"\x89PNG\r\n\x1a\nrest").unwrap(), MediaType::Png);
        assert_eq!(accept_image("logo", &[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(), MediaType::Jpeg);
        assert!(accept_image("logo", b"<svg onload=alert(1)>").is_err());
        assert!(accept_image("logo", b"%PDF-1.7").is_err(), "a PDF is not an image");
        assert!(accept_image("logo", b"").is_err());
    }

    #[test]
    fn scans_may_also_be_pdfs() {
        assert_eq!(accept_scan("scan", b"%PDF-1.7 ...").unwrap(), MediaType::Pdf);
        assert_eq!(accept_scan("scan", &[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(), MediaType::Jpeg);
        assert!(accept_scan("scan", b"PK\x03\x04 a zip").is_err());
    }

    #[test]
    fn evidence_may_be_a_video() {
        assert_eq!(accept_evidence("media", b"\0\0\0\x18ftypmp42....").unwrap(), MediaType::Mp4);
        assert_eq!(accept_evidence("media", &[0x1A, 0x45, 0xDF, 0xA3, 1]).unwrap(), MediaType::Webm);
        assert_eq!(accept_evidence("media", b"\x89PNG\r\n\x1a\nx").unwrap(), MediaType::Png);
        assert!(accept_evidence("media", b"%PDF-1.7").is_err());
        assert!(accept_image("photo", b"\0\0\0\x18ftypmp42").is_err(), "a video is not a photo");
    }
}
