// Lane and phase names that stay in view while the diagram pans: phase names stick to the top
// edge once their band would scroll out; lane names, once theirs has scrolled out to the
// left, become a small tag in the top corner of their lane (the room a lane keeps above its
// steps), so they never cover a step. Drawn over the canvas with no pointer events,
// positioned from the flow's viewport.
import { useViewport } from "@xyflow/react";
import type { Layout } from "../generated/carepath";

interface Props {
  layout: Layout;
  laneNames: string[];
  columnNames: string[];
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
          <div key={`l${i}`} className="lane-tag" style={{ left: 0, top: y + l.y * zoom, maxWidth: Math.max(200, headerW) }}>
            {laneNames[i]}
          </div>
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
