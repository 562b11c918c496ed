//! caseback-cli: the shop's data without the window. Works on the app's data folder (or
//! `--data-dir`); commands that write take the folder's lock, so they are refused while the
//! app has the folder open.

use std::path::{Path, PathBuf};

mod data;
mod lists;
mod shared;

use anyhow::{bail, Context, Result};
use caseback_desk::Desk;
use caseback_domain::branch::BranchFilter;
use caseback_domain::presets::PresetId;
use caseback_domain::settings::field_infos;
use caseback_domain::staff::{RosterEntry, StaffMember};
use caseback_domain::Settings;
use caseback_store::{backup, db, demo, DataFolder};
use clap::{Parser, Subcommand};
use jiff::Timestamp;

#[derive(Parser)]
#[command(name = "caseback-cli", version, about = "Caseback without the window: demo shop, settings, backups")]
struct Cli {
    /// The data folder (default: $CASEBACK_DATA_DIR, else the app's folder in the OS app-data dir).
    #[arg(long, global = true, value_name = "FOLDER")]
    data_dir: Option<PathBuf>,
    /// The shop's shared PostgreSQL database (postgresql://user@server/database, the password
    /// from the pgpass file); default: the one this computer was set up with, else the folder's file.
    #[arg(long, global = true, value_name = "URL")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Creates the demo shop in the data folder (or opens it if it is already there).
    Demo,
    /// Shows or changes the shop's settings.
    #[command(subcommand)]
    Settings(SettingsCommand),
    /// Lists the policy presets, one for each seed shop.
    Presets,
    /// Lists tickets, soonest deadline first (all, or those matching QUERY).
    Tickets {
        query: Option<String>,
        #[arg(long)]
        json: bool,
        /// Only this branch's (KLN), or "-" for those booked without a branch.
        #[arg(long)]
        branch: Option<String>,
    },
    /// Lists returns, soonest deadline first (all, or those matching QUERY: RMA code, order
    /// number, customer).
    Returns {
        query: Option<String>,
        #[arg(long)]
        json: bool,
        /// Only this branch's (KLN), or "-" for those booked without a branch.
        #[arg(long)]
        branch: Option<String>,
    },
    /// Renders a form to a PDF file: a ticket's (`render receipt R-2026-00001 --out r.pdf`)
    /// or a return's (`render return-label RMA-K7QD-4WX --out label.pdf`).
    Render {
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(caseback_desk::form_names()))]
        form: String,
        /// The ticket number, or the RMA code for a return's forms.
        target: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Writes a checked copy of the database to FILE.
    Backup {
        #[arg(long, value_name = "FILE", required_unless_present = "folder")]
        to: Option<PathBuf>,
        /// Instead: a full copy with the attachments, in a new folder inside DIR (a USB stick).
        #[arg(long, value_name = "DIR", conflicts_with = "to")]
        folder: Option<PathBuf>,
    },
    /// Lists the automatic backups the app keeps (7 daily, 4 weekly, 12 monthly).
    Backups,
    /// Shows what a backup holds; with --yes, replaces the shop's data with it (the current
    /// data is backed up first). Refused while the app is open.
    Restore {
        from: PathBuf,
        #[arg(long)]
        yes: bool,
    },
    /// Writes every table as CSV, and the attachments as files, into a new folder inside DIR.
    Export {
        #[arg(long, value_name = "DIR")]
        to: PathBuf,
    },
    /// The shared database: where the shop is, moving it there and back, joining it.
    #[command(subcommand)]
    Database(shared::DatabaseCommand),
}

#[derive(Subcommand)]
enum SettingsCommand {
    /// Prints every setting, or one KEY's value.
    Show {
        key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Sets one or more settings, all or none: `set shop.phone="+852 5555 0101" "policy.rma_validity=7 days"`.
    Set {
        #[arg(required = true, value_name = "KEY=VALUE")]
        pairs: Vec<String>,
        /// Staff member making the change (name); needed when more than one works here.
        #[arg(long)]
        staff: Option<String>,
    },
    /// Replaces the policy with a preset's (profile, money and staff are kept).
    Preset {
        id: String,
        #[arg(long)]
        staff: Option<String>,
    },
}

fn main() {
    if let Err(e) = run(Cli::parse()) {
        eprintln!("caseback-cli: {e:#}");
        std::process::exit(1);
    }
}

fn run(cli: Cli) -> Result<()> {
    let root = cli.data_dir.unwrap_or_else(DataFolder::default_root);
    let now = Timestamp::now();
    let place = shared::Place::new(root.clone(), cli.database.as_deref())?;
    match cli.command {
        Command::Database(command) => shared::run(&place, command, now)?,
        Command::Demo if place.is_shared() => {
            let mut shop = place.writer()?;
            if shop.is_set_up()? {
                println!("The shared database already holds \"{}\"; nothing was changed.", shop.settings()?.shop.name);
            } else {
                demo::fill(&mut shop, now)?;
                println!("Demo shop \"{}\" is ready on the shared database", shop.settings()?.shop.name);
            }
        }
        Command::Demo => {
            let shop = demo::open_or_create(&root, now)?;
            println!("Demo shop \"{}\" is ready in {}", shop.settings()?.shop.name, root.display());
        }
        Command::Presets => {
            for id in PresetId::ALL {
                println!("{:<14} {}\n{:<14} {}", preset_key(id), id.name(), "", id.summary());
            }
        }
        Command::Backup { folder: Some(folder), .. } => data::backup_to_folder(&place.reader()?, &folder, now)?,
        Command::Backups => data::list(&root)?,
        Command::Restore { from, yes } => {
            place.folder_only("restore")?;
            data::restore(&root, &from, yes, now)?;
        }
        Command::Export { to } => data::export(&place.reader()?, &to, now)?,
        Command::Backup { to, .. } => {
            let to = to.context("give --to FILE or --folder DIR")?;
            place.folder_only("backup --to FILE (one file, without the attachments)")?;
            let conn = db::open_read_only(&database(&root)?)?;
            let summary = backup::to_file(&conn, &to)?;
            println!(
                "Backed up \"{}\" to {} ({} bytes, schema {}, {} staff, {} events); integrity check ok",
                summary.shop_name.unwrap_or_default(),
                summary.path.display(),
                summary.bytes,
                summary.schema_version,
                summary.staff,
                summary.events
            );
        }
        Command::Render { form, target, out } => {
            let mut desk = reader(&place)?;
            let what = desk.paper_for(&form, &target)?;
            let paper = desk.paper(what)?;
            std::fs::write(&out, &paper.pdf).with_context(|| format!("could not write {}", out.display()))?;
            println!("Wrote {} ({})", out.display(), paper.file_name);
            note(&desk);
        }
        Command::Returns { query, json, branch } => {
            let mut desk = reader(&place)?;
            let branch = BranchFilter::try_from(branch.unwrap_or_default())?;
            let rows = desk.return_list(query.as_deref().unwrap_or(""), None, branch, usize::MAX >> 1)?;
            emit(&lists::returns(&rows, json)?)?;
            note(&desk);
        }
        Command::Tickets { query, json, branch } => {
            let mut desk = reader(&place)?;
            let branch = BranchFilter::try_from(branch.unwrap_or_default())?;
            let rows = desk.ticket_list(query.as_deref().unwrap_or(""), None, branch, usize::MAX >> 1)?;
            emit(&lists::tickets(&rows, json)?)?;
            note(&desk);
        }
        Command::Settings(SettingsCommand::Show { key, json }) => {
            let shop = place.reader()?;
            if !shop.is_set_up()? {
                bail!("the shop has not been set up yet; open the app first");
            }
            show(&shop.settings()?, &shop.staff()?, key.as_deref(), json)?;
        }
        Command::Settings(SettingsCommand::Set { pairs, staff }) => {
            let values = pairs
                .iter()
                .map(|p| {
                    p.split_once('=')
                        .with_context(|| format!("\"{p}\" is not KEY=VALUE (e.g. policy.rma_validity=7 days)"))
                })
                .collect::<Result<Vec<_>>>()?;
            change(&place, staff.as_deref(), now, |s| Ok(s.apply(values.iter().copied())?))?;
        }
        Command::Settings(SettingsCommand::Preset { id, staff }) => {
            let preset = PresetId::ALL.into_iter().find(|p| preset_key(*p) == id).with_context(|| {
                let keys: Vec<_> = PresetId::ALL.iter().map(|p| preset_key(*p)).collect();
                format!("no preset \"{id}\"; choose one of {}", keys.join(", "))
            })?;
            change(&place, staff.as_deref(), now, |s| Ok(s.with_preset(preset)))?;
        }
    }
    Ok(())
}

/// The shop to read from, as of now: the app may have it open meanwhile.
fn reader(place: &shared::Place) -> Result<Desk> {
    Ok(Desk::new(place.reader()?, Desk::system_clock()))
}

/// Says on stderr when what was shown may lag the calendar (the data is read-only here).
fn note(desk: &Desk) {
    if let Some(note) = desk.calendar_note() {
        eprintln!("caseback-cli: note: {note}");
    }
}

fn database(root: &Path) -> Result<PathBuf> {
    let path = root.join(caseback_store::folder::DATABASE_FILE);
    if !path.exists() {
        bail!(
            "there is no shop in {}; open the app there first, or create the demo with `caseback-cli demo`",
            root.display()
        );
    }
    Ok(path)
}

fn preset_key(id: PresetId) -> String {
    serde_json::to_value(id).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Applies `edit` to the settings as `staff_name`, under the folder's lock.
fn change(
    place: &shared::Place,
    staff_name: Option<&str>,
    now: Timestamp,
    edit: impl FnOnce(&Settings) -> Result<Settings>,
) -> Result<()> {
    let mut shop = place.writer()?;
    let members = shop.staff()?;
    let by = actor(&members, staff_name)?;
    let next = edit(&shop.settings()?)?;
    let roster: Vec<RosterEntry> = members.into_iter().map(RosterEntry::from).collect();
    shop.save_settings(by.id, &next, &roster, now)?;
    println!("Saved, recorded as changed by {}.", by.name);
    Ok(())
}

fn actor(members: &[StaffMember], name: Option<&str>) -> Result<StaffMember> {
    let active: Vec<&StaffMember> = members.iter().filter(|m| m.active).collect();
    let names = || active.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", ");
    match name {
        Some(n) => active
            .iter()
            .find(|m| m.name.eq_ignore_ascii_case(n.trim()))
            .map(|m| (*m).clone())
            .with_context(|| format!("no active staff member \"{n}\"; choose one of: {}", names())),
        None if active.len() == 1 => Ok(active[0].clone()),
        None => bail!("say who is making the change with --staff; staff: {}", names()),
    }
}

/// Prints `text`; a reader that stops early (`| head`) is not an error.
fn emit(text: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn show(settings: &Settings, members: &[StaffMember], key: Option<&str>, json: bool) -> Result<()> {
    use std::fmt::Write;
    let mut out = String::new();
    if let Some(key) = key {
        let value = settings.field_value(key).with_context(|| format!("there is no setting called \"{key}\""))?;
        if json {
            writeln!(out, "{}", serde_json::json!({ key: value }))?;
        } else {
            writeln!(out, "{value}")?;
        }
        return emit(&out);
    }
    let infos = field_infos();
    if json {
        let values: serde_json::Map<String, serde_json::Value> =
            infos.iter().map(|f| (f.key.to_string(), settings.field_value(f.key).unwrap_or_default().into())).collect();
        let staff: Vec<_> =
            members.iter().map(|m| serde_json::json!({ "id": m.id, "name": m.name, "active": m.active })).collect();
        let doc = serde_json::json!({ "preset": settings.preset, "settings": values, "staff": staff });
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        return emit(&out);
    }
    writeln!(out, "Policy based on: {}", settings.preset.name())?;
    let mut group = "";
    for f in &infos {
        if f.group != group {
            group = f.group;
            writeln!(out, "\n{group}")?;
        }
        let value = settings.field_value(f.key).unwrap_or_default().replace('\n', "\n      ");
        writeln!(out, "  {:<36} {value}", f.key)?;
    }
    writeln!(out, "\nStaff")?;
    for m in members {
        writeln!(out, "  {}{}", m.name, if m.active { "" } else { " (left)" })?;
    }
    emit(&out)
}
