//! The scratch folder the file-writing targets share: on tmpfs where there is one, since
//! every run writes a file; removed when the process ends.
use std::sync::OnceLock;

pub fn folder() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = std::path::PathBuf::from("/dev/shm");
        let base = if shm.is_dir() { shm } else { std::env::temp_dir() };
        tempfile::Builder::new().prefix("carepath-fuzz").tempdir_in(base).unwrap()
    })
    .path()
}
