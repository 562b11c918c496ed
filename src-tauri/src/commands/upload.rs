//! Files sent from the UI as the raw request body, with who and what in headers.

use caseback_domain::staff::StaffId;
use tauri::ipc::{InvokeBody, Request};

use crate::error::{IpcError, IpcResult};

/// A file as sent: `x-staff-id` (who is at the counter), `x-file-name`, and the bytes.
pub struct Upload<'a> {
    pub by: StaffId,
    pub name: String,
    pub bytes: &'a [u8],
}

pub fn upload<'a>(request: &'a Request<'_>) -> IpcResult<Upload<'a>> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(IpcError::new("invalid_input", "Send the file itself."));
    };
    let header = |name: &str| request.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let by = header("x-staff-id")
        .parse()
        .map(StaffId)
        .map_err(|_| IpcError::new("invalid_input", "Choose who is at the counter."))?;
    Ok(Upload { by, name: header("x-file-name"), bytes })
}
