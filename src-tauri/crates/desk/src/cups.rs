//! The system's printers, through the CUPS command-line clients (`lpstat`, `lp`): the same
//! programs and the same server (`CUPS_SERVER`, `~/.cups/client.conf`) every other program on
//! the computer prints through, so Caseback needs no driver of its own.
//!
//! The clients run with `LC_ALL=C`, so their words are read in one language whatever the
//! desktop's.

use std::path::Path;
use std::process::{Command, Output};

use caseback_domain::printing::PrintChoice;
use caseback_domain::Code;
use serde::Serialize;

use crate::error::{Error, Result};

/// A printer the system knows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Printer {
    /// Its queue name, which a print job names.
    pub name: String,
    /// The system's default printer.
    pub default: bool,
    /// Paused (disabled): jobs would wait in its queue.
    pub paused: bool,
}

/// A job the printer took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Job {
    /// CUPS's request id, `Labels-12`.
    pub id: String,
    pub printer: String,
}

/// The CUPS clients, talking to the system's scheduler or to `server` (`host:port`).
#[derive(Clone, Debug, Default)]
pub struct Cups {
    server: Option<String>,
}

impl Cups {
    /// The scheduler every program on this computer prints through.
    pub fn system() -> Cups {
        Cups { server: None }
    }

    /// The scheduler at `host:port` (the tests' own).
    pub fn at(server: impl Into<String>) -> Cups {
        Cups { server: Some(server.into()) }
    }

    fn run(&self, program: &str, args: &[&str]) -> Result<Output> {
        let mut command = Command::new(program);
        command.args(args).env("LC_ALL", "C");
        if let Some(server) = &self.server {
            command.env("CUPS_SERVER", server);
        }
        command.output().map_err(|e| {
            tracing::warn!("{program} could not run: {e}");
            Error::new(Code::PrinterUnavailable, NO_CUPS)
        })
    }

    /// The printers, the default one marked. None set up is an empty list, not a refusal.
    pub fn printers(&self) -> Result<Vec<Printer>> {
        let listed = self.run("lpstat", &["-p"])?;
        let text = String::from_utf8_lossy(&listed.stdout);
        if !listed.status.success() && text.trim().is_empty() {
            let said = String::from_utf8_lossy(&listed.stderr);
            if said.contains("No destinations") {
                return Ok(Vec::new());
            }
            tracing::warn!("lpstat -p: {}", said.trim());
            return Err(Error::new(
                Code::PrinterUnavailable,
                "The printing system (CUPS) does not answer on this computer: start it, or check its settings.",
            ));
        }
        let default = self.run("lpstat", &["-d"])?;
        let default = String::from_utf8_lossy(&default.stdout);
        let default = default.trim().strip_prefix("system default destination: ").map(str::trim);
        Ok(read_printers(&text, default))
    }

    /// Sends `pdf` to the choice's printer with its media and copies. A missing or paused
    /// printer is refused before anything is sent: a paused queue would keep the job and
    /// print it whenever someone resumes it, maybe on the wrong stock.
    pub fn print(&self, pdf: &Path, title: &str, choice: &PrintChoice) -> Result<Job> {
        let printers = self.printers()?;
        let target = match &choice.printer {
            Some(name) => printers.iter().find(|p| &p.name == name),
            None => printers.iter().find(|p| p.default),
        };
        let printer = match (target, &choice.printer) {
            (Some(p), _) => p.clone(),
            (None, Some(name)) => {
                return Err(Error::new(
                    Code::PrinterUnavailable,
                    format!(
                        "The printer \u{201c}{name}\u{201d} is not set up on this computer: choose another in Settings \u{2192} Printing."
                    ),
                ))
            }
            (None, None) => {
                return Err(Error::new(
                    Code::PrinterUnavailable,
                    "This computer has no default printer: choose one in Settings \u{2192} Printing.",
                ))
            }
        };
        if printer.paused {
            return Err(Error::new(
                Code::PrinterUnavailable,
                format!(
                    "The printer \u{201c}{}\u{201d} is paused: resume it in the system's printer settings, then print again.",
                    printer.name
                ),
            ));
        }
        let copies = choice.copies.to_string();
        let media = format!("media={}", choice.media.pwg_name());
        let file = pdf.to_string_lossy();
        let sent = self.run("lp", &["-d", &printer.name, "-n", &copies, "-o", &media, "-t", title, "--", &file])?;
        let said = String::from_utf8_lossy(&sent.stdout);
        if !sent.status.success() {
            let why = String::from_utf8_lossy(&sent.stderr);
            let why = why.trim().trim_start_matches("lp: ").trim_start_matches("Error - ");
            return Err(Error::new(
                Code::PrinterUnavailable,
                format!("The printer \u{201c}{}\u{201d} refused the job: {why}", printer.name),
            ));
        }
        let id = said.split_whitespace().skip_while(|w| *w != "is").nth(1).unwrap_or_default().to_string();
        Ok(Job { id, printer: printer.name })
    }
}

const NO_CUPS: &str = "Printing needs the system's printing service (CUPS), which is not installed on this computer.";

/// `lpstat -p`'s lines, `printer Labels is idle.  enabled since …` or `printer Labels
/// disabled since …`, as printers.
fn read_printers(text: &str, default: Option<&str>) -> Vec<Printer> {
    text.lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("printer ")?;
            let (name, state) = rest.split_once(' ')?;
            Some(Printer {
                name: name.to_string(),
                default: default == Some(name),
                paused: state.trim_start().starts_with("disabled"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lpstat_s_lines_are_printers_paused_or_not() {
        let text = "printer Labels disabled since Wed Dec  2 00:15:40 2026 -\n\tPaused\n\
                    printer Office is idle.  enabled since Wed Dec  2 00:15:01 2026\n\
                    printer Parcels now printing Parcels-3.  enabled since Wed Dec  2 00:15:01 2026\n";
        let printers = read_printers(text, Some("Office"));
        assert_eq!(
            printers,
            [
                Printer { name: "Labels".into(), default: false, paused: true },
                Printer { name: "Office".into(), default: true, paused: false },
                Printer { name: "Parcels".into(), default: false, paused: false },
            ]
        );
    }
}
