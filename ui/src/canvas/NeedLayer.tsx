// The data-sharing needs as their own layer over the lanes, along the connectors the core's
// layout routed (the geometry the SVG export draws): line colour AND dash pattern by
// interaction form, an arrowhead towards each consumer (a ring in a processor's lane), a badge with the need's number and
// short title beside its first connector and its number beside each of the others.
// A click (or Enter on the focused badge) selects the need. The layer is a background node
// above the lanes and below transitions and steps, as in the export, so it never covers a
// step's connection handles.
import { useStoreApi, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import type { DataRole, Document, Layout, Variant } from "../generated/carepath";
import { infoTypeLabel } from "../panels/logic";
import { routePath } from "./geometry";
import { countRender } from "./renderCount";
import { FORM_STYLE, FORMS } from "./needStyle";
import type { Selection } from "./Diagram";
import { useCanvasActions } from "./actions";

export type NeedLayerData = {
  doc: Document;
  variant: Variant;
  layout: Layout;
  selection: Selection;
  /** Needs in the multi-selection, besides the selected one. */
  multiNeeds: readonly string[];
};
export type NeedLayerNodeType = Node<NeedLayerData, "needs">;

export const NeedLayer = memo(function NeedLayer({ data }: NodeProps<NeedLayerNodeType>) {
  countRender("needs");
  const { doc, variant, layout, selection, multiNeeds } = data;
  const { pickNeed } = useCanvasActions();
  // the canvas's own multi-selection key state (Shift, Ctrl or Cmd held), as a step's click uses
  const store = useStoreApi();
  const { t } = useTranslation();
  const needs = new Map((variant.needs ?? []).map((n) => [n.id, n]));
  const actor = (id: string | null | undefined) => (id ? (doc.actors.find((a) => a.id === id)?.name ?? "?") : t("props.none"));
  return (
      <svg className="need-layer" width={layout.width} height={layout.height} aria-label={t("layer.label")} role="group">
        <defs>
          {FORMS.map((f) => (
            <marker key={f} id={`cp-need-${f}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M0 0 L10 5 L0 10 z" fill={FORM_STYLE[f].colour} />
            </marker>
          ))}
        </defs>
        {layout.needs.map((r) => {
          const need = needs.get(r.id);
          if (!need) return null;
          const { colour, dash } = FORM_STYLE[r.form];
          const selected = (selection?.kind === "need" && selection.id === r.id) || multiNeeds.includes(r.id);
          const codes = need.info_types
            .map((id) => doc.info_types.find((it) => it.id === id))
            .filter((it) => !!it)
            .map((it) => infoTypeLabel(it));
          const names = (role: (r: DataRole) => boolean) => {
            const ids = [...new Set((need.parties ?? []).filter((p) => role(p.role)).map((p) => p.actor))];
            return ids.length ? ids.map((a) => actor(a)).join(", ") : t("props.none");
          };
          const name = t("layer.needAt", {
            title: need.title,
            provider: names((r) => r === "producer" || r === "provider"),
            consumer: names((r) => r === "consumer"),
            form: t(`interactionForm.${r.form}`),
          });
          const select = (e: React.MouseEvent | React.KeyboardEvent) => {
            e.stopPropagation();
            pickNeed(r.id, e.shiftKey || e.ctrlKey || e.metaKey || store.getState().multiSelectionActive);
          };
          const b = r.badge;
          const relays = new Set(r.relays ?? []);
          return (
            <g key={r.id} className={`need need-${r.form}${selected ? " selected" : ""} nopan nodrag`} data-need-id={r.id} onClick={select} onDoubleClick={(e) => e.stopPropagation()}>
              <title>{[name, ...codes].join("\n")}</title>
              {r.paths
                .filter((p) => p.length >= 2)
                .map((p, i) => (
                  <g key={i}>
                    <path className="need-hit" d={routePath(p)} />
                    <path className="need-line" d={routePath(p)} stroke={colour} strokeDasharray={dash} markerEnd={relays.has(i) ? undefined : `url(#cp-need-${r.form})`} />
                    <circle cx={p[0].x} cy={p[0].y} r={2.6} fill={colour} />
                    {/* a processor (databehandler) carries the information on: a ring, not an arrowhead */}
                    {relays.has(i) && <circle className="need-relay" cx={p[p.length - 1].x} cy={p[p.length - 1].y} r={4} fill="white" stroke={colour} strokeWidth={1.6} />}
                  </g>
                ))}
              {(r.tags ?? []).map((tag, i) => (
                <g key={`tag-${i}`} className="need-tag">
                  <rect x={tag.x} y={tag.y} width={tag.w} height={tag.h} rx={3} stroke={colour} />
                  <text fontSize={tag.size} fill={colour} x={tag.x + tag.w / 2} y={tag.y + tag.h / 2 + 0.35 * tag.size} textAnchor="middle">
                    {tag.lines[0]}
                  </text>
                </g>
              ))}
              {b && b.lines.length > 0 && (
                <g
                  className="need-badge"
                  tabIndex={0}
                  role="button"
                  // the name says first what the badge shows (its number and short title)
                  aria-label={badgeName(b.lines, name)}
                  aria-pressed={selected}
                  onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && select(e)}
                >
                  <rect x={b.x - 3} y={b.y - 2} width={b.w + 6} height={b.h + 4} rx={4} stroke={colour} />
                  <text fontSize={b.size} fill={colour}>
                    {b.lines.map((line, i) => (
                      <tspan key={i} x={b.x + b.w / 2} y={b.y + i * (b.h / b.lines.length) + 0.97 * b.size} textAnchor="middle">
                        {line}
                        {/* a space between the lines, so the text reads as the words it is (screen readers, axe) */}
                        {i < b.lines.length - 1 && <tspan className="line-gap"> </tspan>}
                      </tspan>
                    ))}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
  );
});

/** A badge's accessible name: its visible text, then the need's full title where that says more. */
export function badgeName(lines: readonly string[], title: string): string {
  const shown = lines.join(" ").replace(/\s*…$/, "").trim();
  return title && !shown.includes(title) ? `${lines.join(" ")} – ${title}` : lines.join(" ");
}
