//! Files sent from the UI as the raw request body, with who and what in headers.

use caseback_desk::{Error, Result};
use caseback_domain::staff::StaffId;
use caseback_domain::Code;
use tauri::ipc::{InvokeBody, Request};

/// A file as sent: `x-staff-id` (who is at the counter), `x-file-name` (URI-encoded), and the bytes.
pub struct Upload<'a> {
    pub by: StaffId,
    pub name: String,
    pub bytes: &'a [u8],
}

pub fn upload<'a>(request: &'a Request<'_>) -> Result<Upload<'a>> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(Error::new(Code::InvalidInput, "Send the file itself."));
    };
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let by = header("x-staff-id")
        .parse()
        .map(StaffId)
        .map_err(|_| Error::new(Code::InvalidInput, "Choose who is at the counter."))?;
    // The window sends the name URI-encoded (a header is ASCII): "Ayşe Yılmaz" arrives whole.
    let name = percent_encoding::percent_decode_str(&header("x-file-name")).decode_utf8_lossy().into_owned();
    Ok(Upload { by, name, bytes })
}
