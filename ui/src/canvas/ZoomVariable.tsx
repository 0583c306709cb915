// Puts the canvas zoom into the CSS variable --cp-zoom on the diagram, so what must keep its
// size on screen (the connection handles) can divide by it, and sets data-detail: "low" below
// the readable zoom, where steps show a larger short label and a larger number, and "min"
// below that, where a step is too small for any label and shows its number, large (level of
// detail, so "fit" on a large pathway stays useful). Without the diagram re-rendering on every zoom
// step: only this empty component does.
import { useViewport } from "@xyflow/react";
import { useLayoutEffect, useRef } from "react";
import { READABLE_ZOOM } from "./opening";

/** Below this zoom a step is too small on screen for even a short label: it shows its number. */
export const NUMBERS_ZOOM = 0.34;

export function ZoomVariable() {
  const { zoom } = useViewport();
  const probe = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const diagram = probe.current?.closest<HTMLElement>(".diagram");
    if (!diagram) return;
    diagram.style.setProperty("--cp-zoom", String(zoom));
    diagram.dataset.detail = zoom < NUMBERS_ZOOM ? "min" : zoom < READABLE_ZOOM ? "low" : "full";
  }, [zoom]);
  return <span ref={probe} hidden />;
}
