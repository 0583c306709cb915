// A transition drawn along the route the core's layout computed (the same polyline and label
// box the SVG, PNG, PDF and BPMN exports draw). While one of its steps is being dragged the
// route is stale, so the edge falls back to a plain orthogonal path until the layout is
// re-read.
import { BaseEdge, getSmoothStepPath, useStore, type Edge, type EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { EdgeRoute, StepBox } from "../generated/carepath";
import { routePath, samePlace } from "./geometry";
import { SIGNAL_STYLE } from "./needStyle";
import { countRender } from "./renderCount";

export type RouteEdgeType = Edge<{ route: EdgeRoute; fromBox: StepBox; toBox: StepBox }, "route">;

/** Whether the step `id` stands where `box` puts it, as a value that changes only when that
 * step moves (so an arrow re-renders when one of its own steps moves, not on every change). */
function useAtBox(id: string, box: { x: number; y: number } | undefined): boolean {
  return useStore((s) => !!box && samePlace(s.nodeLookup.get(id)?.internals.positionAbsolute, box));
}

export const RouteEdge = memo(function RouteEdge(props: EdgeProps<RouteEdgeType>) {
  countRender("edge");
  const { data, source, target, markerEnd, style, interactionWidth } = props;
  const fromHere = useAtBox(source, data?.fromBox);
  const toHere = useAtBox(target, data?.toBox);
  const fresh = !!data && fromHere && toHere;
  if (!fresh || !data) {
    const [path] = getSmoothStepPath(props);
    return <BaseEdge path={path} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />;
  }
  const label = data.route.label;
  const signal = data.route.signal && data.route.signal !== "none" ? SIGNAL_STYLE[data.route.signal] : undefined;
  return (
    <>
      <BaseEdge path={routePath(data.route.points)} markerEnd={markerEnd} style={style} interactionWidth={interactionWidth} />
      {label && label.lines.length > 0 && (
        <g className={signal ? `route-label signal-${data.route.signal}` : "route-label"}>
          <rect
            className="react-flow__edge-textbg"
            x={label.x - 2}
            y={label.y - 1}
            width={label.w + 4}
            height={label.h + 2}
            rx={3}
            style={signal ? { fill: signal.fill, stroke: signal.line } : undefined}
          />
          <text
            className="react-flow__edge-text"
            fontSize={label.size}
            fontWeight={label.bold || signal ? 600 : undefined}
            style={signal ? { fill: signal.line } : undefined}
          >
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
}, sameDrawing);

const COORDS = new Set(["sourceX", "sourceY", "targetX", "targetY"]);

/** Props that draw the same arrow. The handle coordinates React Flow measures from the page
 * wobble by fractions of a pixel whenever it re-measures the steps (after every edit), which
 * would redraw every arrow; whole pixels decide. */
function sameDrawing(a: EdgeProps<RouteEdgeType>, b: EdgeProps<RouteEdgeType>): boolean {
  const ka = Object.keys(a) as (keyof typeof a)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    COORDS.has(k) ? Math.round(a[k] as number) === Math.round(b[k] as number) : Object.is(a[k], b[k]),
  );
}
