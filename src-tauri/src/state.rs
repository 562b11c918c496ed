//! What the running app holds: its clock, the shop's data folder and, while exploring, the demo.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use caseback_forms::Fonts;

use caseback_store::{demo, DataFolder, Shop};

use crate::clock::Clock;
use crate::error::{IpcError, IpcResult};

pub struct AppState {
    pub clock: Clock,
    pub root: PathBuf,
    session: Mutex<Session>,
    /// Parsed once, on the first form printed (the CJK face alone takes ~30 ms).
    fonts: Mutex<Option<Arc<Fonts>>>,
    /// Why the last automatic backup failed, until one succeeds.
    backup_problem: Mutex<Option<String>>,
}

struct Session {
    /// The shop's own data; an error when another copy holds the folder or it is too new.
    real: Result<Shop, IpcError>,
    /// The demo shop, while staff explore it. The real folder stays locked meanwhile.
    demo: Option<Shop>,
}

impl AppState {
    pub fn open(root: PathBuf, clock: Clock) -> AppState {
        let real = DataFolder::lock(&root).and_then(Shop::open).map_err(IpcError::from);
        if let Err(e) = &real {
            tracing::warn!("data folder {} not opened: {}", root.display(), e.message);
        }
        AppState {
            clock,
            root,
            session: Mutex::new(Session { real, demo: None }),
            fonts: Mutex::new(None),
            backup_problem: Mutex::new(None),
        }
    }

    /// Runs `f` on the shop in use: the demo while exploring it, else the shop's own.
    pub fn with_shop<T>(&self, f: impl FnOnce(&mut Shop) -> IpcResult<T>) -> IpcResult<T> {
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        let Session { real, demo } = &mut *session;
        match demo {
            Some(shop) => f(shop),
            None => f(real.as_mut().map_err(|e| e.clone())?),
        }
    }

    /// Runs `f` on the shop's own data, even while the demo is open.
    pub fn with_real_shop<T>(&self, f: impl FnOnce(&mut Shop) -> IpcResult<T>) -> IpcResult<T> {
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        f(session.real.as_mut().map_err(|e| e.clone())?)
    }

    pub fn set_backup_problem(&self, problem: Option<String>) {
        *self.backup_problem.lock().unwrap_or_else(|p| p.into_inner()) = problem;
    }

    pub fn backup_problem(&self) -> Option<String> {
        self.backup_problem.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub fn is_demo(&self) -> bool {
        self.session.lock().unwrap_or_else(|p| p.into_inner()).demo.is_some()
    }

    /// The error that keeps the shop's own data closed, if any.
    pub fn blocked(&self) -> Option<IpcError> {
        self.session.lock().unwrap_or_else(|p| p.into_inner()).real.as_ref().err().cloned()
    }

    pub fn open_demo(&self) -> IpcResult<()> {
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        if let Err(e) = &session.real {
            return Err(e.clone());
        }
        if session.demo.is_none() {
            session.demo = Some(demo::open_or_create(&DataFolder::demo_root(&self.root), self.clock.now())?);
        }
        Ok(())
    }

    pub fn fonts(&self) -> IpcResult<Arc<Fonts>> {
        let mut fonts = self.fonts.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(f) = &*fonts {
            return Ok(f.clone());
        }
        let loaded = Arc::new(Fonts::load().map_err(|e| IpcError::new(e.code(), e.to_string()))?);
        *fonts = Some(loaded.clone());
        Ok(loaded)
    }

    pub fn leave_demo(&self) {
        self.session.lock().unwrap_or_else(|p| p.into_inner()).demo = None;
    }
}
