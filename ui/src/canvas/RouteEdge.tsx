// A transition drawn along the route the core's layout computed (the same polyline and label
// box the SVG, PNG, PDF and BPMN exports draw). While one of its steps is being dragged the
// route is stale, so the edge falls back to a plain orthogonal path until the layout is
// re-read.
import { BaseEdge, getSmoothStepPath, useInternalNode, type Edge, type EdgeProps } from "@xyflow/react";
import type { EdgeRoute, StepBox } from "../generated/carepath";
import { routePath, samePlace } from "./geometry";

export type RouteEdgeType = Edge<{ route: EdgeRoute; fromBox: StepBox; toBox: StepBox }, "route">;

export function RouteEdge(props: EdgeProps<RouteEdgeType>) {
  const { data, source, target, markerEnd, style, interactionWidth } = props;
  const from = useInternalNode(source)?.internals.positionAbsolute;
  const to = useInternalNode(target)?.internals.positionAbsolute;
  const fresh = !!data && samePlace(from, data.fromBox) && samePlace(to, data.toBox);
  if (!fresh || !data) {
    const [path] = getSmoothStepPath(props);
    return <BaseEdge path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />;
  }
  const label = data.route.label;
  return (
    <>
      <BaseEdge path={routePath(data.route.points)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {label && label.lines.length > 0 && (
        <g className="route-label">
          <rect className="react-flow__edge-textbg" x={label.x - 2} y={label.y - 1} width={label.w + 4} height={label.h + 2} rx={3} />
          <text className="react-flow__edge-text" fontSize={label.size} fontWeight={label.bold ? 600 : undefined}>
            {label.lines.map((line, i) => (
              <tspan key={i} x={label.x + label.w / 2} y={label.y + i * (label.h / label.lines.length) + 0.97 * label.size} textAnchor="middle">
                {line}
              </tspan>
            ))}
          </text>
        </g>
      )}
    </>
  );
}
