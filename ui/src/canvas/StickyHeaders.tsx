// Lane and phase names that stay in view while the diagram pans: phase names stick to the top
// edge once their band would scroll out; lane names, once theirs has scrolled out to the
// left, become a small tag in the top corner of their lane (the room a lane keeps above its
// steps), so they never cover a step. Drawn over the canvas with no pointer events,
// positioned from the flow's viewport.
import { useViewport } from "@xyflow/react";
import { useMemo } from "react";
import type { Layout } from "../generated/carepath";

interface Props {
  layout: Layout;
  laneNames: string[];
  columnNames: string[];
}

/** The most room a lane tag takes, in screen pixels. */
const TAG_WIDTH = 200;
const TAG_HEIGHT = 16;

/** Per lane, each step's extent along x and its top (shape or label), in diagram units. */
function stepTops(layout: Layout): [number, number, number][][] {
  const out: [number, number, number][][] = layout.lanes.map(() => []);
  for (const b of layout.steps) {
    out[b.lane]?.push([Math.min(b.x, b.label.x), Math.max(b.x + b.w, b.label.x + b.label.w), Math.min(b.y, b.label.y)]);
  }
  return out;
}

export function StickyHeaders({ layout, laneNames, columnNames }: Props) {
  const { x, y, zoom } = useViewport();
  const fontSize = Math.min(14, Math.max(9, 13 * zoom));
  const laneLeft = Math.max(0, x);
  // the lane-name column has begun to scroll out of view (vertical lanes keep their band)
  const stuck = x < 0 && layout.orientation !== "vertical";
  const colTop = Math.max(0, y);
  const headerW = layout.lane_header_width * zoom;
  const headerH = layout.column_header_height * zoom;
  // a lane's tag shows where no step lies under it: no step at the left edge of the view, or
  // room enough above the first one there (zoomed far out there is not, and it is left out)
  const tops = useMemo(() => stepTops(layout), [layout]);
  const tagRoom = stuck ? layout.lanes.map((l, i) => (tops[i] ?? []).every(([x0, x1, top]) => x + x1 * zoom <= 0 || x + x0 * zoom >= TAG_WIDTH || (top - l.y) * zoom >= TAG_HEIGHT + 2)) : [];
  return (
    <div className="sticky-headers" style={{ fontSize }}>
      {layout.columns.map((c, i) => (
        <div
          key={`c${i}`}
          className="column-name"
          style={{ left: x + c.x * zoom, top: colTop, width: c.width * zoom, height: headerH }}
        >
          <span>{columnNames[i]}</span>
        </div>
      ))}
      {layout.lanes.map((l, i) =>
        stuck ? (
          tagRoom[i] && (
            <div key={`l${i}`} className="lane-tag" style={{ left: 0, top: y + l.y * zoom, maxWidth: TAG_WIDTH }}>
              {laneNames[i]}
            </div>
          )
        ) : (
          <div
            key={`l${i}`}
            className="lane-name"
            style={{ left: laneLeft, top: y + l.y * zoom, width: headerW, height: l.height * zoom }}
          >
            <span>{laneNames[i]}</span>
          </div>
        ),
      )}
      {!stuck && <div className="corner" style={{ left: laneLeft, top: colTop, width: headerW, height: headerH }} />}
    </div>
  );
}
