//! Carepath desktop: a Tauri window over the carepath core. All knowledge of pathways lives in
//! the core; this shell opens a document at start and exposes a handful of commands.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod session;
mod startup;

use commands::AppState;
use tauri::Manager;

/// The open-document type (see `session.rs` for why it is not yet the core's store).
pub use session::Session;

fn main() {
    tauri::Builder::default()
        .manage(AppState::default())
        .setup(|app| {
            let handle = app.handle().clone();
            let state = app.state::<AppState>();
            match startup::open_start_document(&handle) {
                Ok(session) => {
                    commands::install(&handle, &state, session);
                }
                Err(e) => {
                    eprintln!("carepath: could not open the start document: {}", e.message);
                    *state.startup_error.lock().expect("state lock") = Some(e);
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::open_document,
            commands::create_from_template,
            commands::current_document,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::validate,
            commands::layout,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Carepath window");
}
