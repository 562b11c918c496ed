//! Command arguments that refuse the wrong shape the way every other refusal does: as the
//! app's `{code, message, fields}`, naming the argument. (Tauri's own refusal is plain
//! text, which the UI could not branch on.)

use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

use crate::error::IpcError;

/// An argument of type `T` sent by the UI.
pub struct Arg<T>(pub T);

impl<'de, T: DeserializeOwned, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = command.key;
        T::deserialize(command).map(Arg).map_err(|e| {
            let error = IpcError::invalid_argument(key, &e.to_string());
            InvokeError(serde_json::to_value(error).unwrap_or_default())
        })
    }
}
