// Typed calls into the desktop shell. Every type comes from ./generated (made from the Rust
// types); errors arrive as the core's { code, message }.
import { invoke } from "@tauri-apps/api/core";
import type {
  Changed,
  UndoState,
  CoreError,
  Document,
  Usage,
  Edit,
  ExportOptions,
  Finding,
  Fragment,
  ImportReport,
  Layout,
  NewDocument,
  Position,
  Shown,
  TemplateCard,
  InfoService,
  Update,
  View,
  SharedPlace,
  SharedUpdate,
} from "./generated/carepath";

export type { Changed, CoreError, Document, Edit, ExportOptions, Finding, Fragment, ImportReport, Layout };

export function isCoreError(e: unknown): e is CoreError {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** Any failure as a CoreError, so the UI can show it and act on its code. */
export function asCoreError(e: unknown): CoreError {
  if (isCoreError(e)) return e;
  return { code: "io", message: String(e) };
}

export type { SharedPlace, SharedUpdate };

export const api = {
  /** The open document's sharing, resumed from its file; null when it is not shared. */
  sharedPlace: (author: string) => invoke<SharedPlace | null>("shared_place", { author }),
  /** Share: the open document becomes `name` on `server` (name and token from the server). */
  shareDocument: (server: string, name: string, token: string, author: string) => invoke<SharedPlace>("share_document", { server, name, token, author }),
  leaveShared: () => invoke<null>("leave_shared"),
  /** Updates from others (base64), through the core's checks to the file and the window. */
  sharedReceive: (updates: string[], view: View) => invoke<SharedUpdate>("shared_receive", { updates, view }),
  /** Join: the shared state received becomes a new file at `path`, opened and shared. */
  joinShared: (path: string, server: string, name: string, token: string, author: string, sharedState: string) =>
    invoke<Document>("join_shared", { path, server, name, token, author, sharedState }),
  currentDocument: () => invoke<Document>("current_document"),
  /** How many steps and needs use each actor, phase and information type. */
  documentUsage: () => invoke<Usage>("document_usage"),
  openDocument: (path: string) => invoke<Document>("open_document", { path }),
  /** A blank document or a template's copy, created at `path` and opened. */
  createDocument: (request: NewDocument, path: string) => invoke<Document>("create_document", { new: request, path }),
  templateCards: () => invoke<TemplateCard[]>("template_cards"),
  infoServices: () => invoke<InfoService[]>("info_services"),
  /** Everything the window shows of `view`; each edit's Update is measured from it. */
  showView: (view: View) => invoke<Shown>("show_view", { view }),
  /** Applies an edit; the answer is what changed for the window showing `view`. */
  applyEdit: (edit: Edit, view: View) => invoke<Update>("apply_edit", { edit, view }),
  /** In review mode (`reviewOnly`) only comments and decisions are undone and redone. */
  /** What undo and redo would do ("Angre legg til steg"); null where there is nothing. */
  undoState: () => invoke<UndoState>("undo_state"),
  /** Help → User guide: the bundled guide in a window of its own. */
  openGuide: () => invoke<null>("open_guide"),
  undo: (reviewOnly: boolean, view: View) => invoke<Update>("undo", { reviewOnly, view }),
  redo: (reviewOnly: boolean, view: View) => invoke<Update>("redo", { reviewOnly, view }),
  /** `drawing`: errors that only say the pathway is unfinished come as notes. */
  validate: (drawing: boolean) => invoke<Finding[]>("validate", { drawing }),
  layout: (variant: string) => invoke<Layout>("layout", { variant }),
  autoArrange: (variant: string) => invoke<Edit>("auto_arrange", { variant }),
  exportDocument: (options: ExportOptions, path: string) => invoke<null>("export_document", { options, path }),
  importDocument: (source: string, target: string | null) => invoke<ImportReport>("import_document", { source, target }),
  saveAs: (path: string) => invoke<null>("save_as", { path }),
  closeDocument: () => invoke<null>("close_document"),
  documentPath: () => invoke<string>("document_path"),
  /** The file could not be opened for writing (permissions, read-only folder or drive). */
  documentReadOnly: () => invoke<boolean>("document_read_only"),
  recentDocuments: () => invoke<string[]>("recent_documents"),
  copy: (variant: string, steps: string[]) => invoke<Fragment>("copy", { variant, steps }),
  paste: (variant: string, offset: Position) => invoke<Edit>("paste", { variant, offset }),
  setMenuState: (english: boolean, minimap: boolean, needLayer: boolean) =>
    invoke<null>("set_menu_state", { english, minimap, needLayer }),
};
