// Badges on the elements that have validation findings: a red circle for errors, an amber
// triangle for warnings, a blue square for information (shape as well as colour); the tooltip
// and accessible name list the messages. A click selects the element.
import { ViewportPortal } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import type { Finding, Layout } from "../generated/carepath";
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

function anchor(layout: Layout, m: Mark): { x: number; y: number } | null {
  if (m.kind === "step") {
    const b = layout.steps.find((s) => s.id === m.id);
    return b ? { x: b.x + b.w - 4, y: b.y - 6 } : null;
  }
  if (m.kind === "transition") {
    const r = layout.edges.find((e) => e.id === m.id);
    if (!r) return null;
    if (r.label) return { x: r.label.x + r.label.w + 4, y: r.label.y - 6 };
    const p = r.points[Math.floor(r.points.length / 2)];
    return p ? { x: p.x + 4, y: p.y - 14 } : null;
  }
  const n = layout.needs.find((x) => x.id === m.id);
  if (n?.badge) return { x: n.badge.x + n.badge.w + 2, y: n.badge.y - 10 };
  const p = n?.paths[0]?.[0];
  return p ? { x: p.x + 4, y: p.y - 14 } : null;
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
          <button
            key={`${m.kind}:${m.id}`}
            type="button"
            className={`finding-badge ${m.severity} nodrag nopan`}
            data-element={`${m.kind}:${m.id}`}
            style={{ transform: `translate(${at.x}px, ${at.y}px)` }}
            title={text}
            aria-label={text}
            onClick={(e) => {
              e.stopPropagation();
              onSelect({ kind: m.kind, id: m.id });
            }}
            onDoubleClick={(e) => e.stopPropagation()}
          >
            {m.severity === "info" ? "i" : "!"}
          </button>
        );
      })}
    </ViewportPortal>
  );
}
