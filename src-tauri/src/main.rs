//! Carepath desktop: a Tauri window over the carepath core. All knowledge of pathways lives in
//! the core; this shell opens a document at start and exposes a handful of commands.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod files;
mod menu;
mod review_commands;
mod shared;
mod startup;

use commands::AppState;
use std::time::Duration;
use tauri::Manager;

/// The same allocator as the `carepath` CLI (src/main.rs): a structural edit at 10,000 steps
/// takes about a quarter less time than with glibc's malloc (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use carepath::store::Session;

/// How soon after an edit the file is flushed to disk (see `carepath::store`).
const SYNC_DELAY: Duration = Duration::from_millis(800);

fn main() -> std::process::ExitCode {
    // the packages' `carepath` command: `carepath-desktop --cli ARGS` runs the command line
    if std::env::args_os().nth(1).is_some_and(|a| a == "--cli") {
        return carepath::cli::main(std::iter::once("carepath".into()).chain(std::env::args_os().skip(2)));
    }
    if std::env::args().skip(1).any(|a| a == "--version" || a == "-V") {
        println!("carepath-desktop {}", env!("CARGO_PKG_VERSION"));
        return std::process::ExitCode::SUCCESS;
    }
    tauri::Builder::default()
        // first, so a second launch hands its file over before anything else starts
        .plugin(tauri_plugin_single_instance::init(|app, argv, cwd| {
            startup::handed_over(app, argv, std::path::Path::new(&cwd))
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .manage(AppState::default())
        .manage(files::Chosen::default())
        .manage(menu::MenuHolder::default())
        .on_menu_event(|app, event| menu::on_event(app, &event.id().0))
        .setup(|app| {
            let handle = app.handle().clone();
            menu::rebuild(&handle);
            let state = app.state::<AppState>();
            match startup::open_start_document(&handle) {
                Ok(session) => {
                    let (_, labels) = commands::install(
                        &handle,
                        &mut state.session.lock().expect("state lock"),
                        session,
                    );
                    commands::show_opened(&handle, labels);
                }
                Err(e) => {
                    eprintln!("carepath: could not open the start document: {}", e.message);
                    *state.startup_error.lock().expect("state lock") = Some(e);
                    menu::update(&handle, |m| {
                        m.open = false;
                        m.recent = startup::recent(&handle);
                    });
                }
            }
            std::thread::spawn(move || loop {
                std::thread::sleep(SYNC_DELAY);
                handle.state::<AppState>().sync_if_dirty();
                commands::reopen_if_replaced(&handle, &handle.state::<AppState>());
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            files::choose_save,
            files::choose_open,
            commands::open_document,
            commands::create_document,
            commands::template_cards,
            commands::info_services,
            commands::current_document,
            commands::document_usage,
            commands::show_view,
            commands::apply_edit,
            commands::undo,
            commands::redo,
            commands::validate,
            commands::layout,
            commands::auto_arrange,
            commands::export_document,
            commands::import_document,
            commands::save_as,
            commands::close_document,
            commands::document_path,
            commands::document_read_only,
            commands::recent_documents,
            commands::copy,
            commands::paste,
            commands::set_menu_state,
            commands::open_guide,
            review_commands::diff_variants,
            review_commands::diff_with_file,
            review_commands::file_variants,
            review_commands::export_compare,
            review_commands::compare_pair,
            review_commands::review_list,
            review_commands::review_markers,
            review_commands::review_comment,
            review_commands::review_resolve,
            review_commands::review_decide,
            review_commands::accept_finding,
            commands::undo_state,
            shared::shared_place,
            shared::share_document,
            shared::leave_shared,
            shared::shared_receive,
            shared::join_shared,
            review_commands::withdraw_acceptance,
            review_commands::send_for_review,
            review_commands::merge_review,
            review_commands::walk_variant,
            review_commands::review_author,
            review_commands::set_review_author,
            review_commands::compare_picture,
        ])
        .build(tauri::generate_context!())
        .expect("error while building the Carepath window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                app.state::<AppState>().sync_if_dirty();
            }
        });
    std::process::ExitCode::SUCCESS
}
