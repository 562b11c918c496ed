//! The app's clock. The domain never reads time itself; commands pass it `Clock::now()`.

use jiff::Timestamp;

/// The system clock, or in a `test-clock` build a clock the tests set.
#[derive(Debug, Default)]
pub struct Clock {
    #[cfg(feature = "test-clock")]
    source: Option<String>,
}

impl Clock {
    /// In `test-clock` builds, `CASEBACK_TEST_CLOCK` sets the time: an instant
    /// (`2026-03-01T09:00:00Z`), or `file:PATH` naming a file holding one, read on every call
    /// so a test can move time forward while the app runs. Shop builds ignore the variable.
    pub fn from_env() -> Clock {
        Clock {
            #[cfg(feature = "test-clock")]
            source: std::env::var("CASEBACK_TEST_CLOCK").ok().filter(|s| !s.is_empty()),
        }
    }

    pub fn now(&self) -> Timestamp {
        #[cfg(feature = "test-clock")]
        if let Some(source) = &self.source {
            let text = match source.strip_prefix("file:") {
                Some(path) => std::fs::read_to_string(path).unwrap_or_default(),
                None => source.clone(),
            };
            match text.trim().parse() {
                Ok(t) => return t,
                Err(e) => {
                    tracing::warn!("CASEBACK_TEST_CLOCK {text:?} is not an instant ({e}); using the system clock")
                }
            }
        }
        Timestamp::now()
    }
}
