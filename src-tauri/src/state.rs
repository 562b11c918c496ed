//! What the running app holds: the shop's desk and, while exploring, the demo's; the clock
//! both are read by; and the last automatic backup's problem.

use std::path::PathBuf;
use std::sync::Mutex;

use caseback_desk::{Clock, Desk, Error, Result};
use caseback_domain::Code;
use caseback_store::shared_database::SharedDatabase;
use caseback_store::{demo, DataFolder, Shop};

pub struct AppState {
    pub root: PathBuf,
    clock: Clock,
    session: Mutex<Session>,
    /// Why the last automatic backup failed, until one succeeds.
    backup_problem: Mutex<Option<String>>,
    /// Which listener to the shared database is the current one (live.rs).
    listener: std::sync::atomic::AtomicU64,
}

struct Session {
    /// The shop's own data; an error when another copy holds the folder or it is too new.
    real: Result<Desk>,
    /// The demo shop, while staff explore it. The real folder stays locked meanwhile.
    demo: Option<Desk>,
}

/// The shop's own data: the folder's file, or the shared database this computer was set up with.
fn open_real(root: &std::path::Path, clock: &Clock) -> Result<Desk> {
    DataFolder::lock(root).and_then(Shop::open_configured).map(|s| Desk::new(s, clock.clone())).map_err(Error::from)
}

impl AppState {
    pub fn open(root: PathBuf, clock: Clock) -> AppState {
        // A shared database is connected to in the background (`connect_in_background`),
        // so the window opens as fast as on the folder's own file and says it is connecting.
        let real = match SharedDatabase::load(&root) {
            Ok(Some(shared)) => Err(Error::new(
                Code::ServerUnavailable,
                format!("Connecting to the shop's database on {}…", shared.host),
            )),
            _ => open_real(&root, &clock),
        };
        if let Err(e) = &real {
            tracing::warn!("data folder {} not opened: {}", root.display(), e.message);
        }
        AppState {
            clock,
            root,
            session: Mutex::new(Session { real, demo: None }),
            backup_problem: Mutex::new(None),
            listener: Default::default(),
        }
    }

    /// While the shop's shared database has not answered: tries it again, and says whether
    /// the shop is open now (true when nothing was waiting).
    pub fn connect_again(&self) -> bool {
        if !self.waits_for_server() {
            return true;
        }
        // Connecting may take up to 5 seconds: not while holding the session.
        let opened = open_real(&self.root, &self.clock);
        let open = opened.is_ok();
        if let Err(e) = &opened {
            tracing::warn!("shared database not reached: {}", e.message);
        }
        self.session().real = opened;
        open
    }

    /// The shop's shared database has not answered yet (or went away before it opened).
    pub fn waits_for_server(&self) -> bool {
        self.session().real.as_ref().err().is_some_and(|e| e.code == Code::ServerUnavailable)
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `f` on the desk in use: the demo's while exploring it, else the shop's own.
    pub fn desk<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let mut session = self.session();
        let Session { real, demo } = &mut *session;
        let desk = match demo {
            Some(desk) => desk,
            None => real.as_mut().map_err(|e| e.clone())?,
        };
        f(desk).map_err(|e| desk.in_shop_style(e))
    }

    /// Runs `f` on the shop's own desk, even while the demo is open.
    pub fn real_desk<T>(&self, f: impl FnOnce(&mut Desk) -> Result<T>) -> Result<T> {
        let mut session = self.session();
        let desk = session.real.as_mut().map_err(|e| e.clone())?;
        f(desk).map_err(|e| desk.in_shop_style(e))
    }

    pub fn set_backup_problem(&self, problem: Option<String>) {
        *self.backup_problem.lock().unwrap_or_else(|p| p.into_inner()) = problem;
    }

    pub fn backup_problem(&self) -> Option<String> {
        self.backup_problem.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn is_demo(&self) -> bool {
        self.session().demo.is_some()
    }

    /// The error that keeps the shop's own data closed, if any.
    pub fn blocked(&self) -> Option<Error> {
        self.session().real.as_ref().err().cloned()
    }

    pub fn open_demo(&self) -> Result<()> {
        let mut session = self.session();
        if let Err(e) = &session.real {
            return Err(e.clone());
        }
        if session.demo.is_none() {
            let shop = demo::open_or_create(&DataFolder::demo_root(&self.root), (self.clock)())?;
            session.demo = Some(Desk::new(shop, self.clock.clone()));
        }
        Ok(())
    }

    pub fn leave_demo(&self) {
        self.session().demo = None;
    }

    /// A new listener's turn; the ones before it stop.
    pub fn next_listener(&self) -> u64 {
        self.listener.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1
    }

    pub fn listener(&self) -> u64 {
        self.listener.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub fn now(&self) -> jiff::Timestamp {
        (self.clock)()
    }
}
