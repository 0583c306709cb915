// The commands of the window. The native menu's commands and its `menu` event are the core's
// (src/view/menu.rs, generated into ../generated/carepath); the page's own keys map to ids of
// both groups (./keys.ts).
import type { MenuCommand, MenuEvent } from "../generated/carepath";

export type MenuCommandId = MenuCommand;
export type { MenuEvent };

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

/** The menu's review, compare and walk-through commands, which review mode runs (useReview). */
export const REVIEW_COMMANDS = ["send_review", "merge_review", "settings", "review_mode", "compare_mode", "compare_file", "walk_mode"] as const satisfies readonly MenuCommand[];
export type ReviewCommand = (typeof REVIEW_COMMANDS)[number];

/** The menu's live co-editing commands (useSharing's dialogs). */
export const SHARE_COMMANDS = ["share", "join_shared"] as const satisfies readonly MenuCommand[];
export type ShareCommand = (typeof SHARE_COMMANDS)[number];

/** The commands the application frame runs (useFrame's table of handlers). */
export type FrameCommand = Exclude<CommandId, ReviewCommand | ShareCommand>;

const elsewhere: ReadonlySet<string> = new Set([...REVIEW_COMMANDS, ...SHARE_COMMANDS]);
export const isFrameCommand = (id: CommandId): id is FrameCommand => !elsewhere.has(id);
