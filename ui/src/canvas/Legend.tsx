// The legend (bottom left, collapsible): step shapes, transition kinds and the line style of
// every interaction form, in the chosen language, drawn with the canvas's own styles.
import { Panel } from "@xyflow/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StepKind, TransitionKind } from "../generated/carepath";
import { FORM_STYLE, FORMS, TRANSITION_STYLE } from "./needStyle";
import { StepShape } from "./StepNode";

const STEP_KINDS: StepKind[] = ["start", "activity", "decision", "event", "sub_pathway", "end"];
const TRANSITION_KINDS: TransitionKind[] = ["normal", "loop", "exception"];

export function Legend({ showNeeds }: { showNeeds: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Panel position="bottom-left" className="legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? t("legend.hide") : t("legend.show")}>
        {open ? "▾" : "▸"} {t("legend.title")}
      </button>
      {open && (
        <div className="legend-body" role="region" aria-label={t("legend.title")}>
          <h3>{t("legend.steps")}</h3>
          <ul>
            {STEP_KINDS.map((k) => (
              <li key={k}>
                <svg className={`legend-symbol step step-${k}`} width={44} height={24} aria-hidden>
                  <StepShape kind={k} w={k === "start" || k === "end" ? 24 : 44} h={24} />
                </svg>
                {t(`stepKind.${k}`)}
              </li>
            ))}
          </ul>
          <h3>{t("legend.transitions")}</h3>
          <ul>
            {TRANSITION_KINDS.map((k) => (
              <li key={k}>
                <LineSymbol colour={TRANSITION_STYLE[k].colour} dash={TRANSITION_STYLE[k].dash} />
                {t(`transitionKind.${k}`)}
              </li>
            ))}
          </ul>
          {showNeeds && (
            <>
              <h3>{t("legend.forms")}</h3>
              <ul>
                {FORMS.map((f) => (
                  <li key={f} data-form={f}>
                    <LineSymbol colour={FORM_STYLE[f].colour} dash={FORM_STYLE[f].dash} width={1.8} dot />
                    {t(`interactionForm.${f}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Panel>
  );
}

/** A line with its arrowhead; need connectors also start at a dot, as on the canvas and in
 * the exports. */
function LineSymbol({ colour, dash, width = 1.5, dot = false }: { colour: string; dash: string | null; width?: number; dot?: boolean }) {
  return (
    <svg className="legend-symbol" width={44} height={14} aria-hidden>
      <path d="M2 7 H36" stroke={colour} strokeWidth={width} strokeDasharray={dash ?? undefined} fill="none" />
      {dot && <circle cx={2.6} cy={7} r={2.6} fill={colour} />}
      <path d="M35 3 L42 7 L35 11 z" fill={colour} />
    </svg>
  );
}
