//! Which shop the command works on: the data folder's own file, or a shared PostgreSQL
//! database (`--database`, or the connection the app saved in the folder), and the
//! `database` commands that move a shop there and back or join one.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use caseback_domain::branch::BranchCode;
use caseback_store::shared_database::{with_pgpass_password, SharedDatabase, LEFT_BEHIND};
use caseback_store::sql::pg::Pg;
use caseback_store::{DataFolder, Shop};
use clap::Subcommand;
use jiff::Timestamp;

#[derive(Subcommand)]
pub enum DatabaseCommand {
    /// Says where the shop is: the folder's file, or the shared database this computer uses.
    Show,
    /// Moves the folder's shop to an empty shared database (every table, the event log and
    /// the attachments, checked afterwards), and uses it from now on.
    MoveTo {
        /// e.g. postgresql://caseback@server/shop, or "host=server dbname=shop user=caseback".
        url: String,
        /// What the history calls this computer (Counter, Bench, Office).
        #[arg(long)]
        computer: String,
        /// The branch of a chain this computer is at (KLN): what it books is that branch's.
        #[arg(long)]
        branch: Option<String>,
    },
    /// Uses a shared database another computer already moved the shop to.
    Join {
        url: String,
        #[arg(long)]
        computer: String,
        /// The branch of a chain this computer is at (KLN): what it books is that branch's.
        #[arg(long)]
        branch: Option<String>,
    },
    /// Sets up an empty database as the server of a chain's branch, from head office's shop
    /// (the shared database this command works on): its settings, RMA key and logo, the
    /// branch's first staff, and ids of its own; then publishes it for head office.
    StartBranch {
        /// The branch server's empty database (its server has wal_level = logical).
        url: String,
        /// The branch's number in the chain, 1 to 99, a different one for each branch.
        #[arg(long)]
        number: u8,
        /// The branch's staff, as they are called at the counter (repeat for each).
        #[arg(long, required = true)]
        staff: Vec<String>,
    },
    /// At head office: replicates a branch server's records into this shared database, as
    /// subscription NAME (PostgreSQL's logical replication; its server keeps it running).
    SubscribeBranch {
        name: String,
        /// The branch server as head office's server reaches it, e.g.
        /// "host=kln.example.net dbname=caseback user=replicator".
        connection: String,
    },
    /// Moves the shop from the shared database back into the folder's own file, and stops
    /// using the shared database on this computer (the database is left as it is).
    MoveBack,
}

/// Where the shop of this command is.
pub struct Place {
    pub root: PathBuf,
    /// The shared database, when the shop is on one, with this computer's name and branch.
    pub shared: Option<(postgres::Config, String, Option<BranchCode>)>,
}

impl Place {
    pub fn new(root: PathBuf, database: Option<&str>) -> Result<Place> {
        let shared = match database {
            Some(url) => Some((parse(url)?, "the command line".to_string(), None)),
            None => SharedDatabase::load(&root)?.map(|s| (s.config(), s.computer, s.branch)),
        };
        Ok(Place { root, shared })
    }

    /// The shop to read (and, on a shared database, to write: the server takes turns).
    /// A folder's shop is opened read-only, so it may be open in the app meanwhile.
    pub fn reader(&self) -> Result<Shop> {
        match &self.shared {
            Some(_) => self.shared_shop(DataFolder::unlocked(&self.root)),
            None => {
                self.require_file()?;
                Ok(Shop::open_read_only(&self.root)?)
            }
        }
    }

    /// The shop to change: under the folder's lock, or on the shared database.
    pub fn writer(&self) -> Result<Shop> {
        match &self.shared {
            Some(_) => self.shared_shop(DataFolder::unlocked(&self.root)),
            None => {
                self.require_file()?;
                Ok(Shop::open(DataFolder::lock(&self.root)?)?)
            }
        }
    }

    fn shared_shop(&self, folder: DataFolder) -> Result<Shop> {
        let (config, computer, branch) = self.shared.as_ref().expect("a shared database");
        let mut shop = Shop::open_shared(folder, Pg::connect(config.clone())?)?;
        shop.set_computer(computer);
        shop.set_branch(*branch);
        Ok(shop)
    }

    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// Refuses a command that works only on a shop in a folder.
    pub fn folder_only(&self, what: &str) -> Result<()> {
        if self.is_shared() {
            bail!("{what} works on a shop in this computer's folder: on a shared database, `caseback-cli backup --folder DIR` writes a full Caseback copy, and `caseback-cli database move-back` brings the shop back to this computer");
        }
        self.require_file()
    }

    fn require_file(&self) -> Result<()> {
        let path = self.root.join(caseback_store::folder::DATABASE_FILE);
        if !path.exists() {
            bail!(
                "there is no shop in {}; open the app there first, or create the demo with `caseback-cli demo`",
                self.root.display()
            );
        }
        Ok(())
    }
}

/// A connection string (`postgresql://…` or `key=value …`), with the pgpass file's password
/// when it names none.
fn parse(url: &str) -> Result<postgres::Config> {
    let config: postgres::Config =
        url.parse().with_context(|| "the shared database is given as postgresql://user@server/database")?;
    Ok(with_pgpass_password(config))
}

/// The connection as the folder keeps it (no password: that goes to the pgpass file).
fn connection(url: &str, computer: &str) -> Result<(SharedDatabase, Option<String>)> {
    let config: postgres::Config =
        url.parse().context("the shared database is given as postgresql://user@server/database")?;
    let shared = SharedDatabase::from_config(&config, computer);
    shared.check()?;
    let password = config.get_password().map(|p| String::from_utf8_lossy(p).into_owned());
    Ok((shared, password))
}

pub fn run(place: &Place, command: DatabaseCommand, now: Timestamp) -> Result<()> {
    let root = place.root.as_path();
    match command {
        DatabaseCommand::Show => match SharedDatabase::load(root)? {
            Some(s) => println!(
                "The shop is on the shared database {}:{}/{} as {}; this computer is \"{}\"{}.",
                s.host,
                s.port,
                s.database,
                s.user,
                s.computer,
                s.branch.map(|b| format!(", at branch {b}")).unwrap_or_default()
            ),
            None => println!("The shop is in this computer's folder, {}.", root.display()),
        },
        DatabaseCommand::MoveTo { url, computer, branch } => {
            if SharedDatabase::load(root)?.is_some() {
                bail!("this computer already uses a shared database (`caseback-cli database show`)");
            }
            let (mut shared, password) = connection(&url, &computer)?;
            shared.branch = branch.map(|b| b.parse()).transpose()?;
            let mut shop = Shop::open(DataFolder::lock(root)?)?;
            if !shop.is_set_up()? {
                bail!("there is no shop in {} to move", root.display());
            }
            if let Some(p) = &password {
                shared.save_password(p)?;
            }
            let moved = shop.move_to_shared(&shared)?;
            println!(
                "Moved {} tables ({} rows) and {} attachments to {}:{}/{}, checked. The folder's old file is kept as {}.",
                moved.tables.len(),
                moved.tables.iter().map(|t| t.rows).sum::<i64>(),
                moved.attachments,
                shared.host,
                shared.port,
                shared.database,
                root.join(LEFT_BEHIND).display()
            );
        }
        DatabaseCommand::Join { url, computer, branch } => {
            let (mut shared, password) = connection(&url, &computer)?;
            shared.branch = branch.map(|b| b.parse()).transpose()?;
            if let Some(p) = &password {
                shared.save_password(p)?;
            }
            let probe = shared.probe()?;
            let Some(name) = probe.shop else {
                bail!("that database holds no shop yet: move one there with `caseback-cli database move-to`");
            };
            if root.join(caseback_store::folder::DATABASE_FILE).exists() && Shop::open_read_only(root)?.is_set_up()? {
                bail!(
                    "{} keeps a shop of its own: move it to the shared database instead, or use an empty folder",
                    root.display()
                );
            }
            shared.save(root)?;
            println!(
                "This computer (\"{}\"{}) now works on \"{name}\" (PostgreSQL {}).",
                shared.computer,
                shared.branch.map(|b| format!(", branch {b}")).unwrap_or_default(),
                probe.server_version
            );
        }
        DatabaseCommand::StartBranch { url, number, staff } => {
            if !place.is_shared() {
                bail!("start-branch copies head office's shop: give head office's database with --database");
            }
            let head_office = place.reader()?;
            let mut branch = Shop::open_shared(DataFolder::unlocked(root), Pg::connect(parse(&url)?)?)?;
            let members = branch.set_up_branch(&head_office, number, &staff, now)?;
            branch.publish_branch()?;
            println!(
                "Set up branch server {number} with {} staff; it publishes its records as \"{}\". At head office, run `caseback-cli database subscribe-branch NAME CONNECTION`.",
                members.len(),
                caseback_store::chain::PUBLICATION
            );
        }
        DatabaseCommand::SubscribeBranch { name, connection } => {
            if !place.is_shared() {
                bail!("subscribe-branch runs on head office's shared database: give it with --database");
            }
            place.reader()?.subscribe_to_branch(&name, &connection)?;
            println!("Head office now receives the records of branch server \"{name}\" as they are made.");
        }
        DatabaseCommand::MoveBack => {
            let Some(shared) = SharedDatabase::load(root)? else {
                bail!("this computer does not use a shared database");
            };
            let mut shop = Shop::open_shared(DataFolder::lock(root)?, shared.connect()?)?;
            let moved = shop.move_back_to_folder()?;
            println!(
                "Moved {} tables ({} rows) and {} attachments into {}, checked; this computer no longer uses the shared database.",
                moved.tables.len(),
                moved.tables.iter().map(|t| t.rows).sum::<i64>(),
                moved.attachments,
                root.join(caseback_store::folder::DATABASE_FILE).display()
            );
        }
    }
    Ok(())
}
