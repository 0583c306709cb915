// The step palette above the canvas: pick a kind, then click (or double-click) a lane x phase
// cell, or drag the kind onto a cell. From the keyboard (Enter / Space on a kind) the step is
// added at once in the selected step's cell, or the first cell, and focus moves to it.
import { useTranslation } from "react-i18next";
import type { StepKind } from "../generated/carepath";
import { StepShape } from "./StepNode";

export const PALETTE_KINDS: StepKind[] = ["activity", "decision", "start", "end", "event", "sub_pathway"];
export const STEP_KIND_MIME = "application/x-carepath-step-kind";

interface Props {
  armed: StepKind | null;
  onArm: (kind: StepKind | null) => void;
  onAddHere: (kind: StepKind) => void;
}

export function Palette({ armed, onArm, onAddHere }: Props) {
  const { t } = useTranslation();
  return (
    <div className="palette" role="toolbar" aria-label={t("palette.label")} title={t("palette.hint")}>
      <span className="palette-title">{t("palette.label")}</span>
      {PALETTE_KINDS.map((k) => {
        const name = t(`stepKind.${k}`);
        return (
          <button
            key={k}
            type="button"
            className={`palette-item${armed === k ? " armed" : ""}`}
            aria-pressed={armed === k}
            aria-label={t("palette.add", { kind: name })}
            data-kind={k}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(STEP_KIND_MIME, k);
              e.dataTransfer.effectAllowed = "copy";
            }}
            onClick={(e) => {
              // detail 0: activated by the keyboard, not the pointer
              if (e.detail === 0) onAddHere(k);
              else onArm(armed === k ? null : k);
            }}
          >
            <svg className={`palette-symbol step step-${k}`} width={k === "start" || k === "end" ? 20 : 36} height={20} aria-hidden>
              <StepShape kind={k} w={k === "start" || k === "end" ? 20 : 36} h={20} />
            </svg>
            {name}
          </button>
        );
      })}
      <span className="palette-status" role="status">
        {armed ? t("palette.armed", { kind: t(`stepKind.${armed}`) }) : ""}
      </span>
    </div>
  );
}
