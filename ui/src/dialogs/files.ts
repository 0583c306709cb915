// The native open and save dialogs, opened by the desktop shell: it then lets the window write
// or open only the files chosen there (src-tauri/src/files.rs). Same options and results as
// @tauri-apps/plugin-dialog's open and save, for one file.
import { invoke } from "@tauri-apps/api/core";

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveOptions {
  title?: string;
  filters?: FileFilter[];
  defaultPath?: string;
}

export interface OpenOptions extends SaveOptions {
  multiple?: false;
  directory?: false;
}

/** The file the user chose to write, or null when the dialog was cancelled. */
export function save(options: SaveOptions = {}): Promise<string | null> {
  return invoke<string | null>("choose_save", { options });
}

/** The file the user chose to open, or null when the dialog was cancelled. */
export function open(options: OpenOptions = {}): Promise<string | null> {
  const { multiple: _m, directory: _d, ...rest } = options;
  return invoke<string | null>("choose_open", { options: rest });
}
