import type { Resources } from "./nb";

export const en: Resources = {
  app: { loading: "Opening the document …", language: "Language", noVariants: "The document has no variants." },
  toolbar: { variant: "Variant", undo: "Undo", redo: "Redo", undoHint: "Undo (Ctrl+Z)", redoHint: "Redo (Ctrl+Shift+Z)" },
  variantKind: { current: "Current situation", desired: "Desired pathway", alternative: "Alternative" },
  stepKind: {
    start: "Start",
    activity: "Activity",
    decision: "Decision",
    event: "Event",
    end: "End",
    sub_pathway: "Sub-pathway",
  },
  canvas: {
    newStep: "New step",
    unassignedLane: "No actor",
    unassignedColumn: "No phase",
    hint: "Double-click a cell to add a step · double-click a name to rename it · Delete removes",
  },
  problems: {
    title: "Problems",
    none: "No problems found.",
    error: "Error",
    warning: "Warning",
    info: "Info",
  },
  error: { title: "Something went wrong", dismiss: "Close" },
};
