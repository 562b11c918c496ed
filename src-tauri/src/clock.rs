//! The app's clock. The domain never reads time itself; the desk asks this clock.

use std::sync::Arc;

use caseback_desk::Clock;
use jiff::Timestamp;

/// The system clock, or in a `test-clock` build a clock the tests set: `CASEBACK_TEST_CLOCK`
/// holds an instant (`2026-03-01T09:00:00Z`), or `file:PATH` naming a file holding one,
/// read on every call so a test can move time forward while the app runs. Shop builds
/// ignore the variable.
pub fn from_env() -> Clock {
    #[cfg(feature = "test-clock")]
    if let Some(source) = std::env::var("CASEBACK_TEST_CLOCK").ok().filter(|s| !s.is_empty()) {
        return Arc::new(move || {
            let text = match source.strip_prefix("file:") {
                Some(path) => std::fs::read_to_string(path).unwrap_or_default(),
                None => source.clone(),
            };
            text.trim().parse().unwrap_or_else(|e| {
                tracing::warn!("CASEBACK_TEST_CLOCK {text:?} is not an instant ({e}); using the system clock");
                Timestamp::now()
            })
        });
    }
    Arc::new(Timestamp::now)
}
