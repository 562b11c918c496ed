//! Command arguments that refuse the wrong shape the way every other refusal does: as the
//! app's `{code, message, fields}`, naming the argument (Tauri's own refusal is plain text,
//! which the UI could not branch on). An `Arg<T>` reads as the `T` it holds.

use std::ops::Deref;

use caseback_desk::Error;
use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};
use tauri::Runtime;

/// An argument of type `T` sent by the UI.
pub struct Arg<T>(pub T);

impl<T> Deref for Arg<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<'de, T: DeserializeOwned, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = command.key;
        T::deserialize(command).map(Arg).map_err(|e| {
            let error = Error::invalid_argument(key, &e.to_string());
            InvokeError(serde_json::to_value(error).unwrap_or_default())
        })
    }
}
