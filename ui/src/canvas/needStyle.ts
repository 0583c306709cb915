// The diagram's line vocabulary, the same as the core's SVG export (src/diagram/
// style.rs; a test reads that file and compares): every interaction form and transition kind
// differs in dash pattern as well as colour, so colour never carries meaning alone.
import type { InteractionForm, Signal, TransitionKind } from "../generated/carepath";

export const FORM_STYLE: Record<InteractionForm, { colour: string; dash: string }> = {
  look_up: { colour: "#1565c0", dash: "2 3" },
  messaging: { colour: "#2e7d32", dash: "8 3" },
  document_sharing: { colour: "#00838f", dash: "10 3 2 3" },
  shared_editing: { colour: "#6a1b9a", dash: "5 2 1 2 1 2" },
  event_stream: { colour: "#e65100", dash: "1 2" },
  synchronous: { colour: "#5d4037", dash: "14 4" },
  manual: { colour: "#ad1457", dash: "2 2 2 7" },
  unknown: { colour: "#757575", dash: "2 7" },
};

/** In display order, as the core's `InteractionForm::ALL`. */
export const FORMS = Object.keys(FORM_STYLE) as InteractionForm[];

/** A transition's triage signal: line colour and chip fill, as the export's `signal_style`. */
export const SIGNAL_STYLE: Record<Exclude<Signal, "none">, { line: string; fill: string }> = {
  green: { line: "#2e7d32", fill: "#e8f5e9" },
  yellow: { line: "#a86b00", fill: "#fff4cc" },
  red: { line: "#c62828", fill: "#ffebee" },
};

export const TRANSITION_STYLE: Record<TransitionKind, { colour: string; dash: string | null }> = {
  normal: { colour: "#263238", dash: null },
  loop: { colour: "#1e5aa8", dash: "7 4" },
  exception: { colour: "#b3261e", dash: "16 3 3 3 3 3" },
};
