//! The shop's logo, decoded for embedding.

use caseback_domain::papers::Image;
use printpdf::RawImage;

use crate::error::FormError;

pub(crate) fn decode(logo: &Image) -> Result<RawImage, FormError> {
    let expected: &[u8] = match logo.media_type.as_str() {
        "image/png" => b"\x89PNG",
        "image/jpeg" | "image/jpg" => b"\xFF\xD8",
        other => return Err(FormError::LogoUnreadable(format!("{other} is not a PNG or JPEG image"))),
    };
    if !logo.bytes.starts_with(expected) {
        return Err(FormError::LogoUnreadable(format!("the file is not the {} it claims to be", logo.media_type)));
    }
    let image = RawImage::decode_from_bytes(&logo.bytes, &mut Vec::new()).map_err(FormError::LogoUnreadable)?;
    if image.width == 0 || image.height == 0 {
        return Err(FormError::LogoUnreadable("the image is empty".into()));
    }
    Ok(image)
}
