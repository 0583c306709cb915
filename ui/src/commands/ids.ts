// The commands of the window. The native menu sends the ids of the first group in its `menu`
// event (src-tauri/src/menu.rs); the page's own keys map to ids of both groups (./keys.ts).
export type MenuCommandId =
  | "new"
  | "open"
  | "recent"
  | "save_as"
  | "import"
  | "export"
  | "close"
  | "undo"
  | "redo"
  | "cut"
  | "copy"
  | "paste"
  | "delete"
  | "select_all"
  | "find"
  | "zoom_in"
  | "zoom_out"
  | "fit"
  | "minimap"
  | "need_layer"
  | "lang:nb"
  | "lang:en"
  | "shortcuts"
  | "about";

export type PageCommandId =
  | "find_next"
  | "find_prev"
  | "rename"
  | "add_step"
  | "append_activity"
  | "append_decision"
  | "append_event"
  | "append_end"
  | "connect"
  | "add_need"
  | "escape"
  | "confirm"
  | "select_left"
  | "select_right"
  | "select_up"
  | "select_down"
  | "move_left"
  | "move_right"
  | "move_up"
  | "move_down";

export type CommandId = MenuCommandId | PageCommandId;

/** The payload of the shell's `menu` event. */
export interface MenuEventPayload {
  id: MenuCommandId;
  path?: string;
  checked?: boolean;
}
