// Markers on the canvas in review mode: a speech bubble with the number of open threads and
// the newest decision's symbol (shape as well as colour) at the top left of a step, beside a
// transition's label or a need's badge. A click selects the element.
import { ViewportPortal } from "@xyflow/react";
import { useTranslation } from "react-i18next";
import { elementBox, MarkButton } from "../canvas/CanvasMark";
import type { Selection } from "../canvas/Diagram";
import { asCoreError, type CoreError } from "../api";
import type { Document, ElementRef, Layout, ReviewStatus } from "../generated/carepath";
import { reviewApi } from "./api";
import { STATUS_SYMBOL } from "./logic";
import { useAnswer } from "./useAnswer";

/** A marker as the canvas places it: the element's kind and id in this variant's picture. */
interface Marker {
  kind: "step" | "transition" | "need" | "actor" | "phase";
  id: string;
  openThreads: number;
  status: ReviewStatus | null;
}

const drawn = (t: ElementRef): t is Extract<ElementRef, { kind: Marker["kind"] }> =>
  t.kind === "step" || t.kind === "transition" || t.kind === "need" || t.kind === "actor" || t.kind === "phase";

function anchor(layout: Layout, m: Marker): { x: number; y: number } | null {
  if (m.kind === "actor") {
    const lane = layout.lanes.find((l) => l.actor === m.id);
    // just right of the lane's name and below the phases' names (both stick to the view's edge)
    return lane ? { x: lane.x + layout.lane_header_width + 4, y: Math.max(lane.y, layout.column_header_height) + 4 } : null;
  }
  if (m.kind === "phase") {
    const col = layout.columns.find((c) => c.phase === m.id);
    return col ? { x: col.x + 6, y: col.y + layout.column_header_height + 4 } : null;
  }
  // just before the top left corner of a step, left of a label, badge or point
  const b = elementBox(layout, m.kind, m.id);
  if (!b) return null;
  if (m.kind === "step") return { x: b.x - 10, y: b.y - 12 };
  const above = b.point ? 14 : m.kind === "transition" ? 8 : 10;
  return { x: b.x - 30, y: b.y - above };
}

export function ReviewMarkers(props: {
  doc: Document;
  variant: string;
  layout: Layout;
  needsShown: boolean;
  onSelect: (s: Selection) => void;
  /** Puts an actor or phase under review in the review panel. */
  onPick: (pick: string) => void;
  setError: (e: CoreError | null) => void;
}) {
  const { doc, variant, layout, needsShown, onSelect, onPick, setError } = props;
  const { t } = useTranslation();
  const answer = useAnswer(() => reviewApi.markers(variant), [doc, variant], (e) => setError(asCoreError(e)));
  const marks: Marker[] = (answer ?? []).flatMap((m) =>
    drawn(m.target) && (needsShown || m.target.kind !== "need")
      ? [{ kind: m.target.kind, id: m.target.id, openThreads: m.open_threads, status: m.status ?? null }]
      : [],
  );
  return (
    <ViewportPortal>
      {marks.map((m) => {
        const at = anchor(layout, m);
        if (!at) return null;
        const parts = [
          m.openThreads > 0 ? t("review.markerThreads", { count: m.openThreads }) : null,
          m.status ? `${t("review.decision")}: ${t(`review.status.${m.status}`)}` : null,
        ].filter(Boolean);
        const text = parts.join(" · ");
        return (
          <MarkButton
            key={`${m.kind}:${m.id}`}
            className={`review-marker${m.status ? ` status-${m.status}` : ""}`}
            element={`${m.kind}:${m.id}`}
            x={at.x}
            y={at.y}
            text={text}
            onActivate={() => (m.kind === "actor" || m.kind === "phase" ? onPick(`${m.kind}:${m.id}`) : onSelect({ kind: m.kind, id: m.id }))}
          >
            {m.openThreads > 0 && <span className="marker-threads">❝{m.openThreads}</span>}
            {m.status && <span className="marker-status">{STATUS_SYMBOL[m.status]}</span>}
          </MarkButton>
        );
      })}
    </ViewportPortal>
  );
}
