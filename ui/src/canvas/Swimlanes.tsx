// The background of the diagram: lanes as horizontal bands and phases as columns, with the
// header bands on the left and on top (the names themselves are drawn by StickyHeaders so
// they stay in view). Takes no pointer events, so clicks reach the pane.
import type { Node, NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { Layout } from "../generated/carepath";
import { countRender } from "./renderCount";

export type SwimlanesData = { layout: Layout };
export type SwimlanesNodeType = Node<SwimlanesData, "swimlanes">;

export const Swimlanes = memo(function Swimlanes({ data }: NodeProps<SwimlanesNodeType>) {
  countRender("swimlanes");
  const { layout } = data;
  return (
    <div className="swimlanes" style={{ width: layout.width, height: layout.height }}>
      {layout.lanes.map((lane, i) => (
        <div
          key={`lane-${i}`}
          className={`lane ${i % 2 ? "odd" : "even"}`}
          style={{ top: lane.y, height: lane.height, width: layout.width }}
        />
      ))}
      {layout.columns.map((col, i) => (
        <div key={`col-${i}`} className="column" style={{ left: col.x, width: col.width, height: layout.height }} />
      ))}
      <div className="band-left" style={{ width: layout.lane_header_width, height: layout.height }} />
      <div className="band-top" style={{ width: layout.width, height: layout.column_header_height }} />
    </div>
  );
});
