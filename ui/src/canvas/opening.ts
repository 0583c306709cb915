import type { Layout } from "../generated/carepath";

/** The smallest zoom at which step labels stay readable (12 px text shown at about 7 px). */
export const READABLE_ZOOM = 0.55;
/** Room left around the pathway when it is fitted, in screen pixels. */
const MARGIN = 16;

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The view a document opens in, for a pane of `width` × `height` pixels: the whole pathway,
 * fitted and centred, when it is readable that small; otherwise the first phase (with the
 * lane names) fitted from the top-left corner, and never below the readable zoom.
 */
export function openingView(layout: Layout, width: number, height: number, nested = false): Viewport {
  const w = Math.max(1, width - 2 * MARGIN);
  const h = Math.max(1, height - 2 * MARGIN);
  const whole = Math.min(1, w / layout.width, h / layout.height);
  if (whole >= READABLE_ZOOM) {
    return {
      x: (width - layout.width * whole) / 2,
      y: (height - layout.height * whole) / 2,
      zoom: whole,
    };
  }
  // a sub-pathway's flow opens on the first phase that holds a step (it may start in a later
  // one): the phases before it are passed over, the lane names stay as tags (sticky headers);
  // the main flow opens on its first phase with the lane-name band
  const used = nested && layout.steps.length > 0 ? Math.min(...layout.steps.map((b) => b.column)) : 0;
  const first = layout.columns[used] ?? layout.columns[0];
  const horizontal = layout.orientation !== "vertical";
  const start = layout.columns[0];
  const skip = first && start ? (horizontal ? first.x - start.x : first.y - start.y) : 0;
  // the first phase's far edge along the flow, less what is passed over; the lane headers
  // come before it
  const along = (first ? (horizontal ? first.x + first.width : first.y + first.height) : horizontal ? layout.width : layout.height) - skip;
  const across = horizontal ? layout.height : layout.width;
  const zoom = Math.max(
    READABLE_ZOOM,
    Math.min(1, horizontal ? Math.min(w / along, h / across) : Math.min(h / along, w / across)),
  );
  // centred across the lanes when they fit, else from the first lane
  const spare = (horizontal ? height : width) - across * zoom;
  const offset = spare > 0 ? spare / 2 : 0;
  const back = skip > 0 ? -skip * zoom : 0;
  return horizontal ? { x: back, y: offset, zoom } : { x: offset, y: back, zoom };
}

/** A box in diagram units. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * How far to pan (screen pixels, added to the viewport's x and y) so that `box` is wholly in
 * a pane of `width` × `height`, clear of the sticky headers (`left` and `top` pixels) with a
 * margin; zero when it already is, so a view the user chose is left alone. Where the box does
 * not fit, its top-left corner is shown.
 */
export function revealDelta(view: Viewport, box: Box, width: number, height: number, left: number, top: number): { dx: number; dy: number } {
  const m = 24;
  const axis = (start: number, size: number, from: number, to: number) => {
    const a = start;
    const b = start + size;
    if (a >= from + m && b <= to - m) return 0;
    if (b - a > to - from - 2 * m || a < from + m) return from + m - a;
    return to - m - b;
  };
  const sx = view.x + box.x * view.zoom;
  const sy = view.y + box.y * view.zoom;
  return {
    dx: axis(sx, box.w * view.zoom, left, width),
    dy: axis(sy, box.h * view.zoom, top, height),
  };
}
