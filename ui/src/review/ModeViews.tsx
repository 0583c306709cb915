// The window's pieces for the review, compare and walk-through modes, so the App only wires
// them: the three toolbar switches and the right column each mode shows (null: the usual
// properties and problems panels).
import { useTranslation } from "react-i18next";
import type { CoreError } from "../api";
import type { Selection } from "../canvas/Diagram";
import type { Document, Edit, ElementRef } from "../generated/carepath";
import { WalkPanel } from "../walk/WalkPanel";
import { ReviewPanel } from "./ReviewPanel";
import type { useReview } from "./useReview";

type Modes = ReturnType<typeof useReview>;

export function ModeToggles({ modes, disabled }: { modes: Modes; disabled: boolean }) {
  const { t } = useTranslation();
  const toggles = [
    ["compare_mode", modes.comparing, "compare"],
    ["walk_mode", modes.walking, "walk"],
    ["review_mode", modes.on, "review"],
  ] as const;
  return (
    <>
      {toggles.map(([id, on, ns]) => (
        <button key={id} className="toggle mode" aria-pressed={on} onClick={() => void modes.run(id)} title={t(`${ns}.modeHint`)} disabled={disabled}>
          {t(`${ns}.mode`)}
        </button>
      ))}
    </>
  );
}

interface SideProps {
  modes: Modes;
  doc: Document;
  variantId: string | null;
  selection: Selection;
  onEdit: (edit: Edit) => Promise<boolean>;
  setError: (e: CoreError | null) => void;
  /** Selects and reveals a step, transition or need on the canvas. */
  goTo: (ref: ElementRef) => void;
}

/**
 * The right column of the walk-through and of review mode, or null when neither is on. With
 * both on, the walk-through sits above the review panel, so a reviewer can comment on the step
 * the walk has reached.
 */
export function ModeSidePanel({ modes, doc, variantId, selection, onEdit, setError, goTo }: SideProps) {
  if (modes.comparing) return null;
  const walk = modes.walking && variantId;
  if (!walk && !modes.on) return null;
  return (
    <div className={walk && modes.on ? "right-column split" : "right-column"}>
      {walk && <WalkPanel doc={doc} variantId={variantId} setError={setError} showStep={(id) => goTo({ kind: "step", id, variant: variantId })} />}
      {modes.on && (
        <ReviewPanel
          doc={doc}
          variantId={variantId}
          selection={selection}
          author={modes.author}
          onEdit={onEdit}
          setError={setError}
          needAuthor={modes.openSettings}
          pick={modes.pick}
          setPick={modes.setPick}
          reveal={goTo}
        />
      )}
    </div>
  );
}
