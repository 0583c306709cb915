fn main() {
    // Declaring the app's commands makes each one need a permission in capabilities/, so the
    // window can call only what capabilities/default.json grants.
    let commands = &[
        "choose_save",
        "choose_open",
        "open_document",
        "create_document",
        "template_cards",
        "current_document",
        "show_view",
        "apply_edit",
        "undo",
        "redo",
        "validate",
        "layout",
        "auto_arrange",
        "export_document",
        "import_document",
        "save_as",
        "close_document",
        "document_path",
        "document_read_only",
        "recent_documents",
        "copy",
        "paste",
        "set_menu_state",
        "diff_variants",
        "diff_with_file",
        "file_variants",
        "export_compare",
        "compare_pair",
        "review_list",
        "document_usage",
        "review_markers",
        "review_comment",
        "review_resolve",
        "review_decide",
        "accept_finding",
        "undo_state",
        "withdraw_acceptance",
        "send_for_review",
        "merge_review",
        "walk_variant",
        "review_author",
        "set_review_author",
        "compare_picture",
    ];
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(commands)),
    )
    .expect("tauri build script");
}
