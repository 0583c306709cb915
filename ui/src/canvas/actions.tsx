// What the canvas's nodes may ask of the diagram — rename a step, run a context-pad command,
// pick a need — handed down through a React context rather than riding in each node's data.
// The diagram's handlers are stable (they read what changes through refs), so node data stays
// plain values compared by reuse.ts, and no node keeps a handler of an older render.
import { createContext, useContext } from "react";
import type { PadCommand } from "./ContextPad";

export interface CanvasActions {
  /** The label editor closed: the new label (null when cancelled); `byKey` for Enter or
   * Escape, after which the step itself takes the focus. */
  rename: (id: string, label: string | null, byKey: boolean) => void;
  /** A context pad's command, for the step the pad shows at. */
  pad: (cmd: PadCommand) => void;
  /** A click on a need: `additive` adds it to the selection or takes it out. */
  pickNeed: (id: string, additive: boolean) => void;
  /** Opens a sub-pathway's own flow; `openTitle` names that on its mark. */
  openFlow: (id: string) => void;
  openTitle: string;
}

const Actions = createContext<CanvasActions | null>(null);
export const CanvasActionsProvider = Actions.Provider;

/** The diagram's actions, for a node drawn inside it. */
export function useCanvasActions(): CanvasActions {
  const actions = useContext(Actions);
  if (!actions) throw new Error("a canvas node is drawn outside its diagram");
  return actions;
}
