//! Files and folders private to the user's account: every folder Caseback creates for the
//! shop's data is 0700 and every file it writes 0600, in the data folder and in the copies it
//! makes elsewhere (backups to another folder, exports). The shop's data is its customers'
//! names, phones and addresses; no other account on the computer may read it.
//!
//! The modes are set explicitly (fchmod/chmod) after creating, so they do not depend on the
//! process's umask, and an earlier version's looser file is tightened when it is written
//! again. `std::fs::copy` would copy the source's mode, so copies go through `copy_file`.
//!
//! Filesystems that cannot hold Unix modes (a FAT or exFAT USB stick) refuse the change; a
//! backup there still succeeds, as private as that disk allows, with a warning in the log.
//! Elsewhere a failure to tighten is an error.
//!
//! On targets other than Unix these create and write plainly: the folder's privacy there is
//! the OS's per-user app-data folder and its ACLs, which Caseback does not change.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::Path;

/// A private folder's mode.
pub const DIR_MODE: u32 = 0o700;
/// A private file's mode.
pub const FILE_MODE: u32 = 0o600;

/// Creates `path` and any missing parents as private folders, and tightens `path` if it
/// already exists (parents that exist are left as they are: they are not Caseback's).
pub fn create_dir(path: &Path) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => return make_private(path),
        Ok(_) => return Err(io::Error::new(io::ErrorKind::AlreadyExists, "a file is in the way of the folder")),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !parent.exists() {
            create_dir(parent)?;
        }
    }
    match new_dir(path) {
        Ok(()) => {}
        // Another thread or process made it meanwhile.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && path.is_dir() => {}
        Err(e) => return Err(e),
    }
    make_private(path)
}

/// Opens `path` with `options`, a new file being created private, then makes the file
/// private whatever its mode was (the umask's, or an earlier version's).
pub fn open_file(path: &Path, options: &mut OpenOptions) -> io::Result<File> {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(options, FILE_MODE);
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if file.metadata()?.permissions().mode() & 0o7777 != FILE_MODE {
            tolerate(path, file.set_permissions(mode(FILE_MODE)))?;
        }
    }
    Ok(file)
}

/// Creates or truncates `path` as a private file.
pub fn create_file(path: &Path) -> io::Result<File> {
    open_file(path, OpenOptions::new().write(true).create(true).truncate(true))
}

/// Writes `bytes` to `path` (replacing it) as a private file.
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    io::Write::write_all(&mut create_file(path)?, bytes)
}

/// Copies `from` to `to` (replacing it) as a private file, whatever `from`'s mode.
pub fn copy_file(from: &Path, to: &Path) -> io::Result<u64> {
    let mut source = File::open(from)?;
    io::copy(&mut source, &mut create_file(to)?)
}

/// Makes an existing file 0600 or folder 0700 (a symlink is followed); nothing is written
/// when it already is.
pub fn make_private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = fs::metadata(path)?;
        let want = if meta.is_dir() { DIR_MODE } else { FILE_MODE };
        if meta.permissions().mode() & 0o7777 != want {
            tolerate(path, fs::set_permissions(path, mode(want)))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// `make_private` for a file that may not be there (SQLite's `-wal` and `-shm`).
pub fn make_private_if_there(path: &Path) -> io::Result<()> {
    match make_private(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        other => other,
    }
}

/// Makes `dir` and everything under it private, deepest first so that an interrupted pass
/// leaves `dir` itself loose (and is repeated). Symlinks are left alone, never followed.
pub(crate) fn make_tree_private(dir: &Path) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            make_tree_private(&entry.path())?;
        } else if kind.is_file() {
            make_private(&entry.path())?;
        }
    }
    make_private(dir)
}

/// Whether `path` is open to other accounts (group or other bits set); false off Unix.
pub(crate) fn is_open_to_others(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Ok(fs::metadata(path)?.permissions().mode() & 0o077 != 0)
    }
    #[cfg(not(unix))]
    {
        fs::metadata(path).map(|_| false)
    }
}

#[cfg(unix)]
fn mode(bits: u32) -> fs::Permissions {
    std::os::unix::fs::PermissionsExt::from_mode(bits)
}

#[cfg(unix)]
fn new_dir(path: &Path) -> io::Result<()> {
    std::os::unix::fs::DirBuilderExt::mode(&mut fs::DirBuilder::new(), DIR_MODE).create(path)
}

#[cfg(not(unix))]
fn new_dir(path: &Path) -> io::Result<()> {
    fs::create_dir(path)
}

/// A filesystem that cannot hold Unix modes (FAT, exFAT) refuses a chmod with EPERM or
/// ENOTSUP even to the owner: the file stays as private as that disk allows.
#[cfg(unix)]
fn tolerate(path: &Path, result: io::Result<()>) -> io::Result<()> {
    match result {
        Err(e) if matches!(e.kind(), io::ErrorKind::PermissionDenied | io::ErrorKind::Unsupported) => {
            tracing::warn!("could not make {} private to this account: {e}", path.display());
            Ok(())
        }
        other => other,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode_of(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o7777
    }

    #[test]
    fn new_folders_and_files_are_private_and_loose_ones_are_tightened() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a").join("b");
        create_dir(&deep).unwrap();
        assert_eq!((mode_of(&dir.path().join("a")), mode_of(&deep)), (0o700, 0o700));

        let loose = dir.path().join("loose");
        fs::write(&loose, b"old").unwrap();
        fs::set_permissions(&loose, fs::Permissions::from_mode(0o644)).unwrap();
        write_file(&loose, b"new").unwrap();
        assert_eq!((mode_of(&loose), fs::read(&loose).unwrap()), (0o600, b"new".to_vec()));

        fs::set_permissions(&loose, fs::Permissions::from_mode(0o666)).unwrap();
        let copy = deep.join("copy");
        copy_file(&loose, &copy).unwrap();
        assert_eq!(mode_of(&copy), 0o600, "the source's mode is not copied");

        fs::set_permissions(&deep, fs::Permissions::from_mode(0o755)).unwrap();
        create_dir(&deep).unwrap();
        assert_eq!(mode_of(&deep), 0o700);
        assert!(create_dir(&copy).is_err(), "a file is not a folder");
    }

    #[test]
    fn a_tree_is_tightened_without_following_symlinks() {
        let (dir, outside) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let target = outside.path().join("not ours");
        fs::write(&target, b"x").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        fs::write(sub.join("f"), b"x").unwrap();
        std::os::unix::fs::symlink(&target, sub.join("link")).unwrap();
        for p in [dir.path(), &sub] {
            fs::set_permissions(p, fs::Permissions::from_mode(0o755)).unwrap();
        }
        fs::set_permissions(sub.join("f"), fs::Permissions::from_mode(0o644)).unwrap();
        assert!(is_open_to_others(dir.path()).unwrap());
        make_tree_private(dir.path()).unwrap();
        assert_eq!((mode_of(dir.path()), mode_of(&sub), mode_of(&sub.join("f"))), (0o700, 0o700, 0o600));
        assert_eq!(mode_of(&target), 0o644, "what a symlink points to is not ours");
        assert!(!is_open_to_others(dir.path()).unwrap());
    }
}
