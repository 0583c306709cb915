// The background of the diagram: lanes as horizontal bands named on the left, phases as
// columns with headers on top. Takes no pointer events, so clicks reach the pane.
import type { Node, NodeProps } from "@xyflow/react";
import type { Layout } from "../generated/carepath";

export type SwimlanesData = {
  layout: Layout;
  laneNames: string[];
  columnNames: string[];
};
export type SwimlanesNodeType = Node<SwimlanesData, "swimlanes">;

export function Swimlanes({ data }: NodeProps<SwimlanesNodeType>) {
  const { layout, laneNames, columnNames } = data;
  const top = layout.column_header_height;
  const left = layout.lane_header_width;
  return (
    <div className="swimlanes" style={{ width: layout.width, height: layout.height }}>
      {layout.lanes.map((lane, i) => (
        <div
          key={`lane-${i}`}
          className={`lane ${i % 2 ? "odd" : "even"}`}
          style={{ top: lane.y, height: lane.height, width: layout.width }}
        >
          <div className="lane-name" style={{ width: left }}>
            {laneNames[i]}
          </div>
        </div>
      ))}
      {layout.columns.map((col, i) => (
        <div key={`col-${i}`} className="column" style={{ left: col.x, width: col.width, height: layout.height }}>
          <div className="column-name" style={{ height: top }}>
            {columnNames[i]}
          </div>
        </div>
      ))}
      <div className="corner" style={{ width: left, height: top }} />
    </div>
  );
}
