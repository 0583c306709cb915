// Badges on the elements that have validation findings: a red circle for errors, an amber
// triangle for warnings, a blue square for information (shape as well as colour); the tooltip
// and accessible name list the messages. A click selects the element.
import { ViewportPortal } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import type { Finding, Layout } from "../generated/carepath";
import { elementBox, MarkButton } from "./CanvasMark";
import type { Selection } from "./Diagram";

type Kind = "step" | "transition" | "need";
const RANK = { error: 2, warning: 1, info: 0 } as const;

interface Mark {
  kind: Kind;
  id: string;
  severity: Finding["severity"];
  messages: string[];
}

/** Findings of one variant grouped by element, worst severity first. */
export function marksOf(findings: readonly Finding[], variant: string, english: boolean): Mark[] {
  const byKey = new Map<string, Mark>();
  for (const f of findings) {
    // an accepted finding is dealt with: no badge
    if (f.accepted) continue;
    for (const el of f.elements) {
      if (el.kind !== "step" && el.kind !== "transition" && el.kind !== "need") continue;
      if (el.variant !== variant) continue;
      const key = `${el.kind}:${el.id}`;
      const mark = byKey.get(key) ?? { kind: el.kind, id: el.id, severity: f.severity, messages: [] };
      if (RANK[f.severity] > RANK[mark.severity]) mark.severity = f.severity;
      mark.messages.push(english ? f.message_en : f.message_nb);
      byKey.set(key, mark);
    }
  }
  return [...byKey.values()];
}

/** Just beyond the top right corner of the element. */
function anchor(layout: Layout, m: Mark): { x: number; y: number } | null {
  const b = elementBox(layout, m.kind, m.id);
  if (!b) return null;
  if (b.point) return { x: b.x + 4, y: b.y - 14 };
  if (m.kind === "step") return { x: b.x + b.w - 4, y: b.y - 6 };
  return m.kind === "transition" ? { x: b.x + b.w + 4, y: b.y - 6 } : { x: b.x + b.w + 2, y: b.y - 10 };
}

export function ProblemBadges(props: { findings: readonly Finding[]; variant: string; layout: Layout; needsShown: boolean; onSelect: (s: Selection) => void }) {
  const { findings, variant, layout, needsShown, onSelect } = props;
  const { t, i18n } = useTranslation();
  const marks = marksOf(findings, variant, i18n.language === "en").filter((m) => needsShown || m.kind !== "need");
  return (
    <ViewportPortal>
      {marks.map((m) => {
        const at = anchor(layout, m);
        if (!at) return null;
        const text = `${t(`problems.${m.severity}`)}: ${m.messages.join("\n")}`;
        return (
          <MarkButton
            key={`${m.kind}:${m.id}`}
            className={`finding-badge ${m.severity}`}
            element={`${m.kind}:${m.id}`}
            x={at.x}
            y={at.y}
            text={text}
            onActivate={() => onSelect({ kind: m.kind, id: m.id })}
          >
            {m.severity === "info" ? "i" : "!"}
          </MarkButton>
        );
      })}
    </ViewportPortal>
  );
}
